"""Vietnamese text keys: a search key that ignores diacritics and case, and a collation key for sorting.

Both are stored next to names so that search and ordering work the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import unicodedata

# The Vietnamese alphabet: letters with their own place (ă after a, â after ă, đ after d, ...).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
# Tone marks sort after the letter order: no tone, huyền, hỏi, ngã, sắc, nặng (the usual dictionary order).
_TONE_RANK = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Combining marks that make a distinct letter, not a tone.
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}


def search_key(text: str) -> str:
    """Lower case, no diacritics, đ → d, single spaces: "Na Rì" and "na ri" give "na ri"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())


def _letters(text: str) -> list[tuple[str, int]]:
    """Split text into (base letter, tone rank) pairs, keeping ă/â/ê/ô/ơ/ư/đ as letters of their own."""
    result: list[tuple[str, int]] = []
    for char in unicodedata.normalize("NFC", text.lower()):
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        tone = 0
        for mark in marks:
            if (base, mark) in _LETTER_MARKS:
                base = _LETTER_MARKS[(base, mark)]
            elif mark in _TONE_RANK:
                tone = _TONE_RANK[mark]
        result.append((base, tone))
    return result


def sort_key(text: str) -> str:
    """A digits-only string whose plain order is Vietnamese dictionary order.

    Each character becomes a 3-digit code (letters 100+ in alphabet order, digits 010-019, others lower), then
    "000" ends the letters, then one digit per character for its tone. Letters decide first, tones second:
    "An" < "Anh" < "Ân" < "Bắc" and "Ba" < "Bà" < "Bá". Digits only, so the database orders it the same
    way under any collation (SQLite binary, PostgreSQL en_US or C).
    """
    pairs = _letters(text)
    primary = []
    for base, _tone in pairs:
        if base in _LETTER_RANK:
            primary.append(f"{100 + _LETTER_RANK[base]:03d}")
        elif base.isdigit():
            primary.append(f"{10 + int(base):03d}")
        elif base.isspace():
            primary.append("001")
        else:
            primary.append("002")
    return "".join(primary) + "000" + "".join(str(tone) for _base, tone in pairs)


def sorted_vietnamese(items, key=lambda item: str(item)):  # type: ignore[no-untyped-def]
    """Sort any iterable by the Vietnamese collation of key(item)."""
    return sorted(items, key=lambda item: sort_key(key(item)))

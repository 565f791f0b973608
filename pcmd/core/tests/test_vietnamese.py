"""Vietnamese search keys and dictionary-order sorting (pcmd.core.vietnamese)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from pcmd.core.vietnamese import search_key, sort_key, sorted_vietnamese

# Letters of Vietnamese names, with every tone on every vowel, and a few separators.
_VOWELS = "aăâeêioôơuưy"
_TONED = [unicodedata.normalize("NFC", v + tone) for v in _VOWELS for tone in ("", "̀", "̉", "̃", "́", "̣")]
_ALPHABET = sorted(set(_TONED + list("bcdđghklmnpqrstvx") + [" ", "0", "7"]))
vietnamese_text = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=20)


def test_search_key_ignores_diacritics_case_and_extra_spaces():
    assert search_key("Na Rì") == "na ri"
    assert search_key("  NA   RÌ ") == "na ri"
    assert search_key("Đồng Văn") == "dong van"
    assert search_key("Phường Tô Hiệu") == search_key("phuong to hieu")


def test_search_key_treats_composed_and_decomposed_text_alike():
    assert search_key(unicodedata.normalize("NFD", "Mường Bú")) == search_key("Mường Bú") == "muong bu"


def test_sort_follows_the_vietnamese_alphabet_not_the_code_points():
    names = ["Yên Châu", "Điện Biên", "Ân Thi", "Bắc Yên", "Đà Bắc", "An Khê", "Dương Minh Châu", "Ba Vì"]
    assert sorted_vietnamese(names) == [
        "An Khê", "Ân Thi", "Ba Vì", "Bắc Yên", "Dương Minh Châu", "Đà Bắc", "Điện Biên", "Yên Châu",
    ]  # fmt: skip


def test_letters_decide_before_tones():
    assert sorted_vietnamese(["Bá", "Bà", "Ba", "Bả", "Bã", "Bạ"]) == ["Ba", "Bà", "Bả", "Bã", "Bá", "Bạ"]
    assert sorted_vietnamese(["Bàn", "Ban", "Bạc"]) == ["Bạc", "Ban", "Bàn"]


def test_a_prefix_sorts_before_its_extensions():
    assert sorted_vietnamese(["Anh", "An", "Ăn"]) == ["An", "Anh", "Ăn"]


def test_sorting_is_case_insensitive_and_uses_the_key_function():
    units = [{"name": "xã Mường Bú"}, {"name": "Phường Tô Hiệu"}, {"name": "Xã Chiềng Sinh"}]
    assert [u["name"] for u in sorted_vietnamese(units, key=lambda u: u["name"])] == [
        "Phường Tô Hiệu", "Xã Chiềng Sinh", "xã Mường Bú",
    ]  # fmt: skip


def test_numbers_sort_before_letters():
    assert sorted_vietnamese(["Phường 10", "Phường 2", "Phường A"]) == ["Phường 10", "Phường 2", "Phường A"]


@given(vietnamese_text)
def test_search_key_is_idempotent_and_plain_ascii_for_vietnamese_letters(text):
    key = search_key(text)
    assert search_key(key) == key
    assert key.isascii()
    assert key == key.lower() and "  " not in key and key == key.strip()


@given(vietnamese_text)
def test_sort_key_is_made_of_digits_only(text):
    # Digits only: the database orders the stored key the same way under any collation.
    assert sort_key(text).isdigit()


@given(vietnamese_text, vietnamese_text)
def test_sort_key_order_agrees_with_the_letters_then_the_tones(first, second):
    # The order of two keys is decided by the letters (ă, â, đ... in place) first, tones only on a tie.
    if sort_key(first) < sort_key(second):
        a, b = first.lower(), second.lower()
        letters_a = [_letter_rank(c) for c in a]
        letters_b = [_letter_rank(c) for c in b]
        assert letters_a <= letters_b


@given(st.lists(vietnamese_text, max_size=8))
def test_sorting_is_a_permutation_and_is_stable_under_resorting(texts):
    once = sorted_vietnamese(texts)
    assert sorted(once) == sorted(texts)
    assert sorted_vietnamese(once) == once


@given(vietnamese_text)
def test_the_key_depends_only_on_the_text_not_its_normal_form(text):
    assert sort_key(unicodedata.normalize("NFD", text)) == sort_key(unicodedata.normalize("NFC", text))


def _letter_rank(char: str) -> int:
    """Rank of the letter under its tone, independently of pcmd.core.vietnamese (spaces and digits first)."""
    order = " 0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    for mark in decomposed[1:]:
        composed = unicodedata.normalize("NFC", base + mark)
        if composed in order:
            base = composed
    return order.index(base) if base in order else -1

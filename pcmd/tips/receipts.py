"""The receipt code a citizen keeps to follow a tip, and how it is checked without ever being stored.

A code is 24 characters of Crockford's base32 (no I, L, O, U: nothing to confuse on a phone), shown in groups
of four. Its first 8 characters find the row through an HMAC (`Tip.receipt_lookup`, a blind index); the whole
code is checked against a slow password hash (`Tip.receipt_hash`, Django's hasher: Argon2 in production).
The 16 characters after the lookup part alone carry 80 bits from `secrets`, so a stolen database leaks
nothing usable and guessing is hopeless; the views add rate limiting on top.

A wrong code and an unknown code are indistinguishable: both run exactly one hash check and give None.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.auth.hashers import check_password, get_hasher, make_password

from pcmd.core.encryption import blind_index

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LOOKUP_LENGTH = 8
SECRET_LENGTH = 16  # 16 × 5 = 80 bits of entropy
CODE_LENGTH = LOOKUP_LENGTH + SECRET_LENGTH
GROUP = 4
_PURPOSE = "tip-receipt"
# What people mistype when copying by hand: read them as the digits they look like.
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


@dataclass(frozen=True)
class Receipt:
    code: str  # normalised, without separators
    lookup: str
    hashed: str

    @property
    def display(self) -> str:
        return format_code(self.code)


def format_code(code: str) -> str:
    """ "ABCD-EFGH-…": easier to read aloud and copy."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise(raw: str) -> str:
    """Upper case, separators and spaces removed, look-alike letters read as digits."""
    kept = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    return kept.translate(_LOOKALIKES)


def is_well_formed(code: str) -> bool:
    return len(code) == CODE_LENGTH and all(ch in ALPHABET for ch in code)


def lookup_key(code: str) -> str:
    """The HMAC of the code's first part (the code itself is never stored)."""
    return blind_index(code[:LOOKUP_LENGTH], purpose=_PURPOSE)


def new_receipt() -> Receipt:
    code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return Receipt(code=code, lookup=lookup_key(code), hashed=make_password(code))


@lru_cache(maxsize=4)
def _dummy_hash(algorithm: str) -> str:
    return make_password("0" * CODE_LENGTH, hasher=algorithm)


def matches(code: str, hashed: str | None) -> bool:
    """Check the code against the stored hash; without one, against a dummy hash, so that an unknown code
    costs the same time as a wrong one."""
    if hashed is None:
        check_password(code, _dummy_hash(get_hasher("default").algorithm))
        return False
    return check_password(code, hashed)

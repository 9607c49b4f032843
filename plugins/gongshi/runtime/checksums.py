"""Check digits of Chinese identifiers: resident ID (GB 11643) and credit code (GB 32100); and
the size and SHA-256 of a published file (the open-data index and the county bundle list both)."""
from __future__ import annotations

import hashlib
import os

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def id_check_char(first17: str) -> str:
    """The 18th character of a resident ID number from its first 17 digits."""
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def id_valid(number: str) -> bool:
    """Whether an 18-character resident ID number has a correct check character."""
    return (len(number) == 18 and number[:17].isdigit()
            and number[17].upper() == id_check_char(number[:17]))


def uscc_check_char(first17: str) -> str:
    """The 18th character of a unified social credit code from its first 17."""
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_CHARS[(31 - total % 31) % 31]


_USCC_VALUE = {c: i for i, c in enumerate(USCC_CHARS)}


def uscc_valid(code: str) -> bool:
    """Whether a unified social credit code has a correct check character."""
    code = code.upper()
    if len(code) != 18:
        return False
    try:  # one dict lookup a character: the redaction gate asks this of every code it meets
        total = sum(_USCC_VALUE[c] * w for c, w in zip(code, USCC_WEIGHTS))
        return _USCC_VALUE[code[17]] == (31 - total % 31) % 31
    except KeyError:
        return False


def luhn_valid(number: str) -> bool:
    """Whether a string of digits passes the Luhn check (bank card numbers)."""
    if not number.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def sha256_file(path: str) -> tuple[int, str]:
    """Size in bytes and SHA-256 of a file, read in 1 MiB pieces."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return os.path.getsize(path), h.hexdigest()

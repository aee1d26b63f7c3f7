"""How Council and General Assembly documents number their lists: (a), (b) ... and (i), (ii) ..."""

from __future__ import annotations

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def letter_label(index: int) -> str:
    """(a), (b) … (z), then (aa), (bb): the lettering of Council documents (``index`` from 0)."""
    letter = "abcdefghijklmnopqrstuvwxyz"[index % 26]
    return f"({letter * (index // 26 + 1)})"


def roman_label(index: int) -> str:
    """(i), (ii) … (x), (xi): the numbering of items within a lettered group (``index`` from 0)."""
    number, out = index + 1, ""
    for value, numeral in _ROMAN:
        while number >= value:
            out += numeral
            number -= value
    return f"({out})"

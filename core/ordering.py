"""Rows kept in an ``order`` field (a summary's sections and signatories, a meeting's recommendation groups)."""

from __future__ import annotations


def renumber(rows, *, reason: str = "") -> None:
    """Number ``rows`` 1..n in the order given, saving only the rows whose number changes (``reason`` for their
    history)."""
    for order, row in enumerate(rows, start=1):
        if row.order != order:
            row.order = order
            if reason:
                row._change_reason = reason
            row.save(update_fields=["order"])


def move(rows: list, index: int, direction: int, *, reason: str = "") -> bool:
    """Swap ``rows[index]`` with its neighbour (``direction`` -1: up, +1: down) and renumber; False when it is
    already first (last)."""
    target = index + direction
    if not 0 <= target < len(rows):
        return False
    rows[index], rows[target] = rows[target], rows[index]
    renumber(rows, reason=reason)
    return True

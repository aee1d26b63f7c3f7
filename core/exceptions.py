"""Errors the services raise for the user to read."""

from __future__ import annotations


class InvalidTransition(Exception):
    """A change the workflow does not allow now; the message says why, for the user.

    ``field`` names the form field the message belongs to (None: the form as a whole).
    """

    def __init__(self, message: str = "", *, field: str | None = None):
        super().__init__(message)
        self.field = field

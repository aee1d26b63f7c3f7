"""The same date formats in every language (see iegwps/formats/en/formats.py)."""

from iegwps.formats.en.formats import *  # noqa: F403

"""The same date formats as English (see iegwps/formats/en/formats.py), with Spanish abbreviations: "4 dic. 2026"
(Django's ``N``: lower case, with the abbreviation's full stop), not "4 Dic 2026". Numbers follow Django's Spanish
locale."""

from iegwps.formats.en.formats import *  # noqa: F403

DATE_FORMAT = "j N Y"
DATETIME_FORMAT = "j N Y, H:i"
YEAR_MONTH_FORMAT = "N Y"
SHORT_DATE_FORMAT = "j N Y"
SHORT_DATETIME_FORMAT = "j N Y, H:i"

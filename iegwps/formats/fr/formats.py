"""The same date formats as English (see iegwps/formats/en/formats.py), with French abbreviations: "4 déc. 2026"
(Django's ``N``: lower case, with the abbreviation's full stop), not "4 Déc 2026". Numbers follow Django's French
locale ("1 234,5")."""

from iegwps.formats.en.formats import *  # noqa: F403

DATE_FORMAT = "j N Y"
DATETIME_FORMAT = "j N Y, H:i"
YEAR_MONTH_FORMAT = "N Y"
SHORT_DATE_FORMAT = "j N Y"
SHORT_DATETIME_FORMAT = "j N Y, H:i"

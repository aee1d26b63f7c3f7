"""How dates print, everywhere (templates, emails, iCal descriptions, messages): "4 Dec 2026".

Django reads these through FORMAT_MODULE_PATH: ``{{ day|date }}``, ``{{ moment|date:"DATETIME_FORMAT" }}``,
``{{ day|date:"YEAR_MONTH_FORMAT" }}`` and ``django.utils.formats.date_format(day)`` in Python. Templates do not
spell formats of their own (core/tests/test_date_formats.py); machine-readable ``Y-m-d`` and ``c`` in
``datetime=""`` attributes are the exception.

The one deliberate other format: the documents the app produces as Security Council documents (templates/pdf/,
a summary's default title) follow the Council's editorial style, "4 December 2026", through the
``council_date`` filter (documents_tags) and ``COUNCIL_DOCUMENT_DATE_FORMAT`` below.
"""

DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
YEAR_MONTH_FORMAT = "M Y"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"

# Not a Django format name: read by documents.templatetags.documents_tags.council_date only.
COUNCIL_DOCUMENT_DATE_FORMAT = "j F Y"

"""Values other apps read: the titles representatives sign under."""

from __future__ import annotations

# The office a representative signs under, as printed below the name ("Permanent Representative of Spain to the
# United Nations"). "Ambassador" is a rank, printed on its own line (PermanentRepresentative.ambassador), never a
# title. Suggestions only: the form accepts any title as signed.
SIGNING_TITLES = (
    "Permanent Representative",
    "Chargé d'affaires a.i.",
    "Deputy Permanent Representative",
    "Acting Permanent Representative",
)

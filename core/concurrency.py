"""Optimistic locking: a save based on a stale version is refused, never silently lost.

Models that people edit in forms carry ``version = PositiveIntegerField(default=1, editable=False)``.
Forms post the version they were rendered with; ``save_versioned`` locks the row, compares and bumps.
"""

from __future__ import annotations

from django.db import models, transaction
from django.utils.translation import gettext as _


class StaleEdit(Exception):
    """Someone else saved this object after the form was opened."""

    def __init__(self, obj: models.Model):
        self.obj = obj
        super().__init__(
            _(
                "Someone else saved this %(thing)s while you were editing it. Your text is kept below: "
                "review the current version (open it in a new tab), then save again."
            )
            % {"thing": obj._meta.verbose_name}
        )


def save_versioned(obj: models.Model, expected_version: int | None, **save_kwargs) -> None:
    """Save ``obj`` if the stored version is still ``expected_version``; bump the version.

    ``expected_version=None`` skips the check (services acting on their own, not a form).
    """
    with transaction.atomic():
        current = type(obj).objects.select_for_update().filter(pk=obj.pk).values_list("version", flat=True).first()
        if expected_version is not None and current is not None and current != expected_version:
            raise StaleEdit(obj)
        obj.version = (current or 0) + 1
        obj.save(**save_kwargs)


def refuse_stale(form, exc: StaleEdit) -> None:
    """Show a stale-save refusal on ``form``, keeping the user's input, and carry the current version.

    The user reviews the other person's change (the message says how); saving the form again then
    deliberately replaces it, instead of being refused forever.
    """
    form.add_error(None, str(exc))
    current = type(exc.obj).objects.filter(pk=exc.obj.pk).values_list("version", flat=True).first()
    data = form.data.copy()
    data[form.add_prefix("version")] = current
    form.data = data

"""Optimistic locking: a save based on a stale version is refused, never silently lost.

Models that people edit in forms carry ``version = PositiveIntegerField(default=1, editable=False)``.
Forms post the version they were rendered with; ``save_versioned`` locks the row, compares and bumps.
A form opened while the row did not exist yet posts version 0 (``NEW``): if a colleague created the row
meanwhile, the save is refused like a stale edit, neither merged nor overwritten. A post without a version
counts as ``NEW`` too, so a missing version never skips the check.
"""

from __future__ import annotations

from django.db import models, transaction
from django.utils.translation import gettext as _

# The version a form carries when it was opened on a row that did not exist yet (stored rows start at 1).
NEW = 0


class StaleEdit(Exception):
    """Someone else saved (or, ``created``, first created) this object after the form was opened."""

    def __init__(self, obj: models.Model, *, created: bool = False):
        self.obj = obj
        self.created = created
        if created:
            message = _(
                "Someone else created this %(thing)s while you were writing yours. Your text is kept below: "
                "review theirs (open it in a new tab), then save again to replace it with yours."
            )
        else:
            message = _(
                "Someone else saved this %(thing)s while you were editing it. Your text is kept below: "
                "review the current version (open it in a new tab), then save again."
            )
        super().__init__(message % {"thing": obj._meta.verbose_name})


def save_versioned(obj: models.Model, expected_version: int | None, **save_kwargs) -> None:
    """Save ``obj`` if the stored version is still ``expected_version``; bump the version.

    ``expected_version=None`` skips the check (services acting on their own, not a form).
    """
    with transaction.atomic():
        current = type(obj).objects.select_for_update().filter(pk=obj.pk).values_list("version", flat=True).first()
        if expected_version is not None and current is not None and current != expected_version:
            raise StaleEdit(obj, created=expected_version == NEW)
        obj.version = (current or 0) + 1
        if save_kwargs.get("update_fields") is not None:
            save_kwargs["update_fields"] = [*save_kwargs["update_fields"], "version"]
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

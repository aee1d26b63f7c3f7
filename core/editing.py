"""The create/edit page and the history page of one versioned row, shared by the reference data and the
Network's records: a stale save is refused with the typed input kept, and every change is in the row's history."""

from __future__ import annotations

from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .concurrency import StaleEdit, refuse_stale, save_versioned
from .exceptions import InvalidTransition
from .history import history_entries


def edit_page(
    request,
    form_class,
    instance,
    *,
    back_url: str,
    back_label: str,
    heading: str,
    history_url: str = "",
    intro: str = "",
    done_url: str | None = None,
    form_kwargs: dict | None = None,
    save=None,
):
    """Create or edit ``instance`` with ``form_class`` (a core.forms.VersionedModelForm); back to ``done_url``
    (default ``back_url``; a callable gets the saved row) once saved. ``save(obj, form)``: the service that
    saves (default: the stale-save check alone; it may save the form's many-to-many fields itself); an
    InvalidTransition it raises is shown on the form, the input kept."""
    form = form_class(request.POST or None, instance=instance, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        try:
            if save is None:
                save_versioned(obj, form.expected_version)
            else:
                save(obj, form)
        except StaleEdit as exc:
            refuse_stale(form, exc)
        except InvalidTransition as exc:
            form.add_error(None, str(exc))
        except IntegrityError:  # created by someone else between the form's check and the save
            form.add_error(None, _("Someone else has just saved the same entry: check the list, then try again."))
        else:
            form.save_m2m()
            messages.success(request, _("Saved: %(name)s.") % {"name": obj})
            return redirect((done_url(obj) if callable(done_url) else done_url) or back_url)
    context = {
        "form": form,
        "object": instance if instance.pk else None,
        "heading": heading,
        "back_url": back_url,
        "back_label": back_label,
        "history_url": history_url if instance.pk else "",
        "intro": intro,
    }
    return render(request, "core/edit_page.html", context)


def history_page(request, obj, *, back_url: str, back_label: str, entries=None):
    """Every change to ``obj`` (or the ``entries`` given: its parts' changes merged in): who, when, old and new
    values."""
    context = {
        "object": obj,
        "entries": history_entries(obj.history.all()) if entries is None else entries,
        "back_url": back_url,
        "back_label": back_label,
    }
    return render(request, "core/history_page.html", context)

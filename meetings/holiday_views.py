"""UN Headquarters holidays: every signed-in user reads them; the secretariat adds and corrects them.

They are the days the business-day deadlines skip (``meetings.deadlines``).
"""

from __future__ import annotations

from django.contrib import messages
from django.db import IntegrityError
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.concurrency import StaleEdit, refuse_stale, save_versioned
from core.decorators import secretariat_required, staff_view
from core.history import history_entries
from core.pagination import paginate

from .forms import HolidayForm
from .models import Holiday


def _year(request) -> int | None:
    raw = request.GET.get("year", "")
    if len(raw) == 4 and raw.isdigit() and raw.isascii():
        return int(raw)
    return None


@staff_view
@require_GET
def holiday_list(request):
    year = _year(request)
    holidays = Holiday.objects.all()
    if year is not None:
        holidays = holidays.filter(date__year=year)
    years = Holiday.objects.annotate(y=ExtractYear("date")).order_by("y").values_list("y", flat=True).distinct()
    return render(
        request,
        "meetings/holiday_list.html",
        {"page": paginate(request, holidays), "year": year, "years": years, "today": timezone.localdate()},
    )


@secretariat_required
def holiday_form(request, pk: int | None = None):
    holiday = get_object_or_404(Holiday, pk=pk) if pk else Holiday()
    form = HolidayForm(request.POST or None, instance=holiday)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        try:
            save_versioned(obj, form.expected_version)
        except StaleEdit as exc:
            refuse_stale(form, exc)
        except IntegrityError:  # the same date saved by someone else between the form's check and the save
            form.add_error("date", _("This date is already a holiday."))
        else:
            messages.success(request, _("Saved: %(name)s.") % {"name": obj})
            return redirect("meetings:holidays")
    return render(request, "meetings/holiday_form.html", {"form": form, "holiday": holiday if pk else None})


@secretariat_required
@require_GET
def holiday_history(request, pk: int):
    holiday = get_object_or_404(Holiday, pk=pk)
    return render(
        request,
        "meetings/holiday_history.html",
        {"holiday": holiday, "entries": history_entries(holiday.history.all())},
    )

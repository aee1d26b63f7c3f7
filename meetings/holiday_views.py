"""UN Headquarters holidays: every signed-in user reads them; the secretariat adds and corrects them.

They are the days the business-day deadlines skip (``meetings.deadlines``).
"""

from __future__ import annotations

from django.contrib import messages
from django.db import IntegrityError
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.decorators import secretariat_required, staff_view
from core.concurrency import StaleEdit, refuse_stale
from core.history import history_entries
from core.pagination import paginate

from . import services
from .forms import HolidayForm, HolidayYearForm
from .models import Holiday, HolidayYear


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
    # Where each year's list comes from: the circular that published it, or the rules (one query, a row a year).
    holiday_years = list(HolidayYear.objects.filter(year=year) if year is not None else HolidayYear.objects.all())
    return render(
        request,
        "meetings/holiday_list.html",
        {
            "page": paginate(request, holidays),
            "year": year,
            "years": years,
            "holiday_years": holiday_years,
            "today": timezone.localdate(),
        },
    )


@secretariat_required
def holiday_form(request, pk: int | None = None):
    holiday = get_object_or_404(Holiday, pk=pk) if pk else Holiday()
    form = HolidayForm(request.POST or None, instance=holiday)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        try:
            services.save_holiday(
                obj, expected_version=form.expected_version, by=request.user, today=timezone.localdate()
            )
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


@secretariat_required
def holiday_year_form(request, year: int):
    """Record the circular that published a year's holidays: from then on the year's stored list is the list."""
    holiday_year = get_object_or_404(HolidayYear, year=year)
    form = HolidayYearForm(request.POST or None, instance=holiday_year)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_holiday_year(
                form.save(commit=False),
                expected_version=form.expected_version,
                by=request.user,
                today=timezone.localdate(),
            )
        except StaleEdit as exc:
            refuse_stale(form, exc)
        else:
            messages.success(request, _("Saved: the holidays of %(year)s.") % {"year": year})
            return redirect(f"{reverse('meetings:holidays')}?year={year}")
    return render(request, "meetings/holiday_year_form.html", {"form": form, "holiday_year": holiday_year})


@secretariat_required
@require_GET
def holiday_year_history(request, year: int):
    holiday_year = get_object_or_404(HolidayYear, year=year)
    return render(
        request,
        "meetings/holiday_history.html",
        {"holiday": holiday_year, "year_list": True, "entries": history_entries(holiday_year.history.all())},
    )

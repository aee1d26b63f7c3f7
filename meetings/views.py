"""Staff pages for years, meetings and timelines. Thin: read, check permission, call a service, render."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import permissions
from accounts.decorators import secretariat_required, staff_view
from approvals import services as agenda_services
from core import exports as core_exports
from core.concurrency import NEW, StaleEdit, refuse_stale
from core.confirm import confirmation_page, confirmed
from core.pagination import paginate
from core.params import int_param

from . import deadlines, exports, services
from .forms import (
    YEAR_MAX,
    AgendaEntryForm,
    AgendaYearForm,
    MeetingDeleteForm,
    MeetingForm,
    MeetingListFilterForm,
    PlannerForm,
    StatusForm,
    StepActionForm,
    StepDoneForm,
    StepForm,
)
from .models import AgendaEntry, AgendaYear, Meeting, TimelineStep
from .querysets import with_follows_up, with_people
from .rows import TimelineRows

DASHBOARD_HORIZON_DAYS = 7


@staff_view
def dashboard(request):
    """Where each role's work is, at sign-in: the secretariat's week (every open step due in the next seven days
    or already late, across meetings); a co-chair's approvals and steps; a Council expert's shared notes."""
    today = timezone.localdate()
    user = request.user
    if (
        not permissions.is_secretariat(user)
        and not permissions.council_years(user)
        and permissions.can_view_network(user)
    ):
        return redirect("network:home")  # a focal point (or the Network's secretariat) with no IEG role
    if not permissions.is_secretariat(request.user):
        # The lists come from the apps that own them (approvals_tags.cochair_work, documents_tags.shared_notes).
        template = "meetings/dashboard_cochair.html" if permissions.cochair_years(request.user) else None
        return render(
            request,
            template or "meetings/dashboard_expert.html",
            {"today": today, "now": timezone.now(), "user_state": request.user.delegation},
        )
    horizon = today + datetime.timedelta(days=DASHBOARD_HORIZON_DAYS)
    steps = list(
        TimelineStep.objects.visible_to(request.user)
        .due_by(horizon)
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .for_dashboard()
        .order_by("due", "meeting_id")[:200]
    )
    late = [s for s in steps if s.due < today]
    soon = [s for s in steps if s.due >= today]
    upcoming = Meeting.objects.visible_to(request.user).upcoming(today).for_list().order_by("date")[:8]
    return render(
        request,
        "meetings/dashboard.html",
        {"today": today, "horizon": horizon, "late": late, "soon": soon, "upcoming": upcoming},
    )


@staff_view
def year_current(request):
    years = AgendaYear.objects.visible_to(request.user)
    agenda_year = years.filter(year=timezone.localdate().year).first() or years.first()
    if agenda_year is None:
        return render(request, "meetings/year_empty.html", status=200)
    return redirect("meetings:year", year=agenda_year.year)


@staff_view
def year_detail(request, year: int):
    agenda_year = get_object_or_404(AgendaYear.objects.visible_to(request.user).with_people(), year=year)
    entries = list(agenda_year.entries.select_related("situation").order_by("situation__name"))
    meetings = agenda_year.meetings.for_list().order_by("date", "pk")
    return render(
        request,
        "meetings/year_detail.html",
        {
            "agenda_year": agenda_year,
            "entries": entries,
            "warnings": services.agenda_warnings(agenda_year, entries),
            "meetings": meetings,
            "years": AgendaYear.objects.visible_to(request.user).values_list("year", flat=True),
            "today": timezone.localdate(),
        },
    )


@secretariat_required
def year_create(request):
    form = AgendaYearForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        agenda_year = form.save()
        messages.success(request, _("IEG year %(year)s created.") % {"year": agenda_year.year})
        return redirect(agenda_year)
    return render(request, "meetings/year_form.html", {"form": form})


@secretariat_required
def year_edit(request, year: int):
    agenda_year = get_object_or_404(AgendaYear, year=year)
    form = AgendaYearForm(request.POST or None, instance=agenda_year)
    if request.method == "POST" and form.is_valid():
        try:
            agenda_services.save_agenda_year(
                form.save(commit=False),
                expected_version=form.expected_version,
                by=request.user,
                save_m2m=form.save_m2m,
            )
        except StaleEdit as exc:
            refuse_stale(form, exc)
        else:
            messages.success(request, _("Year saved."))
            return redirect(agenda_year)
    return render(request, "meetings/year_form.html", {"form": form, "agenda_year": agenda_year})


@secretariat_required
def entry_form(request, year: int, pk: int | None = None):
    agenda_year = get_object_or_404(AgendaYear, year=year)
    entry = get_object_or_404(AgendaEntry, pk=pk, agenda_year=agenda_year) if pk else None
    form = AgendaEntryForm(request.POST or None, instance=entry, agenda_year=agenda_year)
    if request.method == "POST" and form.is_valid():
        try:
            agenda_services.save_agenda_entry(form.instance, expected_version=form.expected_version, by=request.user)
        except StaleEdit as exc:
            refuse_stale(form, exc)
        else:
            messages.success(request, _("Agenda saved."))
            return redirect(agenda_year)
    return render(request, "meetings/entry_form.html", {"form": form, "agenda_year": agenda_year, "entry": entry})


@secretariat_required
@require_POST
def entry_delete(request, year: int, pk: int):
    entry = get_object_or_404(AgendaEntry, pk=pk, agenda_year__year=year)
    agenda_services.remove_agenda_entry(entry, by=request.user)
    messages.success(request, _("%(country)s removed from the agenda.") % {"country": entry.situation})
    return redirect("meetings:year", year=year)


def _meeting_list(request) -> tuple[MeetingListFilterForm, object]:
    """The meeting list's filter form and its rows as the page lists them: what the user may see, filtered and
    sorted. The page and its exports both read this, so a download holds exactly the page's rows."""
    form = MeetingListFilterForm(request.GET)
    return form, form.apply(Meeting.objects.visible_to(request.user).for_list())


@staff_view
def meeting_list(request):
    form, meetings = _meeting_list(request)
    page = paginate(request, meetings)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "form": form,
            "page": page,
            "years": AgendaYear.objects.visible_to(request.user).values_list("year", flat=True),
            "statuses": Meeting.Status.choices,
            "kinds": Meeting.Kind.choices,
            "selected": {name: str(form.value(name) or "") for name in ("year", "status", "kind")},
            "sort": form.sort_key,
            "query": _without_page(request.GET),
            "today": timezone.localdate(),
        },
    )


@staff_view
@require_GET
def meeting_export(request, fmt: str):
    """The meeting list as a file (CSV or XLSX): the page's rows, filtered and sorted as the page shows them."""
    form, meetings = _meeting_list(request)
    if form.errors:
        back = f"{reverse('meetings:list')}?{request.GET.urlencode()}"
        return core_exports.refused(request, problems=core_exports.form_problems(form), back_url=back)
    return core_exports.export_response(request, exports.MEETINGS, meetings, fmt)


def _without_page(query) -> str:
    query = query.copy()
    query.pop("page", None)
    return query.urlencode()


@secretariat_required
def meeting_create(request):
    initial = {}
    if year := int_param(request.GET, "year", min_value=1, max_value=YEAR_MAX):
        initial["agenda_year"] = AgendaYear.objects.filter(year=year).first()
    if situation := int_param(request.GET, "situation", min_value=1):
        initial["situation"] = situation
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        meeting = services.save_new_meeting(form.save(commit=False), by=request.user, today=timezone.localdate())
        messages.success(request, _("Meeting created; its timeline is below."))
        return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form})


@staff_view
def meeting_detail(request, pk: int):
    # The documents card beside the details reads the note and the summary: with the meeting, not after it.
    meetings = Meeting.objects.visible_to(request.user).for_page().select_related("background_note", "summary")
    meeting = with_follows_up(get_object_or_404(meetings, pk=pk))
    today = timezone.localdate()
    steps = with_people(meeting.steps.all())
    steps.sort(key=lambda s: (s.due, deadlines.STEP_KEYS.index(s.key)))
    can_edit = permissions.can_edit(request.user)
    # The co-chairs of the year mark their own steps done (accounts.permissions.can_complete_step).
    can_act = permissions.is_cochair(request.user, meeting.agenda_year)
    rows = TimelineRows(request, meeting, today=today, can_edit=can_edit, can_act=can_act)
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "steps": steps,
            "timeline_rows": rows.rows(steps),
            "today": today,
            "late_count": sum(s.is_late(today) for s in steps),
            "letter_too_late": (
                meeting.date is not None
                and not meeting.is_past
                and meeting.status != Meeting.Status.CANCELLED
                and any(s.key == "request_letter" and s.state == "open" for s in steps)
                and deadlines.letter_lead_too_short(meeting.date, today)
            ),
            "follow_ups": list(meeting.follow_ups.select_related("situation")),
            "status_forms": _status_forms(request.user, meeting, today),
            "held_refusal": (
                services.held_refusal(meeting, today)
                if Meeting.Status.HELD in services.allowed_statuses(meeting)
                else None
            ),
            "can_edit": can_edit,
            "can_act": can_act,
        },
    )


@secretariat_required
def meeting_edit(request, pk: int):
    meeting = get_object_or_404(Meeting, pk=pk)
    old_date = meeting.date
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_meeting(
                form.instance, expected_version=form.expected_version, by=request.user, today=timezone.localdate()
            )
        except StaleEdit as exc:
            refuse_stale(form, exc)
        else:
            messages.success(request, _("Meeting saved; open steps follow the date."))
            kept = (
                meeting.steps.filter(due_overridden=True, state=TimelineStep.State.OPEN)
                if meeting.date != old_date
                else []
            )
            if kept:
                messages.warning(
                    request,
                    _("Due dates set by hand were kept: %(steps)s. Check them against the new date.")
                    % {"steps": ", ".join(step.get_key_display() for step in kept)},
                )
            return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


def _status_forms(user, meeting: Meeting, today) -> list[StatusForm]:
    """One small form per move the secretariat can make now: the next statuses, then the step back."""
    if not permissions.can_edit(user):
        return []
    moves = [
        s
        for s in services.allowed_statuses(meeting)
        if s != Meeting.Status.HELD or not services.held_refusal(meeting, today)
    ]
    back = services.step_back_status(meeting)
    if back and permissions.is_secretariat(user):
        moves.append(back)
    return [StatusForm(meeting=meeting, new_status=status, auto_id=f"id_{status}_%s") for status in moves]


@secretariat_required
@require_POST
def meeting_status(request, pk: int):
    """Move the status; moves that make the meeting past, issue, publish, cancel or step back are confirmed first."""
    meeting = get_object_or_404(Meeting.objects.select_related("agenda_year", "situation"), pk=pk)
    new_status = request.POST.get("status", "")
    form = StatusForm(request.POST, meeting=meeting, new_status=new_status)
    if not form.is_valid():
        messages.error(
            request, " ".join(e for errors in form.errors.values() for e in errors) or _("Choose a valid status.")
        )
        return redirect(meeting)
    symbol = form.cleaned_data.get("symbol", "")
    today = timezone.localdate()
    try:
        symbol = services.check_status_change(meeting, new_status, by=request.user, symbol=symbol, today=today)
    except services.InvalidTransition as exc:
        messages.error(request, str(exc))
        return redirect(meeting)
    if services.needs_confirmation(meeting, new_status) and not confirmed(request):
        return confirmation_page(
            request,
            title=_("%(move)s: %(meeting)s?") % {"move": form.label, "meeting": meeting.subject},
            consequences=services.status_change_consequences(meeting, new_status, symbol=symbol),
            action=reverse("meetings:status", args=[meeting.pk]),
            cancel_url=meeting.get_absolute_url(),
            button=_("Confirm: %(move)s") % {"move": form.label},
            # A step back asks why on this page (its form carries the status); other moves re-post their fields.
            fields={}
            if form.step_back
            else {"status": new_status, "symbol": symbol}
            if symbol
            else {"status": new_status},
            extra_fields=StatusForm(meeting=meeting, new_status=new_status) if form.step_back else None,
        )
    try:
        services.change_status(
            meeting,
            new_status,
            by=request.user,
            symbol=symbol,
            today=today,
            reason=form.cleaned_data.get("reason", ""),
        )
    except services.InvalidTransition as exc:
        messages.error(request, str(exc))
        return redirect(meeting)
    messages.success(request, _("Status is now “%(status)s”.") % {"status": meeting.get_status_display()})
    follow_up = meeting.follow_ups.first()
    if meeting.status == Meeting.Status.HELD and follow_up:
        messages.info(
            request,
            _("Follow-up meeting proposed for %(date)s.") % {"date": formats.date_format(follow_up.date)},
        )
    return redirect(meeting)


@secretariat_required
def meeting_delete(request, pk: int):
    """Delete a meeting created by mistake: a confirmation page first, and only while nothing depends on it."""
    meeting = get_object_or_404(Meeting.objects.select_related("agenda_year", "situation"), pk=pk)
    blockers = services.deletion_blockers(meeting)
    form = MeetingDeleteForm(request.POST or None)
    if request.method == "POST" and not blockers and confirmed(request) and form.is_valid():
        year = meeting.agenda_year.year
        try:
            services.delete_meeting(meeting, by=request.user, reason=form.cleaned_data["reason"])
        except services.InvalidTransition as exc:
            messages.error(request, str(exc))
            return redirect(meeting)
        messages.success(request, _("Meeting “%(meeting)s” deleted; the history keeps it.") % {"meeting": meeting})
        return redirect("meetings:year", year=year)
    return render(
        request,
        "meetings/meeting_confirm_delete.html",
        {"meeting": meeting, "blockers": blockers, "form": form},
        status=409 if blockers and request.method == "POST" else 200,
    )


STEP_RELATED = ("meeting__agenda_year", "meeting__situation", "done_by__delegation", "on_behalf_of", "recorded_by")


def _step_for(user, pk: int, step_pk: int) -> TimelineStep:
    """A step of a meeting the user may open (404 otherwise)."""
    return get_object_or_404(
        TimelineStep.objects.visible_to(user).select_related(*STEP_RELATED, "assignee"), pk=step_pk, meeting_id=pk
    )


def _done_form(request, step: TimelineStep, data=None) -> StepDoneForm:
    return StepDoneForm(
        data,
        step=step,
        may_record_for_cochair=permissions.can_record_for_cochair(request.user, step.meeting.agenda_year),
        today=timezone.localdate(),
    )


def _step_page(request, step: TimelineStep, *, form=None, done_form=None, status: int = 200):
    """The step's page: assignment and note (the secretariat), and marking it done (whoever may)."""
    user = request.user
    if form is None and permissions.can_edit(user):
        form = StepForm(instance=step)
    can_complete = step.state == TimelineStep.State.OPEN and permissions.can_complete_step(user, step)
    if done_form is None and can_complete:
        done_form = _done_form(request, step)
    return render(
        request,
        "meetings/step_form.html",
        {"form": form, "done_form": done_form if can_complete else None, "step": step, "meeting": step.meeting},
        status=status,
    )


@staff_view
@require_POST
def step_action(request, pk: int, step_pk: int, action: str):
    """Done, reopen (who may complete the step: accounts.permissions.can_complete_step) or not needed (secretariat)."""
    step = _step_for(request.user, pk, step_pk)
    if action not in {"done", "reopen", "skip"}:
        raise Http404
    allowed = permissions.can_edit if action == "skip" else lambda user: permissions.can_complete_step(user, step)
    if not allowed(request.user):
        raise PermissionDenied
    # The version of the step the page showed: a button pressed on an outdated timeline changes nothing.
    seen = int_param(request.POST, "version")
    seen = NEW if seen is None else seen
    try:
        if action == "done":
            form = _done_form(request, step, request.POST)
            if not form.is_valid():
                if request.htmx:
                    return HttpResponse(" ".join(m for errors in form.errors.values() for m in errors), status=400)
                return _step_page(request, step, done_form=form, status=400)
            step = services.complete_step(
                step,
                by=request.user,
                now=timezone.now(),
                note=form.cleaned_data["note"],
                on_behalf_of=form.cleaned_data.get("on_behalf_of"),
                received_on=form.cleaned_data.get("received_on"),
                expected_version=seen,
                done_on=form.cleaned_data["done_on"],
            )
        elif action == "reopen":
            step = services.reopen_step(step, by=request.user, expected_version=seen)
        else:
            form = StepActionForm(request.POST)
            if not form.is_valid():
                # Only a hand-made request sends a bad note (the page's button sends none): say why, keep the text.
                if request.htmx:
                    return HttpResponse(
                        " ".join(form.errors["note"]), status=400, content_type="text/plain; charset=utf-8"
                    )
                context = {"form": form, "step": step, "meeting": step.meeting, "action": action}
                return render(request, "meetings/step_action_form.html", context, status=400)
            step = services.skip_step(step, by=request.user, note=form.cleaned_data["note"], expected_version=seen)
    except StaleEdit:
        messages.error(
            request,
            _(
                "Someone else changed this timeline step after the page was shown, so nothing was changed: "
                "it now reads as below."
            ),
        )
        if request.htmx:
            # Reload the whole page: it shows the step (and the timeline) as it now is, with the message.
            return HttpResponse(status=204, headers={"HX-Refresh": "true"})
        return redirect(f"{step.meeting.get_absolute_url()}#step-{step.pk}")
    except services.InvalidTransition as exc:
        if request.htmx:
            return HttpResponse(str(exc), status=409)
        messages.error(request, str(exc))
        return redirect(step.meeting)
    if request.htmx:
        step = TimelineStep.objects.select_related(*STEP_RELATED, "assignee").get(pk=step.pk)
        rows = TimelineRows(
            request, step.meeting, today=timezone.localdate(), can_edit=permissions.can_edit(request.user), can_act=True
        )
        return HttpResponse(rows.row(step, swapped=True))
    messages.success(request, _("“%(step)s” updated.") % {"step": step.get_key_display()})
    return redirect(f"{step.meeting.get_absolute_url()}#step-{step.pk}")


@staff_view
def step_edit(request, pk: int, step_pk: int):
    """The secretariat assigns a step, notes on it and sets its due date; whoever may complete it marks it done here."""
    step = _step_for(request.user, pk, step_pk)
    if not (permissions.can_edit(request.user) or permissions.can_complete_step(request.user, step)):
        raise PermissionDenied
    if request.method == "POST":
        if not permissions.can_edit(request.user):
            raise PermissionDenied
        form = StepForm(request.POST, instance=step)
        if form.is_valid():
            try:
                services.update_step(
                    form.instance,
                    expected_version=form.expected_version,
                    by=request.user,
                    use_computed_date=form.sets_computed_date,
                )
            except StaleEdit as exc:
                refuse_stale(form, exc)
            else:
                messages.success(request, _("“%(step)s” saved.") % {"step": step.get_key_display()})
                return redirect(f"{step.meeting.get_absolute_url()}#step-{step.pk}")
        return _step_page(request, step, form=form)
    return _step_page(request, step)


@staff_view
def meeting_history(request, pk: int):
    if not permissions.can_view_history(request.user):
        raise PermissionDenied
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user).for_page(), pk=pk)
    from core.history import history_entries

    entries = history_entries(meeting.history.all(), TimelineStep.history.filter(meeting_id=meeting.pk))
    return render(request, "meetings/meeting_history.html", {"meeting": meeting, "entries": entries})


@require_GET
def planner(request):
    """The date planner: open to everyone, it shows nothing but the calendar."""
    form = PlannerForm(request.GET or None)
    steps = None
    warnings = []
    if form.is_bound and form.is_valid():
        steps, warnings = services.plan_with_warnings(form.cleaned_data["meeting_date"], today=timezone.localdate())
    return render(request, "meetings/planner.html", {"form": form, "steps": steps, "warnings": warnings})


@require_GET
def api_timeline(request):
    """GET /api/timeline?meeting_date=YYYY-MM-DD → every step's due date, as JSON."""
    raw = request.GET.get("meeting_date", "")
    form = PlannerForm({"meeting_date": raw})
    if not raw:
        return JsonResponse({"error": "meeting_date is required, as YYYY-MM-DD."}, status=400)
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        return JsonResponse({"error": f"meeting_date must be a date as YYYY-MM-DD, not {raw[:40]!r}."}, status=400)
    if not form.is_valid():
        return JsonResponse({"error": " ".join(form.errors["meeting_date"])}, status=400)
    steps, warnings = services.plan_with_warnings(day, today=timezone.localdate())
    return JsonResponse(
        {
            "meeting_date": day.isoformat(),
            "warnings": warnings,
            "steps": [
                {
                    "key": step.key,
                    "label": step.label,
                    "responsible": step.responsible.value,
                    "due": step.due.isoformat(),
                    "window_start": step.window_start.isoformat() if step.window_start else None,
                }
                for step in steps
            ],
        }
    )

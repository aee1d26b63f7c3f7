"""Staff pages for briefings, recommendations, follow-up reviews, the tracker, renewals and the scorecard.

Thin: read, check permission (secretariat edits; co-chairs and Council experts of a year read through
``visible_to``), call one service, render or redirect.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import permissions
from accounts.decorators import secretariat_required, staff_view
from core import exports as core_exports
from core.concurrency import NEW, StaleEdit, refuse_stale
from core.confirm import confirmation_page, confirmed
from core.exceptions import InvalidTransition
from core.history import history_entries
from core.pagination import paginate
from meetings.models import Meeting

from .forms import (
    BrieferForm,
    CouncilQuestionForm,
    GoalForm,
    RecommendationForm,
    RecommendationGroupForm,
    RenewalsForm,
    ReviewForm,
    StatusChangeForm,
    TrackerFilterForm,
)
from .models import Briefer, CouncilQuestion, FollowUpReview, Goal, Recommendation, RecommendationGroup, StatusChange
from .services import changes, charts, exports, reads

ITEM_KINDS = {
    "briefer": (Briefer, BrieferForm, "briefing"),
    "question": (CouncilQuestion, CouncilQuestionForm, "questions"),
    "goal": (Goal, GoalForm, "goals"),
    "group": (RecommendationGroup, RecommendationGroupForm, "recommendations"),
}


def _visible_recommendation(user, pk: int) -> Recommendation:
    return get_object_or_404(Recommendation.objects.visible_to(user).for_page(), pk=pk)


def _outcomes_url(meeting: Meeting, anchor: str = "") -> str:
    url = reverse("recommendations:meeting", args=[meeting.pk])
    return f"{url}#{anchor}" if anchor else url


def number_source_notes(recommendations) -> list[str]:
    """Give each recommendation ``.note_number`` for its meeting's source note; return the notes in order."""
    notes: list[str] = []
    for rec in recommendations:
        note = rec.meeting.source_note
        if note and note not in notes:
            notes.append(note)
        rec.note_number = notes.index(note) + 1 if note else None
    return notes


# --- One meeting's record --------------------------------------------------------------------------------------


@staff_view
def meeting_outcomes(request, meeting_pk: int):
    """Briefers, questions, goals and recommendations of one meeting, with the add and edit links."""
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user).for_page(), pk=meeting_pk)
    return render(
        request,
        "recommendations/meeting_outcomes.html",
        {
            "meeting": meeting,
            "record": reads.meeting_record(meeting, user=request.user),
            "today": timezone.localdate(),
        },
    )


@secretariat_required
def item_form(request, meeting_pk: int, kind: str, pk: int | None = None):
    """Add or edit a briefer, a question from a Council member or a concrete goal."""
    model, form_class, anchor = ITEM_KINDS[kind]
    meeting = get_object_or_404(Meeting.objects.select_related("agenda_year", "situation"), pk=meeting_pk)
    item = get_object_or_404(model, pk=pk, meeting=meeting) if pk else None
    form = form_class(request.POST or None, instance=item, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            if item is None:
                changes.add_to_meeting(form.save(commit=False), meeting=meeting, by=request.user)
            else:
                changes.save_edit(form.instance, expected_version=form.expected_version, by=request.user)
        except StaleEdit as exc:
            refuse_stale(form, exc)
        else:
            messages.success(request, _("%(thing)s saved.") % {"thing": model._meta.verbose_name.capitalize()})
            if kind == "group":
                return redirect("recommendations:groups", meeting_pk=meeting.pk)
            return redirect(_outcomes_url(meeting, anchor))
    return render(
        request,
        "recommendations/item_form.html",
        {"form": form, "meeting": meeting, "item": item, "kind": kind, "model_name": model._meta.verbose_name},
    )


@secretariat_required
@require_POST
def item_delete(request, meeting_pk: int, kind: str, pk: int):
    model, _form, anchor = ITEM_KINDS[kind]
    item = get_object_or_404(model, pk=pk, meeting_id=meeting_pk)
    try:
        item.delete()
    except ProtectedError:
        messages.error(request, _("It was reviewed at a follow-up meeting, so it stays on record."))
    else:
        messages.success(request, _("%(thing)s removed.") % {"thing": model._meta.verbose_name.capitalize()})
    return redirect(_outcomes_url(item.meeting, anchor))


# --- Groups of recommendations ---------------------------------------------------------------------------------


def _groups_url(meeting_pk: int, group_pk: int | None = None) -> str:
    url = reverse("recommendations:groups", args=[meeting_pk])
    return f"{url}#group-{group_pk}" if group_pk else url


@secretariat_required
def groups(request, meeting_pk: int):
    """The meeting's groups of recommendations as the documents print them, with their letters."""
    meeting = get_object_or_404(Meeting.objects.select_related("agenda_year", "situation"), pk=meeting_pk)
    return render(
        request,
        "recommendations/groups.html",
        {"meeting": meeting, "record": reads.meeting_record(meeting, user=request.user)},
    )


@secretariat_required
@require_POST
def group_move(request, meeting_pk: int, pk: int, direction: str):
    group = get_object_or_404(RecommendationGroup, pk=pk, meeting_id=meeting_pk)
    if not changes.move_group(group, up=direction == "up", by=request.user):
        messages.info(request, _("“%(group)s” is already where it can go.") % {"group": group})
    return redirect(_groups_url(meeting_pk, group.pk))


@secretariat_required
@require_POST
def group_delete(request, meeting_pk: int, pk: int):
    """Delete a group after a confirmation; its recommendations go to the first remaining group."""
    group = get_object_or_404(RecommendationGroup, pk=pk, meeting_id=meeting_pk)
    if not confirmed(request):
        return confirmation_page(
            request,
            title=_("Delete the group “%(group)s”?") % {"group": group},
            consequences=changes.group_delete_consequences(group),
            action=reverse("recommendations:group_delete", args=[meeting_pk, group.pk]),
            cancel_url=_groups_url(meeting_pk, group.pk),
            button=_("Delete the group"),
            danger=True,
        )
    changes.delete_group(group, by=request.user)
    messages.success(request, _("Group deleted; its recommendations are in the first group."))
    return redirect(_groups_url(meeting_pk))


@secretariat_required
def recommendation_add(request, meeting_pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("agenda_year", "situation"), pk=meeting_pk)
    form = RecommendationForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in RecommendationForm.Meta.fields if name in form.fields}
        recommendation = changes.add_recommendation(meeting=meeting, by=request.user, **fields)
        place = reads.placement(recommendation)
        if place and place.label:
            messages.success(request, _("Recommendation %(label)s added.") % {"label": place.label})
        else:
            messages.success(request, _("Recommendation added."))
        if "add_another" in request.POST:
            return redirect("recommendations:add", meeting_pk=meeting.pk)
        return redirect(_outcomes_url(meeting, f"rec-{recommendation.pk}"))
    return render(request, "recommendations/recommendation_form.html", {"form": form, "meeting": meeting})


@secretariat_required
def recommendation_edit(request, pk: int):
    recommendation = get_object_or_404(Recommendation.objects.for_page(), pk=pk)
    form = RecommendationForm(request.POST or None, instance=recommendation, meeting=recommendation.meeting)
    if request.method == "POST" and form.is_valid():
        try:
            changes.save_edit(form.instance, expected_version=form.expected_version, by=request.user)
        except StaleEdit as exc:
            refuse_stale(form, exc)
        else:
            messages.success(request, _("Recommendation saved."))
            return redirect(recommendation)
    return render(
        request,
        "recommendations/recommendation_form.html",
        {"form": form, "meeting": recommendation.meeting, "recommendation": recommendation},
    )


# --- One recommendation ----------------------------------------------------------------------------------------


def _detail(request, recommendation: Recommendation, status_form: StatusChangeForm | None = None):
    if status_form is None and permissions.can_edit(request.user):
        status_form = StatusChangeForm(
            today=timezone.localdate(),
            allowed=changes.allowed_statuses(recommendation),
            initial={"version": recommendation.version},
        )
    meeting = recommendation.meeting
    return render(
        request,
        "recommendations/recommendation_detail.html",
        {
            "recommendation": recommendation,
            "meeting": meeting,
            "place": reads.placement(recommendation),
            "changes": recommendation.status_changes.select_related("changed_by").order_by("changed_on", "pk"),
            "reviews": recommendation.reviews.select_related("follow_up__situation", "reviewed_by"),
            "status_form": status_form,
            "allowed": changes.allowed_statuses(recommendation),
        },
    )


@staff_view
def recommendation_detail(request, pk: int):
    return _detail(request, _visible_recommendation(request.user, pk))


@secretariat_required
@require_POST
def recommendation_status(request, pk: int):
    recommendation = get_object_or_404(Recommendation.objects.for_page(), pk=pk)
    today = timezone.localdate()
    form = StatusChangeForm(request.POST, today=today, allowed=changes.allowed_statuses(recommendation))
    if form.is_valid():
        data = form.cleaned_data
        try:
            changes.change_recommendation_status(
                recommendation,
                data["to_status"],
                by=request.user,
                on=data["changed_on"],
                resolution_symbol=data["resolution_symbol"],
                operative_paragraph=data["operative_paragraph"],
                evidence_date=data["evidence_date"],
                link=data["link"],
                note=data["note"],
                expected_version=form.expected_version,
                today=today,
            )
        except StaleEdit as exc:
            refuse_stale(form, exc)
        except InvalidTransition as exc:
            form.add_error(exc.field, str(exc))
        else:
            recommendation.refresh_from_db(fields=["status"])
            messages.success(
                request, _("Status is now “%(status)s”.") % {"status": recommendation.get_status_display()}
            )
            return redirect(recommendation)
    return _detail(request, recommendation, status_form=form)


@staff_view
def recommendation_history(request, pk: int):
    if not permissions.can_view_history(request.user):
        raise PermissionDenied
    recommendation = _visible_recommendation(request.user, pk)
    entries = history_entries(
        recommendation.history.all(),
        StatusChange.history.filter(recommendation_id=recommendation.pk),
        FollowUpReview.history.filter(recommendation_id=recommendation.pk),
    )
    return render(
        request, "recommendations/recommendation_history.html", {"recommendation": recommendation, "entries": entries}
    )


# --- Follow-up review ------------------------------------------------------------------------------------------


@staff_view
def follow_up_review(request, meeting_pk: int):
    """The earlier meeting's open items, each with its outcome at this follow-up meeting (secretariat records)."""
    # A follow-up meeting always has the meeting it follows up: read with it (with_follows_up is for any meeting).
    meetings = Meeting.objects.visible_to(request.user).for_page().select_related("follows_up__situation")
    meeting = get_object_or_404(meetings, pk=meeting_pk)
    can_edit = permissions.can_edit(request.user)
    bound = None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        bound = ReviewForm(request.POST, auto_id=f"id_{request.POST.get('item', '')[:40]}_%s")
        if bound.is_valid():
            try:
                item = changes.find_review_item(meeting, bound.cleaned_data["item"])
                changes.record_review(
                    follow_up=meeting,
                    item=item,
                    outcome=bound.cleaned_data["outcome"],
                    note=bound.cleaned_data["note"],
                    by=request.user,
                    now=timezone.now(),
                    expected_version=bound.expected_version,
                )
            except StaleEdit as exc:
                refuse_stale(bound, exc)
            except changes.ReviewError as exc:
                bound.add_error(None, str(exc))
            else:
                messages.success(request, _("Outcome recorded."))
                return redirect(
                    reverse("recommendations:review", args=[meeting.pk]) + f"#item-{bound.cleaned_data['item']}"
                )
    items = reads.follow_up_items(meeting, user=request.user)
    stray_error = bound is not None and bound.errors
    if can_edit:
        for item in (*items.recommendations, *items.questions, *items.goals):
            if bound is not None and bound.data.get("item") == item.review_key:
                item.form, stray_error = bound, False
            else:
                review = item.review
                item.form = ReviewForm(
                    initial={
                        "item": item.review_key,
                        "outcome": review.outcome if review else "",
                        "note": review.note if review else "",
                        "version": review.version if review else NEW,
                    },
                    auto_id=f"id_{item.review_key}_%s",
                )
    return render(
        request,
        "recommendations/follow_up_review.html",
        {
            "meeting": meeting,
            "items": items,
            "stray_form": bound if stray_error else None,
            "has_errors": bound is not None and bool(bound.errors),
        },
    )


# --- Across meetings -------------------------------------------------------------------------------------------


TRACKER_ORDER = ("-meeting__date", "meeting_id", "order", "pk")


def _tracker_list(request) -> tuple[TrackerFilterForm, object]:
    """The tracker's filter form and its rows as the page lists them: what the user may see, filtered, in order.

    The page and its exports both read this, so a download holds exactly the page's rows."""
    form = TrackerFilterForm(request.GET or None, user=request.user)
    queryset = form.apply(Recommendation.objects.visible_to(request.user)).for_list().order_by(*TRACKER_ORDER)
    return form, queryset


@staff_view
@require_GET
def tracker(request):
    """Every recommendation the user may see, across years and countries, filtered and paginated."""
    form, queryset = _tracker_list(request)
    page = paginate(request, queryset)
    notes = number_source_notes(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "recommendations/tracker.html",
        {"form": form, "page": page, "notes": notes, "query": query.urlencode()},
    )


@staff_view
@require_GET
def export(request, fmt: str):
    """The tracker's filtered list as a file (CSV or XLSX): the page's rows, in the page's order, every page."""
    form, queryset = _tracker_list(request)
    if form.errors:
        back = f"{reverse('recommendations:tracker')}?{request.GET.urlencode()}"
        return core_exports.refused(request, problems=core_exports.form_problems(form), back_url=back)
    return core_exports.export_response(request, exports.TABLE, exports.rows(queryset), fmt)


@staff_view
@require_GET
def renewals(request):
    """Mandates up for renewal in the next N months, with the open recommendations that target them."""
    form = RenewalsForm(request.GET or None)
    months = form.months_or_default
    today = timezone.localdate()
    start, end = reads.renewal_window(today, months)
    return render(
        request,
        "recommendations/renewals.html",
        {
            "form": form,
            "months": months,
            "start": start,
            "end": end,
            "renewals": reads.renewals(today=today, months=months, user=request.user),
        },
    )


def _scorecard(request) -> charts.Scorecard:
    """The scorecard's tables over the recommendations the user may see: the page and its export read this."""
    return charts.scorecard_tables(Recommendation.objects.visible_to(request.user).status_counts())


@staff_view
@require_GET
def scorecard(request):
    """Uptake per country and per year: counts by status and the share acted on, as tables and charts."""
    tables = _scorecard(request)
    chart_width = 480
    return render(
        request,
        "recommendations/scorecard.html",
        {
            "statuses": Recommendation.Status.choices,
            "by_year": tables.by_year,
            "by_country": tables.by_country,
            "by_pair": tables.by_pair,
            "total": tables.total,
            "year_bars": charts.bar_chart(tables.by_year, label=charts.scorecard_label, width=chart_width),
            "country_bars": charts.bar_chart(tables.by_country, label=charts.scorecard_label, width=chart_width),
            "chart_width": chart_width,
        },
    )


@staff_view
@require_GET
def scorecard_export(request, fmt: str):
    """The scorecard's table per country and year, with its total row, as a file (CSV or XLSX)."""
    tables = _scorecard(request)
    return core_exports.export_response(request, exports.SCORECARD, [*tables.by_pair, tables.total], fmt)

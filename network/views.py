"""The WPS Focal Points Network's pages: its space for the secretariat and focal points, and the secretariat's
forms. Rules live in network.services and accounts.permissions; these views read and hand over."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import network_secretariat_required, network_view
from core import exports as core_exports
from core.concurrency import StaleEdit, refuse_stale
from core.confirm import confirmation_page, confirmed
from core.editing import edit_page, history_page
from core.pagination import paginate

from . import exports, observatory, services
from .choices import MemberKind, RequestStatus, StepState
from .forms import (
    ActionPlanForm,
    ActionPointFilterForm,
    ActionPointForm,
    ActionPointGroupForm,
    ChairForm,
    DeclineForm,
    FocalPointForm,
    MeetingSpeakerForm,
    MeetingStatementForm,
    MemberForm,
    MembershipRequestForm,
    NetworkMeetingForm,
    NewFocalPointForm,
    PartnerForm,
    TroikaActionForm,
    TroikaMeetingForm,
)
from .models import (
    ActionPlan,
    ActionPoint,
    ActionPointGroup,
    Chair,
    FocalPoint,
    MeetingSpeaker,
    MeetingStatement,
    Member,
    MembershipRequest,
    NetworkMeeting,
    NetworkStep,
    Partner,
    TroikaAction,
    TroikaMeeting,
)
from .summary import lettered_points

MEMBERS_PAGE = 100  # the whole Network (78 members in 2017) on one page


def _members_with_focal_points(today):
    current = FocalPoint.objects.current(today).order_by("start_date", "name")
    return Member.objects.current(today).prefetch_related(Prefetch("focal_points", current, to_attr="current_fps"))


@network_view
@require_GET
def home(request):
    today = timezone.localdate()
    members = Member.objects.current(today)
    without = members.exclude(pk__in=FocalPoint.objects.current(today).values("member_id"))
    context = {
        "today": today,
        "troika": services.troika_of(today.year),
        "member_count": members.count(),
        "without_focal_point": list(without.order_by("name")[:20]),
        "without_count": without.count(),
        "new_members": list(members.filter(joined_on__isnull=False).order_by("-joined_on", "name")[:8]),
        "pending_requests": MembershipRequest.objects.filter(status=RequestStatus.PENDING).count(),
        "open_actions": list(
            TroikaAction.objects.filter(done=False).select_related("meeting").order_by("due", "pk")[:10]
        ),
    }
    return render(request, "network/home.html", context)


@network_view
@require_GET
def member_list(request):
    today = timezone.localdate()
    members = _members_with_focal_points(today).select_related("member_state")
    kind = request.GET.get("kind", "")
    if kind in MemberKind.values:
        members = members.filter(kind=kind)
    flagged = request.GET.get("flagged") == "1"
    if flagged:
        members = members.exclude(pk__in=FocalPoint.objects.current(today).values("member_id"))
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    if query:
        members = members.filter(
            Q(name__icontains=query) | Q(acronym__icontains=query) | Q(focal_points__name__icontains=query)
        ).distinct()
    context = {
        "page": paginate(request, members, per_page=MEMBERS_PAGE),
        "kinds": MemberKind.choices,
        "kind": kind,
        "flagged": flagged,
        "query": query,
    }
    return render(request, "network/member_list.html", context)


@network_view
@require_GET
def member_detail(request, pk: int):
    today = timezone.localdate()
    member = get_object_or_404(Member.objects.select_related("member_state"), pk=pk)
    focal_points = list(member.focal_points.select_related("user").order_by("-start_date", "-pk"))
    context = {
        "member": member,
        "current": [fp for fp in focal_points if fp.is_current(today)],
        "former": [fp for fp in focal_points if not fp.is_current(today)],
        "chair_years": list(member.chairs.values_list("year", flat=True)),
        "plans": list(member.action_plans.all()),
        "today": today,
    }
    return render(request, "network/member_detail.html", context)


@network_secretariat_required
def member_form(request, pk: int | None = None):
    member = get_object_or_404(Member, pk=pk) if pk else Member()
    return edit_page(
        request,
        MemberForm,
        member,
        back_url=member.get_absolute_url() if pk else reverse("network:members"),
        back_label=str(member) if pk else _("Members"),
        heading=_("Edit %(name)s") % {"name": member} if pk else _("Add a member"),
        history_url=reverse("network:member_history", args=[pk]) if pk else "",
        done_url=None if pk else reverse("network:members"),
    )


@network_secretariat_required
@require_GET
def member_history(request, pk: int):
    member = get_object_or_404(Member, pk=pk)
    return history_page(request, member, back_url=member.get_absolute_url(), back_label=str(member))


@network_secretariat_required
def focal_point_new(request, member_pk: int):
    """A new focal point for a member; the one in post until then keeps their record, ended the day before."""
    member = get_object_or_404(Member, pk=member_pk)
    form = NewFocalPointForm(request.POST or None, member=member)
    if request.method == "POST" and form.is_valid():
        try:
            services.replace_focal_point(form.save(commit=False), by=request.user)
        except services.InvalidTransition as exc:
            form.add_error("start_date", str(exc))
        else:
            messages.success(
                request,
                _("%(name)s is now a focal point of %(member)s.")
                % {
                    "name": form.instance.name,
                    "member": member,
                },
            )
            return redirect(member)
    context = {
        "form": form,
        "object": None,
        "heading": _("New focal point of %(member)s") % {"member": member},
        "back_url": member.get_absolute_url(),
        "back_label": str(member),
        "history_url": "",
        "intro": _("Whoever is focal point until then keeps their record, ended the day before the new one starts."),
    }
    return render(request, "core/edit_page.html", context, status=400 if form.errors else 200)


@network_secretariat_required
def focal_point_edit(request, pk: int):
    focal_point = get_object_or_404(FocalPoint.objects.select_related("member"), pk=pk)
    return edit_page(
        request,
        FocalPointForm,
        focal_point,
        back_url=focal_point.member.get_absolute_url(),
        back_label=str(focal_point.member),
        heading=_("Edit %(name)s") % {"name": focal_point},
        history_url=reverse("network:focal_point_history", args=[pk]),
        intro=_("To record a change of person, add a new focal point instead: the past is kept."),
    )


@network_secretariat_required
@require_GET
def focal_point_history(request, pk: int):
    focal_point = get_object_or_404(FocalPoint.objects.select_related("member"), pk=pk)
    return history_page(
        request, focal_point, back_url=focal_point.member.get_absolute_url(), back_label=str(focal_point.member)
    )


@network_secretariat_required
@require_GET
def request_list(request):
    requests = MembershipRequest.objects.select_related("member_state", "member", "decided_by")
    status = request.GET.get("status", RequestStatus.PENDING)
    if status in RequestStatus.values:
        requests = requests.filter(status=status)
    counts = dict(MembershipRequest.objects.values_list("status").annotate(n=Count("pk")))
    context = {
        "page": paginate(request, requests),
        "status": status,
        "statuses": [(value, label, counts.get(value, 0)) for value, label in RequestStatus.choices],
    }
    return render(request, "network/request_list.html", context)


@network_secretariat_required
def request_form(request, pk: int | None = None):
    membership_request = get_object_or_404(MembershipRequest, pk=pk) if pk else MembershipRequest()
    if pk and membership_request.status != RequestStatus.PENDING:
        messages.error(request, _("A decided request is kept as it was decided."))
        return redirect("network:request", pk=pk)
    return edit_page(
        request,
        MembershipRequestForm,
        membership_request,
        back_url=reverse("network:requests"),
        back_label=_("Membership requests"),
        heading=_("Edit the request of %(name)s") % {"name": membership_request}
        if pk
        else _("Record a membership request"),
        history_url=reverse("network:request_history", args=[pk]) if pk else "",
    )


@network_secretariat_required
@require_GET
def request_detail(request, pk: int):
    membership_request = get_object_or_404(
        MembershipRequest.objects.select_related("member_state", "member", "decided_by"), pk=pk
    )
    return render(request, "network/request_detail.html", {"req": membership_request, "decline_form": DeclineForm()})


@network_secretariat_required
@require_POST
def request_accept(request, pk: int):
    membership_request = get_object_or_404(MembershipRequest.objects.select_related("member_state"), pk=pk)
    today = timezone.localdate()
    try:
        services.check_decision(membership_request)
    except services.InvalidTransition as exc:
        messages.error(request, str(exc))
        return redirect("network:request", pk=pk)
    if not confirmed(request):
        return confirmation_page(
            request,
            title=_("Accept %(name)s as a member?") % {"name": membership_request.applicant},
            consequences=services.accept_consequences(membership_request, today),
            action=reverse("network:request_accept", args=[pk]),
            cancel_url=reverse("network:request", args=[pk]),
            button=_("Confirm: accept as a member"),
        )
    try:
        member = services.accept_request(membership_request, by=request.user, today=today)
    except services.InvalidTransition as exc:
        messages.error(request, str(exc))
        return redirect("network:request", pk=pk)
    messages.success(request, _("%(name)s is a member of the Network.") % {"name": member})
    return redirect(member)


@network_secretariat_required
@require_POST
def request_decline(request, pk: int):
    membership_request = get_object_or_404(MembershipRequest.objects.select_related("member_state"), pk=pk)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            services.decline_request(
                membership_request, by=request.user, today=timezone.localdate(), reason=form.cleaned_data["reason"]
            )
        except services.InvalidTransition as exc:
            form.add_error("reason", str(exc))
        else:
            messages.success(request, _("The request of %(name)s is declined.") % {"name": membership_request})
            return redirect("network:requests")
    return render(request, "network/request_detail.html", {"req": membership_request, "decline_form": form}, status=400)


@network_secretariat_required
@require_GET
def request_history(request, pk: int):
    membership_request = get_object_or_404(MembershipRequest.objects.select_related("member_state"), pk=pk)
    return history_page(
        request,
        membership_request,
        back_url=reverse("network:request", args=[pk]),
        back_label=str(membership_request),
    )


@network_view
@require_GET
def chair_list(request):
    """Every chaired year and the troika it gives (derived, never typed), newest first."""
    chairs = services.chairs_by_year()
    years = sorted(set(chairs) | {timezone.localdate().year}, reverse=True)
    rows = [(year, chairs.get(year, []), services.troika(year, chairs)) for year in years]
    return render(request, "network/chair_list.html", {"rows": rows, "this_year": timezone.localdate().year})


@network_secretariat_required
def chair_form(request, pk: int | None = None):
    chair = get_object_or_404(Chair, pk=pk) if pk else Chair()
    return edit_page(
        request,
        ChairForm,
        chair,
        back_url=reverse("network:chairs"),
        back_label=_("Chairs and troika"),
        heading=_("Edit %(name)s") % {"name": chair} if pk else _("Record a chair"),
        history_url=reverse("network:chair_history", args=[pk]) if pk else "",
        intro=_("Members nominate themselves for the chairmanship; record each year's chair here."),
    )


@network_secretariat_required
@require_GET
def chair_history(request, pk: int):
    chair = get_object_or_404(Chair.objects.select_related("member"), pk=pk)
    return history_page(request, chair, back_url=reverse("network:chairs"), back_label=_("Chairs and troika"))


@network_view
@require_GET
def troika_meeting_list(request):
    meetings = TroikaMeeting.objects.annotate(
        open_actions=Count("actions", filter=Q(actions__done=False)), actions_count=Count("actions")
    ).order_by("-date", "-pk")
    return render(request, "network/troika_meeting_list.html", {"page": paginate(request, meetings)})


@network_view
@require_GET
def troika_meeting_detail(request, pk: int):
    meeting = get_object_or_404(TroikaMeeting, pk=pk)
    return render(
        request, "network/troika_meeting_detail.html", {"meeting": meeting, "actions": list(meeting.actions.all())}
    )


@network_secretariat_required
def troika_meeting_form(request, pk: int | None = None):
    meeting = get_object_or_404(TroikaMeeting, pk=pk) if pk else TroikaMeeting()
    return edit_page(
        request,
        TroikaMeetingForm,
        meeting,
        back_url=meeting.get_absolute_url() if pk else reverse("network:troika_meetings"),
        back_label=str(meeting) if pk else _("Troika meetings"),
        heading=_("Edit %(name)s") % {"name": meeting} if pk else _("Record a troika meeting"),
        history_url=reverse("network:troika_meeting_history", args=[pk]) if pk else "",
        done_url=None if pk else reverse("network:troika_meetings"),
    )


@network_secretariat_required
@require_GET
def troika_meeting_history(request, pk: int):
    meeting = get_object_or_404(TroikaMeeting, pk=pk)
    return history_page(request, meeting, back_url=meeting.get_absolute_url(), back_label=str(meeting))


@network_secretariat_required
def troika_action_form(request, meeting_pk: int, pk: int | None = None):
    meeting = get_object_or_404(TroikaMeeting, pk=meeting_pk)
    action = get_object_or_404(TroikaAction, pk=pk, meeting=meeting) if pk else TroikaAction(meeting=meeting)
    return edit_page(
        request,
        TroikaActionForm,
        action,
        back_url=meeting.get_absolute_url(),
        back_label=str(meeting),
        heading=_("Edit the action “%(name)s”") % {"name": action} if pk else _("Add to the timeline"),
        intro=_("One line of the timeline the troika set: what, by when, and who does it."),
    )


@network_view
@require_GET
def partner_list(request):
    return render(request, "network/partner_list.html", {"page": paginate(request, Partner.objects.all())})


@network_secretariat_required
def partner_form(request, pk: int | None = None):
    partner = get_object_or_404(Partner, pk=pk) if pk else Partner()
    return edit_page(
        request,
        PartnerForm,
        partner,
        back_url=reverse("network:partners"),
        back_label=_("Partners"),
        heading=_("Edit %(name)s") % {"name": partner} if pk else _("Add a partner"),
        history_url=reverse("network:partner_history", args=[pk]) if pk else "",
    )


@network_secretariat_required
@require_GET
def partner_history(request, pk: int):
    partner = get_object_or_404(Partner, pk=pk)
    return history_page(request, partner, back_url=reverse("network:partners"), back_label=_("Partners"))


@require_GET
def action_plans(request):
    """Public: where members' national and regional action plans stand, and how many members have one in force."""
    plans = list(ActionPlan.objects.select_related("member").order_by("member__name", "generation"))
    this_year = timezone.localdate().year
    first = min((plan.adopted_year for plan in plans if plan.adopted_year), default=this_year)
    rows = observatory.by_year(plans, range(first, this_year + 1))
    latest = {}
    for plan in plans:  # each member's latest plan, for the table
        latest[plan.member_id] = plan
    context = {
        "plans": sorted(latest.values(), key=lambda plan: plan.member.name),
        "rows": list(reversed(rows)),
        "chart": observatory.bar_chart(rows),
        "columns": observatory.COLUMNS,
        "members": Member.objects.current(timezone.localdate()).count(),
    }
    return render(request, "network/action_plans.html", context)


@network_secretariat_required
def action_plan_form(request, member_pk: int | None = None, pk: int | None = None):
    if pk:
        plan = get_object_or_404(ActionPlan.objects.select_related("member"), pk=pk)
        member = plan.member
    else:
        member = get_object_or_404(Member, pk=member_pk)
        plan = ActionPlan(member=member)
    return edit_page(
        request,
        ActionPlanForm,
        plan,
        back_url=member.get_absolute_url(),
        back_label=str(member),
        heading=_("Edit %(name)s") % {"name": plan}
        if pk
        else _("Add an action plan of %(member)s") % {"member": member},
        history_url=reverse("network:action_plan_history", args=[pk]) if pk else "",
        form_kwargs={"member": member},
    )


@network_secretariat_required
@require_GET
def action_plan_history(request, pk: int):
    plan = get_object_or_404(ActionPlan.objects.select_related("member"), pk=pk)
    return history_page(request, plan, back_url=plan.member.get_absolute_url(), back_label=str(plan.member))


@network_view
@require_GET
def meeting_list(request):
    meetings = NetworkMeeting.objects.select_related("host")
    return render(request, "network/meeting_list.html", {"page": paginate(request, meetings)})


ACTION_POINT_ORDER = ("-group__meeting__start_date", "group__meeting_id", "group__order", "group_id", "order", "pk")


def _action_point_list(request) -> tuple[ActionPointFilterForm, object]:
    """The action points list's filter form and its rows as the page lists them (latest meeting first, then as
    the summary numbers them). The page and its exports both read this."""
    form = ActionPointFilterForm(request.GET or None)
    points = form.apply(ActionPoint.objects.select_related("group__meeting")).order_by(*ACTION_POINT_ORDER)
    return form, points


@network_view
@require_GET
def action_point_list(request):
    """Every meeting's key action points in one list, filtered by meeting, status and text, for follow-up."""
    form, points = _action_point_list(request)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": paginate(request, points), "query": query.urlencode()}
    return render(request, "network/action_point_list.html", context)


@network_view
@require_GET
def action_point_export(request, fmt: str):
    """The action points list as a file (CSV or XLSX): the page's rows, in the page's order, every page."""
    form, points = _action_point_list(request)
    if form.errors:
        back = f"{reverse('network:action_points')}?{request.GET.urlencode()}"
        return core_exports.refused(request, problems=core_exports.form_problems(form), back_url=back)
    return core_exports.export_response(request, exports.ACTION_POINTS, points, fmt)


@network_view
@require_GET
def meeting_detail(request, pk: int):
    meeting = get_object_or_404(NetworkMeeting.objects.select_related("host"), pk=pk)
    context = {
        "meeting": meeting,
        "steps": list(meeting.steps.all()),
        "groups": lettered_points(meeting),
        "speakers": list(meeting.speakers.all()),
        "statements": list(meeting.statements.select_related("member", "partner")),
        "documents": list(meeting.documents.all()),
        "to_review": list(services.open_points_before(meeting)),
        "today": timezone.localdate(),
        "states": StepState,
    }
    return render(request, "network/meeting_detail.html", context)


@network_secretariat_required
def meeting_form(request, pk: int | None = None):
    meeting = get_object_or_404(NetworkMeeting, pk=pk) if pk else NetworkMeeting()
    form = NetworkMeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_meeting(form.save(commit=False), expected_version=form.expected_version, by=request.user)
        except StaleEdit as exc:
            refuse_stale(form, exc)
        else:
            messages.success(request, _("Saved: %(name)s. Its timeline is laid out.") % {"name": form.instance})
            return redirect(form.instance)
    context = {
        "form": form,
        "object": meeting if pk else None,
        "heading": _("Edit %(name)s") % {"name": meeting} if pk else _("Add a Network meeting"),
        "back_url": meeting.get_absolute_url() if pk else reverse("network:meetings"),
        "back_label": str(meeting) if pk else _("Network meetings"),
        "history_url": reverse("network:meeting_history", args=[pk]) if pk else "",
        "intro": _(
            "The preparation timeline is dated from the first day; in New York by UN Headquarters business days."
        ),
    }
    return render(request, "core/edit_page.html", context, status=400 if form.errors else 200)


@network_secretariat_required
@require_GET
def meeting_history(request, pk: int):
    meeting = get_object_or_404(NetworkMeeting, pk=pk)
    return history_page(request, meeting, back_url=meeting.get_absolute_url(), back_label=str(meeting))


@network_secretariat_required
@require_POST
def step_action(request, pk: int, step_pk: int):
    step = get_object_or_404(NetworkStep, pk=step_pk, meeting_id=pk)
    state = request.POST.get("state", "")
    try:
        services.set_step_state(step, state, by=request.user, today=timezone.localdate())
    except services.InvalidTransition as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(step)s: %(state)s.") % {"step": step, "state": StepState(state).label})
    return redirect(reverse("network:meeting", args=[pk]) + f"#step-{step.pk}")


@network_secretariat_required
def action_group_form(request, meeting_pk: int, pk: int | None = None):
    meeting = get_object_or_404(NetworkMeeting, pk=meeting_pk)
    group = get_object_or_404(ActionPointGroup, pk=pk, meeting=meeting) if pk else ActionPointGroup(meeting=meeting)
    if not pk:
        group.order = meeting.action_groups.count()
    return edit_page(
        request,
        ActionPointGroupForm,
        group,
        back_url=meeting.get_absolute_url(),
        back_label=str(meeting),
        heading=_("Edit the heading “%(name)s”") % {"name": group} if pk else _("Add a group of action points"),
        intro=_(
            "A lettered heading of the key action points: “Implementation of women and peace and security commitments”."
        ),
    )


@network_secretariat_required
def action_point_form(request, meeting_pk: int, pk: int | None = None):
    meeting = get_object_or_404(NetworkMeeting, pk=meeting_pk)
    if pk:
        point = get_object_or_404(ActionPoint, pk=pk, group__meeting=meeting)
    else:
        point = ActionPoint()
        if not meeting.action_groups.exists():
            messages.error(request, _("Add a group (a lettered heading) first."))
            return redirect(meeting)
    return edit_page(
        request,
        ActionPointForm,
        point,
        back_url=meeting.get_absolute_url(),
        back_label=str(meeting),
        heading=_("Edit the action point") if pk else _("Add an action point"),
        history_url=reverse("network:action_point_history", args=[meeting.pk, pk]) if pk else "",
        form_kwargs={"meeting": meeting},
    )


@network_secretariat_required
@require_GET
def action_point_history(request, meeting_pk: int, pk: int):
    point = get_object_or_404(ActionPoint.objects.select_related("group__meeting"), pk=pk, group__meeting_id=meeting_pk)
    meeting = point.group.meeting
    return history_page(request, point, back_url=meeting.get_absolute_url(), back_label=str(meeting))


# Who spoke: speakers by part, statements by who delivered them.

PARTS = {"speakers": (MeetingSpeaker, MeetingSpeakerForm), "statements": (MeetingStatement, MeetingStatementForm)}


@network_secretariat_required
def meeting_part_form(request, meeting_pk: int, part: str, pk: int | None = None):
    meeting = get_object_or_404(NetworkMeeting, pk=meeting_pk)
    model, form_class = PARTS[part]
    row = get_object_or_404(model, pk=pk, meeting=meeting) if pk else model(meeting=meeting)
    headings = {
        "speakers": (_("Edit a speaker"), _("Add a speaker")),
        "statements": (_("Edit a statement"), _("Add a statement delivered")),
    }
    return edit_page(
        request,
        form_class,
        row,
        back_url=meeting.get_absolute_url() + f"#{part}-heading",
        back_label=str(meeting),
        heading=headings[part][0] if pk else headings[part][1],
    )


@network_secretariat_required
@require_POST
def meeting_part_delete(request, meeting_pk: int, part: str, pk: int):
    meeting = get_object_or_404(NetworkMeeting, pk=meeting_pk)
    model, _form = PARTS[part]
    row = get_object_or_404(model, pk=pk, meeting=meeting)
    if not confirmed(request):
        return confirmation_page(
            request,
            title=_("Remove “%(name)s” from the meeting's record?") % {"name": row},
            consequences=[_("It is removed from the meeting's page; its history is kept.")],
            action=reverse(f"network:{part[:-1]}_delete", args=[meeting.pk, row.pk]),
            cancel_url=meeting.get_absolute_url(),
            button=_("Confirm: remove"),
            danger=True,
        )
    row._change_reason = "Removed"
    row.delete()
    messages.success(request, _("Removed: %(name)s.") % {"name": row})
    return redirect(meeting)

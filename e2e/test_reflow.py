"""Reflow (WCAG 2.2 1.4.10) and text spacing (1.4.12), page by page, and text that holds its shape.

- Every page type of e2e/site_pages.py, for every role, at 320 CSS px: the document does not scroll sideways, no
  box cuts its content, nothing escapes a table's scrolling wrapper, and no table scrolls sideways (on phones
  their cells stack).
- The main pages at 200% zoom (1280 px at 200% = a 640 CSS px viewport, at device scale factor 2) and with the
  1.4.12 text-spacing override (line height 1.5, letter spacing 0.12em, word spacing 0.16em, paragraph spacing
  2em), on a phone and on a desktop: the same checks, and no text spilling out of its box.
- The meeting page in every state (each status; with and without note, summary, recommendations, briefing,
  comments, follow-up review; open, done and skipped steps) with one unbroken 300-character word (or as long as
  the field holds) in every free-text field it shows: it fits a 390 px phone and a desktop.

The checks are in e2e/reflow_probe.js; each problem is a sentence naming the element.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from e2e.conftest import DESKTOP, PHONE
from e2e.site_pages import MAIN_PAGES, ROLES, assert_html, sign_in
from meetings.models import Meeting, TimelineStep
from meetings.tests import factories

PROBE = (Path(__file__).resolve().parent / "reflow_probe.js").read_text()
NARROWEST = {"width": 320, "height": 640}  # WCAG 1.4.10: 320 CSS px wide
ZOOM_200 = {"width": 640, "height": 400}  # a 1280 x 800 screen at 200%
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


def reflow_problems(page, *, spill: bool = False, tables: bool | None = None) -> list[str]:
    """What stops the current page from reflowing (reflow_probe.js); ``spill`` adds text overflowing its box,
    ``tables`` whether a table may scroll in its wrapper (default: not at 640 CSS px and below)."""
    options = {"spill": spill} | ({} if tables is None else {"tables": tables})
    return page.evaluate(PROBE, options)


def add_text_spacing(page, live_server) -> None:
    """Inject the 1.4.12 override as a same-origin stylesheet (the CSP rightly refuses inline styles)."""
    url = f"{live_server.url}/__e2e__/text-spacing.css"
    if not getattr(page, "text_spacing_routed", False):
        page.route(url, lambda route: route.fulfill(body=TEXT_SPACING_CSS, content_type="text/css"))
        page.text_spacing_routed = True
    page.add_style_tag(url=url)


def crawl(new_page, live_server, site, viewport, *, names=None, spacing_names=(), scale=1):
    """Every page of every role (one browser context each) at a viewport; the problems found, by page.

    The pages named in ``spacing_names`` are checked again with the text-spacing override (without reloading).
    """
    found = []
    for role in ROLES:
        page = new_page(viewport)
        if scale != 1:  # a zoomed screen: the same CSS pixels, drawn at twice the device pixels
            page.context.new_cdp_session(page).send(
                "Emulation.setDeviceMetricsOverride",
                {"width": viewport["width"], "height": viewport["height"], "deviceScaleFactor": scale, "mobile": False},
            )
        sign_in(page, live_server, site, role)
        for entry in site.pages(role, names=names):
            assert_html(page.goto(live_server.url + entry.url), entry)
            found += [f"{entry.label}: {problem}" for problem in reflow_problems(page)]
            if entry.name in spacing_names:
                add_text_spacing(page, live_server)
                problems = reflow_problems(page, spill=True)
                found += [f"{entry.label} with text spacing: {problem}" for problem in problems]
        page.context.close()
    return found


def test_reflow_every_page_at_320px_for_every_role(site, new_page, live_server):
    """Every page at 320 CSS px; the main pages also with the 1.4.12 text spacing."""
    problems = crawl(new_page, live_server, site, NARROWEST, spacing_names=MAIN_PAGES)
    assert not problems, f"{len(problems)} reflow problems at 320 CSS px:\n" + "\n".join(problems)


def test_reflow_main_pages_at_200_percent_zoom_and_with_text_spacing(site, new_page, live_server):
    problems = crawl(new_page, live_server, site, ZOOM_200, names=MAIN_PAGES, spacing_names=MAIN_PAGES, scale=2)
    assert not problems, "Reflow problems at 200% zoom (640 CSS px):\n" + "\n".join(problems)


def test_main_pages_on_a_desktop_with_text_spacing(site, new_page, live_server):
    problems = crawl(new_page, live_server, site, DESKTOP, names=MAIN_PAGES, spacing_names=MAIN_PAGES)
    assert not problems, "Problems at 1280 px, with the 1.4.12 text spacing:\n" + "\n".join(problems)


# The meeting page in every state, with long words.


def long_word(length: int = 300) -> str:
    """One unbroken word of wide letters (an unbroken URL behaves the same)."""
    return ("Wm" * length)[:length]


def word_for(model, field: str) -> str:
    """A 300-character word, or as long as the field holds."""
    max_length = model._meta.get_field(field).max_length
    return long_word(min(300, max_length or 300))


@pytest.fixture
def meetings_in_every_state(settings, tmp_path, year, secretariat_user, cochair_user, expert_user):
    """One meeting per status, and the variations of what a meeting page shows, each with long words."""
    from approvals.models import Comment
    from documents.models import Attachment
    from documents.tests import factories as docs
    from recommendations.models import Briefer, Goal
    from recommendations.tests import factories as rec

    settings.MEDIA_ROOT = str(tmp_path / "media")
    secretariat_user.first_name = long_word(150)
    secretariat_user.save()
    when = timezone.make_aware(datetime.datetime(2026, 11, 2, 15))
    created = []
    past = datetime.date(2026, 10, 20)
    future = datetime.date(2026, 12, 15)
    for index, status in enumerate(Meeting.Status.values):
        day = future if status in ("planned", "date_proposed", "confirmed", "cancelled") else past
        situation = factories.make_situation(f"Situation {index}")
        meeting = factories.make_meeting(
            year,
            situation,
            date=day + datetime.timedelta(days=index),
            room=word_for(Meeting, "room"),
            needs_interpretation=True,
            interpretation_languages=word_for(Meeting, "interpretation_languages"),
            source_note=long_word(),
        )
        symbol = f"S/2026/{700 + index}" if status in ("issued", "published") else ""
        Meeting.objects.filter(pk=meeting.pk).update(status=status, symbol=symbol)
        meeting.refresh_from_db()
        steps = list(meeting.steps.order_by("due"))
        for step in steps:
            step.note = word_for(TimelineStep, "note")
            step.assignee = secretariat_user
        for step in steps[: len(steps) // 2]:  # done and skipped steps, the others open
            step.state = TimelineStep.State.DONE
            step.done_at, step.done_by = when, secretariat_user
        if steps:
            steps[-1].state = TimelineStep.State.NOT_NEEDED
        TimelineStep.objects.bulk_update(steps, ["note", "assignee", "state", "done_at", "done_by"])
        if index >= 2:  # a note (shared from here on), a summary later, the briefing and its outcomes
            docs.make_note(meeting, status="shared" if index >= 3 else "draft", shared_at=when)
        if index >= 4:
            summary_status = {"issued": "issued", "published": "published"}.get(status, "approved")
            docs.make_summary(meeting, status=summary_status, title=long_word(), issue_date=datetime.date(2026, 11, 1))
        if index >= 3:
            rec.make_recommendation(meeting, long_word(), status="presented")
            rec.make_briefer(
                meeting, word_for(Briefer, "name"), title=word_for(Briefer, "title"), entity=word_for(Briefer, "entity")
            )
            rec.make_question(meeting, text=long_word())
            rec.make_goal(meeting, long_word(), entity=word_for(Goal, "entity"))
            Comment.objects.create(
                agenda_year=year, meeting=meeting, author=cochair_user, text=long_word(), created_at=when
            )
            attachment = Attachment(
                meeting=meeting,
                title=word_for(Attachment, "title"),
                original_name="briefing.pdf",
                content_type="application/pdf",
                size=20,
                uploaded_at=when,
            )
            attachment.file.save("briefing.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
            attachment.save()
        created.append(meeting)
    # A follow-up meeting reviewing the held one's open items; a thematic meeting; one without a date (no steps).
    held = next(m for m in created if m.status == "held")
    created.append(rec.make_follow_up(held, date=datetime.date(2026, 12, 20)))
    created.append(
        factories.make_meeting(
            year, kind=Meeting.Kind.THEMATIC, theme=word_for(Meeting, "theme"), date=datetime.date(2026, 12, 22)
        )
    )
    created.append(factories.make_meeting(year, factories.make_situation(long_word(100)), date=None))
    return created


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_meeting_page_fits_in_every_state_with_long_words(
    meetings_in_every_state, site, new_page, live_server, viewport
):
    problems = []
    # On the desktop, the secretariat's page (it shows every panel and control) is enough.
    for role in ("secretariat", "cochair", "expert") if viewport is PHONE else ("secretariat",):
        page = new_page(viewport)
        sign_in(page, live_server, site, role)
        for meeting in meetings_in_every_state:
            response = page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
            assert response.status == 200, f"{role} {meeting.get_absolute_url()}: {response.status}"
            found = reflow_problems(page, spill=True, tables=True)  # no table scrolls sideways for a long word
            problems += [f"{role} {meeting.status} {meeting.get_absolute_url()}: {p}" for p in found]
        page.context.close()
    assert not problems, f"The meeting page at {viewport['width']} px:\n" + "\n".join(problems)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_long_words_never_widen_a_page(meetings_in_every_state, site, new_page, live_server, viewport):
    """The other pages showing the same long words: lists, the year, documents, recommendations, people, public."""
    from django.urls import reverse

    by_status = {meeting.status: meeting for meeting in meetings_in_every_state}
    full = by_status["summary_drafted"]  # note shared, summary approved, the briefing and its outcomes recorded
    published = by_status["published"]
    follow_up = next(m for m in meetings_in_every_state if m.kind == Meeting.Kind.FOLLOW_UP)
    recommendation = full.recommendations.first()
    paths = [
        reverse("meetings:dashboard"),
        reverse("meetings:year", kwargs={"year": 2026}),
        reverse("meetings:list"),
        reverse("meetings:history", kwargs={"pk": full.pk}),
        reverse("recommendations:tracker"),
        reverse("recommendations:detail", kwargs={"pk": recommendation.pk}),
        reverse("recommendations:meeting", kwargs={"meeting_pk": full.pk}),
        reverse("recommendations:review", kwargs={"meeting_pk": follow_up.pk}),
        reverse("documents:index"),
        reverse("documents:note", kwargs={"meeting_pk": full.pk}),
        reverse("documents:summary", kwargs={"meeting_pk": full.pk}),
        reverse("countries:situation", kwargs={"pk": meetings_in_every_state[-1].situation_id}),
        reverse("accounts:user_list"),
        reverse("public:meeting", kwargs={"symbol": published.symbol}),
        reverse("public:year", kwargs={"year": 2026}),
    ]
    page = new_page(viewport)
    sign_in(page, live_server, site, "secretariat")
    problems = []
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, f"{path}: {response.status}"
        problems += [f"{path}: {problem}" for problem in reflow_problems(page, spill=True)]
    assert not problems, f"Pages with long words at {viewport['width']} px:\n" + "\n".join(problems)

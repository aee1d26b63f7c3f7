"""Two secretariat members at work on the same year, agenda country or timeline step (core.concurrency).

The second save, made on what the page showed before the first one, is refused with a clear message, and
what the second person typed stays on the page. Creating a row a colleague created meanwhile is refused the
same way: neither merged nor overwritten. (Meetings and years being edited: core/tests/test_concurrency.py.)
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import AgendaEntry, AgendaYear, TimelineStep
from meetings.tests import factories

STALE = "while you were editing it"
CREATED_MEANWHILE = "created this"


def _page(response) -> str:
    return response.content.decode()


# --- Years --------------------------------------------------------------------------------------------------------


def test_creating_a_year_a_colleague_created_meanwhile_is_refused_and_keeps_the_text(
    secretariat_client, colleague_client, year
):
    url = reverse("meetings:year_create")
    denmark, greece = (factories.make_state(n).pk for n in ("Denmark", "Greece"))
    data = {"year": 2027, "co_chairs": [denmark, greece], "penholder": "", "notes": ""}
    assert secretariat_client.post(url, {**data, "notes": "Agreed at the retreat."}).status_code == 302

    second = colleague_client.post(url, {**data, "notes": "The colleague's own notes on 2027"})

    assert second.status_code == 200
    assert "already exists" in _page(second)
    assert "The colleague&#x27;s own notes on 2027" in _page(second)
    assert AgendaYear.objects.get(year=2027).notes == "Agreed at the retreat."


# --- Agenda countries ---------------------------------------------------------------------------------------------


def _entry_post(situation, version, **changes):
    data = {
        "situation": situation.pk,
        "conflict_phase": situation.conflict_phase,
        "rationale_impact": "",
        "rationale_capacity": "",
        "rationale_diversity": "",
        "version": version,
    }
    data.update(changes)
    return data


def test_adding_a_country_a_colleague_added_meanwhile_is_refused_and_keeps_the_text(
    secretariat_client, colleague_client, year
):
    haiti = factories.make_situation("Haiti")
    url = reverse("meetings:entry_create", args=[year.year])
    opened = secretariat_client.get(url).context["form"].initial["version"]
    assert colleague_client.get(url).context["form"].initial["version"] == opened
    first = secretariat_client.post(url, _entry_post(haiti, opened, rationale_impact="Elections in June."))
    assert first.status_code == 302

    second = colleague_client.post(
        url, _entry_post(haiti, opened, rationale_impact="The colleague's paragraph on the transition")
    )

    assert second.status_code == 200
    page = _page(second)
    assert CREATED_MEANWHILE in page and "agenda country" in page
    assert "The colleague&#x27;s paragraph on the transition" in page
    entry = AgendaEntry.objects.get(agenda_year=year, situation=haiti)
    assert entry.rationale_impact == "Elections in June."


def test_a_stale_agenda_country_edit_is_refused_and_keeps_the_text(secretariat_client, colleague_client, year):
    entry = factories.make_entry(year, "Haiti")
    url = reverse("meetings:entry_edit", args=[year.year, entry.pk])
    opened = secretariat_client.get(url).context["form"].initial["version"]
    assert colleague_client.get(url).context["form"].initial["version"] == opened
    situation = entry.situation
    assert secretariat_client.post(url, _entry_post(situation, opened, rationale_capacity="BINUH")).status_code == 302

    second = colleague_client.post(url, _entry_post(situation, opened, rationale_diversity="The colleague's words"))

    assert second.status_code == 200
    assert STALE in _page(second) and "The colleague&#x27;s words" in _page(second)
    entry.refresh_from_db()
    assert (entry.rationale_capacity, entry.rationale_diversity) == ("BINUH", "")
    # Saving again, having seen the refusal, deliberately replaces the colleague's version.
    again = colleague_client.post(url, second.context["form"].data)
    assert again.status_code == 302
    entry.refresh_from_db()
    assert entry.rationale_diversity == "The colleague's words"


def test_an_agenda_country_post_without_a_version_is_not_saved_blindly(secretariat_client, year):
    entry = factories.make_entry(year, "Haiti")
    url = reverse("meetings:entry_edit", args=[year.year, entry.pk])
    data = _entry_post(entry.situation, "", rationale_impact="Typed on a page without a version")
    del data["version"]

    response = secretariat_client.post(url, data)

    assert response.status_code == 200
    assert "Typed on a page without a version" in _page(response)
    entry.refresh_from_db()
    assert entry.rationale_impact == ""


# --- Timeline steps -----------------------------------------------------------------------------------------------


@pytest.fixture
def step(meeting):
    return meeting.steps.get(key="background_note")


def _step_post(step, version, **changes):
    data = {"assignee": "", "note": "", "due": step.due.isoformat(), "due_reason": "", "version": version}
    data.update(changes)
    return data


def test_a_stale_step_edit_is_refused_and_keeps_the_text(secretariat_client, colleague_client, meeting, step):
    url = reverse("meetings:step_edit", args=[meeting.pk, step.pk])
    opened = secretariat_client.get(url).context["form"].initial["version"]
    assert colleague_client.get(url).context["form"].initial["version"] == opened
    assert secretariat_client.post(url, _step_post(step, opened, note="Draft from the desk officer")).status_code == 302

    second = colleague_client.post(url, _step_post(step, opened, note="The colleague's note on the step"))

    assert second.status_code == 200
    assert STALE in _page(second) and "The colleague&#x27;s note on the step" in _page(second)
    step.refresh_from_db()
    assert step.note == "Draft from the desk officer"


def test_the_timeline_buttons_carry_the_version_they_were_shown_with(secretariat_client, meeting, step):
    page = _page(secretariat_client.get(meeting.get_absolute_url()))
    done_url = reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"])
    form = page[page.index(f'action="{done_url}"') :]
    form = form[: form.index("</form>")]
    assert f'name="version" value="{step.version}"' in form


def _changed_meanwhile(step, colleague):
    """A colleague writes a note on the step after the timeline was shown; return the version shown."""
    shown = step.version
    step.note = "Colleague: the co-chairs asked for one more day"
    services.update_step(step, expected_version=shown, by=colleague)
    return shown


def test_marking_done_a_step_changed_meanwhile_is_refused_in_place(secretariat_client, meeting, step, secretariat_user):
    shown = _changed_meanwhile(step, secretariat_user)
    url = reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"])

    response = secretariat_client.post(url, {"version": shown}, HTTP_HX_REQUEST="true")

    # htmx reloads the page, which shows the step as it now is and says why nothing changed.
    assert response.headers.get("HX-Refresh") == "true"
    step.refresh_from_db()
    assert step.state == TimelineStep.State.OPEN
    page = _page(secretariat_client.get(meeting.get_absolute_url()))
    assert "changed this timeline step" in page


def test_marking_done_a_step_changed_meanwhile_is_refused_without_javascript(
    secretariat_client, meeting, step, secretariat_user
):
    shown = _changed_meanwhile(step, secretariat_user)
    url = reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"])

    response = secretariat_client.post(url, {"version": shown}, follow=True)

    assert "changed this timeline step" in _page(response)
    step.refresh_from_db()
    assert step.state == TimelineStep.State.OPEN


def test_reopening_a_step_changed_meanwhile_is_refused(secretariat_client, meeting, step, secretariat_user):
    url = reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"])
    assert secretariat_client.post(url, {"version": step.version}).status_code == 302
    step.refresh_from_db()
    shown = _changed_meanwhile(step, secretariat_user)

    response = secretariat_client.post(
        reverse("meetings:step_action", args=[meeting.pk, step.pk, "reopen"]),
        {"version": shown},
        HTTP_HX_REQUEST="true",
    )

    assert response.headers.get("HX-Refresh") == "true"
    step.refresh_from_db()
    assert step.state == TimelineStep.State.DONE


def test_marking_done_with_the_current_version_works_in_place(secretariat_client, meeting, step):
    url = reverse("meetings:step_action", args=[meeting.pk, step.pk, "done"])

    response = secretariat_client.post(url, {"version": step.version}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200 and "HX-Refresh" not in response.headers
    step.refresh_from_db()
    assert step.state == TimelineStep.State.DONE
    assert f'name="version" value="{step.version}"' in _page(response)

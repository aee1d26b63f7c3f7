"""The chair's summary re-entered through the app (forms, action points, the troika's approvals, issuance)
renders to the text of seed 001 paragraph by paragraph; the troika is derived and approves; an edit resets its
approvals; an issued document is fixed and public, a draft never is."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from approvals.services import ApprovalError
from countries.models import PermanentRepresentative
from documents import pdf
from documents.tests import pdf_text, seeds
from meetings.tests.factories import make_user
from network import document_services
from network.models import ActionPoint, ActionPointGroup, Member, NetworkDocument, NetworkMeeting
from network.summary import network_document
from network.tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
LETTER = D(2017, 10, 17)


def _points_of(html: str) -> tuple[str, list[str]]:
    heading, _sep, rest = html.partition('<ol type="i">')
    return heading, [re.sub(r"</?li>", "", item) for item in rest.removesuffix("</ol>").split("</li><li>")]


@pytest.fixture
def troika_2017(db):
    factories.make_chairs(Spain=2017, Germany=2018, Namibia=2019)
    for sig in (seeds.GERMANY, seeds.NAMIBIA, seeds.SPAIN_2017):
        state = Member.objects.get(name=sig.state).member_state
        PermanentRepresentative.objects.create(
            member_state=state, given_names=sig.given_names, surname=sig.surname, start_date=D(2015, 1, 1)
        )


def as_list(block) -> str:
    """A list as the secretariat types it in a section: its lead-in paragraph, then an <ol> (lettered)."""
    items = "".join(f"<li>{item.html}</li>" for item in block.items)
    return block.lead_in_html + (f"<ol>{items}</ol>" if block.lettered else f"<ul>{items}</ul>")


def enter_seed_001(client: Client) -> NetworkDocument:
    """Seed 001 as the secretariat would enter it: the meeting, its key action points, the document, sections."""
    meeting = NetworkMeeting.objects.create(
        kind="new_york",
        title="Second meeting of the Women, Peace and Security National Focal Points Network",
        start_date=D(2017, 9, 21),
        city="New York",
        theme="Women's participation in peace and security: conflict prevention and the security sector",
    )
    [*text_sections, points_section] = seeds.SEED_001_SECTIONS
    [block] = points_section.blocks
    for g, item in enumerate(block.items):
        heading, points = _points_of(item.html)
        group = ActionPointGroup.objects.create(meeting=meeting, heading=heading.replace("&#x27;", "'"), order=g)
        for p, text in enumerate(points):
            ActionPoint.objects.create(group=group, order=p, text=text.replace("&#x27;", "'"))
    form = client.get(reverse("network:document_create") + f"?meeting={meeting.pk}").context["form"]
    assert form.initial.get("title") or form.instance.title == (
        "Chair's summary of the second meeting of the Women, Peace and Security National Focal Points Network"
    )
    assert form.instance.subtitle_lines == seeds.seed_001().annex_title_lines[1:]
    data = {
        "kind": "chairs_summary",
        "meeting": meeting.pk,
        "year": 2017,
        "title": form.instance.title,
        "subtitle": form.instance.subtitle,
        "letter_date": "2017-10-17",
        "letter_body": seeds.BODY_001,
        "ga_session": 72,
        "agenda_item": 65,
        "agenda_item_title": seeds.AGENDA_ITEM_65,
        "action_points_lead_in": re.sub(r"</?p>", "", block.lead_in_html),
        "version": 0,
    }
    response = client.post(reverse("network:document_create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    document = NetworkDocument.objects.get()
    for order, section in enumerate(text_sections, start=1):
        body = "".join(block if isinstance(block, str) else as_list(block) for block in section.blocks)
        url = reverse("network:section_create", args=[document.pk])
        response = client.post(url, {"order": order, "heading": section.heading, "body": body, "version": 0})
        assert response.status_code == 302, response.content.decode()[:2000]
    return document


def test_seed_001_entered_through_the_app_prints_as_issued(coordinator_client, coordinator, troika_2017):
    document = enter_seed_001(coordinator_client)
    doc = network_document(document, today=LETTER)
    original = seeds.seed_001()
    # The letter from the troika derived from the chairs: states in name order, each signing once.
    assert doc.title == original.title
    assert doc.signatures == original.signatures
    assert doc.annex_heading == original.annex_heading
    assert doc.annex_title_lines == original.annex_title_lines
    assert [s.heading for s in doc.sections] == [s.heading for s in original.sections]
    # The troika approves (two in the app's record of emails, one by its focal point), then it is issued.
    spain_fp = make_user("sanabria")
    factories.make_focal_point(Member.objects.get(name="Spain"), "F. J. Sanabria Valderrama", user=spain_fp)
    document_services.submit_for_review(document, by=coordinator, today=LETTER)
    seen = document_services.status(document, today=LETTER).fingerprint
    now = timezone.now()
    for name in ("Germany", "Namibia"):
        state = Member.objects.get(name=name).member_state
        document_services.approve(
            document, by=coordinator, now=now, seen_fingerprint=seen, on_behalf_of=state, received_on=LETTER
        )
    document_services.approve(document, by=spain_fp, now=now, seen_fingerprint=seen)
    assert document_services.status(document, today=LETTER).complete
    document_services.issue(
        document, symbol=original.symbol, issue_date=original.issue_date, job_number=original.job_number, by=coordinator
    )
    document.refresh_from_db()
    body = document.issued_pdf.read()
    text = pdf_text.body_text(
        body, symbol=original.symbol, job_number=original.job_number, footnotes=("A/71/927-S/2017/485.",)
    )
    position = 0
    paragraphs = pdf_text.original_paragraphs("seed_001.txt")
    for paragraph in paragraphs:
        found = text.find(paragraph, position)
        assert found >= 0, f"not found: {paragraph!r}\nnext in the PDF: {text[position:][:400]!r}"
        position = found + len(paragraph)
    rest = text
    for paragraph in paragraphs:
        rest = rest.replace(paragraph, "", 1)
    assert rest.split() == []
    # Public once issued: the page and the stored PDF.
    anonymous = Client()
    page = anonymous.get(reverse("network:public_document", args=[document.pk]))
    assert page.status_code == 200 and "A/72/565-S/2017/904" in page.content.decode()
    assert anonymous.get(reverse("network:public_document_pdf", args=[document.pk])).status_code == 200


def test_the_default_letter_names_the_chair_first_and_asks_for_the_agenda_item(coordinator_client, troika_2017):
    document = enter_seed_001(coordinator_client)
    document.letter_body = ""
    body = network_document(document, today=LETTER).body_html
    assert body == (
        "<p>Spain, together with Germany and Namibia, has the honour to transmit herewith the Chair&#x27;s summary "
        "of the second meeting of the Women, Peace and Security National Focal Points Network, held in New York on "
        "21 September 2017 (see annex).</p><p>We would be grateful if the present letter and its annex could be "
        "circulated as a document of the General Assembly, under agenda item 65, and of the Security Council.</p>"
    )


def test_an_edit_resets_the_troikas_approvals_and_only_the_troika_approves(
    coordinator_client, coordinator, troika_2017
):
    document = enter_seed_001(coordinator_client)
    document_services.submit_for_review(document, by=coordinator, today=LETTER)
    seen = document_services.status(document, today=LETTER).fingerprint
    germany = Member.objects.get(name="Germany").member_state
    document_services.approve(
        document, by=coordinator, now=timezone.now(), seen_fingerprint=seen, on_behalf_of=germany, received_on=LETTER
    )
    # A focal point of a member outside the troika cannot approve.
    brazil = factories.make_member("Brazil")
    outsider = make_user("brazil-fp")
    factories.make_focal_point(brazil, "Focal point of Brazil", user=outsider)
    with pytest.raises(ApprovalError, match="Only a focal point of a troika state"):
        document_services.approve(document, by=outsider, now=timezone.now(), seen_fingerprint=seen)
    # The secretariat edits a section: Germany's approval was of other words and is reset.
    section = document.sections.first()
    section.body = section.body.replace("cross-regional", "cross-regional (sic)")
    document_services.save_section(section, expected_version=section.version, by=coordinator, today=LETTER)
    status = document_services.status(document, today=LETTER)
    assert [row.approval for row in status.co_chairs] == [None, None, None]
    assert status.fingerprint != seen
    # Issuing without every approval is refused, and nothing moves.
    with pytest.raises(document_services.InvalidTransition):
        document_services.issue(document, symbol="A/72/565-S/2017/904", issue_date=D(2017, 11, 1), by=coordinator)
    document.refresh_from_db()
    assert document.status == "in_review" and document.symbol == ""


def test_a_draft_is_never_public_and_an_issued_document_is_not_edited(coordinator_client, coordinator, troika_2017):
    document = enter_seed_001(coordinator_client)
    anonymous = Client()
    assert anonymous.get(reverse("network:public_document", args=[document.pk])).status_code == 404
    assert anonymous.get(reverse("network:public_document_pdf", args=[document.pk])).status_code == 404
    assert anonymous.get(reverse("network:document", args=[document.pk])).status_code == 302  # to sign in
    NetworkDocument.objects.filter(pk=document.pk).update(
        status="issued", symbol="A/72/565-S/2017/904", issue_date=D(2017, 11, 1)
    )
    response = coordinator_client.get(reverse("network:document_edit", args=[document.pk]))
    assert response.status_code == 302
    section = document.sections.first()
    response = coordinator_client.post(
        reverse("network:section_edit", args=[document.pk, section.pk]),
        {"order": 1, "heading": "", "body": "<p>Changed</p>", "version": section.version},
    )
    section.refresh_from_db()
    assert "Changed" not in section.body


def test_the_document_pages_render_for_the_secretariat_and_a_focal_point(
    coordinator_client, focal_point_client, troika_2017
):
    document = enter_seed_001(coordinator_client)
    for client in (coordinator_client, focal_point_client):
        page = client.get(reverse("network:document", args=[document.pk]))
        assert page.status_code == 200
        assert "Spain, together with Germany and Namibia, has the honour to transmit" in page.content.decode()
        assert client.get(reverse("network:document_pdf", args=[document.pk])).status_code == 200
    assert "Send to the troika for approval" in coordinator_client.get(document.get_absolute_url()).content.decode()
    assert "Send to the troika" not in focal_point_client.get(document.get_absolute_url()).content.decode()


def test_seed_004_the_guidelines_entered_through_the_app_print_as_issued(coordinator_client, coordinator):
    """A letter of the troika that is not a chair's summary: the 2018 troika (Spain, previous; Germany, chair;
    Namibia, next), Spain transmitting; Spain's representative in office on 1 March 2018 signs."""
    factories.make_chairs(Spain=2017, Germany=2018, Namibia=2019)
    reps = [(seeds.GERMANY, D(2015, 1, 1), None), (seeds.NAMIBIA, D(2015, 1, 1), None)]
    reps += [(seeds.SPAIN_2017, D(2015, 1, 1), D(2017, 12, 31)), (seeds.SPAIN_2018, D(2018, 1, 1), None)]
    for sig, start, end in reps:
        PermanentRepresentative.objects.create(
            member_state=Member.objects.get(name=sig.state).member_state,
            given_names=sig.given_names,
            surname=sig.surname,
            start_date=start,
            end_date=end,
        )
    original = seeds.seed_004()
    data = {
        "kind": "other",
        "year": 2018,
        "lead": Member.objects.get(name="Spain").pk,
        "title": original.annex_title_lines[0],
        "subtitle": "",
        "letter_date": "2018-03-01",
        "letter_body": seeds.BODY_004,
        "ga_session": 72,
        "agenda_item": 65,
        "agenda_item_title": seeds.AGENDA_ITEM_65,
        "version": 0,
    }
    response = coordinator_client.post(reverse("network:document_create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    document = NetworkDocument.objects.get()
    for order, section in enumerate(seeds.SEED_004_SECTIONS, start=1):
        body = "".join(block if isinstance(block, str) else as_list(block) for block in section.blocks)
        url = reverse("network:section_create", args=[document.pk])
        response = coordinator_client.post(
            url, {"order": order, "heading": section.heading, "body": body, "version": 0}
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    doc = network_document(document, today=D(2018, 3, 1))
    assert doc.title == original.title
    assert doc.signatures == original.signatures
    assert [s.heading for s in doc.sections] == [s.heading for s in original.sections]
    NetworkDocument.objects.filter(pk=document.pk).update(
        status="issued", symbol=original.symbol, issue_date=original.issue_date, job_number=original.job_number
    )
    document.refresh_from_db()
    body = pdf.render_document(network_document(document, today=original.issue_date))
    footnote = re.sub(r"<[^>]+>", "", seeds.SEED_004_SECTIONS[1].blocks[1].split('class="footnote">')[1])
    text = pdf_text.body_text(body, symbol=original.symbol, job_number=original.job_number, footnotes=(footnote,))
    position = 0
    for paragraph in pdf_text.original_paragraphs("seed_004.txt"):
        found = text.find(paragraph, position)
        assert found >= 0, f"not found: {paragraph!r}\nnext in the PDF: {text[position:][:400]!r}"
        position = found + len(paragraph)

"""The public site: every published summary by year and by country, with its S/ symbol and a stable URL,
and nothing that is not published."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting
from meetings.tests import factories

from .factories import make_published


@pytest.fixture
def published(year):
    return make_published(year, "South Sudan", symbol="S/2026/101", room="SECRET-ROOM-7")


@pytest.fixture
def unpublished(year):
    """Held, summary issued but not yet published: not public."""
    meeting = factories.make_meeting(year, "Atlantis Unpublished", date=datetime.date(2026, 4, 2))
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.ISSUED, symbol="S/2026/999")
    return meeting


def test_home_lists_published_meetings_by_year_and_country(client, published, unpublished):
    page = client.get(reverse("public:home")).content.decode()

    assert "South Sudan" in page
    assert "S/2026/101" in page
    assert reverse("public:year", args=[2026]) in page
    assert reverse("public:country", args=["south-sudan"]) in page
    assert "/meetings/S/2026/101/" in page
    assert "Atlantis" not in page
    assert "S/2026/999" not in page
    assert "SECRET-ROOM-7" not in page


def test_year_page(client, published, unpublished):
    page = client.get(reverse("public:year", args=[2026])).content.decode()

    assert "S/2026/101" in page
    assert "Denmark" in page  # co-chairs of the year
    assert "Atlantis" not in page


def test_country_page(client, published, unpublished, year):
    make_published(year, "Haiti", symbol="S/2026/102")

    page = client.get(reverse("public:country", args=["south-sudan"])).content.decode()

    assert "S/2026/101" in page
    assert "S/2026/102" not in page


def test_meeting_has_a_stable_url_by_symbol(client, published):
    url = reverse("public:meeting", kwargs={"symbol": "S/2026/101"})
    assert url == "/meetings/S/2026/101/"

    page = client.get(url).content.decode()

    assert "S/2026/101" in page
    assert "South Sudan" in page
    assert "SECRET-ROOM-7" not in page
    assert f'<link rel="canonical" href="http://testserver{url}">' in page


def test_meeting_by_number_moves_to_its_symbol(client, published):
    response = client.get(reverse("public:meeting_pk", args=[published.pk]))

    assert response.status_code == 301
    assert response["Location"] == "/meetings/S/2026/101/"


@pytest.mark.parametrize("client_fixture", ["client", "secretariat_client", "cochair_client"])
def test_unpublished_meetings_are_not_found(request, unpublished, client_fixture):
    client = request.getfixturevalue(client_fixture)

    assert client.get(reverse("public:meeting", kwargs={"symbol": "S/2026/999"})).status_code == 404
    assert client.get(reverse("public:meeting_pk", args=[unpublished.pk])).status_code == 404


def test_empty_year_and_unknown_country_are_not_found(client, published, other_year):
    assert client.get(reverse("public:year", args=[2019])).status_code == 404
    assert client.get(reverse("public:year", args=[1999])).status_code == 404
    assert client.get(reverse("public:country", args=["atlantis-unpublished"])).status_code == 404


def test_home_when_nothing_is_published(client, db):
    assert "Nothing has been published yet." in client.get(reverse("public:home")).content.decode()


def test_published_summary_links_to_its_pdf(client, published):
    document_factories = pytest.importorskip("documents.tests.factories")
    document_factories.make_summary(published, status="published", issue_date=datetime.date(2026, 3, 20))

    page = client.get(reverse("public:meeting", kwargs={"symbol": "S/2026/101"})).content.decode()

    assert reverse("documents:public_summary_pdf", args=[published.pk]) in page


def test_meeting_with_only_its_note_published_is_public(client, year):
    document_factories = pytest.importorskip("documents.tests.factories")
    meeting = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 5, 5))
    document_factories.make_note(
        meeting, status="published", shared_at=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC)
    )

    page = client.get(reverse("public:meeting_pk", args=[meeting.pk])).content.decode()

    assert "Haiti" in page
    assert reverse("documents:public_note_pdf", args=[meeting.pk]) in page


def test_anonymous_pages_are_cacheable_and_set_no_cookie(client, published):
    for url in (
        reverse("public:home"),
        reverse("public:year", args=[2026]),
        reverse("public:country", args=["south-sudan"]),
        "/meetings/S/2026/101/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "public" in response["Cache-Control"], url
        assert "no-cache" in response["Cache-Control"], url  # kept, but asked again before each use
        assert response["ETag"], url


def test_a_cache_revalidates_an_unchanged_page_and_gets_the_new_one_after_a_change(client, year, published):
    """The ETag is the page's bytes: "304 Not Modified" while it is the same, the new page once data changed."""
    url = reverse("public:home")
    etag = client.get(url)["ETag"]

    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert "public" in again["Cache-Control"] and "no-cache" in again["Cache-Control"]

    make_published(year, "Haiti", symbol="S/2026/202")  # as from the shell: no request, no cache rule
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "S/2026/202" in changed.content.decode()


def test_signed_in_pages_are_private(expert_client, published):
    response = expert_client.get(reverse("public:home"))

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"].replace("private", "")


def test_only_get(client, published):
    assert client.post(reverse("public:home")).status_code == 405


@pytest.mark.parametrize("rows", [10, 200])
def test_public_pages_queries_constant(client, year, rows, django_assert_max_num_queries):
    for i in range(rows):
        make_published(year, f"Country {i % 7}", symbol=f"S/2026/{i + 1}", date=datetime.date(2026, 1, 1))
    # home: latest meetings, their summaries/notes, their attachments, years, countries
    with django_assert_max_num_queries(6):
        assert client.get(reverse("public:home")).status_code == 200
    # year: the year, its co-chairs, its meetings, their attachments
    with django_assert_max_num_queries(5):
        assert client.get(reverse("public:year", args=[2026])).status_code == 200
    # country: countries with published meetings, the meetings, their attachments
    with django_assert_max_num_queries(4):
        assert client.get(reverse("public:country", args=["country-1"])).status_code == 200


@pytest.mark.parametrize("rows", [10, 200])
def test_public_meeting_page_queries_constant(client, year, settings, tmp_path, rows, django_assert_max_num_queries):
    from documents.models import Attachment

    settings.MEDIA_ROOT = str(tmp_path)
    meeting = make_published(year, "South Sudan", symbol="S/2026/101")
    for i in range(rows):  # other published meetings: the page must not read them
        make_published(year, f"Country {i % 7}", symbol=f"S/2026/{i + 200}", date=datetime.date(2026, 1, 1))
    Attachment.objects.bulk_create(
        Attachment(
            meeting=meeting,
            title=f"Statement {i}",
            file=f"attachments/{meeting.pk}/s{i}.pdf",
            original_name="s.pdf",
            content_type="application/pdf",
            size=10,
            uploaded_at=datetime.datetime(2026, 3, 11, tzinfo=datetime.UTC),
        )
        for i in range(rows)
    )
    # the meeting (with its year, country, summary and note joined), its attachments
    with django_assert_max_num_queries(2):
        response = client.get(reverse("public:meeting", kwargs={"symbol": "S/2026/101"}))
    assert response.status_code == 200
    assert response.content.decode().count("/public/attachments/") == rows


def test_published_summary_reads_on_the_meeting_page(client, published):
    """The public meeting page prints the published summary itself (letter, signatures, annex), in the words of
    the issued document, not only a link to its PDF; a summary not yet published is not shown."""
    from documents.tests import factories as docs
    from recommendations.tests import factories as rec

    summary = docs.make_summary(
        published,
        status="issued",
        issue_date=datetime.date(2026, 3, 20),
        letter_date=datetime.date(2026, 3, 18),
        main_points="<p>Women's participation in the talks fell.</p>",
    )
    rec.make_recommendation(published, "Request gender expertise in the mission", status="presented")
    url = reverse("public:meeting", kwargs={"symbol": "S/2026/101"})
    assert "fell." not in client.get(url).content.decode()

    summary.status = "published"
    summary.save()
    # Shown at once: no page cache can hold the page from before (it did for 5 minutes).
    page = client.get(url).content.decode()

    assert "Letter dated 18 March 2026 from the Permanent Representatives of" in page
    assert "Main points raised" in page and "participation in the talks fell." in page
    assert "(a)" in page and "Request gender expertise in the mission" in page
    assert page.count("<h1") == 1


def test_public_search_finds_only_what_is_published(client, year, published, unpublished):
    """Every word must appear in what the public can read: the meeting's record, the published summary's text,
    the published note's sections, the recommendations those documents print. Drafts never match."""
    from documents.tests import factories as docs
    from recommendations.tests import factories as rec

    docs.make_summary(
        published,
        status="published",
        issue_date=datetime.date(2026, 3, 20),
        main_points="<p>Quotas for women mediators.</p>",
    )
    rec.make_recommendation(published, "Fund shelters in Juba", status="presented")
    rec.make_recommendation(published, "Withdrawn idea about drones", status="withdrawn")
    docs.make_summary(
        unpublished,
        status="issued",
        issue_date=datetime.date(2026, 4, 20),
        main_points="<p>Quotas again, not yet published.</p>",
    )
    draft_only = factories.make_meeting(year, "Haiti", date=datetime.date(2026, 5, 5))
    docs.make_note(draft_only, status="draft", participation="<p>Quotas in a draft note</p>")

    def found(q):
        page = client.get(reverse("public:search"), {"q": q})
        assert page.status_code == 200
        return page.content.decode()

    assert "S/2026/101" in found("quotas MEDIATORS")  # any case, every word
    assert "S/2026/101" in found("shelters juba")
    assert "S/2026/101" in found("south sudan")
    assert "S/2026/101" in found("S/2026/101")
    for q in ("quotas shipyard", "drones", "draft note", "SECRET-ROOM-7", "quotas unknownword"):
        body = found(q)
        assert "S/2026/101" not in body and "S/2026/999" not in body and "Haiti" not in body, q
        assert "Nothing published contains every word you typed." in body
    assert "S/2026/999" not in found("quotas")
    assert found("\x00" * 3 + "x" * 10_000)  # bad input: an ordinary page, no error


def test_public_home_has_the_search_box(client, published):
    page = client.get(reverse("public:home")).content.decode()
    assert 'role="search"' in page and f'action="{reverse("public:search")}"' in page

"""The app in every language of settings.LANGUAGES: complete catalogues, compiled as committed, placeholders kept;
the language switcher and who it remembers; documents that keep their own language whatever the reader's.

The catalogues are made by one command, ``make messages`` (Makefile); the test that checks nothing is missing from
them runs that very makemessages line (read from the Makefile) into a temporary directory.
"""

from __future__ import annotations

import datetime
import os
import re
import shlex
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import formats, translation

from accounts import emails as account_emails
from documents import pdf
from documents.tests import factories as doc_factories
from meetings.tests.factories import make_user

BASE_DIR = Path(settings.BASE_DIR)
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]
# %(name)s / %(n)d, bare %s / %d, and {name} / {0} (str.format).
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def catalogue(code: str) -> Path:
    return BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"


def entries(code: str) -> list[polib.POEntry]:
    path = catalogue(code)
    assert path.exists(), f"No catalogue for {code!r} at {path}: run `make messages` and translate it."
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


def makemessages_arguments() -> list[str]:
    """The makemessages options of `make messages` (one home), without its -l options."""
    makefile = (BASE_DIR / "Makefile").read_text()
    line = next(line for line in makefile.splitlines() if "manage.py makemessages" in line)
    words = shlex.split(line.split("manage.py makemessages", 1)[1])
    options = []
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word == "-l":
            skip = True
        else:
            options.append(word)
    return options


@pytest.fixture(autouse=True)
def _english_after():
    """A request activates its language in this thread and Django leaves it active: back to English after each
    test, so the tests that follow (in this module or another) start from the default."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


# Catalogues.


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(code):
    untranslated = [e.msgid for e in entries(code) if not e.translated() and "fuzzy" not in e.flags]
    fuzzy = [e.msgid for e in entries(code) if "fuzzy" in e.flags]
    assert not untranslated, f"{len(untranslated)} untranslated in {code}, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {code}, e.g. {fuzzy[:5]}"
    assert not polib.pofile(str(catalogue(code))).metadata_is_fuzzy, f"the {code} catalogue's header is fuzzy"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple[str, str, str]]:
    """What `make messages` extracts from the code today. It runs on a copy of the sources without locale/
    (makemessages writes next to the catalogue it finds, and this test must not touch the real one)."""
    if shutil.which("xgettext") is None or shutil.which("msguniq") is None:
        pytest.fail("makemessages needs GNU gettext: apt-get install gettext", pytrace=False)
    sources = tmp_path_factory.mktemp("sources") / "app"
    shutil.copytree(
        BASE_DIR,
        sources,
        ignore=shutil.ignore_patterns(".git", ".venv", "var", "docs", "bench", "e2e", "locale", "staticfiles", "*.pyc"),
    )
    cwd = Path.cwd()
    os.chdir(sources)  # makemessages walks the current directory, as `make messages` does
    try:
        with override_settings(LOCALE_PATHS=[sources / "locale"]):
            call_command("makemessages", *makemessages_arguments(), locale=["xx"], verbosity=0)
    finally:
        os.chdir(cwd)
    fresh = polib.pofile(str(sources / "locale" / "xx" / "LC_MESSAGES" / "django.po"))
    return {(e.msgctxt or "", e.msgid, e.msgid_plural or "") for e in fresh if e.msgid}


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_catalogue_holds_every_message_the_code_has(code, extracted):
    held = {(e.msgctxt or "", e.msgid, e.msgid_plural or "") for e in entries(code)}
    missing = sorted(extracted - held)
    stale = sorted(held - extracted)
    assert not missing, f"{len(missing)} messages not in the {code} catalogue (run `make messages`): {missing[:5]}"
    assert not stale, f"{len(stale)} messages in the {code} catalogue the code no longer has: {stale[:5]}"


def test_makemessages_options_are_the_projects():
    assert makemessages_arguments() == [
        "--no-location",
        "--no-obsolete",
        "--ignore=.venv",
        "--ignore=bench",
        "--ignore=e2e",
        "--ignore=var",
        "--ignore=docs",
        "--ignore=*/tests/*",
    ]


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalogue_matches_its_source(code):
    """The .mo is committed (a machine without gettext still serves the language): it must be the .po compiled."""
    mo_path = catalogue(code).with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages`"

    def table(catalog):
        rows = {}
        for e in catalog:
            value = tuple(e.msgstr_plural[k] for k in sorted(e.msgstr_plural)) if e.msgid_plural else e.msgstr
            if not e.msgid or "fuzzy" in e.flags or e.obsolete or not all(value if e.msgid_plural else [value]):
                continue  # msgfmt leaves out the header, fuzzy and untranslated entries
            rows[(e.msgctxt or "", e.msgid, e.msgid_plural or "")] = value
        return rows

    assert table(polib.mofile(str(mo_path))) == table(polib.pofile(str(catalogue(code)))), (
        f"{mo_path.name} for {code} is not its .po compiled: run `make messages` and commit both"
    )


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_every_placeholder(code):
    problems = []
    for e in entries(code):
        if e.msgid_plural:
            both = set(PLACEHOLDER.findall(e.msgid)) | set(PLACEHOLDER.findall(e.msgid_plural))
            for index, text in e.msgstr_plural.items():
                found = set(PLACEHOLDER.findall(text))
                # A form may leave the count out ("le mois à venir"), never name one the source lacks.
                expected = set(PLACEHOLDER.findall(e.msgid if index == 0 else e.msgid_plural)) - {"%(n)s", "%(n)d"}
                if not found <= both or not expected <= found:
                    problems.append(f"{e.msgid!r} [{index}]: {text!r}")
        elif sorted(PLACEHOLDER.findall(e.msgstr)) != sorted(PLACEHOLDER.findall(e.msgid)):
            problems.append(f"{e.msgid!r}: {e.msgstr!r}")
        if "<" in e.msgid:
            tags = re.compile(r"</?[a-z]+")
            texts = e.msgstr_plural.values() if e.msgid_plural else [e.msgstr]
            problems += [f"HTML {e.msgid!r}: {t!r}" for t in texts if tags.findall(t) != tags.findall(e.msgid)]
    assert not problems, f"{code}: placeholders or HTML changed:\n" + "\n".join(problems)


# The switcher and what it remembers.


def _lang(response) -> str:
    match = re.search(r'<html lang="([^"]+)"', response.content.decode())
    assert match, "no <html lang> on the page"
    return match.group(1)


@pytest.mark.django_db
def test_html_lang_follows_the_active_language(client):
    assert _lang(client.get(reverse("public:home"))) == "en"
    for code in TRANSLATED:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
        response = client.get(reverse("public:home"))
        assert _lang(response) == code
        assert response["Content-Language"] == code


@pytest.mark.django_db
def test_every_page_offers_the_switcher(client, secretariat_client):
    for who in (client, secretariat_client):
        page = who.get(reverse("public:home")).content.decode()
        assert 'action="/accounts/language/"' in page
        assert '<label for="language-select">' in page
        for code, name in settings.LANGUAGES:
            assert f'<option value="{code}" lang="{code}"' in page and name in page
    # Signed in: a POST with the CSRF token; anonymous: a GET, so public pages set no CSRF cookie.
    assert 'method="post"' in secretariat_client.get(reverse("public:home")).content.decode().split("language-form")[1]
    anonymous = client.get(reverse("public:home"))
    assert 'method="get"' in anonymous.content.decode().split("language-form")[1]
    assert settings.CSRF_COOKIE_NAME not in anonymous.cookies


@pytest.mark.django_db
def test_a_signed_in_choice_is_kept_on_the_account_for_every_session(secretariat_user):
    browser = Client()
    browser.force_login(secretariat_user)
    response = browser.post(reverse("set_language"), {"language": "fr", "next": reverse("meetings:dashboard")})
    assert response.status_code == 302 and response["Location"] == reverse("meetings:dashboard")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    secretariat_user.refresh_from_db()
    assert secretariat_user.language == "fr"

    page = browser.get(reverse("meetings:dashboard"))
    assert _lang(page) == "fr"
    assert "Se déconnecter" in page.content.decode() and "Sign out" not in page.content.decode()

    # Another browser, no cookie, an English Accept-Language: the account's language wins.
    other = Client(HTTP_ACCEPT_LANGUAGE="en")
    other.force_login(secretariat_user)
    assert _lang(other.get(reverse("meetings:dashboard"))) == "fr"


@pytest.mark.django_db
def test_a_visitor_switches_by_cookie_and_no_account_changes(client, secretariat_user):
    response = client.get(reverse("set_language"), {"language": "fr", "next": reverse("public:home")})
    assert response.status_code == 302 and response["Location"] == reverse("public:home")
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "fr" and cookie["httponly"] and cookie["samesite"] == "Lax"
    page = client.get(reverse("public:home"))
    assert _lang(page) == "fr" and "Résumés publiés" in page.content.decode()

    # A GET never writes to an account, even a signed-in one's (only the switcher's POST does).
    signed_in = Client()
    signed_in.force_login(secretariat_user)
    signed_in.get(reverse("set_language"), {"language": "es"})
    secretariat_user.refresh_from_db()
    assert secretariat_user.language == ""


@pytest.mark.django_db
def test_the_switcher_refuses_a_language_not_offered_and_a_foreign_next(client):
    response = client.get(reverse("set_language"), {"language": "xx", "next": "/"})
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    response = client.get(reverse("set_language"), {"language": "fr", "next": "https://evil.example/"})
    assert response["Location"] == reverse("public:home")


@pytest.mark.django_db
def test_a_post_without_the_csrf_token_changes_nothing(secretariat_user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(secretariat_user)
    assert browser.post(reverse("set_language"), {"language": "fr"}).status_code == 403
    secretariat_user.refresh_from_db()
    assert secretariat_user.language == ""


# Documents keep their language; emails follow the recipient's.


@pytest.mark.django_db
def test_documents_render_in_english_while_the_reader_reads_french(meeting):
    summary = doc_factories.make_summary(meeting)
    note = doc_factories.make_note(meeting)
    with translation.override("fr"):
        summary_html = pdf.summary_html(summary, today=meeting.date)
        note_html = pdf.note_html(note)
        assert translation.get_language() == "fr"
    for html in (summary_html, note_html):
        assert "United Nations" in html and "Original: English" in html
        assert "Nations Unies" not in html and "Original : anglais" not in html
    assert "Security Council" in summary_html and "(Signed)" in summary_html
    assert '<html lang="en">' in summary_html
    assert "Background note" in note_html


@pytest.mark.django_db
def test_a_french_page_shows_the_summary_text_in_english(secretariat_client, meeting):
    doc_factories.make_summary(meeting)
    secretariat_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = secretariat_client.get(reverse("documents:summary", kwargs={"meeting_pk": meeting.pk})).content.decode()
    assert '<html lang="fr">' in page
    text = page.split('class="card doc-text document-text"', 1)[1].split("</article>", 1)[0]
    assert 'lang="en"' in text.split(">", 1)[0]
    assert "(Signed)" in text and "(Signé)" not in text


@pytest.mark.django_db
def test_account_emails_follow_the_persons_language(db):
    french = make_user("amelie", email="amelie@example.org", language="fr")
    english = make_user("ann", email="ann@example.org")
    with translation.override("es"):  # whoever sends it, in whatever language
        to_french = account_emails.set_password_link(french)
        to_english = account_emails.set_password_link(english)
    assert "mot de passe" in to_french.subject and "Bonjour" in to_french.body
    assert "choose your password" in to_english.subject and "Hello" in to_english.body
    assert not mail.outbox


@pytest.mark.django_db
def test_numbers_print_in_the_readers_language_but_chart_coordinates_stay_numbers(client):
    from network.models import ActionPlan
    from network.tests import factories as network_factories

    for i in range(3):
        member = network_factories.make_member(f"Member {i}", regional=True)
        ActionPlan.objects.create(member=member, generation=1, adopted_year=2017 + i)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get(reverse("network:action_plans")).content.decode()
    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    coordinates = re.findall(r'\s(?:x|y|width|height)="([^"]*)"', svg)
    assert coordinates and all(re.fullmatch(r"[\d.%]+", value) for value in coordinates), coordinates
    with translation.override("fr"):
        assert formats.number_format(1234.5, decimal_pos=1, use_l10n=True) == "1234,5"
        assert formats.date_format(datetime.date(2026, 12, 4)) == "4 déc. 2026"
    with translation.override("es"):
        assert formats.date_format(datetime.date(2026, 12, 4)) == "4 dic. 2026"

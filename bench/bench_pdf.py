"""Bench: a 6-page summary PDF through the app's PDF view, against WeasyPrint rendering the same HTML alone.

Both in one run, on a throwaway SQLite database and media directory (nothing of var/ is touched). The view
is measured with an empty PDF cache (a real rendering, plus permission checks, queries, template and the
download log) and once cached. Target: the cold view within 1.3x of WeasyPrint alone with the same options
(a draft is tagged: ``pdf_tags=True``).

Tagging (issue 19): the app's renderer (documents.pdf.html_to_pdf) on the same HTML untagged, tagged (what a draft
gets) and as PDF/A-2a (what an issued document gets, XMP included), each against WeasyPrint alone with the same
options; and tagged against untagged, the cost that decides whether drafts are tagged (they are unless it exceeds
1.3x). Figures are printed, never asserted.

    DEBUG=0 .venv/bin/python bench/bench_pdf.py [--runs 7] [--save summary.pdf]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.3
TARGET_PAGES = 6


def setup_django(workdir: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ["VAR_DIR"] = str(workdir / "var")
    os.environ.pop("REDIS_URL", None)  # the default local-memory cache: the bench measures rendering
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("DEBUG", "0")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["STATIC_ROOT"] = str(BASE_DIR / "static")  # whitenoise wants a directory; nothing is collected
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iegwps.settings")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


PARAGRAPH = (
    "Briefers described the situation of women and girls since the last meeting of the Group. Women's "
    "participation in the ceasefire monitoring mechanism remains below the thirty per cent commitment of the "
    "peace agreement; women human rights defenders reported threats and arbitrary detention ahead of the "
    "elections; and the mission's women protection advisers documented new cases of conflict-related sexual "
    "violence in the east of the country, where humanitarian access is restricted and health services for "
    "survivors are scarce."
)


def build_summary(paragraphs: int):
    """A held meeting of 2026 with its co-chairs' representatives, 12 recommendations and a long summary."""
    import datetime

    from documents.models import Summary
    from documents.tests import factories as f
    from meetings.tests.factories import make_meeting, make_user, make_year

    year = make_year(2026, co_chairs=["Denmark", "Greece"], council=["Denmark", "Greece", "France"])
    meeting = make_meeting(year, "South Sudan", date=datetime.date(2026, 12, 10))
    meeting.source_note = "Suggestions from United Nations participants, not of the Group as a whole."
    meeting.save()
    f.make_representative("Denmark", "Martin Bille Hermann", start=datetime.date(2020, 1, 1))
    f.make_representative("Greece", "Aglaia Balta", start=datetime.date(2024, 1, 1))
    f.make_recommendations(meeting, [f"Recommendation {i + 1}: {PARAGRAPH[:260]}" for i in range(12)])
    f.hold(meeting)
    summary = f.make_summary(meeting, letter_date=datetime.date(2026, 12, 18))
    resize(summary, paragraphs)
    user = make_user("bench-secretariat", is_superuser=True)
    return Summary.objects.get(pk=summary.pk), user


def resize(summary, paragraphs: int) -> None:
    half = max(paragraphs // 2, 1)
    texts = {
        "": "\n\n".join([PARAGRAPH] * 2),
        "Main points raised": "\n\n".join([PARAGRAPH] * half),
        "Questions from Council members": "\n\n".join([PARAGRAPH] * (paragraphs - half)),
    }
    summary.sections.all().delete()
    for order, (heading, body) in enumerate(texts.items(), start=1):
        summary.sections.create(order=order, heading=heading, body=body)
    summary.sections.create(order=4, heading="Recommendations", kind="recommendations")
    summary.sections.create(order=5, body="The Co-Chairs thanked the briefers and the participants.")
    summary.version += 1  # the rendering cache reads the version
    summary.save()


def page_count(body: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(body)).pages)


def fit_to_pages(summary, today) -> tuple[str, int]:
    """Adjust the summary's length until the document has exactly TARGET_PAGES pages (fonts vary by machine)."""
    from documents import pdf

    paragraphs = 24
    for _attempt in range(12):
        resize(summary, paragraphs)
        html = pdf.summary_html(summary, today=today)
        pages = page_count(pdf.html_to_pdf(html))
        if pages == TARGET_PAGES:
            return html, paragraphs
        paragraphs += 3 if pages < TARGET_PAGES else -2
    raise SystemExit(f"could not make a {TARGET_PAGES}-page summary (last: {pages} pages)")


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="measured runs per figure (default 7)")
    parser.add_argument("--save", metavar="PATH", help="also write the rendered PDF there, to look at it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="ieg-bench-pdf-") as tmp:
        setup_django(Path(tmp))
        from django.core.cache import cache
        from django.test import Client
        from django.urls import reverse
        from django.utils import timezone
        from weasyprint import HTML

        from documents import pdf
        from documents.models import DownloadLog

        summary, user = build_summary(24)
        today = timezone.localdate()
        html, paragraphs = fit_to_pages(summary, today)
        client = Client()
        client.force_login(user)
        url = reverse("documents:summary_pdf", args=[summary.meeting_id])

        def view_cold():
            cache.clear()
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return response.content

        def view_warm():
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        def weasyprint_alone():
            return HTML(string=html).write_pdf(pdf_tags=True)  # the options a draft is rendered with

        # The view renders exactly this HTML (read back from the database), with the same number of pages.
        summary.refresh_from_db()
        assert pdf.summary_html(summary, today=today) == html
        body = view_cold()
        assert page_count(body) == page_count(weasyprint_alone()) == TARGET_PAGES
        if args.save:
            Path(args.save).write_bytes(body)

        # Interleave the two cold measurements so that machine load affects both alike.
        alone, cold = [], []
        for _ in range(args.runs):
            alone += timed(weasyprint_alone, 1)
            cold += timed(view_cold, 1)
        view_cold()  # fill the cache
        warm = timed(view_warm, args.runs)
        downloads = DownloadLog.objects.count()

        # The renderer alone, by variant, against WeasyPrint alone with the same options (interleaved too).
        variants = {
            "untagged": ({}, {"tagged": False}),
            "tagged (drafts)": ({"pdf_tags": True}, {}),
            f"{pdf.ISSUED_VARIANT} (issued)": (
                {"pdf_variant": pdf.ISSUED_VARIANT},
                {"variant": pdf.ISSUED_VARIANT, "metadata": pdf.PdfMetadata(identifier="S/2026/1", subjects=("x",))},
            ),
        }
        by_variant = {name: ([], []) for name in variants}
        for _ in range(args.runs):
            for name, (weasy_options, app_options) in variants.items():
                by_variant[name][0].extend(timed(lambda o=weasy_options: HTML(string=html).write_pdf(**o), 1))
                by_variant[name][1].extend(timed(lambda o=app_options: pdf.html_to_pdf(html, **o), 1))

    alone_median, cold_median = statistics.median(alone), statistics.median(cold)
    ratio = cold_median / alone_median
    print(f"document: summary PDF, {TARGET_PAGES} pages, 12 recommendations, {len(html) // 1024} kB of HTML")
    print(
        f"weasyprint alone (same HTML, tagged as a draft): median {alone_median:.3f} s, "
        f"min {min(alone):.3f} s, {args.runs} runs"
    )
    print(f"app PDF view, empty cache: median {cold_median:.3f} s, min {min(cold):.3f} s, {args.runs} runs")
    print(f"app PDF view, cached: median {statistics.median(warm) * 1000:.1f} ms, {args.runs} runs")
    print(
        f"ratio view (empty cache) / weasyprint alone: {ratio:.2f}x (target <= {TARGET_RATIO}x: "
        f"{'met' if ratio <= TARGET_RATIO else 'NOT met'})"
    )
    print(f"downloads logged during the bench: {downloads}")
    medians = {name: (statistics.median(w), statistics.median(a)) for name, (w, a) in by_variant.items()}
    for name, (weasy, app) in medians.items():
        print(
            f"renderer {name}: median {app:.3f} s; weasyprint alone, same options: {weasy:.3f} s; "
            f"ratio {app / weasy:.2f}x (target <= {TARGET_RATIO}x)"
        )
    untagged = medians["untagged"][1]
    for name, (_weasy, app) in medians.items():
        if name != "untagged":
            print(f"tagging cost, renderer {name} / untagged: {app / untagged:.2f}x (drafts stay tagged while <= 1.3x)")
    print(f"reproduce: DEBUG=0 .venv/bin/python bench/bench_pdf.py --runs {args.runs}")


if __name__ == "__main__":
    main()

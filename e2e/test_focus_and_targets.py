"""WCAG 2.2 AA beyond axe: the focus indicator's contrast (1.4.11) on every focusable element type, and the
tracker's footnote links (2.5.8 target size, 1.4.1 not by colour alone).

The focus check walks each page with the Tab key, as a keyboard user does, and measures at every stop what
the browser draws: the outline and any box-shadow ring (at least 2 px each), against the colour behind
the element (its ancestors' backgrounds, blended where translucent). One ring must contrast 3:1 with it.
"""

from __future__ import annotations

from e2e.conftest import axe_violations, format_violations
from e2e.site_pages import sign_in
from meetings.models import Meeting

# Pages with every kind of focusable element: links in the header, on the canvas, in cards, tables, table
# headers (sort links), alerts and the error summary; buttons of every style; text, date, number and file
# fields, selects, textareas, checkboxes and radios.
FOCUS_PAGES = {
    "anonymous": ["/", "/work/planner/?meeting_date=2026-12-10", "/work/planner/?meeting_date=bad", "/accounts/login/"],
    "secretariat": [
        "/work/",
        "/work/year/2026/",
        "{meeting}",
        "/work/meetings/",
        "/work/meetings/new/",
        "/recommendations/?year=1800",
        "/notifications/preferences/",
        "{summary}",
        "{attachment}",
    ],
}
MAX_STOPS = 160

FOCUS_STOP = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const parse = c => {
        const m = c.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return null;
        const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, bottom) => top.slice(0, 3).map((v, i) => v * top[3] + bottom[i] * (1 - top[3])).concat(1);
    // The colour behind the element: the ring is drawn outside it, on its ancestors' backgrounds.
    const layers = [];
    for (let node = el.parentElement; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg && bg[3] > 0) { layers.push(bg); if (bg[3] === 1) break; }
    }
    let behind = [255, 255, 255, 1];
    for (const layer of layers.reverse()) behind = over(layer, behind);
    const cs = getComputedStyle(el);
    const rings = [];
    if (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2) {
        rings.push({kind: "outline", color: parse(cs.outlineColor), width: parseFloat(cs.outlineWidth)});
    }
    for (const shadow of cs.boxShadow === "none" ? [] : cs.boxShadow.split(/,(?![^(]*\\))/)) {
        if (shadow.includes("inset")) continue;
        const lengths = shadow.replace(/rgba?\\([^)]*\\)/, "").trim().split(/\\s+/).map(parseFloat);
        if ((lengths[3] || 0) >= 2) rings.push({kind: "shadow", color: parse(shadow), width: lengths[3]});
    }
    const lum = c => {
        const [r, g, b] = c.slice(0, 3).map(v => {
            v /= 255;
            return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const best = Math.max(0, ...rings.filter(r => r.color).map(r => ratio(over(r.color, behind), behind)));
    const type = el.tagName.toLowerCase() + (el.tagName === "INPUT" ? `[type=${el.type}]` : "")
        + (el.classList.length ? "." + [...el.classList].join(".") : "");
    const where = el.closest("header, thead, .alert, .card, .table-wrap, .filters, form, footer, main");
    return {
        type,
        where: where ? where.tagName.toLowerCase() + (where.className ? "." + where.className.split(" ")[0] : "") : "",
        behind: behind.slice(0, 3).map(Math.round), best: Math.round(best * 100) / 100,
        rings: rings.map(r => `${r.kind} ${r.width}px ${cs.outlineStyle} ${r.color}`),
        text: (el.innerText || el.value || el.name || "").slice(0, 40), path: location.pathname + location.search,
        id: el.id || null, key: el.outerHTML.slice(0, 200),
    };
}"""


def _paths(site, role):
    meeting = site.world.meeting
    values = {
        "meeting": meeting.get_absolute_url(),
        "summary": f"/documents/meetings/{meeting.pk}/summary/",
        "attachment": f"/documents/meetings/{meeting.pk}/attachments/new/",
    }
    return [path.format(**values) for path in FOCUS_PAGES[role]]


def test_focus_indicator_contrasts_3_to_1_with_its_background(site, new_page, live_server):
    failures, types = {}, set()
    for role in FOCUS_PAGES:
        page = new_page()
        sign_in(page, live_server, site, role)
        for path in _paths(site, role):
            page.goto(live_server.url + path)
            page.evaluate("document.activeElement && document.activeElement.blur()")
            page.keyboard.press("Tab")  # from the top of the document, as after a page load
            previous = None
            for _stop in range(MAX_STOPS):
                stop = page.evaluate(FOCUS_STOP)
                if stop is None or (previous and stop["key"] == previous["key"] and stop["id"] == previous["id"]):
                    page.keyboard.press("Tab")  # a date field's day, month and year stops: the same element
                    stop = stop and page.evaluate(FOCUS_STOP)
                    if stop is None:
                        break
                types.add((stop["type"].split(".")[0], stop["where"]))
                if stop["best"] < 3:
                    failures.setdefault((stop["type"], stop["where"], tuple(stop["behind"])), stop)
                previous = stop
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement === document.body"):
                    break
    kinds = {kind for kind, _where in types}
    for expected in (
        "a",
        "button",
        "input[type=text]",
        "input[type=date]",
        "select",
        "textarea",
        "input[type=checkbox]",
    ):
        assert expected in kinds, f"no {expected} reached with the Tab key (reached: {sorted(kinds)})"
    assert not failures, "Focus indicator below 3:1 against its background (WCAG 1.4.11):\n" + "\n".join(
        f"  {s['type']} in {s['where']} on rgb{tuple(s['behind'])}: {s['best']}:1"
        f" ({'; '.join(s['rings']) or 'no ring'}) e.g. {s['text']!r} at {s['path']}"
        for s in failures.values()
    )


def test_tracker_footnote_links_are_24px_targets_underlined(site, new_page, live_server):
    Meeting.objects.filter(pk=site.world.meeting.pk).update(source_note="As summarised by the secretariat.")
    page = new_page()
    sign_in(page, live_server, site, "secretariat")
    page.goto(f"{live_server.url}/recommendations/")
    refs = page.locator("a.footnote-ref")
    assert refs.count() >= 1
    problems = []
    for ref in refs.all():
        box = ref.bounding_box()
        style = ref.evaluate(
            "el => ({line: getComputedStyle(el).textDecorationLine, color: getComputedStyle(el).color})"
        )
        if box["width"] < 24 or box["height"] < 24:
            problems.append(
                f"{ref.get_attribute('aria-label')}: {box['width']:.0f} x {box['height']:.0f} px (2.5.8: 24 x 24)"
            )
        if "underline" not in style["line"]:
            problems.append(f"{ref.get_attribute('aria-label')}: not underlined, told apart by colour only (1.4.1)")
    # Told apart from the text around them (axe's link-in-text-block), like every link.
    violations = axe_violations(page, impacts=("minor", "moderate", "serious", "critical"))
    problems += [format_violations(page.url, [v]) for v in violations]
    assert not problems, "\n".join(problems)

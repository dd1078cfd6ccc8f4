"""``report.html``: one self-contained page for a run: map, timeline, highlighted texts.

* **Map** (Leaflet 1.9.4, inlined from the ``django-js-lib-leaflet`` package, BSD-2): one circle
  marker per event with coordinates; colour and size by ``place_precision`` (county small and
  dark … region large and dashed); the popup shows type, date, actors, place and the sentence.
  Only the background tiles (OpenStreetMap) need a network; markers and popups work offline.
* **Timeline**: an inline SVG (no script): one row per event type, an event as a dot (day
  precision) or a bar over the days its date covers (month, season, year, range).
* **Texts**: each original text with entities (by label) and dates highlighted; hovering shows
  the canonical name or the CE dates and how they were obtained.
No timestamp is written: the same rows give the same bytes.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING

from ..records import DateRow, EntityRow, EventRow
from .common import ExportInput, Provenance, documents_with_text, nested_marks

if TYPE_CHECKING:
    from ..document import DocumentResult

LEAFLET_PACKAGE = "js_lib_leaflet"
TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
# place_precision -> (colour, radius px, dash pattern); unknown values use "other"
PRECISION_STYLE = {
    "county": ("#08306b", 6, ""), "prefecture": ("#2171b5", 7, ""),
    "province": ("#6baed6", 10, ""), "near": ("#d94801", 8, "4 3"),
    "river": ("#238b45", 8, "4 3"), "region": ("#9e9ac8", 12, "4 3"),
    "other": ("#636363", 8, "2 2"),
}
DATE_COLOURS = {"day": "#b2182b", "month": "#ef8a62", "season": "#fddbc7", "year": "#67a9cf",
                "range": "#2166ac"}
REPORT_TEXT_LIMIT = 2_000_000  # characters of one text shown on the page (the TEI has all)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def leaflet_assets() -> tuple[str, str]:
    """``(leaflet.css, leaflet.js)`` text from the installed ``django-js-lib-leaflet`` package."""
    base = resources.files(LEAFLET_PACKAGE).joinpath("static", LEAFLET_PACKAGE)
    return (base.joinpath("leaflet.css").read_text("utf-8"),
            base.joinpath("leaflet.js").read_text("utf-8"))


def _year_fraction(iso: str) -> float:
    sign = -1 if iso.startswith("-") else 1
    year, month, day = iso.lstrip("-").split("-")
    return sign * int(year) + (int(month) - 1) / 12 + (int(day) - 1) / 365.25


def _nice_step(span: float) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if span / step <= 12:
            return step
    return 2000


def timeline_svg(events: Sequence[EventRow]) -> str:
    """The timeline as an SVG element (empty-state text when no event has days)."""
    dated = [e for e in events if e.date_start and e.date_end]
    if not dated:
        return '<p class="note">No dated events.</p>'
    counts = Counter(e.event_type for e in dated)
    types = sorted(counts, key=lambda t: (-counts[t], t))
    low = min(_year_fraction(e.date_start) for e in dated)  # type: ignore[arg-type]
    high = max(_year_fraction(e.date_end) + 1 / 365.25 for e in dated)  # type: ignore[arg-type]
    step = _nice_step(max(high - low, 1))
    first = int(low // step * step)
    last = int(-(-high // step) * step)
    left, width, row_h, top = 170, 800, 18, 20
    height = top + row_h * len(types) + 30

    def x(value: float) -> float:
        return left + (value - first) / max(last - first, 1) * width

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
             f'width="{left + width + 20}" height="{height}" '
             f'aria-label="{len(dated)} dated events by year and type">']
    for i, kind in enumerate(types):
        y = top + i * row_h
        parts.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">'
                     f'{html.escape(kind)} ({counts[kind]})</text>'
                     f'<line x1="{left}" x2="{left + width}" y1="{y + 9}" y2="{y + 9}" '
                     f'class="row"/>')
    for tick in range(first, last + 1, step):
        parts.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{top - 4}" '
                     f'y2="{height - 26}" class="tick"/><text x="{x(tick):.1f}" '
                     f'y="{height - 12}" text-anchor="middle">{tick}</text>')
    rows = {t: i for i, t in enumerate(types)}
    for e in dated:
        y = top + rows[e.event_type] * row_h
        colour = DATE_COLOURS.get(e.date_precision, "#777")
        label = html.escape(f"{e.event_type}: {e.date_text or e.year} "
                            f"({e.date_start} to {e.date_end}, {e.date_precision}) "
                            f"[{e.doc_id} #{e.event_id}] {e.text[:160]}")
        x0, x1 = x(_year_fraction(e.date_start)), x(_year_fraction(e.date_end) + 1 / 365.25)  # type: ignore[arg-type]
        if e.date_start == e.date_end:
            shape = f'<circle cx="{x0:.1f}" cy="{y + 9}" r="4" fill="{colour}"/>'
        else:
            shape = (f'<rect x="{x0:.1f}" y="{y + 4}" width="{max(x1 - x0, 2):.1f}" '
                     f'height="10" fill="{colour}" fill-opacity="0.6"/>')
        parts.append(f'<g class="event">{shape[:-2]}><title>{label}</title>'
                     f'</{shape[1:shape.index(" ")]}></g>')
    parts.append("</svg>")
    return "".join(parts)


def _mark_title(row: EntityRow | DateRow) -> str:
    if isinstance(row, DateRow):
        when = (f"{row.date_start} to {row.date_end}" if row.date_start != row.date_end
                else row.date_start) if row.date_start else "not resolved"
        extra = "; printed year disagrees" if row.conflict else ""
        return f"{when} (Gregorian; {row.kind}; {row.basis}{extra})"
    return f"{row.label}: {row.canonical} ({row.source})"


def marked_text(text: str, entities: Sequence[EntityRow], dates: Sequence[DateRow]) -> str:
    """The text as escaped HTML with ``<mark>`` elements for entities and dates."""
    clean = _CONTROL.sub(" ", text)
    out: list[str] = []
    position = 0
    closing: list[int] = []  # end offsets of open marks
    for mark in nested_marks(entities, dates, clean):
        while closing and closing[-1] <= mark.start:
            out.append(html.escape(clean[position:closing[-1]]) + "</mark>")
            position = closing.pop()
        out.append(html.escape(clean[position:mark.start]))
        cls = "date" + (" doubt" if getattr(mark.row, "conflict", False) else "") \
            if mark.kind == "date" else f"ent {mark.kind.lower()}"
        out.append(f'<mark class="{cls}" title="{html.escape(_mark_title(mark.row))}">')
        position = mark.start
        closing.append(mark.end)
    while closing:
        out.append(html.escape(clean[position:closing[-1]]) + "</mark>")
        position = closing.pop()
    out.append(html.escape(clean[position:]))
    return "".join(out)


def _event_json(events: Sequence[EventRow]) -> str:
    keys = ("doc_id", "event_id", "event_type", "actor1", "actor2", "place", "place_modern",
            "latitude", "longitude", "place_precision", "year", "date_start", "date_end",
            "date_precision", "date_text", "text")
    rows = [{k: getattr(e, k) for k in keys} for e in events
            if e.latitude is not None and e.longitude is not None]
    return json.dumps(rows, ensure_ascii=False).replace("</", "<\\/")


SCRIPT = """
(function () {
  var events = JSON.parse(document.getElementById("events-data").textContent);
  var styles = %(styles)s;
  var map = L.map("map");
  L.tileLayer("%(tiles)s", {maxZoom: 18,
    attribution: "&copy; OpenStreetMap contributors (tiles need a network)"}).addTo(map);
  function line(box, label, value) {
    if (value === null || value === undefined || value === "") { return; }
    var p = document.createElement("div");
    var b = document.createElement("b"); b.textContent = label + ": ";
    p.appendChild(b); p.appendChild(document.createTextNode(String(value)));
    box.appendChild(p);
  }
  var points = [];
  events.forEach(function (e) {
    var s = styles[e.place_precision] || styles.other;
    var marker = L.circleMarker([e.latitude, e.longitude], {radius: s[1], color: s[0],
      fillColor: s[0], fillOpacity: 0.55, weight: 2, dashArray: s[2] || null});
    marker.options.className = "event-marker";
    var box = document.createElement("div");
    var h = document.createElement("b"); h.textContent = e.event_type; box.appendChild(h);
    line(box, "date", e.date_text ? e.date_text + " (" + e.date_start + " to " + e.date_end +
         ", " + e.date_precision + ")" : "");
    line(box, "who", [e.actor1, e.actor2].filter(Boolean).join(" / "));
    line(box, "place", e.place + (e.place_modern ? " (now " + e.place_modern + ")" : "") +
         " [" + (e.place_precision || "?") + "]");
    var q = document.createElement("p"); q.className = "quote"; q.textContent = e.text;
    box.appendChild(q);
    line(box, "source", e.doc_id + ", event " + e.event_id);
    marker.bindPopup(box, {maxWidth: 360}).addTo(map);
    points.push([e.latitude, e.longitude]);
  });
  if (points.length) { map.fitBounds(points, {padding: [24, 24], maxZoom: 8}); }
  else { map.setView([34.5, 110], 4); }
  document.getElementById("map").setAttribute("data-markers", String(points.length));
})();
"""

CSS = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1040px; padding: 0 12px; }
h1 { margin-bottom: 0; } .note { color: #555; font-size: 13px; }
#map { height: 520px; border: 1px solid #bbb; }
.legend span { display: inline-block; margin-right: 12px; font-size: 13px; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 6px;
            margin-right: 4px; vertical-align: middle; }
svg.timeline text { font-size: 11px; fill: #333; } svg.timeline .row { stroke: #eee; }
svg.timeline .tick { stroke: #ddd; } .timeline-wrap { overflow-x: auto; }
.text { white-space: pre-wrap; border-left: 3px solid #ddd; padding-left: 10px; }
mark { background: none; border-bottom: 2px solid; padding: 0 1px; }
mark.person { background: #fde0dd; border-color: #c51b8a; }
mark.place { background: #e5f5e0; border-color: #31a354; }
mark.polity { background: #deebf7; border-color: #3182bd; }
mark.army { background: #efedf5; border-color: #756bb1; }
mark.date { background: #fff7bc; border-color: #d95f0e; }
mark.date.doubt { border-bottom-style: dashed; background: #fee391; }
.quote { font-style: italic; margin: 4px 0; }
"""


def article(doc: DocumentResult, text: str) -> str:
    """One document's ``<article>``: its text (up to ``REPORT_TEXT_LIMIT`` characters) with
    entities and dates marked."""
    anchor = html.escape("doc-" + doc.document.doc_id)
    cut = (f" Only the first {REPORT_TEXT_LIMIT:,} of {len(text):,} characters are shown."
           if len(text) > REPORT_TEXT_LIMIT else "")
    shown = marked_text(text[:REPORT_TEXT_LIMIT], doc.entities, doc.dates)
    return (f'<article id="{anchor}"><h3>{html.escape(doc.document.doc_id)}</h3>'
            f'<p class="note">{html.escape(doc.document.path)}: '
            f'{len(doc.entities)} entities, {len(doc.dates)} dates, '
            f'{len(doc.events)} events.{cut}</p>'
            f'<div class="text">{shown}</div></article>')


def page_parts(documents: int, events: Sequence[EventRow],
               provenance: Provenance) -> tuple[str, str]:
    """The page before and after the articles (:func:`article`, in input order) of a run of
    ``documents`` documents with these ``events``."""
    css, js = leaflet_assets()
    located = sum(1 for e in events if e.latitude is not None and e.longitude is not None)
    prov = provenance
    legend = "".join(f'<span><i style="background:{c}"></i>{html.escape(k)}</span>'
                     for k, (c, _, _) in PRECISION_STYLE.items())
    date_legend = "".join(f'<span><i style="background:{c}"></i>{html.escape(k)}</span>'
                          for k, c in DATE_COLOURS.items())
    styles = json.dumps({k: list(v) for k, v in PRECISION_STYLE.items()})
    head = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>chronicle report</title>
<style>{css}</style>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>chronicle report</h1>
<p class="note">{documents} document(s), {len(events)} events ({located} on the map,
{sum(1 for e in events if e.year is not None)} dated). chronicle {html.escape(prov.tool_version)},
model {html.escape(prov.model)} {html.escape(prov.model_version)}, gazetteer
sha256 {prov.gazetteer_sha256[:12]}. Automatic reading: check every row against the text.</p>
<nav><a href="#map-section">Map</a> · <a href="#timeline">Timeline</a> ·
<a href="#texts">Texts</a></nav>
</header>
<section id="map-section">
<h2>Map of events</h2>
<div id="map"></div>
<p class="legend">place precision: {legend}</p>
<p class="note">One marker per event with coordinates (the modern place's). Background tiles
come from OpenStreetMap and need a network; the markers and popups work offline.</p>
</section>
<section id="timeline">
<h2>Timeline</h2>
<p class="legend">date precision: {date_legend}</p>
<div class="timeline-wrap">{timeline_svg(events)}</div>
<p class="note">A dot is a day; a bar spans the days a month, season, year or range covers
(proleptic Gregorian). Hover for the event.</p>
</section>
<section id="texts">
<h2>Texts</h2>
<p class="legend"><mark class="ent person">person</mark> <mark class="ent place">place</mark>
<mark class="ent polity">polity</mark> <mark class="ent army">army</mark>
<mark class="date">date</mark> <mark class="date doubt">doubtful date</mark></p>
"""
    tail = f"""
</section>
<script type="application/json" id="events-data">{_event_json(events)}</script>
<script>{js}</script>
<script>{SCRIPT % {"styles": styles, "tiles": TILE_URL}}</script>
</body>
</html>
"""
    return head, tail


def render(data: ExportInput) -> dict[str, bytes]:
    """``report.html``: about 170 kB of Leaflet plus the run's own content."""
    events = [e for d in data.documents for e in d.events]
    head, tail = page_parts(len(data.documents), events, data.provenance)
    texts = "".join(article(doc, text) for doc, text in documents_with_text(data))
    return {"report.html": (head + texts + tail).encode("utf-8")}

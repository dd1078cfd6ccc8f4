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
from dataclasses import dataclass
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


@dataclass(frozen=True)
class TimelineMark:
    """One dated event on the report's timeline, independent of the scale: its row
    (``event_type``), first and last instant (fractional years; ``high`` is the end of its last
    day), whether it is one day (a dot), its colour and its (escaped) hover label."""

    event_type: str
    low: float
    high: float
    point: bool
    colour: str
    label: str


def timeline_mark(e: EventRow) -> TimelineMark | None:
    """The timeline mark of an event, or None for an event without days."""
    if not (e.date_start and e.date_end):
        return None
    label = html.escape(f"{e.event_type}: {e.date_text or e.year} "
                        f"({e.date_start} to {e.date_end}, {e.date_precision}) "
                        f"[{e.doc_id} #{e.event_id}] {e.text[:160]}")
    return TimelineMark(e.event_type, _year_fraction(e.date_start),
                        _year_fraction(e.date_end) + 1 / 365.25, e.date_start == e.date_end,
                        DATE_COLOURS.get(e.date_precision, "#777"), label)


class TimelineScale:
    """The timeline SVG of a run taken mark by mark: :meth:`add` every mark first (counts per
    row, first and last instant), then :meth:`head`, :meth:`mark` for each mark in the same
    order, and ``"</svg>"``."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.low = self.high = 0.0

    def add(self, mark: TimelineMark) -> None:
        """Count one mark (before any :meth:`head`)."""
        if not self.counts:
            self.low, self.high = mark.low, mark.high
        self.counts[mark.event_type] += 1
        self.low, self.high = min(self.low, mark.low), max(self.high, mark.high)

    def _layout(self) -> None:
        self.types = sorted(self.counts, key=lambda t: (-self.counts[t], t))
        self.rows = {t: i for i, t in enumerate(self.types)}
        self.step = _nice_step(max(self.high - self.low, 1))
        self.first = int(self.low // self.step * self.step)
        self.last = int(-(-self.high // self.step) * self.step)
        self.height = _TOP + _ROW_H * len(self.types) + 30

    def x(self, value: float) -> float:
        """The x pixel of a fractional year."""
        return _LEFT + (value - self.first) / max(self.last - self.first, 1) * _WIDTH

    def head(self) -> str:
        """The ``<svg>`` element's start, its rows and its year ticks."""
        self._layout()
        height, x = self.height, self.x
        parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
                 f'width="{_LEFT + _WIDTH + 20}" height="{height}" '
                 f'aria-label="{sum(self.counts.values())} dated events by year and type">']
        for i, kind in enumerate(self.types):
            y = _TOP + i * _ROW_H
            parts.append(f'<text x="{_LEFT - 6}" y="{y + 13}" text-anchor="end">'
                         f'{html.escape(kind)} ({self.counts[kind]})</text>'
                         f'<line x1="{_LEFT}" x2="{_LEFT + _WIDTH}" y1="{y + 9}" y2="{y + 9}" '
                         f'class="row"/>')
        for tick in range(self.first, self.last + 1, self.step):
            parts.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{_TOP - 4}" '
                         f'y2="{height - 26}" class="tick"/><text x="{x(tick):.1f}" '
                         f'y="{height - 12}" text-anchor="middle">{tick}</text>')
        return "".join(parts)

    def mark(self, mark: TimelineMark) -> str:
        """One mark's ``<g>`` element (after :meth:`head`)."""
        y = _TOP + self.rows[mark.event_type] * _ROW_H
        x0, x1 = self.x(mark.low), self.x(mark.high)
        if mark.point:
            shape = f'<circle cx="{x0:.1f}" cy="{y + 9}" r="4" fill="{mark.colour}"/>'
        else:
            shape = (f'<rect x="{x0:.1f}" y="{y + 4}" width="{max(x1 - x0, 2):.1f}" '
                     f'height="10" fill="{mark.colour}" fill-opacity="0.6"/>')
        return (f'<g class="event">{shape[:-2]}><title>{mark.label}</title>'
                f'</{shape[1:shape.index(" ")]}></g>')


NO_TIMELINE = '<p class="note">No dated events.</p>'
_LEFT, _WIDTH, _ROW_H, _TOP = 170, 800, 18, 20


def timeline_svg(events: Sequence[EventRow]) -> str:
    """The timeline as an SVG element (empty-state text when no event has days)."""
    marks = [m for m in map(timeline_mark, events) if m is not None]
    if not marks:
        return NO_TIMELINE
    scale = TimelineScale()
    for m in marks:
        scale.add(m)
    return scale.head() + "".join(scale.mark(m) for m in marks) + "</svg>"


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


#: The columns of an event in the report's map data.
MAP_KEYS = ("doc_id", "event_id", "event_type", "actor1", "actor2", "place", "place_modern",
            "latitude", "longitude", "place_precision", "year", "date_start", "date_end",
            "date_precision", "date_text", "text")


def map_event_json(e: EventRow) -> str | None:
    """One event of the map data as JSON (``</`` escaped), or None without coordinates."""
    if e.latitude is None or e.longitude is None:
        return None
    return json.dumps({k: getattr(e, k) for k in MAP_KEYS},
                      ensure_ascii=False).replace("</", "<\\/")


def _event_json(events: Sequence[EventRow]) -> str:
    # json.dumps of the list: its items joined by ", " (no "</" can span two items)
    return "[" + ", ".join(j for j in map(map_event_json, events) if j is not None) + "]"


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
    located = sum(1 for e in events if e.latitude is not None and e.longitude is not None)
    dated = sum(1 for e in events if e.year is not None)
    a, b, c, d = page_pieces(documents, len(events), located, dated, provenance)
    return a + timeline_svg(events) + b, c + _event_json(events) + d


def page_pieces(documents: int, events: int, located: int, dated: int,
                provenance: Provenance) -> tuple[str, str, str, str]:
    """The page around the timeline SVG (:func:`timeline_svg`), the articles and the map data
    (the JSON list of :func:`map_event_json`), for a run of ``documents`` documents and
    ``events`` events (``located`` with coordinates, ``dated`` with a year): the text before
    the SVG, between it and the articles, between them and the map data, after it."""
    css, js = leaflet_assets()
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
<p class="note">{documents} document(s), {events} events ({located} on the map,
{dated} dated). chronicle {html.escape(prov.tool_version)},
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
<div class="timeline-wrap">"""
    after_svg = """</div>
<p class="note">A dot is a day; a bar spans the days a month, season, year or range covers
(proleptic Gregorian). Hover for the event.</p>
</section>
<section id="texts">
<h2>Texts</h2>
<p class="legend"><mark class="ent person">person</mark> <mark class="ent place">place</mark>
<mark class="ent polity">polity</mark> <mark class="ent army">army</mark>
<mark class="date">date</mark> <mark class="date doubt">doubtful date</mark></p>
"""
    tail = """
</section>
<script type="application/json" id="events-data">"""
    after_json = f"""</script>
<script>{js}</script>
<script>{SCRIPT % {"styles": styles, "tiles": TILE_URL}}</script>
</body>
</html>
"""
    return head, after_svg, tail, after_json


def render(data: ExportInput) -> dict[str, bytes]:
    """``report.html``: about 170 kB of Leaflet plus the run's own content."""
    events = [e for d in data.documents for e in d.events]
    head, tail = page_parts(len(data.documents), events, data.provenance)
    texts = "".join(article(doc, text) for doc, text in documents_with_text(data))
    return {"report.html": (head + texts + tail).encode("utf-8")}

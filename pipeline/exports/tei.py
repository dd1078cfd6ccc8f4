"""``tei/DOC_ID.xml``: each text as TEI P5 with its names and dates marked.

* ``<persName>``, ``<placeName>``, ``<orgName type="polity|army">`` with ``ref="#id"`` pointing to
  a ``<person>``/``<place>``/``<org>`` in ``<standOff>`` (places with ``<geo>`` "lat lon", WGS 84,
  when ``places.csv`` has coordinates).
* ``<date>`` for every date that nests: ``when`` (one day), or ``notBefore``/``notAfter`` (the days
  covered) in TEI's proleptic Gregorian years, where 1 BCE is ``-0001`` (our tables use
  astronomical years, 1 BCE = 0, so years <= 0 shift by one); ``calendar`` points to the
  calendar the text's date is written in, ``datingMethod`` + ``when-custom`` give the Chinese
  reading ``Era.year[.month[.day]]`` (``L`` before a leap month); ``cert="low"`` marks a printed
  year that disagrees; ``type`` is the date ``kind``.
* The body is the decoded original text, one ``<p>`` per non-empty line; characters XML forbids
  become spaces. A mark that would cross another or a line break is left out (it stays in the CSV).
Valid against ``tei_all.rng`` (TEI P5 4.9.0; see ``tests/schemas/README.md``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..records import DateRow, EntityRow
from .common import ExportInput, Mark, documents_with_text, file_stem, nested_marks, slug

if TYPE_CHECKING:
    from ..document import DocumentResult

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("", TEI_NS)

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ISO = re.compile(r"^(-?)(\d{4,})(-\d\d-\d\d)?$")
ENTITY_ELEMENTS = {"PERSON": ("persName", "person", None), "PLACE": ("placeName", "place", None),
                   "POLITY": ("orgName", "org", "polity"), "ARMY": ("orgName", "org", "army")}


def _t(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def tei_date(iso: str) -> str:
    """Astronomical ISO (``-0044-03-15``, year 0 = 1 BCE) -> TEI/XSD (``-0045-03-15``)."""
    match = _ISO.match(iso)
    if not match:
        raise ValueError(f"not an ISO date: {iso!r}")
    sign, digits, rest = match.groups()
    year = -int(digits) if sign else int(digits)
    if year <= 0:
        return f"-{1 - year:04d}{rest or ''}"
    return f"{year:04d}{rest or ''}"


def _entity_id(entity: EntityRow) -> str:
    return f"{ENTITY_ELEMENTS[entity.label][1]}-{slug(entity.canonical)}"


def _date_attributes(row: DateRow) -> dict[str, str]:
    attrs = {"type": row.kind}
    calendar = "#gregorian" if row.kind == "gregorian" else "#chinese-lunisolar"
    attrs["calendar"] = calendar
    if row.date_start and row.date_end:
        if row.date_start == row.date_end:
            attrs["when"] = tei_date(row.date_start)
        else:
            attrs["notBefore"] = tei_date(row.date_start)
            attrs["notAfter"] = tei_date(row.date_end)
    if row.kind != "gregorian" and row.era and row.era_year is not None:
        parts = [slug(row.era), str(row.era_year)]
        if row.month is not None:
            parts.append(("L" if row.leap_month else "") + str(row.month))
            if row.day is not None:
                parts.append(str(row.day))
        attrs["datingMethod"] = "#chinese-lunisolar"
        attrs["when-custom"] = ".".join(parts)
    if row.conflict:
        attrs["cert"] = "low"
    return attrs


def _element(mark: Mark) -> ET.Element:
    if isinstance(mark.row, DateRow):
        return ET.Element(_t("date"), _date_attributes(mark.row))
    tag, _, kind = ENTITY_ELEMENTS[mark.kind]
    attrs = {"ref": f"#{_entity_id(mark.row)}"}
    if kind:
        attrs["type"] = kind
    return ET.Element(_t(tag), attrs)


def _fill(parent: ET.Element, text: str, start: int, end: int, marks: Sequence[Mark]) -> None:
    """Put ``text[start:end]`` into ``parent``, with ``marks`` (nested, sorted) as elements."""
    position, previous, i = start, None, 0

    def put(chunk: str) -> None:
        if previous is None:
            parent.text = (parent.text or "") + chunk
        else:
            previous.tail = (previous.tail or "") + chunk

    while i < len(marks):
        mark = marks[i]
        j = i + 1
        while j < len(marks) and marks[j].start < mark.end:
            j += 1
        put(text[position:mark.start])
        element = _element(mark)
        parent.append(element)
        _fill(element, text, mark.start, mark.end, marks[i + 1:j])
        previous, position, i = element, mark.end, j
    put(text[position:end])


def _standoff(entities: Sequence[EntityRow],
              coords: dict[str, tuple[float, float]]) -> ET.Element | None:
    lists = {"person": ET.Element(_t("listPerson")), "place": ET.Element(_t("listPlace")),
             "org": ET.Element(_t("listOrg"))}
    seen: set[str] = set()
    for entity in sorted(entities, key=lambda e: (e.label, e.canonical)):
        ident = _entity_id(entity)
        if ident in seen:
            continue
        seen.add(ident)
        name_tag, kind, org_type = ENTITY_ELEMENTS[entity.label]
        item = ET.SubElement(lists[kind], _t(kind), {XML_ID: ident})
        if org_type:
            item.set("type", org_type)
        ET.SubElement(item, _t(name_tag)).text = entity.canonical
        if kind == "place" and entity.canonical in coords:
            lat, lon = coords[entity.canonical]
            location = ET.SubElement(item, _t("location"))
            ET.SubElement(location, _t("geo")).text = f"{lat:.6g} {lon:.6g}"
    filled = [lst for lst in lists.values() if len(lst)]
    if not filled:
        return None
    standoff = ET.Element(_t("standOff"))
    standoff.extend(filled)
    return standoff


def _header(doc_id: str, path: str, sha256: str, version: str) -> ET.Element:
    header = ET.Element(_t("teiHeader"))
    file_desc = ET.SubElement(header, _t("fileDesc"))
    ET.SubElement(ET.SubElement(file_desc, _t("titleStmt")), _t("title")).text = doc_id
    ET.SubElement(ET.SubElement(file_desc, _t("publicationStmt")), _t("p")).text = (
        f"Generated by chronicle {version}; names and dates were marked automatically and may "
        "be wrong: check them against the source.")
    ET.SubElement(ET.SubElement(file_desc, _t("sourceDesc")), _t("p")).text = (
        f"{path} (sha256 {sha256})")
    calendars = ET.SubElement(ET.SubElement(header, _t("profileDesc")), _t("calendarDesc"))
    chinese = ET.SubElement(calendars, _t("calendar"), {XML_ID: "chinese-lunisolar"})
    ET.SubElement(chinese, _t("p")).text = (
        "Chinese lunisolar calendar: regnal era, era year, lunar month, day (new-moon tables of "
        "the sanmiao package, in the era's own calendar stream). when-custom reads "
        "Era.year[.month[.day]], L before a leap month. Normalized attributes are proleptic "
        "Gregorian.")
    gregorian = ET.SubElement(calendars, _t("calendar"), {XML_ID: "gregorian"})
    ET.SubElement(gregorian, _t("p")).text = "Western (Gregorian or Julian) date in the text."
    return header


def document_xml(doc_id: str, path: str, sha256: str, text: str, entities: Sequence[EntityRow],
                 dates: Sequence[DateRow], coords: dict[str, tuple[float, float]],
                 version: str) -> bytes:
    """The TEI document (UTF-8 bytes with an XML declaration)."""
    clean = _XML_ILLEGAL.sub(" ", text)
    marks = nested_marks(entities, dates, clean)
    root = ET.Element(_t("TEI"), {XML_LANG: "en"})
    root.append(_header(doc_id, path, sha256, version))
    standoff = _standoff([m.row for m in marks if isinstance(m.row, EntityRow)], coords)
    body = ET.SubElement(ET.SubElement(root, _t("text")), _t("body"))
    index = 0
    for line in re.finditer(r"[^\n]+", clean):
        if not line.group().strip():
            continue
        while index < len(marks) and marks[index].start < line.start():
            index += 1
        first = index
        while index < len(marks) and marks[index].start < line.end():
            index += 1
        paragraph = ET.SubElement(body, _t("p"))
        _fill(paragraph, clean, line.start(), line.end(), marks[first:index])
        paragraph.tail = "\n"
    if not len(body):
        ET.SubElement(body, _t("p"))
    body.text = "\n"
    if standoff is not None:
        root.append(standoff)
    for part in root:  # the body keeps its exact text: no indentation inside it
        if part.tag != _t("text"):
            ET.indent(part, space=" ", level=1)
        part.tail = "\n"
    root.text = "\n"
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def document_tei(doc: DocumentResult, text: str, version: str) -> bytes:
    """The TEI file of one processed document (``version``: the tool's)."""
    coords = {p.place: (p.latitude, p.longitude) for p in doc.places
              if p.latitude is not None and p.longitude is not None}
    row = doc.document
    return document_xml(row.doc_id, row.path, row.sha256, text, doc.entities, doc.dates,
                        coords, version)


def render(data: ExportInput) -> dict[str, bytes]:
    """``tei/DOC_ID.xml`` for every document whose text is available."""
    files: dict[str, bytes] = {}
    for doc, text in documents_with_text(data):
        files[f"tei/{file_stem(doc.document.doc_id, files)}.xml"] = document_tei(
            doc, text, data.provenance.tool_version)
    return files

"""Place rows of a document (:func:`place_rows_and_warnings`, :func:`build_place_rows`).

Helpers live beside it and are re-exported here so existing imports keep working:
:mod:`pipeline.places.mentions` (running year, province hints, glosses by entity),
:mod:`pipeline.places.lookup` (hand gazetteer, :class:`PlaceLookup` for the event stage),
:mod:`pipeline.places.certainty` (certainty, reasons and warnings of a row).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from pipeline.entities.wadegiles import wg_canonical
from pipeline.places.abroad import dated_countries, refuse_regions_abroad, settle_abroad
from pipeline.places.base import (
    _SUFFIX_WORDS,
    Coordinate,
    ModernPlaceIndex,
    PlaceGloss,
    name_key,
    province_named,
)
from pipeline.places.certainty import _guess_basis, _hand_homonym, _row, _warnings
from pipeline.places.context import Beside, places_beside
from pipeline.places.dated import follow_dated_readings
from pipeline.places.feature_gloss import reuse_feature_gloss
from pipeline.places.historical import geocode_historical, load_postal_places
from pipeline.places.homonyms import settle_homonyms
from pipeline.places.listed import refuse_listed_persons
from pipeline.places.locate import anchor_of, far_other_years_seat, locate_name
from pipeline.places.lookup import (
    HistoricalPlace,
    PlaceInfo,
    PlaceLookup,
    load_historical_places,
    load_place_points,
    precision_of,
)
from pipeline.places.mentions import (
    DATELINE_WORDS,
    YearAt,
    _gloss_for,
    _sentence_anchor,
    is_dateline,
    near_place,
    outside_glosses,
    province_hints,
    year_lookup,
    years_from_dates,
)
from pipeline.places.modern import _candidates, geocode, geocode_gloss, load_modern_places
from pipeline.places.named import refuse_other_names
from pipeline.places.outliers import current_namesakes, far_from_text
from pipeline.places.paragraph_seat import paragraph_seats
from pipeline.places.period import check_namesakes
from pipeline.places.qualified import foreign_countries, qualifier_after, refuse_other_country
from pipeline.places.seats_in_use import prefecture_not_province
from pipeline.places.untagged import untagged_place_mentions
from pipeline.places.within import place_within
from pipeline.records import DateRow, EntityRow, PlaceRow, WarningRow

__all__ = [
    "DATELINE_WORDS", "HistoricalPlace", "PlaceInfo", "PlaceLookup", "YearAt",
    "build_place_rows", "is_dateline", "load_historical_places", "load_place_points",
    "outside_glosses", "place_rows_and_warnings", "precision_of", "province_hints",
    "year_lookup", "years_from_dates",
]


def _spelling(name: str, surfaces: Mapping[str, set[str]],
              index: ModernPlaceIndex | None) -> str:
    """The name to locate a place by: a Wade–Giles spelling the text wrote for it whose pinyin
    is its canonical and which the place tables know (a current place's Wade–Giles or postal
    spelling: "Chien-shan" is 潛山, its pinyin Jianshan is 尖山), else ``name``."""
    idx = index or load_modern_places()
    postal = load_postal_places()
    return next((s for s in sorted(surfaces.get(name, ())) if s != name
                 and wg_canonical(s) == name
                 and (_candidates(s, None, idx) or name_key(s) in postal)), name)


def build_place_rows(entities: Sequence[EntityRow], glosses: Sequence[PlaceGloss],
                     dates: Sequence[DateRow] | YearAt,
                     historical_places: Mapping[str, HistoricalPlace] | None = None, *,
                     index: ModernPlaceIndex | None = None, text: str = "") -> list[PlaceRow]:
    """The rows of :func:`place_rows_and_warnings` (same arguments), without the warnings."""
    return place_rows_and_warnings(entities, glosses, dates, historical_places, index=index,
                                   text=text)[0]


def _in_china_province(coord: Coordinate) -> bool:
    """A coordinate of a Chinese province (not a place abroad, whose ``province`` is "")."""
    return not coord.country and bool(coord.province)


def place_rows_and_warnings(
        entities: Sequence[EntityRow], glosses: Sequence[PlaceGloss],
        dates: Sequence[DateRow] | YearAt,
        historical_places: Mapping[str, HistoricalPlace] | None = None, *,
        index: ModernPlaceIndex | None = None, text: str = "",
        taken: Sequence[tuple[int, int]] | None = None
) -> tuple[list[PlaceRow], list[WarningRow]]:
    """One PlaceRow per distinct place (PLACE entity canonical, or glossed name).

    ``dates``: DateRows (running year = last DateRow at or before a mention) or a callable
    offset -> year. Modern/relation/province come from the gloss nearest the first mention,
    else from ``historical_places``, else (for a province name) the province.
    ``coord_source`` is "<gloss|gazetteer|name|world>:<dataset>:<level>[:same-name][:near]";
    a place located only by a second look at the document's other places (see
    :func:`pipeline.places.locate.locate_name`) ends in ":nearest", ":other-years",
    ":outside-hint", ":feature" or ":qualified" — a guess; the last pass (a gate or street at
    the city named nearest it, a circuit at the place written with its name:
    :func:`pipeline.places.within.place_within`) gives "within:<that place's
    coord_source>:city-part|circuit-seat", also a guess. Rows are in order of first
    mention. PLACE entities inside a gloss are not counted.

    ``text`` (the text the offsets index; optional): the province or prefecture-level city
    written beside the first mention, or in its sentence (:func:`pipeline.places.context.
    places_beside`), picks among homonyms; a province written right after a gazetteer place
    of another province ("Hua County, Guangdong Province" where ``places.csv`` has Henan's
    Huaxian) makes it the homonym of that province when one is known (else no coordinates).

    ``taken`` (with ``text``): (start, end) of every entity of the document, of any label;
    given, names no entity covers that follow an event verb and that a place table knows
    become places too (:mod:`pipeline.places.untagged`; never ``high``, left without
    coordinates when only a second-pass guess or a current namesake in doubt placed them;
    warning ``PLACE_UNTAGGED_NAME``).

    ``certainty`` (see :func:`_certainty`): high for the text's gloss, the hand gazetteer or a
    name matching one place; medium for a homonym chosen by the province or city written near
    it (warning ``PLACE_HOMONYM_CHOSEN``); low for a second-pass guess (warning
    ``PLACE_COORDINATE_GUESSED``). The warnings (``doc_id`` "", offsets of the first mention,
    indices of ``text``) come second in the returned pair.
    """
    year_at = dates if callable(dates) else years_from_dates(dates, text)
    historical = historical_places or {}
    untagged: set[str] = set()
    if text and taken is not None:  # names no entity covers, after an event verb
        spans = [*taken, *((e.start, e.end) for e in entities)]
        found = untagged_place_mentions(text, spans, [] if callable(dates) else [
            (d.start, d.end) for d in dates if d.end > d.start], index)
        untagged = {e.canonical for e in found} - {e.canonical for e in entities}
        entities = [*entities, *found]
    mentions: dict[str, list[int]] = {}
    outside = outside_glosses(entities, glosses)  # modern names inside glosses are no mentions
    surfaces: dict[str, set[str]] = {}  # canonical -> the spellings the text used
    known = {e.canonical for e in outside if e.label == "PLACE" and e.source == "gazetteer"}
    for e in sorted((e for e in outside if e.label == "PLACE"), key=lambda e: e.start):
        mentions.setdefault(e.canonical, []).append(e.start)
        surfaces.setdefault(e.canonical, set()).add(e.text)
    by_place = _gloss_for(glosses, entities)
    hint = province_hints(entities, glosses)
    beside = places_beside(text, index, outside) if text else (lambda start, end: Beside())
    ends = {e.start: e.end for e in outside if e.label == "PLACE"}
    abroad = foreign_countries()  # "Shanxi, Vietnam" (Sơn Tây) names no Chinese province
    foreign = {e.canonical for e in outside if qualifier_after(text, e.end, abroad)}
    doc_provinces = [p for e in outside if e.label == "PLACE"  # "Guangdong" anywhere in it
                     for p in [province_named(e.canonical)]
                     if p and e.canonical not in foreign]  # one sense: "... and Shanxi fell"
    for name, gl in by_place.items():
        if name not in mentions:
            mentions[name] = [g.start for g in gl]
    rows: list[PlaceRow] = []
    pending: list[int] = []  # rows the first pass left without coordinates
    basis: dict[int, str] = {}  # row index -> why its coordinate was chosen among others
    for name, offsets in sorted(mentions.items(), key=lambda kv: kv[1][0]):
        years = [y for y in (year_at(o) for o in offsets) if y is not None]
        modern = relation = province = ""
        coord = None
        written = beside(offsets[0], ends.get(offsets[0], offsets[0]))
        other = written.apposition and name in historical and name not in by_place and \
            bool(historical[name].province) and \
            written.province not in historical[name].province.split("|")
        if other:  # "Hua County, Guangdong Province": not places.csv's Henan Huaxian
            coord, modern, prefix = locate_name(name, years[0] if years else None,
                                                written.province, index, None,
                                                prefecture=written.prefecture)
            if coord is not None and coord.province != written.province:
                coord, modern = None, ""
            province = written.province
        elif name in by_place:
            gloss = min(by_place[name], key=lambda g: abs(g.start - offsets[0]))
            modern, relation, province = gloss.modern, gloss.relation, gloss.province
            coord = geocode_gloss(gloss, index=index)
            prefix = "gloss"
            hand = historical.get(name)
            if coord is not None and coord.precision == "province" and hand is not None \
                    and gloss.province in (hand.province or gloss.province).split("|"):
                # "Shangdu, in today's Inner Mongolia": the gloss names only the province the
                # bundled gazetteer's site lies in; the site is the better point
                site = (geocode(hand.modern, hand.province or None, index=index)
                        if hand.modern else None) or hand.point
                if site is not None:
                    coord, modern, relation, province = site, hand.modern, "at", \
                        hand.province or province
                    prefix = "gazetteer"
        elif name in historical:
            modern, province = historical[name].modern, historical[name].province
            relation = "at"
            coord = geocode(modern, province or None, index=index) if modern else None
            coord = coord or historical[name].point
            prefix = "gazetteer"
            year = years[0] if years else (year_at(len(text)) if text else None)
            if coord is not None and year is not None:  # no date before it: the text's year
                near = written.province or hint(offsets) or near_place(
                    text, ends.get(offsets[0], offsets[0]), outside, historical) or ""
                coord, modern, province, prefix = _hand_homonym(
                    surfaces.get(name, {name}), year, near, coord, modern, province, prefix,
                    doc_provinces)
        elif province_named(name) and not _below_province(name) and not (
                years and prefecture_not_province(
                name, province_named(name), years[0])):  # "prefect of Guizhou" (1072)
            province = province_named(name)
            coord = geocode("", province, index=index)
            prefix = "name"
        else:
            year = years[0] if years else None
            near = written.province if written.apposition else (
                hint(offsets) or written.province or None)
            look = _spelling(name, surfaces, index)  # "Chien-shan", not its pinyin
            coord, modern, prefix = locate_name(look, year, near, index, None,
                                                prefecture=written.prefecture)
            if coord is None and look != name and name in known:  # "Yu-chou": 幽州 or
                # 豫州; the entity gazetteer's canonical ("Youzhou") knows which (a model's
                # transliteration, "Jianshan" for "Chien-shan", does not)
                coord, modern, prefix = locate_name(name, year, near, index, None,
                                                    prefecture=written.prefecture)
            if coord is None and not written.apposition and near and near != hint(offsets):
                # a province elsewhere in the sentence only steers: not in it, read as before
                coord, modern, prefix = locate_name(name, year, hint(offsets), index, None)
            if coord is None:
                pending.append(len(rows))
        if coord is not None and coord.basis:
            basis[len(rows)] = coord.basis
        rows.append(_row(name, modern, relation, province, coord, prefix, offsets, years))
    anchor = anchor_of(rows)
    # rows the second pass leaves blank: their one seat is of other years and far from the
    # text's places, or in another province than the one written beside the name
    far_seats: dict[int, str] = {}
    skip = set(pending)  # mentions of the places the first pass located, in text order
    firsts = sorted((o, k) for k, r in enumerate(rows) if k not in skip
                    for o in mentions[r.place])
    for i in pending:  # second pass: homonyms and guesses decided near the other places
        row = rows[i]
        offsets = mentions[row.place]
        years = [y for y in (year_at(o) for o in offsets) if y is not None]
        written = beside(offsets[0], ends.get(offsets[0], offsets[0]))
        near = written.province if written.apposition else (
            hint(offsets) or written.province or None)
        local = _sentence_anchor(text, offsets[0], rows, firsts)
        look = _spelling(row.place, surfaces, index)
        coord = geocode_historical(look, years[0], near, anchor=local) \
            if local is not None and years else None
        if coord is not None and "nearest" in coord.source.split(":"):
            modern, prefix = "", "name"  # "the Battle of Sanfeng Mountain in Junzhou"
            why = ("the homonym nearest the places located in its sentence "
                   f"({local[0]:.2f}, {local[1]:.2f})")
        else:
            coord, modern, prefix = locate_name(look, years[0] if years else None,
                                                 near, index, anchor, second=True,
                                                 prefecture=written.prefecture)
            why = _guess_basis(coord) if coord is not None else ""
        if coord is not None and written.apposition and written.province \
                and coord.province and coord.province != written.province \
                and _in_china_province(coord):
            # "Xindu in Nanyang" (5 BC): 新都 of Nanyang is not in CHGIS; 信都 of Hebei, the
            # homonym nearest Nanyang, is not what the text says (a province named elsewhere
            # in the sentence need not hold the place: "troops in Henan asked for Hai, Si,
            # Tang, Deng")
            far_seats[i] = (f"the text writes it in {written.province}, but the only guess "
                            f"found lies in {coord.province} "
                            f"({coord.latitude:.2f}, {coord.longitude:.2f})")
        elif coord is not None:
            rows[i] = _row(row.place, modern, row.relation, row.province, coord, prefix,
                           offsets, years, second=True)
            basis[i] = why
        elif years and anchor is not None:
            far = far_other_years_seat(look, near, anchor)
            if far:  # "Yecheng" in 580: 葉城縣 (Xinjiang, 1911) is no guess worth making
                far_seats[i] = far
    blank = {i: rows[i] for i in far_seats}
    rows, settled = settle_homonyms(rows, mentions, year_at, text, basis)
    rows, dated = follow_dated_readings(rows, mentions, year_at, surfaces)  # Lin'an in 932
    settled.update(dated)
    for i, row in blank.items():  # refused above: no later guess either
        rows[i] = row
        settled.pop(i, None)
    basis.update(settled)  # homonyms by the places around them; one-seat picks of a name
    rows, namesakes = current_namesakes(rows, mentions, year_at)  # "Ningyuan" of Hunan, 1623
    basis.update(namesakes)
    rows, moved = settle_abroad(rows, mentions, text, frozenset() if callable(dates) else
                                dated_countries(d.dynasty for d in dates
                                                if d.certainty == "high"))
    basis.update(moved)  # "fled to Andong" among places of Korea: the town abroad
    rows, lowered, rejected = check_namesakes(rows, mentions, year_at, text)
    rows, featured = reuse_feature_gloss(rows)  # "Jingjiang" by "Jingjiang Estuary (now ...)"
    lowered.update(featured)
    rows, refused = refuse_regions_abroad(rows, mentions, text)  # a Great Wall of Korea
    rows, qualified = refuse_other_country(rows, mentions, ends, text)  # "Shanxi, Vietnam"
    rows, other_names = refuse_other_names(rows, mentions, ends, text)  # "the era name Inan"
    rows, persons = refuse_listed_persons(rows, mentions, text)  # "brothers Shiyi, Shide"
    rejected = {**far_seats, **rejected, **refused, **qualified, **other_names, **persons}
    basis.update(lowered)  # a current namesake the text's date or verb does not fit
    for i in rejected:
        basis.pop(i, None)
    # "the siege of Jinzhou" beside Shenyang: 錦州 (Liaoning), by the paragraph's sure places
    rows, by_paragraph = paragraph_seats(rows, mentions, year_at, text, untagged)
    basis.update(by_paragraph)
    rows, inside = place_within(rows, mentions, text, [  # gates, streets; circuits by seat
        (e.start, e.text, e.canonical) for e in outside if e.label == "PLACE"])
    basis.update(inside)
    rejected = {i: why for i, why in rejected.items() if rows[i].latitude is None}
    # an untagged name is never certain; a guess for it (a second-pass point, a current
    # namesake in doubt) would be two guesses: no coordinates
    rows = [r if r.place not in untagged else replace(r, certainty="medium")
            if r.certainty == "high" else replace(r, modern="", province="", latitude=None,
                                                  longitude=None,
                                                  coord_source="", certainty="")
            if r.certainty == "low" or r.coord_source.startswith("name:cpca") else r
            for r in rows]
    rows, far = far_from_text(rows)  # "Guihua" in Fujian among places of Mongolia
    basis.update(far)
    basis = {i: why for i, why in basis.items() if rows[i].latitude is not None}
    return rows, _warnings(rows, basis, mentions, ends) + [
        WarningRow("", mentions[r.place][0], ends.get(mentions[r.place][0], 0),
                   "PLACE_UNTAGGED_NAME",
                   f"{r.place!r} read as a place: no entity there, but it follows an event "
                   f"verb and a place table knows the name (certainty "
                   f"{r.certainty or 'none: no coordinates'})")
        for r in rows if r.place in untagged] + [
        WarningRow("", mentions[rows[i].place][0],
                   ends.get(mentions[rows[i].place][0], mentions[rows[i].place][0]),
                   "PLACE_CANDIDATE_REJECTED",
                   f"{rows[i].place!r} left without coordinates: {why}")
        for i, why in sorted(rejected.items())]


def _below_province(name: str) -> bool:
    """A name written with a unit word below a province ("Yunnan County", "Sichuan City"): the
    unit of that name, not the province (a blank is better than the province's point)."""
    suffix = _SUFFIX_WORDS.search(name)
    return suffix is not None and suffix.group(1).lower() != "province"

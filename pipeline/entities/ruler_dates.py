"""Rulers named without a dynasty, identified by the date and the names around them.

"Emperor Wu died in 87 BC": sanmiao's ruler table has a dozen emperors Wu (Han Wudi, Western
Jin Wudi, Later Zhao Wudi ...); the entity stage alone only sees the dynasties the text names,
nearest first, and the nearest may be a posthumous name ("Emperor Zhao") or a state of
another century. This stage runs after the dates are resolved and looks again at every PERSON
mention whose name alone fits several reigns (:meth:`RulerIndex.options`), with the evidence
in this order:

1. a personal name in the same sentence that is the personal name (or the ``persons.csv``
   canonical) of exactly one of them ("Li Heng was enthroned as Emperor Suzong");
2. the years of the sentence's own dates, else the running year at the mention: the reigns
   that contain one (``rulers.csv`` reign_start..reign_end, CE astronomical), narrowed by the
   dynasties named in the paragraph (POLITY mentions and the ``persons.csv`` polity of the
   persons named there);
3. without a year: the dynasties named in the paragraph, when they leave one reign;
4. a year no candidate reigned in: the nearest reign (within ``NEAREST_REACH`` years, and
   at most ``BEFORE_REIGN_REACH`` years before the accession);
5. a year in no reign, or none, and no other evidence: the ruler in whose reign the running
   year lies at the other places the name is written in the text
   (:func:`pipeline.entities.ruler_discourse.discourse_ruler`; one name, one person), if his
   lifetime holds the year ("Fu Jian was born in 337" on a page of 苻堅, r. 357–385).

A ruler's personal name read as that ruler by the entity stage ("Sima Yi": 司馬奕, r. 365-371)
stays the ruler only where the text supports it (:func:`_namesake`): a dynasty of his named in
the sentence, the same text naming him by title or temple name, a ruler's title before the
name, a year of the sentence (else the running year) in his lifetime (from ``BEFORE_BIRTH``
years before the accession to ``AFTER_DEATH`` years after the reign), or, with no year, a
dynasty of his named in the paragraph. Otherwise it is a namesake ("the imperial supervisor
Li Yen" of 927 is 李嚴, not Tang Wuzong 李炎): its canonical becomes the name as written, in
pinyin when written in Wade–Giles ("Li Yan"); without any year the reading is a guess and
gets a ``RULER_NAMESAKE_GUESSED`` warning.

A choice resting on the date alone (2 without a dynasty of the paragraph agreeing, 4) gets a
``RULER_READING_GUESSED`` warning that names the evidence; a mention left with several
readings, or whose reading from the entity stage no evidence here supports, gets
``RULER_AMBIGUOUS`` (the canonical is then the mention's own name without title: "Emperor
Xuanzong" and "Xuanzong" share "Xuanzong"). Rows keep their offsets; only ``canonical`` changes.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from pipeline.entities.pinyin import is_real_syllable
from pipeline.entities.ruler_discourse import discourse_ruler, lifetime_holds
from pipeline.entities.rulers import RulerIndex
from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.eras import era_key
from pipeline.records import DateRow, EntityRow, WarningRow
from pipeline.rulers import Ruler

#: years between a date and the nearest reign for that reign to be taken (step 4)
NEAREST_REACH = 40
#: at most this many years before a ruler's accession may a date's mention be read as him by
#: the nearest reign (step 4): an heir acts a decade or two before his reign (Tang Suzong made
#: heir 738, r. 756), but thirty years before it most rulers were children or unborn ("the Rear
#: King of Jushi, Andi" in 74 is not Emperor An of Han, born 94, r. 106-125)
BEFORE_REIGN_REACH = 25
#: years before a ruler's accession beyond which a person of his personal name cannot be him
#: (no ruler acceded older than about 80): "Sima Yi" in 249 is 司馬懿, not 司馬奕 (r. 365-371)
BEFORE_BIRTH = 80
#: years after the end of a ruler's reign beyond which a person of his personal name acting in
#: a sentence of that year is a namesake (most reigns end with the ruler's death; a deposed
#: ruler seldom lived three decades more)
AFTER_DEATH = 30
#: why :func:`_namesake` reads a ruler's personal name as another person's
CONTRADICTED = "dates"
UNSUPPORTED = "no evidence"
#: a ruler's title right before a personal name ("the emperor Li Yan", "King Yi Seong-gye")
_RULER_TITLE = re.compile(r"\b(?:[Ee]mperor|[Ee]mpress|[Kk]ing|[Kk]han|[Pp]rince|[Dd]uke)\s+$")
PARAGRAPH_REACH = 1500  # characters either side of a mention at most
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True)
class RulerReader:
    """What the re-reading needs, built once per run (:func:`ruler_reader`).

    ``index``: the entity stage's ruler index; ``titles``: title words ("Emperor", "King");
    ``person_polity``: person canonical -> polity name (``persons.csv``, armies aside)."""

    index: RulerIndex
    titles: frozenset[str]
    person_polity: Mapping[str, str]
    by_canonical: Mapping[str, frozenset[int]]  # canonical -> ruler ids of the index
    #: canonicals of the hand-kept person rows (``persons.csv``): a ruler given one of them
    #: ("Zhu Yuanzhang") by his personal name is that person, never a namesake
    persons: frozenset[str] = frozenset()


def ruler_reader(index: RulerIndex | None, titles: frozenset[str],
                 person_polity: Mapping[str, str],
                 persons: frozenset[str] = frozenset()) -> RulerReader | None:
    """A :class:`RulerReader`, or None without a ruler index (no ``rulers.csv``).
    ``persons``: the canonicals of ``persons.csv`` (see :attr:`RulerReader.persons`)."""
    if index is None:
        return None
    by_canonical: dict[str, set[int]] = {}
    for rid, name in index.canonical.items():
        by_canonical.setdefault(name, set()).add(rid)
    return RulerReader(index, titles, person_polity,
                       {k: frozenset(v) for k, v in by_canonical.items()}, persons)


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(text.rfind("\n\n", 0, start), start - PARAGRAPH_REACH, 0)
    hi = text.find("\n\n", end)
    return lo, min(hi if hi >= 0 else len(text), end + PARAGRAPH_REACH)


def _sentence(starts: Sequence[int], offset: int, text_len: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, offset) - 1
    lo = starts[i] if i >= 0 else 0
    hi = starts[i + 1] if i + 1 < len(starts) else text_len
    return lo, hi


def _reign(r: Ruler) -> str:
    def year(y: int) -> str:
        return f"{1 - y} BCE" if y <= 0 else str(y)
    return f"{year(r.reign_start)}–{year(r.reign_end)}"


def _distance(r: Ruler, year: int) -> int:
    return max(r.reign_start - year, year - r.reign_end, 0)


def reread_rulers(entities: Sequence[EntityRow], text: str, reader: RulerReader,
                  dates: Sequence[DateRow], sentence_starts: Sequence[int],
                  year_at: Callable[[int], int | None],
                  date_starts: Sequence[int] | None = None
                  ) -> tuple[list[EntityRow], list[WarningRow]]:
    """``entities`` with the canonical of rulers named without a dynasty chosen by the
    evidence of the module docstring, and the warnings of guessed or ambiguous readings.

    ``text``: the text every offset indexes; ``dates``: the document's date rows, sorted by
    start; ``sentence_starts``: sorted start offsets of the sentences (those of ``entities``
    included); ``year_at``: offset -> running CE year (astronomical) or None;
    ``date_starts``: the starts of ``dates`` if the caller has them (a document's blocks share
    one list). Returns new lists; the input is not changed."""
    index, by_canonical = reader.index, reader.by_canonical
    if not any(e.label == "PERSON" for e in entities):
        return list(entities), []
    if date_starts is None:
        date_starts = [d.start for d in dates]
    out: list[EntityRow] = []
    warnings: list[WarningRow] = []
    for e in entities:
        options = index.options(_WORD.findall(text[e.start:e.end]), reader.titles) \
            if e.label == "PERSON" else ()
        why = _namesake(e, reader, entities, text, dates, date_starts, sentence_starts,
                        year_at) if e.label == "PERSON" and not options else ""
        if why:  # a namesake of a ruler not yet born or long dead: "Sima Yi" in 249
            own = _own_name(e.text, reader.titles)
            if why == UNSUPPORTED:
                warnings.append(WarningRow(
                    e.doc_id, e.start, e.end, "RULER_NAMESAKE_GUESSED",
                    f"{e.text!r} is the personal name of {e.canonical}, but no date in his "
                    f"lifetime, ruler's title or dynasty of his near it says it is he; read as "
                    f"a person named {own!r}"))
            out.append(dataclasses.replace(e, canonical=own))
            continue
        ids = {r.ruler_id for r in options}
        if not options or not (e.canonical == e.text or by_canonical.get(e.canonical, frozenset())
                               & ids or e.canonical == _bare(e.text, reader.titles)) \
                or (_personal(e.text, options) and e.canonical in reader.person_polity):
            out.append(e)  # no ruler name, or a person of persons.csv with that alias or name
            continue
        chosen, basis, guessed = _choose(e, options, entities, text, reader, dates,
                                         date_starts, sentence_starts, year_at, by_canonical)
        if chosen is None or guessed:  # 5. the year in no reign: the text's other mentions
            years, where = _mention_years(e, text, dates, date_starts, sentence_starts,
                                          year_at)
            other, n = discourse_ruler(text[e.start:e.end], e.start, options, text, year_at) \
                if not any(_distance(r, y) == 0 for r in options for y in years) \
                else (None, 0)
            if other is not None and other is not chosen and lifetime_holds(
                    other, years, BEFORE_BIRTH, AFTER_DEATH):
                chosen, guessed = other, True
                basis = (f"the {n} other places its name is written in this text, whose "
                         f"running years lie in that reign ("
                         + (f"{where}, {_years(years)}, lies in no reign of the name)"
                            if years else "it has no year of its own)"))
        if chosen is not None:
            name = index.canonical[chosen.ruler_id]
            if guessed:
                warnings.append(WarningRow(
                    e.doc_id, e.start, e.end, "RULER_READING_GUESSED",
                    f"{e.text!r} read as {name} (r. {_reign(chosen)}) from {basis}; "
                    f"no dynasty is named beside it ({len(options)} rulers bear the name)"))
            out.append(e if name == e.canonical else dataclasses.replace(e, canonical=name))
            continue
        bare = _bare(e.text, reader.titles)
        kept = [index.canonical[r.ruler_id] for r in options]
        warnings.append(WarningRow(
            e.doc_id, e.start, e.end, "RULER_AMBIGUOUS",
            f"{e.text!r} names one of {len(options)} rulers ({', '.join(kept[:4])}"
            f"{' ...' if len(kept) > 4 else ''}); neither the date nor the names around it "
            f"choose one; canonical left as {bare!r}"))
        out.append(e if e.canonical == bare else dataclasses.replace(e, canonical=bare))
    return out, warnings


def _mention_years(e: EntityRow, text: str, dates: Sequence[DateRow],
                   date_starts: Sequence[int], sentence_starts: Sequence[int],
                   year_at: Callable[[int], int | None]) -> tuple[list[int], str]:
    """(years, where): the sorted years of the dates of ``e``'s sentence (asides aside), else
    the running year at ``e``, else none; ``where`` names which for a warning."""
    s_lo, s_hi = _sentence(sentence_starts, e.start, len(text))
    lo, hi = bisect.bisect_left(date_starts, s_lo), bisect.bisect_left(date_starts, s_hi)
    years = sorted({d.year for d in dates[lo:hi] if d.year is not None and d.kind != "aside"})
    if years:
        return years, "the year of its sentence"
    running = year_at(e.start)
    return ([running] if running is not None else []), "the running year"


def _namesake(e: EntityRow, reader: RulerReader, entities: Sequence[EntityRow], text: str,
              dates: Sequence[DateRow], date_starts: Sequence[int],
              sentence_starts: Sequence[int], year_at: Callable[[int], int | None]) -> str:
    """Why ``e``, a ruler's personal name ("Sima Yi", "Li Yen") given that ruler's canonical
    by the entity stage (not a ``persons.csv`` person), names a namesake and not the ruler:
    :data:`CONTRADICTED` when the years of its sentence, else the running year, all lie more
    than :data:`BEFORE_BIRTH` years before his accession or more than :data:`AFTER_DEATH`
    years after his reign; :data:`UNSUPPORTED` when no year is known and nothing else says it
    is he; "" when it is the ruler. What says so: a dynasty of his named in the sentence
    ("Shi Jingtang founded the Later Jin", also against the years), the same text naming him
    by a title or temple name ("Emperor Wuzong ... Li Yan"), a ruler's title right before
    the name ("the emperor Li Yan") or, without a year, a dynasty of his named in the
    paragraph."""
    if e.canonical in reader.persons:
        return ""
    ids = reader.by_canonical.get(e.canonical, frozenset())
    rulers = [reader.index.by_id[i] for i in ids if i in reader.index.by_id]
    if not rulers or not _personal(e.text, tuple(rulers)):
        return ""
    keys = set().union(*(reader.index.dynasty_keys[r.ruler_id] for r in rulers))
    s_lo, s_hi = _sentence(sentence_starts, e.start, len(text))
    if any(p.label == "POLITY" and s_lo <= p.start < s_hi
           and {era_key(p.canonical), era_key(p.text)} & keys for p in entities):
        return ""
    if any(p.label == "PERSON" and p.canonical == e.canonical and p.text != e.text
           and not _personal(p.text, tuple(rulers)) for p in entities):
        return ""  # "Emperor Wuzong" in the same text
    if _RULER_TITLE.search(text, max(0, e.start - 24), e.start):
        return ""
    lo, hi = bisect.bisect_left(date_starts, s_lo), bisect.bisect_left(date_starts, s_hi)
    years = [d.year for d in dates[lo:hi] if d.year is not None and d.kind != "aside"]
    if not years:
        running = year_at(e.start)
        years = [running] if running is not None else []
    if years:
        first = min(r.reign_start for r in rulers)
        last = max(r.reign_end for r in rulers)
        far = max(years) < first - BEFORE_BIRTH or min(years) > last + AFTER_DEATH
        return CONTRADICTED if far else ""
    p_lo, p_hi = _paragraph(text, e.start, e.end)
    if any(p.label == "POLITY" and p_lo <= p.start < p_hi
           and {era_key(p.canonical), era_key(p.text)} & keys for p in entities):
        return ""
    return UNSUPPORTED


def _own_name(text: str, titles: frozenset[str]) -> str:
    """The canonical of a namesake: the name without titles, in pinyin when it is written in
    Wade–Giles ("Li Yen" -> "Li Yan"; "Sima Yi" stays)."""
    bare = _bare(text, titles)
    if all(is_real_syllable(w) for w in bare.split()):
        return bare  # pinyin ("Liu Bei"), though "Li" and "Bei" are Wade–Giles too
    return wg_name_to_pinyin(bare) or bare


def _personal(text: str, options: tuple[Ruler, ...]) -> bool:
    """True if the mention is the personal name of the rulers ("Li Heng"), not a title."""
    keys = {era_key(text), era_key(wg_name_to_pinyin(text))}
    return any(r.personal and era_key(r.personal) in keys for r in options)


def _bare(text: str, titles: frozenset[str]) -> str:
    """The mention without title words or a possessive ("Emperor Xuanzong's" -> "Xuanzong")."""
    words = [w for w in _WORD.findall(text) if w not in titles and w.capitalize() not in titles
             and w.lower() != "the"]
    return " ".join(words) or text


def _choose(e: EntityRow, options: tuple[Ruler, ...], entities: Sequence[EntityRow],
            text: str, reader: RulerReader, dates: Sequence[DateRow],
            date_starts: Sequence[int], sentence_starts: Sequence[int],
            year_at: Callable[[int], int | None], by_canonical: Mapping[str, frozenset[int]]
            ) -> tuple[Ruler | None, str, bool]:
    """(ruler, basis, guessed) for one mention, or (None, "", False)."""
    index = reader.index
    s_lo, s_hi = _sentence(sentence_starts, e.start, len(text))
    # 1. a personal name beside it
    beside = [p for p in entities if p.label == "PERSON" and p is not e
              and s_lo <= p.start < s_hi]
    ids = {r.ruler_id for r in options}
    named: set[int] = set()
    for p in beside:  # the rulers the other name can be: its canonical, its own options
        theirs = set(by_canonical.get(p.canonical, ())) | \
            {r.ruler_id for r in index.options(_WORD.findall(p.text), reader.titles)} | \
            {r.ruler_id for r in options if r.personal and era_key(r.personal) == era_key(p.text)}
        named |= ids & theirs
    if len(named) == 1:  # "Li Heng was enthroned as Emperor Suzong": Tang Suzong
        rid = named.pop()
        return next(r for r in options if r.ruler_id == rid), "", False
    # the dynasties named in the paragraph, nearest first: the first that fits decides
    p_lo, p_hi = _paragraph(text, e.start, e.end)
    marks = _marks(entities, reader, e, p_lo, p_hi)
    in_paragraph = _first_fitting(options, marks, index)
    # the sentence's own years, else the running year
    years, where = _mention_years(e, text, dates, date_starts, sentence_starts, year_at)
    reigning = [r for r in options if any(_distance(r, y) == 0 for y in years)]
    both = [r for r in reigning if r in in_paragraph]
    if len(both) == 1:
        return both[0], "", False
    if len(in_paragraph) == 1:
        if reigning:  # the date points to another reign: say so
            return in_paragraph[0], (
                f"the dynasty named nearest to it ({in_paragraph[0].dynasty}), although "
                f"{where} ({_years(years)}) falls in the reign of "
                f"{' or '.join(index.canonical[r.ruler_id] for r in reigning)}"), True
        far = min((_distance(in_paragraph[0], y) for y in years), default=0)
        if far > NEAREST_REACH:  # "second only to Renzong" in 1264: Song's or Yuan's?
            return in_paragraph[0], (
                f"the dynasty named nearest to it ({in_paragraph[0].dynasty}), although "
                f"{where} ({_years(years)}) is {far} years from that reign"), True
        return in_paragraph[0], "", False
    if len(reigning) == 1:
        return reigning[0], f"{where} ({_years(years)})", True
    if years and not reigning:
        near = [r for r in options
                if min(_distance(r, y) for y in years) <= NEAREST_REACH]
        earlier = [] if in_paragraph else _first_fitting(near, [
            *_marks(entities, reader, e, 0, e.start),
            *((e.start - d.start, {era_key(d.dynasty)}) for d in dates
              if d.dynasty and d.start < e.start)], index)
        pool = in_paragraph or earlier or list(options)  # "the Emperor Wu Ti" (302) after
        ranked = sorted(pool, key=lambda r: min(_distance(r, y) for y in years))  # dates of
        gap = min(_distance(ranked[0], y) for y in years)  # Jin's eras: Emperor Wu of Jin
        if ranked[0].reign_start - max(years) > BEFORE_REIGN_REACH:
            return None, "", False  # long before his accession: someone else of the name
        if gap <= NEAREST_REACH and (len(ranked) == 1 or gap < min(
                _distance(ranked[1], y) for y in years)):
            among = f" among the rulers of {ranked[0].dynasty}, named earlier in the block " \
                "or in its dates" if earlier else ""
            return ranked[0], (f"the nearest reign to {where} ({_years(years)}, "
                               f"{gap} year{'' if gap == 1 else 's'} away){among}"), True
    return None, "", False


def _marks(entities: Sequence[EntityRow], reader: RulerReader, e: EntityRow, lo: int,
           hi: int) -> list[tuple[int, set[str]]]:
    """(distance to ``e``, dynasty keys) of the POLITY mentions and of the ``persons.csv``
    polities of the PERSON mentions starting in ``lo``..``hi`` (``e`` left out)."""
    marks: list[tuple[int, set[str]]] = []
    for p in entities:
        if p is e or not lo <= p.start < hi:
            continue
        if p.label == "POLITY":
            marks.append((abs(p.start - e.start), {era_key(p.canonical), era_key(p.text)}))
        elif p.label == "PERSON" and p.canonical in reader.person_polity:
            marks.append((abs(p.start - e.start), {era_key(reader.person_polity[p.canonical])}))
    return marks


def _first_fitting(options: Sequence[Ruler], marks: Sequence[tuple[int, set[str]]],
                   index: RulerIndex) -> list[Ruler]:
    """The ``options`` of the nearest mark (dynasty keys) that any of them fits; []."""
    for _, keys in sorted(marks, key=lambda m: m[0]):
        fitting = [r for r in options if index.dynasty_keys[r.ruler_id] & keys]
        if fitting:
            return fitting
    return []


def _years(years: Sequence[int]) -> str:
    return ", ".join(f"{1 - y} BCE" if y <= 0 else str(y) for y in years)


def reader_from_nlp(nlp: object, person_polity: Mapping[str, str]) -> RulerReader | None:
    """The :class:`RulerReader` of the ruler index and title words the gazetteer component of
    ``nlp`` (a spaCy ``Language`` from :func:`pipeline.entities.build_nlp`) was built with;
    None if it has none."""
    from pipeline.entities.tables import COMPONENT

    try:
        tables = nlp.get_pipe(COMPONENT).tables  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        return None
    if tables is None:
        return None
    persons = frozenset(e.canonical for e in tables.gazetteer.entries
                        if e.label == "PERSON" and e.source.startswith("persons.csv"))
    return ruler_reader(tables.rulers, tables.words.titles, person_polity, persons)

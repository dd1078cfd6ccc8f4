"""Rulers out of their period: a ruler reading far from the dates of the text around it.

The person lexicon reads a temple name, a personal name or a "Dynasty + name" form as one
ruler, whatever the text is about: "Murong Shaozong" in a text on 547 gives "Shaozong", the
temple name of the Longwu Emperor (r. 1645–1646); "Liang Ming", a Ming general of 1427, gives
Emperor Ming of Western Liang (r. 562–585); "Emperor Jianwen" beside Xiao Gang (549) gives the
Ming Jianwen Emperor (r. 1398–1402). :func:`refuse_far_rulers` runs after
:func:`pipeline.entities.ruler_dates.reread_rulers` and checks each PERSON row whose canonical
is a ruler of the ruler index (``rulers.csv``, persons of ``persons.csv`` included) against
the year of the last date before it in its sentence (else the years of the sentence, else
the running year):

- a reign that begins more than ``BEFORE_BIRTH`` years after all of them (the ruler was not
  born yet), or
- a reign that ended more than ``AFTER_DEATH`` years before all of them, when the mention has
  no title word ("Emperor", "of") and can be a plain personal name, and no polity of that
  ruler is named in the sentence,

is refused. Another ruler the mention can name (:meth:`RulerIndex.options`) who reigned
within ``NEAREST_REACH`` years of those years replaces it ("Emperor Jianwen" in 549: Emperor
Jianwen of Liang); else the row stays a PERSON with the mention itself as canonical, a
surname or clan name written right before it joined ("Murong Shaozong"). Each refusal gives
a ``RULER_OUT_OF_PERIOD`` warning row. Then a surname read as a dynasty not founded yet ("the
Yuan army" in 200) is made the side of the person of that surname named before it
(:func:`pipeline.entities.surname_sides.surname_sides`, ``SURNAME_NOT_DYNASTY``), and a
polity not founded yet at the mention is refused (:mod:`pipeline.entities.unborn`: "Bohai" in
190 is the commandery, not Balhae; "Song Wei" in 878 is a person), and so is a person read
through an alias before his birth or his polity (:mod:`pipeline.entities.lifetimes`: "Liu He"
in 74 BC is no Liu E of the Jin).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, MutableMapping, Sequence

from pipeline.entities.army_years import refuse_far_armies
from pipeline.entities.dead_names import refuse_garbled_dead
from pipeline.entities.lifetimes import refuse_unborn_persons
from pipeline.entities.near_spellings import link_near_spellings
from pipeline.entities.ruler_dates import (
    AFTER_DEATH,
    BEFORE_BIRTH,
    NEAREST_REACH,
    RulerReader,
    _bare,
    _distance,
    _reign,
    _sentence,
    _years,
)
from pipeline.entities.surname_sides import surname_sides, surname_topics
from pipeline.entities.unborn import refuse_unborn_polities
from pipeline.eras import era_key
from pipeline.records import DateRow, EntityRow, WarningRow

CODE = "RULER_OUT_OF_PERIOD"
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_BEFORE = re.compile(r"([A-Z][a-z]+) $")


def refuse_far_rulers(entities: Sequence[EntityRow], text: str, reader: RulerReader,
                      dates: Sequence[DateRow], sentence_starts: Sequence[int],
                      year_at: Callable[[int], int | None],
                      surnames: frozenset[str] = frozenset(),
                      date_starts: Sequence[int] | None = None,
                      topic_memory: MutableMapping[str, list[tuple[int, str]]] | None = None,
                      ) -> tuple[list[EntityRow], list[WarningRow]]:
    """``entities`` with the ruler readings of the module docstring refused, and one warning
    row per refusal. Arguments as :func:`pipeline.entities.ruler_dates.reread_rulers`
    (offsets into ``text``; ``dates`` sorted by start; years astronomical); ``surnames``:
    surname and clan words that may stand right before a refused name; ``topic_memory``: the
    persons of earlier blocks by surname (:func:`pipeline.entities.surname_sides.
    surname_topics`; updated). New lists."""
    if date_starts is None:
        date_starts = [d.start for d in dates]
    index = reader.index
    out: list[EntityRow] = []
    warnings: list[WarningRow] = []
    taken = {(e.start, e.end) for e in entities}
    for e in entities:
        ids = reader.by_canonical.get(e.canonical, frozenset()) if e.label == "PERSON" else ()
        rulers = [index.by_id[i] for i in ids if i in index.by_id]
        if not rulers or e.text == e.canonical:
            out.append(e)
            continue
        s_lo, s_hi = _sentence(sentence_starts, e.start, len(text))
        lo, hi = bisect.bisect_left(date_starts, s_lo), bisect.bisect_left(date_starts, s_hi)
        dated = [d for d in dates[lo:hi] if d.year is not None and d.kind != "aside"]
        years = [d.year for d in dated if d.start < e.start][-1:] or \
            [d.year for d in dated]  # the nearest date before it, else the sentence's
        if not years:
            running = year_at(e.start)
            years = [running] if running is not None else []
        if not years or not _far(e, rulers, years, entities, reader, s_lo, s_hi):
            out.append(e)
            continue
        words = _WORD.findall(e.text)
        near = sorted((r for r in index.options(words, reader.titles)
                       if r.ruler_id not in ids
                       and min(_distance(r, y) for y in years) <= NEAREST_REACH),
                      key=lambda r: min(_distance(r, y) for y in years))
        old = f"{e.canonical} (r. {_reign(rulers[0])})"
        if near and (len(near) == 1 or min(_distance(near[0], y) for y in years)
                     < min(_distance(near[1], y) for y in years)):
            name = index.canonical[near[0].ruler_id]
            warnings.append(WarningRow(e.doc_id, e.start, e.end, CODE,
                                       f"{e.text!r} read as {name} (r. {_reign(near[0])}), "
                                       f"not {old}: the text is dated {_years(years)}"))
            out.append(dataclasses.replace(e, canonical=name))
            continue
        start = e.start
        before = _BEFORE.search(text, max(0, e.start - 30), e.start)
        if before is not None and before.group(1) in surnames \
                and (before.start(1) == 0 or not text[before.start(1) - 1].isalnum()) \
                and not any(a < e.start and before.start(1) < b for a, b in taken):
            start = before.start(1)  # "Murong Shaozong": the clan name before it
        mention = text[start:e.end]
        bare = mention if _title_misfits(words, rulers) else _bare(mention, reader.titles)
        warnings.append(WarningRow(e.doc_id, start, e.end, CODE,
                                   f"{mention!r} not read as {old}: the text is dated "
                                   f"{_years(years)}; canonical left as {bare!r}"))
        out.append(dataclasses.replace(e, start=start, text=mention, canonical=bare))

    def years_at(offset: int) -> list[int]:
        s_lo, s_hi = _sentence(sentence_starts, offset, len(text))
        brk = text.find("\n\n", offset, s_hi)  # the block's last sentence ends at its paragraph
        s_hi = s_hi if brk < 0 else brk
        lo, hi = bisect.bisect_left(date_starts, s_lo), bisect.bisect_left(date_starts, s_hi)
        found = [d.year for d in dates[lo:hi] if d.year is not None and d.kind != "aside"]
        running = year_at(offset)
        return found or ([running] if running is not None else [])

    out, sides = surname_sides(out, text, years_at)  # "the Yuan army" in 200: Yuan Shao's
    out, topics = surname_topics(out, text, years_at, memory=topic_memory)  # "Wei" in 119 BC
    out, unborn = refuse_unborn_polities(out, text, years_at, surnames)  # "Bohai" in 190
    out, lives = refuse_unborn_persons(out, text, years_at)  # "Liu He" in 74 BC: not Liu E
    out, garbled = refuse_garbled_dead(out, text, years_at)  # "Quan Xiang Yu Wenhu" in 560
    out, near = link_near_spellings(out, years_at)  # "Chen Yongliang" in 1356: Chen Youliang
    out, armies = refuse_far_armies(out, years_at)  # the Eastern Route Army of 1281: not Jin's
    return out, warnings + sides + topics + unborn + lives + garbled + near + armies


def _far(e: EntityRow, rulers: Sequence, years: Sequence[int], entities: Sequence[EntityRow],
         reader: RulerReader, s_lo: int, s_hi: int) -> bool:
    first = min(r.reign_start for r in rulers)
    last = max(r.reign_end for r in rulers)
    if max(years) < first - BEFORE_BIRTH:
        return True  # not born yet
    if min(years) <= last + AFTER_DEATH:
        return False
    words = _WORD.findall(e.text)
    if any(w in reader.titles or w.lower() == "of" for w in words) \
            and not _title_misfits(words, rulers):
        return False  # "Emperor Wu of Han" in a later text: a reference to the past
    polity = reader.person_polity.get(e.canonical, "")
    keys = {era_key(polity)} | set().union(
        *(reader.index.dynasty_keys.get(r.ruler_id, set()) for r in rulers))
    keys.discard("")
    return not any(p.label == "POLITY" and s_lo <= p.start < s_hi and p is not e
                   and {era_key(p.canonical), era_key(p.text)} & keys for p in entities)


#: title words of a woman: they name a reign only of a ruler whose Chinese title or name is
#: a woman's (皇后, 太后, Wu Zhao's 瞾)
_FEMALE_TITLES = frozenset({"Empress", "Queen", "Dowager", "Consort"})
_FEMALE_ZH = ("后", "瞾")


def _title_misfits(words: Sequence[str], rulers: Sequence) -> bool:
    """True when the mention's title is a woman's (``_FEMALE_TITLES``) and no reign of the
    reading is a woman's: "Empress Chia" (Jia Nanfeng, in a text of 300) is no reference to
    King Jia of Wei (r. -226 to -224), so the title does not excuse the far reign."""
    return any(w in _FEMALE_TITLES for w in words) \
        and not any(any(c in r.name_zh for c in _FEMALE_ZH) for r in rulers)

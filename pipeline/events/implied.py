"""The implied agent of an agentless state act: "He was appointed governor of X" → the emperor.

Appointments, promotions, dismissals, exiles, imprisonments, releases, decrees are acts of
the state: when the sentence names no agent (an agentless passive, "was appointed"; a noun
with no "by" phrase, "the appointment of X"), the agent is the reigning ruler, else the state.
Which event types this holds for is data: the ``implied_agent`` column of
``gazetteer/event_types.csv`` (``ruler``: the reigning ruler, else the patient's polity;
``polity``: the patient's polity; empty: nothing is implied).

:func:`implied_actor` fills ``actor1`` of such a row, when it is still empty after the parse
and the anaphora stage, with (first that applies):

1. the ruler of the era of the event's own date (``DateRow.era_zh`` and ``dynasty`` →
   ``eras.csv`` → the reign of ``rulers.csv`` holding that era and the year);
2. the one ruler of the patient's polity reigning in the event's year (``rulers.csv`` reign
   years; a polity is matched to a dynasty by the dynasty's aliases and parents,
   :class:`pipeline.entities.rulers.RulerIndex.dynasty_keys`); none in a year two reigns
   share;
3. the ruler of the running era: the latest era date before the event whose ruler reigned in
   the event's year;
4. (no ruler found, or ``implied_agent=polity``) the patient's polity, if it existed that
   year: a polity the reign tables know none of whose reigns covers the event's year is no
   agent (the row stays blank, as for a bare title in :func:`titled_ruler`).

When the patient's polity is known, a ruler of another polity is never chosen (a Jin general
appointed in a year the text dates by a Song era is appointed by the Jin emperor). A ruler who
is the patient himself ("the emperor was deposed") or a polity that is the patient itself is
never its agent: the row stays as it was. The filled row has ``actor1_source="implied"`` and
``certainty="low"``: the text does not say who acted. Ruler names are the canonical names
the entity stage gives rulers (a ``persons.csv`` row, else ``rulers.csv`` ``canonical``);
their polity from ``person_polity``, else the reign's dynasty. Data: sanmiao's era and ruler
tables (MIT; DILA/DDBC Time Authority, CC BY-SA 3.0) as ``gazetteer/eras.csv`` and
``rulers.csv``.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.eras import era_key, load_eras
from pipeline.events.roles import Frame
from pipeline.records import DateRow, EntityRow, EventRow
from pipeline.resources import active_gazetteer_dir
from pipeline.rulers import Ruler, load_ruler_table

#: Values of the ``implied_agent`` column of ``event_types.csv`` ("" = none).
IMPLIED_AGENTS = frozenset({"ruler", "polity"})
#: The ``actor1_source`` of a filled row.
SOURCE = "implied"
#: Years a bare "the emperor" may lie outside its antecedent's reign before it is not him
#: (an accession year, a reign counted from the next new year).
_REIGN_SLACK = 1
#: How many dates back the running era is looked for.
_RUNNING_LOOKBACK = 200


@dataclass(frozen=True)
class ImpliedTables:
    """Reigns for naming an implied ruler.

    ``era_rulers``: (era in characters, dynasty) → the reigns holding that era (``eras.csv``
    via ``rulers.csv`` ``era_ids``); ``reigns``: every reign with the era_keys of its
    dynasty's aliases and parents; ``names``: ruler_id → canonical name."""

    era_rulers: Mapping[tuple[str, str], tuple[Ruler, ...]]
    reigns: tuple[tuple[Ruler, frozenset[str]], ...]
    names: Mapping[int, str]

    def era_ruler(self, era_zh: str, dynasty: str, year: int | None) -> Ruler | None:
        """The reign of era ``era_zh`` of ``dynasty`` in CE year ``year`` (None: the era's
        one reign), or None (unknown era, or two reigns and no year to choose)."""
        rulers = self.era_rulers.get((era_zh, dynasty), ())
        if year is not None and len(rulers) > 1:
            rulers = tuple(r for r in rulers if r.reign_start <= year <= r.reign_end)
        return rulers[0] if len(rulers) == 1 else None

    def polity_ruler(self, polity: str, year: int) -> Ruler | None:
        """The one reign of a dynasty named ``polity`` covering CE year ``year``, or None
        (none, or several: an accession year, or two dynasties of one name)."""
        key = era_key(polity)
        found = [r for r, keys in self.reigns if key in keys
                 and r.reign_start <= year <= r.reign_end]
        return found[0] if len(found) == 1 else None

    def out_of_reigns(self, polity: str, year: int) -> bool:
        """True when ``polity`` names a dynasty of the reign tables none of whose reigns covers
        CE year ``year`` ("Ming" in 1813); False for a polity the tables do not know."""
        key = era_key(polity)
        spans = [(r.reign_start, r.reign_end) for r, keys in self.reigns if key in keys]
        return bool(spans) and not any(lo <= year <= hi for lo, hi in spans)

    def knows(self, polity: str) -> bool:
        """True when ``polity`` names a dynasty of the reign tables (any year)."""
        key = era_key(polity)
        return any(key in keys for _, keys in self.reigns)

    def of_polity(self, ruler: Ruler, polity: str) -> bool:
        """True when ``ruler``'s dynasty (or a parent of it) is named ``polity``."""
        key = era_key(polity)
        return any(key in keys for r, keys in self.reigns if r.ruler_id == ruler.ruler_id)


def load_implied_tables(directory: Path | None = None) -> ImpliedTables:
    """The tables of ``directory`` (None: the active gazetteer); cached per folder. Empty
    tables (no ruler is ever implied, only polities) when ``rulers.csv`` or ``eras.csv`` is
    missing; raises nothing else than the loaders' errors for a malformed file."""
    return _load(directory or active_gazetteer_dir())


@lru_cache(maxsize=4)
def _load(directory: Path) -> ImpliedTables:
    from pipeline.entities.rulers import gazetteer_ruler_index  # noqa: PLC0415 (entities → events)
    from pipeline.gazetteer import load_gazetteer  # noqa: PLC0415

    if not ((directory / "rulers.csv").is_file() and (directory / "eras.csv").is_file()):
        return ImpliedTables({}, (), {})
    index = gazetteer_ruler_index(load_gazetteer(directory))  # the entity stage's names
    if index is None:
        return ImpliedTables({}, (), {})
    by_era: dict[int, list[Ruler]] = {}
    for ruler in index.by_id.values():
        for era_id in ruler.era_ids:
            by_era.setdefault(era_id, []).append(ruler)
    era_rulers: dict[tuple[str, str], list[Ruler]] = {}
    for era in load_eras(directory):
        for ruler in by_era.get(era.era_id, ()):
            lst = era_rulers.setdefault((era.name_zh, era.dynasty), [])
            if ruler not in lst:
                lst.append(ruler)
    return ImpliedTables(
        {k: tuple(v) for k, v in era_rulers.items()},
        tuple((r, index.dynasty_keys.get(r.ruler_id, frozenset()))
              for r in index.by_id.values()),
        dict(index.canonical))


def implied_actor(row: EventRow, kind: str, date: DateRow | None, dates: Sequence[DateRow],
                  date_starts: Sequence[int], person_polity: Mapping[str, str],
                  tables: ImpliedTables | None = None, text_polity: str = "") -> EventRow:
    """``row`` with ``actor1`` filled by the implied agent (see the module doc), or ``row``
    unchanged when actor1 is already set, ``kind`` (the rule's ``implied_agent``) is empty
    or no agent can be named. When the patient's polity is unknown, ``text_polity`` (the
    state the text is about: :meth:`pipeline.events.salience.Salience.text_polity`) stands
    in for it in steps 2 and 4 (``actor1_source=implied`` all the same). ``date``: the
    date the row was dated by (None: undated);
    ``dates``: the document's dates sorted by ``start`` (full-text offsets),
    ``date_starts`` their starts; ``person_polity``: canonical → polity (for the ruler's
    ``actor1_polity``). ``tables``: default :func:`load_implied_tables`. Raises nothing."""
    if row.actor1 or kind not in IMPLIED_AGENTS:
        return row
    polity = row.actor2_polity
    ruler = None
    if kind == "ruler" and row.year is not None:
        tables = tables or load_implied_tables()
        ruler = _reigning(tables, row.year, polity, date, dates, date_starts, row.start)
    if ruler is None and not polity:
        polity = text_polity  # the state the text is about
        if polity and kind == "ruler" and row.year is not None and tables is not None:
            ruler = tables.polity_ruler(polity, row.year)
    if ruler is None and polity and row.year is not None:
        tables = tables or load_implied_tables()
        if tables.out_of_reigns(polity, row.year):
            return row  # no such state that year: "Western Xia" (1038-1227) for an
            # imprisonment of 692 in a text that later turns to the Tanguts
    if ruler is not None:
        name = tables.names.get(ruler.ruler_id, "") if tables is not None else ""
        if name and name != row.actor2:
            return _filled(row, name, person_polity.get(name) or polity or ruler.dynasty)
        return row
    if polity and polity != row.actor2:
        return _filled(row, polity, polity)
    return row


def sentence_ruler(row: EventRow, named: Sequence[EntityRow], before: str, before_at: int,
                   person_polity: Mapping[str, str], tables: ImpliedTables | None = None
                   ) -> EventRow:
    """``row`` (an agentless state act, as for :func:`implied_actor`) with actor1 set to the
    ruler its own sentence names before the trigger ("The Hongxi emperor ordered the voyages
    stopped, Zheng He was appointed defender of Nanjing": the Hongxi emperor, not the ruler of
    the era the running date names), ``actor1_source=implied``, ``certainty=low``: the
    sentence's ruler is the state acting, the text does not say he appointed. ``named``: the
    PERSON entities of the sentence before the trigger (the caller leaves out those reported
    dead); ``before``: the sentence's text before the trigger, where a ruler's canonical name
    no entity covers is looked for as words, case aside ("the Hongxi emperor"; ``before_at``:
    its full-text offset, as the entities'). The last
    ruler named (:attr:`ImpliedTables.names`) who reigned in the row's year is chosen; ``row``
    unchanged when actor1 is set, the year is unknown, none fits or he is actor2. Raises
    nothing."""
    if row.actor1 or row.year is None:
        return row
    tables = tables or load_implied_tables()
    year = row.year
    reigning = {tables.names.get(r.ruler_id, "") for r, _ in tables.reigns
                if r.reign_start <= year <= r.reign_end} - {"", row.actor2}
    if not reigning:
        return row
    found = [(e.start, e.canonical) for e in named
             if e.label == "PERSON" and e.canonical in reigning]
    low = before.lower()
    for name in reigning:
        at = _word_at(low, name.lower())
        if at >= 0:
            found.append((before_at + at, name))
    if not found:
        return row
    name = max(found)[1]
    return _filled(row, name, person_polity.get(name, "") or row.actor2_polity)


def _word_at(text: str, words: str) -> int:
    """The last offset of ``words`` in ``text`` as whole words, or -1."""
    at = text.rfind(words)
    while at >= 0:
        end = at + len(words)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text)
                                                         or not text[end].isalnum()):
            return at
        at = text.rfind(words, 0, at)
    return -1


def _reigning(tables: ImpliedTables, year: int, polity: str, date: DateRow | None,
              dates: Sequence[DateRow], date_starts: Sequence[int], at: int) -> Ruler | None:
    def fits(ruler: Ruler | None) -> bool:
        return ruler is not None and ruler.reign_start <= year <= ruler.reign_end and (
            not polity or tables.of_polity(ruler, polity))

    if date is not None and date.era_zh and date.dynasty:
        own = tables.era_ruler(date.era_zh, date.dynasty, date.year)
        if fits(own):
            return own
    if polity:
        ruler = tables.polity_ruler(polity, year)
        if ruler is not None:
            return ruler
    before = bisect.bisect_left(date_starts, at)
    for earlier in reversed(dates[max(0, before - _RUNNING_LOOKBACK):before]):
        if earlier.era_zh and earlier.dynasty:
            running = tables.era_ruler(earlier.era_zh, earlier.dynasty, earlier.year)
            if fits(running):
                return running
    return None


def titled_ruler(row: EventRow, date: DateRow | None, dates: Sequence[DateRow],
                 date_starts: Sequence[int], text_polity: str = "",
                 tables: ImpliedTables | None = None) -> EventRow:
    """``row`` whose agent is a bare ruler title ("In 1069 the emperor appointed X") that
    names no ruler of the text, with actor1 set to the ruler reigning at the event's date: the
    ruler of the era of its own date, else the one ruler of ``text_polity`` (the state the text
    is about) reigning in its year, else the ruler of the running era (as for an implied
    agent, :func:`implied_actor` steps 1-3, within ``text_polity`` when it is given and had a
    ruler of the reign tables that year; never the patient's polity: "the emperor attacked
    the Jin" is no Jin ruler);
    ``actor1_source=pronoun``, ``certainty=low``. ``row`` unchanged when actor1 is set, the
    year is unknown, no ruler is found or the ruler is actor2. Raises nothing."""
    if row.actor1 or row.year is None:
        return row
    tables = tables or load_implied_tables()
    if text_polity and (tables.out_of_reigns(text_polity, row.year)
                        or not tables.knows(text_polity)):
        text_polity = ""  # the text's state had no ruler of the reign tables that year: "the
        # true lord of the Ming" in a page on 1813 (the tables know the Ming, 1368-1644); a
        # page mostly about the Xiongnu, whose rulers the tables do not hold, still has the
        # Han emperor of its era date for "the Emperor passed away"
    ruler = _reigning(tables, row.year, text_polity, date, dates, date_starts, row.start)
    name = tables.names.get(ruler.ruler_id, "") if ruler is not None else ""
    if not name or name == row.actor2 or ruler is None:
        return row
    return dataclasses.replace(row, actor1=name, actor1_polity=text_polity or ruler.dynasty,
                               actor1_source="pronoun", certainty="low")


def _filled(row: EventRow, actor: str, polity: str) -> EventRow:
    return dataclasses.replace(row, actor1=actor, actor1_polity=polity, actor1_source=SOURCE,
                               certainty="low")


#: Event types that end the actor's reign: its actor reigns before the event's year.
_REIGN_ENDING = frozenset({"abdication"})


def unbegun_reign(row: EventRow, tables: ImpliedTables | None = None) -> EventRow:
    """``row`` with actor1 blank (and its polity and source) when it ends its actor's reign
    (:data:`_REIGN_ENDING`: an abdication), actor1 was not named by the text itself (a title
    or pronoun resolved, a guess) and is a ruler of ``rulers.csv`` every reign of whom begins
    in the event's year or later and ends after it ("Mao returned ..., the little emperor
    abdicated, Mao proclaimed himself emperor" in 960, "the little emperor" read as Song
    Taizu, enthroned in 960: his predecessor gave up the throne). Else ``row`` itself."""
    if row.event_type not in _REIGN_ENDING or row.year is None or not row.actor1 \
            or row.actor1_source in ("named", "polity"):
        return row
    tables = tables or load_implied_tables()
    ids = {r.ruler_id for r, _ in tables.reigns if tables.names.get(r.ruler_id) == row.actor1}
    reigns = [r for r in load_ruler_table().rulers if r.ruler_id in ids]
    if not reigns or not all(row.year <= r.reign_start < r.reign_end for r in reigns):
        return row
    return dataclasses.replace(row, actor1="", actor1_polity="", actor1_source="")


def reigning_title(row: EventRow, date: DateRow | None, dates: Sequence[DateRow],
                   date_starts: Sequence[int], tables: ImpliedTables | None = None
                   ) -> EventRow:
    """``row`` whose actor1 was read from a bare ruler title ("the emperor", resolved by
    the anaphora stage to the last ruler named) with actor1 set to the ruler reigning at the
    event's date instead, when that is another ruler of the same polity and either the named
    one did not reign in the event's year or the era of the event's own date is the other's
    (a title line "Emperor Xuanzong and Emperor Suzong", then "The emperor beheaded X" in
    Tianbao 14 = 755: Xuanzong, not Suzong, enthroned in 756). The reigning ruler is found as
    for an implied agent (:func:`implied_actor`, steps 1-3, within actor1's polity). ``row``
    is returned with actor1 blank for a reign-ending event (:func:`unbegun_reign`), and
    unchanged when its year is unknown, actor1 is no ruler of ``rulers.csv`` or
    no single other ruler is found; with actor1 blank (and its polity and source) when no
    other ruler is found and the year lies more than :data:`_REIGN_SLACK` years outside
    every reign of the named one ("the emperor" in 1127 after "Kublai Khan", 1260-1294: a
    blank is better than a ruler who was not on the throne). Arguments as
    :func:`implied_actor`. Raises nothing."""
    if row.year is None or not row.actor1:
        return row
    tables = tables or load_implied_tables()
    ids = {r.ruler_id for r, _ in tables.reigns if tables.names.get(r.ruler_id) == row.actor1}
    if not ids:
        return row
    named = [r for r in load_ruler_table().rulers if r.ruler_id in ids]  # every reign of
    # the ruler: one who reigned twice (Ming Yingzong, 1435-1449 and 1457-1464) has two rows
    blank = unbegun_reign(row, tables)
    if blank is not row:
        return blank
    polity = row.actor1_polity
    new = _reigning(tables, row.year, polity, date, dates, date_starts, row.start)
    if new is None and not any(r.reign_start - _REIGN_SLACK <= row.year
                               <= r.reign_end + _REIGN_SLACK for r in named):
        # "the emperor" in 1127 read as Kublai (1260-1294), no ruler of his found for 1127:
        # not him, and no one else is known
        return dataclasses.replace(row, actor1="", actor1_polity="", actor1_source="")
    if new is None or new.ruler_id in ids:
        return row
    own_era = date is not None and bool(date.era_zh and date.dynasty) and tables.era_ruler(
        date.era_zh, date.dynasty, date.year) == new
    if not own_era and any(r.reign_start <= row.year <= r.reign_end for r in named):
        return row
    name = tables.names.get(new.ruler_id, "")
    return dataclasses.replace(row, actor1=name) if name else row



#: Event types whose actor1 is the one the event makes what it names, not the one who acts:
#: an enthronement's actor1 is the one enthroned, even when "supported by Y as emperor" (the
#: annotation convention of ``bench/gold/README.md``).
UNDERGOER_TYPES = frozenset({"enthronement"})


def undergoer_frame(frame: Frame, event_type: str) -> Frame:
    """``frame`` with its agent and patient exchanged when ``event_type`` is one of
    :data:`UNDERGOER_TYPES` and the frame has a patient (a transitive form: "Zhao Yun was
    supported by Shi Miyuan as emperor", "the Jin set up Li Heng as emperor": actor1 Zhao Yun
    / Li Heng; the installer becomes the patient), read as active (the one enthroned is the
    subject the paragraph goes on with); else ``frame`` unchanged. Call it after the trigger
    rule is chosen (the rule's ``as emperor`` object words are read from the patient).
    Raises nothing."""
    if event_type not in UNDERGOER_TYPES or frame.patient is None:
        return frame
    return dataclasses.replace(frame, agent=frame.patient, patient=frame.agent, passive=False)

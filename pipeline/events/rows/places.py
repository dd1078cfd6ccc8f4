"""The place columns of event rows: what an event's place waits for and how it is filled.

:class:`PlaceQuery` is what :func:`~pipeline.events.rows.build.build_event` leaves for the
document's :class:`~pipeline.places.PlaceLookup`; :func:`resolve_event_places` fills the place,
modern name, coordinates, precision and ``geo_precision`` columns from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.copying import replace
from pipeline.events.actors import Actor, ActorFinder
from pipeline.events.lexicon import TriggerRule
from pipeline.events.roles import _DESTINATION, _LOCATION, Frame
from pipeline.events.syntax import pobj, prep_objects
from pipeline.places import PlaceLookup
from pipeline.records import EntityRow, EventRow

_NEAR_PREPS = frozenset({"near", "outside", "around", "off", "beyond", "along", "across"})
_REGION_PRECISION = frozenset({"province", "region", "country", "continent"})


@dataclass(frozen=True)
class PlaceQuery:
    """What an event's place columns wait for: the document's :class:`PlaceLookup`.

    ``name``: canonical name of the PLACE entity chosen ("" if none); ``written``: a
    "Battle of X" name as written when no PLACE entity is in it (it is the place if the
    lookup knows it, e.g. from a gloss anywhere in the document); ``prep``: the preposition
    before the place ("near" ...), for ``geo_precision``."""

    name: str = ""
    written: str = ""
    prep: str = ""
    #: an untagged proper name in a place slot ("went back to Guangwu") or the object of a
    #: ``hostile`` verb ("attacked Canhe"), as written: the place when ``name`` is "" and the
    #: document's places.csv locates it (:meth:`PlaceLookup.add_rows`)
    mention: str = ""
    #: ``mention`` is the row's actor2 (``parse``): a located place is no side, so it leaves
    #: actor2 when it becomes the place
    mention_is_actor2: bool = False


#: An event row whose place columns are still empty, and what fills them.
PendingEvent = tuple[EventRow, PlaceQuery]


def resolve_event_places(pending: Sequence[PendingEvent], lookup: PlaceLookup) -> list[EventRow]:
    """The rows of ``pending`` with their place columns (place, modern name, coordinates,
    precision, ``geo_precision``) from the document's ``lookup``; an event mapped at its place
    row's point takes that row's certainty when lower (:func:`capped_certainty`)."""
    out = []
    for row, query in pending:
        name = query.name
        if query.written and lookup.get(query.written, written=True):
            name = query.written
        if not name and _located(lookup, query.mention):
            name = query.mention
            if query.mention_is_actor2 and row.actor2 == query.mention:
                row = replace(row, actor2="", actor2_polity="", actor2_source="")
        info = lookup.get(name, written=bool(query.written)) if name else None
        out.append(replace(
            row, certainty=capped_certainty(row.certainty, lookup.row_certainty(name, info)),
            place=name, place_modern=info[0] if info else "",
            latitude=info[1] if info else None, longitude=info[2] if info else None,
            place_precision=info[3] if info else "",
            geo_precision=_geo_precision(query.prep, info[3])
            if name and info and info[1] is not None else None))
    return out


_RANK = {"low": 0, "medium": 1, "high": 2}


def capped_certainty(event: str, place: str) -> str:
    """An event's certainty no higher than its place row's (``place``: "" = no cap): an event
    mapped at a point places.csv calls a guess is no surer than that point ("high", "low" ->
    "low"). Unknown values are kept."""
    if event in _RANK and place in _RANK and _RANK[place] < _RANK[event]:
        return place
    return event


def _hanging_places(frame: Frame) -> tuple[Token, ...]:
    """Objects of place prepositions the frame misses because the parse hangs them one step
    off the trigger: on an adverb of it ("went back to Guangwu") or inside its own object
    noun that is no patient ("ascended the throne of emperor in Dingtao")."""
    out: list[Token] = []
    for child in frame.head.children:
        if child.dep_ == "advmod":
            out += prep_objects(child, _LOCATION | _DESTINATION)
        elif (child.dep_ == "dobj" and frame.patient is None and child.tag_ in ("NN", "NNS")):
            for tok in child.subtree:
                if tok.dep_ == "prep" and tok.lower_ in _LOCATION:
                    obj = pobj(tok)
                    if obj is not None:
                        out.append(obj)
    return tuple(out)


def _located(lookup: PlaceLookup, name: str) -> bool:
    """Whether the document's place rows (places.csv) give ``name`` coordinates."""
    row = lookup.located.get(name) if name else None
    return row is not None and row[1] is not None


def place_query(finder: ActorFinder, frame: Frame, rule: TriggerRule,
                actor2: Actor | None) -> PlaceQuery:
    """The place query of an event :func:`event_place` found no place for: a PLACE entity
    the parse hangs one step off the trigger ("ascended the throne of emperor in Dingtao",
    "went back to Guangwu"), else an untagged proper name (``mention``) in a place argument,
    in such a hanging phrase, the ``parse`` actor2 of a ``hostile`` verb ("attacked Canhe",
    "raided Youbeiping": the object of an attack is where it happened; actor2 is a person or
    a side), the destination, else the origin ("near"). An untagged name counts only if
    places.csv locates it (:func:`resolve_event_places`). Not told to the salience tracker
    (the place of :func:`event_place` is): who holds a city is read from sure places only."""
    hanging = _hanging_places(frame)
    place, prep = _first_place(finder, hanging)
    if place is not None:
        return PlaceQuery(place.canonical, "", prep)
    mention, prep, of_actor2 = _place_mention(finder, frame, rule, actor2, hanging)
    return PlaceQuery("", "", prep, mention, of_actor2)


def _place_mention(finder: ActorFinder, frame: Frame, rule: TriggerRule, actor2: Actor | None,
                   hanging: tuple[Token, ...]) -> tuple[str, str, bool]:
    """(name as written, preposition, from actor2) for :func:`place_query`."""
    for tok in (*frame.places, *hanging):
        guess = finder.proper_noun(tok)  # type: ignore[arg-type]
        if guess is not None:
            prep = tok.head.lower_ if tok.dep_ == "pobj" else ""  # type: ignore[attr-defined]
            return guess.entity.canonical, prep, False
    if rule.hostile and actor2 is not None and actor2.source == "parse" \
            and actor2.entity.label == "PERSON":
        return actor2.entity.canonical, "", True
    for toks, prep in ((frame.destinations, ""), (frame.origins, "near")):
        for tok in toks:
            guess = finder.proper_noun(tok)  # type: ignore[arg-type]
            if guess is not None:
                return guess.entity.canonical, prep, False
    return "", "", False


def _first_place(finder: ActorFinder, toks: Sequence[Token]) -> tuple[EntityRow | None, str]:
    for tok in toks:
        place = finder.place(tok)  # type: ignore[arg-type]
        if place is not None:
            prep = tok.head.lower_ if tok.dep_ == "pobj" else ""  # type: ignore[attr-defined]
            return place, prep
    return None, ""


def _geo_precision(prep: str, precision: str) -> int | None:
    if precision in _REGION_PRECISION:
        return 3
    if prep in _NEAR_PREPS or precision in ("near", "river"):
        return 2
    return 1


def event_place(finder: ActorFinder, frame: Frame, rule: TriggerRule, actor1: Actor | None,
                actor2: Actor | None, patient_place: EntityRow | None
                ) -> tuple[EntityRow | None, str, str, str]:
    """(place, preposition, origin, destination) of an event: the first place argument, else
    the patient when it is a place and no actor ("captured Taiyuan"), else actor1 when it is
    a place ("Luoyang surrendered": there), else the destination or origin ("near" the
    origin); origin and destination: canonical names of the from/to arguments ("" if none)."""
    place, prep = _first_place(finder, frame.places)
    if place is None and patient_place is not None and (actor2 is None
                                                        or rule.object_label == "PLACE"):
        place, prep = patient_place, ""
    if place is None and actor1 is not None and actor1.source == "place":
        place = actor1.entity  # "Luoyang surrendered": there
    origin_ent, _ = _first_place(finder, frame.origins)
    dest_ent, _ = _first_place(finder, frame.destinations)
    if place is None:
        place = dest_ent or origin_ent
        prep = "near" if place is not None and place is origin_ent else ""
    return (place, prep, origin_ent.canonical if origin_ent else "",
            dest_ent.canonical if dest_ent else "")

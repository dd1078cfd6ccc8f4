"""Hostile events of the paragraph for :class:`~pipeline.events.salience.Salience`: who
attacked whom and where, for the agent of an agentless hostile event (:meth:`attacker`) and the
other side of a defeat (:meth:`opponent`). Offsets are full-text ``str`` indices."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.events.actors import AGENT_LABELS, Actor, same_side
from pipeline.records import EntityRow

#: How far (characters) the agent of a hostile event with no patient carries to a later
#: agentless one: the same or the next sentence ("Zheng He attacked first, more than 5,000
#: pirates were killed, ten ships were burned"; "The Japanese attacked; the prisoners were
#: put to death"), not a paragraph later.
LONE_REACH = 250


#: Event types that are acts of power over a person or the court (a deposition, an edict
#: revoked, an appointment, a banishment, an execution): whoever just did one is the agent of
#: an agentless execution right after ("the Empress Dowager deposed the Emperor, revoked his
#: edicts and condemned the young reformers to death. Six of them were beheaded").
STATE_ACTS = frozenset({"coup", "abolition", "decree", "appointment", "dismissal", "exile",
                        "imprisonment", "execution", "reform"})
#: Agentless event types that take the agent of the state act just before (:data:`STATE_ACTS`).
STATE_FOLLOWERS = frozenset({"execution"})
#: Actor sources that are guesses: a guessed agent is not carried on to another event.
GUESSED = frozenset({"side", "implied", "nearest", "parse"})


class HostileSides:
    """The sides of the paragraph's hostile events (a mixin of
    :class:`~pipeline.events.salience.Salience`, which gives :meth:`alive`)."""

    def _start_sides(self, earlier: HostileSides | None) -> None:
        """Empty lists for a new paragraph; the places' last agents carried from ``earlier``."""
        self.attackers: list[Actor] = []  # actor1s of the paragraph's hostile events, in order
        # (offset, lone) of each of :attr:`attackers`: where it acted, and whether the event
        # had no patient ("Zheng He attacked first"), which carries only :data:`LONE_REACH`
        self.acts: list[tuple[int, bool]] = []
        # full-text offsets of the paragraph's asserted hostile events, named agent or not,
        # and the previous paragraph's last (a battle noun after them refers back to them
        # "After the victory ..." opening a paragraph: :mod:`pipeline.events.referring`)
        self.fights: list[int] = earlier.fights[-1:] if earlier else []
        # (offset, agent) of the paragraph's acts of power (:data:`STATE_ACTS`), in order
        self.state_acts: list[tuple[int, Actor]] = []
        # (actor1, actor2) of the paragraph's hostile events with both sides, in order
        self.pairs: list[tuple[Actor, Actor]] = []
        # the agents (None: unnamed) of the paragraph's hostile events at or against a place
        # or a side (not a person), in order
        self.place_agents: list[Actor | None] = []
        # place canonical -> the last agent of a hostile event at it, over the whole document
        self.at_place: dict[str, Actor] = dict(earlier.at_place) if earlier else {}

    def alive(self, entity: EntityRow, since: int | None = None) -> bool:
        raise NotImplementedError  # :meth:`pipeline.events.salience.Salience.alive`

    def acted(self, actor: Actor, place: str = "", at: int = -1, lone: bool = False) -> None:
        """Record ``actor`` as the agent of a hostile event (attack, siege, defeat ...) whose
        place or target is the place ``place`` (a canonical name, "" if none), at full-text
        offset ``at`` (-1: unknown); ``lone``: the event names no patient ("Zheng He attacked
        first"): it names the agent of later agentless events only within
        :data:`LONE_REACH` characters."""
        self.attackers.append(actor)
        self.acts.append((at, lone))
        if place:
            self.at_place[place] = actor

    def fought(self, at: int) -> None:
        """Record an asserted hostile event at full-text offset ``at`` (any agent or none)."""
        self.fights.append(at)

    def hit_place(self, actor: Actor | None) -> None:
        """Record the agent (None: the text names none) of a hostile event at a place or
        against a place or a side (not a person)."""
        self.place_agents.append(actor)

    def ruled(self, actor: Actor, at: int) -> None:
        """Record ``actor`` as the agent of an act of power (:data:`STATE_ACTS`) at full-text
        offset ``at``; a guessed agent (:data:`GUESSED`) is not recorded."""
        if actor.source not in GUESSED:
            self.state_acts.append((at, actor))

    def ruler_before(self, at: int, patient: Actor | None) -> Actor | None:
        """The agent of the latest act of power within :data:`LONE_REACH` characters before
        full-text offset ``at`` (the same or the previous sentence), for an agentless act of
        :data:`STATE_FOLLOWERS` ("... condemned the young reformers to death. Six of them were
        beheaded": the one who condemned them), with ``source="implied"`` (a guess: the text
        does not say who beheaded them); not ``patient`` nor one reported dead; else None."""
        for when, actor in reversed(self.state_acts):
            if at - when > LONE_REACH:
                return None
            if when < at and (patient is None or actor.entity.canonical
                              != patient.entity.canonical) and self.alive(actor.entity):
                return Actor(actor.entity, "implied")
        return None

    def opposed(self, actor1: Actor, actor2: Actor) -> None:
        """Record the two sides of a hostile event ("X fought the Arabs")."""
        self.pairs.append((actor1, actor2))

    def opponent(self, patient: Actor | None) -> Actor | None:
        """The other side of the paragraph's latest hostile event that had ``patient`` as one
        side ("Gao Xianzhi fought the Arabs at Talas and was defeated": the Arabs), with
        ``source="side"`` (a guess); None if ``patient`` was no side of one."""
        if patient is None:
            return None
        name = patient.entity.canonical
        for one, other in reversed(self.pairs):
            for me, them in ((one, other), (other, one)):
                if me.entity.canonical == name and them.entity.canonical != name \
                        and self.alive(them.entity):
                    return Actor(them.entity, "side")
        return None

    def attacker(self, patient: Actor | None, polity_of: Callable[[EntityRow], str],
                 place: str = "", at: int = -1, not_at: int = -1,
                 unnamed_place: bool = False) -> Actor | None:
        """The agent of an agentless hostile event ("the emperor was captured", "the generals
        were killed", "the city endured relentless encirclement"), with ``source="side"`` (a
        guess: the campaign the text narrates goes on). For a place patient (``place``, a
        canonical name: "Bianjing fell"): the agent of the document's latest hostile event at
        or against that place. Otherwise: the agent of the paragraph's latest hostile event
        that names a person, army or state, is not the patient nor of the patient's side
        (``polity_of``: an entity's side, "" if unknown; :func:`same_side`); an event with
        no patient counts only within :data:`LONE_REACH` characters before ``at`` (the
        event's offset; -1: never); never the agent of the event at ``not_at`` (the verb
        whose object the trigger is: "Zhang Shun broke through the blockade" does not make him
        the blockader). For an unnamed place patient (``unnamed_place``: "the city fell"):
        only the agent of the paragraph's latest hostile event at or against a place or a
        side (the siege of the city), not one against a person (who may be the city's
        defender: "Cho Kwang cut off the heads of ..., the city fell"); None when that event
        names no agent (blank beats wrong). None if there is no such event."""
        if unnamed_place:
            last = self.place_agents[-1] if self.place_agents else None
            return Actor(last.entity, "side") if last is not None \
                and last.entity.label in AGENT_LABELS and self.alive(last.entity) else None
        if place:
            found = self.at_place.get(place)
            return Actor(found.entity, "side") \
                if found is not None and self.alive(found.entity) else None
        side = polity_of(patient.entity) if patient is not None else ""
        for actor, (when, lone) in zip(reversed(self.attackers), reversed(self.acts),
                                       strict=True):
            if lone and not (at >= 0 and 0 <= at - when <= LONE_REACH):
                continue  # "X engaged in a fierce competition" paragraphs back
            if not_at >= 0 and when == not_at:
                continue  # "X broke through the [blockade]": X is no blockader
            if (patient is not None and actor.entity.canonical == patient.entity.canonical) \
                    or not self.alive(actor.entity) or actor.entity.label not in AGENT_LABELS:
                continue  # (an unnamed person or group, "the Empress Dowager", "the
                # rebels", is no side to carry on)
            mine = polity_of(actor.entity)
            if side and (not mine or same_side(mine, side)):
                continue
            return Actor(actor.entity, "side")
        return None


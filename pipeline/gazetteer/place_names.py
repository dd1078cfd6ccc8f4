"""Every place name a :class:`~pipeline.gazetteer.model.Gazetteer` knows, as one set built once.

The stages that tell a place from a person ask whether a name is any known place: the union of
``known_places`` (CHGIS, ``modern_places.csv`` and their spellings), ``modern_places`` and,
for names outside China, ``world_places``. Those sets hold tens of thousands of names, so the
union is built once per gazetteer (and per choice of ``world``), not once per paragraph.
"""

from __future__ import annotations

from .model import Gazetteer

#: (id of the gazetteer, world) -> (the gazetteer, the union); the gazetteer is kept so that a
#: new one at a reused id is never given the old answer.
_UNIONS: dict[tuple[int, bool], tuple[Gazetteer, frozenset[str]]] = {}


def place_names(gaz: Gazetteer, world: bool = False) -> frozenset[str]:
    """``gaz.known_places | gaz.modern_places`` (``world``: ``| gaz.world_places`` too),
    cached per gazetteer (its sets are frozen)."""
    key = (id(gaz), world)
    got = _UNIONS.get(key)
    if got is None or got[0] is not gaz:
        names = gaz.known_places | gaz.modern_places
        if world:
            names = names | gaz.world_places
        got = _UNIONS[key] = (gaz, names)
    return got[1]

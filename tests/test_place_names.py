"""pipeline.gazetteer.place_names: the union of the place-name sets, built once per gazetteer."""

from pipeline.gazetteer.model import Gazetteer
from pipeline.gazetteer.place_names import place_names


def _gaz() -> Gazetteer:
    return Gazetteer(entries=(), lexicon={}, by_alias={},
                     known_places=frozenset({"Fancheng", "Ningpo"}),
                     modern_places=frozenset({"Xiangyang"}),
                     world_places=frozenset({"Samarkand"}))


def test_union_with_and_without_world_places() -> None:
    gaz = _gaz()
    assert place_names(gaz) == {"Fancheng", "Ningpo", "Xiangyang"}
    assert place_names(gaz, world=True) == {"Fancheng", "Ningpo", "Xiangyang", "Samarkand"}
    assert place_names(gaz) is place_names(gaz)  # built once


def test_another_gazetteer_gets_its_own_names() -> None:
    other = Gazetteer(entries=(), lexicon={}, by_alias={}, known_places=frozenset({"Kaifeng"}))
    assert place_names(_gaz()) != place_names(other) == {"Kaifeng"}

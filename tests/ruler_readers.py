"""The ruler reader the entity stage builds from the bundled gazetteer, for tests that re-read
ruler names (shared by tests/test_entities_ruler_dates.py and tests/test_entities_periods.py)."""

from __future__ import annotations

from functools import lru_cache

from pipeline.entities.ruler_dates import RulerReader, ruler_reader
from pipeline.entities.rulers import build_ruler_index
from pipeline.events import load_person_polities
from pipeline.gazetteer import load_gazetteer
from pipeline.resources import gazetteer_dir

TITLES = frozenset({"Emperor", "King", "Empress"})


@lru_cache(maxsize=1)
def standard_reader() -> RulerReader:
    """Persons' Chinese names and aliases of ``persons.csv``, titles ``TITLES``."""
    directory = gazetteer_dir()
    gaz = load_gazetteer(directory)
    zh = {e.zh: e.canonical for e in gaz.entries
          if e.label == "PERSON" and e.zh and e.source.startswith("persons.csv")}
    alias = {e.alias: e.canonical for e in gaz.entries
             if e.label == "PERSON" and e.source.startswith("persons.csv")}
    polity = load_person_polities(directory / "persons.csv", directory / "armies.csv")
    return ruler_reader(build_ruler_index(directory, zh, alias), TITLES, polity)

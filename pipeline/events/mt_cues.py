"""The cue words of machine-translated grammar: ``gazetteer/mt_cues.csv`` (schema in
``gazetteer/README.md``), read by :mod:`pipeline.events.mt_motion` and
:mod:`pipeline.events.mt_results`."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.resources import active_gazetteer_dir, gazetteer_dir

__all__ = ["CUES_FILE", "MtCues", "load_mt_cues"]

#: The hand-kept cue file.
CUES_FILE = "mt_cues.csv"


@dataclass(frozen=True)
class MtCues:
    """The rows of ``mt_cues.csv`` by kind (lower case). ``prepositions``, ``adverbs``:
    motion prepositions ("into") and the adverbs that may precede them ("again");
    ``motion_form``: the lexicon form a verbless motion clause is read with ("went to");
    ``result_verbs``: verbs of a result that MT leaves bare ("broke": 破, captured or
    defeated); ``result_particles``: words after which such a verb is something else
    ("broke out"); ``result_place_form``, ``result_form``: the lexicon forms whose rules a
    result verb is read with (the PLACE rules of the first, then all of the second);
    ``fronted_prepositions``: prepositions of a phrase MT leaves before its verb ("from X set
    off"), whose object is never the verb's subject."""

    prepositions: frozenset[str]
    adverbs: frozenset[str]
    motion_form: str
    result_verbs: frozenset[str]
    result_particles: frozenset[str]
    result_place_form: str
    result_form: str
    fronted_prepositions: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def _load(path: Path) -> MtCues:
    kinds: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            kinds.setdefault(row["kind"].strip(), []).extend(
                w.strip().lower() for w in row["cue"].split(";") if w.strip())

    def first(kind: str) -> str:
        return next(iter(kinds.get(kind, ())), "")

    return MtCues(frozenset(kinds.get("motion_preposition", ())),
                  frozenset(kinds.get("motion_adverb", ())), first("motion_form"),
                  frozenset(kinds.get("result_verb", ())),
                  frozenset(kinds.get("result_particle", ())), first("result_place_form"),
                  first("result_form"), frozenset(kinds.get("fronted_preposition", ())))


def load_mt_cues(path: Path | None = None) -> MtCues:
    """The cues of ``path`` (default: ``mt_cues.csv`` of the active gazetteer, else of the
    bundled one); cached per file (the default file looked up once per gazetteer folder)."""
    return _load(path if path is not None else _default_path(active_gazetteer_dir()))


@lru_cache(maxsize=8)
def _default_path(folder: Path) -> Path:
    path = folder / CUES_FILE
    return path if path.exists() else gazetteer_dir() / CUES_FILE

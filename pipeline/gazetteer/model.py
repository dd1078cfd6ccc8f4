"""The gazetteer's records: :class:`GazetteerEntry` (one alias of one named thing) and
:class:`Gazetteer` (all entries, the lexicon word lists and the name sets of other stages'
files)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..resources import gazetteer_dir


@dataclass(frozen=True)
class GazetteerEntry:
    """One alias of one named thing. ``context``: gloss keywords that select this reading."""

    label: str
    canonical: str
    alias: str
    polity: str = ""
    zh: str = ""
    modern: str = ""
    province: str = ""
    context: tuple[str, ...] = ()
    note: str = ""
    source: str = ""  # "file:line"


@dataclass(frozen=True)
class Gazetteer:
    """All entries plus the lexicon word lists (``lexicon[kind]`` is a tuple of values)."""

    entries: tuple[GazetteerEntry, ...]
    lexicon: Mapping[str, tuple[str, ...]]
    by_alias: Mapping[str, tuple[GazetteerEntry, ...]] = field(repr=False)
    era_names: frozenset[str] = field(default=frozenset(), repr=False)
    modern_places: frozenset[str] = field(default=frozenset(), repr=False)
    sexagenary: frozenset[str] = field(default=frozenset(), repr=False)  # keys: "jiaxu"
    source_dir: Path | None = field(default=None, repr=False)  # folder read (rulers.csv ...)
    world_places: frozenset[str] = field(default=frozenset(), repr=False)  # outside China
    #: every name the place data knows: CHGIS historical places, all current divisions of
    #: ``modern_places.csv`` (districts too), their derived spellings ("Fan-ch'eng") and the
    #: postal spellings ("Ningpo"); for telling a place from a person, not for geocoding
    known_places: frozenset[str] = field(default=frozenset(), repr=False)
    #: postal spelling -> current name ("Ningpo" -> "Ningbo": ``name_romanizations.csv`` rows
    #: of style ``postal`` for ``modern_places.csv``)
    postal_places: Mapping[str, str] = field(default_factory=dict, repr=False)

    def is_sexagenary(self, text: str) -> bool:
        """True for a sexagenary (stem-branch) name in any spelling: "Jiaxu", "Jia Xu",
        "JiaXu", "jia-xu" (the 60 pairs of ``date_words.csv``'s stems and branches)."""
        return "".join(c for c in text.lower() if c.isalpha()) in self.sexagenary

    def lookup(self, alias: str) -> tuple[GazetteerEntry, ...]:
        """All entries with exactly this alias (case-sensitive)."""
        return self.by_alias.get(alias, ())

    def resolve(self, alias: str, gloss: str = "") -> GazetteerEntry | None:
        """The reading of ``alias`` given the gloss text after it (None if no reading fits).

        A row whose context keyword occurs in ``gloss`` wins; else the first row without
        context; else, for a name of several words ("Liaoyang Prefecture") whose rows all
        name the same thing, that row. Otherwise None: a context row is not chosen without its
        gloss (one-word names such as "Hai" or "Su" are too often something else).
        """
        cands = self.lookup(alias)
        if gloss:
            for entry in cands:
                if entry.context and any(k in gloss for k in entry.context):
                    return entry
        for entry in cands:
            if not entry.context:
                return entry
        if " " in alias.strip() and cands and len({(e.label, e.canonical) for e in cands}) == 1:
            return cands[0]
        return None

    def words(self, kind: str) -> tuple[str, ...]:
        """Lexicon values of one kind (empty tuple if none)."""
        return self.lexicon.get(kind, ())


def default_gazetteer_dir() -> Path:
    """The bundled gazetteer folder (see :func:`pipeline.resources.gazetteer_dir`)."""
    return gazetteer_dir()


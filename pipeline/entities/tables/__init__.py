"""Word sets and spaCy matchers built once from a Gazetteer (``entity_lexicon.csv``).

Modules: :mod:`~pipeline.entities.tables.build` (:class:`_Tables`: the matchers and word sets of
one pipeline), :mod:`~pipeline.entities.tables.words` (:class:`_Words`, clan keys),
:mod:`~pipeline.entities.tables.works` (book titles, blocked from being names),
:mod:`~pipeline.entities.tables.flags` (lexeme flags for the Matcher, hashes).
The private names are re-exported for the other modules of :mod:`pipeline.entities`.
"""

from __future__ import annotations

from .build import _ALL_PIPES, _BLOCK_KEY, BLOCK_LABEL, COMPONENT, _build_tables, _Tables
from .flags import _PAREN, _hashes
from .words import _Words, clan_key
from .works import WORKS_FILE, _syllable, work_titles

__all__ = ["BLOCK_LABEL", "COMPONENT", "WORKS_FILE", "_ALL_PIPES", "_BLOCK_KEY", "_PAREN",
           "_Tables", "_Words", "_build_tables", "_hashes", "_syllable", "clan_key",
           "work_titles"]

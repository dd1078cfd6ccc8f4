"""Load and validate the gazetteer (``gazetteer/*.csv``): names, aliases and name-rule lexicons.

Files (all UTF-8 CSV with a header; see ``gazetteer/README.md``):

* ``persons.csv``  ``canonical,aliases,polity,zh,note``
* ``places.csv``   ``canonical,aliases,zh,modern,province,context,note``
* ``polities.csv`` ``canonical,aliases,zh,kind,note``
* ``armies.csv``   ``canonical,aliases,polity,zh,note``
* ``entity_lexicon.csv`` ``kind,value,note``: word lists for the general name rules.

``aliases`` is "|"-joined; the canonical name is always an alias too. ``context`` (places only)
is a "|"-joined list of gloss keywords: a row with a context is chosen for an alias only when the
parenthesised gloss right after the mention contains one of the keywords ("Tokyo (today's
Liaoyang, ...)"); a row without context is the default reading of its aliases.

Modules: :mod:`~pipeline.gazetteer.files` (file names, lexicon kinds, the error, reading rows),
:mod:`~pipeline.gazetteer.model` (:class:`GazetteerEntry`, :class:`Gazetteer`),
:mod:`~pipeline.gazetteer.derived` (entries from derived files),
:mod:`~pipeline.gazetteer.word_sets` (name sets from other stages' files),
:mod:`~pipeline.gazetteer.load` (:func:`load_gazetteer`).
"""

from __future__ import annotations

from .files import (
    DATE_WORDS_FILE,
    ERAS_FILE,
    HISTORICAL_PLACES_FILE,
    LABELS,
    LEXICON_FILE,
    LEXICON_KINDS,
    MODERN_PLACES_FILE,
    PERSON_YEARS_FILE,
    POSTAL_FILE,
    POSTAL_PLACES_FILE,
    ROMANIZATIONS_FILE,
    WORLD_PLACES_FILES,
    GazetteerError,
)
from .load import load_gazetteer
from .model import Gazetteer, GazetteerEntry, default_gazetteer_dir

__all__ = ["DATE_WORDS_FILE", "ERAS_FILE", "HISTORICAL_PLACES_FILE", "LABELS", "LEXICON_FILE",
           "LEXICON_KINDS", "MODERN_PLACES_FILE", "PERSON_YEARS_FILE", "POSTAL_FILE",
           "POSTAL_PLACES_FILE", "ROMANIZATIONS_FILE", "WORLD_PLACES_FILES", "Gazetteer",
           "GazetteerEntry", "GazetteerError", "default_gazetteer_dir", "load_gazetteer"]

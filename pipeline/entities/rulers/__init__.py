"""Rulers as PERSON: one canonical name per reign from ``gazetteer/rulers.csv``.

A ruler is named in English by a title, a temple or posthumous name and a dynasty in many
orders ("Emperor Taizong of Tang", "Taizong of the Tang Dynasty", "Tang Taizong", "Emperor Wu
of Han"), by an era of his reign ("the Hongwu Emperor", "Emperor Kangxi") or by the temple
name alone ("Shenzong", resolved by the dynasties the document names). :class:`RulerIndex`
maps such a mention to one reign and gives it a canonical name:

* the canonical of the ``persons.csv`` row whose Chinese name ends the ruler's sanmiao name
  (so "Hongwu Emperor" and "Zhu Yuanzhang" are one person), else
* the ``canonical`` column of ``rulers.csv``: the name historians use, built from the data by
  ``scripts/build_rulers.py`` (era name from the Ming on, "Kangxi Emperor"; temple name from
  the Tang on, "Emperor Taizong of Tang"; posthumous name before, "Emperor Zhao of Han"; see
  gazetteer/README.md), else (a table without that column: Korea, Japan)
* "King <temple or posthumous name> of <dynasty>" for a Korean king ("King Sejong of
  Joseon"), "Emperor <name>" for a Japanese emperor ("Emperor Kanmu"), with the personal name
  (or the accession year) in brackets when two reigns of one dynasty share the name.

Data: sanmiao's ruler and era tables (``rulers.csv``, ``eras.csv``; MIT, DILA/DDBC Time
Authority), dynasty aliases and parents from ``dynasties.csv``.

Modules: :mod:`~pipeline.entities.rulers.index` (:class:`RulerIndex`: a mention to a reign),
:mod:`~pipeline.entities.rulers.keys` (the name, era and dynasty keys of a folder's rulers),
:mod:`~pipeline.entities.rulers.build` (:func:`build_ruler_index`, canonical names).
"""

from __future__ import annotations

from .build import build_ruler_index, gazetteer_ruler_index
from .index import NOT_RULER_TITLES, RulerIndex
from .keys import surname_key

__all__ = ["NOT_RULER_TITLES", "RulerIndex", "build_ruler_index", "gazetteer_ruler_index",
           "surname_key"]

"""Dates in English text on Chinese history: find mentions, then resolve them to CE.

Modules: ``lexicon`` (word lists of ``gazetteer/date_words.csv``, number words), ``grammar``
(the date-phrase grammar), ``names`` (era/dynasty/number names masked for the grammar),
``mentions`` (:func:`find_date_mentions`), ``phrases`` (one grammar match read into a
mention), ``state`` (running date, evidence and certainty),
``choose`` (era choice; explicit and inherited years), ``kinds`` (reign, sexagenary, relative,
bare and Western dates), ``days`` (lunar month table, cycle days), ``reigns`` (bare ruler
names, "of his reign", the running ruler), ``glosses`` (a Western month glossed with a lunar
one), ``meanings`` (eras
translated by meaning, "Heavenly Treasure" = 天寶, from ``gazetteer/era_meanings.csv``),
``garbles`` (one-letter-off era names before a year number; date phrases with an era name
not known, kind ``unread``: no row, a DATE_NOT_READ warning), ``bare`` (when a bare number is a
year: weak prepositions, count nouns, leading zeros; printed spans "(1149-69)"), ``merges``
("From A to B" ranges, bracketed spans as asides, comma days), ``ages`` (age phrases: never a
year; after a printed life span a low derived year), ``japanese`` (Chinese eras written in a
Japanese reading, "Gaozu Takenori 9", from ``gazetteer/era_japanese.csv``), ``people`` (the
dynasties of the persons named near an era name several dynasties share), ``ocr`` (years
garbled by OCR, "In 1SS4", read by the running date), ``print_repairs`` (a day printed with
OCR letters, "the 3Oth of April", and a glued infobox label, "DateDecember 1673", repaired in a
same-length copy before the grammar), ``apposition`` (a cycle year set off by a
comma after a date joins and checks it: "Wanli 20 (1592), the Imjin year"), ``cycles``
(a cycle year's evidence by text distance; the country of its reading), ``near_rulers``
(the rulers named near an era name two reigns used: "Yuanshou" beside "Emperor Wu of Han"),
``coarse`` (decades and centuries as ranges; "c. 1100" is flagged in the resolver),
``lifetimes`` (the years of the persons named near a cycle year or a shared ruler name, from
``gazetteer/person_years.csv`` and the rulers' personal names), ``cycle_japanese`` (cycle-year
names in Japanese kun and on readings, generated from ``gazetteer/cycle_japanese.csv``),
``mtdigits`` (digits garbled by machine translation, "/kloc-0/848", "June165438+1October":
a date not read, or a flagged repair), ``backward`` ("the dingchou day, seventh month,
second year of Yuanyou": day, month, year with commas as one date), ``cycle_rulers`` (a cycle
year with its ruler: "the Pyŏngin year of King Gojong"), ``twice`` (rulers who reigned twice:
which reign a reign year names), ``printed`` (a printed year fitting no era reading: the
printed year, era blank), ``day_glosses`` (a bracketed Western day after a lunar date,
"(6 February 1593)", read whole), ``far_years`` (a Western year far from the text's other
dates and named periods: low, not the running date), ``own_years`` ("in summer 580", "3
February AD 6", "for 6 October", "10 October – 1 December 1911", look-ahead), ``resolve``
(:func:`resolve_dates`, the one-pass fold), ``cjk`` (dates written in Chinese characters,
"宣和二年十月九日", through the era table's names in characters), ``era_rulers`` (an era name
as its emperor's name before "his reign": "Keen Lung", "the Emperor Tao Kwang"), ``era_lists``
(eras listed with their spans, "Shijianguo (9–13) / Tianfeng (14–19)"), ``tet`` (days counted
from the Vietnamese new year, "the 5th of Tet Ky Dau", "30 Tet"), ``era_jumps`` (an era reading
centuries from the narrative: a one-letter-off era of the running dynasty, else no year),
``time_clauses`` (an undated "when" clause after a sentence's year: the running date unsure).
``pipeline.chronology`` re-exports the resolver.

Finding (first pass, no resolution):

A :class:`DateMention` is *underspecified* (HeidelTime style): "In the fourteenth year" keeps
``era_year=14`` and no era; "the following year" keeps ``rel_years=1``.
:func:`pipeline.chronology.resolve_dates` fills in the values in one pass over the document.

Conventions: ``start``/``end`` are Python ``str`` offsets into the text given (end exclusive);
``month`` is a lunar month 1-12 (a Western month for ``calendar="western"``); CE years are
astronomical (1 BCE = 0). Word lists come from ``gazetteer/date_words.csv``; era and dynasty
names (with their romanization variants) from the :class:`~pipeline.eras.EraTable`.

How it works: era names and dynasty names are found first by dictionary lookup over windows of
1-4 words (so "Jing Kang", "T'ien-hui", "shaoding" all work) and replaced, in a same-length
copy of the text, by placeholder characters; one precompiled grammar (``regex`` module) then
matches the date phrases on that masked copy, so offsets carry over unchanged. An era name
only makes a mention in a date context (a year, phase or month attached), so "Datong, Shanxi"
or "the Kaixi Northern Expedition" produce none.
"""

from __future__ import annotations

from .lexicon import GAZETTEER, Lexicon, cycle_number, load_lexicon, parse_number
from .mentions import (
    KINDS,
    DateMention,
    era_name_spans,
    find_date_mentions,
    with_offset,
)
from .resolve import resolve_dates
from .state import RunningDate

__all__ = [
    "GAZETTEER", "KINDS", "DateMention", "Lexicon", "cycle_number", "era_name_spans",
    "find_date_mentions", "load_lexicon", "parse_number", "resolve_dates", "RunningDate",
    "with_offset",
]

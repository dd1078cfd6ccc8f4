"""Dates that look like names: a page footer "Last Updated: Sun Jan 14 2024".

A weekday abbreviation before a month abbreviation reads as a surname and a Wade–Giles given
name ("Sun Jan" -> the gazetteer's Sun Ran). A PERSON row whose last word is a Western month
of ``date_words.csv`` (category ``month``, with or without its abbreviation's full stop) and
that is followed by a day number ("Jan 14", "Mar 04,") is a date and no person: dropped.
:func:`is_month_word` tells the name rules that a month never opens a name ("In October
Zhongshan fell": no person "October Zhongshan").

Two capital letters the model tags, written before a full stop and a year number, are an
era marker ("B.C."/"A.D."), often OCR-garbled ("In RC. 340 he led an army", Giles): no
place, no person; dropped (the date stage reads the year).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.dates.lexicon import load_lexicon
from pipeline.records import EntityRow

_DAY_AFTER = re.compile(r"\.?\s{1,2}\d{1,2}(?:st|nd|rd|th)?\b")
_MARKER = re.compile(r"[A-Z]{2}")
_YEAR_AFTER = re.compile(r"\.\s{1,2}\d{1,4}\b")


@lru_cache(maxsize=4)
def _months(directory: Path) -> frozenset[str]:
    """Western month names and abbreviations ("January", "Jan"), from ``date_words.csv``."""
    if not (directory / "date_words.csv").is_file():
        return frozenset()
    return frozenset(w.rstrip(".") for w in load_lexicon(directory).cat("month")
                     if w[:1].isupper())


def is_month_word(word: str, directory: Path | None) -> bool:
    """True when ``word`` is a capitalised Western month name or abbreviation of
    ``date_words.csv`` ("October", "Oct", "Oct."): a date word, never part of a name."""
    return directory is not None and word.rstrip(".") in _months(Path(directory))


def drop_date_shaped_names(rows: Sequence[EntityRow], text: str,
                           directory: Path | None) -> list[EntityRow]:
    """``rows`` without the PERSON rows that are a month and a day and the model's rows that
    are an era marker before a year (module docstring)."""
    rows = [e for e in rows if not (e.source == "model" and _MARKER.fullmatch(e.text)
                                    and _YEAR_AFTER.match(text, e.end) is not None)]
    months = _months(Path(directory)) if directory is not None else frozenset()
    if not months:
        return rows
    return [e for e in rows
            if not (e.label == "PERSON" and " " in e.text and e.text.split()[-1] in months
                    and _DAY_AFTER.match(text, e.end) is not None)]

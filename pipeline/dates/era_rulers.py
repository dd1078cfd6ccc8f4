"""Era names written as rulers' names, as 19th-century English books call the Ming and Qing
emperors: "the generals of Keen Lung, in the twenty-fourth year of his reign" (乾隆 24 = 1759),
"the Emperor Tao Kwang appointed ..." (道光), "In the twenty-fourth year of his reign, the
Qianlong Emperor conquered Kashgaria".

An era name stands for its ruler only when that ruler reigned under that one era (the ruler
table's ``era_ids``: Ming and Qing emperors); then his reign years are the era's years. The
name is looked up as written among the era table's romanizations (old spellings from
``gazetteer/era_aliases.csv`` included: "Keen-lung", "Taou-kwang"), else read syllable by
syllable in Wade–Giles and the older spellings (:func:`pipeline.old_spellings.name_readings`,
the ``old_syllable`` rows shared with :mod:`pipeline.entities.era_emperors`: "Kia Tsing" ->
jiajing) when that reading names the era of exactly one ruler who reigned under that one
era, else one letter away (:meth:`pipeline.eras.EraTable.fuzzy_candidates`: "Kien-long",
"Tao Kwang"). A reading or a one-letter match is fuzzy (warned): two words or a hyphen only,
never a single capitalised word nor a ruler's personal name; after "Emperor", or with a year
printed in the text near the era.

:func:`add_era_rulers` adds, before the "of his reign" pass of :mod:`.reigns`:

- ``era_context`` mentions (no row; the resolver makes the era's ruler the running ruler) for
  such a name after "Emperor" anywhere ("Emperor Tao Kwang": not King Dao of Chu for "Tao"), and
  for such a name in the sentence of "the Nth year of his reign" or the one before it, when no
  other date or ruler comes between them;
- for "In the Nth year of his reign, the Qianlong Emperor ..." (the phrase opening its
  sentence, no name before it in the sentence) an ``explicit`` mention of that era and year:
  the ruler named after it in the sentence is the one "his" stands for (spelled as the era
  table has it: no one-letter guess here). Marked ``ruler_after``: when the running date
  already has a ruler or an era of another ruler, "his" might be that one's (the resolver
  warns, ``medium``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from pipeline.eras import Era, EraTable
from pipeline.old_spellings import load_old_syllables, name_readings
from pipeline.rulers import load_ruler_table, personal_names

from .lexicon import Lexicon, parse_number
from .mention import DateMention
from .reigns import _BEFORE_YEAR, _HIS_REIGN, _NAME, ruler_of_era

_RUN = re.compile(rf"(?<![\w'’-])(?P<run>{_NAME}(?:\s+{_NAME})?)")
_TITLED = re.compile(rf"\b(?:the\s+)?[Ee]mperor\s+(?P<run>{_NAME}(?:\s+{_NAME})?)")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_FRONTED = re.compile(r"^\s*(?:[Ii]n\s+)?$")
NEAR = 50  # years: a printed year this near an era supports a one-letter-off spelling of it


def era_ruler(run: str, eras: EraTable,
              years: tuple[int, ...] | None = ()) -> tuple[str, bool] | None:
    """(era surface to look up, fuzzy) when ``run`` names an era whose one ruler reigned under
    that era only; else None. Fuzzy (read by :func:`read_era_rulers`, else one letter away)
    only for two words or a hyphen that are no ruler's personal name ("Ying Zheng" is no
    "Yongzheng"), and, unless ``years`` is None, only with one of the text's printed ``years``
    within :data:`NEAR` years of the era."""
    cands = eras.candidates(run)
    fuzzy = False
    if not cands and (" " in run or "-" in run) and run not in personal_names(
            load_ruler_table())[1]:
        fuzzy = True

        def near(found: list[Era]) -> list[Era]:
            if years is None:
                return found
            return [e for e in found
                    if any(e.start_year - NEAR <= y <= e.end_year + NEAR for y in years)]

        cands = near(read_era_rulers(run, eras))
        if len({e.name for e in cands}) != 1:
            cands = near(eras.fuzzy_candidates(run))
    names = {e.name for e in cands}
    if len(names) != 1:
        return None
    name = next(iter(names))
    ruler = ruler_of_era(name, eras)
    if ruler is None or len(ruler.era_ids) != 1:
        return None
    return (name if fuzzy else run), fuzzy


def read_era_rulers(run: str, eras: EraTable) -> list[Era]:
    """The eras ``run`` ("Kia Tsing", "Kea-tsing") spells when read syllable by syllable
    (:func:`pipeline.old_spellings.name_readings`, the active gazetteer's ``old_syllable``
    rows) whose one ruler reigned under that one era (the Ming and Qing emperors), by start
    year; [] if none. No check of the run's shape or of the years near it (the caller's)."""
    found: list[Era] = []
    for key in sorted(name_readings(run.split(), load_old_syllables())):
        for era in eras.candidates(key):
            ruler = ruler_of_era(era.name, eras)
            if era not in found and ruler is not None and len(ruler.era_ids) == 1:
                found.append(era)
    return sorted(found, key=lambda e: (e.start_year, e.era_id))


def _runs(text: str, start: int, end: int, eras: EraTable,
          years: tuple[int, ...]) -> list[tuple[int, int, str, bool]]:
    """(start, end, era surface, fuzzy) of the era-as-ruler names in ``text[start:end]``: a
    two-word run, else each of its words alone."""
    out = []
    for g in _RUN.finditer(text, start, end):
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", g.group("run"))]
        pieces = [(g.start(), g.end())] + ([(g.start() + a, g.start() + b) for a, b in words]
                                           if len(words) > 1 else [])
        for a, b in pieces:
            found = era_ruler(text[a:b], eras, years)
            if found is not None:
                out.append((a, b, *found))
                break
    return out


def add_era_rulers(text: str, found: list[DateMention], eras: EraTable, lex: Lexicon,
                   make: Callable[..., DateMention] = DateMention) -> list[DateMention]:
    """``found`` plus the mentions of the module docstring, by start; a new mention overlaps
    none of ``found`` (dynasty context mentions aside)."""
    if "reign" not in text and "mperor" not in text:
        return found
    taken = sorted((m.start, m.end) for m in found if m.kind != "dynasty")
    named = sorted((m.start, m) for m in found if m.kind != "dynasty" and (m.era or m.ruler))
    named_at = [s for s, _ in named]
    years = tuple(y for m in found for y in (m.western_year, m.stated_year) if y is not None)
    ends = [0] + [g.end() for g in _SENTENCE_END.finditer(text)]
    new: list[DateMention] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    def add(m: DateMention) -> None:
        new.append(m)
        taken.append((m.start, m.end))

    for g in _TITLED.finditer(text):  # "the Emperor Tao Kwang": the era's ruler
        got = era_ruler(g.group("run"), eras, None)  # the title supports a spelling
        if got is not None and free(g.start(), g.end()):
            add(make(start=g.start(), end=g.end(), text=g.group(), kind="era_context",
                     era=got[0], era_title=True, fuzzy_era=got[1]))
    for hit in _HIS_REIGN.finditer(text):
        before = _BEFORE_YEAR.search(text, max(0, hit.start() - 40), hit.start())
        n = parse_number(before.group("n"), lex) if before else None
        if n is None:
            continue
        s = before.start()
        k = bisect_right(ends, s) - 1
        sent, prev = ends[k], ends[max(0, k - 1)]
        runs = [r for r in _runs(text, prev, s, eras, years) if free(r[0], r[1])]
        # no date or ruler named between the name and the phrase
        runs = [r for r in runs if not any(r[1] <= a < s for a in named_at)
                and not any(r[1] <= m.start < s for m in new)]
        if runs:
            a, b, surface, fuzzy = runs[-1]
            add(make(start=a, end=b, text=text[a:b], kind="era_context", era=surface,
                     era_title=True, fuzzy_era=fuzzy))
            continue
        if not _FRONTED.match(text[sent:s]) or not free(s, hit.end()):
            continue  # "In the Nth year of his reign, the Qianlong Emperor ...": cataphora
        stop = ends[k + 1] if k + 1 < len(ends) else len(text)
        later = [(m.era_start, m.era_end, m.era, m.fuzzy_era) for _, m in named
                 if hit.end() <= m.start < stop and m.kind == "era_context" and m.era_title]
        later += [r for r in _runs(text, hit.end(), stop, eras, years) if not r[3]]  # exact
        if later:
            a, b, surface, fuzzy = min(later)
            add(make(start=s, end=hit.end(), text=text[s:hit.end()], kind="explicit",
                     era=surface, era_start=a, era_end=b, era_year=n, fuzzy_era=fuzzy,
                     ruler_after=True))
    if not new:
        return found
    return sorted([*found, *new], key=lambda x: (x.start, x.end))

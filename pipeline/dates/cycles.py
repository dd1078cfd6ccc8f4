"""Evidence for a sexagenary (cycle) year with no era of its own: where in the text the
evidence stands, and which country's calendar its romanization points to.

* :func:`tag_positions` gives each mention its (paragraph, sentence) index in the text, so the
  resolver can weigh evidence by text distance: the mention's own sentence first, then its
  paragraph, then farther context (:func:`nearer_ahead`).
* :func:`reading_country` tells which country's reading a cycle name is written in ("Gapsin",
  "Imjin": Korean Revised Romanization -> ``"Korea"``; "jiashen", "kuei-mao": Chinese ->
  None). The readings and their systems are the ``heavenly_stem``/``earthly_branch`` rows of
  ``gazetteer/date_words.csv``: a row whose ``note`` begins with "Korean", "Vietnamese" or
  "Japanese" is that country's reading; any other row is Chinese (pinyin, Wade-Giles).
* :func:`country_date` is the era (or, without one, the dynasty) of that country in force in
  a CE year, from the era and ruler tables.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.copying import replace
from pipeline.eras import Era, EraTable
from pipeline.resources import active_gazetteer_dir
from pipeline.rulers import load_ruler_table

from .cycle_japanese import japanese_positions
from .lexicon import cycle_spellings

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9])")
_COUNTRY_OF_NOTE = (("Korean", "Korea"), ("Vietnamese", "Vietnam"), ("Japanese", "Japan"))
_WORD = re.compile(r"[^\W\d_][\w'’ʼ\-‐]*")


@dataclass(frozen=True)
class Anchor:
    """The next dated evidence after a mention: an era named (``era``; ``first``-``last`` its
    CE years) or a Western year written (``era`` None, ``first`` = ``last``), with its
    (paragraph, sentence) index ``where``."""

    era: Era | None
    where: tuple[int, int]
    first: int
    last: int

    @property
    def label(self) -> str:
        return f"the {self.era.name} era" if self.era is not None else f"the year {self.first}"


def anchor_of(m, eras: EraTable, prior_key) -> Anchor | None:
    """The evidence a mention gives a cycle year before it: its era (the candidate
    ``prior_key`` ranks first), else its printed CE year, else its Western year (a plain
    year, not a doubtful one); None when it gives none."""
    where = m.where or (0, 0)
    if m.era:
        cands = eras.candidates(m.era)
        if cands:
            era = max(cands, key=prior_key)
            return Anchor(era, where, era.start_year, era.end_year)
    if m.stated_year is not None and m.kind != "age":  # an unknown era with "(1592)"
        return Anchor(None, where, m.stated_year, m.stated_year_end or m.stated_year)
    if m.kind == "gregorian" and m.western_year is not None and not m.year_doubt:
        return Anchor(None, where, m.western_year, m.western_year)
    return None


def tag_positions(text: str, mentions: Sequence) -> list:
    """``mentions`` (DateMention) with ``where`` = (paragraph, sentence) indexes of their start
    in ``text``: paragraphs are split by blank lines, sentences by . ! ? before a capital."""
    paras = [m.end() for m in _PARAGRAPH.finditer(text)]
    sents = [m.end() for m in _SENTENCE_END.finditer(text)]
    sents = sorted(set(sents) | set(paras))
    def at(pos: int) -> tuple[int, int]:
        return bisect_right(paras, pos), bisect_right(sents, pos)

    return [replace(m, where=at(m.start),
                    parts=tuple(replace(p, where=at(p.start)) for p in m.parts))
            for m in mentions]


def distance(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    """0 in the same sentence, 1 in the same paragraph, 2 farther (or unknown)."""
    if a is None or b is None:
        return 2
    if a == b:
        return 0
    return 1 if a[0] == b[0] else 2


def ahead_wins(where: tuple[int, int] | None, running: tuple[int, int] | None,
               running_sure: bool, anchor: Anchor) -> bool:
    """The evidence after a cycle year beats the running date: it stands nearer (same
    sentence, else same paragraph, vs farther); or exactly as near (as many paragraphs
    away) while the running date is itself a guess and the anchor is written out."""
    ahead, back = distance(where, anchor.where), distance(where, running)
    if ahead != back:
        return ahead < back
    if running_sure or where is None or running is None:
        return False
    return abs(anchor.where[0] - where[0]) == abs(where[0] - running[0])


YEAR_ANCHOR_WINDOW = 10  # years: a written year farther from every such cycle year is no help


def place(target: int, anchor: Anchor) -> int:
    """The CE year of cycle position ``target`` (1-60) inside the anchor's years, else the
    nearest one after its first year (up to 30 years on), else before it."""
    delta = (target - ((anchor.first - 4) % 60 + 1)) % 60  # as days.year_cycle (1 = 4 CE)
    year = anchor.first + delta
    if year > anchor.last and delta > 30:
        year -= 60
    return year


def pick_anchor(target: int, where: tuple[int, int] | None,
                anchors: Sequence[Anchor]) -> Anchor | None:
    """The nearest evidence in the text after a cycle year: an era named, or a written year
    with that cycle year within YEAR_ANCHOR_WINDOW years of it (the cycle repeats every 60
    years: a year farther off is about another time, or a misprint)."""
    fit = [a for a in anchors
           if a.era is not None or abs(place(target, a) - a.first) <= YEAR_ANCHOR_WINDOW]
    return min(fit, key=lambda a: (distance(where, a.where), a.where), default=None)


@lru_cache(maxsize=4)
def _readings(gazetteer_dir: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Stem and branch spellings (lower case, no apostrophes) -> countries that write them."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    liaison: dict[str, str] = {}
    with (gazetteer_dir / "date_words.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["category"] == "cycle_liaison":
                liaison[row["word"]] = row["value"]
            if row["category"] not in ("heavenly_stem", "earthly_branch"):
                continue
            note = row.get("note") or ""
            country = next((c for p, c in _COUNTRY_OF_NOTE if note.startswith(p)), "China")
            rows.setdefault((row["category"], country), {})[row["word"]] = row["value"]
    stems: dict[str, set[str]] = {}
    branches: dict[str, set[str]] = {}
    for (cat, country), words in rows.items():
        stem = cat == "heavenly_stem"
        for form in cycle_spellings(words, liaison if stem else {}):
            key = form.lower().replace("'", "")
            (stems if stem else branches).setdefault(key, set()).add(country)
    return stems, branches


def reading_country(text: str) -> str | None:
    """The country whose reading the cycle name in ``text`` is written in ("Korea", "Vietnam",
    "Japan"), or None for a Chinese reading (pinyin, Wade-Giles), an ambiguous one, or no
    cycle name. A name is that country's only when every stem+branch split of it uses that
    country's spellings and none is Chinese."""
    stems, branches = _readings(active_gazetteer_dir())
    words = _WORD.findall(text)
    found: set[str] = set()
    for i, w in enumerate(words):
        for cand in (w, w + words[i + 1] if i + 1 < len(words) else ""):
            word = re.sub(r"[\s\-‐’'ʼ]+", "", cand.lower())
            for k in range(1, len(word)):
                st, br = stems.get(word[:k]), branches.get(word[k:])
                if st and br:
                    found |= (st & br) or (st | br)
    if not found and any(japanese_positions(w) for w in _japanese_words(text)):
        return "Japan"  # "kinoe-ne", "boshin": readings only Japanese has
    if "China" in found or len(found) != 1:
        return None
    return next(iter(found))


def _japanese_words(text: str) -> list[str]:
    """The runs of one to four words of ``text`` (a cycle name may be split: "ki no e ne")."""
    words = re.findall(r"[^\W\d_]+", text)
    return [" ".join(words[i:j]) for i in range(len(words))
            for j in range(i + 1, min(len(words), i + 4) + 1)]


def country_date(country: str, year: int, eras: EraTable) -> tuple[Era | None, str | None]:
    """The era of ``country`` ("Korea") in force in CE ``year`` (the later one where an era
    begins that year), else None and the dynasty of a ruler of that country reigning that year
    (from the ruler table), else (None, None)."""
    hits = [e for e in eras.eras
            if e.start_year <= year <= e.end_year and eras.ancestors(e.dynasty)[-1] == country]
    if hits:
        hits.sort(key=lambda e: e.start_year)
        return hits[-1], hits[-1].dynasty
    for r in load_ruler_table().rulers:
        if r.reign_start <= year <= r.reign_end and eras.ancestors(r.dynasty)[-1] == country:
            return None, r.dynasty
    return None, None


def foreign(era: Era, country: str, eras: EraTable) -> bool:
    """``era`` belongs to a country of another reading (a Japanese era for a Korean cycle
    name). Chinese eras are not foreign to Korea and Vietnam (their states dated by them),
    but are to Japan."""
    top = eras.ancestors(era.dynasty)[-1]
    if country == "Japan":  # Japan never dated by another country's eras
        return top != country
    return top != country and top in {c for _, c in _COUNTRY_OF_NOTE}

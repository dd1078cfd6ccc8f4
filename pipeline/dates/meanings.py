"""Eras translated by meaning: "the fourth year of Heavenly Treasure" (天寶 Tianbao 4 = 745),
"the Eternal Prosperity era" (永樂), "Opening Origin" (開元).

Data: ``gazetteer/era_meanings.csv`` (built by ``scripts/build_era_meanings.py`` from CC-CEDICT,
CC BY-SA 4.0): per era name in characters, the English glosses of each character and of the
whole word, and related words (CC-CEDICT senses given together: "forever" ~ "eternal").
A capitalised phrase of 2-6 words matches an era name when its words, in order,
match one gloss of each character (a gloss of two words takes two words: "Ten Thousand
Calendars"), or all the words of a whole-word gloss ("Peace and Security"). Words match by a
light stem ("Heavenly" ~ "heaven", "Prosperity" ~ "prosperous", "Opening" ~ "open").

Such a reading is a guess: :func:`add_meaning_mentions` only marks the mention
(``DateMention.era_meaning`` = the era name(s) in characters, "|"-joined); the resolver accepts
it only with support from the context (:func:`supported_meaning_eras`) and flags it
(``ERA_BY_MEANING``, certainty medium or low). An era year past the era's last year is never
read.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from pipeline.eras import Era

from .garbles import add_garbled_mentions
from .lexicon import GAZETTEER
from .mentions import DateMention

_STOP = frozenset(("the", "a", "an", "and", "of"))
_SUFFIXES = ("ousness", "ations", "ation", "ition", "iness", "ments", "ment", "ness", "ities",
             "ity", "ous", "ful", "est", "ing", "ies", "ly", "al", "ed", "ic", "es", "y", "e", "s")


def stem(word: str) -> str:
    """A light English stem for gloss matching: lowercased, one derivational or inflectional
    suffix removed when at least 4 letters remain ("Heavenly" -> "heaven", "prosperity" and
    "prosperous" -> "prosper")."""
    w = word.lower()
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def _same(a: str, b: str) -> bool:
    """Two stems match: equal, or one a prefix of the other (4+ letters, at most 2 more)."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2


def _content(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in re.findall(r"[A-Za-z]+", phrase) if w.lower() not in _STOP)


@dataclass(frozen=True)
class _Meaning:
    era_zh: str
    chars: tuple[tuple[tuple[str, ...], ...], ...]  # per character: glosses as stem tuples
    whole: tuple[tuple[str, ...], ...]  # whole-word glosses as stem tuples


@lru_cache(maxsize=4)
def load_meanings(gazetteer_dir: Path = GAZETTEER) -> tuple[_Meaning, ...]:
    """Rows of ``era_meanings.csv`` with glosses as stem tuples ([] when the file is absent)."""
    path = gazetteer_dir / "era_meanings.csv"
    if not path.is_file():
        return ()
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            near = r.get("char_related", "").split(";")
            chars = tuple(
                tuple(t for t in (_content(g) for g in (*pos.split("|"), *rel.split("|"))) if t)
                for pos, rel in zip(r["char_glosses"].split(";"),
                                    near + [""] * (len(r["era_zh"]) - len(near)), strict=False)
            ) if r["char_glosses"] else ()
            whole = tuple(t for t in (_content(g) for g in r["word_glosses"].split("|")) if t)
            out.append(_Meaning(r["era_zh"], chars, whole))
    return tuple(out)


def _fits(words: tuple[str, ...], chars: tuple[tuple[tuple[str, ...], ...], ...]) -> bool:
    """The words, in order, are one gloss of each character (all words used)."""
    if not chars:
        return not words
    for gloss in chars[0]:
        k = len(gloss)
        if k <= len(words) and all(_same(w, g) for w, g in zip(words[:k], gloss, strict=True)):
            if _fits(words[k:], chars[1:]):
                return True
    return False


@lru_cache(maxsize=4096)
def meaning_names(phrase: str) -> tuple[str, ...]:
    """Era names in characters that ``phrase`` translates ("Heavenly Treasure" -> ("天寶",))."""
    words = _content(phrase)
    if len(words) < 2:
        return ()
    hits = []
    for m in load_meanings():
        if (m.chars and _fits(words, m.chars)) or any(
                len(g) == len(words) and all(_same(w, x) for w, x in zip(words, g, strict=True))
                for g in m.whole):
            hits.append(m.era_zh)
    return tuple(hits)


_WORD = r"[A-Z][a-z]+"
_NAME = rf"{_WORD}(?:[\s\-‐]+(?:and\s+|of\s+(?:the\s+)?)?{_WORD}){{1,5}}"
_OPEN, _CLOSE = "[\"“‘']?", "\"”’'"  # a translated name is often quoted
_TAIL = re.compile(
    r"(?:\s+of\s+(?:the\s+)?(?P<dyn>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:\s+[Dd]ynasty)?)?"
    r"(?:\s*\(\s*(?:AD\s+|A\.D\.\s+)?(?P<ce>\d{1,4})(?:\s*(?:AD|CE|A\.D\.|C\.E\.))?"
    r"(?:\s*[-–/]\s*(?P<ceend>\d{1,4}))?\s*\))?")
_AFTER_YEAR = re.compile(rf"\s+of\s+(?:the\s+)?{_OPEN}(?P<name>{_NAME})")
_WHOLE = re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Uu]nder|[Tt]hroughout)\s+(?P<the>the)\s+"
                    rf"(?:(?P<dyn>{_WORD}(?:\s+{_WORD})?)(?:\s+[Dd]ynasty)?(?:'s|’s)\s+)?"
                    rf"{_OPEN}(?P<name>{_NAME})[{_CLOSE}]?\s+(?P<word>era|reign(?:\s+period)?|period)\b")


_ERA_WORDS = (" era", " reign", " period")


def _whole_hits(text: str) -> list[re.Match]:
    """Matches of ``_WHOLE`` ending at an " era"/" reign"/" period" (found by plain search)."""
    out = []
    for word in _ERA_WORDS:
        p = text.find(word)
        while p >= 0:
            w0 = max(0, p - 160)
            hit = _WHOLE.search(text, w0, p + len(word) + 8)
            while hit is not None and hit.start("word") != p + 1:
                hit = _WHOLE.search(text, hit.start() + 1, p + len(word) + 8)
            if hit is not None:
                out.append(hit)
            p = text.find(word, p + 1)
    return sorted(out, key=lambda h: h.start())


def _split_name(text: str, s0: int, e0: int, eras) -> tuple[str | None, int, int, tuple[str, ...]]:
    """The longest leading part of the capitalised words at ``s0:e0`` that translates an era
    name, after an optional dynasty name: (dynasty or None, name start, name end, era_zh)."""
    words = list(re.finditer(_WORD, text[s0:e0]))
    dyn = None
    first = 0
    if len(words) > 2 and eras.dynasty(words[0].group()):
        dyn, first = words[0].group(), 1
    for k in range(len(words), first + 1, -1):
        a, b = s0 + words[first].start(), s0 + words[k - 1].end()
        phrase = text[a:b]
        if eras.candidates(phrase) or eras.dynasty(phrase):
            return None, a, b, ()
        hits = meaning_names(phrase)
        if hits:
            return dyn, a, b, hits
    return None, s0, e0, ()


def _with_tail(m: DateMention, text: str, name_end: int, eras, fields: dict) -> DateMention:
    """The mention extended over "era", "of the X dynasty" and a printed CE year."""
    end = name_end + (text[name_end:name_end + 1] in _CLOSE)
    word = re.match(r"\s+(?:era|reign(?:\s+period)?|period)\b", text[end:])
    if word:
        end += word.end()
    tail = _TAIL.match(text, end)
    if tail is not None:
        if tail.group("dyn") and eras.dynasty(tail.group("dyn")):
            fields.setdefault("dynasty", tail.group("dyn"))
            end = tail.end("dyn") if not tail.group("ce") else tail.end()
        if tail.group("ce"):
            val = int(tail.group("ce"))
            fields["stated_year"] = val
            last = tail.group("ceend")
            if last:
                if len(last) < len(tail.group("ce")):
                    last = tail.group("ce")[: len(tail.group("ce")) - len(last)] + last
                if int(last) > val:
                    fields["stated_year_end"] = int(last)
            end = tail.end()
    return replace(m, end=end, text=text[m.start:end], **fields)


def add_meaning_mentions(text: str, mentions: list[DateMention], eras) -> list[DateMention]:
    """Mark era years followed by "of <translated era name>" and add "in the <translated
    name> era" mentions, and garbled era names before a year number
    (:func:`.garbles.add_garbled_mentions`); mentions inside a new span are dropped. Sorted
    by start."""
    out: list[DateMention] = []
    for m in mentions:
        if m.kind == "inherited" and not m.dynasty and not m.era_fragment and m.era_year:
            after = _AFTER_YEAR.match(text, m.end)
            if after is not None:
                dyn, a, b, hits = _split_name(text, *after.span("name"), eras)
                if hits:
                    fields: dict = {"kind": "explicit", "era": text[a:b], "era_start": a,
                                    "era_end": b, "era_meaning": "|".join(hits),
                                    "unknown_name": None}
                    if dyn:
                        fields["dynasty"] = dyn
                    m = _with_tail(m, text, b, eras, fields)
        out.append(m)
    for hit in _whole_hits(text):
        if any(x.start < hit.end() and hit.start("name") < x.end for x in out
               if x.kind != "dynasty"):
            continue
        dyn, a, b, hits = _split_name(text, *hit.span("name"), eras)
        if not hits:
            continue
        start = hit.start("the")
        base = DateMention(start=start, end=b, text=text[start:b], kind="explicit")
        fields = {"era": text[a:b], "era_start": a, "era_end": b, "era_meaning": "|".join(hits),
                  "phase": "whole"}
        if hit.group("dyn") and eras.dynasty(hit.group("dyn")):
            dyn = hit.group("dyn")  # "the Tang dynasty's Heavenly Treasure era"
        if dyn:
            fields["dynasty"] = dyn
        out.append(_with_tail(base, text, b, eras, fields))
    from .grammar import _grammar  # noqa: PLC0415
    from .japanese import add_reading_mentions  # noqa: PLC0415

    out = add_reading_mentions(text, out, eras, _grammar().lex)  # "Gaozu Takenori 9"
    out = add_garbled_mentions(text, out, eras)  # "Guangxv 20 (1894)": same kind of guess
    out.sort(key=lambda x: (x.start, x.end))
    kept: list[DateMention] = []
    for m in out:
        if any(k.era_meaning and k.start <= m.start and m.end <= k.end and k is not m
               for k in kept[-3:]):
            continue  # "(745)" taken into "the fourth year of Heavenly Treasure (745)"
        if m.kind == "dynasty" and any(k.era_meaning and k.start <= m.start < k.end
                                       for k in kept[-3:]):
            kept.append(m)  # context: still counts for the document's dynasties
            continue
        kept.append(m)
    return kept


def supported_meaning_eras(m: DateMention, state, eras,
                           prior: Mapping[str, int] | None = None) -> tuple[list[Era], str, str]:
    """Eras whose characters ``m.era_meaning`` names, that have year ``m.era_year`` and that the
    context supports: (eras, what supports them, certainty "medium" or "low").

    Support, strongest first: the dynasty named with the phrase ("medium"); a printed CE year
    within a year of the reading ("medium"); the running date inside the era's span, or the
    running dynasty the era's, the year inside the last printed span aside ("Li Renxiao
    (1149-69)", ``state.span``), or the era's dynasty the only one of the candidates named in
    the document (``prior``: dynasty -> mentions) ("low"). A named dynasty or printed year
    that disagrees rules an era out. No support: ([], "", "low").
    """
    names = set((m.era_meaning or "").split("|"))
    n = m.era_year or 1
    pool = [e for e in eras.eras
            if (e.name_zh in names or names.intersection(e.name_zh_variants))
            and e.contains_era_year(n)]
    if m.dynasty:
        pool = [e for e in pool if eras.matches_dynasty(e, m.dynasty)]
    if m.stated_year is not None:
        last = m.stated_year_end or m.stated_year
        if m.era_year is None:
            pool = [e for e in pool if e.start_year <= last + 1 and m.stated_year - 1 <= e.end_year]
        else:
            pool = [e for e in pool if m.stated_year - 1 <= e.ce_year(n) <= last + 1]
    if not pool:
        return [], "", "low"
    if m.dynasty:
        return pool, f"dynasty named: {m.dynasty}", "medium"
    if m.stated_year is not None:
        return pool, f"printed year {m.stated_year}", "medium"
    running = [e for e in pool if state.year is not None
               and e.start_year - 1 <= state.year <= e.end_year]
    if running:
        return running, f"running date {state.year}", "low"
    dyn = state.era.dynasty if state.era is not None else state.dynasty
    if dyn:
        same = [e for e in pool if eras.matches_dynasty(e, dyn)]
        if same:
            return same, f"running dynasty {dyn}", "low"
    if state.span is not None:
        inside = [e for e in pool if state.span[0] <= e.ce_year(n) <= state.span[1]]
        if inside:
            return inside, f"printed span {state.span[0]}-{state.span[1]} nearby", "low"
    if prior:
        named = [e for e in pool if any(prior.get(a, 0) for a in eras.ancestors(e.dynasty))]
        if named and len({e.dynasty for e in named}) == 1:
            return named, f"dynasty named in the text: {named[0].dynasty}", "low"
    return [], "", "low"

"""Reign years named by a ruler without title, and "of his reign" (the running ruler).

Finding (on the original text, after the grammar):

* "the fifth year of Sejong", "the 3rd year of Taejo of Joseon": an era year followed by
  "of <Name>" where Name is no era but a ruler of ``rulers.csv``/``rulers_korea.csv``
  (:func:`bare_ruler`, called where an unknown name would be flagged);
* "Sejong's 5th year", "the fifth year of the reign of Sejong", "the 30th year of Sejong's
  reign": a ruler's name with 's and an ordinal year, or after "the reign of"; "Injo 15th
  year" (the Sillok's citation style) when the name has 5+ letters or the text also writes it
  after a title ("King Injo");
* "the twelfth year of his reign": a reign year of the ruler last named (``running_ruler``),
  only after a ruler or an era was named;
* "King Sejong", "Emperor Gaozong" outside a date: ``kind="ruler_context"`` mentions (no row)
  that set the running ruler; so does a ruler's personal name of two words or more written
  out ("Ying Zheng", the ``personal`` column of ``rulers.csv``), when one reign bears it.

Resolving: :func:`running_ruler` gives the ruler a "his reign" refers to: the last ruler named,
else the ruler whose era is the running era. Names are looked up with the toneless key of
:func:`pipeline.eras.era_key`; bare names need a key of 5+ letters ("Wu", "Gao" are not taken).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import accumulate

from pipeline.eras import EraTable, era_key
from pipeline.rulers import Ruler, load_ruler_table, personal_names, rules_written

from .lexicon import Lexicon, parse_number

MIN_BARE_KEY = 5  # a bare ruler name needs this many letters (not "Wu", "Gao", "Shun")
_NAME = (r"[A-ZŌŪ](?:[a-zŏŭāēīōūǎěǐǒǔáéíóúàèìòùü]|['’](?=[aeiouŏŭwy]))+"
         r"(?:-[A-Za-zŌŪ][a-zāēīōū]+)?")  # "Go-Daigo" (Japanese 後, "the later")
_TITLE = r"(?:King|Emperor|Queen|Empress|Duke|Marquis)"  # Duke, Marquis: pre-Qin states
# "Wu Di", "Xiao Wen Di", "Wu Ti": a name with 帝 written as a word of its own
_DI_NAME = rf"{_NAME}(?:\s+{_NAME})?\s+[DT]i(?![\w'’-])"
_AFTER = re.compile(
    rf"\s+of\s+(?:the\s+reign\s+of\s+)?(?P<title>{_TITLE}\s+)?(?P<name>{_DI_NAME}|{_NAME})"
    r"(?P<poss>(?:'s|’s)\s+[Rr]eign\b)?(?:\s+of\s+(?:the\s+)?(?P<dyn>[A-Z][\wŏŭ']+(?:\s+[A-Z][\wŏŭ']+)?)(?:\s+[Dd]ynasty)?)?")
_ORD = r"(?P<n>\d{1,3}\s?(?:st|nd|rd|th)|[a-z]+(?:[\s\-‐][a-z]+)?)"
_POSSESSIVE = re.compile(rf"['’]s\s+{_ORD}\s+(?:regnal\s+)?year\b")  # name looked up before
# "Injo 15th year, 1st month": the Sillok's citation style, a ruler's name before the year
_NAME_YEAR = re.compile(rf"\b(?P<name>{_NAME})\s+{_ORD}\s+(?:regnal\s+)?year\b")
_NAME_BEFORE = re.compile(rf"\b(?P<name>{_NAME})$")
# "Han Wudi", "Northern Song Huizong", "Han Wu Di", "Han Emperor Wu": a dynasty, then its
# ruler, as a run of capitalised words (split by :func:`_dynasty_and_ruler`)
_RUN = rf"{_NAME}(?:\s+{_NAME}){{1,4}}"
_RUN_AFTER = re.compile(rf"\s+of\s+(?:the\s+)?(?:reign\s+of\s+(?:the\s+)?)?(?P<run>{_RUN})"
                        r"(?P<poss>(?:'s|’s)\s+[Rr]eign\b)?")
_RUN_BEFORE = re.compile(rf"(?P<run>{_RUN})$")
_OF_DYN_BEFORE = re.compile(  # "Emperor Wu of Han's third year"
    rf"\b{_TITLE}\s+(?P<name>{_NAME})\s+of\s+(?:the\s+)?(?P<dyn>{_NAME}(?:\s+{_NAME})?)$")
_WORDS = re.compile(r"\S+")
_TITLES = frozenset(("King", "Emperor", "Queen", "Empress", "Duke", "Marquis"))
_EMPEROR_SUFFIX = re.compile(r"[a-z](?:-?di|-?ti|\s+[DT]i)$")  # 帝: "Wudi", "Wu-ti", "Wu Di"
# a CE year printed after the ruler's name: "the third year of Wu Di (138 BC)"
_PRINTED = re.compile(r"\s*\(\s*(?:AD\s*|A\.D\.\s*|CE\s*)?(?P<y>\d{1,4})\s*"
                      r"(?P<bc>BC|BCE|B\.C\.|B\.C\.E\.)?\s*(?:AD|A\.D\.|CE)?\s*\)")
_HIS_REIGN = re.compile(r"\byear\s+of\s+(?:his|her)\s+reign\b", re.IGNORECASE)
_BEFORE_YEAR = re.compile(rf"(?:\b[Tt]he\s+){_ORD}\s+$")
_REIGN_OF = re.compile(
    rf"\byear\s+of\s+(?:(?P<of>the\s+reign\s+of)\s+)?(?P<title>{_TITLE}\s+)?(?P<name>{_NAME})"
    r"(?P<poss>(?:'s|’s)\s+[Rr]eign\b)?"
    r"(?:\s+of\s+(?:the\s+)?(?P<dyn>[A-Z][\wŏŭ']+(?:\s+[A-Z][\wŏŭ']+)?)(?:\s+[Dd]ynasty)?)?")
_CONTEXT = re.compile(
    rf"\b{_TITLE}\s+(?P<name>{_NAME})(?!['’]?\w)"
    r"(?:\s+of\s+(?:the\s+)?(?P<dyn>[A-Z][\wŏŭ']+(?:\s+[A-Z][\wŏŭ']+)?)(?:\s+[Dd]ynasty)?)?")


def _written_dynasty(dyn: str, eras: EraTable) -> bool:
    """True if ``dyn`` names a dynasty (``dynasties.csv``) or a state of the ruler table
    ("Lu", "Qin": :meth:`pipeline.rulers.RulerTable.names_state`)."""
    return bool(eras.dynasty(dyn)) or load_ruler_table().names_state(dyn)


def titled_name(title: str | None, name: str) -> str:
    """``title`` + ``name`` ("Empress Gao") when the ruler tables know that form as a whole
    (a regnant empress dowager's title, ``ruler_names.csv``: not Gaozu's "Gao"), else
    ``name``."""
    if title:
        full = f"{title.strip()} {name}"
        if load_ruler_table().find(full):
            return full
    return name


def _named_ruler(name: str, text: str) -> bool:
    """True if ``name`` is a ruler's name of 5+ letters, or a shorter one ("Injo") that
    ``text`` also writes after a title ("King Injo")."""
    if _is_ruler(name):
        return True
    return bool(load_ruler_table().find(name)) and re.search(
        rf"\b{_TITLE}\s+{re.escape(name)}(?![\w'’-])", text) is not None


def _is_ruler(name: str, titled: bool = False) -> bool:
    """True if ``name`` is a ruler's name: of 5+ letters, or any length after a title
    ("Emperor Wu")."""
    key = era_key(name)
    return (titled or len(key) >= MIN_BARE_KEY) and bool(load_ruler_table().find(name))


def dynasty_ruler(dyn: str, name: str, eras: EraTable) -> bool:
    """True if ``dyn`` names a dynasty and ``name`` one of its rulers ("Han", "Wudi"): the
    dynasty written before the name is the support a short name needs."""
    return any(rules_written(r, dyn, eras) for r in load_ruler_table().find(name))


def _dynasty_and_ruler(text: str, s: int, e: int, eras: EraTable, *, at_start: bool,
                       at_end: bool) -> tuple[str, int, str, int] | None:
    """Split the capitalised words of ``text[s:e]`` into a dynasty of one or two words, an
    optional title and a ruler's name of one or two words ("Han Wu Di") that is one of that
    dynasty's rulers; (dynasty, its start, name, its end) or None. ``at_start``: the dynasty
    is the first word; ``at_end``: the name ends the run."""
    words = [(s + w.start(), s + w.end()) for w in _WORDS.finditer(text[s:e])]
    n = len(words)
    for i in ([0] if at_start else range(n)):
        for d in (2, 1):
            j = i + d
            if j >= n or any(text[a:b] in _TITLES for a, b in words[i:j]):
                continue
            dyn = text[words[i][0]:words[j - 1][1]]
            if not _written_dynasty(dyn, eras):
                continue
            if text[words[j][0]:words[j][1]] in _TITLES:
                j += 1
            for k in (2, 1):
                if j + k > n or (at_end and j + k != n):
                    continue
                name = " ".join(text[a:b] for a, b in words[j:j + k])
                if not eras.candidates(name) and dynasty_ruler(dyn, name, eras):
                    return dyn, words[i][0], name, words[j + k - 1][1]
    return None


def bare_ruler(m, text: str, eras: EraTable):
    """An inherited era year followed by "of <ruler name> [of <dynasty>]" or "of <dynasty>
    <ruler name>" ("the third year of Han Wudi") as a reign mention, else None."""
    run = _RUN_AFTER.match(text, m.end)
    split = run and _dynasty_and_ruler(text, run.start("run"), run.end("run"), eras,
                                       at_start=True, at_end=False)
    if split:
        dyn, _s, name, end = split
        if run.group("poss") and end == run.end("run"):
            end = run.end("poss")
        return replace(m, end=end, text=text[m.start:end], ruler=name, kind="reign",
                       dynasty=dyn)
    after = _AFTER.match(text, m.end)
    if after is None or eras.candidates(after.group("name")):
        return None
    name = titled_name(after.group("title"), after.group("name"))
    titled = bool(after.group("title") or _EMPEROR_SUFFIX.search(name))
    if not (_is_ruler(name, titled)
            or (after.group("dyn") and dynasty_ruler(after.group("dyn"), name, eras))):
        return None
    fields: dict = {"ruler": name, "kind": "reign"}
    end = after.end("poss") if after.group("poss") else after.end("name")
    dyn = after.group("dyn")
    if dyn and _written_dynasty(dyn, eras):
        fields["dynasty"] = dyn
        end = after.end()
    printed = _PRINTED.match(text, end)
    if printed is not None and m.stated_year is None:
        year = int(printed.group("y"))
        fields["stated_year"] = 1 - year if printed.group("bc") else year
        end = printed.end()
    return replace(m, end=end, text=text[m.start:end], **fields)


_HITS: list = [None, None, []]  # (pattern, text, hits) of the last call


def personal_name_hits(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of each ruler's personal name written in ``text`` ("Liu Che":
    the pattern of :func:`pipeline.rulers.personal_names`), by start. The last text's hits
    are kept: the reign and near-ruler passes both read them (one scan of a book, not two)."""
    pattern, _ = personal_names(load_ruler_table())
    if pattern is None:
        return []
    if _HITS[0] is not pattern or not (_HITS[1] is text or _HITS[1] == text):
        _HITS[:] = [pattern, text,
                    [(h.start(), h.end(), h.group()) for h in pattern.finditer(text)]]
    return _HITS[2]


def extra_mentions(text: str, taken: list, lex: Lexicon, eras: EraTable, mention_cls) -> list:
    """``taken`` plus the mentions the grammar leaves out ("Sejong's 5th year", "the Nth year
    of his reign", "King X" ruler context), by start. A new mention overlaps no date mention
    of ``taken``; dynasty context mentions inside a new one are dropped."""
    spans = sorted((m.start, m.end) for m in taken if m.kind != "dynasty")
    span_starts, reach = [a for a, _ in spans], list(accumulate((b for _, b in spans), max))

    def free(s: int, e: int) -> bool:  # no span (a, b) with a < e and b > s
        k = bisect_left(span_starts, e)
        return k == 0 or reach[k - 1] <= s

    out = []
    for hit in _POSSESSIVE.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, hit.start() - 30), hit.start())
        if before is None:
            continue
        name = before.group("name")
        n = parse_number(hit.group("n"), lex)
        if n is None or eras.candidates(name):
            continue
        run = _RUN_BEFORE.search(text, max(0, hit.start() - 60), hit.start())
        split = run and _dynasty_and_ruler(text, run.start(), run.end(), eras, at_start=False,
                                           at_end=True)
        of_dyn = _OF_DYN_BEFORE.search(text, max(0, hit.start() - 60), hit.start())
        fields = {}
        if split:  # "Han Wudi's third year"
            fields["dynasty"], s, name, _e = split
        elif of_dyn and dynasty_ruler(of_dyn.group("dyn"), of_dyn.group("name"), eras):
            fields["dynasty"], name = of_dyn.group("dyn"), of_dyn.group("name")
            s = of_dyn.start()  # "Emperor Wu of Han's third year"
        elif _is_ruler(name):
            s = before.start()
        else:
            continue
        if free(s, hit.end()):
            out.append(mention_cls(start=s, end=hit.end(), text=text[s:hit.end()],
                                   kind="reign", ruler=name, era_year=n, **fields))
    for hit in _NAME_YEAR.finditer(text):  # "Injo 15th year" (a Sillok citation)
        name = hit.group("name")
        n = parse_number(hit.group("n"), lex)
        if (n is None or eras.candidates(name) or not _named_ruler(name, text)
                or not free(hit.start(), hit.end())):
            continue
        out.append(mention_cls(start=hit.start(), end=hit.end(), text=hit.group(),
                               kind="reign", ruler=name, era_year=n))
    for hit in _REIGN_OF.finditer(text):  # "the fifth year of the reign of Sejong"
        if not (hit.group("of") or hit.group("poss")):
            continue
        name = titled_name(hit.group("title"), hit.group("name"))
        before = _BEFORE_YEAR.search(text, max(0, hit.start() - 40), hit.start())
        if (before is None or eras.candidates(name)
                or not _is_ruler(name, bool(hit.group("title")))):
            continue
        n = parse_number(before.group("n"), lex)
        if n is None:
            continue
        fields: dict = {}
        end = hit.end("poss") if hit.group("poss") else hit.end("name")
        if hit.group("dyn") and _written_dynasty(hit.group("dyn"), eras):
            fields["dynasty"], end = hit.group("dyn"), hit.end()
        s = before.start()
        if free(s, end):
            out.append(mention_cls(start=s, end=end, text=text[s:end], kind="reign",
                                   ruler=name, era_year=n, **fields))
    for hit in _CONTEXT.finditer(text):
        name = titled_name(hit.group(0).split()[0], hit.group("name"))
        if eras.candidates(name) or not load_ruler_table().find(name):
            continue
        dyn = (hit.group("dyn") if hit.group("dyn") and _written_dynasty(hit.group("dyn"), eras)
               else None)
        end = hit.end() if dyn else hit.end("name")
        if free(hit.start(), end):
            out.append(mention_cls(start=hit.start(), end=end, text=text[hit.start():end],
                                   kind="ruler_context", ruler=name, dynasty=dyn))
    _, personal = personal_names(load_ruler_table())
    for s, e, written in personal_name_hits(text):  # "Ying Zheng"
        if len(personal[written]) == 1 and free(s, e):
            out.append(mention_cls(start=s, end=e, text=written,
                                   kind="ruler_context", ruler=written))
    # the first start of a mention naming an era or a ruler: an antecedent for "his reign"
    named = min((x.start for x in (*taken, *out) if x.era or x.ruler), default=len(text) + 1)
    for hit in _HIS_REIGN.finditer(text):
        before = _BEFORE_YEAR.search(text, max(0, hit.start() - 40), hit.start())
        if before is None:
            continue
        n = parse_number(before.group("n"), lex)
        if n is None:
            continue
        s, e = before.start(), hit.end()
        # "his" needs an antecedent: a ruler or an era named before
        if free(s, e) and named < s:
            out.append(mention_cls(start=s, end=e, text=text[s:e], kind="reign", era_year=n,
                                   running_ruler=True))
            if out[-1].era or out[-1].ruler:
                named = min(named, s)
    if not out:
        return taken
    inside = sorted((m.start, m.end) for m in out)
    inside_starts, inside_reach = [s for s, _ in inside], list(accumulate(
        (e for _, e in inside), max))

    def within(m) -> bool:  # some new mention (s, e) with s <= m.start and m.end <= e
        k = bisect_right(inside_starts, m.start)
        return k > 0 and inside_reach[k - 1] >= m.end

    kept = [m for m in taken if m.kind != "dynasty" or not within(m)]
    return sorted((*kept, *out), key=lambda x: (x.start, x.end))


def running_ruler(state, eras) -> Ruler | None:
    """The ruler "his reign" refers to: the last ruler named, else the ruler of the running
    era (by ``era_ids``), else None."""
    if state.ruler is not None:
        return state.ruler
    if state.era is None:
        return None
    for r in load_ruler_table().rulers:
        if state.era.era_id in r.era_ids:
            return r
    return None


def ruler_of_era(surface: str, eras) -> Ruler | None:
    """"the Kangxi Emperor": the one ruler whose eras include an era of that name, else None."""
    ids = {e.era_id for e in eras.candidates(surface)}
    found = [r for r in load_ruler_table().rulers if ids.intersection(r.era_ids)]
    return found[0] if len(found) == 1 else None


def pick_ruler(name: str, state, eras, dynasty: str | None = None) -> Ruler | None:
    """The ruler a context mention "King X [of Joseon]" names: of the dynasty named, else the
    one reigning nearest the running year (of the running dynasty, if any), else the only one
    (or the only one sanmiao names without its dynasty); None if still ambiguous."""
    found = load_ruler_table().find(name)
    if dynasty:
        found = [r for r in found if rules_written(r, dynasty, eras)] or found
    elif state.dynasty:
        same = [r for r in found if state.dynasty in eras.ancestors(r.dynasty)
                or r.dynasty in eras.ancestors(state.dynasty)]
        found = same or found
    if len(found) == 1:
        return found[0]
    plain = [r for r in found if not r.qualified]
    if state.year is None and len(plain) == 1:
        return plain[0]
    if state.year is not None and found:
        return min(found, key=lambda r: max(r.reign_start - state.year,
                                            state.year - r.reign_end, 0))
    return None

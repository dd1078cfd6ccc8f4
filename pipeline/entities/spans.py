"""Candidate spans from aliases, rules, glosses and modern names; the longest wins."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import LOWER, ORTH, SPACY
from spacy.tokens import Doc, Span

from pipeline.entities.extract import _norm
from pipeline.entities.pinyin import is_one_syllable, is_pinyin_word
from pipeline.entities.rules import _anchored, _clan_names, _valid_rule, _where
from pipeline.entities.tables import _BLOCK_KEY, _PAREN, BLOCK_LABEL, _hashes, _Tables, clan_key
from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.eras import era_key
from pipeline.gazetteer import Gazetteer


@dataclass(frozen=True)
class _Cand:
    start: int  # token index
    end: int
    label: str
    canonical: str
    priority: int  # higher wins among equally long candidates


def _gloss_after(words: list[str], end: int) -> str:
    """Space-joined words of a parenthesised gloss right after token ``end`` ('' if none)."""
    if end < len(words) and words[end] == "(":
        stop = min(end + 20, len(words))
        close = next((k for k in range(end + 1, stop) if words[k] == ")"), stop)
        return " ".join(words[end + 1:close])
    return ""


def _dynasty_beside(words: list[str], start: int, end: int, gaz: Gazetteer) -> str:
    """Canonical name of the polity written right beside tokens ``start:end``: after them as
    "of (the) X (Dynasty)" or before them as "X" / "X's" ("Dongjing of the Liao", "Liao
    Dongjing"), else ""."""
    def polity(seq: list[str]) -> str:
        entry = gaz.resolve(" ".join(seq)) if seq else None
        return entry.canonical if entry is not None and entry.label == "POLITY" else ""

    k = end
    if k < len(words) and words[k] == "of":
        k += 1 + (k + 1 < len(words) and words[k + 1].lower() == "the")
        for n in (3, 2, 1):
            found = polity(words[k:k + n])
            if found:
                return found
    j = start - (2 if start >= 2 and words[start - 1] in ("'s", "’s") else 1)
    for n in (2, 1):
        if j - n + 1 >= 0:
            found = polity(words[j - n + 1:j + 1])
            if found:
                return found
    return ""


def _opens_gloss(doc: Doc, paren: int, tables: _Tables) -> bool:
    """Token ``paren`` is "(" followed by a modern-place gloss opener ("now", "today's" ...)."""
    if paren >= len(doc) or doc[paren].text != "(":
        return False
    for tok in doc[paren + 1: paren + 3]:
        if tok.lower_ in tables.gloss_openers:
            return True
        if not tok.is_space:
            break
    return False


def _gloss_places(words: list[str], orth: list[int], tables: _Tables) -> list[_Cand]:
    """PLACE candidates from "(now X, Y)" glosses: the names inside and the name before.

    ``words`` are the token texts of the doc (token index = list index).
    """
    cands: list[_Cand] = []
    n = len(words)
    for i in _where(orth, _PAREN):
        j = i + 1
        while j < n and words[j].isspace():
            j += 1
        if j >= n:
            continue
        close = next((k for k in range(j, min(j + 25, n)) if words[k] == ")"), None)
        if close is None:
            continue
        first = words[j].lower()
        opener = first in tables.gloss_openers
        known_province = any(w in tables.provinces for w in words[j:close])
        if not (opener or known_province or first in tables.gloss_words):
            continue
        if opener:
            k = i
            while k > 0 and k > i - 3 and words[k - 1].istitle() and words[k - 1].isalpha():
                k -= 1
            if k < i and not (i - k == 1 and words[k].lower() in ("the", "in", "at")):
                cands.append(_Cand(k, i, "PLACE", "", 0))
        run: list[int] = []
        for k in range(j, close + 1):
            t = words[k]
            word_ok = k < close and t.lower() not in tables.gloss_words and (
                is_pinyin_word(t) or t in tables.provinces or t in tables.suffixes
                or (t[:1].isupper() and "'" in t)
                or (bool(run) and t.istitle() and t.isalpha()))  # "Iranian Plateau"
            if word_ok and run and words[run[-1]] in tables.provinces and \
                    t not in tables.suffixes:
                cands.append(_Cand(run[0], run[-1] + 1, "PLACE", "", 0))
                run = []
            if word_ok:
                run.append(k)
            elif run:
                cands.append(_Cand(run[0], run[-1] + 1, "PLACE", "", 0))
                run = []
    return cands


def _modern_places(words: list[str], orth: list[int], tables: _Tables) -> list[_Cand]:
    """PLACE candidates for one-word names of current prefectures and counties ("Xinzheng").

    Only words of five letters or more that are no era name and do not follow a surname or
    dynasty word (which would make them a given name or an era: "Li Anyang", "Jin Tianhui").
    """
    w = tables.words
    return [_Cand(i, i + 1, "PLACE", "", 0) for i in _where(orth, tables.modern_hashes)
            if i == 0 or (words[i - 1] not in w.surnames and words[i - 1] not in w.pol_words)]


def _listed_places(words: list[str], lower: list[int], spans: list[_Cand],
                   taken: bytearray, tables: _Tables) -> list[_Cand]:
    """Relabel one-word names listed before "(and other) states/prefectures/counties" as PLACE.

    "captured Hai, Si, Tang and other states": each listed name is a place even when it is
    also a dynasty name.
    """
    by_start = {c.start: c for c in spans}
    out = {c.start: c for c in spans}
    for i in _where(lower, tables.list_noun_hashes):
        k = i - 1
        while k >= 0 and words[k].lower() in ("other", "and", "the", "several", "more"):
            k -= 1
        while k >= 0:
            t = words[k]
            if t == ")":
                k = next((m for m in range(k - 1, max(k - 25, -1), -1) if words[m] == "("), -1)
                k -= 1
                continue
            if t in (",", "and", "、"):
                k -= 1
                continue
            if t.istitle() and t.isalpha():
                c = by_start.get(k)
                if c is None and taken[k]:
                    break
                if c is None:
                    out[k] = _Cand(k, k + 1, "PLACE", "", 0)
                    taken[k] = 1
                elif c.end == k + 1 and c.label in ("POLITY", "PERSON"):
                    entry = next((e for e in tables.gazetteer.lookup(t)
                                  if e.label == "PLACE"), None)
                    out[k] = _Cand(k, k + 1, "PLACE", entry.canonical if entry else "", 0)
                elif c.label != "PLACE":
                    break
                k -= 1
                continue
            break
    return sorted(out.values(), key=lambda c: c.start)


def _propagate(words: list[str], orth: list[int], spans: list[_Cand], taken: bytearray,
               tables: _Tables) -> list[_Cand]:
    """Tag untagged repeats of PERSON/PLACE names found in the same doc (one sense per text).

    The last word of a multi-word personal name ("Nurhaci" of "Ai Xinjue Luo Nurhaci") also
    counts when it is at least five letters long and not a known common word of names.
    """
    names: dict[str, list[tuple[tuple[str, ...], _Cand]]] = {}
    for c in spans:
        if c.label in ("PERSON", "PLACE"):
            seq = tuple(words[c.start:c.end])
            names.setdefault(seq[0], []).append((seq, c))
            last = seq[-1]
            if c.label == "PERSON" and len(seq) > 1 and len(last) >= 5 \
                    and all(w[:1].isupper() for w in seq) and last not in tables.name_words:
                names.setdefault(last, []).append(((last,), c))
    if not names:
        return []
    extra: list[_Cand] = []
    n = len(words)
    for i in _where(orth, _hashes(names)):
        options = names[words[i]]
        if not taken[i]:
            for seq, c in sorted(options, key=lambda o: -len(o[0])):
                end = i + len(seq)
                if len(seq) == 1 and c.end - c.start > 1 and i > 0 \
                        and words[i - 1][:1].isupper():
                    continue  # a bare last name must not continue another capitalised word
                if end <= n and not any(taken[i:end]) and \
                        words[i:end] == list(seq):
                    extra.append(_Cand(i, end, c.label, c.canonical, 0))
                    taken[i:end] = b"\x01" * (end - i)
                    break
    return extra


def _ruler_names(words: list[str], chosen: list[_Cand], tables: _Tables) -> list[_Cand]:
    """Give PERSON candidates without a canonical name the canonical of the ruler they name
    (:class:`pipeline.entities.rulers.RulerIndex`); a mention without a dynasty is resolved
    by the dynasties the doc names (its POLITY candidates and dynasty words of PERSON ones)."""
    rulers = tables.rulers
    if rulers is None or not any(c.label == "PERSON" and not c.canonical for c in chosen):
        return chosen
    doc_dyn: list[tuple[int, str]] = []  # (token index, era_key of a dynasty named there)
    pol_words = tables.words.pol_words
    for c in chosen:
        if c.label == "POLITY":
            doc_dyn.append((c.start, era_key(c.canonical or " ".join(words[c.start:c.end]))))
            doc_dyn.append((c.start, era_key(words[c.start])))
        elif c.label == "PERSON":
            doc_dyn.extend((k, era_key(words[k])) for k in range(c.start, c.end)
                           if words[k] in pol_words and "-" not in  # not "Ming-tsung"
                           (words[k - 1] if k > c.start else "",
                            words[k + 1] if k + 1 < c.end else ""))
    titles = tables.words.titles
    out = []
    for c in chosen:
        if c.label == "PERSON" and not c.canonical:
            # dynasties nearest the mention first; at equal distance the one before it
            near = [k for _, k in sorted(doc_dyn, key=lambda d: (abs(d[0] - c.start),
                                                                 d[0] > c.start))]
            name = rulers.resolve(words[c.start:c.end], titles, near)
            if name:
                c = _Cand(c.start, c.end, c.label, name, c.priority)
        out.append(c)
    return out


def _widen_polities(words: list[str], chosen: list[_Cand], taken: bytearray,
                    tables: _Tables) -> list[_Cand]:
    """Widen POLITY candidates by a free polity word after them ("T'ang dynasty", "Chin
    State", "Mongolian Empire", "Han Chinese": a gazetteer polity of the widened name gives the
    canonical) and by a qualifier before them when the qualified name is a
    polity of the gazetteer ("Later" + T'ang = Later Tang)."""
    gaz = tables.gazetteer
    suffix = tables.words.pol_suffix | {x.lower() for x in ("Dynasty", "Dynasties")}
    qualifiers = frozenset(gaz.words("polity_qualifier"))
    out = []
    for c in chosen:
        if c.label == "POLITY":
            start, end, canonical = c.start, c.end, c.canonical
            if start > 0 and not taken[start - 1] and words[start - 1] in qualifiers:
                entry = gaz.resolve(f"{words[start - 1]} {canonical or words[start]}")
                if entry is not None and entry.label == "POLITY":
                    start, canonical = start - 1, entry.canonical
            if end < len(words) and not taken[end] and words[end] in suffix:
                end += 1  # "Han Chinese", "Khitan people": the people's own entry if any
                entry = gaz.resolve(f"{canonical or ' '.join(words[start:end - 1])} "
                                    f"{words[end - 1]}")
                if entry is not None and entry.label == "POLITY":
                    canonical = entry.canonical
            if (start, end) != (c.start, c.end):
                taken[start:end] = b"\x01" * (end - start)
                c = _Cand(start, end, c.label, canonical, c.priority)
        out.append(c)
    return out


def _drop_common_nouns(words: list[str], cands: list[_Cand], tables: _Tables) -> list[_Cand]:
    """Block rule PLACE candidates ("Name Province") whose name is a word of two syllables or
    more that the same text also writes in lower case: a common noun, an office or rank
    ("the Yuan Dynasty's Wanhu Province ... a wanhu"), not a place name."""
    rule_places = [c for c in cands if c.label == "PLACE" and c.priority == 1
                   and not c.canonical]
    if not rule_places:
        return cands
    lower_words = {w for w in words if w.islower()}
    suffix_words = tables.words.suffix_words | tables.words.directions
    bad = {c for c in rule_places
           if any(w.lower() in lower_words and not is_one_syllable(w)
                  for w in words[c.start:c.end] if w[:1].isupper() and w not in suffix_words)}
    # blocked, so that the statistical model does not tag the span either
    return [_Cand(c.start, c.end, BLOCK_LABEL, "", c.priority) if c in bad else c
            for c in cands] if bad else cands


_GILES = str.maketrans("êŭÊŬ", "euEU")
_GILES_CHARS = re.compile("[êŭÊŬ]")


def _giles_folded(doc: Doc, words: list[str], spaces: list[int]) -> Doc | None:
    """The doc's tokens with Giles's ê and ŭ as e and u ("Chu Wên", "Ssŭch'uan"), same token
    indices, for matching the gazetteer's spellings; None when the text has neither."""
    if not _GILES_CHARS.search(doc.text):
        return None
    return Doc(doc.vocab, words=[w.translate(_GILES) for w in words],
               spaces=[bool(x) for x in spaces])


def _joined_lines(doc: Doc, words: list[str], spaces: list[int]
                  ) -> tuple[Doc, list[int]] | None:
    """The doc without its single line breaks between two words (a hard-wrapped line: "Yue\n
    Fei"), Giles's ê/ŭ folded, and for each of its tokens the index of the doc's token; None
    when there is no such break. Blank lines (paragraphs) are kept."""
    n = len(words)
    breaks = [i for i in _where_text(words, "\n") if 0 < i < n - 1
              and not words[i - 1].isspace() and not words[i + 1].isspace()]
    if not breaks:
        return None
    dropped = set(breaks)
    keep = [i for i in range(n) if i not in dropped]
    new_words = [words[i].translate(_GILES) for i in keep]
    new_spaces = [bool(spaces[i]) or i + 1 in dropped for i in keep]
    return Doc(doc.vocab, words=new_words, spaces=new_spaces), keep


def _where_text(words: list[str], text: str) -> list[int]:
    """Indices of the tokens equal to ``text``."""
    out, i = [], -1
    while True:
        try:
            i = words.index(text, i + 1)
        except ValueError:
            return out
        out.append(i)


def _clan_canonical(toks: list[str], tables: _Tables) -> str:
    """Canonical of a clan written in any split + given name: the gazetteer person of that
    name with a lexicon spelling of the clan ("Yelv Dashi" -> "Yelü Dashi"); for a clan written
    in Wade–Giles, the name in pinyin ("Ssu-ma Kuang" -> "Sima Guang", also when the gazetteer
    lacks him); else ""."""
    gaz = tables.gazetteer
    key = clan_key("".join(toks[:-1]))
    for spelling in gaz.words("clan_surname"):
        if clan_key(spelling) == key:
            entry = gaz.resolve(f"{spelling} {toks[-1]}")
            if entry is not None and entry.label == "PERSON":
                return entry.canonical
    clan = (tables.clan_wg or {}).get(key)
    given = wg_name_to_pinyin(toks[-1]) if clan else ""
    if not given:
        return ""
    entry = gaz.resolve(f"{clan} {given}")
    return entry.canonical if entry is not None and entry.label == "PERSON" \
        else f"{clan} {given}"


def _wg_canonical(toks: list[str], gaz: Gazetteer) -> str:
    """Canonical of a surname + hyphenated Wade–Giles given name ("Li K'o-yung"): the
    gazetteer person of its pinyin spelling, else that spelling ("Li Keyong"), else ""."""
    name = wg_name_to_pinyin(" ".join(toks).replace(" - ", "-"))
    if not name:
        return ""
    entry = gaz.resolve(name)
    return entry.canonical if entry is not None and entry.label == "PERSON" else name


def _span_text(words: list[str], spaces: list[int], start: int, end: int) -> str:
    """``doc[start:end].text`` from the token texts and trailing-space flags."""
    text = "".join([words[k] + " " if spaces[k] else words[k] for k in range(start, end)])
    return text[:-1] if end > start and spaces[end - 1] else text


def find_spans(doc: Doc, tables: _Tables) -> list[Span]:
    """Non-overlapping entity spans from gazetteer aliases, name rules and glosses.

    Among overlapping candidates the longest wins, then the higher priority (gazetteer alias >
    rule > gloss), then the earliest. ``span.id_`` holds the canonical name.
    """
    gaz = tables.gazetteer
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, LOWER, SPACY]).T.tolist()
    orth, lower, spaces = arr[0], arr[1], arr[2]
    words = [strings[h] for h in orth]
    cands: list[_Cand] = []
    suppress: set[int] = set()
    folded = _giles_folded(doc, words, spaces)
    lower_matches = tables.lower_phrases(doc) + (tables.lower_phrases(folded) if folded else [])
    phrase_matches = tables.phrases(doc) + (tables.phrases(folded) if folded else [])
    joined = _joined_lines(doc, words, spaces)
    if joined is not None:  # names and titles broken by a line break ("Ts’e-fu\nyüan-kuei")
        jdoc, keep = joined
        for matcher, out in ((tables.lower_phrases, lower_matches),
                             (tables.phrases, phrase_matches)):
            out.extend((m, keep[a], keep[b - 1] + 1) for m, a, b in matcher(jdoc)
                       if keep[b - 1] - keep[a] != b - 1 - a)  # only those across a break
    for match_id, start, end in lower_matches:
        if strings[match_id].startswith(_BLOCK_KEY):  # a book title (tables.work_titles)
            cands.append(_Cand(start, end, BLOCK_LABEL, "", 2))
            continue
        entry = gaz.resolve(strings[match_id])
        if entry is not None:
            cands.append(_Cand(start, end, entry.label, entry.canonical, 2))
    for match_id, start, end in phrase_matches:
        alias = strings[match_id]
        if alias.startswith(_BLOCK_KEY):
            cands.append(_Cand(start, end, BLOCK_LABEL, "", 2))
            continue
        context = _gloss_after(words, end)
        if not context and len(gaz.lookup(alias)) > 1:  # "Dongjing of the Liao"
            qualifier = _dynasty_beside(words, start, end, gaz)
            context = f"{context} dynasty:{qualifier};" if qualifier else context
        entry = gaz.resolve(alias, context)
        if entry is not None:
            cands.append(_Cand(start, end, entry.label, entry.canonical, 2))
    matches = [(strings[m], a, b) for m, a, b in tables.rules(doc)]
    for key, start, end in (matches + _anchored(words, orth, lower, tables)
                            + _clan_names(words, lower, tables)):
        label = _valid_rule(key, words[start:end], tables.words)
        if key == "PLACE_MOD":
            start += 1  # the gloss word itself is not part of the name
        elif key == "PERSON_INTRO":
            start = end - 1  # only the name after "styled himself", "courtesy name" ...
        if label == "SUPPRESS":
            suppress.add(start)
        elif label is not None:
            canonical = _clan_canonical(words[start:end], tables) \
                if key == "PERSON_CLAN_KEY" else _wg_canonical(words[start:end], gaz) \
                if key == "PERSON_WG" else ""
            cands.append(_Cand(start, end, label, canonical, 1))
    if suppress:
        cands = [c for c in cands if not (c.start in suppress and c.end == c.start + 1
                                          and c.label == "POLITY")]
    cands = _drop_common_nouns(words, cands, tables)
    cands.extend(_gloss_places(words, orth, tables))
    cands.extend(_modern_places(words, orth, tables))
    cands.sort(key=lambda c: (c.start - c.end, -c.priority, c.start))
    taken = bytearray(len(doc))
    chosen: list[_Cand] = []
    for c in cands:
        if any(taken[c.start:c.end]):
            continue
        if c.label in ("POLITY", "ARMY") and _opens_gloss(doc, c.end, tables):
            # "Tang (present-day Tanghe)", "Da'an Army (now ...)": a place
            c = _Cand(c.start, c.end, "PLACE", "", c.priority)
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen = _widen_polities(words, chosen, taken, tables)
    chosen = _listed_places(words, lower, chosen, taken, tables)
    chosen.extend(_propagate(words, orth, chosen, taken, tables))
    chosen = _ruler_names(words, chosen, tables)
    spans: list[Span] = []
    for c in sorted(chosen, key=lambda c: c.start):
        text = _span_text(words, spaces, c.start, c.end)
        label = BLOCK_LABEL if text in tables.not_entity else c.label
        spans.append(Span(doc, c.start, c.end, label=label, span_id=c.canonical or _norm(text)))
    return spans

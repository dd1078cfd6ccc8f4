"""Candidate spans from aliases, rules, glosses and modern names; the longest wins.

Helpers: :mod:`.candidates` (the candidate record), :mod:`.span_places` (place candidates),
:mod:`.span_names` (passes over the chosen names), :mod:`.span_text` (token views)."""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH, SPACY
from spacy.tokens import Doc, Span

from pipeline.entities.candidates import _Cand
from pipeline.entities.extract import _norm
from pipeline.entities.name_checks import pinyin_canonical
from pipeline.entities.rules import (
    ERA_RULES,
    _anchored,
    _clan_names,
    _intro_names,
    _valid_rule,
    era_name_canonical,
)
from pipeline.entities.span_names import (
    _clan_canonical,
    _fief_canonical,
    _propagate,
    _ruler_names,
    _wg_canonical,
    _widen_polities,
)
from pipeline.entities.span_places import (
    _drop_common_nouns,
    _dynasty_beside,
    _gloss_after,
    _gloss_places,
    _listed_places,
    _modern_places,
    _opens_gloss,
    _wg_compounds,
)
from pipeline.entities.span_text import _giles_folded, _joined_lines, _span_text
from pipeline.entities.tables import _BLOCK_KEY, BLOCK_LABEL, _Tables


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
        if not context and (len(gaz.lookup(alias)) > 1 or all(
                e.context for e in gaz.lookup(alias))):  # "Dongjing of the Liao"
            qualifier = _dynasty_beside(words, start, end, gaz)
            context = f"{context} dynasty:{qualifier};" if qualifier else context
        entry = gaz.resolve(alias, context)
        if entry is not None:
            cands.append(_Cand(start, end, entry.label, entry.canonical, 2))
    matches = [(strings[m], a, b) for m, a, b in tables.rules(doc)] + _intro_names(doc, tables)
    for key, start, end in (matches + _anchored(words, orth, lower, tables)
                            + _clan_names(words, lower, tables)):
        if key == "PERSON_WG1" and end < len(words) and words[end] == "-":
            continue  # "Yü Ch'ao-ên": the given name goes on (PERSON_WG)
        label = _valid_rule(key, words[start:end], tables.words)
        if key == "PLACE_MOD":
            start += 1  # the gloss word itself is not part of the name
        elif key == "PERSON_INTRO":
            start = end - 1  # only the name after "styled himself", "courtesy name" ...
        if label == "SUPPRESS":
            suppress.add(start)
        elif label is not None:
            toks = words[start:end]
            canonical = _clan_canonical(toks, tables) if key == "PERSON_CLAN_KEY" \
                else _wg_canonical(toks, gaz) if key in ("PERSON_WG", "PERSON_WG1") \
                else _fief_canonical(toks, tables) if key == "PERSON_FIEF" \
                else _wg_canonical([toks[0], "".join(toks[2:])], gaz) if key == "PERSON_WG3" \
                else era_name_canonical(toks, tables.words) if key in ERA_RULES \
                else ""
            cands.append(_Cand(start, end, label, canonical, 1))
    compounds, firsts = _wg_compounds(words, tables)  # "Chin-t'ien" is no Jin
    cands.extend(compounds)
    suppress |= firsts
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
        canonical = c.canonical or pinyin_canonical(_norm(text), label, gaz)
        spans.append(Span(doc, c.start, c.end, label=label, span_id=canonical))
    return spans

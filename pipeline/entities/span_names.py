"""Second passes of :func:`pipeline.entities.spans.find_spans` over the chosen candidates:
repeats of names, rulers' canonical names, widened polities, and canonical names of clan and
Wade–Giles personal names."""

from __future__ import annotations

from pipeline.entities.candidates import _Cand
from pipeline.entities.rules import _where
from pipeline.entities.tables import _hashes, _Tables, clan_key
from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.eras import era_key
from pipeline.gazetteer import Gazetteer


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


def _fief_canonical(toks: list[str], tables: _Tables) -> str:
    """Canonical of a fief + rank word + personal name in Chinese word order ("Cheng Wang Zhu
    Qiyu", 郕王朱祁鈺, the Prince of Cheng): the gazetteer person of the personal name (or
    the ruler of that personal name: "Jingtai Emperor"), else the personal name ("Zhu
    Gaoxu"); "" without a personal name of two words ("Kang Wang")."""
    if len(toks) != 4:
        return ""
    name = " ".join(toks[2:])
    entry = tables.gazetteer.resolve(name)
    if entry is not None and entry.label == "PERSON":
        return entry.canonical
    ruler = tables.rulers.by_personal.get(era_key(name), "") if tables.rulers else ""
    return ruler or name

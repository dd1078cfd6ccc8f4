"""Name rules whose checks the Matcher cannot do: anchored suffix matches, rule validation."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from pipeline.entities.era_emperors import era_emperor, pinyin_name
from pipeline.entities.pinyin import is_one_syllable, is_pinyin_word, is_real_syllable
from pipeline.entities.tables import _Tables, _Words, clan_key
from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.eras import era_key


def _where(arr: list[int], hashes: frozenset[int]) -> list[int]:
    """Token indices whose attribute hash (``arr``: one per token) is in ``hashes``."""
    present = hashes.intersection(arr)
    if len(present) > 4:
        return [i for i, h in enumerate(arr) if h in present]
    out: list[int] = []
    for h in present:  # few: find them with list.index (a scan in C)
        i = arr.index(h)
        while True:
            out.append(i)
            try:
                i = arr.index(h, i + 1)
            except ValueError:
                break
    return sorted(out) if len(present) > 1 else out


def _is_name_word(word: str) -> bool:
    """Capitalised word, also with an apostrophe ("Xingguo", "Chun'an")."""
    return word.istitle() or (word[:1].isupper() and "'" in word and word.replace("'", "")
                              [1:].islower())


@lru_cache(maxsize=8)
def _suffixes_by_last(suffixes: frozenset[tuple[str, ...]], lc_ok: frozenset[str]
                      ) -> tuple[dict[str, tuple[tuple[str, ...], ...]],
                                 dict[str, tuple[tuple[str, ...], ...]],
                                 dict[tuple[str, ...], int]]:
    """Place suffixes by their last word, and by its lower case where that may be lower case
    (each in the iteration order of ``suffixes``), and that order."""
    by_last: dict[str, list[tuple[str, ...]]] = {}
    by_last_lc: dict[str, list[tuple[str, ...]]] = {}
    for sfx in suffixes:
        by_last.setdefault(sfx[-1], []).append(sfx)
        if sfx[-1].lower() in lc_ok:
            by_last_lc.setdefault(sfx[-1].lower(), []).append(sfx)
    return ({k: tuple(v) for k, v in by_last.items()},
            {k: tuple(v) for k, v in by_last_lc.items()},
            {sfx: k for k, sfx in enumerate(suffixes)})


def _anchored(words: list[str], orth: list[int], lower: list[int],
              tables: _Tables) -> list[tuple[str, int, int]]:
    """Rule matches found backwards from their last word: (rule key, start, end) in tokens.

    PLACE_SUF: [direction] name [name] suffix ("Western Zhejiang Province", "Xingguo county");
    ARMY: name [name] Army; POLITY: name Dynasty. :func:`_valid_rule` checks them.
    """
    w, a = tables.words, tables.anchors
    out: list[tuple[str, int, int]] = []
    lc_ok = tables.suffix_lc
    ends = set(_where(orth, a["suffix"])) | set(_where(lower, a["suffix_lc"]))
    by_last, by_last_lc, order = _suffixes_by_last(w.place_suffixes, lc_ok)
    for e in sorted(ends):
        # the suffixes whose last word is token e (the first test of the check below)
        exact, lc = by_last.get(words[e], ()), by_last_lc.get(words[e].lower(), ())
        sfxs = sorted(set(exact) | set(lc), key=order.__getitem__) if exact and lc \
            else exact or lc
        for sfx in sfxs:
            j = e + 1 - len(sfx)
            if j < 1 or not all(words[j + k] == x or (x.lower() in lc_ok and
                                                       words[j + k].lower() == x.lower())
                                for k, x in enumerate(sfx)):
                continue
            for n in (1, 2):
                start = j - n
                if start < 0 or not all(_is_name_word(x) for x in words[start:j]):
                    break
                out.append(("PLACE_SUF", start, e + 1))
                if start > 0 and words[start - 1] in w.directions:
                    out.append(("PLACE_SUF", start - 1, e + 1))
    bad_first = w.pol_words | {"The", "A", "An"}
    for e in _where(orth, a["army"]):
        if e >= 1 and words[e - 1].istitle() and words[e - 1] not in bad_first:
            out.append(("ARMY", e - 1, e + 1))
        if e >= 2 and words[e - 2].istitle() and words[e - 1].istitle() \
                and words[e - 2] not in bad_first and words[e - 1] not in w.pol_words:
            out.append(("ARMY", e - 2, e + 1))
    for e in _where(orth, a["polity"]):
        if e >= 1 and words[e - 1].istitle():
            out.append(("POLITY", e - 1, e + 1))
    return out


def _intro_names(doc: Doc, tables: _Tables) -> list[tuple[str, int, int]]:
    """("PERSON_INTRO", start, end) for each ``name_intro`` phrase of ``doc`` (any case)
    followed by a capitalised word (``Token.is_title``), or by "of" and one ("the literary
    name of Gangfeng"): the matches of the Matcher pattern phrase + ``{"LOWER": "of", "OP":
    "?"}`` + ``{"IS_TITLE": True}``, each once, by phrase match. :func:`_valid_rule` checks
    the name (the last word)."""
    if tables.intros is None:
        return []
    out: dict[tuple[str, int, int], None] = {}
    n = len(doc)
    for _key, start, end in tables.intros(doc):
        if end < n and doc[end].is_title:
            out["PERSON_INTRO", start, end + 1] = None
        if end + 1 < n and doc[end].lower_ == "of" and doc[end + 1].is_title:
            out["PERSON_INTRO", start, end + 2] = None
    return list(out)


def _clan_names(words: list[str], lower: list[int], tables: _Tables
                ) -> list[tuple[str, int, int]]:
    """("PERSON_CLAN_KEY", start, end) for a clan surname written in any split or case plus one
    capitalised name ("Ai XinJueluo Nurhaci", "Ai Xinjue Luo Nurhaci", "Yelv Dashi"): up to
    four words (and hyphens) whose letters spell a ``clan_surname`` of the lexicon
    (:func:`~pipeline.entities.tables.clan_key`). :func:`_valid_rule` checks the name."""
    out: list[tuple[str, int, int]] = []
    n = len(words)
    for i in _where(lower, tables.clan_starts):
        if not words[i][:1].isupper():
            continue
        key = ""
        for j in range(i, min(i + 6, n - 1)):
            if words[j] == "-":
                continue
            if not words[j].isalpha():
                break
            key += clan_key(words[j])
            if key in tables.clan_keys:
                out.append(("PERSON_CLAN_KEY", i, j + 2))
                break
    return out


def _ruler_personal(toks: list[str], w: _Words) -> str:
    """The era_key of a ruler's personal name (rulers.csv) that ``toks`` spell, in pinyin or
    Wade–Giles ("Chu Wên" -> "zhuwen"), else ""."""
    key = era_key(" ".join(toks))
    if key in w.ruler_personal:
        return key
    key = era_key(wg_name_to_pinyin(" ".join(toks)))
    return key if key in w.ruler_personal else ""


def _wg_given(toks: list[str], w: _Words) -> bool:
    """A Wade–Giles surname + one-syllable given name ("Tung Chang", "Meng Ch'ang", "Li Yen"):
    one of the two words is no pinyin syllable (so the name is Wade–Giles, not pinyin "Wang
    Hui"), and the two do not spell an era, a place or a polity of the gazetteer ("Chien Yen",
    "Ho Nan")."""
    if all(is_real_syllable(t) and "'" not in t and "’" not in t for t in toks):
        return False
    as_pinyin = wg_name_to_pinyin(" ".join(toks))
    joined = "".join(toks).replace("'", "").replace("’", "")
    return bool(as_pinyin) and toks[1] not in w.pol_words and toks[1] not in w.titles \
        and not ({" ".join(toks), as_pinyin, as_pinyin.replace(" ", "")} & w.era_names) \
        and joined.capitalize() not in w.place_names \
        and as_pinyin.replace(" ", "").capitalize() not in w.place_names


def _given_ok(text: str, w: _Words) -> bool:
    """A plausible pinyin given name: not an era, a suffix, a dynasty word or a place name of
    the gazetteer ("Liao Shangjing" is the Liao's Upper Capital)."""
    return is_pinyin_word(text) and text not in w.era_names and text not in w.stop_given \
        and text not in w.place_names


#: Years between the reigns of two dynasties beyond which their names side by side are no
#: period pair ("Ming Qing", "Wei Jin", "Song Jin" are; "Wei Qing" is a person)
PAIR_GAP_YEARS = 150


def _far_apart(first: str, second: str, w: _Words) -> bool:
    """True when no dynasty ``first`` can name and none ``second`` can name (``pol_years``)
    come within :data:`PAIR_GAP_YEARS` of each other; False when either has no years."""
    a, b = w.pol_years.get(first), w.pol_years.get(second)
    if a is None or b is None:
        return False
    return max(a[0], b[0]) - min(a[1], b[1]) > PAIR_GAP_YEARS


def _clan_person(clan: list[str], word: str, w: _Words) -> bool:
    """A clan surname + a polity word is a person ("Geshu Han", "Sima Yan", "Dugu Xin")
    unless the clan ruled a dynasty the word names (rulers.csv): "Tuoba Wei", "Sima Jin" are
    the states of those families. A polity written "X Dynasty" never gets here."""
    ruled = w.ruling_clans.get(clan_key("".join(clan)), frozenset())
    return era_key(word) not in ruled


def _no_period_pair(first: str, second: str, w: _Words) -> bool:
    """True when no dynasty ``first`` can name and none ``second`` can name make a period
    pair: the first begins no later than the second and they lie within
    :data:`PAIR_GAP_YEARS` ("Ming Qing", "Song Jin", "Wei Jin" are pairs; "Wei Qing" is too
    far apart and "Chen Liang" in the wrong order: persons). False when either has no years."""
    a, b = w.pol_spans.get(first), w.pol_spans.get(second)
    if not a or not b:
        return _far_apart(first, second, w)
    return not any(x[0] <= y[0] and max(x[0], y[0]) - min(x[1], y[1]) <= PAIR_GAP_YEARS
                   for x in a for y in b)


#: rules whose match may name an emperor by his era in Wade–Giles or an older spelling
ERA_RULES = ("PERSON_T", "PERSON_HT", "PERSON_ERA_OLD")


def era_name_canonical(toks: list[str], w: _Words) -> str:
    """The era-named emperor a title + name match names when its name is no pinyin
    ("Emperor Tao Kwang", "the Keen Lung Emperor", "Emperor Tao-kwang": Daoguang, Qianlong
    Emperor; :func:`pipeline.entities.era_emperors.era_emperor`), else "". A name in pinyin
    ("Emperor Daoguang", "Emperor Yong Le") is left to the ruler index."""
    if "of" in toks:
        return ""
    joined = " ".join(toks).replace(" - ", "-").split()  # "Kien - lung" -> "Kien-lung"
    words = [t for t in joined if t not in ("Emperor", "emperor", "The", "the")]
    names = [t for t in words if t not in w.titles and t.capitalize() not in w.titles]
    for name in (words, names):  # "Emperor Kia King": a title word may be a syllable
        if name and not pinyin_name(name):
            found = era_emperor(name, w.era_emperors, w.old_syllables)[0]
            if found:
                return found
    return ""


def _valid_rule(key: str, toks: list[str], w: _Words) -> str | None:
    """The label of a rule match if its words pass the checks the Matcher cannot do, else None."""
    py = is_pinyin_word
    if key in ("PERSON", "PERSON_ERA", "PERSON_WG"):
        return "PERSON"
    if key == "PERSON_WG1":
        return "PERSON" if _wg_given(toks, w) else None
    if key == "PERSON_WG3":  # "Tsêng-kuo-fan": surname-given-given
        return "PERSON" if toks[4].lower() not in w.wg_endings and toks[2].lower() not in \
            w.wg_endings and _wg_given([toks[0], f"{toks[2]}-{toks[4]}"], w) else None
    if key == "PERSON_ERA_OLD":  # "the Tao Kwang Emperor", "Emperor Tao-kwang"
        return "PERSON" if era_name_canonical(toks, w) else None
    if key == "PERSON_HT":
        if era_name_canonical(toks, w):  # "the Tao-kwang Emperor"
            return "PERSON"
        name = toks[:toks.index("of")] if "of" in toks else toks
        word = "".join(t for t in name if t not in w.titles and t.capitalize() not in w.titles
                       and t not in ("-", "Emperor"))
        return "PERSON" if era_key(word) in w.ruler_keys else None
    if key == "PLACE_WG":
        return "PLACE"
    if key == "PERSON_INTRO":
        name = toks[-1]
        return "PERSON" if py(name) and name not in w.era_names and name not in w.pol_words \
            else None
    if key == "PERSON_T":
        if "of" in toks:
            toks = toks[:toks.index("of")]
        # a title may be written in lower case ("emperor ningzong of Song Dynasty")
        names = [t for t in toks if t not in w.titles and t.capitalize() not in w.titles]
        if toks[0] in w.qualifiers and names and all(t in w.pol_single for t in names):
            return None  # "Great Zhou", "Great Chu": a state a rebel proclaimed, no person
        ok = names and all(py(t) or t.lower() in w.temple_lc for t in names) \
            and not any(t in w.pol_suffix for t in names)
        if not ok and len(names) == 2 and names[1].lower() in ("tsung", "tsu"):
            # "the Emperor Chuang Tsung": a Wade–Giles temple name written in two words
            ok = era_key("".join(names)) in w.ruler_keys
        if not ok:  # "Emperor Tao Kwang", "Emperor Kang Hsi": an emperor named by his era
            ok = bool(era_name_canonical(toks, w))
        return "PERSON" if ok else None
    if key == "PERSON_APP":
        rest = toks[2:]
        if rest[0] in w.surnames and len(rest) == 2 and _given_ok(rest[1], w):
            return "PERSON"
        for clan in w.clans:
            if tuple(rest[:len(clan)]) == clan and len(rest) == len(clan) + 1:
                return "PERSON"
        return None
    if key == "PERSON_AMB":
        # a dynasty name that is also a surname ("Han", "Yan", "Zhou") before a given name:
        # a two-syllable given name makes a person ("Han Nongxu"); one syllable is left to
        # the statistical model (SUPPRESS drops the dynasty reading of the first word)
        if _ruler_personal(toks, w):  # "Chu Wên", "Liu Bang": a ruler's own name
            return "PERSON"
        if toks[1] in w.pol_single and _no_period_pair(toks[0], toks[1], w) \
                and toks[1] not in w.era_names and toks[1] not in w.not_given:
            return "PERSON"  # "Wei Qing", "Chen Liang": too far apart, or in reverse order
        if not _given_ok(toks[1], w) or toks[1] in w.pol_single or toks[1] in w.not_given \
                or toks[1] in w.person_aliases:
            return None
        return "SUPPRESS" if is_one_syllable(toks[1]) else "PERSON"
    if key == "PERSON_HYG":
        # "Chiang Kai-shek" (not the Qiang), "Sun Yat-sen": a given name of two short
        # syllables joined by a hyphen; a known place spelled by the two ("Ho-nan" as
        # Henan) or a Wade–Giles temple name ("Kao-tsung", PERSON_HT) is no given name
        given, low = toks[1], toks[3]
        joined = (given + low).replace("'", "").replace("’", "")
        as_pinyin = wg_name_to_pinyin(f"{given}-{low}").replace(" ", "").capitalize()
        ok = len(given) <= 6 and len(low) <= 6 and given.isalpha() \
            and low.lower() not in ("tsung", "tsu")  \
            and joined.capitalize() not in w.place_names and as_pinyin not in w.place_names \
            and toks[0] not in w.titles
        return "PERSON" if ok else None
    if key == "PERSON_SG":
        # surname + given name that together spell a pinyin era name ("Shao Sheng" 紹聖) is the era;
        # a person of that name is a gazetteer alias, which wins over this rule
        # (pinyin only: Wade–Giles era spellings such as "Chang Ho" are common names too)
        era = " ".join(toks) in w.era_names and is_real_syllable(toks[0]) \
            and is_real_syllable(toks[1])
        return "PERSON" if _given_ok(toks[1], w) and not era else None
    if key == "PERSON_CLAN_KEY":
        given = toks[-1]
        ok = _is_name_word(given) and given not in w.stop_given \
            and (given not in w.pol_words or _clan_person(toks[:-1], given, w)) \
            and given not in w.titles and given not in w.era_names
        return "PERSON" if ok else None
    if key == "PERSON_FIEF":
        fief, rest = toks[0], toks[2:]
        named = len(rest) == 2 and rest[0] in w.surnames and _given_ok(rest[1], w)
        if not py(fief) or (fief in w.surnames and not named):
            return None  # "Han Wang Zhu Gaoxu" (漢王朱高煦): a surname is a fief before a name
        if len(rest) == 1:
            return "PERSON" if _given_ok(rest[0], w) else None
        return "PERSON" if rest[0] in w.surnames and _given_ok(rest[1], w) else None
    if key == "PERSON_STEPPE":
        # the name before a steppe ruler's title: no title, qualifier ("Great Khan"), people
        # or state ("the Xiongnu Chanyu", "the Uighur Khan"), direction, place or era word
        name = toks[0]
        bad = w.titles | w.qualifiers | w.pol_words | w.directions | w.place_names \
            | w.era_names | w.after_ruler
        return "PERSON" if name.isalpha() and name not in bad else None
    if key == "PLACE_SUF":
        i = 1 if toks[0] in w.directions else 0
        for j in range(i + 1, len(toks)):
            if tuple(toks[j:]) in w.place_suffixes or tuple(t.lower() for t in toks[j:]) \
                    in w.place_suffixes:
                names = toks[i:j]
                if len(names) == 1 and names[0] in w.surnames and \
                        all(t in w.surnames for t in toks[j:]):
                    return None  # "Li Ling" is a person, not the tomb of Li
                if names and all(py(t) and t not in w.temple and t not in w.pol_single
                                 for t in names):
                    return "PLACE"
                return None
        return None
    if key == "PLACE_MOD":
        return "PLACE" if all(py(t) or t in w.suffix_words for t in toks[1:]) else None
    if key in ("PLACE_PRE", "PLACE_END"):
        name = toks[0] if key == "PLACE_END" else toks[1]
        # an era name ("Zhenguan", "Kaiyuan") is no place by its ending alone
        return "PLACE" if py(name) and name not in w.era_names else None
    if key == "POLITY":
        return "POLITY" if py(toks[0]) and toks[0] not in w.pol_single else None
    return key


# --- matching -----------------------------------------------------------------------------------

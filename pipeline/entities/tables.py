"""Word sets and spaCy matchers built once from a Gazetteer (``entity_lexicon.csv``)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import hash_string
from spacy.vocab import Vocab

from pipeline.entities.dynasty_years import polity_spans, polity_years
from pipeline.entities.pinyin import WG_SYLLABLE, is_one_syllable
from pipeline.entities.rulers import RulerIndex, gazetteer_ruler_index, surname_key
from pipeline.entities.wadegiles import pinyin_to_wg, pinyin_to_wg_key, wg_syllable_to_pinyin
from pipeline.gazetteer import Gazetteer

COMPONENT = "chronicle_gazetteer"
BLOCK_LABEL = "CHRONICLE_BLOCK"  # preset by the component to keep ner off a span; never output
_BLOCK_KEY = "\x00block:"  # PhraseMatcher key prefix of not_entity phrases
_ALL_PIPES = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")

WORKS_FILE = "works.csv"  # book titles (hand-kept); their spellings in name_romanizations.csv


def _syllable(word: str) -> bool:
    return is_one_syllable(word) or re.fullmatch(f"(?i:{WG_SYLLABLE})", word) is not None


def _two_syllables(title: str) -> bool:
    """A title of two one-syllable words ("Li Ji", "Zhou Li"): read as a person's name too."""
    words = title.split()
    return len(words) == 2 and all(_syllable(w) for w in words)


def work_titles(directory: Path | None) -> frozenset[str]:
    """Every spelling of the book titles of ``works.csv`` in ``directory`` (empty without it).

    Hand-kept titles (canonical and aliases) and the spellings derived from the characters
    (``name_romanizations.csv`` rows of file ``works.csv``: "Hsin Wu-tai Shih", "Tzu-chih
    T'ung-chien"). A derived spelling of two one-syllable words ("Li Ji" of 禮記, a person's
    name too) is kept only when the row itself lists such a split spelling ("Liao Shi")."""
    if directory is None or not (directory / WORKS_FILE).is_file():
        return frozenset()
    with (directory / WORKS_FILE).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    titles: set[str] = set()
    split_ok: set[str] = set()
    for row in rows:
        names = [row["canonical"], *(a.strip() for a in (row.get("aliases") or "").split("|"))]
        titles.update(n for n in names if n)
        if any(_two_syllables(n) for n in names if n):
            split_ok.add(row["canonical"])
    derived = directory / "name_romanizations.csv"
    if derived.is_file():
        with derived.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("file") == WORKS_FILE and row.get("alias") and (
                        row["canonical"] in split_ok or not _two_syllables(row["alias"])):
                    titles.add(row["alias"])
    return frozenset(titles)


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
    place_names: frozenset[str] = frozenset()  # one-word PLACE aliases of 2+ syllables
    ruler_keys: frozenset[str] = frozenset()  # era_keys of rulers' temple names and eras
    ruler_personal: frozenset[str] = frozenset()  # era_keys of rulers' personal names
    wg_surnames: frozenset[str] = frozenset()  # the surnames in Wade–Giles ("Tung", "Ts'ao")
    wg_endings: frozenset[str] = frozenset()  # place_ending_wg ("chou", "fu", "hsien")
    # clan_key of a ruling family's surname -> era_keys of the dynasties it ruled
    # (RulerIndex.surname_dynasties; Wade–Giles clan spellings too: "ssuma")
    ruling_clans: Mapping[str, frozenset[str]] = field(default_factory=dict, hash=False,
                                                       compare=False)
    # one-word polity name -> (first, last) year of the reigns of every dynasty it can name
    pol_years: Mapping[str, tuple[int, int]] = field(default_factory=dict, hash=False,
                                                     compare=False)
    # one-word polity name -> (first, last) years of each dynasty it can name, sorted
    pol_spans: Mapping[str, tuple[tuple[int, int], ...]] = field(default_factory=dict,
                                                                 hash=False, compare=False)


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
    modern_hashes: frozenset[int]  # ORTH hashes of usable modern place names (and postal)
    list_noun_hashes: frozenset[int]  # LOWER hashes of list nouns
    suffix_lc: frozenset[str]  # place suffixes also matched in lower case
    rulers: RulerIndex | None = None  # rulers.csv: canonical names of rulers
    clan_keys: frozenset[str] = frozenset()  # clan surnames as letters only (clan_key)
    # clan_key of a Wade–Giles spelling ("ssuma") -> the lexicon's pinyin spelling ("Sima")
    clan_wg: dict[str, str] | None = None
    clan_starts: frozenset[int] = frozenset()  # LOWER hashes of words a clan may start with


def clan_key(text: str) -> str:
    """A clan surname as lower-case letters only, ü and v as u ("Ai XinJueluo", "Aixinjueluo"
    and "Ai Xinjue Luo" -> "aixinjueluo"; "Yelü", "Yelv" -> "yelu")."""
    return surname_key(text)


def _other_surname(wg_key: str, clan: str, surnames: Iterable[str]) -> bool:
    """True if the letters-only Wade–Giles key of a clan (its aspiration apostrophe dropped:
    "tung" of T'ung 佟, pinyin Tong) is read, as written, as another surname of the lexicon
    (Wade–Giles "Tung" is pinyin Dong 董): the key would turn every Tung into a Tong."""
    reading = wg_syllable_to_pinyin(wg_key)
    return bool(reading) and reading != clan.lower() and reading.capitalize() in surnames


def _clan_starts(keys: Iterable[str]) -> frozenset[int]:
    """LOWER hashes of every word a clan of ``keys`` can begin with: each prefix of two
    letters or more, also with ü/v for u ("ai", "aixin", "yelü", "yelv")."""
    out: set[str] = set()
    for key in keys:
        for n in range(2, len(key) + 1):
            prefix = key[:n]
            out.update({prefix, prefix.replace("u", "ü"), prefix.replace("u", "v")})
    return _hashes(out)


_CAP = {"IS_TITLE": True}


def _words(gaz: Gazetteer, rulers: RulerIndex | None = None) -> _Words:
    polity_aliases = {e.alias for e in gaz.entries if e.label == "POLITY"}
    pol_single = frozenset(a for a in polity_aliases if " " not in a and a[:1].isupper())
    # temple names (廟號, "...zong", "...zu") of every ruler of rulers.csv, plus the lexicon's
    temple = frozenset(gaz.words("temple_name")) | (rulers.temple_names if rulers else set())
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
        place_names=frozenset(e.alias for e in gaz.entries if e.label == "PLACE"
                              and " " not in e.alias and not is_one_syllable(e.alias)
                              and e.source.startswith("places.csv")),
        ruler_keys=frozenset(k for k in rulers.by_name if k.endswith(("zong", "zu", "tsung", "tsu"))
                             ) | frozenset(rulers.by_era) if rulers else frozenset(),
        ruler_personal=frozenset(rulers.by_personal) if rulers else frozenset(),
        wg_endings=frozenset(x.lower() for x in gaz.words("place_ending_wg")),
        wg_surnames=frozenset(f for x in surnames if " " not in x
                              for f in (pinyin_to_wg(x).capitalize(),
                                        pinyin_to_wg(x).capitalize().replace("e", "ê"))),
        pol_years=polity_years(pol_single, gaz.source_dir),
        pol_spans=polity_spans(pol_single, gaz.source_dir),
        stop_given=frozenset({s[0] for s in place_suffixes if len(s) == 1} | pol_suffix
                             | temple | set(gaz.words("army_word"))),
    )


def _build_tables(nlp: Language, gaz: Gazetteer) -> _Tables:
    vocab = nlp.vocab
    make = nlp.make_doc
    phrases = PhraseMatcher(vocab, attr="ORTH")
    lower_phrases = PhraseMatcher(vocab, attr="LOWER")
    aliases = sorted({e.alias for e in gaz.entries})
    rulers = gazetteer_ruler_index(gaz)
    w = _words(gaz, rulers)
    for alias in aliases:
        # a Wade–Giles apostrophe is also typed as the typographic one ("T’ai-tsung")
        forms = [make(alias), make(alias.replace("'", "’"))] if "'" in alias else [make(alias)]
        phrases.add(alias, forms)
        if ("-" in alias and alias[:1].isupper()) or (  # "Hsi-Hsia", "K'ai-Feng" as well
                alias.split()[-1] in w.pol_suffix and
                any(e.label == "POLITY" for e in gaz.lookup(alias))):
            lower_phrases.add(alias, forms)
    for word in gaz.words("not_entity"):  # blocks the model from these spans
        phrases.add(_BLOCK_KEY + word, [make(word)])
    for title in work_titles(gaz.source_dir):  # book titles are no names ("Hsin Wu-tai shih")
        lower_phrases.add(_BLOCK_KEY + title, [make(title)] + (
            [make(title.replace("'", "’"))] if "'" in title else []))

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
    rules = Matcher(vocab, validate=False)  # (flag bits are no attribute names)
    titles_lc = {t.lower() for t in w.titles}
    rules.add("PERSON_T", [
        [isin(w.titles, op="+"), cap, cap_opt, cap_opt, cap_opt],
        [isin(w.titles, op="+"), cap, cap_opt] + of_polity,
        [isin(titles_lc, "LOWER"), isin(w.temple_lc, "LOWER")] + of_polity,
        [isin(titles_lc, "LOWER"), cap] + of_polity,  # "the rebel king Xin of Han"
        [isin(w.temple_lc, "LOWER")] + of_polity,
    ])
    rules.add("PERSON", [
        [isin(w.temple)], [isin(w.temple_lc)],
        [isin({p.lower() for p in w.pol_single}, "LOWER"), isin(w.temple_lc, "LOWER")],
    ])
    rules.add("PERSON_APP", [[isin(w.pol_single), isin(w.temple), cap, cap,
                              cap_opt, cap_opt]])
    if rulers is not None:  # "the Hongwu Emperor": an era of the ruler's reign + Emperor
        era_words = {x for x in rulers.era_words if x not in w.titles}
        rules.add("PERSON_ERA", [[isin(era_words), {"ORTH": "Emperor"}]])
    # "Li Ts'ung-k'o", "Niu Sêng-ju": surname + hyphenated Wade–Giles given name
    wg_syl = WG_SYLLABLE.replace("'", "['’]")  # straight or typographic apostrophe
    wg_cap = f"^(?=[A-Z])(?i:{wg_syl})$"
    wg_low = f"^(?=[a-zêüŭ])(?:{wg_syl})$"
    rules.add("PERSON_WG", [[dict(_flag_token(vocab, _Regex(wg_cap), {"TEXT": {"REGEX": wg_cap}}),
                                  IS_STOP=False),  # not "In Ho-nan", "He Lo-yang"
                             _flag_token(vocab, _Regex(wg_cap), {"TEXT": {"REGEX": wg_cap}}),
                             {"ORTH": "-"},
                             _flag_token(vocab, _Regex(wg_low), {"TEXT": {"REGEX": wg_low}})]])
    # "Tung Chang", "Meng Ch'ang", "Li Yen": a surname in Wade–Giles + a one-syllable given name
    rules.add("PERSON_WG1", [[isin(w.wg_surnames),
                              _flag_token(vocab, _Regex(wg_cap), {"TEXT": {"REGEX": wg_cap}})]])
    # "Tsêng-kuo-fan": a whole Wade–Giles name joined by hyphens
    rules.add("PERSON_WG3", [[isin(w.wg_surnames), {"ORTH": "-"},
                              _flag_token(vocab, _Regex(wg_low), {"TEXT": {"REGEX": wg_low}}),
                              {"ORTH": "-"},
                              _flag_token(vocab, _Regex(wg_low), {"TEXT": {"REGEX": wg_low}})]])
    rules.add("PLACE_WG", [[_flag_token(vocab, _Regex(wg_cap), {"TEXT": {"REGEX": wg_cap}}),
                            {"ORTH": "-"}, isin(gaz.words("place_ending_wg"), "LOWER")]])
    # Wade–Giles temple names and eras split by spaCy at the hyphen: "Hui-tsung of Sung",
    # "Emperor Kao-tsung", "the K'ang-hsi Emperor" (checked against rulers.csv in _valid_rule)
    hyph = [_flag_token(vocab, _Regex(wg_cap), {"TEXT": {"REGEX": wg_cap}}), {"ORTH": "-"}]
    temple_wg = hyph + [{"LOWER": {"IN": ["tsung", "tsu"]}}]
    rules.add("PERSON_HT", [temple_wg, temple_wg + of_polity,
                            [isin(titles_lc, "LOWER", op="+")] + temple_wg,
                            [isin(titles_lc, "LOWER", op="+")] + temple_wg + of_polity,
                            hyph + [_flag_token(vocab, _Regex(wg_low),
                                                {"TEXT": {"REGEX": wg_low}}),
                                    {"ORTH": "Emperor"}]])
    intros = [[{"LOWER": x} for x in phrase.lower().split()] for phrase in gaz.words("name_intro")]
    if intros:  # "styled himself Ruxian": the name after the phrase (see find_spans)
        rules.add("PERSON_INTRO", [p + [{"LOWER": "of", "OP": "?"}, cap] for p in intros])
    rules.add("PERSON_SG", [[isin(w.plain_surnames), cap]])
    rules.add("PERSON_AMB", [[isin(w.surnames & w.pol_single), cap]])
    # "Chiang Kai-shek", "Sun Yat-sen": a polity word or surname + a hyphenated given name
    # of any romanization (checked in _valid_rule)
    rules.add("PERSON_HYG", [[isin(w.pol_single | w.surnames), cap, {"ORTH": "-"},
                              {"IS_LOWER": True, "IS_ALPHA": True}]])
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

    clan_wg = {}
    for clan in gaz.words("clan_surname"):  # "Ssu-ma" for Sima, derived by pypinyin
        wg = clan_key(pinyin_to_wg_key(clan.replace(" ", "")))
        if wg and wg != clan_key(clan) and not _other_surname(wg, clan, w.surnames):
            clan_wg.setdefault(wg, clan.replace(" ", ""))
    clan_keys = frozenset(clan_key(c) for c in gaz.words("clan_surname")) | frozenset(clan_wg)
    if rulers is not None:
        ruling = dict(rulers.surname_dynasties)
        for wg, pinyin in clan_wg.items():
            if clan_key(pinyin) in ruling:
                ruling.setdefault(wg, ruling[clan_key(pinyin)])
        w = replace(w, ruling_clans=MappingProxyType(ruling))
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
        modern_hashes=_hashes(n for n in gaz.modern_places.union(gaz.postal_places)
                              if len(n) >= 5 and n not in w.era_names and n not in w.surnames
                              and n not in w.pol_words),
        list_noun_hashes=_hashes(x.lower() for x in gaz.words("list_noun")),
        suffix_lc=frozenset(x.lower() for x in gaz.words("place_suffix_lc")),
        rulers=rulers,
        clan_keys=clan_keys, clan_starts=_clan_starts(clan_keys), clan_wg=clan_wg,
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

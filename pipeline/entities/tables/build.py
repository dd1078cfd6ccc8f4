"""The matchers and word sets of one Gazetteer (:class:`_Tables`), built once per pipeline."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from types import MappingProxyType

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from pipeline.entities.pinyin import WG_SYLLABLE
from pipeline.entities.rulers import RulerIndex, gazetteer_ruler_index
from pipeline.entities.wadegiles import pinyin_to_wg_key
from pipeline.gazetteer import Gazetteer

from .flags import _flag_token, _hashes, _InSet, _Regex
from .words import _clan_starts, _other_surname, _Words, _words, clan_key
from .works import work_titles

COMPONENT = "chronicle_gazetteer"
BLOCK_LABEL = "CHRONICLE_BLOCK"  # preset by the component to keep ner off a span; never output
_BLOCK_KEY = "\x00block:"  # PhraseMatcher key prefix of not_entity phrases
_ALL_PIPES = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")


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
    intros: PhraseMatcher | None = None  # name_intro phrases (LOWER): rules._intro_names


_CAP = {"IS_TITLE": True}


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
        # an era in Wade–Giles or an older spelling: "the Tao Kwang Emperor", "Emperor
        # Tao-kwang" (checked against the era-named emperors in _valid_rule)
        not_the = {"IS_TITLE": True, "LOWER": {"NOT_IN": ["the"]}}
        rules.add("PERSON_ERA_OLD", [
            [not_the, cap_opt, {"ORTH": "Emperor"}],
            [{"ORTH": "Emperor"}, cap, {"ORTH": "-"}, {"IS_LOWER": True, "IS_ALPHA": True}],
        ])
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
    # "styled himself Ruxian": the name after the phrase (see find_spans and
    # rules._intro_names); the phrases in one PhraseMatcher, not a Matcher pattern each
    intros = PhraseMatcher(vocab, attr="LOWER")
    for phrase in gaz.words("name_intro"):
        intros.add("PERSON_INTRO", [Doc(vocab, words=phrase.lower().split())])
    rules.add("PERSON_SG", [[isin(w.plain_surnames), cap]])
    rules.add("PERSON_AMB", [[isin(w.surnames & w.pol_single), cap]])
    # "Chiang Kai-shek", "Sun Yat-sen": a polity word or surname + a hyphenated given name
    # of any romanization (checked in _valid_rule)
    rules.add("PERSON_HYG", [[isin(w.pol_single | w.surnames), cap, {"ORTH": "-"},
                              {"IS_LOWER": True, "IS_ALPHA": True}]])
    rules.add("PERSON_FIEF", [[cap, isin(w.after_name), cap, cap_opt]])
    # "the Jieli Qaghan", "Huhanye Chanyu": a steppe ruler's name + his title, one person
    rules.add("PERSON_STEPPE", [[dict(cap, IS_STOP=False), isin(w.after_ruler)]])  # not "The Khan"
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
        rules=rules, intros=intros,
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

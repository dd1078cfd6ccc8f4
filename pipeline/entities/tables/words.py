"""The word sets the name rules use (:class:`_Words`), built from a Gazetteer and its
lexicon, and the clan-surname keys."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pipeline.entities.dynasty_years import polity_spans, polity_years
from pipeline.entities.era_emperors import era_emperor_keys, old_syllables
from pipeline.entities.pinyin import is_one_syllable
from pipeline.entities.rulers import RulerIndex, surname_key
from pipeline.entities.wadegiles import pinyin_to_wg, wg_syllable_to_pinyin
from pipeline.gazetteer import Gazetteer

from .flags import _hashes


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
    # a steppe ruler's title after his name (title_after_ruler: "the Jieli Qaghan")
    after_ruler: frozenset[str] = frozenset()
    ruler_keys: frozenset[str] = frozenset()  # era_keys of rulers' temple names and eras
    ruler_personal: frozenset[str] = frozenset()  # era_keys of rulers' personal names
    wg_surnames: frozenset[str] = frozenset()  # the surnames in Wade–Giles ("Tung", "Ts'ao")
    wg_endings: frozenset[str] = frozenset()  # place_ending_wg ("chou", "fu", "hsien")
    # polity_qualifier words that are no title of their own ("Great" of "Great Khan"): before
    # a polity name they make a state ("Great Zhou", "Great Chu"), not a titled person
    qualifiers: frozenset[str] = frozenset()
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
    # era_key of a spelling of an era-named emperor's era -> his canonical ("kanghsi" ->
    # "Kangxi Emperor"; :func:`pipeline.entities.era_emperors.era_emperor_keys`)
    era_emperors: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    # 19th-century spelling of a syllable -> its Wade–Giles syllables (lexicon old_syllable)
    old_syllables: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False,
                                                         compare=False)


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
        after_ruler=frozenset(gaz.words("title_after_ruler")),
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
        qualifiers=frozenset(gaz.words("polity_qualifier")) - set(gaz.words("person_title")),
        wg_surnames=frozenset(f for x in surnames if " " not in x
                              for f in (pinyin_to_wg(x).capitalize(),
                                        pinyin_to_wg(x).capitalize().replace("e", "ê"))),
        pol_years=polity_years(pol_single, gaz.source_dir),
        pol_spans=polity_spans(pol_single, gaz.source_dir),
        era_emperors=era_emperor_keys(rulers) if rulers else {},
        old_syllables=old_syllables(gaz.words("old_syllable")),
        stop_given=frozenset({s[0] for s in place_suffixes if len(s) == 1} | pol_suffix
                             | temple | set(gaz.words("army_word"))),
    )

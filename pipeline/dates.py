"""Find date mentions in English text on Chinese history (first pass, no resolution).

A :class:`DateMention` is *underspecified* (HeidelTime style): "In the fourteenth year" keeps
``era_year=14`` and no era; "the following year" keeps ``rel_years=1``.
:func:`pipeline.chronology.resolve_dates` fills in the values in one pass over the document.

Conventions: ``start``/``end`` are Python ``str`` offsets into the text given (end exclusive);
``month`` is a lunar month 1-12 (a Western month for ``calendar="western"``); CE years are
astronomical (1 BCE = 0). Word lists come from ``gazetteer/date_words.csv``; era and dynasty
names (with their romanization variants) from the :class:`~pipeline.eras.EraTable`.

How it works: era names and dynasty names are found first by dictionary lookup over windows of
1-4 words (so "Jing Kang", "T'ien-hui", "shaoding" all work) and replaced, in a same-length
copy of the text, by placeholder characters; one precompiled grammar (``regex`` module) then
matches the date phrases on that masked copy, so offsets carry over unchanged. An era name
only makes a mention in a date context (a year, phase or month attached), so "Datong, Shanxi"
or "the Kaixi Northern Expedition" produce none.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import regex

from pipeline.eras import EraTable, era_key

GAZETTEER = Path(__file__).resolve().parent.parent / "gazetteer"

KINDS = (
    "explicit", "inherited", "relative", "month", "season", "day", "range", "gregorian",
    "dynasty", "reign", "sexagenary", "era_context",
)

_ERA_START, _ERA_FILL, _DYN_START, _DYN_FILL = "\x01", "\x02", "\x03", "\x04"


@dataclass(frozen=True)
class DateMention:
    """One date phrase as written, before resolution.

    ``kind``: explicit (era named) | inherited (era year, era not named; ``dynasty`` set when
    the text names only the dynasty, ``era_fragment`` when a cut-off era word precedes it) |
    relative | month | day | season | range (``parts`` = the two ends) | gregorian (Western
    date: ``western_year``, ``month``, ``day``; ``calendar`` = "western" or "gregorian" when
    the text says so) | dynasty (a dynasty name outside a date: context only, no output row).
    ``era``: the era name as written (look it up with ``EraTable.candidates``), at
    ``era_start:era_end``.
    ``phase``: early | beginning | middle | late | end ("the early years of Kaiyuan") | whole
    ("in the Kaiyuan era").
    ``rel_years``/``rel_days``: offsets from the running date. ``stated_year``: a CE year
    printed with the date ("(1125)", ", 1125)", "(249 years)", "(the Christian era 1267)").
    """

    start: int
    end: int
    text: str
    kind: str
    era: str | None = None
    era_start: int = -1
    era_end: int = -1
    era_fragment: str | None = None
    dynasty: str | None = None
    era_year: int | None = None
    phase: str | None = None
    rel_years: int | None = None
    rel_days: int | None = None
    month: int | None = None
    leap: bool = False
    day: int | None = None
    season: str | None = None
    stated_year: int | None = None
    western_year: int | None = None
    calendar: str = "lunar"
    parts: tuple[DateMention, ...] = ()
    unknown_name: str | None = None  # "the fifth year of Zorblax": a name that is no known era
    ruler: str | None = None  # "Emperor Gaozong", "Emperor Shun of Yuan": a ruler's name as written
    cycle_year: int | None = None  # sexagenary year 1-60 (1 = jiazi): "the jiashen year"
    cycle_day: int | None = None  # sexagenary day 1-60: "on the yisi day"
    last_day: bool = False  # "the last day of the twelfth month"
    phase_guess: bool = False  # "Early in the Jianyan era": read as the first year, a guess
    stated_year_end: int | None = None  # "(1101/02)", "(1403-1424)": last printed CE year
    lunar_year: int | None = None  # "the third month of 1662": the Chinese year begun in 1662
    era_title: bool = False  # "Emperor Zhengde", "the Kangxi Emperor": an era used as a name
    fuzzy_era: bool = False  # era as written is one letter from a known one ("Xiangping")


# --------------------------------------------------------------------------- lexicon
@dataclass(frozen=True)
class Lexicon:
    """Word lists of ``date_words.csv`` grouped by category (word -> value)."""

    words: dict[str, dict[str, str]]

    def cat(self, category: str) -> dict[str, str]:
        return self.words.get(category, {})


@lru_cache(maxsize=4)
def load_lexicon(gazetteer_dir: Path = GAZETTEER) -> Lexicon:
    """Read ``date_words.csv`` (cached per directory)."""
    words: dict[str, dict[str, str]] = {}
    with (gazetteer_dir / "date_words.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            words.setdefault(row["category"], {})[row["word"]] = row["value"]
    return Lexicon(words)


def _alt(items: list[str] | set[str], *, ci: bool = True, boundary: bool = True) -> str:
    """Regex alternation of literal phrases, longest first; spaces match any whitespace."""
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(items), key=lambda s: -len(s))]
    body = "|".join(parts)
    body = f"(?i:{body})" if ci else f"(?:{body})"
    return rf"\b{body}(?![\w])" if boundary else body


def parse_number(text: str, lex: Lexicon | None = None) -> int | None:
    """'forty-fourth' -> 44, '45th' -> 45, 'fifteen' -> 15, '6' -> 6; None if not a number."""
    lex = lex or load_lexicon()
    s = text.strip().lower()
    m = re.match(r"(\d+)", s)
    if m:
        return int(m.group(1))
    values = {**lex.cat("cardinal"), **lex.cat("ordinal"), **lex.cat("cardinal_tens"),
              **lex.cat("ordinal_tens"), **lex.cat("first_year")}
    s = re.sub(r"\s+", " ", s)
    if s in values:
        return int(values[s])
    hundreds = {**lex.cat("cardinal_hundred"), **lex.cat("ordinal_hundred")}
    words = [w for w in re.split(r"[\s\-‐]+", s) if w != "and"]
    if not words or any(w not in values and w not in hundreds for w in words):
        return None
    total = part = 0  # "one hundred and first" -> 101, "twenty-fifth" -> 25
    for w in words:
        if w in hundreds:
            total += (part or 1) * int(hundreds[w])
            part = 0
        else:
            part += int(values[w])
    return total + part


def cycle_number(text: str, lex: Lexicon | None = None) -> int | None:
    """Sexagenary name -> 1..60 (1 = jiazi): 'jiashen' -> 21, 'kuei-mao' -> 40, 'Gapsin' -> 21.

    Stems and branches come from ``date_words.csv`` (pinyin, Wade-Giles, Korean); a stem and a
    branch of different parity name no cycle position (None).
    """
    lex = lex or load_lexicon()
    word = re.sub(r"[\s\-‐’'ʼ]+", "", text.strip().lower())
    stems = {k.replace("'", ""): int(v) for k, v in lex.cat("heavenly_stem").items()}
    branches = {k.replace("'", ""): int(v) for k, v in lex.cat("earthly_branch").items()}
    for i in range(1, len(word)):
        st, br = stems.get(word[:i]), branches.get(word[i:])
        if st is not None and br is not None and (st - br) % 2 == 0:
            return next(n for n in range(1, 61)
                        if (n - 1) % 10 + 1 == st and (n - 1) % 12 + 1 == br)
    return None


# --------------------------------------------------------------------------- grammar
@dataclass(frozen=True)
class _Grammar:
    pattern: regex.Pattern
    firsts: frozenset[str]  # lowercase words that can start a date phrase
    months: dict[str, int]
    seasons: dict[str, str]
    phases: dict[str, str]
    rel_year: dict[str, int]
    rel_day: dict[str, int]
    rel_dir: dict[str, int]
    ce_neg: frozenset[str]
    duration_cues: frozenset[str]
    lex: Lexicon


@lru_cache(maxsize=4)
def _grammar(gazetteer_dir: Path = GAZETTEER) -> _Grammar:
    lex = load_lexicon(gazetteer_dir)
    c = lex.cat
    THE = r"(?i:the)"
    OM, CM = f"{_ORD_HEAD}{_ORD_FILL}*", f"{_CARD_HEAD}{_CARD_FILL}*"
    AND = r"(?:[\s\-‐]+(?i:and))?"
    ORD = rf"(?:(?:{CM}{AND}[\s\-‐]+){{0,3}}{OM}|\b\d{{1,3}}\s?(?:st|nd|rd|th)\b)"
    CARD = rf"(?:{CM}(?:{AND}[\s\-‐]+{CM}){{0,3}}|\b\d{{1,3}}\b)"
    E = f"{_ERA_START}{_ERA_FILL}*"
    D = f"{_DYN_START}{_DYN_FILL}*"
    DYNWORD = r"(?:[Dd]ynasty|[Kk]ingdom|[Ss]tate|[Ee]mpire|[Cc]ourt)"
    CAP = r"[A-Z][a-z]+"
    suffix = _alt(list(c("era_suffix")))
    ce_pre = _alt(list(c("ce_prefix")), ci=False, boundary=False)
    ce_suf = _alt(list(c("ce_suffix")), ci=False, boundary=False)
    ce_era = _alt([w for w in c("ce_suffix") if not w.startswith("year")], ci=False,
                  boundary=False)
    months_full = {w: int(v) for w, v in c("month").items() if not w.endswith(".")}
    months_all = {w.rstrip("."): int(v) for w, v in c("month").items()}
    MON_FULL = f"{_MON_HEAD}{_MON_FILL}*"
    abbrev = _alt([w for w in months_all if w not in months_full], ci=False, boundary=False)
    MON_ANY = rf"(?:{MON_FULL}|{abbrev}\.?(?![A-Za-z]))"
    leapw = _alt(list(c("leap")))
    season = _alt(list(c("season")))
    phase = _alt(list(c("phase")))
    stems = "|".join(sorted(c("heavenly_stem"), key=len, reverse=True))
    branches = "|".join(sorted(c("earthly_branch"), key=len, reverse=True))
    SEXA = rf"(?i:\b(?:{stems})[\s\-]?(?:{branches})\b)"
    YEAR = r"(?i:year)"
    RULER = r"(?P<ruler>[A-Z][a-z]+(?:-[a-z]+)?)"
    last_day = _alt(list(c("last_day")))
    phase_in = _alt(list(c("phase_in")))
    preps = _alt(list(c("year_preposition")), boundary=False)
    count_nouns = _alt(list(c("count_noun")), boundary=False)
    rel_year = _alt(list(c("relative_year")))
    rel_day = _alt(list(c("relative_day")))
    rel_dir = _alt(list(c("relative_direction")))
    rel_unit = _alt(list(c("relative_unit")))

    CEVAL = (
        rf"(?:{ce_pre}\s*)?(?P<ce>\d{{1,4}})(?!\d)(?:\s*[-–/]\s*(?P<ceend>\d{{1,4}})(?!\d))?"
        rf"(?:\s*(?P<cesuf>{ce_suf})(?![A-Za-z]))?"
    )
    CE = rf"(?:\s*\(\s*{CEVAL}(?:\s+[^()\n]{{0,25}})?\s*\)|,\s*{CEVAL}(?=\s*\)))"
    QUAL = (
        rf"(?:\s+of\s+(?:{THE}\s+)?(?:(?P<dyn>{D})(?:\s+{DYNWORD})?(?:\s+(?:{D}|{CAP}))?"
        rf"|Emperor\s+{RULER})|,\s+Emperor\s+{RULER}(?:\s+of\s+(?:{THE}\s+)?(?P<dyn>{D})"
        rf"(?:\s+{DYNWORD})?)?)"
    )
    QUAL_OF = rf"(?:\s+of\s+(?:{THE}\s+)?(?P<dyn>{D})(?:\s+{DYNWORD})?(?:\s+(?:{D}|{CAP}))?)"
    PRE_EP = (
        rf"(?:(?P<dyn>{D})(?:\s+{DYNWORD})?(?:'s|’s)?\s+"
        rf"(?:(?:{CAP}\s+){{0,2}}Emperor\s+(?:{CAP}\s+){{0,2}}|{RULER}\s+(?={E}))?"
        rf"|(?:{THE}\s+)?Emperor\s+)?"
    )
    EP = rf"{PRE_EP}(?P<era>{E})(?:'s|’s)?(?:\s+{suffix})?(?:{QUAL}){{0,2}}"
    YEAR_PRE = rf"(?:{THE}\s+)?(?P<yord>{ORD})\s+{YEAR}\b"
    PHASE_PRE = rf"(?:{THE}\s+)?(?P<phase>{phase})\s+of\s+(?:{THE}\s+)?"
    YEAR_CORE = (
        # A: the third year of [Jin] Tianhui ['s reign] [of Song Dynasty]
        rf"(?:{PHASE_PRE})?{YEAR_PRE}\s+of\s+(?:{THE}\s+)?{EP}"
        # B: Jiading 15 years | Xining for three years | Jiaping the first year | Tianhui 6
        rf"|{EP},?\s+(?:(?P<for>for\s+)?(?P<ycard>{CARD})\s+years?\b|(?:{THE}\s+)?(?P<yord>{ORD})"
        rf"\s+{YEAR}\b|(?i:year)\s+(?P<ynum>\d{{1,3}})(?![\d.,]*\d)|(?P<yfirst>(?i:yuannian))\b|(?P<ynum>\d{{1,2}})(?![\d.,]*\s*"
        rf"(?:{count_nouns}|st|nd|rd|th|%|\d)\b))"
        # C: the early years of Kaiyuan
        rf"|{PHASE_PRE}{EP}"
        # G: the twelfth year of [the reign of] Emperor Gaozong [of the Qing Dynasty]
        rf"|(?:{PHASE_PRE})?{YEAR_PRE}\s+of\s+(?:{THE}\s+)?(?:(?i:reign)\s+of\s+(?:{THE}\s+)?)?"
        rf"(?:Emperor|King)\s+{RULER}(?![\w'’]*\s+(?i:era|reign))(?:{QUAL_OF})?"
        rf"|(?:Emperor|King)\s+{RULER}(?:'s|’s)\s+(?P<yord>{ORD})\s+{YEAR}\b(?:{QUAL_OF})?"
        # H: twelve years in Wanli | three years of Hongzhi (not "for twelve years in ...")
        rf"|(?<!\b(?i:for|about|some|over|after|within)\s+)(?P<ycard>{CARD})\s+years?\s+(?:in|of)"
        rf"\s+(?:{THE}\s+)?{EP}"
        # K: the Kangxi Emperor's twentieth year
        rf"|(?:{THE}\s+)?(?P<era>{E})\s+Emperor(?:'s|’s)\s+(?P<yord>{ORD})\s+{YEAR}\b"
        # S: the jiashen year | the year of Gapsin | the year jiashen
        rf"|(?:{THE}\s+)?(?P<sexyear>{SEXA})\s+{YEAR}\b"
        rf"|(?:{THE}\s+)?{YEAR}\s+(?:of\s+)?(?:{THE}\s+)?(?P<sexyear>{SEXA})"
        # P: Early in the Jianyan era (first year, a guess)
        rf"|(?P<phasein>{phase_in})\s+(?:{THE}\s+)?{PRE_EP}(?P<era>{E})(?:'s|’s)?"
        rf"(?:\s+(?:reign(?:\s+period)?|era|period))?"
        # D: the ninth year of the Jin Dynasty
        rf"|(?:{PHASE_PRE})?{YEAR_PRE}\s+of\s+(?:{THE}\s+)?(?P<dynyear>{D})\s+{DYNWORD}"
        # F: yuan 13 years (the Christian era 1276): cut-off era word + N years + CE year
        rf"|(?P<frag>\b[A-Za-z]+)\s+(?P<ycard>\d{{1,3}})\s+years(?=\s*\(\s*(?:{ce_pre}\s*)?\d)"
        # R: the following year | two years later
        rf"|(?P<relyear>{rel_year})|(?P<relday>{rel_day})"
        rf"|{THE}\s+(?P<relnext>(?i:following|next))\s+(?P<season>{season})"
        # W: in the Kaiyuan era / during the Jianyan reign: the whole era
        rf"|(?<=\b(?i:in|during|under|throughout)\s+)(?:{THE}\s+)?{PRE_EP}(?P<era>{E})"
        rf"(?:'s|’s)?\s+(?P<whole>reign(?:\s+period)?|era|period|years)\b"
        rf"|(?P<reln>{CARD})\s+(?P<relunit>{rel_unit})\s+(?P<reldir>{rel_dir})(?=\s*[,.;:)]|\s+(?:the|he|she|they|it)\b)"
        # E: the fourteenth year | the beginning of the twelfth year
        rf"|(?:{PHASE_PRE})?{YEAR_PRE}(?!\s+of\s+(?:(?i:an?|his|her|its|their|age|life|the\s+reign)\b))"
    )
    MON = (
        rf"(?:(?:{THE}\s+)?(?:(?P<leap>{leapw})\s+)?(?P<mord>{ORD})\s+(?:lunar\s+)?month"
        rf"(?:\s+of\s+{THE}\s+lunar\s+(?:year|calendar))?|(?:(?P<leap>{leapw})\s+)?"
        rf"(?P<mname>{MON_FULL}))(?:\s+of\s+(?:{THE}\s+)?(?P<leap>{leapw})\s+month\b)?"
        rf"|(?:{THE}\s+)?(?P<leaponly>{leapw})\s+month\b"
    )
    DAY = (
        rf"(?:{THE}\s+)?(?:(?P<dord>{ORD})|(?P<dlast>{last_day})|(?P<sexday>{SEXA}))\s+(?i:day)"
        rf"\s+of\s+(?:{THE}\s+)?(?:{MON})"
        rf"|(?P<mname>{MON_FULL})\s+(?:(?P<sexa>{SEXA})\s+)?(?P<dord>{ORD})\s+day\b"
        rf"|(?P<mname>{MON_FULL})\s+(?P<dnum>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:AD\s+)?\d)"
    )
    SEAS = rf"(?:{THE}\s+)?(?:(?P<sphase>early|late|mid)[\s\-]*)?(?P<season>{season})"
    PREFIX = (
        rf"(?:{DAY}|{MON}|{SEAS})(?:\s+of\s+(?:{THE}\s+)?(?:{MON}))?(?:\s+of\s+{SEXA})?"
    )
    CONN = rf"\s+(?:of|in)\s+(?:{THE}\s+)?"
    # "the third month of 1662", "the spring of 975 AD": the Chinese year begun in that year
    MON_ORD = rf"(?:{THE}\s+)?(?:(?P<leap>{leapw})\s+)?(?P<mord>{ORD})\s+(?:lunar\s+)?(?i:month)"
    LUNAR_Y = (
        rf"(?:(?:{THE}\s+)?(?P<dord>{ORD})\s+(?i:day)\s+of\s+{MON_ORD}|{MON_ORD}|{SEAS})"
        rf"(?:\s*\([^()\n]{{1,25}}\))?\s+(?:of|in)\s+(?:{THE}\s+year\s+)?"
        rf"(?P<lyear>\d{{3,4}})(?!\d|,\d)(?:\s*(?P<cesuf>{ce_era})(?![A-Za-z]))?"
    )
    TAIL = rf"(?:{CE}(?:{QUAL_OF}){{0,2}})?"
    # a Western year in a day/month date: 3-4 digits, or any with "BC"/"AD" after it
    GSUF = rf"(?:\s*(?P<gsuf>{ce_era})(?![A-Za-z])|(?<=\d\d\d))"
    GREG = (
        rf"(?P<gmname>{MON_ANY})\s+(?P<gday>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?:(?i:AD|A\.D\.)\s+)?"
        rf"(?P<gyear>\d{{1,4}})(?!\d){GSUF}"
        rf"|(?P<gday>\d{{1,2}})\s+(?P<gmname>{MON_ANY}),?\s+(?P<gyear>\d{{1,4}})(?!\d){GSUF}"
        rf"|(?P<gmname>{MON_FULL})\s+(?P<gyear>\d{{3,4}})(?!\d|,\d){GSUF}"
        rf"|(?P<gyear>\d{{3,4}})-(?P<gmnum>\d{{2}})-(?P<gday>\d{{2}})(?!\d)"
        rf"|(?<=\()(?P<gmname>{MON_FULL})\s+(?P<gday>\d{{1,2}})(?:st|nd|rd|th)?\s+of\s+{THE}\s+"
        rf"(?P<greg>Gregorian)\s+calendar(?=\))"
    )
    BARE_TRIGGER = r"(?<=\b(?i:in|on|by|from|since|until|till|during|to|at|early|late|mid)\s+)"
    BARE_YEAR = (
        rf"(?<=\b{preps}\s+)(?:(?i:the\s+year)\s+)?(?P<byear>\d{{3,4}})(?!\d|,\d)"
        rf"(?:\s*(?P<cesuf>{ce_era})(?![A-Za-z]))?(?!\s*(?:{count_nouns})\b)(?!\s*[-–]\s*\d)"
        rf"|\(\s*(?:{ce_pre}\s*)?(?P<byear>\d{{3,4}})(?:\s*(?P<cesuf>{ce_suf}))?\s*\)"
        rf"|\b(?i:AD|A\.D\.)\s+(?P<byear>\d{{1,4}})(?!\d)"
    )
    ON_DAY = (
        rf"(?<=\b[Oo]n\s+){THE}\s+(?:(?P<dord>{ORD})(?:\s+day)?|(?P<sexday>{SEXA})\s+day)"
        rf"(?=\s*[,.;])"
        rf"|(?<=\b[Oo]n\s+)(?:{THE}\s+)?day\s+(?P<sexday>{SEXA})\b"
    )
    # "the Kangxi Emperor": an era used as a ruler's name, context only (no row)
    ERA_CTX = rf"(?:{THE}\s+)?(?P<era>{E})\s+(?P<ctx>Emperor)\b"
    # "36 CE", "87 BC": a CE year with its suffix needs no preposition
    CE_YEAR = rf"\b(?P<byear>\d{{1,4}})\s*(?P<cesuf>{ce_era})(?![A-Za-z])"
    # words that can start a date phrase (after an optional "the"): anchors for the matcher
    firsts = {"emperor", "that", "this", "early", "late", "mid", "lunar", "year", "king", "last",
              "day", "at"}
    stem_words = set(c("heavenly_stem"))
    firsts.update(w.split("'")[0] for w in stem_words)
    for st in stem_words:  # joined cycle names ("jiashen", "gapsin") are single tokens
        for br in c("earthly_branch"):
            firsts.add((st + br).split("'")[0])
    for cat in ("relative_year", "relative_day", "phase", "season", "leap", "ce_prefix"):
        for w in c(cat):
            words = w.split()
            if words[0].lower() == "the" and len(words) > 1:
                words = words[1:]
            firsts.add(words[0].lower())
    firsts.update(w.rstrip(".").lower() for w in months_all if w not in months_full)
    grammar = (
        r"(?:"
        rf"(?:{PREFIX}){CONN}(?:{YEAR_CORE}){TAIL}"
        rf"|{LUNAR_Y}"
        rf"|(?:{YEAR_CORE}){TAIL}"
        rf"|{GREG}"
        rf"|{BARE_TRIGGER}(?:{PREFIX})(?:{CE})?"
        # "the first month of the lunar year", "the ninth day of the first month": no trigger
        rf"|(?=(?:{THE}\s+)?(?:(?:{leapw})\s+)?(?:{ORD})\s+(?:lunar\s+)?(?:month|day\s+of))"
        rf"(?:{PREFIX})(?:{CE})?"
        rf"|{ON_DAY}"
        rf"|{CE_YEAR}"
        rf"|{BARE_YEAR}"
        rf"|{ERA_CTX})"
    )
    return _Grammar(
        pattern=regex.compile(grammar, regex.V0),
        firsts=frozenset(firsts),
        months={w.lower(): v for w, v in months_all.items()},
        seasons={w.lower(): v for w, v in c("season").items()},
        phases={w.lower(): v for w, v in c("phase").items()},
        rel_year={w.lower(): int(v) for w, v in c("relative_year").items()},
        rel_day={w.lower(): int(v) for w, v in c("relative_day").items()},
        rel_dir={w.lower(): int(v) for w, v in c("relative_direction").items()},
        ce_neg=frozenset(w for w, v in c("ce_suffix").items() if int(v) < 0),
        duration_cues=frozenset(c("duration_cue")),
        lex=lex,
    )


# --------------------------------------------------------------------------- names
_TOKEN = re.compile(r"[^\W\d_]+")
_SEP = frozenset(("", " ", "'", "’", "‘", "ʼ", "-", "‐", " '", " ’", "' ", "’ "))
_ORD_HEAD, _ORD_FILL, _CARD_HEAD, _CARD_FILL = "\x05", "\x06", "\x07", "\x08"
_MON_HEAD, _MON_FILL = "\x0e", "\x0f"
_ANCHOR = ""  # word_class value of words that start a date phrase but are not masked


@dataclass(frozen=True)
class _NameIndex:
    era_keys: frozenset[str]
    prefixes: frozenset[str]
    fused: frozenset[str]  # dynasty + era in one capitalised word ("Songjingde")
    dyn_first: dict[str, list[tuple[str, ...]]]  # first word -> dynasty names as word tuples
    word_class: dict[str, str]  # token -> mask head char (numbers lowercased, months as written)
    word_cache: dict[str, tuple[str, bool, str | None, bool]]  # token -> _word_info (bounded)


# One index per EraTable object (keyed by id, holding the table so the id stays valid); bounded.
_INDEX_CACHE: dict[int, tuple[EraTable, _NameIndex]] = {}


def _name_index(eras: EraTable, lex: Lexicon) -> _NameIndex:
    """Lookup structures for one era table, built once per table object."""
    hit = _INDEX_CACHE.get(id(eras))
    if hit is not None and hit[0] is eras:
        return hit[1]
    keys = eras.surface_keys()
    all_keys = frozenset(keys)
    prefixes = frozenset(k[:i] for k in all_keys for i in range(1, len(k) + 1))
    forms = set()
    for f in eras.dynasty_surface_forms():
        f = re.sub(r"\s+(?:[Dd]ynasty|\(.*\))$", "", f).strip()
        if f and f[0].isupper():
            forms.add(f)
    dyn_first: dict[str, list[tuple[str, ...]]] = {}
    for f in sorted({tuple(_TOKEN.findall(f)) for f in forms}, key=lambda t: (-len(t), t)):
        if f and f[0][0].isupper():
            dyn_first.setdefault(f[0], []).append(f)
    word_class: dict[str, str] = {}
    for cat, head in (("ordinal", _ORD_HEAD), ("ordinal_tens", _ORD_HEAD),
                      ("ordinal_hundred", _ORD_HEAD), ("cardinal", _CARD_HEAD),
                      ("cardinal_tens", _CARD_HEAD), ("cardinal_hundred", _CARD_HEAD)):
        for w in lex.cat(cat):
            word_class[w.lower()] = head
            word_class[w.capitalize()] = head
    for w in lex.cat("month"):
        if not w.endswith("."):
            word_class[w] = _MON_HEAD
    for w in _grammar().firsts:
        word_class.setdefault(w, _ANCHOR)
        word_class.setdefault(w.capitalize(), _ANCHOR)
    fused = frozenset(k for k in eras.fused_keys() if k not in prefixes)
    index = _NameIndex(
        all_keys, prefixes, fused, dyn_first, word_class, {},
    )
    if len(_INDEX_CACHE) > 8:
        _INDEX_CACHE.clear()
    _INDEX_CACHE[id(eras)] = (eras, index)
    return index


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    return era_key(text)


_DIGITS = re.compile(r"(?<![\d,])\d")
_CE_PAREN = re.compile(r"\((?=\s*(?:\d|A\.?\s?D|the\s+Christian|C\.?E))")
_WORD_BEFORE = re.compile(r"[A-Za-z]+\s+$")
_GROUP = re.Match.group
_CTRL_RE = re.compile("[\x01-\x08\x0e\x0f]")
_FRAG_TAIL = re.compile(r"\d{1,3}\s+years\s*\(")


def _word_info(word: str, index: _NameIndex) -> tuple[str, bool, str | None, bool]:
    """(era key, key is an era-key prefix, mask head or _ANCHOR or None, worth a look)."""
    info = index.word_cache.get(word)
    if info is None:
        key = era_key(word)
        head = index.word_class.get(word)
        if head is None:
            head = index.word_class.get(word.lower())
            if head == _MON_HEAD:
                head = None
        is_prefix = key in index.prefixes
        fused = word[:1].isupper() and key in index.fused
        info = (key, is_prefix, head,
                is_prefix or fused or head is not None or word in index.dyn_first)
        if len(index.word_cache) < 200_000:
            index.word_cache[word] = info
    return info


def _scan(text: str, index: _NameIndex) -> tuple[str, list[int], list[tuple[int, int]]]:
    """Mask era names, dynasty names, number words and month names in a same-length copy.

    Era names: the longest window of 1-4 words (joined by nothing, a space, an apostrophe or a
    hyphen) whose key is an era key; lowercase only for keys of 5+ letters in one word.
    Dynasty names: the longest capitalised 1-3 word dynasty form not inside an era name.
    Returns (masked text, sorted candidate start offsets for the grammar, dynasty spans).
    """
    if _CTRL_RE.search(text):  # placeholder characters in the input itself: blank them
        text = _CTRL_RE.sub(" ", text)
    toks = list(_TOKEN.finditer(text))
    cache = index.word_cache
    infos = [cache.get(w) or _word_info(w, index) for w in map(_GROUP, toks)]
    hot = [k for k, info in enumerate(infos) if info[3]]
    spans: list[tuple[int, int, str]] = []  # (start, end, head char)
    anchors: list[int] = []
    dyns: list[tuple[int, int]] = []
    n = len(toks)
    i = 0
    for h in hot:
        if h < i:
            continue
        i = h
        tok = toks[i]
        word = tok.group()
        key, is_prefix, head, _hot = infos[i]
        if is_prefix:
            best = 1 if key in index.era_keys else 0
            for k in (1, 2, 3):
                j = i + k
                if j >= n or text[toks[j - 1].end():toks[j].start()] not in _SEP:
                    break
                key += infos[j][0]
                if key not in index.prefixes:
                    break
                if key in index.era_keys:
                    best = k + 1
            if best:
                s0, e = tok.start(), toks[i + best - 1].end()
                if word[0].isupper() or (best == 1 and e - s0 >= 5):
                    anchors.append(s0)
                    spans.append((s0, e, _ERA_START))
                    i += best
                    continue
        if not is_prefix and word[0].isupper() and key in index.fused:
            anchors.append(tok.start())
            spans.append((tok.start(), tok.end(), _ERA_START))
            i += 1
            continue
        forms = index.dyn_first.get(word)
        if forms is not None:
            best = 0
            for form in forms:  # longest first
                k = len(form)
                if i + k <= n and all(
                    toks[i + q].group() == form[q]
                    and text[toks[i + q - 1].end():toks[i + q].start()] in (" ", "-")
                    for q in range(1, k)
                ):
                    best = k
                    break
            if best:
                s0, e = tok.start(), toks[i + best - 1].end()
                spans.append((s0, e, _DYN_START))
                dyns.append((s0, e))
                i += best
                continue
        if head is not None:
            anchors.append(tok.start())
            if head:
                spans.append((tok.start(), tok.end(), head))
        i += 1
    era_starts = [sp[0] for sp in spans if sp[2] == _ERA_START]
    for s0, e in dyns:  # "Jin Tianhui", "Wei Shao Emperor Cao Fang Jiaping": era soon after
        k = bisect.bisect_left(era_starts, e)
        if k < len(era_starts) and era_starts[k] - e <= 40:
            anchors.append(s0)
    pieces: list[str] = []
    last = 0
    for s0, e, head in spans:
        pieces.append(text[last:s0])
        pieces.append(head + chr(ord(head) + 1) * (e - s0 - 1))
        last = e
    pieces.append(text[last:])
    masked = "".join(pieces)
    for m in _DIGITS.finditer(text):
        p = m.start()
        anchors.append(p)
        if _FRAG_TAIL.match(text, p):  # "yuan 13 years (1276)": the word before may start it
            before = _WORD_BEFORE.search(text, max(0, p - 20), p)
            if before:
                anchors.append(before.start())
    anchors.extend(m.start() for m in _CE_PAREN.finditer(text))
    starts = set(anchors)
    for p in anchors:
        if p >= 4 and text[p - 4:p].lower() == "the ":
            starts.add(p - 4)
    return masked, sorted(starts), dyns


# --------------------------------------------------------------------------- mentions
def _cap(m: regex.Match, name: str, text: str) -> str | None:
    """First capture of group ``name``, read from the original (unmasked) text."""
    spans = m.spans(name)
    return text[spans[0][0]:spans[0][1]] if spans else None


def _cap_span(m: regex.Match, name: str) -> tuple[int, int] | None:
    spans = m.spans(name)
    return spans[0] if spans else None


def _mention(m: regex.Match, text: str, g: _Grammar, index: _NameIndex) -> DateMention | None:
    lex = g.lex
    start, end = m.span()
    present = {k for k, v in m.groupdict().items() if v is not None}

    def get(name: str) -> str | None:
        return _cap(m, name, text) if name in present else None

    fields: dict = {}
    stated = get("ce")
    if stated is not None:
        suf = get("cesuf")
        val = int(stated)
        fields["stated_year"] = 1 - val if suf and suf in g.ce_neg else val
        end_text = get("ceend")
        if end_text is not None and not (suf and suf in g.ce_neg):
            if len(end_text) < len(stated):  # "(1101/02)" -> 1102
                end_text = stated[: len(stated) - len(end_text)] + end_text
            if int(end_text) > val:
                fields["stated_year_end"] = int(end_text)
    if get("lyear") is not None:
        val = int(get("lyear"))
        suf = get("cesuf")
        fields["lunar_year"] = 1 - val if suf and suf in g.ce_neg else val
    dyn_span = _cap_span(m, "dyn") or _cap_span(m, "dynyear")
    if dyn_span:
        fields["dynasty"] = text[dyn_span[0]:dyn_span[1]]
    era_span = _cap_span(m, "era")
    if era_span:
        surface = text[era_span[0]:era_span[1]]
        fields.update(era=surface, era_start=era_span[0], era_end=era_span[1])
        before = text[max(0, era_span[0] - 9):era_span[0]].lower()
        after = text[era_span[1]:era_span[1] + 9].lower()
        if before.endswith("emperor ") or after.startswith(" emperor"):
            fields["era_title"] = True
    year = None
    for name in ("yord", "ycard", "ynum"):
        if get(name) is not None:
            year = parse_number(get(name), lex)
            break
    if get("yfirst") is not None:
        year = 1
    num_span = next((sp for sp in (_cap_span(m, nm) for nm in ("yord", "ycard", "ynum")) if sp),
                    None)
    if (year is not None and num_span and num_span[0] > 0
            and text[num_span[0] - 1] in ("-", "−")):
        if num_span[0] == start or not text[num_span[0] - 2:num_span[0] - 1].isalnum():
            year = -year  # "the -5th year": kept negative, the resolver warns
            start = min(start, num_span[0] - 1)
    if year is not None:
        fields["era_year"] = year
    if get("phase") is not None:
        fields["phase"] = g.phases.get(re.sub(r"\s+", " ", get("phase").lower()))
    if get("frag") is not None:
        frag = get("frag")
        if frag.lower() in g.duration_cues or parse_number(frag, lex) is not None:
            return None
        fields["era_fragment"] = frag
    if get("for") is not None and "stated_year" not in fields:
        return None  # "ruled in Xining for three years": a duration
    # relative
    if get("whole") is not None:
        fields["phase"] = "whole"
    if get("relnext") is not None:
        fields["rel_years"] = 1
    if get("relyear") is not None:
        fields["rel_years"] = g.rel_year[re.sub(r"\s+", " ", get("relyear").lower())]
    if get("relday") is not None:
        fields["rel_days"] = g.rel_day[re.sub(r"\s+", " ", get("relday").lower())]
    if get("reln") is not None:
        n = parse_number(get("reln"), lex)
        sign = g.rel_dir[get("reldir").lower()]
        unit = get("relunit").lower().rstrip("s")
        if n is None:
            return None
        if unit == "year":
            fields["rel_years"] = sign * n
        elif unit == "day":
            fields["rel_days"] = sign * n
        else:
            return None  # N months later: not modelled
    # month / day / season
    if get("ruler") is not None:
        fields["ruler"] = get("ruler")
    if get("sexday") is not None:
        fields["cycle_day"] = cycle_number(get("sexday"), lex)
    if get("dlast") is not None:
        fields["last_day"] = True
    if get("phasein") is not None:
        fields["phase"] = lex.cat("phase_in").get(re.sub(r"\s+", " ", get("phasein").lower()))
        fields["phase_guess"] = True
    if get("sexyear") is not None and "era_year" not in fields:
        fields["cycle_year"] = cycle_number(get("sexyear"), lex)
    if get("mord") is not None:
        fields["month"] = parse_number(get("mord"), lex)
    elif get("mname") is not None:
        fields["month"] = g.months[get("mname").lower()]
    if get("leap") is not None or get("leaponly") is not None:
        fields["leap"] = True
    if get("dord") is not None:
        fields["day"] = parse_number(get("dord"), lex)
    elif get("dnum") is not None:
        fields["day"] = int(get("dnum"))
    if get("season") is not None:
        fields["season"] = g.seasons[get("season").lower()]
    # western
    if get("gyear") is not None or get("greg") is not None:
        if get("gyear") is not None:
            val = int(get("gyear"))
            suf = get("gsuf")
            fields["western_year"] = 1 - val if suf and suf in g.ce_neg else val
        fields["month"] = (
            int(get("gmnum")) if get("gmnum") else g.months[get("gmname").rstrip(".").lower()]
        )
        fields["day"] = int(get("gday")) if get("gday") else None
        fields["calendar"] = "gregorian" if get("greg") else "western"
        kind = "gregorian"
    elif get("byear") is not None:
        val = int(get("byear"))
        suf = get("cesuf")
        fields["western_year"] = 1 - val if suf and suf in g.ce_neg else val
        fields["calendar"] = "western"
        kind = "gregorian"
    elif get("ctx") is not None:
        kind = "era_context"
    elif "era" in fields:
        kind = "explicit"
        if "era_year" not in fields and "phase" not in fields:
            return None
    elif "ruler" in fields and "era_year" in fields:
        kind = "reign"
    elif fields.get("cycle_year") is not None:
        kind = "sexagenary"
    elif "era_year" in fields:
        kind = "inherited"
        bare = not any(fields.get(k) is not None for k in ("month", "season", "day", "phase",
                                                            "stated_year", "dynasty"))
        if bare and "era_fragment" not in fields and not text[start:end].lower().startswith("the"):
            return None  # "changed hay hill second year": an ordinal, not a dated year
    elif "rel_years" in fields or "rel_days" in fields:
        kind = "relative"
    elif any(fields.get(k) for k in ("day", "cycle_day", "last_day")):
        kind = "day"
    elif fields.get("month") is not None or fields.get("leap"):
        kind = "month"
    elif fields.get("season") is not None:
        kind = "season"
    else:
        return None
    if fields.get("month") is not None and not 1 <= fields["month"] <= 13:
        pass  # kept: the resolver warns (month 13 does not exist)
    return DateMention(start=start, end=end, text=text[start:end], kind=kind, **fields)


_RANGE_GAP = re.compile(r"\s*(?:to|until|till|through|-|–|—)\s*")
_FROM_BEFORE = re.compile(r"\b[Ff]rom\s+$")


_ERA_LETTERS = re.compile(r"[A-Za-z]\.?\s*$")


def _bc_range_start(a: DateMention, b: DateMention, text: str) -> DateMention:
    """'221 to 210 BC': an era suffix written only after the second year applies to both."""
    if b.western_year < 1 and a.western_year > 0 and not _ERA_LETTERS.search(a.text):
        if a.text.strip().isdigit():
            return replace(a, western_year=1 - a.western_year)
    return a


def _merge_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """'From A to B' (or 'A – B' for Western dates) -> one range mention with parts."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        if i + 1 < len(mentions):
            b = mentions[i + 1]
            gap = text[a.end:b.start]
            both_western = a.kind == b.kind == "gregorian"
            if both_western and b.western_year is not None and a.western_year is not None:
                a = _bc_range_start(a, b, text)
            if _RANGE_GAP.fullmatch(gap) and (
                _FROM_BEFORE.search(text[max(0, a.start - 6):a.start]) or both_western
            ) and a.kind != "dynasty" and b.kind != "dynasty":
                out.append(DateMention(start=a.start, end=b.end, text=text[a.start:b.end],
                                       kind="range", parts=(a, b)))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_DAY_GAP = re.compile(r"\s*,\s*(?:[Oo]n\s+)?")


def _merge_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """'In leap November of the first year of Jingkang, on the twenty-fifth day': a day phrase
    set off by a comma right after a dated month (no day of its own) completes that date."""
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and m.kind == "day" and m.month is None and not m.leap
                and prev.kind not in ("range", "dynasty", "era_context", "gregorian")
                and prev.month is not None and prev.day is None and prev.cycle_day is None
                and not prev.last_day and _DAY_GAP.fullmatch(text[prev.end:m.start]) is not None):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], day=m.day,
                              cycle_day=m.cycle_day, last_day=m.last_day)
            continue
        out.append(m)
    return out


def find_date_mentions(text: str, eras: EraTable) -> list[DateMention]:
    """All date mentions in ``text`` (plus ``kind="dynasty"`` context mentions), by start."""
    g = _grammar()
    index = _name_index(eras, g.lex)
    masked, starts, dyn_spans = _scan(text, index)
    found: list[DateMention] = []
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = g.pattern.match(masked, start)
        if m is None or m.end() == m.start():
            continue
        pos = m.end()
        mention = _mention(m, text, g, index)
        if mention is not None:
            found.append(mention)
    found = _merge_days(text, _merge_ranges(text, found))
    covered = [(x.start, x.end) for x in found]
    k = 0
    for s, e in dyn_spans:
        while k < len(covered) and covered[k][1] <= s:
            k += 1
        if k < len(covered) and covered[k][0] <= s:
            continue
        found.append(DateMention(start=s, end=e, text=text[s:e], kind="dynasty", dynasty=text[s:e]))
    found.sort(key=lambda x: (x.start, x.end))
    flagged = [_flag_unknown_name(m, text, eras, g.lex) for m in found]
    out: list[DateMention] = []
    for m in flagged:  # a printed year taken into a fuzzy-era mention is no mention of its own
        if out and out[-1].fuzzy_era and m.start >= out[-1].start and m.end <= out[-1].end:
            continue
        out.append(m)
    return out


_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)?)")
_AFTER_FUZZY = re.compile(
    r"(?:\s+of\s+(?:the\s+)?(?P<dyn>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:\s+[Dd]ynasty)?)?"
    r"(?:\s*\(\s*(?P<ce>\d{3,4})\s*\))?")


def _flag_unknown_name(m: DateMention, text: str, eras: EraTable, lex: Lexicon) -> DateMention:
    """An era year without era followed by "of <Name>" where Name is no era, dynasty or word
    of ``not_era_name`` (titles): the text names an era we do not know. The mention keeps its
    inherited reading, and the resolver warns (UNKNOWN_ERA)."""
    if m.kind != "inherited" or m.dynasty or m.era_fragment:
        return m
    after = _OF_NAME.match(text, m.end)
    if after is None:
        return m
    name = after.group(1)
    if (eras.candidates(name) or eras.dynasty(name) or eras.dynasty(name.split()[0])
            or name.split()[0].lower() in lex.cat("not_era_name")):
        return m
    if eras.fuzzy_candidates(name):  # "the fifth year of Xiangping": a garble of Xianping?
        s0, e0 = after.span(1)
        tail = _AFTER_FUZZY.match(text, e0)
        fields: dict = {}
        end = e0
        if tail is not None and tail.group("dyn") and eras.dynasty(tail.group("dyn")):
            fields["dynasty"] = tail.group("dyn")
            end = tail.end("dyn") if tail.group("ce") is None else tail.end()
        if tail is not None and tail.group("ce"):
            fields["stated_year"] = int(tail.group("ce"))
            end = tail.end()
        return replace(m, kind="explicit", era=name, era_start=s0, era_end=e0, fuzzy_era=True,
                       end=end, text=text[m.start:end], **fields)
    return replace(m, unknown_name=name)


def era_name_spans(mentions: list[DateMention]) -> list[tuple[int, int]]:
    """Character spans of era names inside date mentions (also inside range parts)."""
    out: list[tuple[int, int]] = []
    for m in mentions:
        for part in (m, *m.parts):
            if part.era_start >= 0:
                out.append((part.era_start, part.era_end))
    return sorted(set(out))


def with_offset(mention: DateMention, delta: int) -> DateMention:
    """The same mention shifted by ``delta`` characters (for text processed in pieces)."""
    shift = (lambda v: v + delta if v >= 0 else v)  # noqa: E731
    return replace(
        mention, start=mention.start + delta, end=mention.end + delta,
        era_start=shift(mention.era_start), era_end=shift(mention.era_end),
        parts=tuple(with_offset(p, delta) for p in mention.parts),
    )

"""The date-phrase grammar: one regular expression (``regex`` module) built from the word
lists at first use, matched on the masked copy of the text (see :mod:`.names`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from pipeline.resources import active_gazetteer_dir

from .cycle_japanese import japanese_cycles
from .lexicon import (
    _CARD_FILL,
    _CARD_HEAD,
    _DYN_FILL,
    _DYN_START,
    _ERA_FILL,
    _ERA_START,
    _MON_FILL,
    _MON_HEAD,
    _ORD_FILL,
    _ORD_HEAD,
    Lexicon,
    _alt,
    load_lexicon,
)


@dataclass(frozen=True)
class _Grammar:
    pattern: regex.Pattern
    firsts: frozenset[str]  # lowercase words that can start a date phrase
    months: dict[str, int]
    seasons: dict[str, str]
    phases: dict[str, str]
    rel_year: dict[str, int]
    rel_day: dict[str, int]
    rel_month: dict[str, int]
    rel_dir: dict[str, int]
    ce_neg: frozenset[str]
    bc_before: regex.Pattern[str]  # a BC word ending just before a year ("B.C. 117")
    duration_cues: frozenset[str]
    lex: Lexicon
    year_preps: frozenset[str]  # words before a bare Western year ("in", "from", "of")
    weak_preps: frozenset[str]  # year_preposition rows marked "weak" ("of", "to")
    count_nouns: frozenset[str]
    date_nouns: frozenset[str]  # "the middle of 805": phase, season and month words, "year"
    approx: re.Pattern[str]  # an ``approximate`` word ending just before a Western year


def _grammar(gazetteer_dir: Path | None = None) -> _Grammar:
    """The compiled date grammar of ``gazetteer_dir`` (None: the active gazetteer,
    :func:`pipeline.resources.active_gazetteer_dir`); cached per folder."""
    return _grammar_for(gazetteer_dir or active_gazetteer_dir())


@lru_cache(maxsize=4)
def _grammar_for(gazetteer_dir: Path) -> _Grammar:
    lex = load_lexicon(gazetteer_dir)
    c = lex.cat
    THE = r"(?i:the)"
    OM, CM = f"{_ORD_HEAD}{_ORD_FILL}*+", f"{_CARD_HEAD}{_CARD_FILL}*+"
    AND = r"(?:[\s\-‐]+(?i:and))?"
    ORD = rf"(?:(?:{CM}{AND}[\s\-‐]+){{0,3}}{OM}|\b\d{{1,3}}\s?(?:st|nd|rd|th)\b)"
    CARD = rf"(?:{CM}(?:{AND}[\s\-‐]+{CM}){{0,3}}|\b\d{{1,3}}\b)"
    E = f"{_ERA_START}{_ERA_FILL}*+"
    D = f"{_DYN_START}{_DYN_FILL}*+"
    DYNWORD = r"(?:[Dd]ynasty|[Kk]ingdom|[Ss]tate|[Ee]mpire|[Cc]ourt)"
    CAP = r"[A-Z][a-z]+"
    suffix = _alt(list(c("era_suffix")))
    ce_pre = _alt([w for w, v in c("ce_prefix").items() if int(v) > 0], ci=False,
                  boundary=False)
    bc_pre = _alt([w for w, v in c("ce_prefix").items() if int(v) < 0], ci=False,
                  boundary=False)
    ce_suf = _alt(list(c("ce_suffix")), ci=False, boundary=False)
    ce_era = _alt([w for w in c("ce_suffix") if not w.startswith("year")], ci=False,
                  boundary=False)
    months_full = {w: int(v) for w, v in c("month").items() if not w.endswith(".")}
    months_all = {w.rstrip("."): int(v) for w, v in c("month").items()}
    MON_FULL = f"{_MON_HEAD}{_MON_FILL}*+"
    abbrev = _alt([w for w in months_all if w not in months_full], ci=False, boundary=False)
    MON_ANY = rf"(?:{MON_FULL}|{abbrev}\.?(?![A-Za-z]))"
    leapw = _alt(list(c("leap")))
    # "month", and "moon" of older translations ("the third moon"): a whole word
    MW = rf"(?:{_alt(list(c('month_word')))})"
    season = _alt(list(c("season")))
    phase = _alt(list(c("phase")))
    stems = "|".join(sorted(c("heavenly_stem"), key=len, reverse=True))
    branches = "|".join(sorted(c("earthly_branch"), key=len, reverse=True))
    SEXA = rf"(?i:\b(?:{stems})[\s\-]?(?:{branches})\b)"
    # a cycle year may also be written in a Japanese reading ("kinoe-ne", "boshin": .cycle_japanese)
    jap = japanese_cycles(gazetteer_dir)
    SEXY = rf"(?:{SEXA}|{jap.pattern})" if jap.pattern else SEXA
    YEAR = r"(?i:year)"
    # a ruler's name: "Gaozong", "Kao-tsung", McCune-Reischauer "T'aejo", "Sŏngjong"
    RULER_NAME = (r"[A-ZŌŪ](?:[a-zŏŭāēīōūǎěǐǒǔáéíóúàèìòùü]|['’](?=[aeiouŏŭwy]))+"
                  r"(?:-[a-z]+|-[A-ZŌŪ][a-zāēīōū]+)?")  # "Go-Daigo" (Japanese 後-, "the later")
    RULER = rf"(?P<ruler>{RULER_NAME})"
    # after a title, a ruler's name that is also a dynasty's ("Emperor Wu": 武帝, and the Wu
    # state, masked as a dynasty name): the title makes it a ruler
    RULER_T = rf"(?:{RULER}|(?P<ruler>{_DYN_START}{_DYN_FILL}*+))"
    last_day = _alt(list(c("last_day")))
    phase_in = _alt(list(c("phase_in")))
    preps = _alt(list(c("year_preposition")), boundary=False)
    # "the total of 1460", "a number of 300": a quantity, not a year, after these nouns + "of"
    quantity = _alt(list(c("quantity_noun")), boundary=False)
    # units are lower case in prose: "757 li" is a distance, "757 Li Heng" a year and a name
    count_nouns = _alt(list(c("count_noun")), ci=False, boundary=False)
    cycle_event = _alt(list(c("cycle_event")), ci=False)
    rel_year = _alt(list(c("relative_year")))
    rel_day = _alt(list(c("relative_day")))
    rel_month = _alt(list(c("relative_month")))
    rel_dir = _alt(list(c("relative_direction")))
    rel_unit = _alt(list(c("relative_unit")))

    CEVAL = (
        # "(l07)": OCR's letter l (or I) for a leading 1 (.phrases reads it as 107)
        rf"(?:{ce_pre}\s*)?(?P<ce>\d{{1,4}}|[lI](?=[lI]{{0,2}}\d)[\dlI]{{1,3}}(?!\w))(?!\d)"
        rf"(?:\s*[-–/]\s*(?P<ceend>\d{{1,4}})(?!\d))?"
        rf"(?:\s*(?P<cesuf>{ce_suf})(?![A-Za-z]))?"
    )
    # "(of 181 BC)", "(in 1592)": a word before the bracket's year (``ce_gloss_lead``) when
    # a year for sure follows (3-4 digits closing the bracket, or a BC/AD word): the bracket
    # glosses the date before it
    gloss_lead = _alt(list(c("ce_gloss_lead")), boundary=False)
    GLEAD = (rf"(?:{gloss_lead}\s+(?=(?:{ce_pre}\s*)?\d{{3,4}}\s*\)"
             rf"|\d{{1,4}}\s*{ce_era}(?![A-Za-z])))?")
    CE = rf"(?:\s*\(\s*{GLEAD}{CEVAL}(?:\s+[^()\n]{{0,25}})?\s*\)|,\s*{CEVAL}(?=\s*\)))"
    QUAL = (
        rf"(?:\s+of\s+(?:{THE}\s+)?(?:(?P<dyn>{D})(?:\s+{DYNWORD})?(?:\s+(?:{D}|{CAP}))?"
        rf"|Emperor\s+{RULER_T})|,\s+Emperor\s+{RULER_T}(?:\s+of\s+(?:{THE}\s+)?(?P<dyn>{D})"
        rf"(?:\s+{DYNWORD})?)?)"
    )
    QUAL_OF = rf"(?:\s+of\s+(?:{THE}\s+)?(?P<dyn>{D})(?:\s+{DYNWORD})?(?:\s+(?:{D}|{CAP}))?)"
    PRE_EP = (
        rf"(?:(?P<dyn>{D})(?:\s+{DYNWORD})?(?:'s|’s)?\s+"
        rf"(?:(?:{CAP}\s+){{0,2}}Emperor\s+(?:{CAP}\s+){{0,2}}|{RULER}\s+(?={E}))?"
        rf"|(?:{THE}\s+)?Emperor\s+"
        # "Emperor Wu's Yuanguang Era": the era named after a ruler's possessive is the era
        rf"(?:{RULER_T}(?:'s|’s)\s+(?={E}))?)?"
    )
    EP = rf"{PRE_EP}(?P<era>{E})(?:'s|’s)?(?:\s+{suffix})?(?:{QUAL}){{0,2}}"
    YEAR_PRE = rf"(?:{THE}\s+)?(?P<yord>{ORD})\s+{YEAR}\b"
    PHASE_PRE = rf"(?:{THE}\s+)?(?P<phase>{phase})\s+of\s+(?:{THE}\s+)?"
    YEAR_CORE = (
        # A: the third year of [the reign of] [Jin] Tianhui ['s reign] [of Song Dynasty]
        rf"(?:{PHASE_PRE})?{YEAR_PRE}\s+(?i:of)\s+(?:{THE}\s+)?(?:(?i:reign)\s+of\s+(?:{THE}\s+)?)?{EP}"
        # A2: the second year yen-kuang (123), the first year Yongchu, (Chavannes' order "the
        # Nth year ERA"): no "of", so the era must close the phrase (a bracket or punctuation)
        rf"|(?:{PHASE_PRE})?{YEAR_PRE}\s+(?P<era>{E})(?=\s*[(,;:.])"
        # B: Jiading 15 years | Xining for three years | Jiaping the first year | Tianhui 6
        rf"|{EP},?\s+(?:(?P<for>for\s+)?(?P<ycard>{CARD})\s+years?\b"
        rf"|(?P<ycard>{CM}(?:[\s\-‐]+{CM})?)(?![\w\-‐{_CARD_FILL}])(?!\s+[a-z]{{3,}}s\b)|(?:{THE}\s+)?(?P<yord>{ORD})"
        rf"\s+{YEAR}s?\b|(?i:year)\s+(?P<ynum>\d{{1,3}})(?![\d.,]*\d)"
        rf"|(?i:year)\s+(?P<ycard>{CM}(?:[\s\-‐]+{CM})?)(?![\w\-‐{_CARD_FILL}])|(?P<yfirst>(?i:yuannian))\b|(?P<ynum>\d{{1,2}})(?![\d.,]*\s*"
        rf"(?:{count_nouns}|st|nd|rd|th|%|\d)\b))"
        # Y: Year 5 of Zhengde
        rf"|{YEAR}\s+(?P<ynum>\d{{1,3}})\s+(?i:of)\s+(?:{THE}\s+)?{EP}"
        # C: the early years of Kaiyuan
        rf"|{PHASE_PRE}{EP}"
        # G: the twelfth year of [the reign of] Emperor Gaozong [of the Qing Dynasty]
        rf"|(?:{PHASE_PRE})?{YEAR_PRE}\s+of\s+(?:{THE}\s+)?(?:(?i:reign)\s+of\s+(?:{THE}\s+)?)?"
        rf"(?:Emperor|King)\s+{RULER_T}(?![\w'’]*\s+(?i:era|reign))(?:{QUAL_OF})?"
        rf"|(?:Emperor|King)\s+{RULER_T}(?:'s|’s)\s+(?P<yord>{ORD})\s+{YEAR}\b(?:{QUAL_OF})?"
        # during Emperor Shenzong's reign | in the reign of Emperor Shenzong: the whole reign
        rf"|(?<=\b(?i:in|during|under|throughout)\s+)(?:{THE}\s+)?(?:Emperor|King)\s+{RULER_T}"
        rf"(?:'s|’s)\s+(?P<whole>reign)\b(?:{QUAL_OF})?"
        rf"|(?<=\b(?i:in|during|under|throughout)\s+){THE}\s+(?P<whole>reign)\s+of\s+"
        rf"(?:Emperor|King)\s+{RULER_T}\b(?:{QUAL_OF})?"
        # H: twelve years in Wanli | three years of Hongzhi (not "for twelve years in ...")
        rf"|(?<!\b(?i:for|about|some|over|after|within)\s+)(?P<ycard>{CARD})\s+years?\s+(?:in|of)"
        rf"\s+(?:{THE}\s+)?{EP}"
        # K: the Kangxi Emperor's twentieth year
        rf"|(?:{THE}\s+)?(?P<era>{E})\s+Emperor(?:'s|’s)\s+(?P<yord>{ORD})\s+{YEAR}\b"
        # S: the jiashen year | the year of Gapsin | the year jiashen
        rf"|(?:{THE}\s+)?(?P<sexyear>{SEXY})\s+{YEAR}\b(?:\s+of\s+(?:{THE}\s+)?{EP})?"
        rf"|(?:{THE}\s+)?(?:(?i:lunar)\s+)?{YEAR}\s+(?:of\s+)?(?:{THE}\s+)?(?P<sexyear>{SEXY})"
        # "the Boshin War", "the Xinhai Revolution": an event named by its cycle year
        rf"|(?:{THE}\s+)?(?:(?P<sexyear>(?=[A-Z]){SEXY})|(?P<sexera>{E}))\s+(?P<sexevent>{cycle_event})"
        # "Jiashen May" (甲申五月, Chinese order): a lunar month of the cycle year, no day after
        rf"|(?P<sexyear>(?=[A-Z]){SEXA})\s+(?P<mname>{MON_FULL})(?![\w{_MON_FILL}])(?!,?\s*\d)"
        # P: Early in the Jianyan era (first year, a guess)
        rf"|(?P<phasein>{phase_in})\s+(?:{THE}\s+)?{PRE_EP}(?P<era>{E})(?:'s|’s)?"
        rf"(?:\s+(?:reign(?:\s+period)?|era|period))?"
        # D: the ninth year of the Jin Dynasty
        rf"|(?:{PHASE_PRE})?{YEAR_PRE}\s+of\s+(?:{THE}\s+)?(?P<dynyear>{D})\s+{DYNWORD}"
        # F: yuan 13 years (the Christian era 1276): cut-off era word + N years + CE year
        rf"|(?P<frag>\b[A-Za-z]+)\s+(?P<ycard>\d{{1,3}})\s+years(?=\s*\(\s*(?:{ce_pre}\s*)?\d)"
        # R: the following year | two years later
        rf"|(?P<relyear>{rel_year})(?:,?\s+(?P<season>{season})\b)?"
        # ... "Same year autumn eight month" (machine-translated order): its season and month
        rf"(?:,?\s+(?:(?:(?P<mord>{ORD})|(?P<mcard>{CM}))\s+{MW}\b(?![\-‐])"
        # ... "Next year August, Yingzong ..." (明年八月): a month name closing the phrase
        rf"|(?P<mname>{MON_FULL})(?![\w{_MON_FILL}])(?=\s*,)))?"
        rf"|(?P<relday>{rel_day})"
        rf"|(?P<relmonth>{rel_month})(?![\w\-])"
        rf"|{THE}\s+(?P<relnext>(?i:following|next))\s+(?P<season>{season})"
        # W: in the Kaiyuan era / during the Jianyan reign: the whole era
        rf"|(?<=\b(?i:in|during|under|throughout)\s+)(?:{THE}\s+)?{PRE_EP}(?P<era>{E})"
        rf"(?:'s|’s)?\s+(?P<whole>reign(?:\s+period)?|era|period|years)\b"
        # "a few months later", "several years afterwards": the narrative moved, how far unknown
        rf"|(?:(?i:a)\s+)?(?P<relvague>(?i:few|several|some|many))\s+(?P<relunit>{rel_unit})\s+"
        rf"(?P<reldir>(?i:later|afterwards?))\b"
        # ("a year later": one; not "half a year later", a span no table counts)
        rf"|(?P<reln>{CARD}|(?<!(?i:half)\s)\b(?i:an?))\s+(?P<relunit>{rel_unit})\s+(?P<reldir>{rel_dir})(?=\s*[,.;:)]|\s+(?:the|he|she|they|it)\b"
        # a capitalised name after it; a dynasty-named person too ("later Wei Qing": masked)
        rf"|(?<=\b(?i:later|afterwards?|earlier))\s+(?:[A-Z]|{_DYN_START}))"
        # E: the fourteenth year | the beginning of the twelfth year
        rf"|(?:{PHASE_PRE})?{YEAR_PRE}(?!\s+of\s+(?:(?i:an?|his|her|its|their|age|life|the\s+reign)\b))"
    )
    MON = (
        rf"(?:(?:{THE}\s+)?(?:(?P<leap>{leapw})\s+)?(?P<mord>{ORD})\s+(?:lunar\s+)?{MW}"
        rf"(?:\s+of\s+{THE}\s+lunar\s+(?:year|calendar))?|(?:(?P<leap>{leapw})\s+)?"
        rf"(?P<mname>{MON_FULL}))(?:\s+of\s+(?:{THE}\s+)?(?P<leap>{leapw})\s+{MW})?"
        rf"|(?:{THE}\s+)?(?P<leaponly>{leapw})\s+{MW}"
    )
    # "the third month, renzi day," / "3rd Month, renzi,": a cycle day set off by commas
    MON = (rf"(?:{MON})(?:,\s*(?P<sexday>{SEXA})(?:\s+(?i:day))?(?=\s*,)"
           # "first month, the day chia-wu (Feb. 5).": the day named after the month
           rf"|,\s*{THE}\s+(?i:day)\s+(?P<sexday>{SEXA})(?=\s*[,.;(])"
           # "the eleventh month bingxu day (December 8)" (十一月丙戌日, machine-translated)
           rf"|\s+(?P<sexday>{SEXA})\s+(?i:day)\b(?!\s+of\b))?")
    DAY = (
        rf"(?:{THE}\s+)?(?:(?P<dord>{ORD})|(?P<dlast>{last_day})|(?P<sexday>{SEXA}))\s+(?i:day)"
        rf"\s+of\s+(?:{THE}\s+)?(?:{MON})"
        # "the 16th of the 1st moon", "20th of the 12th month": the day without "day"
        rf"|(?:{THE}\s+(?P<dord>{ORD})|(?P<dord>\b\d{{1,2}}(?:st|nd|rd|th)))\s+of\s+{THE}\s+"
        rf"(?:(?P<leap>{leapw})\s+)?(?P<mord>{ORD})\s+(?:lunar\s+)?{MW}\b"
        # "the thirteenth day of the month": a day of the running month
        rf"|(?:{THE}\s+)?(?P<dord>{ORD})\s+(?i:day)\s+of\s+{THE}\s+(?:(?i:same)\s+)?{MW}\b"
        # "twelfth month, fifth day" (十二月初五日): Chinese order, as in a dateline
        rf"|(?:{THE}\s+)?(?:(?P<leap>{leapw})\s+)?(?P<mord>{ORD})\s+{MW},\s+(?:{THE}\s+)?"
        rf"(?P<dord>{ORD})\s+(?i:day)\b"
        rf"|(?P<mname>{MON_FULL})\s+(?:(?P<sexa>{SEXA})\s+)?(?P<dord>{ORD})\s+day\b"
        rf"|(?P<mname>{MON_FULL})\s+(?P<dnum>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:AD\s+)?\d)"
        # "on 11 July" (British order, no year): read like "July 11"
        rf"|(?P<dnum>\d{{1,2}})\s+(?P<mname>{MON_FULL})(?![\w,]*\s*\d)"
        # "the fifth of June": a lunar day when the running calendar is lunar
        rf"|(?:{THE}\s+)?(?P<dord>{ORD})\s+(?:of\s+)?(?P<mname>{MON_FULL})(?![\w,]*\s*\d)"
    )
    # "In the summer and June" (夏六月, machine-translated): the season and its month, one date
    SEAS = (rf"(?:{THE}\s+)?(?:(?P<sphase>early|late|mid)[\s\-]*)?(?P<season>{season})"
            rf"(?:\s+(?i:and)\s+(?:{THE}\s+)?(?:(?P<mord>{ORD})\s+(?:lunar\s+)?{MW}\b"
            rf"|(?P<mname>{MON_FULL})(?![\w{_MON_FILL}])))?")
    PREFIX = (
        rf"(?:{DAY}|{MON}|{SEAS})(?:\s+of\s+(?:{THE}\s+)?(?:{MON}))?"
        # "the spring of Ky Dau", "the third month of jiashen": the season of that cycle year
        rf"(?:\s+of\s+(?:{THE}\s+year\s+)?(?P<sexyear>{SEXA}))?"
    )
    CONN = rf",?\s+(?:of|in)\s+(?:{THE}\s+)?"
    # "the third month of 1662", "the spring of 975 AD": the Chinese year begun in that year
    MON_ORD = rf"(?:{THE}\s+)?(?:(?P<leap>{leapw})\s+)?(?P<mord>{ORD})\s+(?:lunar\s+)?{MW}"
    LUNAR_Y = (
        rf"(?:(?:{THE}\s+)?(?P<dord>{ORD})\s+(?i:day)\s+of\s+{MON_ORD}"
        rf"|{THE}\s+(?P<dord>{ORD})\s+of\s+(?={THE}\s){MON_ORD}|{MON_ORD}|{SEAS})"
        rf"(?:\s*\([^()\n]{{1,25}}\))?\s+(?:of|in)\s+(?:{THE}\s+year\s+)?"
        rf"(?P<lyear>\d{{3,4}})(?!\d|,\d)(?:\s*(?P<cesuf>{ce_era})(?![A-Za-z]))?"
    )
    TAIL = rf"(?:{CE}(?:{QUAL_OF}){{0,2}})?"
    # a Western year in a day/month date: 3-4 digits, or any with "BC"/"AD" after it
    GSUF = rf"(?:\s*(?P<gsuf>{ce_era})(?![A-Za-z])|(?<=\d\d\d))"
    GREG = (
        # "the 7th of September, 1689", "the third of May 1928": British day-of-month order
        rf"(?:{THE}\s+)?(?P<gdord>{ORD})\s+of\s+(?P<gmname>{MON_FULL}),?\s+(?:(?i:AD|A\.D\.)\s+)?"
        rf"(?P<gyear>\d{{3,4}})(?!\d|,\d){GSUF}"
        # ... "November 26–27, 1161": a day range of one month (a range of two days)
        rf"|(?P<gmname>{MON_ANY})(?:\s+|(?<=\.))(?P<gday>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:\s*[–—-]\s*(?P<gdayend>\d{{1,2}})(?:st|nd|rd|th)?)?,?\s+(?:(?i:AD|A\.D\.)\s+)?"
        rf"(?P<gyear>\d{{1,4}})(?!\d){GSUF}"
        rf"|(?P<gday>\d{{1,2}})\s+(?P<gmname>{MON_ANY}),?\s+(?P<gyear>\d{{1,4}})(?!\d){GSUF}"
        rf"|(?P<gmname>{MON_FULL})\s+(?P<gyear>\d{{3,4}})(?!\d|,\d){GSUF}"
        # "In March, 1839,": month, comma, four-digit year (19th-century style); not a count
        # ("In March, 1200 horsemen ...": a count noun or a plural word after the number)
        rf"|(?P<gmname>{MON_FULL}),\s+(?P<gyear>\d{{4}})(?!\d|,\d)"
        rf"(?!\s*(?:{count_nouns})\b|\s+[a-z]+s\b){GSUF}"
        rf"|(?P<gyear>\d{{3,4}})-(?P<gmnum>\d{{2}})-(?P<gday>\d{{2}})(?!\d)"
        rf"|(?<=\()(?P<gmname>{MON_FULL})\s+(?P<gday>\d{{1,2}})(?:st|nd|rd|th)?\s+of\s+{THE}\s+"
        rf"(?P<greg>Gregorian)\s+calendar(?=\))"
    )
    # "on the morning of the 30th of April": a part of the day and "of" before the day
    BARE_TRIGGER = (r"(?<=\b(?i:in|on|by|from|since|until|till|during|to|at|early|late|mid"
                    r"|(?:morning|evening|night|afternoon|dawn|daybreak|noon)\s+of)\s+)")
    BARE_YEAR = (
        rf"(?<=\b{preps}\s+)(?<!\b(?i:{quantity})\s+of\s+)"
        rf"(?:(?P<yphase>(?i:early|late|mid))[\s\-‐]+|(?i:the\s+year)\s+)?"
        rf"(?P<byear>\d{{3,4}})(?!\d|,\d)"
        rf"(?:\s*(?P<cesuf>{ce_era})(?![A-Za-z]))?(?!\s*(?:{count_nouns})\b)(?!\s*[-–]\s*\d)"
        rf"|\(\s*(?:{ce_pre}\s*)?(?P<byear>\d{{3,4}})(?:\s*(?P<cesuf>{ce_suf}))?\s*\)"
        # "With the year 1876 the campaign commenced": the word "year" says it is a year, after
        # any word (a preposition before "the year" is the alternative above) or opening a
        # sentence ("The year 1863 saw the first attack")
        rf"|(?:(?<=\b[A-Za-z]+\s+)|(?<=^)|(?<=\n[ \t]*)|(?<=[.!?][ \t]+))"
        rf"(?i:the\s+year)\s+(?P<byear>\d{{3,4}})(?!\d|,\d)"
        rf"(?:\s*(?P<cesuf>{ce_era})(?![A-Za-z]))?(?!\s*(?:{count_nouns})\b)(?!\s*[-–]\s*\d)"
        # "c.1100": the abbreviation touching the year
        rf"|(?<=(?<![\w.])(?i:c|ca)\.)(?P<byear>\d{{3,4}})(?!\d|,\d)(?!\s*[-–]\s*\d)"
        rf"|\b(?i:AD|A\.D\.)\s+(?P<byear>\d{{1,4}})(?!\d)(?!\s*[-–—]\s*\d)"
        # "B.C. 117", "(d. B.C. 117)": old books put the era word before the year
        rf"|(?<![A-Za-z.])(?:{bc_pre})\s*(?P<byear>\d{{1,4}})(?!\d)(?!\s*[-–—]\s*\d)"
        # the same when the scan starts at the digits ("in B.C. 90", "A.D. 73"): the era word
        # before a year of one or two digits
        rf"|(?<=(?<![A-Za-z.])(?:{bc_pre}|AD|A\.D\.)\s*)(?P<byear>\d{{1,2}})(?![\dA-Za-z])"
        rf"(?!\s*[-–—]\s*\d)"
        # "1849, Hong Xiuquan ...", "1279, the Yamen sea war ...": a year opening a sentence,
        # set off by a comma before a name or an article (a doubt)
        rf"|(?:(?<=^)|(?<=\n[ \t]*)|(?<=[.!?][ \t]+))(?P<byear>\d{{3,4}})"
        rf"(?=,\s+(?:[A-Z]|(?:the|a|an)\s))"
    )
    # "(1149-69)", "(r. 1127–1162)", "1368–1644", "(1101/02)", "221–206 BC": a span of years
    # (the checks on what comes before are in mentions.py: _year_span)
    SPAN = (
        rf"(?<![\d.,/:–—-])(?P<ryear>\d{{3,4}})\s*(?:[-–—]|/(?=\d{{2}}\b))\s*(?P<ryearend>\d{{2,4}})"
        rf"(?![\d.,/:–—-]\d|\d)(?:\s*(?P<cesuf>{ce_era})(?![A-Za-z]))?"
        # "Zhang Heng (78–139)", "Wang Chong (AD 27–97)": a short first year only as a life or
        # reign in brackets right after a capitalised name, the bracket closing after the span
        rf"|(?<=\b[A-Z][\w'’-]*\s+\(\s*(?:(?:r|b|d)\.\s*|{ce_pre}\s*)?)"
        rf"(?P<ryear>\d{{1,2}})\s*[-–—]\s*(?P<ryearend>\d{{2,3}})(?=\s*\))"
        # "A.D. 32-102", "B.C. 87-49" (old dictionaries write the era word once, before a
        # life or reign span): a short first year right after the era word
        rf"|(?<=(?<![A-Za-z.])(?:{bc_pre}|AD|A\.D\.)\s*)"
        rf"(?P<ryear>\d{{1,2}})\s*[-–—]\s*(?P<ryearend>\d{{1,3}})(?![\d.,/:–—-]\d|\d)"
        # "the years 201 to 220 AD", "between the years 1127 and 1130": "years" says both are
        rf"|(?<=\b(?i:years)\s+)(?P<ryear>\d{{3,4}})\s+(?:to|until|till|and)\s+"
        rf"(?P<ryearend>\d{{3,4}})(?!\d|,\d)(?:\s*(?P<cesuf>{ce_era})(?![A-Za-z]))?"
        # "Hai Rui (1514 to 1587)": in brackets, "to" joins a span too
        rf"|(?<=\(\s*)(?P<ryear>\d{{3,4}})\s+(?:to|until|till)\s+(?P<ryearend>\d{{2,4}})(?!\d)"
        rf"(?:\s*(?P<cesuf>{ce_era})(?![A-Za-z]))?(?=\s*\))"
    )
    ON_DAY = (
        rf"(?<=\b[Oo]n\s+){THE}\s+(?:(?P<dord>{ORD})(?:\s+day)?|(?P<sexday>{SEXA})\s+day)"
        rf"(?=\s*[,.;])"
        # "On the 16th day the vanguard ...", "On the xinwei day Li Su entered ...": a day in
        # digits or a cycle day (never a common word) with "day", the clause right after it
        rf"|(?<=\b[Oo]n\s+){THE}\s+(?:(?P<dord>\d{{1,2}}(?:st|nd|rd|th))|(?P<sexday>{SEXA}))"
        rf"\s+day(?=\s+(?:the\s|[A-Z]))"
        rf"|(?<=\b[Oo]n\s+)(?:{THE}\s+)?day\s+(?P<sexday>{SEXA})\b"
        # "26th Day (Kapchin)": a day of the running month with its cycle day (annals)
        rf"|(?:{THE}\s+)?(?P<dord>{ORD})\s+(?i:day)\s*\(\s*(?P<sexday>{SEXA})\s*\)"
    )
    # "the Kangxi Emperor": an era used as a ruler's name, context only (no row)
    ERA_CTX = rf"(?:{THE}\s+)?(?P<era>{E})\s+(?P<ctx>[Ee]mperor)\b"
    # "36 CE", "87 BC": a CE year with its suffix needs no preposition
    CE_YEAR = rf"\b(?P<byear>\d{{1,4}})\s*(?P<cesuf>{ce_era})(?![A-Za-z])"
    # words that can start a date phrase (after an optional "the"): anchors for the matcher
    firsts = {"emperor", "that", "this", "early", "late", "mid", "lunar", "year", "king", "last",
              "day", "at", "reign", "few", "several", "some", "many", "a", "an"}
    stem_words = set(c("heavenly_stem"))
    firsts.update(w.split("'")[0] for w in stem_words)
    for st in stem_words:  # joined cycle names ("jiashen", "gapsin") are single tokens
        for br in c("earthly_branch"):
            firsts.add((st + br).split("'")[0])
    firsts.update(jap.firsts)
    for cat in ("relative_year", "relative_day", "relative_month", "phase", "season", "leap",
                "ce_prefix"):
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
        rf"|(?=(?:{THE}\s+)?(?:(?:{leapw})\s+)?(?:{ORD})\s+(?:lunar\s+)?(?:{MW}|(?i:day)\s+of))"
        rf"(?:{PREFIX})(?:{CE})?"
        rf"|{ON_DAY}"
        rf"|{SPAN}"
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
        rel_month={w.lower(): int(v) for w, v in c("relative_month").items()},
        rel_dir={w.lower(): int(v) for w, v in c("relative_direction").items()},
        ce_neg=frozenset(w for w, v in c("ce_suffix").items() if int(v) < 0),
        bc_before=regex.compile(rf"(?<![A-Za-z.])(?:{bc_pre})\s*$"),
        duration_cues=frozenset(c("duration_cue")),
        lex=lex,
        year_preps=frozenset(w.lower() for w in c("year_preposition")),
        weak_preps=frozenset(w.lower() for w, v in c("year_preposition").items() if v == "weak"),
        count_nouns=frozenset(w.lower() for w in c("count_noun")),
        date_nouns=frozenset(
            {w.lower().split()[-1] for cat in ("phase", "season", "month", "phase_in")
             for w in c(cat)} | {"year", "years"}),
        approx=re.compile(
            rf"(?<![\w.])(?:{_alt(list(c('approximate')), boundary=False)})\s*"
            rf"(?:(?i:the\s+year)\s+)?(?:{ce_pre}\s*)?$"),
    )

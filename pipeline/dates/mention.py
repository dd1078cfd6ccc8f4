"""The date mention record: :class:`DateMention` (one date phrase as written, before
resolution) and its ``KINDS``. Found by :func:`pipeline.dates.mentions.find_date_mentions`."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = (
    "explicit", "inherited", "relative", "month", "season", "day", "range", "gregorian",
    "dynasty", "reign", "sexagenary", "era_context", "ruler_context", "unread", "age",
    "time_clause",
)


@dataclass(frozen=True)
class DateMention:
    """One date phrase as written, before resolution.

    ``kind``: explicit (era named) | inherited (era year, era not named; ``dynasty`` set when
    the text names only the dynasty, ``era_fragment`` when a cut-off era word precedes it) |
    relative | month | day | season | range (``parts`` = the two ends) | gregorian (Western
    date: ``western_year``, ``month``, ``day``; ``calendar`` = "western" or "gregorian" when
    the text says so) | dynasty (a dynasty name outside a date: context only, no output row) |
    ruler_context ("King Sejong" outside a date: sets the running ruler, no output row) |
    reign (``ruler`` named, or ``running_ruler``: "the fifth year of his reign").
    ``era``: the era name as written (look it up with ``EraTable.candidates``), at
    ``era_start:era_end``.
    ``phase``: early | beginning | middle | late | end ("the early years of Kaiyuan") | whole
    ("in the Kaiyuan era").
    ``rel_years``/``rel_months``/``rel_days``: offsets from the running date. ``stated_year``:
    a CE year printed with the date ("(1125)", ", 1125)", "(249 years)", "(the Christian era
    1267)").
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
    rel_months: int | None = None  # "the following month", "two months later"
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
    running_ruler: bool = False  # "the twelfth year of his reign": the ruler last named
    era_meaning: str | None = None  # era translated by meaning: its name(s) in characters ("天寶")
    aside: bool = False  # a printed span "(1149-69)", "r. 1127–1162": leaves the running date alone
    year_doubt: str | None = None  # why a bare Western year is unsure ("after 'of'")
    people: tuple[str, ...] = ()  # dynasties of persons named near a shared era name (.people)
    near_eras: tuple[int, ...] = ()  # era ids of rulers named near a shared era name (.near_rulers)
    gloss_months: tuple[int, ...] = ()  # Western month(s) beside a lunar one: "August (7th month)"
    gloss_day: int | None = None  # its Western day: "September 3 (8th day of the 8th month)"
    gloss_year: int | None = None  # the Western year of a bracketed day: "(6 February 1593)"
    gloss_calendar: str | None = None  # "gregorian"/"julian" when that bracket names it
    japanese_reading: bool = False  # era written as its Japanese reading ("Takenori" = 武德)
    age: int | None = None  # kind age: "At the age of twenty-five" (see ages.py)
    born: int | None = None  # kind age: first CE year of the life span printed before it
    died: int | None = None  # kind age: last CE year of that life span
    where: tuple[int, int] | None = None  # (paragraph, sentence) index of ``start`` (.cycles)
    approx: bool = False  # "c. 1100", "circa 1127": an approximate Western year
    coarse: str | None = None  # kind range: "decade" ("the 1120s") or "century" (.coarse)
    coarse_part: str | None = None  # its part named: "late" ("the late 12th century")
    # persons named near a cycle year: (name, first, last CE year, 0 sentence|1 paragraph)
    lifetimes: tuple[tuple[str, int, int, int], ...] = ()
    cycle_alts: tuple[int, ...] = ()  # every cycle year an ambiguous reading can be ("kōgo")
    dateline: bool = False  # part of the document's own date ("Guangxu, third year, ...")
    dateline_head: bool = False  # ... written as a heading: it dates the text after it
    parallel: bool = False  # "Shu: Ninth Year of Yen-hsi" under the main heading (.parallel)
    backdrop: bool = False  # in a past-perfect clause, "he had built ... (1397)" (.backdrop)
    ruler_after: bool = False  # "In the Nth year of his reign, the Kangxi Emperor" (.era_rulers)
    mt_order: bool = False  # "April 24, the army ...": month-first opening a sentence (.own_years)
    annual: bool = False  # "the Qingming holiday (April 4 - 6)": a yearly date, no year (.annual)
    ocr_digits: str | None = None  # a day printed with OCR letters: "3Oth" (.print_repairs)

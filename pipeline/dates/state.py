"""The fold's state and records: :class:`RunningDate`, the evidence-keeping ``_Res`` (``basis``
and ``certainty`` from one scoring), a per-call memo over the era table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipeline.eras import Era, EraTable
from pipeline.rulers import Ruler, RulerTable, load_ruler_table

from .mentions import DateMention

MAX_STEP_BACK = 2  # an inherited era year this many years back is a flashback, not a new era
DEFAULT_STREAM = 3
GREGORIAN_REFORM_JDN = 2299161  # 1582-10-15 Gregorian
_SEASON_FIRST = {"spring": 1, "summer": 4, "autumn": 7, "winter": 10}
LEVELS = ("low", "medium", "high")  # certainty values, weakest first


@dataclass
class RunningDate:
    """The fold's state: the last fully known date of the narrative."""

    era: Era | None = None
    dynasty: str | None = None
    year: int | None = None
    month: int | None = None
    leap: bool = False
    day: int | None = None
    stream: int = DEFAULT_STREAM
    order_month: int | None = None  # month or first month of a season, for the month-order rule
    certainty: str = "high"  # of the reading that set the running date
    ruler: Ruler | None = None  # the ruler last named ("of his reign")
    unread: str | None = None  # a date phrase read since the running date was set, with no year
    unread_low: bool = False  # ... an undated time clause after the year (.time_clauses): low
    span: tuple[int, int] | None = None  # the last printed span aside, "(1149-69)": CE years
    where: tuple[int, int] | None = None  # (paragraph, sentence) of the mention that set year
    # (year, month, day, first JDN) of the running date when a Western date set it (.western_months)
    western: tuple[int, int | None, int | None, int | None] | None = None
    western_text: bool = False  # the document writes full Western dates ("12 February 1912")
    # (year, month) of every Western month the document prints with its year ("14 April 1619",
    # "July 1618"; .western_months.printed_months): the anchors of a yearless month's year
    printed_months: frozenset[tuple[int, int]] = frozenset()
    repaired: str | None = None  # the running year was repaired from garbled digits (.mtdigits)


@dataclass
class _Res:
    """One resolved value (internal, turned into a DateRow)."""

    era: Era | None = None
    dynasty: str | None = None
    era_year: int | None = None
    year: int | None = None
    year_end: int | None = None
    month: int | None = None
    leap: bool = False
    day: int | None = None
    season: str | None = None
    jdn: tuple[int, int] | None = None
    western: bool = False
    basis: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    conflict: bool | None = None
    stream: int | None = None
    ruler: Ruler | None = None  # the ruler of a reign-year reading
    levels: list[str] = field(default_factory=list)  # evidence strengths; certainty = weakest
    after_unread: bool = False  # the running date was used past a date phrase that gave no year
    printed_slip: bool = False  # the printed CE year is a misprint of the era reading (.printed)

    def note(self, basis: str, level: str = "high", code: str | None = None) -> None:
        """Record one piece of evidence (its ``basis`` text and strength). Evidence weaker than
        high is a guess made here: it also writes a warning row (``code``, else
        ``DATE_READING_GUESSED``) whose message is the basis, so that every row below high names
        its guess (the README's promise)."""
        if level != "high":
            self.guess(code or "DATE_READING_GUESSED", basis, level, basis=basis)
            return
        self.basis.append(basis)
        self.levels.append(level)

    def inherit(self, basis: str, state: RunningDate, level: str | None = None,
                code: str = "DATE_READING_GUESSED") -> None:
        """Record evidence taken from the running date: its certainty (or ``level``, when
        weaker), and, when a date phrase since then could not be read (``state.unread``: the
        narrative may have moved on), at most medium with a RUNNING_DATE_UNSURE warning."""
        self.basis.append(basis)
        self.levels.append(state.certainty)  # inherited: the running date's own warning named it
        if level is not None and LEVELS.index(level) < LEVELS.index(state.certainty):
            self.guess(code, basis, level)  # a guess made here, weaker than the running date
        if state.repaired is not None and not self.after_unread:  # "1in July, 850 ... autumn"
            self.guess("RUNNING_DATE_UNSURE", f"the running year was repaired from "
                       f"{state.repaired!r}, digits garbled by machine translation", "medium")
        if state.unread is not None and not self.after_unread:
            self.after_unread = True
            what = ("a time the text does not date" if state.unread_low
                    else "a date phrase that could not be read")
            self.guess("RUNNING_DATE_UNSURE",
                       f"the running date is used past {state.unread!r}, {what}",
                       "low" if state.unread_low else "medium")

    def guess(self, code: str, message: str, level: str = "low", basis: str | None = None) -> None:
        """Record a guess: a warning row, lowered certainty and (optionally) a basis text."""
        self.warnings.append((code, message))
        self.levels.append(level)
        if basis:
            self.basis.append(basis)

    def printed_year_only(self, stated: int | None,
                          basis: str = "printed CE year") -> None:
        """Where the era or ruler could not give a year: take the printed CE year, if any, as a
        guess (``YEAR_FROM_PRINTED_YEAR``)."""
        if stated is not None:
            self.year = stated
            self.guess("YEAR_FROM_PRINTED_YEAR", "the year is the printed CE year only",
                       basis=basis)

    @property
    def certainty(self) -> str:
        """The weakest evidence used (low if no year was found)."""
        if self.year is None and self.jdn is None:
            return "low"
        return min(self.levels, key=LEVELS.index, default="high")


class _Memo:
    """Per-call memo over the EraTable lookups the fold repeats (same method names)."""

    def __init__(self, table: EraTable) -> None:
        self.table = table
        self.eras = table.eras
        self._cache: dict[tuple, object] = {}

    def _get(self, name: str, *args):
        key = (name, *args)
        if key not in self._cache:
            self._cache[key] = getattr(self.table, name)(*args)
        return self._cache[key]

    def candidates(self, surface: str) -> list[Era]:
        # a spelling some eras list exactly ("Chia-ch'ing") narrows the apostrophe-free key
        return list(self._get("best_candidates", surface))

    def dynasty(self, surface: str) -> str | None:
        return self._get("dynasty", surface)

    def dynasty_info(self, name: str):
        return self._get("dynasty_info", name)

    def ancestors(self, name: str) -> list[str]:
        return self._get("ancestors", name)

    def era_by_id(self, era_id: int) -> Era | None:
        return self._get("era_by_id", era_id)

    def split_fused(self, surface: str):
        return self._get("split_fused", surface)

    def fuzzy_candidates(self, surface: str) -> list[Era]:
        return list(self._get("fuzzy_candidates", surface))

    def matches_dynasty(self, era: Era, dynasty: str) -> bool:
        return self._get("matches_dynasty", era, dynasty)

    def eras_of_dynasty(self, dynasty: str) -> list[Era]:
        return list(self._get("eras_of_dynasty", dynasty))

    def era_in_force(self, dynasty: str, year: int) -> list[Era]:
        return list(self._get("era_in_force", dynasty, year))


def _rulers() -> RulerTable:
    return load_ruler_table()


def _label(era: Era, era_year: int | None) -> str:
    year = f" {era.ce_year(era_year)}" if era_year else f" {era.start_year}-{era.end_year}"
    return f"{era.name} ({era.dynasty}){year}"


def _prior(mentions: list[DateMention], eras: EraTable) -> Counter[str]:
    """How often each canonical dynasty is named in the document."""
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.dynasty:
            name = eras.dynasty(m.dynasty)
            if name:
                counts[name] += 1
    return counts


def _dyn_score(era: Era, eras: EraTable, prior: Counter[str]) -> int:
    return sum(prior.get(a, 0) for a in eras.ancestors(era.dynasty))

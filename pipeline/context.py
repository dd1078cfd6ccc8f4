"""Context for a document that begins mid-narrative: a starting dynasty, era or ruler, and year.

Where it comes from (a later source overrides the keys it gives):

1. ``--context "dynasty=Song,era=Shaoxing,year=1141"`` or ``--context FILE.toml`` (every file);
2. with ``--continuous``, the running date at the end of the previous file of the same work;
3. a sidecar file ``NAME.context.toml`` beside ``NAME.txt`` (TOML, the standard library's
   :mod:`tomllib`);
4. front matter at the very start of the text: TOML between two ``+++`` lines, or YAML between
   two ``---`` lines (PyYAML). The front matter is blanked (every character but line breaks
   replaced by a space) before processing, so no row comes from it and every offset still points
   into the original text.

Keys (all optional): ``dynasty`` (a name or alias of ``dynasties.csv``), ``era`` (an era name,
any romanization of ``eras.csv``, or its Chinese name), ``ruler`` (a temple, posthumous or
personal name of ``rulers.csv``), ``year`` (CE year, astronomical: 1 BCE = 0, 2 BCE = -1) and
``era_year`` (the year of the era or reign, 1 = its first). Other keys are ignored in front matter
(titles, authors) but refused in ``--context`` and warned about in a sidecar file.

:func:`start_state` turns a context into the date fold's :class:`RunningDate` and a ``dates.csv``
row of ``kind="context"`` (empty text, zero-length span at the start of the text's body) that
events before the first date of the text take as their date. The context is not in the text, so
that row's certainty is ``medium``, and every key that cannot be read gives a
``CONTEXT_NOT_RESOLVED`` warning and is left out (a blank is better than a wrong year).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import tomllib

from .calendar import LunarCalendar, jdn_to_gregorian, jdn_to_julian
from .dates.state import DEFAULT_STREAM, RunningDate
from .eras import Era, EraTable
from .errors import ChronicleError
from .records import DateRow, WarningRow
from .rulers import Ruler, load_ruler_table

SIDECAR_SUFFIX = ".context.toml"
KEYS = ("dynasty", "era", "ruler", "year", "era_year")
CERTAINTY = "medium"  # a context is the user's statement, not the text's
_TOML_FENCE = re.compile(r"\A\ufeff?\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*$", re.S | re.M)
_FRONT_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_YAML_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.S | re.M)


class ContextError(ChronicleError):
    """A ``--context`` value or file that cannot be read (exit code 2)."""


@dataclass(frozen=True)
class DocumentContext:
    """A starting point for the running date. ``year``: CE (astronomical); ``era_year``: year
    of the era or reign (1 = first); ``source``: where the values came from (for ``basis``)."""

    dynasty: str = ""
    era: str = ""
    ruler: str = ""
    year: int | None = None
    era_year: int | None = None
    source: str = ""

    def __bool__(self) -> bool:
        return any(getattr(self, k) not in ("", None) for k in KEYS)

    def over(self, base: DocumentContext | None) -> DocumentContext:
        """This context's keys, the others from ``base``."""
        if base is None or not base:
            return self
        if not self:
            return base
        values = {k: getattr(self, k) if getattr(self, k) not in ("", None) else getattr(base, k)
                  for k in KEYS}
        return DocumentContext(**values, source=f"{self.source} over {base.source}")

    def describe(self) -> str:
        """``dynasty=Song, era=Shaoxing, year=1141``."""
        return ", ".join(f"{k}={getattr(self, k)}" for k in KEYS
                         if getattr(self, k) not in ("", None))


def from_mapping(data: Mapping[str, object], source: str) -> tuple[DocumentContext, list[str]]:
    """A context from parsed keys; returns it and the problems (unknown keys, non-integer
    years: those keys are left out)."""
    values: dict[str, object] = {}
    problems: list[str] = []
    for key, value in data.items():
        key = str(key).strip().lower().replace("-", "_")
        if key not in KEYS:
            problems.append(f"unknown key {key!r} (keys: {', '.join(KEYS)})")
        elif key in ("year", "era_year"):
            try:
                if isinstance(value, bool) or isinstance(value, float):
                    raise ValueError
                values[key] = int(str(value).strip())
            except ValueError:
                problems.append(f"{key} must be an integer, found {value!r}")
        elif value not in (None, ""):
            values[key] = str(value).strip()
    return DocumentContext(**values, source=source), problems  # type: ignore[arg-type]


def parse_option(value: str) -> DocumentContext:
    """``--context``: ``key=value,key=value`` or the path of a ``.toml`` / ``.json`` file.
    Raises :class:`ContextError` for an unreadable file, a bad pair or key."""
    path = Path(value)
    if value.lower().endswith((".toml", ".json")) or path.is_file():
        data = _read_file(path)
        source = f"--context {path.name}"
    else:
        data = {}
        for part in value.split(","):
            if not part.strip():
                continue
            key, sep, val = part.partition("=")
            if not sep:
                raise ContextError(f"--context: {part.strip()!r} is not KEY=VALUE "
                                   f"(keys: {', '.join(KEYS)})")
            data[key.strip()] = val.strip()
        source = "--context"
    context, problems = from_mapping(data, source)
    if problems:
        raise ContextError(f"--context: {problems[0]}")
    return context


def _read_file(path: Path) -> Mapping[str, object]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContextError(f"{path}: cannot read the context file ({exc})") from exc
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise ContextError(f"{path}: not valid {path.suffix[1:].upper() or 'TOML'}: "
                           f"{exc}") from exc
    if not isinstance(data, dict):
        raise ContextError(f"{path}: the context must be a table of keys")
    return data


def sidecar_path(path: Path) -> Path:
    """``NAME.txt`` -> ``NAME.context.toml`` (beside it)."""
    stem = path.name[:-4] if path.name.lower().endswith(".txt") else path.stem
    return path.with_name(stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> tuple[DocumentContext | None, list[str]]:
    """The sidecar context of input ``path`` (None if there is none) and its problems."""
    side = sidecar_path(path)
    if not side.is_file():
        return None, []
    try:
        data = _read_file(side)
    except ContextError as exc:
        return None, [str(exc)]
    context, problems = from_mapping(data, side.name)
    return context, [f"{side.name}: {p}" for p in problems]


def split_front_matter(text: str) -> tuple[str, DocumentContext | None, list[str], int]:
    """``(text with the front matter blanked, its context, problems, end offset)``.

    Front matter is TOML between ``+++`` lines or YAML between ``---`` lines at the very start;
    it counts only if it parses as a table of keys (else the text is returned unchanged). The
    end offset is where the body starts (0 without front matter)."""
    for fence, kind in ((_TOML_FENCE, "TOML"), (_YAML_FENCE, "YAML")):
        match = fence.match(text)
        if match is None:
            continue
        try:
            if kind == "TOML":
                data = tomllib.loads(match.group(1))
            else:
                import yaml

                data = yaml.safe_load(match.group(1))
        except Exception:  # noqa: BLE001 - not front matter after all (a rule, a table)
            return text, None, [], 0
        if not isinstance(data, dict) or not data or \
                not all(_FRONT_KEY.fullmatch(str(k)) for k in data):
            return text, None, [], 0  # "Chapter 1: The fall" between rules is no front matter
        end = match.end()
        blanked = re.sub(r"[^\r\n]", " ", text[:end]) + text[end:]
        known = {k: v for k, v in data.items() if str(k).strip().lower() in KEYS}
        context, problems = from_mapping(known, "front matter")
        return blanked, context, problems, end
    return text, None, [], 0


def _unique(items: list, what: str, problems: list[str]) -> object | None:
    if len(items) == 1:
        return items[0]
    if items:
        problems.append(f"{what} is ambiguous ({len(items)} readings); not used")
    return None


def start_state(context: DocumentContext, eras: EraTable, calendar: LunarCalendar,
                ) -> tuple[RunningDate, DateRow | None, list[str]]:
    """The running date a context gives, the ``kind="context"`` date row (None without a
    year; ``start``/``end`` 0: the caller places it) and the problems found."""
    problems: list[str] = []
    state = RunningDate(certainty=CERTAINTY)
    dynasty = None
    if context.dynasty:
        dynasty = eras.dynasty(context.dynasty)
        if dynasty is None:
            problems.append(f"unknown dynasty {context.dynasty!r}")
    year = context.year
    era: Era | None = None
    ruler: Ruler | None = None
    if context.era:
        found = [e for e in eras.best_candidates(context.era, dynasty)
                 or [e for e in eras.eras if context.era in (e.name_zh, *e.name_zh_variants)
                     and (dynasty is None or eras.matches_dynasty(e, dynasty))]
                 if year is None or e.start_year <= year <= e.end_year]
        era = _unique(found, f"era {context.era!r}", problems)  # type: ignore[assignment]
        if not found:
            problems.append(f"no era {context.era!r}"
                            + (f" of {dynasty}" if dynasty else "")
                            + (f" in {year}" if year is not None else ""))
    if context.ruler:
        found_r = [r for r in load_ruler_table().find(context.ruler)
                   if (dynasty is None or r.dynasty in eras.ancestors(dynasty)
                       or dynasty in eras.ancestors(r.dynasty))
                   and (year is None or r.reign_start <= year <= r.reign_end)
                   and (era is None or era.era_id in r.era_ids)]
        ruler = _unique(found_r, f"ruler {context.ruler!r}", problems)  # type: ignore[assignment]
        if not found_r:
            problems.append(f"no ruler {context.ruler!r} matches the other keys")
    if context.era_year is not None:
        if era is not None and era.contains_era_year(context.era_year):
            year = era.ce_year(context.era_year) if year is None else year
        elif era is None and ruler is not None and ruler.contains_reign_year(context.era_year):
            year = ruler.ce_year(context.era_year) if year is None else year
        else:
            problems.append(f"era_year {context.era_year} is not a year of the era or reign")
    if era is None and year is not None and (dynasty or ruler):
        in_force = [e for e in eras.era_in_force(ruler.dynasty if ruler else dynasty, year)
                    if ruler is None or e.era_id in ruler.era_ids]
        era = in_force[0] if len(in_force) == 1 else None
    if era is not None:
        state.era, state.dynasty, state.stream = era, era.dynasty, era.cal_stream
    elif ruler is not None:
        info = eras.dynasty_info(ruler.dynasty)
        state.dynasty = ruler.dynasty
        state.stream = info.cal_stream if info and info.cal_stream else DEFAULT_STREAM
    elif dynasty is not None:
        info = eras.dynasty_info(dynasty)
        state.dynasty = dynasty
        state.stream = info.cal_stream if info and info.cal_stream else DEFAULT_STREAM
    state.year = year
    return state, context_row(state, f"document context ({context.source}): "
                                     f"{context.describe()}", calendar), problems


def context_row(state: RunningDate, basis: str, calendar: LunarCalendar) -> DateRow | None:
    """The ``kind="context"`` date row of a running date (None without a year)."""
    if state.year is None:
        return None
    era = state.era
    rng = calendar.year_jdn_range(state.stream, state.year)
    if state.month is not None and not state.leap:
        rng = calendar.month_jdn_range(state.stream, state.year, state.month, False) or rng
    first, last = rng if rng else (None, None)
    era_year = state.year - era.start_year + 1 if era is not None else None
    return DateRow(
        doc_id="", sentence_id=-1, start=0, end=0, text="", kind="context",
        era=era.name if era else None, era_zh=era.name_zh if era else None,
        dynasty=era.dynasty if era else state.dynasty, era_year=era_year, year=state.year,
        month=state.month if not state.leap else None,
        leap_month=False if state.month is not None and not state.leap else None,
        date_start=jdn_to_gregorian(first) if first is not None else None,
        date_end=jdn_to_gregorian(last) if last is not None else None,
        julian_start=jdn_to_julian(first) if first is not None else None,
        julian_end=jdn_to_julian(last) if last is not None else None,
        basis=basis, certainty=CERTAINTY)


@dataclass(frozen=True)
class Carry:
    """What ``--continuous`` hands from one file of a work to the next: the date fold's running
    date at the end of the file, its last date row with a year (the date events after it take,
    as they would in one file) and the file's doc id."""

    state: RunningDate
    last: DateRow | None
    doc_id: str


def carried(carry: Carry) -> tuple[RunningDate, DateRow | None]:
    """The running date to start the next file from (a copy: the fold updates it in place;
    certainty at most medium) and its ``kind="context"`` date row: the previous file's last
    dated row, with no text and ``start``/``end`` 0 (the caller places it)."""
    state = replace(carry.state, certainty=_weaker(carry.state.certainty))
    last = carry.last
    if last is None:
        return state, None
    basis = f"running date carried from the previous file ({carry.doc_id})"
    if last.kind != "context":
        basis += f": {last.text!r}, {last.basis}"
    row = replace(last, doc_id="", sentence_id=-1, start=0, end=0, text="", kind="context",
                  stated_year=None, conflict=None, alternatives="", date_id=None,
                  basis=basis if last.kind != "context" else last.basis,
                  certainty=_weaker(last.certainty))
    return state, row


def _weaker(certainty: str) -> str:
    return "low" if certainty == "low" else CERTAINTY


def context_warnings(doc_id: str, problems: list[str], start: int, end: int) -> list[WarningRow]:
    """``CONTEXT_NOT_RESOLVED`` warning rows for the problems of a document's context."""
    return [WarningRow(doc_id, start, end, "CONTEXT_NOT_RESOLVED", p) for p in problems]


__all__ = ["KEYS", "SIDECAR_SUFFIX", "Carry", "ContextError", "DocumentContext", "carried",
           "context_row", "context_warnings", "from_mapping", "parse_option", "read_sidecar",
           "sidecar_path", "split_front_matter", "start_state"]

"""Resolution of date mentions (kept as a module name; the code is in :mod:`pipeline.dates`).

See :mod:`pipeline.dates.resolve` for the rules of the one-pass resolution.
"""

from __future__ import annotations

from pipeline.dates.days import day_cycle, year_cycle
from pipeline.dates.mentions import era_name_spans
from pipeline.dates.resolve import resolve_dates
from pipeline.dates.state import LEVELS, RunningDate

__all__ = ["LEVELS", "RunningDate", "day_cycle", "era_name_spans", "resolve_dates", "year_cycle"]

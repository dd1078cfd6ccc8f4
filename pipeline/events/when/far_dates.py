"""Western years far from the text's time: no event's date when a near date stands by.

The date stage marks a Western date whose year is far from every other year the text prints
and from every period it names (:mod:`pipeline.dates.far_years`, warning
``WESTERN_YEAR_FAR``: "In 349 AD, on April 23, 2013, the Later Zhao emperor Shi Hu died", a
machine translation's garble; "listed as a heritage site in 1987" on a Han tomb). It keeps
the year at ``low`` certainty and does not let later months inherit it. In the event stage:

* an event whose date is its clause's or its sentence's last date before its trigger takes
  the last such date that is not far, when there is one (:func:`nearest_not_far`: 349, not
  2013);
* a far date in apposition to a near date right before it ("349 AD, on April 23, 2013") is
  no running date for the sentences after it: the near date runs on (:func:`running_not_far`).
  A far date alone stays the running date, low: it may be the text's own modern time ("In
  June 1941 Gerasimov opened the tomb. Days later Germany invaded the Soviet Union").

A date's own clause is untouched ("listed as a heritage site in 1987": 1987, low).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.records import DateRow

#: What the date stage's ``basis`` of a far Western year says (pipeline.dates.western_years).
FAR_BASIS = "far from the text's other dates"
#: Characters at most between a date's end and a far date's start for the two to stand in
#: apposition ("349 AD, on April 23, 2013": 6).
APPOSITION_CHARS = 8


def far_year(d: DateRow) -> bool:
    """True if the date stage marked ``d`` as a Western year far from the text's time."""
    return FAR_BASIS in d.basis


def nearest_not_far(before: Sequence[DateRow]) -> DateRow:
    """The last of ``before`` (a sentence's dates before the trigger, in order, not empty)
    that is not a far year (:func:`far_year`); the last one when all are far."""
    return next((d for d in reversed(before) if not far_year(d)), before[-1])


def running_not_far(dates: Sequence[DateRow], k: int) -> int:
    """The index of the running date to use for ``dates[k]`` (``dates`` sorted by start):
    the date right before it when ``dates[k]`` is a far year and that one is not, ending at
    most :data:`APPOSITION_CHARS` characters before it ("349 AD, on April 23, 2013");
    else ``k``."""
    if k > 0 and far_year(dates[k]) and not far_year(dates[k - 1]) \
            and 0 <= dates[k].start - dates[k - 1].end <= APPOSITION_CHARS:
        return k - 1
    return k

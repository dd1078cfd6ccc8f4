"""The date of an event: its clause's own date first, then the sentence's, then the running date.

A date is the clause's own when, in the parse, the nearest verb above the date is the
trigger's own verb (for a noun trigger, a date inside its own phrase first: "the fall of the
Tang in 907 and the death of Li Cunxu in 926", or on a participle modifying it: "the treaty of
Nerchinsk, signed on 7 September 1689"); "In 1126 the Jin took Taiyuan and in 1127
took Kaifeng" dates the two captures apart. Verbs coordinated with the trigger's that share
its subject share their date ("deposed the emperor and founded the Song in 420"). A bare
bracketed span after a common noun ("On the third voyage (1409-1411) the fleet fought") is its
clause's date; other printed span asides (life and reign spans) date nothing. The date of a
clause linked by "after"/"before" (``bound`` cues: "after the prince seized Nanjing, he gave
... in 1404") only bounds the event: not its date. Without a date of its own: the sentence's
last date before the trigger, else the first one after it in the trigger's clause window
(attached to another clause: a guess, ``date_source=other_clause``, ``time_precision`` 3;
not a relative date counted forward past the running date, "agreed to fight together the
next winter": :mod:`.forward`),
else the running date (the last date before the sentence), which does not cross a heading or
a dictionary entry and is far (certainty low) beyond a few sentences
(:mod:`pipeline.events.horizon`). An event told as earlier ("before that", "in his youth")
takes only its own clause's date; a perfect ("had taken", "has taken") no later clause's
date, its running date far; a present perfect ("He has so achieved his work as to cut up
...") takes no running date: it is told from the time of writing. A clause that gives its
time as an age ("At the age of twenty-five, he rose up ...") takes no other clause's date;
an age after the verb's object ("killed him, at the age of 39") is the victim's, and the
sentence's date stands as a guess (``other_clause``, low). A date phrase the sentence splitter
cut ("In RC. | 340 he led") dates the sentence its year number is in.
A dynasty or named period as a date (kind ``period``: "in the Later Han") dates only its own
clause, and is no running date; one labelling a list item ("- Early Ming: the wall was
rebuilt") dates its line (:mod:`.labels`). A dateline the parser ran into the next sentence
("1268 Feb (Bun'ei 5, 1st month)\nKublai's letter had been turned back in 1267") is no date
of the trigger's sentence: it dates the lines after it only when the sentence has no date of
its own before the trigger (:func:`.labels.on_dateline`).
A clause in a present perfect under "since" ("and since ... has passed through Su-sung")
takes no date but its own clause's; a date in a bracket that opens after the trigger is a
remark of its own time, no other-clause date. A date phrase the date stage could not read (an
unknown era) dates its events as unknown, unless it stands in apposition to a date of its
sentence that prints its year ("In the spring of 1077, the 2nd year of Anh Vũ Chiêu Thắng"):
then it is passed over (:func:`.readable.glossed_unread`). In a dictionary entry led by a
life span, a bare printed year of the event's own sentence outside that span ("A.D. 277-304.
... in 808 routed Lu Chi": OCR) dates nothing (:func:`.choose.outside_entry_life`); a death
lead ("Died B.C. 229.") dates only its own death word, no other event of the entry. An
event told as later ("he later set ...", "in his old age": :mod:`.later`) takes the range
from the date it would take to the next later year printed, low; none printed: no date.
After the rows are built, a running date that is an age or a bracketed gloss printed after
the date of the last dated event takes that event's date (:mod:`.carry`), a date after
"since" ("implemented since the Mujin year (1388)") dates no other clause's event, no later
event, and lends no year to a later date that prints none: the last date before it in its
paragraph does, if any (:mod:`.since`), and a carried
year outside the known life of the row's actor is blank (:mod:`.lives`); an undated event
after "during his reign" in its sentence takes the reign of the sentence's ruler from the ruler
and era tables, as a range (``date_source`` ``reign``, low: :mod:`.reign`); a running year is
closed by the later year of the next event dated by its own sentence in the same paragraph
(``year_end``, ``date_precision`` ``range``: :mod:`.until`); a birth or death without a year
of its own sentence takes the year of the person's known life (``date_source`` ``life``:
:mod:`.life_event`). Every year blanked, carried far or guessed by these steps gives a
warning row (``EVENT_YEAR_*`` codes: :mod:`.notes`).
Offsets are full-text offsets.
Clause links: :mod:`pipeline.events.clauses`.

Two dates of one sentence joined as a range, "from D1 to D2" (to, until, till, through, a
dash) or "between D1 and D2", date an event as one range (:func:`join_range`): start fields
from D1, ``year_end``/``date_end`` from D2, ``date_precision=range``, ``date_id`` of D1.
"""

from __future__ import annotations

from .choose import dated_event, event_date
from .fields import date_fields, date_precision, gregorian_year, time_precision, with_asides
from .known import NEAR_ENOUGH
from .ranges import join_range

__all__ = ["NEAR_ENOUGH", "date_fields", "date_precision", "dated_event", "event_date",
           "gregorian_year", "join_range", "time_precision", "with_asides"]

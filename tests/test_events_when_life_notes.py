"""A birth or death without a year of its own takes the year of the person's known life
(pipeline.events.when.life_event); every year blanked, carried far or guessed gives a warning
row (pipeline.events.when.notes)."""

from __future__ import annotations

import dataclasses

from pipeline.document import process_text
from pipeline.events.when.life_event import from_lives, told_ends
from pipeline.events.when.notes import year_notes
from pipeline.records import DateRow, EventRow


def _row(kind: str, year: int | None = None, source: str = "", actor1: str = "",
         actor2: str = "", start: int = 0) -> EventRow:
    return EventRow(doc_id="", event_id=0, sentence_id=0, start=start, end=start + 5,
                    event_type=kind, trigger="x", actor1=actor1, actor2=actor2, year=year,
                    date_source=source, status="asserted", certainty="high",
                    time_precision=3 if year is not None else None)


def test_an_undated_birth_or_death_takes_the_life() -> None:
    lives = {"Wanyan Aguda": (1068, 1123)}
    born, died = from_lives([_row("birth", actor1="Wanyan Aguda"),
                             _row("killing", actor1="x", actor2="Wanyan Aguda")], lives)
    assert (born.year, born.date_source, born.certainty) == (1068, "life", "medium")
    assert (died.year, died.date_source) == (1123, "life")


def test_a_printed_year_a_ruler_span_and_an_attack_stay() -> None:
    lives = {"Wanyan Aguda": (1068, 1123), "Minh Mang": (None, 1840)}
    rows = [_row("birth", 1070, "sentence", actor1="Wanyan Aguda"),  # printed: kept
            _row("death", actor1="Minh Mang"),  # a ruler's span may be a reign: no life
            _row("attack", actor1="Wanyan Aguda"),  # no life event
            _row("birth", actor1="Wanyan Aguda; Wu Qimai")]  # two persons
    assert from_lives(rows, lives) == rows


def test_a_carried_year_outside_the_life_doubts_the_reading() -> None:
    # "he was assassinated" read as Huang Chao (died 884) while the text is in 928: the reading
    # of "he" is doubtful, so no 884 (the lives rule blanks the row)
    row = _row("killing", 928, "running", actor2="Huang Chao")
    assert from_lives([row], {"Huang Chao": (835, 884)}) == [row]


def test_the_documents_own_dated_birth_gives_the_year() -> None:
    rows = [_row("birth", 904, "sentence", actor1="Guo Wei"),
            _row("death", 954, "sentence", actor1="Guo Wei"),
            _row("death", actor1="Guo Wei", start=50)]
    assert told_ends(rows) == {"Guo Wei": (904, 954)}
    assert from_lives(rows, {})[2].year == 954
    twice = [*rows[:2], _row("death", 955, "sentence", actor1="Guo Wei")]
    assert told_ends(twice) == {"Guo Wei": (904, None)}  # two death years: unknown


def test_notes_name_every_blanked_or_guessed_year() -> None:
    text = "In 1120 it began. A. B. C. D. E. F. Then he attacked."
    date = DateRow("", 0, 3, 7, "1120", "gregorian", year=1120, date_id=1)
    attack = _row("attack", 1120, "running", actor1="Yue Fei", start=text.index("Then"))
    attack = dataclasses.replace(attack, date_id=1, date_text="1120")
    starts = [0] + [i + 2 for i, c in enumerate(text) if c == "."][:-1]
    blank = dataclasses.replace(attack, year=None, date_source="", date_id=None)
    notes = year_notes([attack], [attack], [attack], [blank], [blank], {"Yue Fei": (1150, 1200)},
                       [date], starts, [(text, 0)])
    assert [w.code for w in notes] == ["EVENT_YEAR_BLANKED"]
    assert "outside the known life of Yue Fei (1150-1200)" in notes[0].message
    notes = year_notes([attack], [attack], [attack], [attack], [attack], {}, [date], starts,
                       [(text, 0)])
    assert [w.code for w in notes] == ["EVENT_YEAR_CARRIED_FAR"]  # 7 sentences back
    assert "'1120', 7 sentences back" in notes[0].message
    widened = dataclasses.replace(attack, year_end=1125)
    assert "EVENT_YEAR_RANGE_GUESSED" in [
        w.code for w in year_notes([attack], [attack], [attack], [attack], [widened], {}, [date],
                                   starts, [(text, 0)])]


def test_the_warnings_table_gets_the_event_notes(resources) -> None:
    text = ("Yue Fei (1103-1142) was a general of the Southern Song. In 1140 he defeated the "
            "Jin army at Yancheng. In 1161 the Jin army crossed the Huai. Yue Fei captured "
            "the city.")
    result = process_text(text, "t", resources)
    blanked = [w for w in result.warnings if w.code == "EVENT_YEAR_BLANKED"]
    assert len(blanked) == 1 and blanked[0].doc_id == "t"
    assert text[blanked[0].start:blanked[0].end].startswith("Yue Fei captured")
    assert "1161" in blanked[0].message


def test_a_date_after_since_dates_no_later_event() -> None:
    from pipeline.events.when.since import after_since

    text = ("The Council ordered the law that had been in force since the Mujin year (1388) "
            "printed.\n28th Day (Pyongo)\nThe king ordered Kwak to visit the capital.")
    mujin = DateRow("", 0, text.index("Mujin"), text.index(" printed"), "Mujin year (1388)",
                    "sexagenary", year=1388, date_id=1)
    day = DateRow("", 0, text.index("28th"), text.index("28th") + 17, "28th Day (Pyongo)",
                  "day", year=1388, basis="running year 1388", date_id=2)
    ordered = dataclasses.replace(_row("decree", 1388, "other_clause"), date_id=1)
    visit = dataclasses.replace(_row("movement", 1388, "sentence", start=text.index("The k")),
                                date_id=2)
    own = dataclasses.replace(_row("rule", 1388, "sentence"), date_id=1)  # its own clause
    rows = after_since([ordered, visit, own], [mujin, day], [(text, 0)])
    assert [r.year for r in rows] == [None, None, 1388]


def test_after_a_since_date_the_narrative_date_before_it_runs_on(resources) -> None:  # noqa: ANN001
    def years(text: str) -> dict[str, int | None]:
        return {e.trigger: e.year for e in process_text(text, "t", resources).events}

    # the stretch's start (1120) is no running date: the narrative had reached 1126
    got = years("In 1126 the Jin army crossed the Yellow River. The emperor released the "
                "envoys, whom he had held as hostages since 1120. The Jin army then "
                "besieged Kaifeng.")
    assert got.get("besieged") == 1126
    # a day line after the since date: its year is the narrative's, not the stretch's start
    text = ("In 1397 the court met. The law had been in force since the Mujin year (1388)."
            "\n\n28th Day (Pyongo)\nThe king ordered Kwak to visit the capital.")
    got = {e.trigger: (e.year, e.certainty) for e in process_text(text, "t", resources).events}
    assert all(y in (None, 1397) for y, _ in got.values())


def test_a_carried_year_far_from_the_life_stays() -> None:
    lives = {"Zheng He": (1371, 1433), "Yue Fei": (1103, 1142)}
    fleet = _row("killing", 1405, "running", actor2="Zheng He")  # "people of Zheng He's fleet"
    executed = _row("execution", 1140, "running", actor2="Yue Fei")
    assert [r.year for r in from_lives([fleet, executed], lives)] == [1405, 1142]


def test_a_present_perfect_takes_no_running_year(resources) -> None:
    def years(text: str) -> dict[str, int | None]:
        return {e.trigger: e.year for e in process_text(text, "t", resources).events}

    # told from the time of writing: not the year the narrative had reached
    assert years("In 1140 Yue Fei captured Yancheng. He has defeated the Jin army at "
                 "Zhuxian.") == {"captured": 1140, "defeated": None}
    # a perfect infinitive and a past perfect keep the running year ("is said to have" is
    # hearsay, no row: pipeline/events/hedges.py)
    assert years("In 1646 Koxinga raised an army. He is known to have burned his robes at a "
                 "temple.").get("burned") == 1646
    assert years("In 1140 Yue Fei captured Yancheng. The Jin army had fled to Kaifeng."
                 ).get("fled") == 1140


def test_a_quoted_documents_dates_stay_inside_it(resources) -> None:  # noqa: ANN001
    from pipeline.events.when.since import quoted_spans

    text = ("Li Hongzhang became an earl. The imperial rescript concerning Zeng Guofan reads as "
            "follows:\n\nZeng Guofan, in the 4th year of Xianfeng, raised the volunteer army "
            "in Hunan. He captured Wuchang and cleared Jiangxi of rebels.\n\nThe fall of "
            "Nanking broke the rebels. The Jiangxi rebels were defeated at Hsuwan.")
    start = text.index("Zeng Guofan, in")
    assert quoted_spans([(text[:start - 2], 0), (text[start:text.index("\n\nThe fall")],
                                                 start)])[0][0] == start
    got = {e.trigger: e.year for e in process_text(text, "t", resources).events}
    assert got.get("captured") == 1854  # the document's own narrative
    assert got.get("defeated") is None  # the narrative after it: not the rescript's 1854
    inline = "The letter read as follows: \u201cIn 1392 I took over the state.\u201d He left."
    (lo, hi), = quoted_spans([(inline, 0)])
    assert inline[lo:hi] == "In 1392 I took over the state."

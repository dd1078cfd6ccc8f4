"""Rulers named without a dynasty, re-read by date and the names around them
(pipeline/entities/ruler_dates.py). Short texts of our own; entities and dates built by hand
so that the rule itself is tested, plus two runs through the whole pipeline."""

from __future__ import annotations

import re

import pytest
from ruler_readers import standard_reader

from pipeline.entities.ruler_dates import reread_rulers
from pipeline.places.rows import years_from_dates
from pipeline.records import DateRow, EntityRow


@pytest.fixture(scope="module")
def reader():
    return standard_reader()


def _run(reader, text: str, names: dict[str, str], years: dict[str, int]):
    """Entities for each name of ``names`` (name -> label) at every place it occurs, dates for
    each phrase of ``years``; sentences split at '. '."""
    ents = sorted((EntityRow("t", 0, m.start(), m.end(), name, label, name, "gazetteer")
                   for name, label in names.items()
                   for m in re.finditer(rf"\b{re.escape(name)}\b", text)),
                  key=lambda e: e.start)
    ents = [e for e in ents if not any(o is not e and o.start <= e.start and e.end <= o.end
                                       and o.end - o.start > e.end - e.start for o in ents)]
    dates = sorted((DateRow("t", 0, m.start(), m.end(), phrase, "explicit", year=year)
                    for phrase, year in years.items()
                    for m in re.finditer(re.escape(phrase), text)), key=lambda d: d.start)
    starts = [0] + [m.end() for m in re.finditer(r"\. ", text)]
    return reread_rulers(ents, text, reader, dates, starts, years_from_dates(dates))


def _canon(rows, text: str) -> list[str]:
    return [e.canonical for e in rows if e.text == text]


def test_year_of_the_sentence_chooses_the_reign(reader):
    text = "He admired Emperor Zhao. Emperor Wu died in 87 BC."
    rows, warnings = _run(reader, text, {"Emperor Wu": "PERSON", "Emperor Zhao": "PERSON"},
                          {"87 BC": -86})
    assert _canon(rows, "Emperor Wu") == ["Emperor Wu of Han"]  # not Later Zhao Wudi
    codes = {w.start: w.code for w in warnings}
    assert codes[text.index("Emperor Wu")] == "RULER_READING_GUESSED"  # the date alone chose
    assert codes[text.index("Emperor Zhao")] == "RULER_AMBIGUOUS"  # no year before it


def test_running_year_and_dynasty_named_agree_silently(reader):
    text = "In 1130 the Song court moved. Gaozong fled to the sea."
    rows, warnings = _run(reader, text, {"Gaozong": "PERSON", "Song": "POLITY"},
                          {"1130": 1130})
    assert _canon(rows, "Gaozong") == ["Zhao Gou"]
    assert warnings == []


def test_personal_name_beside_it_gives_one_canonical(reader):
    text = "In 756 Li Heng was enthroned as Emperor Suzong at Lingwu."
    rows, warnings = _run(reader, text, {"Li Heng": "PERSON", "Emperor Suzong": "PERSON"},
                          {"756": 756})
    assert _canon(rows, "Emperor Suzong") == _canon(rows, "Li Heng") == ["Emperor Suzong of Tang"]
    assert warnings == []


def test_personal_name_of_two_rulers_read_by_date(reader):
    # 李亨 (Suzong, r. 756-762) and 李恆 (Muzong, r. 821-824) are both "Li Heng"
    text = "Li Heng was named crown prince in 738."
    rows, warnings = _run(reader, text, {"Li Heng": "PERSON"}, {"738": 738})
    assert _canon(rows, "Li Heng") == ["Emperor Suzong of Tang"]
    assert "nearest reign" in warnings[0].message


def test_two_names_of_one_ruler_in_a_sentence(reader):
    text = "Emperor Suzong (Li Heng) took the throne."
    rows, warnings = _run(reader, text, {"Li Heng": "PERSON", "Emperor Suzong": "PERSON"}, {})
    assert {e.canonical for e in rows} == {"Emperor Suzong of Tang"}
    assert warnings == []


def test_title_or_not_same_canonical(reader):
    text = "In July 756 Emperor Xuanzong fled west. Xuanzong was old."
    rows, _ = _run(reader, text, {"Emperor Xuanzong": "PERSON", "Xuanzong": "PERSON"},
                   {"July 756": 756})
    assert _canon(rows, "Emperor Xuanzong") == _canon(rows, "Xuanzong") == ["Li Longji"]


def test_no_evidence_is_ambiguous_not_a_default(reader):
    text = "Emperor Xuanzong fled west. Xuanzong was old."
    rows, warnings = _run(reader, text, {"Emperor Xuanzong": "PERSON", "Xuanzong": "PERSON"},
                          {})
    assert {e.canonical for e in rows} == {"Xuanzong"}  # one name, no silent choice
    assert [w.code for w in warnings] == ["RULER_AMBIGUOUS", "RULER_AMBIGUOUS"]


def test_dynasty_named_against_the_date_is_flagged(reader):
    text = "The Later Zhou was founded in 951. Emperor Shizong succeeded."
    rows, warnings = _run(reader, text, {"Later Zhou": "POLITY", "Emperor Shizong": "PERSON"},
                          {"951": 951})
    assert _canon(rows, "Emperor Shizong") == ["Emperor Shizong of Later Zhou"]
    assert [w.code for w in warnings] == ["RULER_READING_GUESSED"]
    assert "Emperor Shizong of Liao" in warnings[0].message


def test_nearest_reign_within_reach(reader):
    text = "Emperor Zhao was made heir in 88 BC."
    rows, warnings = _run(reader, text, {"Emperor Zhao": "PERSON"}, {"88 BC": -87})
    assert _canon(rows, "Emperor Zhao") == ["Emperor Zhao of Han"]
    assert "nearest reign" in warnings[0].message


def test_mention_with_dynasty_and_other_persons_untouched(reader):
    text = "In 1200 Emperor Taizong of Tang was remembered by Yue Fei."
    names = {"Emperor Taizong of Tang": "PERSON", "Yue Fei": "PERSON"}
    rows, warnings = _run(reader, text, names, {"1200": 1200})
    assert [e.canonical for e in rows] == list(names)
    assert warnings == []


def test_whole_pipeline(resources):
    from pipeline import api

    res = api.process_text("Emperor Wu died in 87 BC and was succeeded by Emperor Zhao.",
                           "t", resources)
    assert [e.canonical for e in res.entities if e.text == "Emperor Wu"] == \
        ["Emperor Wu of Han"]
    assert "RULER_READING_GUESSED" in {w.code for w in res.warnings}


def test_rebel_state_is_the_side_but_parent_eras_date(resources):
    from pipeline import api

    res = api.process_text("In the first month of the second year of Zhide, An Lushan was "
                           "murdered by his son An Qingxu.", "t", resources)
    assert [d.year for d in res.dates] == [757]  # Tang's Zhide, not Chen's (584)
    assert [(e.actor1, e.actor1_polity) for e in res.events] == [("An Qingxu", "Great Yan")]


def test_daoist_name_is_an_alias(gaz):
    assert gaz.resolve("Yang Taizhen").canonical == "Yang Guifei"


@pytest.mark.parametrize(("year", "canonical"), [
    (249, "Sima Yi"),  # 116 years before 司馬奕's accession (365): a namesake (司馬懿)
    (366, "Emperor Fei of Jin"),  # in his reign: the ruler
    (400, "Emperor Fei of Jin"),  # after it: a retrospective mention stays the ruler
    (520, "Sima Yi"),  # 149 years after his reign ended (371): a namesake acting then
])
def test_personal_name_of_a_ruler_not_yet_born_is_a_namesake(reader, year, canonical):
    text = f"In {year} Sima Yi led a coup. "
    start = text.index("Sima Yi")
    ent = EntityRow("t", 0, start, start + 7, "Sima Yi", "PERSON", "Emperor Fei of Jin",
                    "gazetteer")
    date = DateRow("t", 0, 3, 3 + len(str(year)), str(year), "explicit", year=year)
    rows, warnings = reread_rulers([ent], text, reader, [date], [0],
                                   years_from_dates([date]))
    assert _canon(rows, "Sima Yi") == [canonical]
    assert warnings == []


def test_dynasty_named_in_the_sentence_keeps_the_ruler(reader):
    # the year is far from the reign, but the sentence names the ruler's own dynasty
    text = "In 249 Sima Yi ruled the Jin. "
    start = text.index("Sima Yi")
    ent = EntityRow("t", 0, start, start + 7, "Sima Yi", "PERSON", "Emperor Fei of Jin",
                    "gazetteer")
    jin = text.index("Jin")
    pol = EntityRow("t", 0, jin, jin + 3, "Jin", "POLITY", "Jin", "gazetteer")
    date = DateRow("t", 0, 3, 6, "249", "explicit", year=249)
    rows, _ = reread_rulers([ent, pol], text, reader, [date], [0], years_from_dates([date]))
    assert _canon(rows, "Sima Yi") == ["Emperor Fei of Jin"]


@pytest.mark.parametrize(("text", "name", "not_canonical"), [
    # 李靖 in 630 shares his romanized name with 李璟 of the Southern Tang (r. 943-961)
    ("In 630 Li Jing led the cavalry north against the Turks.", "Li Jing",
     "Southern Tang Yuanzong"),
    # the sentence names the dynasty he founded: not the Later Tang ruler
    ("In 936 Shi Jingtang founded the Later Jin with Khitan help.", "Shi Jingtang",
     "Later Tang Gaozu"),
])
def test_whole_pipeline_namesakes(resources, text, name, not_canonical):
    from pipeline import api

    res = api.process_text(text, "t", resources)
    got = [e.canonical for e in res.entities if e.text == name]
    assert got and not_canonical not in got


def test_a_dynasty_named_earlier_narrows_the_nearest_reign(reader):
    """Fresh report 6 (#16): "sixth son of the Emperor Wu" in 302, two entries after "the
    Jin dynasty": Emperor Wu of Jin (r. 266-290), not Li Xiong of Cheng-Han (r. 303-334),
    still a guess; without the earlier dynasty the nearest reign stays Li Xiong's."""
    text = ("Sima Liang served the Jin dynasty.\n\nAt the close of 302 the capital fell.\n\n"
            "Sima Ai was the sixth son of the Emperor Wu.")
    rows, warnings = _run(reader, text, {"Emperor Wu": "PERSON", "Jin": "POLITY"},
                          {"302": 302})
    assert _canon(rows, "Emperor Wu") == ["Emperor Wu of Jin"]
    assert any(w.code == "RULER_READING_GUESSED" and "named earlier" in w.message
               for w in warnings)
    plain = text.replace("the Jin dynasty", "the court")
    rows, _ = _run(reader, plain, {"Emperor Wu": "PERSON"}, {"302": 302})
    assert _canon(rows, "Emperor Wu") == ["Li Xiong"]


def test_year_in_no_reign_takes_the_texts_other_mentions_of_the_name(reader):
    # 苻健 r. 351-355 is nearer to 337 than 苻堅 r. 357-385, but the page is about 苻堅
    text = ("Fu Jian was born in 337. In 357 Fu Jian seized the throne. In 359 Fu Jian "
            "pardoned the minister. In 383 Fu Jian lost the battle.")
    rows, warnings = _run(reader, text, {"Fu Jian": "PERSON"},
                          {"337": 337, "357": 357, "359": 359, "383": 383})
    assert _canon(rows, "Fu Jian") == ["Fu Jian (357-385)"] * 4
    first = [w for w in warnings if w.start == 0]
    assert [w.code for w in first] == ["RULER_READING_GUESSED"]  # still a guess
    assert "other places its name is written" in first[0].message


def test_namesakes_both_dated_in_the_text_leave_the_nearest_reign(reader):
    text = ("Fu Jian was born in 337. In 352 Fu Jian took the title of emperor. In 370 Fu Jian "
            "attacked Yan.")
    rows, _ = _run(reader, text, {"Fu Jian": "PERSON"}, {"337": 337, "352": 352, "370": 370})
    assert _canon(rows, "Fu Jian") == ["Fu Jian (351-355)", "Fu Jian (351-355)",
                                       "Fu Jian (357-385)"]


def test_other_mentions_refused_when_his_lifetime_cannot_hold_the_year(reader):
    text = ("Fu Jian was born in 250. In 357 Fu Jian seized the throne. In 359 Fu Jian "
            "pardoned the minister.")
    rows, warnings = _run(reader, text, {"Fu Jian": "PERSON"},
                          {"250": 250, "357": 357, "359": 359})
    assert _canon(rows, "Fu Jian")[0] == "Fu Jian"  # 107 years before his reign: no reading
    assert [w.code for w in warnings if w.start == 0] == ["RULER_AMBIGUOUS"]


def test_no_ruler_reading_decades_before_the_accession(reader):
    """Fresh report 14 (#2): "the Rear King of Jushi, Andi" in 74, with Eastern Han named
    earlier, is not Emperor An of Han (r. 106-125, 32 years later): ambiguous, not guessed;
    an heir a decade or two before his reign is still read (Li Heng, heir in 738)."""
    text = ("The Eastern Han sent troops west.\n\nIn 74 the Rear King of Jushi, Andi, "
            "surrendered.")
    rows, warnings = _run(reader, text, {"Andi": "PERSON", "Eastern Han": "POLITY"},
                          {"74": 74})
    assert _canon(rows, "Andi") != ["Emperor An of Han"]
    assert not any(w.code == "RULER_READING_GUESSED" for w in warnings)
    rows, _ = _run(reader, "Li Heng was named crown prince in 738.", {"Li Heng": "PERSON"},
                   {"738": 738})
    assert _canon(rows, "Li Heng") == ["Emperor Suzong of Tang"]

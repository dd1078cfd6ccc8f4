"""A dynasty name labelling a list item ("- Han dynasty: a walled town was built", "- Early
Ming: the wall was rebuilt") is a period date of the item, like "- 190 AD: ..." labels
(:func:`pipeline.dates.periods._label`); a state naming the calendar of the date after it
("Shu: Ninth Year of Yen-hsi") is not."""

from __future__ import annotations

from pipeline import api

TIMELINE = ("History of the walls\n\n"
            "- Han dynasty: a walled town was first built on the south bank of the river.\n"
            "- 190 AD: Liu Biao moved his seat to the city.\n"
            "- 1134: Yue Fei recovered the city.\n"
            "- Early Ming: the wall was rebuilt in brick.\n"
            "- 1641: Zhang Xianzhong took the city by surprise.\n")


def test_a_dynasty_label_dates_its_item_low(resources: api.Resources) -> None:
    res = api.process_text(TIMELINE, "t", resources)
    periods = {d.text: (d.year, d.year_end, d.certainty) for d in res.dates
               if d.kind == "period"}
    assert periods["Han dynasty"][:2] == (-205, 220)  # the default reading, not a later Han
    assert periods["Early Ming"][0] == 1368 and periods["Early Ming"][1] < 1500
    assert {c for *_, c in periods.values()} == {"low"}
    built = [e for e in res.events if e.trigger == "built"]
    assert built and built[0].year == -205 and built[0].year_end == 220


def test_a_state_before_a_date_is_no_label(resources: api.Resources) -> None:
    text = ("Seventh Year of Cheng-shih (246 A.D.)\nShu: Ninth Year of Yen-hsi\n"
            "Wu: Ninth Year of Ch'ih-wu\n\n1. Spring, second month. Chu Jan invaded Tsu-chung.\n")
    res = api.process_text(text, "t", resources)
    assert not [d for d in res.dates if d.kind == "period"]


def test_a_name_inside_a_line_is_no_label(resources: api.Resources) -> None:
    res = api.process_text("The Ming army: a column of ten thousand men marched north.\n",
                           "t", resources)
    assert not [d for d in res.dates if d.kind == "period"]

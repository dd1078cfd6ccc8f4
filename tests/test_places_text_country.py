"""A page set abroad (Joseon Korea) reads a name Chinese places bear too ("Hanyang", the
"Han River") as the place abroad, low and warned; a page set in China keeps the Chinese
place."""

from __future__ import annotations

from place_rows import place_rows

from pipeline.places.world import load_world_homonyms

_rows = place_rows


KOREA = ("The envoy came to Hanyang in the spring.\n\n"
         "The army crossed the river at Uiju and marched on Suwon. The king fled to Ganghwa "
         "Island.\n\n"
         "At last the king went down to the Han River and bowed.")


def test_hand_homonyms_of_east_asia_are_read_only_beside_places_abroad() -> None:
    found = load_world_homonyms()
    assert any(c.country == "KR" for c in found.get("hanyang", ()))
    assert any(c.precision == "region" for c in found.get("hanriver", ()))


def test_a_page_set_in_korea_reads_hanyang_and_the_han_river_as_korean() -> None:
    rows, warnings = _rows(KOREA, 1636, "Hanyang", "Uiju", "Suwon", "Ganghwa Island",
                           "Han River")
    for name in ("Hanyang", "Han River"):
        row = rows[name]
        assert 37.0 < row.latitude < 38.0 and 126.5 < row.longitude < 127.5, name
        assert row.certainty == "low" and row.coord_source.endswith(":abroad-context"), name
        assert any(w.code == "PLACE_COORDINATE_GUESSED" and name in w.message
                   for w in warnings), name


def test_a_page_set_in_china_keeps_the_chinese_hanyang_and_han() -> None:
    text = ("The rebels took Hanyang and Wuchang.\n\n"
            "They sailed down the Han River to Jiujiang and Anqing.")
    rows, _ = _rows(text, 1852, "Hanyang", "Wuchang", "Han River", "Jiujiang", "Anqing")
    assert rows["Hanyang"].province == "Hubei"
    assert rows["Han River"].longitude is not None and rows["Han River"].longitude < 120


def test_one_korean_place_on_a_chinese_page_moves_nothing() -> None:
    text = ("An envoy from Seoul arrived.\n\n"
            "The army marched from Hanyang to Xiangyang and Nanyang.")
    rows, _ = _rows(text, 1636, "Seoul", "Hanyang", "Xiangyang", "Nanyang")
    assert rows["Hanyang"].province == "Hubei"

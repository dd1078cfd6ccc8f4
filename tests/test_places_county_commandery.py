"""A written "County" that may translate 郡 (commandery), and an event's certainty capped by its
place row's (invented units and rows)."""

from pipeline.events.rows.places import capped_certainty
from pipeline.places.base import name_key
from pipeline.places.historical import HistoricalUnit, geocode_historical
from pipeline.places.lookup import PlaceLookup
from pipeline.records import PlaceRow

COUNTY = HistoricalUnit("Qingfeng", "清豐縣", "county", "Hunan", 27.0, 113.0, 200, 600, "t1")
COMMANDERY = HistoricalUnit("Qingfeng", "清豐郡", "commandery", "Yunnan", 25.0, 103.0, 220, 540,
                            "t2")
UNITS = {name_key("Qingfeng"): (COUNTY, COMMANDERY)}


def test_county_word_with_a_commandery_elsewhere_is_a_homonym() -> None:
    assert geocode_historical("Qingfeng County", 225, units=UNITS) is None  # no anchor: unsure
    coord = geocode_historical("Qingfeng County", 225, units=UNITS, anchor=(25.5, 102.8))
    assert coord is not None and coord.source.endswith(":t2:nearest")
    assert (coord.latitude, coord.longitude) == (25.0, 103.0)
    coord = geocode_historical("Qingfeng County", 225, units=UNITS, anchor=(27.2, 112.9))
    assert coord is not None and coord.source.endswith(":t1:nearest")


def test_county_word_keeps_the_county_when_no_commandery_is_in_use() -> None:
    coord = geocode_historical("Qingfeng County", 210, units=UNITS, anchor=(25.5, 102.8))
    assert coord is not None and coord.source.endswith(":t1")  # the commandery begins in 220
    coord = geocode_historical("Qingfeng County", None, units=UNITS)
    assert coord is not None and coord.source.endswith(":t1")  # no year: the counties


def test_county_word_takes_the_commandery_when_no_county_is_in_use() -> None:
    units = {name_key("Qingfeng"): (COMMANDERY,)}
    coord = geocode_historical("Qingfeng County", 225, units=units)
    assert coord is not None and coord.source.endswith(":t2")


def test_commandery_at_the_county_seat_is_no_homonym() -> None:
    same = HistoricalUnit("Qingfeng", "清豐郡", "commandery", "Hunan", 27.1, 113.1, 220, 540, "t3")
    coord = geocode_historical("Qingfeng County", 225, units={name_key("Qingfeng"): (COUNTY, same)})
    assert coord is not None and coord.source.endswith(":t1")


def test_event_certainty_capped_by_its_place_row() -> None:
    assert capped_certainty("high", "low") == "low"
    assert capped_certainty("medium", "low") == "low"
    assert capped_certainty("low", "high") == "low"  # never raised
    assert capped_certainty("high", "") == "high"  # no place row: no cap


def test_row_certainty_only_for_the_rows_point() -> None:
    lookup = PlaceLookup({}, {}, {})
    lookup.add_rows([PlaceRow(doc_id="d", place="Hall of Qingfeng", latitude=31.0, longitude=120.0,
                              coord_source="within:x", certainty="low")])
    info = lookup.located["Hall of Qingfeng"]
    assert lookup.row_certainty("Hall of Qingfeng", info) == "low"
    assert lookup.row_certainty("Hall of Qingfeng", ("", 30.0, 110.0, "")) == ""
    assert lookup.row_certainty("Nowhere", info) == ""


def test_unit_word_below_a_province_is_not_the_province() -> None:
    from pipeline.places.rows import _below_province
    assert _below_province("Yunnan County") and _below_province("Sichuan City")
    assert not _below_province("Yunnan Province") and not _below_province("Yunnan")

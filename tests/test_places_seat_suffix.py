"""Wade-Giles seat words after a hyphen ("Yunnan-fu") geocode the base as the seat."""
from pipeline.places.geocode import geocode


def test_province_fu_is_the_capital_seat() -> None:
    seat, province = geocode("Yunnan-fu"), geocode("Yunnan")
    assert seat is not None and province is not None
    assert (seat.latitude, seat.longitude) == (province.latitude, province.longitude)
    assert seat.precision == "prefecture" and "seat of Yunnan" in seat.basis


def test_prefecture_fu_is_its_city() -> None:
    seat = geocode("Chengtu-fu")
    assert seat is not None and seat.matched == "Chengdu" and seat.province == "Sichuan"


def test_seat_word_without_separator_is_not_stripped() -> None:
    assert geocode("Xfu") is None


def test_geocode_name_reads_the_seat_word() -> None:
    from pipeline.places.geocode import geocode_name
    seat = geocode_name("Yunnan-fu")
    assert seat is not None and seat.province == "Yunnan" and seat.precision == "prefecture"


def test_a_hyphenated_name_that_is_itself_known_is_kept() -> None:
    from pipeline.places.geocode import geocode_name
    seat = geocode_name("Hang-chou")
    assert seat is not None and seat.matched == "Hangzhou" and "seat of" not in seat.basis

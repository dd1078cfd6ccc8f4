"""A county located far from every other place of its text is in doubt
(pipeline/places/outliers.py)."""

from __future__ import annotations

from pipeline.places.outliers import far_from_text
from pipeline.records import PlaceRow


def _row(place, lat, lon, source="name:chgis-tgaz-2016:county:x", certainty="high"):
    return PlaceRow("d", place, latitude=lat, longitude=lon, coord_source=source,
                    certainty=certainty)


def test_county_far_from_all_other_places_is_lowered():
    rows = [_row("Beijing", 39.90, 116.41, "gazetteer:cpca:province:prefecture"),
            _row("Guihua", 26.35, 117.20), _row("Ningxia", 38.47, 106.26, "name:cpca:province")]
    out, basis = far_from_text(rows)
    assert [r.certainty for r in out] == ["high", "medium", "high"]
    assert list(basis) == [1] and "km from every other place" in basis[1]
    assert (out[1].latitude, out[1].longitude) == (26.35, 117.20)  # coordinates kept


def test_near_places_countries_and_short_lists_stay():
    near = [_row("Kaifeng", 34.80, 114.31), _row("Luoyang", 34.62, 112.45),
            _row("Guangzhou", 23.13, 113.26)]  # 1300 km from Kaifeng: one theatre (FAR_KM 1400)
    assert [r.certainty for r in far_from_text(near)[0]] == ["high"] * 3
    abroad = [_row("Beijing", 39.90, 116.41), _row("Nanjing", 32.06, 118.80),
              _row("Germany", 51.0, 10.0, "world:geonames:country")]
    assert far_from_text(abroad)[1] == {}
    two = [_row("Beijing", 39.90, 116.41), _row("Guihua", 26.35, 117.20)]
    assert far_from_text(two)[1] == {}  # one other place says too little

"""A bare name whose feature the text glosses: "the Jingjiang Estuary (now southwest of
Susong, Anhui)" and later "caught up at Jingjiang" — the bare name is the place the text
itself located, not a seat of that name elsewhere (靜江路, Guilin, 1,000 km away).

A row placed by its name alone (``coord_source`` ``name:...``: CHGIS or cpca, certainty high
or medium) takes the point of another row of the same document written as that name and one
place word (a ``head``, ``feature`` or ``suffix`` row of ``place_gloss_words.csv``: Estuary,
River, Mountain, County …) and located by the text's own gloss (``coord_source``
``gloss:...``), when the two points lie farther apart than ``SEAT_SPREAD`` degrees. The row
becomes ``medium`` (the feature may lie some way from the place it is named after):
``coord_source`` is the gloss row's with ``:feature-gloss`` appended, and the warning
(``PLACE_HOMONYM_CHOSEN``) names the seat it replaced. :func:`reuse_feature_gloss` returns
the rows and {row index: why}.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipeline.places.base import load_gloss_lexicon, name_key
from pipeline.places.seats import SEAT_SPREAD
from pipeline.records import PlaceRow


def _glossed_features(rows: Sequence[PlaceRow]) -> dict[str, PlaceRow]:
    """{key of the name before the place word: the first gloss-located row "<name> <word>"}."""
    heads = load_gloss_lexicon().heads
    out: dict[str, PlaceRow] = {}
    for row in rows:
        words = row.place.split()
        if len(words) >= 2 and words[-1].lower() in heads and row.latitude is not None \
                and row.coord_source.startswith("gloss:"):
            out.setdefault(name_key(" ".join(words[:-1])), row)
    return out


def reuse_feature_gloss(rows: Sequence[PlaceRow]) -> tuple[list[PlaceRow], dict[int, str]]:
    """``rows`` (one document) with bare names moved to the glossed point of their feature, as
    the module docstring says, and {row index: why} for every row changed. The input is not
    changed."""
    features = _glossed_features(rows)
    out = list(rows)
    why: dict[int, str] = {}
    if not features:
        return out, why
    for i, row in enumerate(rows):
        feature = features.get(name_key(row.place))
        if feature is None or row.latitude is None or row.certainty == "low" \
                or not row.coord_source.startswith("name:"):
            continue
        if abs((row.latitude or 0.0) - (feature.latitude or 0.0)) <= SEAT_SPREAD \
                and abs((row.longitude or 0.0) - (feature.longitude or 0.0)) <= SEAT_SPREAD:
            continue
        out[i] = replace(row, latitude=feature.latitude, longitude=feature.longitude,
                         modern=feature.modern, relation="near", province=feature.province,
                         certainty="medium",
                         coord_source=f"{feature.coord_source}:feature-gloss")
        why[i] = (f"the text glosses {feature.place} ({feature.modern or '?'}, "
                  f"{feature.province or '?'}); the name alone is read as the place there, not "
                  f"the seat of that name at ({row.latitude:.2f}, {row.longitude:.2f}, "
                  f"{row.province or '?'})")
    return out, why

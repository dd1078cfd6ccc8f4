"""pipeline.copying.replace: the same rows as dataclasses.replace, faster."""

import dataclasses

import pytest

from pipeline.copying import replace
from pipeline.records import EntityRow, EventRow


def _row() -> EventRow:
    fields = {f.name: f.default if f.default is not dataclasses.MISSING else 0
              for f in dataclasses.fields(EventRow)}
    return EventRow(**{**fields, "actor1": "Yue Fei", "text": "Yue Fei took Xiangyang."})


def test_same_row_as_dataclasses_replace() -> None:
    row = _row()
    fast = replace(row, place="Xiangyang", latitude=32.0, doc_id="d1")
    assert type(fast) is EventRow
    assert fast == dataclasses.replace(row, place="Xiangyang", latitude=32.0, doc_id="d1")
    assert fast.actor1 == "Yue Fei" and row.place != "Xiangyang"  # the original unchanged
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.place = "Xiangyang"  # type: ignore[misc]


def test_unknown_field_raises() -> None:
    with pytest.raises(TypeError):
        replace(_row(), no_such_column=1)


@dataclasses.dataclass(frozen=True)
class _Checked:
    year: int
    label: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", f"year {self.year}")


def test_post_init_class_goes_through_init() -> None:
    assert replace(_Checked(1), year=2).label == "year 2"


def test_entity_row() -> None:
    fields = {f.name: f.default if f.default is not dataclasses.MISSING else ""
              for f in dataclasses.fields(EntityRow)}
    ent = EntityRow(**fields)
    assert replace(ent, start=5) == dataclasses.replace(ent, start=5)

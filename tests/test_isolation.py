"""One document's trouble never costs the others: control characters, unexpected errors."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline import api, ranges
from pipeline.clean import clean

PROSE = ("In the sixth year of Tianhui, the Jin army attacked Taiyuan. Wanyan Zonghan led the "
         "siege for many months while the defenders held the walls against every assault. ")


@pytest.mark.parametrize("control", ["\x01", "\x02", "\x04", "\x05", "\x08", "\x0e", "\x0f",
                                     "\x1f", "\x7f", "\x9b"])
@pytest.mark.parametrize("phrase", ["The next{} day the city fell.",
                                    "The following{} year the city fell.",
                                    "In the seventh{} year of Tianhui the city fell."])
def test_control_character_inside_a_date_phrase(resources: api.Resources, control: str,
                                                phrase: str) -> None:
    text = PROSE * 3 + phrase.format(control)
    result = api.process_text(text, "doc", resources)
    assert result.document.status == "ok"
    assert "CONTROL_CHARACTER" in {w.code for w in result.warnings}
    for row in result.dates:
        # the row's offsets still point at the original text, control character included
        assert text[row.start:row.end].replace(control, " ").split() == row.text.split()


def test_control_characters_become_spaces_or_breaks_keeping_length() -> None:
    cleaned = clean("a\x0eb\x0cc\x01\x02d")
    assert cleaned.text == "a b\nc d"  # the two spaces are then collapsed into one
    assert [w.code for w in cleaned.warnings].count("CONTROL_CHARACTER") == 3


def test_unexpected_error_in_one_document_is_an_error_row(
        resources: api.Resources, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_text("BOOM " + PROSE, encoding="utf-8")
    (tmp_path / "in" / "good.txt").write_text(PROSE, encoding="utf-8")
    real = ranges.find_date_mentions

    def fragile(text: str, eras, *rest):  # type: ignore[no-untyped-def]
        if text.startswith("BOOM"):
            raise ValueError("something deep went wrong")
        return real(text, eras, *rest)

    monkeypatch.setattr(ranges, "find_date_mentions", fragile)  # the whole-text stages
    result = api.run([tmp_path / "in"], tmp_path / "out", resources=resources)
    assert result.failed == 1
    with (tmp_path / "out" / "documents.csv").open(encoding="utf-8", newline="") as handle:
        rows = {r["doc_id"]: r for r in csv.DictReader(handle)}
    assert rows["good"]["status"] == "ok"
    assert rows["bad"]["status"] == "error"
    assert "ValueError: something deep went wrong" in rows["bad"]["message"]
    with (tmp_path / "out" / "warnings.csv").open(encoding="utf-8", newline="") as handle:
        codes = {(r["doc_id"], r["code"]) for r in csv.DictReader(handle)}
    assert ("bad", "PROCESSING_ERROR") in codes
    with (tmp_path / "out" / "dates.csv").open(encoding="utf-8", newline="") as handle:
        assert {r["doc_id"] for r in csv.DictReader(handle)} == {"good"}

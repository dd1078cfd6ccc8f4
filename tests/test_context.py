"""Context for texts that begin mid-narrative: --context, sidecar files, front matter, and
--continuous (the running date carried across the files of one work)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline import api
from pipeline.cli import main
from pipeline.context import ContextError, DocumentContext, parse_option, split_front_matter

MID = "In the second month Yue Fei was recalled to the capital. The next year he died.\n"


def _dates(result: api.DocumentResult) -> list[tuple[str, str, int | None, int | None]]:
    return [(d.kind, d.text, d.year, d.month) for d in result.dates]


def test_parse_option_pairs_and_errors(tmp_path: Path) -> None:
    ctx = parse_option("dynasty=Song, era=Shaoxing ,year=1141")
    assert (ctx.dynasty, ctx.era, ctx.year, ctx.source) == ("Song", "Shaoxing", 1141, "--context")
    (tmp_path / "c.toml").write_text('ruler = "Gaozong"\nera_year = 3\n', encoding="utf-8")
    assert parse_option(str(tmp_path / "c.toml")).era_year == 3
    for bad in ("dynasty", "reign=Gaozong", "year=eleventh", str(tmp_path / "none.toml")):
        with pytest.raises(ContextError) as info:
            parse_option(bad)
        assert info.value.exit_code == 2


def test_without_context_the_month_has_no_year(resources: api.Resources) -> None:
    result = api.process_text(MID, "t", resources)
    assert all(d.year is None for d in result.dates)


def test_context_starts_the_running_date(resources: api.Resources) -> None:
    ctx = DocumentContext(dynasty="Song", era="Shaoxing", year=1141, source="--context")
    result = api.process_text(MID, "t", resources, context=ctx)
    assert _dates(result)[:3] == [("context", "", 1141, None),
                                  ("month", "the second month", 1141, 2),
                                  ("relative", "The next year", 1142, None)]
    first = result.dates[0]
    assert (first.era_zh, first.era_year, first.start, first.end) == ("紹興", 11, 0, 0)
    assert first.certainty == "medium" and "--context" in first.basis
    assert result.events and all(e.year is not None for e in result.events)
    assert result.running is not None and result.running.state.year == 1142
    assert result.running.last is not None and result.running.last.text == "The next year"


def test_era_year_and_ruler(resources: api.Resources) -> None:
    by_era = api.process_text(MID, "t", resources,
                              context=DocumentContext(era="Shaoxing", era_year=11))
    assert by_era.dates[0].year == 1141
    by_ruler = api.process_text(MID, "t", resources,
                                context=DocumentContext(dynasty="Song", ruler="Gaozong",
                                                        year=1141))
    assert by_ruler.dates[0].era_zh == "紹興"


def test_unknown_context_values_are_warnings_not_guesses(resources: api.Resources) -> None:
    result = api.process_text(MID, "t", resources,
                              context=DocumentContext(dynasty="Atlantis", era="Nowhere"))
    assert all(d.year is None for d in result.dates)
    codes = [w.code for w in result.warnings]
    assert codes.count("CONTEXT_NOT_RESOLVED") == 2


@pytest.mark.parametrize("front", [
    '+++\ndynasty = "Song"\nera = "Shaoxing"\nyear = 1141\ntitle = "Chapter 9"\n+++\n',
    "---\ndynasty: Song\nera: Shaoxing\nyear: 1141\n---\n",
])
def test_front_matter_is_removed_but_offsets_are_the_original(resources: api.Resources,
                                                              front: str) -> None:
    text = front + MID
    result = api.process_text(text, "t", resources)
    assert result.dates[0].kind == "context" and result.dates[0].start == len(front) - 1
    month = result.dates[1]
    assert text[month.start:month.end] == "the second month" and month.year == 1141
    assert all(s.start >= len(front) - 1 for s in result.sentences)
    assert text[result.sentences[0].start:result.sentences[0].end].startswith("In the second")
    assert not any(e.start < len(front) for e in result.entities)
    assert not any(w.start < len(front) - 1 for w in result.warnings)
    assert result.document.chars == len(text)


def test_rules_and_headings_are_not_front_matter() -> None:
    for text in ("---\nChapter 1: The fall\n---\nText.", "---\n\n---\nText.",
                 "Text\n---\na: b\n---"):
        assert split_front_matter(text)[1] is None and split_front_matter(text)[0] == text


def test_sidecar_file_overrides_the_option(tmp_path: Path, resources: api.Resources) -> None:
    path = tmp_path / "chapter.txt"
    path.write_text(MID, encoding="utf-8")
    (tmp_path / "chapter.context.toml").write_text('era = "Shaoxing"\nyear = 1150\n',
                                                   encoding="utf-8")
    result = api.process_file(path, "chapter", resources,
                              context=DocumentContext(dynasty="Song", year=1141))
    assert result.dates[0].year == 1150 and result.dates[1].year == 1150
    assert "chapter.context.toml" in result.dates[0].basis


def _work(folder: Path) -> None:
    folder.mkdir()
    (folder / "01.txt").write_text("In the eleventh year of Shaoxing Yue Fei was recalled.\n",
                                   encoding="utf-8")
    (folder / "02.txt").write_text(MID, encoding="utf-8")
    (folder / "03.txt").write_text("Qin Gui ruled the court. In the third month he died.\n",
                                   encoding="utf-8")


def test_continuous_carries_the_running_date(tmp_path: Path, resources: api.Resources) -> None:
    _work(tmp_path / "book")
    apart = api.run([tmp_path / "book"], resources=resources, formats=())
    assert [d.year for d in apart.documents[1].dates] == [None, None]
    joined = api.run([tmp_path / "book"], resources=resources, formats=(), continuous=True)
    second = joined.documents[1]
    assert _dates(second) == [("context", "", 1141, None), ("month", "the second month", 1141, 2),
                              ("relative", "The next year", 1142, None)]
    assert "carried from the previous file (01)" in second.dates[0].basis
    assert [d.year for d in joined.documents[2].dates] == [1142, 1142]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_cli_context_and_continuous_with_jobs(tmp_path: Path, blank_model: Path) -> None:
    _work(tmp_path / "book")
    (tmp_path / "book" / "00.txt").write_text("The court moved south.\n", encoding="utf-8")
    tables = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        code = main(["run", str(tmp_path / "book"), "--out", str(out), "--model",
                     str(blank_model), "--quiet", "--formats", "none", "--continuous",
                     "--jobs", jobs, "--context", "dynasty=Song,year=1140"])
        assert code == 0
        tables[jobs] = (out / "dates.csv").read_bytes()
    assert tables["1"] == tables["2"]
    rows = _read(tmp_path / "out1" / "dates.csv")
    assert [(r["doc_id"], r["kind"], r["year"]) for r in rows][:3] == [
        ("00", "context", "1140"), ("01", "context", "1140"), ("01", "explicit", "1141")]
    assert ("02", "relative", "1142") in [(r["doc_id"], r["kind"], r["year"]) for r in rows]
    code = main(["run", str(tmp_path / "book"), "--out", str(tmp_path / "o"), "--context",
                 "reign=Gaozong"])
    assert code == 2

"""Reading: encoding detection and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import UnreadableFileError
from pipeline.reading import read_document

TEXT = "In the sixth year of Tianhui, the Jin army crossed the Huai \u2014 \u6c74\u4eac fell."


@pytest.mark.parametrize(("encoding", "data", "expected"), [
    ("utf-8", TEXT.encode("utf-8"), "utf-8"),
    ("utf-8-sig", TEXT.encode("utf-8-sig"), "utf-8-sig"),
    ("utf-16", TEXT.encode("utf-16"), "utf-16"),
    ("utf-16-le no BOM", TEXT.encode("utf-16-le"), "utf-16-le"),
])
def test_unicode_encodings(tmp_path: Path, encoding: str, data: bytes, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.text == TEXT
    assert doc.encoding == expected


def test_gbk(tmp_path: Path) -> None:
    text = "\u91d1\u5929\u6703\u516d\u5e74\uff0c\u5b8b\u9ad8\u5b97\u5357\u6e21\u3002" * 20
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gbk"))
    doc = read_document(path)
    assert doc.text == text
    assert doc.encoding in {"gb18030", "gbk", "gb2312"}


def test_cp1252_curly_quotes(tmp_path: Path) -> None:
    text = "The \u201cgolden\u201d army\u2019s march on Kaifeng was swift. " * 5
    path = tmp_path / "win.txt"
    path.write_bytes(text.encode("cp1252"))
    assert read_document(path).text == text


def test_binary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "img.txt"
    path.write_bytes(bytes(range(256)) * 50)
    with pytest.raises(UnreadableFileError, match="binary"):
        read_document(path)

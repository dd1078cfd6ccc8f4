"""Reading: encoding detection and clear refusals."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from pipeline.errors import UnreadableFileError
from pipeline.reading import detect, read_document

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


# --- the encoding matrix of issue 12: English with 1-60 non-ASCII words, short and long ---

SIMPLIFIED = ["汴京", "金", "宋", "靖康", "太原", "完颜宗翰", "开封", "燕京", "辽", "高宗", "岳飞",
              "临安", "黄河", "淮河", "西夏", "契丹", "女真", "天会", "徽宗", "钦宗", "大名府",
              "真定", "秦桧", "和议", "绍兴", "扬州", "建康"]
TRADITIONAL = ["汴京", "金", "宋", "靖康", "太原", "完顏宗翰", "開封", "燕京", "遼", "高宗", "岳飛",
               "臨安", "黃河", "淮河", "西夏", "契丹", "女真", "天會", "徽宗", "欽宗", "大名府",
               "真定", "秦檜", "和議", "紹興", "揚州", "建康"]
WADE_GILES = ["Tsê", "Lü", "Ch\u2019ü", "\u201cgolden\u201d", "Hsü", "Chêng", "Nü-chên",
              "K\u2019ai-fêng", "Yüeh", "Ts\u2019ai", "Mêng", "Shêng-tsung", "Liao\u2014Jin"]
LATIN_1_WORDS = ["Tsê", "Lü", "Hsü", "Chêng", "Yüeh", "Mêng", "Nü-chên", "Shêng-tsung"]
PROSE_WORDS = ("In the sixth year of Tianhui the Jin army crossed the Yellow River and besieged "
               "the capital while the emperor fled south.").split()
MATRIX = [("gbk", SIMPLIFIED), ("gb18030", SIMPLIFIED), ("big5", TRADITIONAL),
          ("gbk", SIMPLIFIED + WADE_GILES), ("gb18030", WADE_GILES),
          ("big5", TRADITIONAL + WADE_GILES),  # (the Wade-Giles words Big5 can encode)
          ("utf-16-le", SIMPLIFIED), ("utf-16-be", TRADITIONAL), ("utf-16-le", WADE_GILES),
          ("utf-16-le+bom", SIMPLIFIED + WADE_GILES), ("utf-16-be+bom", TRADITIONAL),
          ("cp1252", WADE_GILES), ("latin-1", LATIN_1_WORDS),
          ("utf-8", SIMPLIFIED + WADE_GILES), ("utf-8-sig", TRADITIONAL + WADE_GILES)]


def _encode(text: str, encoding: str) -> bytes:
    if encoding.endswith("+bom"):
        codec = encoding.removesuffix("+bom")
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        return bom + text.encode(codec)
    return text.encode(encoding)


def _encodable(words: list[str], encoding: str) -> list[str]:
    codec = encoding.removesuffix("+bom")
    out = []
    for word in words:
        try:
            word.encode(codec)
        except UnicodeEncodeError:
            continue
        out.append(word)
    return out


def _english_with(words: list[str], count: int, long: bool, seed: int) -> str:
    """Prose (1 or 40 copies) with ``count`` words inserted at random places; Chinese words in
    brackets as glosses."""
    rnd = random.Random(seed)
    tokens = PROSE_WORDS * (40 if long else 1)
    for _ in range(count):
        word = rnd.choice(words)
        tokens.insert(rnd.randrange(len(tokens) + 1), word if word.isascii() or
                      not "\u4e00" <= word[0] <= "\u9fff" else f"({word})")
    return " ".join(tokens) + "\n"


@pytest.mark.parametrize(("encoding", "words"), MATRIX,
                         ids=[f"{m[0]}-{len(m[1])}" for m in MATRIX])
@pytest.mark.parametrize("long", [False, True], ids=["short", "long"])
def test_encoding_matrix(encoding: str, words: list[str], long: bool) -> None:
    words = _encodable(words, encoding)
    for count in (1, 2, 3, 5, 10, 20, 40, 60):
        for seed in range(4):
            text = _english_with(words, count, long, seed * 100 + count)
            data = _encode(text, encoding)
            decoded = detect(data)
            assert decoded.text == text, (encoding, count, seed, decoded.encoding)
            assert decoded.confidence in {"certain", "likely"}
            # the recorded encoding reads the file back to the same text
            assert data.decode(decoded.encoding) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "gbk", "gb18030", "big5"])
def test_mostly_chinese_without_bom(encoding: str) -> None:
    text = ("金天會四年，宋欽宗靖康元年，金兵圍汴京。" if encoding in {"big5", "utf-16-be"}
            else "金天会四年，宋钦宗靖康元年，金兵围汴京。")
    for copies in (1, 3, 30):
        decoded = detect((text * copies).encode(encoding))
        assert decoded.text == text * copies, (encoding, copies, decoded.encoding)


def test_wade_giles_is_cp1252_not_cp1250(tmp_path: Path) -> None:
    text = "Wang Tsê-tung and Lü Pu met the \u201cgreat khan\u201d at K\u2019ai-fêng.\n"
    path = tmp_path / "wg.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = read_document(path)
    assert doc.text == text and doc.encoding == "cp1252" and doc.confidence == "likely"
    path.write_bytes("Wang Tsê-tung and Lü Pu.".encode("latin-1"))
    assert read_document(path).encoding == "iso-8859-1"


def test_utf8_with_some_cp1252_bytes_is_read_with_replacements(tmp_path: Path) -> None:
    data = ("The \u201cgolden\u201d army \u2014 of Jin \u2014 crossed. ".encode("utf-8")
            + "And \u201cLü\u201d fled.".encode("cp1252") + " Then — peace.\n".encode())
    decoded = detect(data)
    assert decoded.text == data.decode("utf-8", "replace")
    assert decoded.encoding == "utf-8" and decoded.confidence == "likely"
    assert len(decoded.issues) == 2  # "\x93" and "\xfc\x94" (two runs)
    for issue in decoded.issues:
        assert set(decoded.text[issue.start:issue.end]) == {"\ufffd"}
        assert data[issue.byte_start:issue.byte_end].decode("utf-8", "replace") == \
            decoded.text[issue.start:issue.end]


def test_decoding_warnings_reach_the_tables(tmp_path: Path, blank_resources) -> None:
    from pipeline import api

    path = tmp_path / "mixed.txt"
    path.write_bytes("The army \u2014 of Jin \u2014 crossed. ".encode("utf-8")
                     + "Lü fled.".encode("cp1252"))
    result = api.run([path], None, resources=blank_resources)
    (doc,) = result.documents
    assert doc.document.status == "ok" and doc.document.encoding_confidence == "likely"
    (warning,) = [w for w in doc.warnings if w.code == "DECODING_ERROR"]
    assert doc.document.chars > warning.start
    assert "file offset" in warning.message


def test_guess_is_flagged() -> None:
    text = "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440! " * 30  # Russian cp1251
    decoded = detect(text.encode("cp1251"))
    assert decoded.confidence == "guess"  # whatever charset-normalizer says, it is flagged
    assert len(decoded.text) == len(text)


def test_ascii_and_empty_are_certain() -> None:
    assert detect(b"").confidence == detect(b"plain text").confidence == "certain"


def test_a_stray_nul_in_utf8_text_is_kept_for_cleaning(tmp_path: Path) -> None:
    text = "The Jin army \u2014 crossed the Huai. Then it went north. " * 20 + "\x00 The end."
    path = tmp_path / "nul.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = read_document(path)
    assert doc.text == text and doc.encoding == "utf-8"


def test_many_bad_bytes_are_not_utf8(tmp_path: Path) -> None:
    data = bytes(range(0x80, 0x100)) * 2000 + "\u2014".encode()
    try:
        decoded = detect(data)
    except UnreadableFileError:
        return
    assert decoded.confidence == "guess" and not decoded.issues


def test_many_runs_of_bad_bytes_each_get_an_issue() -> None:
    para = "The army of Tsê fled \u2014 north, and the city of Kaifeng fell after a long siege. "
    data = (para.encode("utf-8") + "\u201cx\u201d".encode("cp1252")) * 3000
    decoded = detect(data)
    assert decoded.text == data.decode("utf-8", "replace") and len(decoded.issues) == 6000
    for issue in decoded.issues[:50] + decoded.issues[-50:]:
        assert decoded.text[issue.start:issue.end] == "\ufffd"
        assert data[issue.byte_start:issue.byte_end] in (b"\x93", b"\x94")


@pytest.mark.parametrize("text", [
    "Qian\u954f took twenty riders to ambush the vanguard. Qian\u954f defended the city.",
    "In 893 Qian\u954f became envoy; Yang\u884c\u5bc6 held Huainan.",
])
def test_valid_utf8_with_a_rare_hanzi_glued_to_latin_is_utf8(text: str) -> None:
    # machine translation leaves a rare character untranslated inside a romanised name; the
    # bytes (E9 95 8F) are also valid cp1252 ("\u00e9\u2022\u008f"), but strict UTF-8 wins
    decoded = detect(text.encode("utf-8"))
    assert (decoded.encoding, decoded.confidence) == ("utf-8", "certain")
    assert decoded.text == text

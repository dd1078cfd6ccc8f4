"""Read one input file: detect its encoding and decode it, or say clearly why not.

The decoded string is the *original text*: every offset in the output tables is a Python ``str``
index into it.

Detection order (each step a *strict* decode, so a wrong step fails instead of producing mojibake):

1. a byte-order mark (UTF-8, UTF-16, UTF-32): certain;
2. UTF-16 without BOM by its NUL pattern (ASCII characters have a zero high byte, so the zero
   bytes sit almost all on odd (LE) or even (BE) positions; no 8-bit encoding of text has NULs):
   certain;
3. UTF-8, if its non-ASCII characters are plausible: certain (a short GBK word can be valid
   UTF-8 by accident: "\u592a\u539f" reads as a combining mark and a Cyrillic letter);
4. candidates scored on how plausible their non-ASCII characters are for English text about
   China (see :func:`implausibility`): UTF-16 LE/BE without NULs (mostly Chinese text), GBK or
   GB18030, Big5 or cp950, cp1252 (before cp1250 and other single-byte pages: Wade-Giles ``ê``
   and ``ü`` and curly quotes are cp1252). The best one passing the bar is taken: likely;
5. mostly UTF-8 with some bad bytes (valid, plausible multi-byte characters, bad sequences at
   most 5% of the text; e.g. UTF-8 with some cp1252 curly quotes pasted in): read with a
   replacement character (U+FFFD) per bad sequence, exactly as ``bytes.decode("utf-8",
   "replace")``, and one :class:`DecodeIssue` per run of bad bytes: likely;
6. charset-normalizer for anything else: a guess (an ``ENCODING_GUESSED`` warning is written).
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from charset_normalizer import from_bytes
from charset_normalizer.constant import FREQUENCIES

from .errors import UnreadableFileError

#: Files larger than this are refused with an error row (bytes).
MAX_FILE_BYTES = 200 * 1024 * 1024

#: ``encoding_confidence`` values, most to least certain.
CERTAIN, LIKELY, GUESS = "certain", "likely", "guess"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings we accept from charset-normalizer for texts of this field.
_PLAUSIBLE = ("utf_8", "gb18030", "gbk", "gb2312", "big5", "cp950", "cp1252", "latin_1",
              "iso8859_1", "cp1250", "iso8859_15", "iso8859_2", "utf_16", "shift_jis", "euc_jp",
              "cp932", "euc_kr", "cp949", "ascii", "cp1251", "koi8_r", "mac_roman")
# Candidates of step 5 in order of preference when equally plausible (encoding, fallback).
_CANDIDATES = (("utf-16-le", None), ("utf-16-be", None), ("gbk", "gb18030"), ("big5", "cp950"),
               ("cp1252", None))
#: Largest share of implausible non-ASCII characters a step-5 candidate may have.
MAX_IMPLAUSIBLE = 0.05
_SAMPLE_CHARS = 400_000  # plausibility is judged on the first characters only


@dataclass(frozen=True)
class DecodeIssue:
    """A run of undecodable bytes: ``start``/``end`` are offsets into the decoded text (the
    replacement characters), ``byte_start``/``byte_end`` into the file."""

    start: int
    end: int
    byte_start: int
    byte_end: int


@dataclass(frozen=True)
class Decoded:
    """The result of :func:`detect`: text, encoding name (for ``open(encoding=...)``), how sure
    (``certain``/``likely``/``guess``), why, and the runs of bad bytes replaced by U+FFFD."""

    text: str
    encoding: str
    confidence: str
    basis: str
    issues: tuple[DecodeIssue, ...] = ()


@dataclass(frozen=True)
class RawDocument:
    """A decoded file: ``text`` is the original text all offsets refer to."""

    path: Path
    text: str
    encoding: str
    sha256: str
    confidence: str = CERTAIN
    basis: str = ""
    issues: tuple[DecodeIssue, ...] = ()


def _looks_binary(text: str) -> bool:
    """True if over 1% of the decoded text's characters are control characters (NUL included;
    tab and line breaks excluded). A few stray ones are for cleaning (``CONTROL_CHARACTER``)."""
    sample = text[:100_000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / len(sample) > 0.01


def _utf16_by_nuls(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` if the file's NUL bytes sit (almost) all on odd/even positions."""
    if len(data) < 2 or len(data) % 2:
        return None
    sample = data[:200_000]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 1 and even * 3 < odd:
        return "utf-16-le"
    if even >= 1 and odd * 3 < even:
        return "utf-16-be"
    return None


_SENTINEL = "\ud800"  # a lone surrogate: never in strictly decoded text
_bad_ranges = threading.local()


def _mark_bad_bytes(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    _bad_ranges.found.append((exc.start, exc.end))
    return _SENTINEL, exc.end


codecs.register_error("chronicle-mark-bad-bytes", _mark_bad_bytes)


def _decode_replacing(data: bytes, encoding: str = "utf-8") -> tuple[str, tuple[DecodeIssue, ...]]:
    """``data`` decoded with U+FFFD per bad sequence (exactly as ``errors="replace"``) and the
    runs of bad bytes as issues; one pass at C speed, whatever the number of bad bytes."""
    _bad_ranges.found = []
    marked = data.decode(encoding, "chronicle-mark-bad-bytes")
    ranges, _bad_ranges.found = _bad_ranges.found, []
    issues: list[DecodeIssue] = []
    pos = -1
    for byte_start, byte_end in ranges:
        pos = marked.index(_SENTINEL, pos + 1)
        last = issues[-1] if issues else None
        if last and last.end == pos and last.byte_end == byte_start:
            issues[-1] = DecodeIssue(last.start, pos + 1, last.byte_start, byte_end)
        else:
            issues.append(DecodeIssue(pos, pos + 1, byte_start, byte_end))
    return marked.replace(_SENTINEL, "\ufffd"), tuple(issues)


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """Common Chinese characters: GB2312 level 1 (3,755 characters), Big5 level 1 (5,401) and
    charset-normalizer's most frequent Chinese characters."""
    common = set(FREQUENCIES.get("Chinese", ()))
    for code in range(0x4E00, 0xA000):
        char = chr(code)
        try:
            if char.encode("gb2312")[0] <= 0xD7:
                common.add(char)
        except UnicodeEncodeError:
            pass
        try:
            gb = char.encode("big5")
            if 0xA440 <= int.from_bytes(gb, "big") <= 0xC67E:
                common.add(char)
        except UnicodeEncodeError:
            pass
    return frozenset(common)


_PUNCT = frozenset("\u00a0\u00a7\u00b0\u00b7\u00ab\u00bb\u00a1\u00bf\u00b4\u2032\u2033\u2122"
                   "\u20ac\u00a3\u00a9\u00ae\u00b1\u00bd\u00bc\u00be\u00d7\u00b6")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII = re.compile(r"[\x00-\x7f]")
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_MAX_RUN = 5000  # characters of one non-ASCII run judged (a long run is judged by its start)


def _kind(char: str) -> str:
    """``cjk``, ``cjkpunct``, ``latin`` (letter), ``mark`` (combining), ``punct`` or ``odd``."""
    code = ord(char)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "cjk"
    if 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E or 0xFE30 <= code <= 0xFE4F:
        return "cjkpunct"
    if 0x2010 <= code <= 0x203A or char in _PUNCT:
        return "punct"
    if 0x300 <= code <= 0x36F:
        return "mark"
    if ((0xC0 <= code <= 0x24F and code not in (0xD7, 0xF7)) or 0x1E00 <= code <= 0x1EFF
            or 0x2BB <= code <= 0x2BF):  # modifier letters used as apostrophes (Tʻang)
        return "latin"
    return "odd"


def implausibility(text: str, glued_hanzi: bool = True) -> tuple[float, float]:
    """``(bad, rare)``: shares of the non-ASCII characters of ``text`` (first characters only)
    that are implausible in English text about China, and of its Chinese characters that are
    uncommon.

    Implausible: characters outside CJK ideographs, CJK and fullwidth punctuation, Latin letters
    (diacritics, modifier letters) and common punctuation; a Chinese character glued to a Latin
    letter ("L\u9ef8hun" from cp1252 "Lüshun" read as GBK), unless ``glued_hanzi`` is False; a
    Latin letter or Latin-1 symbol next to another ("\u00c3\u00a9" from UTF-8 read as cp1252).
    Uncommon: not in GB2312 or Big5 level 1. Both 0.0 for ASCII text.

    ``glued_hanzi=False`` is for a strict UTF-8 decode: there a Chinese character is three bytes
    E4–E9 + two continuation bytes, which no other encoding's English text produces by accident,
    and a half-translated name ("Qian\u954f", machine translation leaving a rare character) is
    glued to Latin letters for real.
    """
    sample = text[:_SAMPLE_CHARS]
    common = _common_hanzi()
    total = bad = hanzi = rare = 0
    for match in _NON_ASCII.finditer(sample):
        if total > 2000 and bad > 2 * MAX_IMPLAUSIBLE * total:
            break  # clearly implausible: no need to read on
        run = match.group()[:_MAX_RUN]
        before = sample[match.start() - 1] if match.start() else " "
        after = sample[match.end()] if match.end() < len(sample) else " "
        kinds = [_kind(c) for c in run]
        latinish = [k == "latin" or (k == "punct" and c in _PUNCT)
                    for c, k in zip(run, kinds, strict=True)]
        for i, (char, kind) in enumerate(zip(run, kinds, strict=True)):
            total += 1
            if kind == "odd":
                bad += 1
            elif kind == "mark":  # a combining accent belongs on a letter
                prev = run[i - 1] if i else before
                bad += not (prev.isalpha() and (prev.isascii() or kinds[i - 1] == "latin"))
            elif kind == "cjk":
                hanzi += 1
                rare += char not in common
                glued = ((i == 0 and before.isascii() and before.isalpha())
                         or (i == len(run) - 1 and after.isascii() and after.isalpha()))
                bad += glued and glued_hanzi
            elif kind == "cjkpunct" and len(run) == 1 and before.isascii() and \
                    before.isalpha() and after.isascii() and after.isalpha():
                bad += 1  # CJK punctuation inside a Latin word ("Ts\u3003ai")
            elif latinish[i] and ((i and latinish[i - 1])
                                  or (i + 1 < len(run) and latinish[i + 1])):
                bad += 1
    if not total:
        return 0.0, 0.0
    return bad / total, (rare / hanzi if hanzi else 0.0)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _best_candidate(data: bytes) -> Decoded | None:
    """Step 4: the most plausible strict decode among the candidates, or None."""
    scored = []
    for order, (encoding, fallback) in enumerate(_CANDIDATES):
        if encoding.startswith("utf-16") and len(data) % 2:
            continue
        name, text = encoding, _strict(data, encoding)
        if text is None and fallback:
            name, text = fallback, _strict(data, fallback)
        if text is None or _looks_binary(text):
            continue
        if encoding.startswith("utf-16") and _ASCII.search(text, 0, _SAMPLE_CHARS):
            continue  # UTF-16 without NULs cannot hold ASCII characters
        bad, rare = implausibility(text)
        if bad <= MAX_IMPLAUSIBLE:
            scored.append((bad + rare / 2, order, name, text))
    if not scored:
        return None
    _, _, name, text = min(scored)
    if name == "cp1252" and not _C1_BYTES.search(data):
        name = "iso-8859-1"  # identical decoding; the standard name of such files
    return Decoded(text, name, LIKELY, "most plausible strict decoding")


def detect(data: bytes) -> Decoded:
    """Decode ``data`` by the steps in the module docstring.

    Raises :class:`UnreadableFileError` (one-line reason) for binary or undecodable data.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name, CERTAIN, "byte-order mark")
            except UnicodeDecodeError as exc:
                text, issues = _decode_replacing(data, name)
                if sum(i.end - i.start for i in issues) * 20 > len(text):
                    raise UnreadableFileError(
                        f"starts with a {name} byte-order mark but does not decode as {name}: "
                        f"{exc.reason}") from exc
                return Decoded(text, name, LIKELY,
                               "byte-order mark; undecodable bytes replaced", issues)
    utf16 = _utf16_by_nuls(data)
    if utf16:
        text = _strict(data, utf16)
        if (text is not None and not _looks_binary(text)
                and implausibility(text)[0] <= MAX_IMPLAUSIBLE):
            return Decoded(text, utf16, CERTAIN, "UTF-16 NUL pattern")
    head = data[:100_000]
    if head.count(0) * 100 > len(head):
        raise UnreadableFileError("binary file (contains NUL bytes), not text")
    text = _strict(data, "utf-8")
    if text is not None:
        if implausibility(text, glued_hanzi=False)[0] <= MAX_IMPLAUSIBLE:
            return Decoded(text, "utf-8", CERTAIN, "valid UTF-8")
        # valid UTF-8 by accident (a short GBK word such as "\u592a\u539f" is): a plausible
        # reading in another encoding wins
        return _best_candidate(data) or Decoded(text, "utf-8", CERTAIN, "valid UTF-8")
    candidate = _best_candidate(data)
    if candidate is not None:
        return candidate
    text = data.decode("utf-8", "replace")  # fast estimate first, the issues only if needed
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    if (multibyte and bad * 20 <= len(text)
            and implausibility(text.replace("\ufffd", ""))[0] <= MAX_IMPLAUSIBLE):
        text, issues = _decode_replacing(data)
        return Decoded(text, "utf-8", LIKELY, "UTF-8 with undecodable bytes replaced", issues)
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding not in _PLAUSIBLE:
        raise UnreadableFileError("not text in a known encoding (binary or undecodable)")
    try:  # judged on the first megabyte: bad bytes further on are replaced and reported
        text, issues = _decode_replacing(data, best.encoding)
    except LookupError as exc:
        raise UnreadableFileError(f"detected as {best.encoding}, an unknown codec") from exc
    return Decoded(text, best.encoding.replace("_", "-"), GUESS, "charset-normalizer", issues)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)`` or raise :class:`UnreadableFileError`."""
    decoded = detect(data)
    return decoded.text, decoded.encoding


def read_document(path: Path) -> RawDocument:
    """Read and decode ``path``; raise :class:`UnreadableFileError` with a one-line reason.

    ``str(path) == "-"`` reads standard input (bytes).
    """
    if path.is_dir():  # listed by collect_inputs because it could not be read
        try:
            with os.scandir(path):
                pass
            reason = "is a folder"
        except OSError as exc:
            reason = exc.strerror or str(exc)
        raise UnreadableFileError(f"folder cannot be read ({reason}); its files were skipped")
    try:
        if str(path) == "-":

            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
            size = len(data)
        else:
            size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFileError(f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        if str(path) != "-":
            data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(f"cannot read file: {exc.strerror or exc}") from exc
    decoded = detect(data)
    if _looks_binary(decoded.text):
        raise UnreadableFileError("binary file (control characters), not text")
    return RawDocument(path=path, text=decoded.text, encoding=decoded.encoding,
                       sha256=hashlib.sha256(data).hexdigest(), confidence=decoded.confidence,
                       basis=decoded.basis, issues=decoded.issues)


def describe_issue(issue: DecodeIssue, encoding: str) -> str:
    """The warning message for one run of undecodable bytes."""
    count = issue.byte_end - issue.byte_start
    return (f"{count} byte(s) at file offset {issue.byte_start} are not valid {encoding}; "
            f"replaced by U+FFFD")


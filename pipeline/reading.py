"""Read one input file: detect its encoding and decode it, or say clearly why not.

The decoded string is the *original text*: every offset in the output tables is a Python ``str``
index into it.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import UnreadableFileError

#: Files larger than this are refused with an error row (bytes).
MAX_FILE_BYTES = 200 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings we accept from the detector for texts of this field; anything else is suspicious.
_PLAUSIBLE = ("utf_8", "gb18030", "gbk", "gb2312", "big5", "cp1252", "latin_1", "iso8859_1",
              "cp1250", "iso8859_15", "utf_16", "shift_jis", "euc_jp", "euc_kr", "cp949", "ascii")


@dataclass(frozen=True)
class RawDocument:
    """A decoded file: ``text`` is the original text all offsets refer to."""

    path: Path
    text: str
    encoding: str
    sha256: str


def _looks_binary(text: str) -> bool:
    """True if the decoded text has many control characters (other than whitespace)."""
    sample = text[:100_000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return "\x00" in sample or controls / len(sample) > 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from the zero bytes of ASCII-range characters."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_zero = data[0::2].count(0) / (len(data) / 2)
    odd_zero = data[1::2].count(0) / (len(data) / 2)
    if odd_zero > 0.3 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.3 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)`` or raise :class:`UnreadableFileError`."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise UnreadableFileError(f"starts with a {name} byte-order mark but does not "
                                          f"decode as {name}: {exc.reason}") from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:100_000]:
        raise UnreadableFileError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding not in _PLAUSIBLE:
        raise UnreadableFileError("not text in a known encoding (binary or undecodable)")
    try:
        return data.decode(best.encoding), best.encoding.replace("_", "-")
    except (UnicodeDecodeError, LookupError) as exc:
        raise UnreadableFileError(f"detected as {best.encoding} but does not decode") from exc


def read_document(path: Path) -> RawDocument:
    """Read and decode ``path``; raise :class:`UnreadableFileError` with a one-line reason."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFileError(f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(f"cannot read file: {exc.strerror or exc}") from exc
    text, encoding = decode_bytes(data)
    if _looks_binary(text):
        raise UnreadableFileError("binary file (control characters), not text")
    return RawDocument(path=path, text=text, encoding=encoding,
                       sha256=hashlib.sha256(data).hexdigest())

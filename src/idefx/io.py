"""Read one input (a file or standard input) into a :class:`SourceDocument`, or refuse it with an :class:`InputError`.

Every input goes through the same steps:

1. Read at most ``max_bytes`` bytes (a larger input is refused without being read whole).
2. Refuse what is not text: an empty input, known binary formats (PDF, ZIP/office, images,
   archives, executables: ``data/binary_signatures.jsonl``), NUL bytes outside UTF-16/32.
3. Decode: a byte order mark decides (UTF-8, UTF-16, UTF-32); UTF-16 without a BOM is
   recognised by its NUL pattern; otherwise UTF-8 when the bytes are valid UTF-8, else the
   charset an HTML ``<meta>`` or XML declaration names (when the bytes fit it); mostly-valid
   UTF-8 (some valid non-ASCII characters, and no more invalid bytes than those, or at most 1%
   of the bytes) stays UTF-8 with U+FFFD for the invalid bytes, and the document's metadata
   says how many bytes were replaced (``replaced_bytes``); anything else (legacy code pages such as Windows-1251 or Windows-1252) is
   detected by charset-normalizer, and refused when no encoding fits. Text with many control
   characters is refused as binary.
4. Normalise to Unicode NFC.
5. HTML pages (by suffix ``.html``/``.htm``/``.xhtml`` or by content) are reduced to their
   main text by trafilatura, with the page's title, publication date and canonical URL
   (``metadata["url"]``) when present.
   Other text loses its Markdown/YAML front matter (``---`` ... ``---``) to metadata
   (``title:``; the first of the date keys ``idefx.layout.PUBLISHED_KEYS`` that holds a date, as
   ``published``): the block is overwritten by spaces, keeping its line breaks, so the text
   keeps its length and line numbers.
6. Refuse a text that has nothing but whitespace left.

Offsets in records refer to ``SourceDocument.text``: the decoded, NFC-normalised text after
step 5, i.e. exactly the string handed to the pipeline. For plain text without front matter
that is the file's text as decoded (minus a byte order mark); for HTML it is the extracted
main text, not the markup.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Optional, Union

from idefx.document import SourceDocument
from idefx.errors import InputError
from idefx.layout import front_matter_date, front_matter_text, iso_date, read_front_matter
from idefx.resources import read_jsonl

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
STDIN_NAME = "-"

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's. (The UTF-8 BOM is dropped before.)
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_NON_TEXT_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc less \t \n \v \f \r
_MAX_CONTROL_RATIO = 0.05
UTF8_REPLACED = "utf-8 (invalid bytes replaced)"
_MAX_STRAY_BYTE_RATIO = 0.01  # invalid bytes a UTF-8 text may hold beyond its count of valid non-ASCII characters
_SNIFF_BYTES = 65536
_DECLARED_CHARSET_RE = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([\w.:-]+)"
                                  rb"|<\?xml[^>]+?encoding\s*=\s*[\"']([\w.:-]+)", re.I)
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$", re.I)
_SIZE_UNITS = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}
_LINE_TEXT_RE = re.compile(r"[^\r\n]+")  # a line's text, without its line break


def read_input(path: Union[str, Path], max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read and decode one file; raise :class:`InputError` naming the file and the reason."""
    if str(path) == STDIN_NAME:
        return read_stdin(max_bytes)
    name, p = str(path), Path(path)
    data = _read_file(p, name, max_bytes)
    return decode_document(data, name=name, doc_id=p.stem, path=name,
                           html=True if p.suffix.lower() in HTML_SUFFIXES else None)


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES, stream: Optional[BinaryIO] = None) -> SourceDocument:
    """Read one document from standard input (bytes), with the same decoding and checks as a file."""
    if stream is None:
        if sys.stdin is None:
            raise InputError(STDIN_NAME, "standard input is closed")
        stream = getattr(sys.stdin, "buffer", sys.stdin)
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(STDIN_NAME, f"cannot read standard input ({exc.strerror or exc})") from None
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    if len(data) > max_bytes:
        raise InputError(STDIN_NAME, f"input larger than the limit of {format_size(max_bytes)} (--max-bytes)")
    return decode_document(data, name=STDIN_NAME, doc_id="stdin", path=None, html=None)


def decode_document(data: bytes, name: str, doc_id: str, path: Optional[str],
                    html: Optional[bool] = None) -> SourceDocument:
    """Turn raw bytes into a SourceDocument (steps 2-6 above); ``html=None`` means sniff the content."""
    if not data:
        raise InputError(name, "empty file")
    text, encoding = decode_bytes(data, name)
    metadata: dict = {"encoding": encoding}
    if encoding == UTF8_REPLACED:
        metadata["replaced_bytes"] = replaced_bytes(data.removeprefix(codecs.BOM_UTF8), text)
    text = unicodedata.normalize("NFC", text)
    title = published = None
    if html or (html is None and looks_like_html(text)):
        text, page = html_main_text(text, name)
        title, published = page.get("title"), page.get("published")
        metadata["format"] = "html"
        if page.get("url"):
            metadata["url"] = page["url"]
        if not text.strip():
            raise InputError(name, "no main text found in the HTML page")
    else:
        if not text.strip():
            raise InputError(name, "empty file (whitespace only)")
        text, front = blank_front_matter(text)
        if front:
            metadata["front_matter"] = front
            title = front_matter_text(front, "title")
            published = front_matter_date(front)
            if not text.strip():
                raise InputError(name, "no text after the front matter")
    return SourceDocument(id=doc_id, text=text, path=path, published=published, title=title, metadata=metadata)


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used, or refuse them as not text."""
    if data.startswith(codecs.BOM_UTF8):  # then as without it: a stray invalid byte is no reason to refuse
        data = data[len(codecs.BOM_UTF8):]
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_controls(data.decode(codec), name), codec
            except UnicodeDecodeError:
                raise InputError(name, f"invalid {codec.upper()} "
                                       "(the byte order mark does not match the content)") from None
    kind = binary_kind(data)
    if kind:
        raise InputError(name, f"not a text file ({kind})")
    if b"\x00" in data:
        decoded = _strictly_decoded(data, _bomless_utf16(data), name)
        if decoded:
            return decoded
        raise InputError(name, "binary file (contains NUL bytes)")
    decoded = _strictly_decoded(data, "utf-8", name) or _strictly_decoded(data, declared_charset(data), name)
    if decoded:
        return decoded
    lenient = data.decode("utf-8", "replace")
    invalid = replaced_bytes(data, lenient)
    valid_non_ascii = len(lenient) - len(lenient.encode("ascii", "ignore")) - lenient.count("\ufffd")
    if valid_non_ascii and (invalid <= valid_non_ascii or invalid <= _MAX_STRAY_BYTE_RATIO * len(data)):
        return _check_controls(lenient, name), UTF8_REPLACED
    return _detect(data, name)


def _strictly_decoded(data: bytes, codec: Optional[str], name: str) -> Optional[tuple[str, str]]:
    """The text and codec if ``codec`` (when there is one) decodes every byte, else None."""
    if not codec:
        return None
    try:
        return _check_controls(data.decode(codec), name), codec
    except UnicodeDecodeError:
        return None


def replaced_bytes(data: bytes, lenient: str) -> int:
    """How many bytes of ``data`` its lenient UTF-8 decoding ``lenient`` replaced with U+FFFD (a U+FFFD the
    bytes already spelt validly is no replacement)."""
    replacements = lenient.count("\ufffd") - data.count("\ufffd".encode())
    return len(data) - (len(lenient.encode("utf-8")) - 3 * replacements)


def declared_charset(data: bytes) -> Optional[str]:
    """The codec an HTML ``<meta charset>`` or an XML declaration names near the start, if Python knows it.

    As browsers do, a declared Latin-1 or ASCII is read as Windows-1252.
    """
    match = _DECLARED_CHARSET_RE.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    try:
        codec = codecs.lookup((match.group(1) or match.group(2)).decode("ascii")).name
    except LookupError:
        return None
    return "cp1252" if codec in ("iso8859-1", "ascii") else codec


def _detect(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(name, "not UTF-8, and no other text encoding fits (binary file?)")
    return _check_controls(str(best), name), best.encoding


def _bomless_utf16(data: bytes) -> Optional[str]:
    """UTF-16 without a byte order mark: mostly-ASCII text has NULs on every other byte."""
    head = data[:_SNIFF_BYTES]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _check_controls(text: str, name: str) -> str:
    controls = _NON_TEXT_CONTROL_RE.subn("", text)[1]
    if controls > _MAX_CONTROL_RATIO * len(text):
        raise InputError(name, f"binary or non-text content ({controls * 100 // len(text)}% control characters)")
    return text


@lru_cache(maxsize=1)
def _signatures() -> tuple[tuple[bytes, str], ...]:
    return tuple((bytes.fromhex(entry["hex"]), entry["kind"]) for entry in read_jsonl("binary_signatures.jsonl"))


def binary_kind(data: bytes) -> Optional[str]:
    """What known binary format ``data`` starts with, if any."""
    for magic, kind in _signatures():
        if data.startswith(magic):
            return kind
    return None


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML page (doctype, ``<html>``, or XHTML's XML declaration)."""
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or (head.startswith("<?xml") and "<html" in head)


def html_main_text(html: str, name: str) -> tuple[str, dict]:
    """The main text of an HTML page (navigation, footers and scripts dropped) and what the page says about
    itself: ``title``, ``published`` (ISO date) and ``url`` (canonical address), each only when present."""
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         date_extraction_params={"extensive_search": False, "original_date": True})
    if result is None:
        raise InputError(name, "no main text found in the HTML page")
    page = {"title": result.title, "published": iso_date(result.date or ""), "url": result.url}
    return unicodedata.normalize("NFC", result.text or ""), {k: v for k, v in page.items() if v}


def blank_front_matter(text: str) -> tuple[str, dict]:
    """Overwrite a leading YAML front-matter block (:func:`idefx.layout.read_front_matter`) with spaces, keeping
    line breaks; return the text and the block's fields ({} when there is no block: the text is left as it is)."""
    end, fields = read_front_matter(text)
    if not end:
        return text, {}
    return _LINE_TEXT_RE.sub(lambda m: " " * len(m.group()), text[:end]) + text[end:], fields


def _read_file(path: Path, name: str, max_bytes: int) -> bytes:
    """The file's bytes, opened once (a file deleted after listing fails here, cleanly)."""
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot open ({exc.strerror or exc})") from None
    with fh:
        try:
            info = os.fstat(fh.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InputError(name, "is a directory, not a file")
            if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                raise InputError(name, f"file of {format_size(info.st_size)} is larger than the limit of "
                                       f"{format_size(max_bytes)} (--max-bytes)")
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(name, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(name, f"file larger than the limit of {format_size(max_bytes)} (--max-bytes)")
    return data


def format_size(n: int) -> str:
    """A byte count for messages: ``512 bytes``, ``1.5 KB``, ``20 MB`` (binary units)."""
    if n < 1024:
        return f"{n} bytes"
    value, unit = n / 1024, "KB"
    for bigger in ("MB", "GB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:.1f}".rstrip("0").rstrip(".") + f" {unit}"


def parse_size(value: str) -> int:
    """A byte count from ``20000000``, ``500k``, ``20MB``, ``1.5GiB`` (binary units); ValueError otherwise."""
    match = _SIZE_RE.match(str(value))
    if not match:
        raise ValueError(f"not a size: {value!r} (use e.g. 20MB, 500k or a number of bytes)")
    size = int(float(match.group(1)) * _SIZE_UNITS[match.group(2).lower()])
    if size <= 0:
        raise ValueError(f"size must be positive: {value!r}")
    return size

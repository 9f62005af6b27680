"""Make document-derived strings safe for where they are written: spreadsheets (CSV), terminals (tables), JSON.

Document text is untrusted: a cell like ``=HYPERLINK(...)`` runs as a formula when a CSV is
opened in a spreadsheet, an ``ESC [`` sequence repaints or retitles the terminal, and a lone
surrogate (possible in Python strings, never in UTF-8) makes JSON unencodable.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# ESC-introduced sequences: CSI (ESC [ ... final byte), OSC/DCS/SOS/PM/APC strings (ended by BEL or ESC \),
# and two-character escapes; the same with C1 introducers (U+009B CSI, U+009D OSC, ...).
_ANSI_RE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# Remaining C0/C1 controls and DEL (tab and newline kept), and Unicode bidirectional overrides/isolates,
# which can make a terminal show text in an order other than the one stored.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
_NOT_ONE_LINE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: strings starting with ``= + - @``, tab or CR get a leading ``'``.

    Strings are also made :func:`unicode_safe`, so the CSV encodes as UTF-8.
    """
    if not isinstance(value, str):
        return value
    value = unicode_safe(value)
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def csv_row(row: dict) -> dict:
    return {key: csv_cell(value) for key, value in row.items()}


def terminal_text(text: str) -> str:
    """Text with terminal escape sequences, control characters and bidi overrides removed (tab, newline kept).

    Lone surrogates become U+FFFD, so the text can be written to a UTF-8 terminal.
    """
    return unicode_safe(_CONTROL_RE.sub("", _ANSI_RE.sub("", text)))


def one_line(text: str) -> str:
    """Text for a one-line message (e.g. a file name): controls, line breaks, bidi marks and surrogates escaped."""
    return _NOT_ONE_LINE_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def unicode_safe(text: str) -> str:
    """Text encodable as UTF-8: each lone surrogate becomes U+FFFD (same length, so offsets stay valid)."""
    return _SURROGATE_RE.sub("\ufffd", text)


def json_safe(value: Any) -> Any:
    """``value`` (JSON-like: dicts, lists, scalars) with every string made :func:`unicode_safe`, keys included."""
    if isinstance(value, str):
        return unicode_safe(value)
    if isinstance(value, dict):
        return {json_safe(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value

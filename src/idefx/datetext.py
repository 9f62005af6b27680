"""Date parsing for the common press shapes: find date expressions in text and normalise them to ISO.

One compiled regular expression scans a whole text (no per-token parsing);
``dateparser`` is used only as a fallback for a short header line that holds a
year but no shape known here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Iterator, Optional

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0, "this afternoon": 0,
            "this evening": 0, "earlier today": 0}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "final": -1, "last": -1, "opening": 1, "closing": -1}

_MONTH = r"(?P<{0}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"
_PATTERNS = [
    ("iso", r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"),
    ("mdy", _MONTH.format("m") + r"\s+" + _DAY.format("d") + r"(?:\s*,\s*|\s+)" + _YEAR.format("y")),
    ("dmy", _DAY.format("d") + r"\s+(?:of\s+)?" + _MONTH.format("m") + r",?\s+" + _YEAR.format("y")),
    ("range_dm", r"(?:from\s+)?" + _DAY.format("d") + r"\s*(?:-|–|to|and)\s*" + _DAY.format("d2") + r"\s+"
     + _MONTH.format("m") + r"(?:,?\s+" + _YEAR.format("y") + r")?"),
    ("range_md", _MONTH.format("m") + r"\s+" + _DAY.format("d") + r"\s*(?:-|–|to|and)\s*" + _DAY.format("d2")
     + r"(?:,?\s+" + _YEAR.format("y") + r")?"),
    ("md", _MONTH.format("m") + r"\s+" + _DAY.format("d") + r"(?![\d:])"),
    ("dm", _DAY.format("d") + r"\s+(?:of\s+)?" + _MONTH.format("m")),
    ("num", r"(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)?\d\d)(?![\d./])"),
    ("weekday", r"(?P<w>" + "|".join(WEEKDAYS) + r")"),
    ("relative", r"(?P<r>" + "|".join(sorted(RELATIVE, key=len, reverse=True)) + r")"),
]
# Named groups must be unique across alternatives: prefix each with its alternative's kind.
_parts = []
for _kind, _pattern in _PATTERNS:
    _parts.append(f"(?P<{_kind}>" + re.sub(r"\(\?P<(\w+)>", lambda m, k=_kind: f"(?P<{k}_{m.group(1)}>", _pattern)
                  .replace("(?P=sep)", f"(?P={_kind}_sep)") + ")")
DATE_RE = re.compile(r"\b(?:" + "|".join(_parts) + r")\b", re.IGNORECASE)


def _start_pattern(words: set[str]) -> str:
    """A regex for where a date can start: a digit or one of ``words`` at a word boundary.

    It opens with the set of possible first characters, so the regex engine skips quickly to them,
    and checks the word boundary before and the rest of the word (grouped by first letter) only there.
    """
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    words_at = "|".join(f"(?<={re.escape(first)})(?:" + "|".join(sorted(rest, key=lambda r: (-len(r), r))) + r")\b"
                        for first, rest in sorted(rests.items()))
    return r"[\d" + re.escape("".join(sorted(rests))) + r"](?<=\b.)(?:(?<=\d)|" + words_at + ")"


# Where a date can start: a digit or a month, weekday or relative word. Trying DATE_RE only there is
# much faster than letting it try every alternative at every word boundary.
START_WORDS = frozenset({*MONTHS, *WEEKDAYS, *(r.split()[0] for r in RELATIVE)})
START_RE = re.compile(_start_pattern(START_WORDS), re.IGNORECASE)


_LAST_RUN = re.compile(r"\w+\Z")  # the run of word characters that ends a word
_WORD_CHAR = re.compile(r"\w")
MAY_START, ENDS_IN_WORD, STARTS_IN_WORD = 1, 2, 4  # flags of word_starts


def word_starts(word: str) -> tuple[int, tuple[int, ...], int]:
    """Where dates can start in a token ``word``: its flags (MAY_START: START_RE matches in the word standing
    alone; ENDS_IN_WORD, STARTS_IN_WORD: it ends, starts with a word character), the offsets of those matches, and
    where the run of word characters that ends the word starts (-1 when it ends with another character)."""
    if word.isascii() and word.isalpha():  # most words: one run of letters that case-fold only to themselves
        if word.lower() in START_WORDS:
            return MAY_START | ENDS_IN_WORD | STARTS_IN_WORD, (0,), 0
        return ENDS_IN_WORD | STARTS_IN_WORD, (), 0
    if word.isalnum():  # one run of word characters
        if START_RE.match(word):
            return MAY_START | ENDS_IN_WORD | STARTS_IN_WORD, (0,), 0
        return ENDS_IN_WORD | STARTS_IN_WORD, (), 0
    if not _WORD_CHAR.search(word):
        return 0, (), -1
    offsets = tuple(m.start() for m in START_RE.finditer(word))
    last_run = _LAST_RUN.search(word)
    flags = ((MAY_START if offsets else 0) | (ENDS_IN_WORD if last_run else 0)
             | (STARTS_IN_WORD if _WORD_CHAR.match(word) else 0))
    return flags, offsets, last_run.start() if last_run else -1


def _matches(text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    pos = 0
    for start in starts:
        if start < pos:
            continue
        match = DATE_RE.match(text, start)
        if match:
            pos = match.end()
            yield match


@dataclass(frozen=True)
class DateExpr:
    """One date expression: ``kind`` tells how it is resolved; ``iso`` is set when the text alone fixes it."""

    start: int
    end: int
    text: str
    kind: str
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    offset: Optional[int] = None  # days from the anchor (relative words) or weekday number

    @property
    def iso(self) -> Optional[str]:
        if self.year and self.month and self.day:
            return _iso(self.year, self.month, self.day)
        return None

    def resolve(self, anchor: Optional[str]) -> Optional[str]:
        """ISO date, using ``anchor`` (ISO publication date) for a missing year or a relative expression."""
        if self.iso:
            return self.iso
        ref = _parse_iso(anchor)
        if ref is None:
            return None
        if self.kind == "relative":
            return (ref + timedelta(days=self.offset)).isoformat()
        if self.kind == "weekday":
            back = (ref.weekday() - self.offset) % 7
            return (ref - timedelta(days=back)).isoformat()
        if self.month and self.day:
            for year in (ref.year, ref.year - 1):
                iso = _iso(year, self.month, self.day)
                if iso and _parse_iso(iso) <= ref + timedelta(days=60):
                    return iso
        return None


def _iso(year: int, month: int, day: int) -> Optional[str]:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _parse_iso(text: Optional[str]) -> Optional[date]:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _year(text: Optional[str]) -> Optional[int]:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def find_dates(text: str, offset: int = 0, starts: Optional[Iterable[int]] = None) -> Iterator[DateExpr]:
    """Every date expression in ``text``, offsets shifted by ``offset``. ``starts``: the offsets in ``text`` where
    START_RE matches, in order, when the caller knows them (else ``text`` is scanned for them)."""
    if starts is None:
        starts = (m.start() for m in START_RE.finditer(text))
    for match in _matches(text, starts):
        kind = match.lastgroup
        g = {k[len(kind) + 1:]: v for k, v in match.groupdict().items() if v is not None and k.startswith(kind + "_")}
        start, end = match.start() + offset, match.end() + offset
        raw = match.group(0)
        if kind in ("weekday", "relative"):
            if kind == "weekday" and not raw[0].isupper():
                continue
            value = WEEKDAYS[raw.lower()] if kind == "weekday" else RELATIVE[" ".join(raw.lower().split())]
            yield DateExpr(start, end, raw, kind, offset=value)
            continue
        if kind == "num":
            a, b = int(g["a"]), int(g["b"])
            day, month = (b, a) if g["sep"] == "/" and b <= 31 and a <= 12 else (a, b)
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            yield DateExpr(start, end, raw, kind, _year(g["y"]), month, day)
            continue
        month = g["m"]
        month = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
        if kind in ("md", "dm") and not raw[0].isdigit() and not raw[0].isupper():
            continue
        if kind in ("dm", "range_dm") and not re.search(r"[A-Z]", raw):
            continue
        day = int(g["d"])
        if not 1 <= day <= 31:
            continue
        yield DateExpr(start, end, raw, "range" if kind.startswith("range") else "date",
                       _year(g.get("y")), month, day)


_TWO_DIGITS = re.compile(r"\d\d")
# what may stand beside the date on a header line: a weekday, AM/PM, a time zone, a time of day
_HEADER_NOISE = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r"|[AP]M|[A-Z]{2,4}|\d{1,2}:\d\d(?::\d\d)?)\b", re.IGNORECASE)


def header_date(line: str) -> Optional[str]:
    """The ISO date of a stand-alone header line ("Tuesday, August 14, 2018", "02.02.23 13:30"), else None."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60 or not _TWO_DIGITS.search(stripped):  # a year needs two digits at least
        return None
    found = [d for d in find_dates(stripped) if d.kind in ("date", "num") and d.year]
    if len(found) != 1:
        return _fallback(stripped)
    rest = stripped[:found[0].start] + stripped[found[0].end:]
    if re.search(r"\w", _HEADER_NOISE.sub(" ", rest)):
        return None
    return found[0].iso


@lru_cache(maxsize=1024)
def _fallback(line: str) -> Optional[str]:
    """dateparser on a short line holding a year that the shapes above do not cover."""
    if not re.search(r"\b(?:19|20)\d\d\b", line) or len(line.split()) > 6:
        return None
    import dateparser

    parsed = dateparser.parse(line, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None

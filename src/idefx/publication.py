"""The one decision of a document's publication date.

The first of these that gives a date wins:

1. the front matter's date keys (``idefx.layout.PUBLISHED_KEYS``, in that order): the fields the input
   reader took off the text, else a block still at the head of the text;
2. a leading ``date YYYY-MM-DD`` line;
3. a stand-alone date line among the first lines of the text (when there are several, the one agreeing with
   the dateline "BAKU, Azerbaijan, July 26");
4. a dated line among the first lines: a dateline with a year ("LONDON, September 12, 2023 (Reuters) -",
   "WASHINGTON (Agency / Agency - 13th September, 2022)"), a stamp ("Updated - May 3, 2021 10:04 am") or a
   byline closing with the date ("Xinhua, June 12, 2024");
5. a date from metadata outside the text (an HTML page's publication date).

What the document declares about itself comes first; what is read from the text comes before a page's
metadata, which scrapers fill less reliably than the writers fill the text. The dates component calls this
and every record's ``published`` is its answer.
"""

from __future__ import annotations

import re
from typing import Optional

from idefx.datetext import DateExpr, find_dates, header_date
from idefx.layout import DATE_LINE, front_matter_date, read_front_matter

_DIGIT = re.compile(r"\d")
# what may stand before the date of a dated header line: a dateline's place (upper-case or title-case words, a
# comma, a second place) with an optional bracketed source list; a stamp word; a byline's source and a comma
_PLACE = r"(?:[A-Z][\w.'’-]*\s?){1,4}"
_DATED_PREFIX = re.compile(
    rf"^\s*(?:(?!(?i:on|in|at|by|from|since|until|during|before|after|today|yesterday)\b){_PLACE}(?:,\s*{_PLACE})?"
    r"(?:,\s*|\s*(?=\())(?:\([^()]{0,80}?\s[-–—,/]\s*)?"
    r"|.{0,40}\b(?:(?:Last|First)\s+(?:updated|published|modified)|Updated|Published|Posted|Released|Modified|Date"
    r"|UPDATED|PUBLISHED|POSTED|DATE)\b[\s:\-–—|]*(?i:on\b[\s:]*)?"
    r"(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?)$")
_BYLINE = re.compile(r"(?<!\w)(?!(?i:(?:mon|tues|wednes|thurs|fri|satur|sun|to)day)\b)[A-Z][\w.]*,\s*$")
_LINE_END = re.compile(r"^[\s)]*$")


def publication_date(text: str, front_matter: Optional[dict] = None, outside: Optional[str] = None,
                     header_lines: int = 12) -> Optional[str]:
    """The ISO publication date of a document (see the module docstring for the order), else None.

    ``front_matter`` holds the fields of a front-matter block already taken off ``text``; ``outside`` is a
    date from metadata outside the text.
    """
    front_end, in_text = read_front_matter(text)
    declared = front_matter_date(front_matter or {}) or front_matter_date(in_text)
    if declared:
        return declared
    match = DATE_LINE.match(text, front_end)
    if match:
        return next((d.iso for d in find_dates(match.group(1)) if d.iso), None) or outside
    body = text[front_end:]
    return header_stamp(body, header_lines) or dated_line(_first_lines(body, header_lines)) or outside


def header_stamp(text: str, header_lines: int = 12) -> Optional[str]:
    """The date of a stand-alone date line among the first ``header_lines`` lines, the one agreeing with the
    dateline first."""
    lines = _first_lines(text, header_lines)
    stamps = [iso for iso in map(header_date, lines) if iso]
    if not stamps:
        return None
    found = dateline(lines)
    if found:
        agreeing = [iso for iso in stamps if iso[5:] == f"{found.month:02d}-{found.day:02d}"]
        if agreeing:
            return agreeing[0]
    return stamps[0]


def dated_line(lines: list[str]) -> Optional[str]:
    """The date with a year of the first dated header line (a dateline, a stamp, a byline; see the module
    docstring), else None."""
    for line in lines:
        if not _DIGIT.search(line):
            continue
        for expr in find_dates(line[:120]):
            if not (expr.kind == "date" and expr.iso):
                continue
            before = line[:expr.start]
            if _DATED_PREFIX.match(before) \
                    or (_BYLINE.search(before) and _LINE_END.match(line[expr.end:])):
                return expr.iso
            break  # only the first full date of a line can be its stamp
    return None


def _first_lines(text: str, count: int) -> list[str]:
    """The first ``count`` non-blank lines of ``text`` (as ``str.splitlines`` cuts them), read only as far as needed."""
    size = 2048
    while size < len(text):
        lines = text[:size].splitlines()[:-1]  # all but the last, which may be cut short, are lines of the text
        found = [line for line in lines if line.strip()]
        if len(found) >= count:
            return found[:count]
        size *= 4
    return [line for line in text.splitlines() if line.strip()][:count]


def dateline(lines: list[str]) -> Optional[DateExpr]:
    """The month and day of a dateline ("Istanbul, April 24, IRNA ..."): a yearless date early in a line."""
    for line in lines:
        if "," not in line[:39] or not _DIGIT.search(line, 0, 60):  # a date after a comma, at offset 40 at most
            continue
        for expr in find_dates(line[:60]):
            if expr.kind == "date" and "," in line[:expr.start] and expr.start < 40:
                return expr
    return None

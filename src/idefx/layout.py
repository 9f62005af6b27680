"""The head of a document's text: a leading YAML front-matter block (read once, here, for every reader), the
front-matter keys that give the publication date, a leading ``date YYYY-MM-DD`` line, and where the body after
them starts."""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

# ``---`` on the first line, a YAML mapping, and ``---`` or ``...`` on a line of its own
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
MAX_FRONT_MATTER = 65536
# the front-matter keys (lower case) that state the publication date, the first one holding a date wins
PUBLISHED_KEYS = ("date", "published", "publishdate", "published_time", "pubdate")
DATE_LINE = re.compile(r"\s*date\s+((?:19|20)\d\d-\d\d-\d\d)\b")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def read_front_matter(text: str) -> tuple[int, dict]:
    """The end offset and the fields of a leading YAML front-matter block, or ``(0, {})`` when there is none.

    Anything but a non-empty YAML mapping between the rules (a horizontal rule, prose between rules, invalid
    YAML) is no front matter. Keys are lower-cased; values that are scalars or lists of scalars are kept,
    dates as ISO strings.
    """
    match = FRONT_MATTER.match(text)
    if not match or match.end() > MAX_FRONT_MATTER:
        return 0, {}
    import yaml

    try:
        fields = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml when built
    except yaml.YAMLError:
        return 0, {}
    if not isinstance(fields, dict) or not fields:
        return 0, {}
    kept = {}
    for key, value in fields.items():
        if isinstance(value, list) and all(_is_scalar(v) for v in value):
            kept[str(key).lower()] = [_scalar(v) for v in value]
        elif _is_scalar(value):
            kept[str(key).lower()] = _scalar(value)
    return match.end(), kept


def _is_scalar(value) -> bool:
    return value is None or isinstance(value, (str, int, float, bool, date))


def _scalar(value):
    return value.isoformat() if isinstance(value, date) else value


def front_matter_text(fields: dict, key: str) -> Optional[str]:
    """A front-matter field as text (numbers and dates included), or None when absent or not a scalar."""
    value = fields.get(key)
    if value is None or isinstance(value, (list, bool)):
        return None
    return str(value).strip() or None


def front_matter_date(fields: dict) -> Optional[str]:
    """The ISO date of the first :data:`PUBLISHED_KEYS` field that holds one, else None."""
    return next(filter(None, (iso_date(front_matter_text(fields, k) or "") for k in PUBLISHED_KEYS)), None)


def iso_date(value: str) -> Optional[str]:
    """An ISO date (YYYY-MM-DD) from a front-matter or HTML date, or None when it cannot be fixed."""
    value = value.strip()
    if not value:
        return None
    iso = _ISO_DATE.match(value)
    if iso:
        try:
            return date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return None
    if not _YEAR.search(value):
        return None
    import dateparser

    parsed = dateparser.parse(value, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None


def body_start(text: str) -> int:
    """Offset just after a leading front-matter block (as :func:`read_front_matter` reads it) and a
    ``date YYYY-MM-DD`` line after it, or 0."""
    start = read_front_matter(text)[0] if text.startswith("---") else 0
    line = DATE_LINE.match(text, start)
    return line.end() if line else start

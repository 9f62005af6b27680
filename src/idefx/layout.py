"""The head of a document's text: a leading YAML front-matter block and a leading ``date YYYY-MM-DD`` line,
and where the body after them starts."""

from __future__ import annotations

import re

FRONT = re.compile(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
DATE_LINE = re.compile(r"\s*date\s+((?:19|20)\d\d-\d\d-\d\d)\b")


def body_start(text: str) -> int:
    """Offset just after a leading YAML front matter block or ``date YYYY-MM-DD`` line, or 0."""
    match = FRONT.match(text)
    start = match.end() if match else 0
    line = DATE_LINE.match(text, start)
    return line.end() if line else start

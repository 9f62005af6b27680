"""Hard-wrapped text read as its writer meant it: a line break that only wraps a line (the sentence goes on
in the next line) becomes a space, so names and titles broken across lines ("Leader\\nMcConnell") are read
whole. The text keeps its length, so every character offset still points into the source."""

from __future__ import annotations

import re

from idefx.segments import SHORT_LINE, WRAP_WIDTH

MIN_WRAPS = 3  # long lines stopping between two words, or lines going on in lower case, that make text wrapped
# a line opening like this starts an item or a block, or goes on with an indented item (markdown lists), whatever
# the line before: its line break stays
_LINE_OPENING = re.compile(r"\s|[-*•–·#>|]|\d{1,3}[.)]\s")


def unwrapped(text: str) -> str:
    """``text`` with the line breaks that only wrap its lines turned into spaces, when it is hard-wrapped."""
    if text.count("\n") < MIN_WRAPS:
        return text
    lines = text.split("\n")
    singles = [k for k in range(len(lines) - 1) if lines[k].strip() and lines[k + 1].strip()]
    if not _hard_wrapped(lines, singles):
        return text
    wraps = {k for k in singles if len(lines[k]) >= SHORT_LINE and not _LINE_OPENING.match(lines[k + 1])}
    if not wraps:
        return text
    return "".join(line + (" " if k in wraps else "\n") for k, line in enumerate(lines))[:len(text)]


def _hard_wrapped(lines: list[str], singles: list[int]) -> bool:
    """Whether at least three single breaks end long lines between two letters, or at least three lines go on
    in lower case (as :func:`idefx.segments.segments` decides it for a Doc)."""
    lower = sum(lines[k + 1].lstrip()[:1].islower() for k in singles)
    if lower >= MIN_WRAPS:
        return True
    mid = sum(len(lines[k]) >= WRAP_WIDTH and lines[k].rstrip()[-1:].isalpha() and lines[k + 1].lstrip()[:1].isalpha()
              for k in singles)
    return mid >= MIN_WRAPS

"""A Doc's pattern matches by kind, looked up by token range (binary search over their starts), so that a
rule asks "the breaks in this clause" without walking every match."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import NamedTuple


class Match(NamedTuple):
    """A pattern match: its token range and its label (``type|id`` of the pattern), as a Span's ``start``,
    ``end`` and ``label_``."""

    start: int
    end: int
    label_: str


class MatchIndex:
    """Matches grouped by kind, each group in order of start."""

    def __init__(self, by_kind: dict[str, list[Match]]):
        self.by_kind = by_kind
        self._starts = {kind: [match.start for match in matches] for kind, matches in by_kind.items()}
        self._merged_starts: dict[tuple[str, ...], list[int]] = {}

    def has(self, kind: str) -> bool:
        return kind in self.by_kind

    def all(self, kind: str) -> list[Match]:
        return self.by_kind.get(kind, [])

    def within(self, kind: str, start: int, end: int) -> list[Match]:
        """The matches of ``kind`` that start at or after ``start`` and end by ``end``."""
        matches = self.by_kind.get(kind)
        if not matches:
            return []
        starts = self._starts[kind]
        return [m for m in matches[bisect_left(starts, start):bisect_right(starts, end)] if m.end <= end]

    def any_starts_within(self, kinds: tuple[str, ...], start: int, end: int) -> bool:
        """Whether a match of one of ``kinds`` starts in ``start``..``end`` (both included)."""
        starts = self._merged_starts.get(kinds)
        if starts is None:
            starts = self._merged_starts[kinds] = sorted(s for kind in kinds for s in self._starts.get(kind, ()))
        return bisect_left(starts, start) != bisect_right(starts, end)

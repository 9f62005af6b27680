"""Token ranges (pattern matches, Spans) looked up by position, by binary search over their starts, so that a
rule asks "the breaks in this clause" or "the people named here" without walking every match or mention."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Generic, NamedTuple, Sequence, TypeVar

Item = TypeVar("Item")


class Match(NamedTuple):
    """A pattern match: its token range and its label (``type|id`` of the pattern), as a Span's ``start``,
    ``end`` and ``label_``."""

    start: int
    end: int
    label_: str


class ByStart(Generic[Item]):
    """Items with ``start`` and ``end`` (Spans, Matches), given in order of start."""

    def __init__(self, items: Sequence[Item]):
        self.items = items
        self._starts = [item.start for item in items]

    def within(self, start: int, end: int) -> list[Item]:
        """The items that start at or after ``start`` and end by ``end``."""
        starts = self._starts
        return [item for item in self.items[bisect_left(starts, start):bisect_right(starts, end)]
                if item.end <= end]


class MatchIndex:
    """Matches grouped by kind, each group in order of start."""

    def __init__(self, by_kind: dict[str, list[Match]]):
        self.by_kind = by_kind
        self._indexes = {kind: ByStart(matches) for kind, matches in by_kind.items()}
        self._merged_starts: dict[tuple[str, ...], list[int]] = {}

    def has(self, kind: str) -> bool:
        return kind in self.by_kind

    def all(self, kind: str) -> list[Match]:
        return self.by_kind.get(kind, [])

    def within(self, kind: str, start: int, end: int) -> list[Match]:
        """The matches of ``kind`` that start at or after ``start`` and end by ``end``."""
        index = self._indexes.get(kind)
        return index.within(start, end) if index is not None else []

    def any_starts_within(self, kinds: tuple[str, ...], start: int, end: int) -> bool:
        """Whether a match of one of ``kinds`` starts in ``start``..``end`` (both included)."""
        starts = self._merged_starts.get(kinds)
        if starts is None:
            starts = self._merged_starts[kinds] = sorted(m.start for kind in kinds for m in self.all(kind))
        return bisect_left(starts, start) != bisect_right(starts, end)

"""Fast token-pattern matching for the idefx components, across line breaks.

Patterns are spaCy Matcher token patterns; the matches are the Matcher's (every match, of every length),
in the order spaCy's matchers give them, found with less work:

- Patterns made only of literal words (``{"LOWER": "met"}``, ``{"LOWER": {"IN": [...]}}``, optional ones
  with ``"OP": "?"``) are expanded into phrases for a PhraseIndex (the PhraseMatcher's matches over token
  ids, without a Doc), whose cost does not grow with the number of phrases.
- Patterns with a required literal word (the anchor) whose matches stay within ``reach`` tokens of it are
  matched in Python, only where the anchor occurs. They may test ``LOWER``, ``TEXT``/``ORTH`` (equal, ``IN``,
  ``NOT_IN``, ``REGEX``), ``IS_ALPHA``, ``IS_LOWER``, ``IS_TITLE``, ``IS_UPPER`` and ``LENGTH`` (compared),
  with ``OP`` ``?``, ``*``, ``+``, ``{n,m}``; each test runs once per distinct word (cached by hash).
- The rest (patterns that reach further) are matched the same way, but only within windows around the
  anchors (a literal word of a pattern, else a token that ends in a year), as a spaCy Matcher run over each
  window would find the matches whose pivot (a required token: the literal one, else the last) is an anchor:
  from the starts near the anchors the pivot passes. So a pattern without a literal word finds all its
  matches when only words that end in a year pass its last required token (as "^(19|20)\\d\\d$" does).
- All run over the Doc's tokens without whitespace tokens, so hard-wrapped text ("met\\nwith") matches
  like running text; matches are mapped back to the original token indices.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_right
from itertools import product
from typing import Callable, Iterable, Optional

import numpy

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

from idefx.phrases import HashSet, PhraseIndex
from idefx.tokentables import CACHE_SIZE, bounded, per_word, token_array

_LITERAL_ATTRS = ("LOWER", "TEXT", "ORTH")
_EDITION_LIKE = re.compile(r"(?:19|20)\d\d$|['’]\d\d$")
_LONG_SHAPE = "LONG"  # spaCy's SHAPE of a word of 100 characters or more
_FLAGS = {"IS_ALPHA": str.isalpha, "IS_LOWER": str.islower, "IS_TITLE": str.istitle, "IS_UPPER": str.isupper}
_VALUES = {"LOWER": str.lower, "TEXT": str, "ORTH": str, "LENGTH": len}
_COMPARE = {"==": operator.eq, "!=": operator.ne, ">=": operator.ge, "<=": operator.le, ">": operator.gt,
            "<": operator.lt, "IN": lambda value, words: value in words,
            "NOT_IN": lambda value, words: value not in words,
            "REGEX": lambda value, regex: regex.search(value) is not None}


def _may_end_in_year(shape: str) -> bool:
    """Whether a word of this SHAPE ("dddd", "XXXX'dd"; digits are "d") may be year-like (end in a year)."""
    return shape == _LONG_SHAPE or shape.rstrip("\n").endswith("dd")


def _flagged(orths: numpy.ndarray, test: Callable[[str], bool], cache: dict, strings) -> numpy.ndarray:
    """Positions in ``orths`` whose word passes ``test``, testing each distinct word once (cached by hash)."""
    if not len(orths):
        return numpy.zeros(0, dtype=numpy.int64)
    uniq, inverse = numpy.unique(orths, return_inverse=True)
    flags = numpy.array(per_word(strings, uniq.tolist(), test, cache), dtype=bool)
    return numpy.nonzero(flags[inverse.reshape(-1)])[0]


def _values(token: dict) -> Optional[tuple[str, list[str]]]:
    """(attribute, words) when a token spec is a plain literal test, else None."""
    keys = set(token) - {"OP"}
    if len(keys) != 1:
        return None
    attr = keys.pop()
    if attr not in _LITERAL_ATTRS:
        return None
    spec = token[attr]
    if isinstance(spec, str):
        return attr, [spec]
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return attr, list(spec["IN"])
    return None


def phrase_forms(pattern: list[dict]) -> Optional[list[list[str]]]:
    """Every word sequence a literal-only pattern matches (lower case), or None for other patterns."""
    slots = []
    for token in pattern:
        found = _values(token)
        if found is None or token.get("OP", "1") not in ("1", "?"):
            return None
        words = [w.lower() for w in found[1]]
        slots.append(words + [None] if token.get("OP") == "?" else words)
    forms = [[w for w in combo if w is not None] for combo in product(*slots)]
    return [f for f in forms if f]


def _width(token: dict, unbounded: int) -> int:
    """The most tokens one pattern token can cover."""
    op = token.get("OP", "1")
    if op in ("*", "+"):
        return unbounded
    if op.startswith("{"):
        high = op.strip("{}").split(",")[-1]
        return int(high) if high else unbounded
    return 1


def _anchor_slot(pattern: list[dict]) -> tuple[int, Optional[set[str]]]:
    """A required literal token of ``pattern`` (its index and lower-case words): the one whose words are least
    often stop words (spaCy's English list: words that occur everywhere), the first of those tied; the last
    token and None when there is none."""
    required = []
    for k, token in enumerate(pattern):
        found = _values(token)
        if found is not None and token.get("OP", "1") in ("1", "+"):
            required.append((k, {w.lower() for w in found[1]}))
    if not required:
        return len(pattern) - 1, None
    return min(required, key=lambda slot: len(slot[1] & STOP_WORDS) / len(slot[1]))


def required_words(pattern: list[dict]) -> Optional[set[str]]:
    """The lower-case words of a required literal token of ``pattern`` (see _anchor_slot): every match holds one
    of them; None when the pattern has no such token."""
    return _anchor_slot(pattern)[1]


def _anchor(pattern: list[dict], unbounded: int) -> tuple[Optional[set[str]], int, int]:
    """The words of the anchor (see _anchor_slot) of ``pattern`` and how far the pattern reaches before and
    after it."""
    k, words = _anchor_slot(pattern)
    before = sum(_width(t, unbounded) for t in pattern[:k])
    after = sum(_width(t, unbounded) for t in pattern[k + 1:])
    return words, min(before, unbounded), min(after, unbounded)


def _follow(pattern: list[dict]) -> Optional[tuple[int, int, list[str]]]:
    """For a pattern whose first token is one literal word: the nearest later token that must be a literal
    word, as (fewest, most tokens after the first word at which it can come, its lower-case words); None
    when there is no such token within a bounded distance."""
    if _values(pattern[0]) is None or pattern[0].get("OP", "1") != "1":
        return None
    low = high = 1
    for token in pattern[1:]:
        found = _values(token)
        if found is not None and token.get("OP", "1") == "1":
            return low, high, [w.lower() for w in found[1]]
        fewest, most = _quantity(token.get("OP", "1"))
        if most is None:
            return None
        low, high = low + fewest, high + most
    return None


def _quantity(op: str) -> tuple[int, Optional[int]]:
    """The fewest and most tokens (None: no limit) a pattern token's ``OP`` allows."""
    fixed = {"1": (1, 1), "?": (0, 1), "*": (0, None), "+": (1, None)}
    if op in fixed:
        return fixed[op]
    if op.startswith("{") and op.endswith("}"):
        low, _, high = op[1:-1].partition(",") if "," in op else (op[1:-1], "", op[1:-1])
        return int(low or 0), int(high) if high else None
    raise ValueError(f"unsupported pattern operator {op!r}")


def _checks(token: dict) -> tuple[tuple[str, str, object], ...]:
    """A pattern token's tests as (attribute, comparison, value), the values made ready to compare."""
    checks = []
    for attr, spec in sorted(token.items()):
        if attr == "OP":
            continue
        if attr in _FLAGS:
            checks.append((attr, "==", bool(spec)))
        elif attr not in _VALUES:
            raise ValueError(f"unsupported pattern attribute {attr!r}")
        elif not isinstance(spec, dict):
            checks.append((attr, "==", spec))
        else:
            for how, value in sorted(spec.items()):
                if how not in _COMPARE:
                    raise ValueError(f"unsupported pattern test {how!r}")
                value = frozenset(value) if how in ("IN", "NOT_IN") else re.compile(value) if how == "REGEX" else value
                checks.append((attr, how, value))
    return tuple(checks)


def _word_passes(word: str, checks: tuple[tuple[str, str, object], ...]) -> bool:
    for attr, how, value in checks:
        got = _FLAGS[attr](word) if attr in _FLAGS else _VALUES[attr](word)
        if not _COMPARE[how](got, value):
            return False
    return True


class FastMatcher:
    """spaCy's PhraseMatcher for literal patterns and anchored token patterns for the rest, with one
    ``__call__`` whose matches come in the order spaCy's matchers give them. Token patterns may only test
    what ``_checks`` knows (else ``add`` raises ValueError)."""

    def __init__(self, vocab: Vocab, make_doc, reach: int = 8):
        self.vocab, self.make_doc, self.reach = vocab, make_doc, reach
        # literal patterns as (key, phrase text): plain strings, as Docs would slow down loading a pickled pipeline
        self.phrase_texts: list[tuple[str, str]] = []
        self._phrases: Optional[PhraseIndex] = None  # built from phrase_texts by compile(), else on the first Doc
        self.patterns: list[tuple[int, list[tuple[int, int, Optional[int]]]]] = []  # key, [(test, min, max)]
        self.tests: list[tuple] = []  # distinct token tests (see _checks)
        self.reaches: dict[int, tuple[int, int]] = {}  # anchor word (hash) -> tokens reached before, after
        self.year_reach: Optional[tuple[int, int]] = None  # the same around a year-like token
        self._test_index: dict[tuple, int] = {}
        self._passed: list[dict[int, bool]] = []  # per test: word (hash) -> whether it passes
        self.anchored: dict[int, list[tuple[int, int]]] = {}  # anchor word (hash) -> (pattern, reach before)
        self.follows: dict[int, tuple[int, int, frozenset[int]]] = {}  # pattern -> a later word it needs (see _follow)
        # patterns that reach further than ``reach``, matched within the windows only, as (pattern, pivot,
        # fewest and most tokens before it (None: no limit)), the pivot being a required token: by anchor word
        # (hash) when the pivot is the anchor, else in a list (pivot None: the pattern has no required token)
        self.windowed: dict[int, list[tuple[int, int, int, Optional[int]]]] = {}
        self.unanchored: list[tuple[int, Optional[int], int, Optional[int]]] = []
        self.rank: dict[int, int] = {}  # key (hash) -> order of its first token pattern
        self._anchor_cache: dict[int, bool] = {}  # word (hash) -> whether it is an anchor (with a year reach)
        self._shape_cache: dict[int, bool] = {}  # SHAPE (hash) -> whether its words may be year-like
        self._anchor_words = HashSet(())

    def add(self, key: str, pattern: list[dict]) -> None:
        forms = phrase_forms(pattern)
        if forms is not None:
            self.vocab.strings.add(key)  # now, not when the index is built: that may be inside a memory zone
            self.phrase_texts.extend((key, " ".join(words)) for words in forms)
            self._phrases = None
            return
        key_id = self.vocab.strings.add(key)
        self.rank.setdefault(key_id, len(self.rank))
        slots = [self._slot(token) for token in pattern]
        number = len(self.patterns)
        self.patterns.append((key_id, slots))
        words, before, after = _anchor(pattern, self.reach)
        if words is not None and _anchor(pattern, self.reach + 1)[1:] == (before, after):
            for word in words:  # every match is within reach of the anchor: tried there only
                self.anchored.setdefault(self.vocab.strings.add(word), []).append((number, before))
            follow = _follow(pattern) if before == 0 else None
            if follow is not None:
                low, high, needed = follow
                self.follows[number] = (low, high, frozenset(self.vocab.strings.add(w) for w in needed))
        else:
            pivot = _anchor_slot(pattern)[0] if words is not None else next(
                (k for k in reversed(range(len(slots))) if slots[k][1]), None)
            most = [slot[2] for slot in slots[:pivot or 0]]
            entry = (number, pivot, sum(slot[1] for slot in slots[:pivot or 0]), None if None in most else sum(most))
            for word in words or ():
                self.windowed.setdefault(self.vocab.strings.add(word), []).append(entry)
            if words is None:
                self.unanchored.append(entry)
        if words is None:
            known = self.year_reach or (0, 0)
            self.year_reach = (max(known[0], before), max(known[1], after))
        for word in words or ():
            word_id = self.vocab.strings.add(word)
            known = self.reaches.get(word_id, (0, 0))
            self.reaches[word_id] = (max(known[0], before), max(known[1], after))
        self._anchor_words = HashSet(self.reaches)

    def _slot(self, token: dict) -> tuple[int, int, Optional[int]]:
        """A pattern token as (test, fewest, most tokens)."""
        checks = _checks(token)
        if checks not in self._test_index:
            self._test_index[checks] = len(self.tests)
            self.tests.append(checks)
            self._passed.append({})
        return (self._test_index[checks], *_quantity(token.get("OP", "1")))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        orths, lowers = token_array(doc, "ORTH"), token_array(doc, "LOWER")
        spaces = token_array(doc, "IS_SPACE")
        keep = numpy.nonzero(spaces == 0)[0] if spaces.any() else None
        if keep is None:
            return self.match_words(orths, lowers)
        kept = keep.tolist()
        found = [(m, kept[s], kept[e - 1] + 1) for m, s, e in self._found(orths[keep], lowers[keep])]
        return sorted(set(found), key=lambda x: (x[1], x[2]))

    def match_words(self, orths: numpy.ndarray, lowers: numpy.ndarray,
                    anchors: Optional[list[int]] = None) -> list[tuple[int, int, int]]:
        """The matches in a sequence of words (no whitespace tokens) given by their ORTH and LOWER hashes, as
        ``__call__`` gives them for a Doc of those words; ``anchors``: the positions of the words that
        :meth:`is_anchor` accepts (see :meth:`anchors`), when the caller knows them."""
        return sorted(set(self._found(orths, lowers, anchors)), key=lambda x: (x[1], x[2]))

    def _found(self, orths: numpy.ndarray, lowers: numpy.ndarray,
               anchors: Optional[list[int]] = None) -> list[tuple[int, int, int]]:
        """The phrase matches, then the token pattern matches, in words given by their ORTH and LOWER hashes."""
        if max(map(len, self._passed), default=0) > CACHE_SIZE:
            for cache in self._passed:
                bounded(cache)
        lower_list = lowers.tolist() if self.phrase_texts or self.follows else None
        found = self._phrase_matches(lowers, lower_list) if self.phrase_texts else []
        if self.rank:
            found.extend(self._pattern_matches(orths, lowers, lower_list, anchors))
        return found

    def _phrase_matches(self, lowers: numpy.ndarray, lower_list: list[int]) -> list[tuple[int, int, int]]:
        """The literal patterns' matches in the tokens' lower-case forms (``lowers``, also as a list), as the
        PhraseMatcher gives them."""
        self.compile()
        return self._phrases(lower_list, self._phrases.starts_in(lowers))

    def compile(self) -> None:
        """Build the index of the literal patterns now, not on the first Doc: a matcher built into a cached
        pipeline then carries it (it is plain token ids, quick to load)."""
        if self._phrases is None:
            self._phrases = PhraseIndex(self.vocab, [(key, self.make_doc(text)) for key, text in self.phrase_texts],
                                        attr="LOWER")

    def _pattern_matches(self, orth_array: numpy.ndarray, lowers: numpy.ndarray, lower_list: Optional[list[int]],
                         anchor_list: Optional[list[int]]) -> list[tuple[int, int, int]]:
        """The token patterns' matches in a Doc's tokens without whitespace (their ORTH and LOWER hashes, the
        latter also as a list when a pattern has a follow), in the order spaCy's Matcher gives them in the
        windows around the anchors (at ``anchor_list`` when given): by end, then start, then pattern."""
        orths = orth_array.tolist()
        if anchor_list is not None:
            anchors = numpy.array(anchor_list, dtype=numpy.int64)
        elif self.year_reach is None:
            anchors = self._anchor_words.positions(lowers)
        else:
            anchors = _flagged(orth_array, self.is_anchor, self._anchor_cache, self.vocab.strings)
        found: set[tuple[int, int, int]] = set()  # (end, start, key)
        memo: dict[tuple[int, int, int], set[int]] = {}
        positions, words = anchors.tolist(), lowers[anchors].tolist()
        for i, word in zip(positions, words):
            for k, before in self.anchored.get(word, ()):
                follow = self.follows.get(k)
                if follow is not None and follow[2].isdisjoint(lower_list[i + follow[0]:i + follow[1] + 1]):
                    continue
                self._match_from(k, range(max(0, i - before), i + 1), len(orths), orths, memo, found)
        if self.windowed or self.unanchored:
            windows = self._windows(anchors, lowers)
            for (k, w), firsts in self._window_starts(windows, positions, words, orths).items():
                self._match_from(k, firsts, windows[w][1], orths, memo, found)
        rank = self.rank
        return [(m, s, e) for e, s, m in sorted(found, key=lambda x: (x[0], x[1], rank[x[2]]))]

    def _match_from(self, pattern: int, firsts: Iterable[int], stop: int, orths: list[int], memo: dict,
                    found: set[tuple[int, int, int]]) -> None:
        """Add to ``found`` the (end, start, key) of the matches of ``pattern`` that start at one of ``firsts``
        and end by token ``stop``."""
        key, slots = self.patterns[pattern]
        test, low, _ = slots[0]
        for first in firsts:
            if low and not self._passes(test, orths[first]):
                continue
            found.update((last, first, key) for last in self._ends(pattern, 0, first, stop, orths, memo)
                         if last > first)

    def _window_starts(self, windows: list[tuple[int, int]], positions: list[int], words: list[int],
                       orths: list[int]) -> dict[tuple[int, int], set[int]]:
        """(pattern, window) -> where in the window a match of a windowed pattern may start: before an anchor
        that its pivot passes, or anywhere when the pattern has no pivot. ``positions`` and ``words`` hold the
        anchors, ``orths`` the words' hashes."""
        starts: dict[tuple[int, int], set[int]] = {}
        window_starts = [start for start, _ in windows]

        def add(entry, at):
            number, pivot, fewest, most = entry
            window = bisect_right(window_starts, at) - 1
            low = windows[window][0] if most is None else max(windows[window][0], at - most)
            starts.setdefault((number, window), set()).update(range(low, at - fewest + 1))

        for i, word in zip(positions, words):
            for entry in self.windowed.get(word, ()):
                if self._passes(self.patterns[entry[0]][1][entry[1]][0], orths[i]):
                    add(entry, i)
        passing: dict[Optional[int], list[int]] = {}  # pivot test -> the anchors it passes (None: the windows' words)
        for entry in self.unanchored:
            number, pivot = entry[:2]
            test = None if pivot is None else self.patterns[number][1][pivot][0]
            if test not in passing:
                passing[test] = [i for start, end in windows for i in range(start, end)] if test is None else [
                    i for i in positions if self._passes(test, orths[i])]
            for at in passing[test]:
                add(entry, at)
        return starts

    def _windows(self, anchors: numpy.ndarray, lowers: numpy.ndarray) -> list[tuple[int, int]]:
        """Token ranges around the anchors (positions of anchor words and year-like tokens), overlapping ones
        merged."""
        length, windows, spans = len(lowers), [], []
        for i, word in zip(anchors.tolist(), lowers[anchors].tolist()):
            before, after = self.reaches.get(word) or self.year_reach
            spans.append((max(0, i - before), min(length, i + after + 1)))
        for start, end in sorted(spans):
            if windows and start <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], end)
            else:
                windows.append([start, end])
        return [(s, e) for s, e in windows]

    def anchors(self, orths: numpy.ndarray, lowers: numpy.ndarray, shapes: numpy.ndarray) -> numpy.ndarray:
        """The positions of the anchors (the words :meth:`is_anchor` accepts) in words given by their ORTH, LOWER
        and SHAPE hashes: the literal words found by hash, the year-like ones among the words whose shape ends in
        digits."""
        literal = self._anchor_words.positions(lowers)
        if self.year_reach is None:
            return literal
        digits = _flagged(shapes, _may_end_in_year, self._shape_cache, self.vocab.strings)
        anchor = numpy.zeros(len(lowers), dtype=bool)
        anchor[literal] = True
        anchor[digits[_flagged(orths[digits], self.is_anchor, self._anchor_cache, self.vocab.strings)]] = True
        return numpy.flatnonzero(anchor)

    def is_anchor(self, word: str) -> bool:
        """Whether the word is an anchor: a literal word of a token pattern, or, when a pattern has none, a
        year-like word."""
        return self.vocab.strings[word.lower()] in self.reaches or (
            self.year_reach is not None and _EDITION_LIKE.search(word) is not None)

    def _passes(self, test: int, orth: int) -> bool:
        passed = self._passed[test]
        hit = passed.get(orth)
        if hit is None:
            hit = passed[orth] = _word_passes(self.vocab.strings[orth], self.tests[test])
        return hit

    def _ends(self, pattern: int, k: int, at: int, stop: int, orths: list[int], memo: dict) -> set[int]:
        """Where matches of token ``k`` onwards of ``pattern`` from token ``at`` can end, before token ``stop``
        (``memo`` holds the answers found in this window)."""
        slots = self.patterns[pattern][1]
        while k < len(slots) and slots[k][1:] == (1, 1):  # one token: no choice to remember
            if at >= stop or not self._passes(slots[k][0], orths[at]):
                return set()
            k, at = k + 1, at + 1
        if k == len(slots):
            return {at}
        ends = memo.get((pattern, k, at))
        if ends is not None:
            return ends
        test, low, high = slots[k]
        passed = self._passed[test]
        ends = set()
        taken = 0
        while True:
            if taken >= low:
                ends |= self._ends(pattern, k + 1, at + taken, stop, orths, memo)
            if taken == high or at + taken >= stop:
                break
            hit = passed.get(orths[at + taken])
            if not (self._passes(test, orths[at + taken]) if hit is None else hit):
                break
            taken += 1
        memo[pattern, k, at] = ends
        return ends

"""A quick test of whether a stretch of words can hold a match of some spaCy Matcher token pattern.

For each pattern it keeps one required token (``OP`` "1" or "+"; the last that names its words, else the last)
and the tokens that can come right before it in a match. A stretch can hold a match only if one of its words
fits that required token and, unless nothing needs to come before it, the word before fits one of those (the
first word a "+" token takes comes after another token's word). The test runs on plain strings,
each distinct word tested once, so the Matcher (and a Doc to run it on) is only needed where it passes.
Attributes, operators and quantifiers it does not know count as fitting: it never rules out a real match.
"""

from __future__ import annotations

import re
from typing import Callable

CACHE_SIZE = 200_000  # distinct words remembered before the cache starts over (keeps memory flat)
_QUANTIFIERS = {"1", "?", "*", "+"}
_NUMERIC = {">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
            "<": lambda a, b: a < b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b}
_STRING_ATTRS: dict[str, Callable[[str], str]] = {"ORTH": str, "TEXT": str, "LOWER": str.lower}
_FLAG_ATTRS: dict[str, Callable[[str], bool]] = {"IS_UPPER": str.isupper, "IS_TITLE": str.istitle,
                                                 "IS_LOWER": str.islower, "IS_ALPHA": str.isalpha,
                                                 "IS_DIGIT": str.isdigit}


def _test(attr: str, value) -> Callable[[str], bool]:
    """A test of one attribute of a token spec on a word; an unknown one always passes."""
    if attr in _FLAG_ATTRS:
        flag = _FLAG_ATTRS[attr]
        return lambda word: flag(word) == bool(value)
    if attr == "LENGTH":
        if isinstance(value, int):
            return lambda word: len(word) == value
        if isinstance(value, dict) and set(value) <= set(_NUMERIC):
            checks = [(_NUMERIC[op], bound) for op, bound in value.items()]
            return lambda word: all(check(len(word), bound) for check, bound in checks)
        return lambda word: True
    if attr not in _STRING_ATTRS:
        return lambda word: True
    get = _STRING_ATTRS[attr]
    if isinstance(value, str):
        return lambda word: get(word) == value
    if not isinstance(value, dict):
        return lambda word: True
    checks = []
    for op, arg in value.items():
        if op == "IN":
            members = set(arg)
            checks.append(lambda s, members=members: s in members)
        elif op == "NOT_IN":
            members = set(arg)
            checks.append(lambda s, members=members: s not in members)
        elif op == "REGEX":
            checks.append(re.compile(arg).search)
    return lambda word: all(check(get(word)) for check in checks)


def _literal(spec: dict) -> bool:
    """Whether a token spec names its words (a string or an IN list of TEXT, ORTH or LOWER)."""
    return any(isinstance(value, str) or (isinstance(value, dict) and "IN" in value)
               for attr, value in spec.items() if attr in _STRING_ATTRS)


def _spec_test(spec: dict) -> Callable[[str], bool]:
    tests = [_test(attr, value) for attr, value in spec.items() if attr != "OP"]
    return lambda word: all(test(word) for test in tests)


class PatternCues:
    """The quick test for a set of patterns (added one by one, like to a Matcher)."""

    def __init__(self):
        self.patterns: list[list[dict]] = []
        self._build()

    def add(self, pattern: list[dict]) -> None:
        self.patterns.append(pattern)
        self._build()

    def _build(self) -> None:
        self.always = False  # a pattern the test cannot say anything about
        self.rules: list[tuple[dict, list[dict], bool]] = []  # (required spec, specs before it, may start)
        for pattern in self.patterns:
            ops = [spec.get("OP", "1") for spec in pattern]
            required = [k for k, op in enumerate(ops) if op in ("1", "+")]
            if not required or not set(ops) <= _QUANTIFIERS:
                self.always = True
                continue
            literal = [k for k in required if _literal(pattern[k])]
            last = (literal or required)[-1]
            before = []
            k, free = last - 1, True
            while k >= 0:
                before.append(pattern[k])
                if ops[k] in ("1", "+"):
                    free = False
                    break
                k -= 1
            self.rules.append((pattern[last], before, free))
        self.cache: dict[str, int] = {}
        self.tests = []
        for k, (spec, before, free) in enumerate(self.rules):
            fits, after = _spec_test(spec), [_spec_test(s) for s in before]
            self.tests.append((fits, after))
        self.last_bits = sum(1 << (2 * k) for k in range(len(self.rules)))
        self.free_bits = sum(1 << (2 * k) for k, (_, _, free) in enumerate(self.rules) if free)

    def __getstate__(self):
        return {"patterns": self.patterns}

    def __setstate__(self, state):
        self.patterns = state["patterns"]
        self._build()

    def _bits(self, word: str) -> int:
        """Bit 2k: the word fits pattern k's required token; bit 2k+1: it fits a token before that."""
        bits = 0
        for k, (fits, before) in enumerate(self.tests):
            if fits(word):
                bits |= 1 << (2 * k)
            if any(test(word) for test in before):
                bits |= 2 << (2 * k)
        return bits

    def may_match(self, words: list[str]) -> bool:
        """Whether ``words`` may hold a match of one of the patterns (False: it certainly holds none)."""
        if self.always:
            return True
        cache = self.cache
        if len(cache) > CACHE_SIZE:
            cache.clear()
        previous = 0
        for word in words:
            bits = cache.get(word)
            if bits is None:
                bits = cache[word] = self._bits(word)
            if bits & self.last_bits & (self.free_bits | (previous >> 1)):
                return True
            previous = bits
        return False

"""Fast token-pattern matching for the idefx components, across line breaks.

- Patterns made only of literal words (``{"LOWER": "met"}``, ``{"LOWER": {"IN": [...]}}``, optional
  ones with ``"OP": "?"``) are expanded into phrases for a PhraseMatcher, whose cost does not grow with
  the number of phrases.
- Other patterns go to a Matcher that runs only in windows around the tokens each pattern needs (a
  literal word of the pattern, else a token with a digit), instead of starting every pattern at every
  token.
- Both run on a copy of the Doc without whitespace tokens, so hard-wrapped text ("met\\nwith") matches
  like running text; matches are mapped back to the original token indices.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from itertools import product
from typing import Callable, Optional

import numpy

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

_LITERAL_ATTRS = ("LOWER", "TEXT", "ORTH")
_EDITION_LIKE = re.compile(r"(?:19|20)\d\d$|['’]\d\d$")


def token_indices(doc: Doc, test: Callable[[str], bool], cache: dict) -> numpy.ndarray:
    """Indices of the tokens whose text passes ``test``, testing each distinct word once (cached by hash)."""
    if not len(doc):
        return numpy.zeros(0, dtype=numpy.int64)
    orths = doc.to_array("ORTH")
    uniq, inverse = numpy.unique(orths, return_inverse=True)
    flags = numpy.empty(len(uniq), dtype=bool)
    strings = doc.vocab.strings
    for k, orth in enumerate(uniq.tolist()):
        hit = cache.get(orth)
        if hit is None:
            hit = cache[orth] = bool(test(strings[orth]))
        flags[k] = hit
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


_FUNCTION_WORDS = {"a", "an", "the", "with", "to", "by", "in", "at", "on", "of", "from", "and", "for", "inside"}


def _width(token: dict, unbounded: int) -> int:
    """The most tokens one pattern token can cover."""
    op = token.get("OP", "1")
    if op in ("*", "+"):
        return unbounded
    if op.startswith("{"):
        high = op.strip("{}").split(",")[-1]
        return int(high) if high else unbounded
    return 1


def _anchor(pattern: list[dict], unbounded: int) -> tuple[Optional[set[str]], int, int]:
    """A required literal token of ``pattern`` (its lower-case words, preferring one without function words,
    which occur everywhere; None when there is none) and how far the pattern reaches before and after it."""
    required = []
    for k, token in enumerate(pattern):
        found = _values(token)
        if found is not None and token.get("OP", "1") in ("1", "+"):
            required.append((k, {w.lower() for w in found[1]}))
    if not required:
        k, words = len(pattern) - 1, None
    else:
        k, words = next(((k, w) for k, w in required if not w & _FUNCTION_WORDS), required[0])
    before = sum(_width(t, unbounded) for t in pattern[:k])
    after = sum(_width(t, unbounded) for t in pattern[k + 1:])
    return words, min(before, unbounded), min(after, unbounded)


_SPACE_CACHE: dict[int, bool] = {}
_COMPACT: "OrderedDict[int, tuple[Doc, Doc, list[int]]]" = OrderedDict()
_COMPACT_KEEP = 256  # more than a pipeline batch, so every component of a batch finds its Doc here


def compact_doc(doc: Doc, release: bool = False) -> tuple[Doc, list[int]]:
    """``doc`` without whitespace tokens, and the original index of each token kept. Built once per Doc
    for all components (a small cache holds the Doc itself, so its id cannot be reused while cached);
    the last component to need it passes ``release`` to drop it from the cache."""
    cached = _COMPACT.get(id(doc))
    if cached is not None and cached[0] is doc:
        if release:
            del _COMPACT[id(doc)]
        return cached[1], cached[2]
    orths = doc.to_array("ORTH").tolist()
    strings, is_space = doc.vocab.strings, _SPACE_CACHE.get
    keep = []
    for i, orth in enumerate(orths):
        space = is_space(orth)
        if space is None:
            space = _SPACE_CACHE[orth] = strings[orth].isspace()
        if not space:
            keep.append(i)
    if len(keep) < len(orths):
        compact = Doc(doc.vocab, words=[strings[orths[i]] for i in keep], spaces=[True] * len(keep))
    else:
        compact = doc
    if release:
        return compact, keep
    _COMPACT[id(doc)] = (doc, compact, keep)
    if len(_COMPACT) > _COMPACT_KEEP:
        _COMPACT.popitem(last=False)
    return compact, keep


class FastMatcher:
    """A PhraseMatcher for literal patterns and an anchored Matcher for the rest, with one ``__call__``."""

    def __init__(self, vocab: Vocab, make_doc, reach: int = 8, release: bool = False):
        self.vocab, self.make_doc, self.reach, self.release = vocab, make_doc, reach, release
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.matcher = Matcher(vocab)
        self.reaches: dict[str, tuple[int, int]] = {}  # anchor word, or "" for a year-like token

        self._anchor_cache: dict[int, bool] = {}

    def add(self, key: str, pattern: list[dict]) -> None:
        forms = phrase_forms(pattern)
        if forms is not None:
            self.phrases.add(key, [self.make_doc(" ".join(words)) for words in forms])
            return
        self.matcher.add(key, [pattern])
        words, before, after = _anchor(pattern, self.reach)
        for word in words or {""}:
            known = self.reaches.get(word, (0, 0))
            self.reaches[word] = (max(known[0], before), max(known[1], after))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        compact, keep = compact_doc(doc, self.release)
        found = list(self.phrases(compact))
        for start, end in self._windows(compact):
            found.extend((m, start + s, start + e) for m, s, e in self.matcher(compact[start:end]))
        if compact is not doc:
            found = [(m, keep[s], keep[e - 1] + 1) for m, s, e in found]
        return sorted(set(found), key=lambda x: (x[1], x[2]))

    def _windows(self, doc: Doc) -> list[tuple[int, int]]:
        if not len(self.matcher):
            return []
        spans = []
        for i in token_indices(doc, self._is_anchor, self._anchor_cache).tolist():
            before, after = self.reaches.get(doc[i].lower_) or self.reaches[""]
            spans.append((max(0, i - before), min(len(doc), i + after + 1)))
        windows: list[list[int]] = []
        for start, end in sorted(spans):
            if windows and start <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], end)
            else:
                windows.append([start, end])
        return [(s, e) for s, e in windows]

    def _is_anchor(self, word: str) -> bool:
        return word.lower() in self.reaches or ("" in self.reaches and bool(_EDITION_LIKE.search(word)))

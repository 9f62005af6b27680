"""A Doc's words and each word's kinds (bit flags), with each distinct word looked at once.

Components that scan for a few kinds of words (head nouns, cue words, brackets) classify each distinct
word of a Doc once, remember the result across Docs, and get numpy vectors of flags to find the few
positions worth a Python look, instead of testing every token in Python.
"""

from __future__ import annotations

from typing import Callable

import numpy
from spacy.tokens import Doc

CACHE_SIZE = 500_000  # distinct words remembered before a cache starts over (keeps memory flat)


def word_kinds(doc: Doc, classify: Callable[[str], int], cache: dict) -> tuple[numpy.ndarray, numpy.ndarray,
                                                                            numpy.ndarray]:
    """Vectors of the Doc's token hashes, its words (objects) and each token's kinds (``classify(word)``);
    ``cache`` maps a word's hash to ``(word, kinds)`` across Docs."""
    if not len(doc):
        return numpy.zeros(0, dtype=numpy.uint64), numpy.zeros(0, dtype=object), numpy.zeros(0, dtype=numpy.int64)
    if len(cache) > CACHE_SIZE:
        cache.clear()
    orths = doc.to_array("ORTH")
    uniq, inverse = numpy.unique(orths, return_inverse=True)
    uniq = uniq.tolist()
    known = list(map(cache.get, uniq))
    if None in known:
        strings = doc.vocab.strings
        for k, orth in enumerate(uniq):
            if known[k] is None:
                word = strings[orth]
                known[k] = cache[orth] = (word, classify(word))
    table = numpy.array(known, dtype=object)[inverse.reshape(-1)]
    return orths, table[:, 0], table[:, 1].astype(numpy.int64)


def where(kinds: numpy.ndarray, kind: int) -> list[int]:
    """Indices of the tokens of ``kind`` (a flag, or several or-ed together)."""
    return numpy.flatnonzero(kinds & kind).tolist()

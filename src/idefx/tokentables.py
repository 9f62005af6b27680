"""Per-Doc and per-word engine for the rule components: a Doc's token attributes and distinct words, each
word's kinds (bit flags) worked out once, and vectors of flags in which to find the few positions worth a
Python look, so that a rule tests those positions and not every token.

Everything made per Doc (attribute arrays, distinct words, :func:`once_per_doc` values) is shared by the
components that ask for it and forgotten with the Doc; per-word caches stay :func:`bounded`.
"""

from __future__ import annotations

import operator
import weakref
from itertools import compress, count, repeat
from typing import Callable, Hashable, Iterable

import numpy
from spacy.tokens import Doc

CACHE_SIZE = 10_000  # words a per-word cache remembers before it starts over (keeps memory flat)
# Doc -> its words (below): shared by the components that read them, gone with the Doc.
_DISTINCT: "weakref.WeakKeyDictionary[Doc, tuple[numpy.ndarray, list[int], numpy.ndarray]]" = \
    weakref.WeakKeyDictionary()


# Doc -> {owner: its value for the Doc} (see once_per_doc)
_PER_DOC: "weakref.WeakKeyDictionary[Doc, dict]" = weakref.WeakKeyDictionary()
# Doc -> {attribute name: its array}: each attribute's array made once per Doc, for every component that reads it.
_ARRAYS: "weakref.WeakKeyDictionary[Doc, dict[str, numpy.ndarray]]" = weakref.WeakKeyDictionary()
# Doc -> {attribute name: its values as a list}: the same, for callers that walk the values in Python.
_LISTS: "weakref.WeakKeyDictionary[Doc, dict[str, list[int]]]" = weakref.WeakKeyDictionary()


def once_per_doc(doc: Doc, owner: object, compute: Callable[[Doc], object]):
    """``compute(doc)``, made once per Doc and ``owner`` (an object whose result it is) and shared with every
    caller that asks again, forgotten with the Doc."""
    values = _PER_DOC.setdefault(doc, {})
    if owner not in values:
        values[owner] = compute(doc)
    return values[owner]


def token_array(doc: Doc, attr: str) -> numpy.ndarray:
    """``doc.to_array(attr)`` for one attribute (by name), made once per Doc and shared: read-only."""
    arrays = _ARRAYS.get(doc)
    if arrays is None:
        arrays = _ARRAYS[doc] = {}
    array = arrays.get(attr)
    if array is None:
        array = arrays[attr] = doc.to_array(attr)
        array.flags.writeable = False
    return array


def token_list(doc: Doc, attr: str) -> list[int]:
    """:func:`token_array` as a Python list, made once per Doc and shared: do not change it."""
    lists = _LISTS.get(doc)
    if lists is None:
        lists = _LISTS[doc] = {}
    values = lists.get(attr)
    if values is None:
        values = lists[attr] = token_array(doc, attr).tolist()
    return values


def distinct_words(doc: Doc) -> tuple[numpy.ndarray, list[int], numpy.ndarray]:
    """The Doc's token hashes, its distinct hashes, and for each token the index of its hash among those."""
    entry = _DISTINCT.get(doc)
    if entry is None:
        orths = token_array(doc, "ORTH")
        uniq, inverse = numpy.unique(orths, return_inverse=True)
        entry = _DISTINCT[doc] = (orths, uniq.tolist(), inverse.reshape(-1))
    return entry


def bounded(cache: dict) -> dict:
    """``cache`` (a per-word cache), emptied first when it holds more than CACHE_SIZE words: what any number of
    documents adds to it stays bounded, and the words still in use come back at once."""
    if len(cache) > CACHE_SIZE:
        cache.clear()
    return cache


def per_word(strings, uniq: list[int], compute: Callable[[str], object], cache: dict) -> list:
    """``compute(word)`` for each distinct word hash in ``uniq`` (``strings``: the vocabulary's StringStore),
    remembered in ``cache`` (kept :func:`bounded`): only words not seen before are computed."""
    known = list(map(bounded(cache).get, uniq))
    if None in known:
        for k in true_positions(map(operator.is_, known, repeat(None))):
            orth = uniq[k]
            known[k] = cache[orth] = compute(strings[orth])
    return known


def true_positions(tests: Iterable) -> list[int]:
    """The indices of the true items of ``tests``; with ``map`` over a built-in predicate the whole scan runs
    in C, which is why the rules phrase per-word tests this way."""
    return list(compress(count(), tests))


def remembered(cache: dict, keys: list[Hashable], compute: Callable[[list[int], list[Hashable]], list]) -> list:
    """The cached value of each key; ``compute(positions, keys)`` gives the values of the keys not yet in
    ``cache`` (called once, for all of them), which are then remembered."""
    values = list(map(cache.get, keys))
    new = true_positions(map(operator.is_, values, repeat(None)))
    if new:
        new_keys = [keys[k] for k in new]
        for k, key, value in zip(new, new_keys, compute(new, new_keys)):
            values[k] = cache[key] = value
    return values


def covering(n: int, items: Iterable) -> list:
    """``n`` slots holding each item (a span or tag with Doc ``start`` and ``end``) at each token it covers,
    else None."""
    out = [None] * n
    for item in items:
        for i in range(item.start, item.end):
            out[i] = item
    return out


def where(kinds: numpy.ndarray, kind: int) -> list[int]:
    """Indices of the tokens of ``kind`` (a flag, or several or-ed together)."""
    return numpy.flatnonzero(kinds & kind).tolist()


def described_words(doc: Doc, describe: Callable[[str], tuple[str, str, int]], cache: dict) \
        -> tuple[list[str], list[str], numpy.ndarray]:
    """Each token's text, lower-case form and flags, as ``describe(word)`` gives them for each distinct word
    (remembered in ``cache``, see :func:`per_word`): the flags come as a numpy vector (uint8)."""
    _, distinct, inverse = distinct_words(doc)
    texts, lowers, word_flags = zip(*per_word(doc.vocab.strings, distinct, describe, cache))
    text = numpy.array(texts, dtype=object)[inverse].tolist()
    lower = numpy.array(lowers, dtype=object)[inverse].tolist()
    return text, lower, numpy.array(word_flags, dtype=numpy.uint8)[inverse]


def followed_by(kinds: numpy.ndarray, kind: int, next_kind: int) -> numpy.ndarray:
    """Whether each token is of ``kind`` and the token after it of ``next_kind`` (a boolean vector)."""
    out = numpy.zeros(len(kinds), dtype=bool)
    out[:-1] = (kinds[:-1] & kind).astype(bool) & (kinds[1:] & next_kind).astype(bool)
    return out


def preceded_by(kinds: numpy.ndarray, kind: int, previous_kind: int) -> numpy.ndarray:
    """Whether each token is of ``kind`` and the token before it of ``previous_kind`` (a boolean vector)."""
    out = numpy.zeros(len(kinds), dtype=bool)
    out[1:] = (kinds[1:] & kind).astype(bool) & (kinds[:-1] & previous_kind).astype(bool)
    return out

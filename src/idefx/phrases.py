"""Phrase lookup over token ids without a Doc: the matches of a spaCy PhraseMatcher, in its order.

A :class:`PhraseIndex` is a trie over token hashes (ORTH or LOWER), held in two flat dicts: its edges,
(node, token id) -> node, and the keys of the phrases ending at each node. It runs over a list of
token ids, so a caller can match a filtered token sequence (no whitespace tokens) without building a
new Doc, and it pickles as plain data that loads quickly (flat dicts of ints, not one dict per node).
Matches come out as a PhraseMatcher gives them: by start, then by length, the keys of one phrase in the
PhraseMatcher's own order (read off a PhraseMatcher once, when the index is built).
"""

from __future__ import annotations

from functools import cached_property
from itertools import compress
from typing import Iterable, Optional

import numpy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

ROOT = 0  # the trie's root node
_TABLE_BITS = 14  # a HashSet's table is indexed by at least this many low bits of a hash


class HashSet:
    """Word hashes, with the positions in a sequence of the hashes that are among them found quickly: a table
    over the low bits of the hashes (at least 8 entries per hash, so that few are taken for others) picks the
    few candidates, which a binary search settles."""

    def __init__(self, hashes: Iterable[int]):
        self.keys = numpy.array(sorted(set(hashes)), dtype=numpy.uint64)
        size = 1 << max(_TABLE_BITS, (8 * len(self.keys)).bit_length())
        self.low_bits = numpy.uint64(size - 1)
        self.table = numpy.zeros(size, dtype=bool)  # low bits -> whether a hash has them
        self.table[(self.keys & self.low_bits).astype(numpy.intp)] = True

    def positions(self, values: numpy.ndarray) -> numpy.ndarray:
        """Positions in ``values`` (hashes) of the values that are in the set."""
        maybe = numpy.flatnonzero(self.table[(values & self.low_bits).astype(numpy.intp)])
        if not len(maybe):
            return maybe
        found = values[maybe]
        at = numpy.minimum(numpy.searchsorted(self.keys, found), len(self.keys) - 1)
        return maybe[self.keys[at] == found]


class PhraseIndex:
    """Token-id phrases under match keys (hashes of key strings, as a PhraseMatcher's match ids)."""

    def __init__(self, vocab: Vocab, phrases: Iterable[tuple[str, Doc]], attr: str = "ORTH"):
        """``phrases``: (key, Doc) pairs, as given to ``PhraseMatcher.add``."""
        matcher = PhraseMatcher(vocab, attr=attr)
        sequences: dict[tuple[int, ...], Doc] = {}
        for key, doc in phrases:
            if len(doc):
                matcher.add(key, [doc])
                sequences.setdefault(tuple(doc.to_array(attr).tolist()), doc)
        self.edges: dict[tuple[int, int], int] = {}  # (node, token id) -> the node it leads to
        self.ends: dict[int, tuple[int, ...]] = {}  # node -> match keys of the phrase ending there
        for ids, doc in sequences.items():
            node = ROOT
            for token_id in ids:
                node = self.edges.setdefault((node, token_id), len(self.edges) + 1)
            self.ends[node] = tuple(m for m, s, e in matcher(doc) if s == 0 and e == len(doc))
        # first token id -> the node it leads to (the root's edges, looked up without a tuple key)
        self.roots = {token_id: child for (node, token_id), child in self.edges.items() if node == ROOT}

    @cached_property
    def _first_words(self) -> HashSet:
        """The token ids phrases start with (made when first needed)."""
        return HashSet(self.roots)

    def starts_in(self, ids: numpy.ndarray) -> list[int]:
        """The indices in the token ids ``ids`` whose token starts a phrase (for :meth:`__call__`)."""
        return self._first_words.positions(ids).tolist()

    def __call__(self, ids: list[int], starts: Optional[list[int]] = None) -> list[tuple[int, int, int]]:
        """(key, start, end) of every phrase in the token ids ``ids``; ``starts``, when given, holds (in order)
        the indices where a phrase may start (a superset of :meth:`starts_in`)."""
        edges, ends, roots, found, n = self.edges, self.ends, self.roots, [], len(ids)
        add = found.append
        if starts is None:
            starts = compress(range(n), map(roots.__contains__, ids))
        for start in starts:
            node, end = roots.get(ids[start]), start + 1
            while node is not None:
                for key in ends.get(node, ()):
                    add((key, start, end))
                if end == n:
                    break
                node = edges.get((node, ids[end]))
                end += 1
        return found

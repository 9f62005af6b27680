"""Phrase lookup over token ids without a Doc: the matches of a spaCy PhraseMatcher, in its order.

A :class:`PhraseIndex` is a trie of plain dicts keyed by token hashes (ORTH or LOWER). It runs over a
list of token ids, so a caller can match a filtered token sequence (no whitespace tokens) without
building a new Doc, and it pickles as plain data. Matches come out as a PhraseMatcher gives them: by
start, then by length, the keys of one phrase in the PhraseMatcher's own order (read off a PhraseMatcher
once, when the index is built).
"""

from __future__ import annotations

from typing import Iterable, Optional

from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

_KEYS = -1  # a trie node's entry holding the match keys of the phrase ending there (token ids are >= 0)


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
        self.trie: dict = {}
        for ids, doc in sequences.items():
            node = self.trie
            for token_id in ids:
                node = node.setdefault(token_id, {})
            node[_KEYS] = tuple(m for m, s, e in matcher(doc) if s == 0 and e == len(doc))

    def starts(self, text: str) -> bool:
        """Whether a phrase starts with the token ``text`` (its ORTH or LOWER, as the index's attribute)."""
        return get_string_id(text) in self.trie

    def __call__(self, ids: list[int], starts: Optional[list[int]] = None) -> list[tuple[int, int, int]]:
        """(key, start, end) of every phrase in the token ids ``ids``; ``starts``, when given, holds (in order)
        the indices where a phrase may start (a superset of those whose token :meth:`starts` a phrase)."""
        trie, found, n = self.trie, [], len(ids)
        if starts is None:
            starts = [i for i, token_id in enumerate(ids) if token_id in trie]
        for start in starts:
            if ids[start] not in trie:
                continue
            node, end = trie[ids[start]], start + 1
            while True:
                keys = node.get(_KEYS)
                if keys:
                    found.extend((key, start, end) for key in keys)
                if end == n:
                    break
                node = node.get(ids[end])
                if node is None:
                    break
                end += 1
        return found

"""Title vocabulary: mark the tokens of a Doc that are titles, ranks, honorifics or person cues.

``data/titles.jsonl`` holds one surface form a line with its kind: ``head`` (Minister,
Chief of General Staff), ``modifier`` (Deputy, Defense), ``rank`` (Colonel General),
``honorific`` (Mr., His Excellency) or ``cue`` (counterpart); ``stateless`` marks heads
of bodies that represent no country (Secretary-General). Matching is case-insensitive,
so lower-case titles ("defense minister") are found too.

Several components tag the same Doc (organizations, then people): the tags of the last few Docs are
kept, per vocabulary content, so a Doc is tagged once.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

KINDS = ("head", "modifier", "rank", "honorific", "cue")
_TAGGED: "OrderedDict[tuple[str, int], tuple[Doc, list, list]]" = OrderedDict()  # (vocabulary, id(doc)) -> tags
_TAGGED_KEEP = 256  # more than a pipeline batch, so every component of a batch finds its Doc here


@dataclass
class TitleTag:
    start: int
    end: int
    kinds: frozenset
    stateless: bool = False


class TitleVocabulary:
    """Longest-match tagging of title vocabulary over a Doc."""

    def __init__(self, nlp: Language, entries: list[dict]):
        self.entries = entries
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.info: dict[str, tuple[frozenset, bool]] = {}
        for entry in entries:
            key = entry["text"].lower()
            kinds, stateless = self.info.get(key, (frozenset(), False))
            self.info[key] = (kinds | {entry["kind"]}, stateless or bool(entry.get("stateless")))
        for entry in entries:
            self.matcher.add(entry["text"].lower(), [nlp.make_doc(entry["text"])])
        self.strings = nlp.vocab.strings
        self.fingerprint = hashlib.sha1(json.dumps(entries, sort_keys=True).encode("utf-8")).hexdigest()

    def tag(self, doc: Doc) -> list:
        """A list as long as the Doc: the TitleTag covering each token, or None (do not modify it).

        Longest matches win; a single capitalised-or-not word is kept only when it is
        the whole match, so "General" inside "Colonel General" is part of the rank.
        """
        return self._tagged(doc)[1]

    def tags(self, doc: Doc) -> list[TitleTag]:
        """The TitleTags of a Doc (as :meth:`tag` places them), longest first (do not modify the list)."""
        return self._tagged(doc)[0]

    def _tagged(self, doc: Doc) -> tuple[list[TitleTag], list]:
        """The Doc's TitleTags and the tag of each token, found once per Doc and vocabulary."""
        key = (self.fingerprint, id(doc))
        cached = _TAGGED.get(key)
        if cached is not None and cached[0] is doc:
            return cached[1], cached[2]
        covering: list = [None] * len(doc)
        found = []
        for match, start, end in sorted(self.matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1])):
            if any(covering[start:end]):
                continue
            kinds, stateless = self.info[self.strings[match]]
            tag = TitleTag(start, end, kinds, stateless)
            found.append(tag)
            covering[start:end] = [tag] * (end - start)
        _TAGGED[key] = (doc, found, covering)
        if len(_TAGGED) > _TAGGED_KEEP:
            _TAGGED.popitem(last=False)
        return found, covering

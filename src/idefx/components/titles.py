"""Title vocabulary: mark the tokens of a Doc that are titles, ranks, honorifics or person cues.

``data/titles.jsonl`` holds one surface form a line with its kind: ``head`` (Minister,
Chief of General Staff), ``modifier`` (Deputy, Defense), ``rank`` (Colonel General),
``honorific`` (Mr., His Excellency) or ``cue`` (counterpart); ``stateless`` marks heads
of bodies that represent no country (Secretary-General). Matching is case-insensitive,
so lower-case titles ("defense minister") are found too.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from idefx.phrases import PhraseIndex

KINDS = ("head", "modifier", "rank", "honorific", "cue")


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
        self.info: dict[str, tuple[frozenset, bool]] = {}
        for entry in entries:
            key = entry["text"].lower()
            kinds, stateless = self.info.get(key, (frozenset(), False))
            self.info[key] = (kinds | {entry["kind"]}, stateless or bool(entry.get("stateless")))
        self.matcher = PhraseIndex(nlp.vocab, [(entry["text"].lower(), nlp.make_doc(entry["text"]))
                                               for entry in entries], attr="LOWER")
        self.strings = nlp.vocab.strings

    def tag(self, doc: Doc) -> list:
        """A list as long as the Doc: the TitleTag covering each token, or None.

        Longest matches win; a single capitalised-or-not word is kept only when it is
        the whole match, so "General" inside "Colonel General" is part of the rank.
        """
        return self._select(doc)[1]

    def tags(self, doc: Doc) -> list[TitleTag]:
        """The TitleTags of a Doc (as :meth:`tag` places them), longest first."""
        return self._select(doc)[0]

    def _select(self, doc: Doc) -> tuple[list[TitleTag], list]:
        """The longest-first TitleTags of a Doc and the tag covering each token."""
        covering: list = [None] * len(doc)
        found = []
        matches = self.matcher(doc.to_array(LOWER).tolist())
        for key, start, end in sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1])):
            if any(covering[start:end]):
                continue
            kinds, stateless = self.info[self.strings[key]]
            tag = TitleTag(start, end, kinds, stateless)
            found.append(tag)
            covering[start:end] = [tag] * (end - start)
        return found, covering

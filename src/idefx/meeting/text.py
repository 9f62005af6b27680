"""What the meeting readers read from a Doc, gathered once per Doc."""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from idefx.entities import DATES, EVENTS, PLACES, VENUES
from idefx.segments import Sentence, segments


class MeetingText:
    """A Doc with its text, where its body starts, its sentences (found when first needed) and the places,
    dates, events and venues the components before found in it."""

    def __init__(self, doc: Doc, text: str, body: int, word_cache: dict[int, bool],
                 abbreviations: frozenset[str] = frozenset()):
        self.doc, self.text, self.body = doc, text, body
        self.abbreviations = abbreviations  # "hon", "lt", "maj" ...: words whose full stop ends no sentence
        self._word_cache = word_cache
        self.places = list(doc.spans[PLACES]) if PLACES in doc.spans else []
        self.dates = list(doc.spans[DATES]) if DATES in doc.spans else []
        self.events = list(doc.spans[EVENTS]) if EVENTS in doc.spans else []
        self.venues = list(doc.spans[VENUES]) if VENUES in doc.spans else []
        self.published = doc._.idefx_published

    @functools.cached_property
    def sentences(self) -> list[Sentence]:
        """The Doc's sentences, a cut after a title's abbreviation ("Hon.", "Lt.", "Maj.") before a capital on
        the same line undone: "Minister of Information, Hon. Lai Mohammed" is one sentence."""
        out: list[Sentence] = []
        for sent in segments(self.doc, self._word_cache):
            if out and self._after_abbreviation(out[-1], sent):
                out[-1] = Sentence(out[-1].start, sent.end, out[-1].start_char, sent.end_char)
            else:
                out.append(sent)
        return out

    def _after_abbreviation(self, before: Sentence, sent: Sentence) -> bool:
        doc = self.doc
        if before.end - before.start < 2 or doc[before.end - 1].text != "." or sent.start >= len(doc):
            return False
        word, first = doc[before.end - 2], doc[sent.start]
        return word.lower_ in self.abbreviations and first.is_title and not first.is_space

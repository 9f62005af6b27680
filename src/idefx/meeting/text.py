"""What the meeting readers read from a Doc, gathered once per Doc."""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from idefx.entities import DATES, EVENTS, PLACES, VENUES
from idefx.segments import Sentence, segments


class MeetingText:
    """A Doc with its text, where its body starts, its sentences (found when first needed) and the places,
    dates, events and venues the components before found in it."""

    def __init__(self, doc: Doc, text: str, body: int, word_cache: dict[int, bool]):
        self.doc, self.text, self.body = doc, text, body
        self._word_cache = word_cache
        self.places = list(doc.spans[PLACES]) if PLACES in doc.spans else []
        self.dates = list(doc.spans[DATES]) if DATES in doc.spans else []
        self.events = list(doc.spans[EVENTS]) if EVENTS in doc.spans else []
        self.venues = list(doc.spans[VENUES]) if VENUES in doc.spans else []
        self.published = doc._.idefx_published

    @functools.cached_property
    def sentences(self) -> list[Sentence]:
        return segments(self.doc, self._word_cache)

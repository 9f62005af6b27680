"""People named with no title cue, from a trained recogniser (``--model``): a name run of two words or more
is a person when the recogniser's PERSON entities cover every word of it, or when it is coordinated with
such a name ("talks between A and B", where the recogniser misses B); a one-word name only when the parse
also makes it the subject of a verb of saying or doing that people do ("“...,” Okonkwo said", "Okonkwo
thanked"), since a recogniser's lone capitalised word is as often a place or a cause ("Brexit", "Sahel"). The run has already passed
idefx's name rules (name-shaped words, not a title, country, organisation or common word); the parse
keeps out what the recogniser takes for a person among places ("Kano, Sokoto, Birnin Kebbi and Zamfara"), and a
name the recogniser reads with its possessive ("St David's Day") names a thing, not a person. The
other way round, a run that the rules would take for a person is none when the recogniser reads it whole
as a nationality ("Central Asian") or, for an acronym, as an organisation ("the PMO"). A run of capitalised
words that holds a PERSON entity of two name words or more and more besides ("attended by Bucharest Stock
Exchange Andrei Ionescu") names that person, the words before being a body's name."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from idefx.entities import COUNTRY_SPANS, MODEL_SPANS, PLACES

_PLACE_LABELS = ("GPE", "LOC", "FAC")
_POSSESSIVES = ("'s", "’s")


class ModelPeople:
    """The tokens a trained recogniser marks as a person's name (none without ``--model``)."""

    def __init__(self, doc: Doc, verbs: frozenset[str] = frozenset()):
        spans = doc.spans[MODEL_SPANS] if MODEL_SPANS in doc.spans else []
        self.parse = doc._.idefx_parse
        self.doc, self.verbs = doc, verbs  # the verbs after a speaker ("said", "told", "thanked", ...)
        self.people = [span for span in spans
                       if span.label_ == "PERSON" and not any(t.lower_ in _POSSESSIVES for t in span)]
        self.tokens = {i for span in self.people for i in range(span.start, span.end)}
        places = [s for s in spans if s.label_ in _PLACE_LABELS]
        places += [s for key in (PLACES, COUNTRY_SPANS) if key in doc.spans for s in doc.spans[key]]
        self.places = {i for span in places for i in range(span.start, span.end)} if self.tokens else set()
        # what the recogniser calls a nationality ("Central Asian") or an acronym's organisation ("PMO")
        self.not_people = {(span.start, span.end) for span in spans if span.label_ == "NORP" or (
            span.label_ == "ORG" and len(span) == 1 and span.text.isupper() and len(span.text) > 1)}

    def names(self, name_tokens: list[int]) -> bool:
        """Whether the recogniser calls this run a person (one word: only as the subject of a person's verb)."""
        start, end = name_tokens[0], name_tokens[-1] + 1
        if len(name_tokens) < 2 and not self._speaker(start):
            return False
        named = all(i in self.tokens for i in name_tokens) or self._beside_a_person(start, end)
        return named and not self._modifier(start, end) and not self._among_places(start, end)

    def part(self, name_tokens: list[int]) -> Optional[tuple[int, int]]:
        """A person the recogniser finds inside a longer run ("Moscow Sergei Lavrov"): its two or more name
        words, when the rest of the run is no part of it."""
        start, end = name_tokens[0], name_tokens[-1] + 1
        for span in self.people:
            if start <= span.start and span.end <= end and (span.start, span.end) != (start, end) \
                    and sum(1 for k in name_tokens if span.start <= k < span.end) >= 2 \
                    and not self._modifier(span.start, span.end) and not self._among_places(span.start, span.end):
                return span.start, span.end
        return None

    def _speaker(self, token: int) -> bool:
        """Whether the parse makes the word the subject of a speaker's verb ("Okonkwo said")."""
        parse = self.parse
        return (parse is not None and token in parse.heads and parse.deps[token] == "nsubj"
                and self.doc[parse.heads[token]].lower_ in self.verbs)

    def _beside_a_person(self, start: int, end: int) -> bool:
        """Whether the run is coordinated with a name the recogniser calls a person ("A and B held talks")."""
        parse = self.parse
        if parse is None or not parse.covers(start, end) or any(i in self.tokens for i in range(start, end)):
            return False
        return any(k in self.tokens and not start <= k < end for k in self._conjuncts(parse.head_of(start, end)))

    def not_a_person(self, name_tokens: list[int]) -> bool:
        """Whether the recogniser reads the whole run as a nationality, or a one-word acronym as an organisation."""
        return (name_tokens[0], name_tokens[-1] + 1) in self.not_people

    def _modifier(self, start: int, end: int) -> bool:
        """Whether the run modifies a noun after it ("the Gerald Ford carrier"): a thing's name, not a person."""
        parse = self.parse
        return parse is not None and parse.covers(start, end) and parse.deps[parse.head_of(start, end)] == "compound"

    def _among_places(self, start: int, end: int) -> bool:
        """Whether the run stands in a coordination ("A, B and C") with a place."""
        parse = self.parse
        if parse is None or not parse.covers(start, end):
            return False
        return any(k in self.places for k in self._conjuncts(parse.head_of(start, end)) if not start <= k < end)

    def _conjuncts(self, head: int) -> set[int]:
        """The heads of the phrases coordinated with ``head``'s ("A, B and C"), ``head`` among them."""
        parse = self.parse
        while parse.deps.get(head) == "conj" and parse.heads[head] != head:
            head = parse.heads[head]  # the first conjunct
        group, todo = set(), [head]
        while todo:
            token = todo.pop()
            group.add(token)
            todo.extend(k for k in parse.children(token) if parse.deps.get(k) == "conj")
        return group

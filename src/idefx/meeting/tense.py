"""Whether a trigger reports a meeting held: not one in the future, wished, negated, asked for, spoken of in
general, still to come where it is named, or planned by its predicate; nor a verb trigger used as a noun."""

from __future__ import annotations

from spacy.tokens import Doc

from idefx.matchindex import Match, MatchIndex
from idefx.meeting.patterns import MeetingPatterns

JOURNEY_REACH = 15  # tokens before "to meet" where a journey ("travelled to X to meet") is looked for
NOUN_PHRASE_LEAD = 4  # lower-case words before a meeting noun ("the first bilateral") searched for a preposition
_ADVERBS_BEFORE_TRIGGER = ("also", "then", "later", "again", "soon")
_PREPOSITIONS = ("during", "at", "in", "after", "before", "following", "on", "from", "of", "since", "to", "ahead")
_AUXILIARIES = ("is", "are", "was", "were", "be", "been", "being")


def _markup(text: str) -> bool:
    """Emphasis markup ("*", "**", "_"): no word, so "to* *Meet with" is "to meet with"."""
    return bool(text) and set(text) <= set("*_")


class Tense:
    """Tense and modality of the triggers of one Doc."""

    def __init__(self, doc: Doc, patterns: MeetingPatterns, cues: MatchIndex):
        self.doc, self.patterns, self.cues = doc, patterns, cues

    def held(self, trigger: Match, stop: int) -> bool:
        """Whether ``trigger`` (its clause ending at ``stop``) reports a meeting that took place."""
        return not (self._unreal(trigger) or self._prospective(trigger) or self._sought(trigger)
                    or self._noun(trigger) or self._planned(trigger, stop))

    def _unreal(self, trigger: Match) -> bool:
        """A trigger in the future, a wish or negated ("is due to meet", "will hold talks", "look forward to
        meeting", "has not met", "couldn't have a meeting")."""
        doc = self.doc
        i = trigger.start - 1
        while i >= 0 and (doc[i].is_space or doc[i].lower_ in _ADVERBS_BEFORE_TRIGGER or _markup(doc[i].text)):
            i -= 1
        if i < 0 or doc[i].lower_ not in self.patterns.word_list("unreal"):
            return False
        return not (doc[i].lower_ == "to" and self._after_journey(i))

    def _sought(self, trigger: Match) -> bool:
        """A meeting asked for or spoken of in general, not one held: "proposed a meeting with", "called for
        talks with", "ready for talks with", "holds such meetings with"."""
        doc, words = self.doc, self.patterns.word_list("sought")
        lead = doc[max(0, trigger.start - 1):trigger.end]
        if any(t.lower_ in self.patterns.word_list("generic") for t in lead):
            return True
        if doc[trigger.start].lower_ not in self.patterns.word_list("meeting_nouns"):
            return False
        i = trigger.start - 1
        while i >= 0 and trigger.start - i <= NOUN_PHRASE_LEAD and (doc[i].is_space or doc[i].is_alpha
                                                                    and doc[i].is_lower and doc[i].lower_ not in words):
            if doc[i].lower_ == "for":
                return i > 0 and doc[i - 1].lower_ in words
            i -= 1
        return i >= 0 and doc[i].lower_ in words

    def _noun(self, trigger: Match) -> bool:
        """A verb trigger used as a noun after a determiner or a preposition ("the exchange of visits", "their
        visits to Oslo", "the hosts"): it names no meeting."""
        if not self.patterns.entry(trigger).get("verb_form"):
            return False
        i = trigger.start - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        return i >= 0 and self.doc[i].lower_ in self.patterns.word_list("noun_lead")

    def _prospective(self, trigger: Match) -> bool:
        """A trigger that a phrase of anticipation governs ("ahead of their talks", "prior to a meeting with"):
        the meeting is still to come where it is named."""
        for lead in self.cues.within("prospective", max(0, trigger.start - NOUN_PHRASE_LEAD), trigger.start):
            if all(t.is_alpha and t.is_lower for t in self.doc[lead.end:trigger.start]):
                return True
        return False

    def _planned(self, trigger: Match, stop: int) -> bool:
        """A meeting noun whose predicate, before ``stop``, puts the meeting ahead ("talks between A and B are
        scheduled for Friday", "A's meeting with B will take place"); not when the noun is inside a phrase
        of time or place ("during the talks with B, A said a summit will be held"), whose predicate is another's."""
        if self.doc[trigger.start].lower_ not in self.patterns.word_list("meeting_nouns") or \
                not self.cues.within("planned", trigger.end, stop):
            return False
        for token in reversed(self.doc[max(0, trigger.start - NOUN_PHRASE_LEAD):trigger.start]):
            if token.lower_ in _PREPOSITIONS or token.lower_ in _AUXILIARIES:
                return False  # inside a phrase of time or place, or a verb ("has been meeting with")
            if not (token.is_alpha and token.is_lower):
                break
        return True

    def _after_journey(self, to: int) -> bool:
        """"travelled to Mexico City to meet with": the purpose of a journey made, not a plan."""
        unreal, travel = self.patterns.word_list("unreal"), self.patterns.word_list("travel")
        for token in reversed(self.doc[max(0, to - JOURNEY_REACH):to]):
            if token.lower_ in travel:
                return True
            if token.lower_ in unreal and token.lower_ != "to" or token.text in (".", ";", "!", "?"):
                return False
        return False

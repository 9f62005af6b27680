"""Whether a text reports an occasion at all: a document that lists people (nominations, appointments,
collected reactions) reports none, and a trigger word used in a construction that describes, receives or
announces something ("was met with criticism", "received a degree", "the council is co-chaired by",
"will be meeting") reports none; a place, region or firm name is nobody who meets; a one-person meeting
repeating an earlier one's participant is that meeting. The cue words live in ``occasion_cues.jsonl``."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span

from idefx.matchindex import Match, MatchIndex
from idefx.meeting.draft import MeetingDraft

_HYPHENS = ("-", "\u2011")
NAMING_REACH = 6  # words before "called" in which "a"/"an" opens the noun phrase it names
URGED_REACH = 10  # words after "called on" in which an appeal's "to <verb>" is looked for
SPEECH_REACH = 12  # words before "welcomed" searched for a speech ("In his remarks at the opening session,")
RECEIVED_REACH = 4  # words after "received" in which a guest is named ("received the visiting Azerbaijani minister")
_WORD = re.compile(r"[\w'\-]+")
OFFICE_REACH = 6  # words after "co-chairs" searched for the copula that names the office holders
AHEAD_REACH = 12  # words before a trigger searched for the future predicate that governs it
RELATIVE_REACH = 40  # the same for a participle after a comma ("..., hosted by"), which hangs on the main verb


class OccasionCues:
    """The cue words by type, and what they answer: a listing document, a trigger that is no occasion, a
    title's meeting still ahead, a mention that names nobody."""

    def __init__(self, entries: list[dict]):
        self.words: dict[str, frozenset[str]] = {}
        self.listing_words: set[str] = set()
        self.listing_pairs: list[tuple[frozenset[str], frozenset[str]]] = []
        self.listing_phrases: list[str] = []
        for entry in entries:
            words = frozenset(entry.get("words", ()))
            if entry["type"] != "listing_title":
                self.words[entry["type"]] = self.words.get(entry["type"], frozenset()) | words
            elif "with" in entry:
                self.listing_pairs.append((words, frozenset(entry["with"])))
            else:
                self.listing_words |= words
                self.listing_phrases.extend(entry.get("phrases", ()))

    def word_list(self, kind: str) -> frozenset[str]:
        return self.words.get(kind, frozenset())

    def listing(self, doc: Doc) -> bool:
        """A title announcing people (nominees, appointees, a delegation) or collecting what others said: the
        body describes people's careers or quotes them, it reports no meeting of theirs."""
        source = doc._.idefx_source or {}
        title = source.get("title") or (source.get("front_matter") or {}).get("title")
        if not isinstance(title, str) or not title.strip():
            return False
        lowered = " ".join(title.lower().split())
        words = set(_WORD.findall(lowered))
        if words & self.listing_words or any(p in lowered for p in self.listing_phrases):
            return True
        return any(words & verbs and words & nouns for verbs, nouns in self.listing_pairs)

    def screen(self, doc: Doc, cues: MatchIndex) -> MatchIndex:
        """``cues`` with the triggers that report no occasion turned into breaks: they report no meeting, but
        still end the clause of a trigger before them ("A, who met B, will be meeting C": C is not met)."""
        triggers = cues.all("trigger")
        dropped = [t for t in triggers if self._no_occasion(doc, t)]
        if not dropped:
            return cues
        by_kind = dict(cues.by_kind)
        kept = [t for t in triggers if t not in dropped]
        if kept:
            by_kind["trigger"] = kept
        else:
            del by_kind["trigger"]
        by_kind["break"] = sorted(cues.all("break") + dropped)
        return MatchIndex(by_kind)

    def _no_occasion(self, doc: Doc, trigger: Match) -> bool:
        start = trigger.start
        while start >= 2 and doc[start - 1].text in _HYPHENS and doc[start - 2].is_alpha:
            start -= 2  # the tail of a compound ("hosted" of "co-hosted") is read as the compound
        first, last = _first_word(doc, start)
        before = self._before(doc, start)
        after = last + 1 if last + 1 < len(doc) else None
        if first in ("met", "meet", "meets") and before is not None and doc[before].lower_ in self.word_list("be_form"):
            # "was met with protests", "will be met with a response": the passive idiom, not a meeting
            return after is not None and doc[after].lower_ == "with"
        if first.endswith("ing") and before is not None and doc[before].lower_ == "be":
            modal = self._before(doc, before)
            if modal is not None and doc[modal].lower_ in self.word_list("future_lead"):
                return True  # "will be meeting with": ahead
        if first in self.word_list("chair_word") and after is not None and doc[after].lower_ == "by":
            # "the task force is co-chaired by A and B", "a roundtable, co-chaired by A": who leads a body
            if before is not None and not doc[before].is_alpha:
                # a reduced relative: about an occasion only after one ("the talks, co-chaired by A and B,")
                noun = self._before(doc, before)
                return noun is None or doc[noun].text not in self.word_list("occasion_noun")
            return before is None or doc[before].lower_ in self.word_list("standing_lead")
        if first in self.word_list("chair_noun"):
            # "the two co-chairs of the commission are A and B": an office, not an occasion
            return any(t.lower_ in self.word_list("be_form") for t in doc[last + 1:last + 1 + OFFICE_REACH])
        if first.startswith(("receiv", "welcom")) and self._thing_received(doc, last + 1):
            return True
        if first.startswith("welcom") and self._in_speech(doc, start):
            return True  # "In his opening remarks, A welcomed B and C": greeting an audience
        if first.startswith("receiv") and after is not None and self._nobody_received(doc, last + 1):
            return True
        if first in self.word_list("call_on_word") and self._naming(doc, start):
            return True
        if first in self.word_list("call_on_word") and after is not None and doc[after].lower_ in ("on", "upon") \
                and self._urged(doc, after + 1):
            return True
        return self._ahead(doc, start, last)

    def _naming(self, doc: Doc, at: int) -> bool:
        """"a new development project called SURGES", "an initiative called X": "called" names a thing an
        indefinite noun phrase introduces; nobody is phoned."""
        i = at - 1
        while i >= 0 and at - i <= NAMING_REACH and (doc[i].is_space or doc[i].is_alpha and doc[i].is_lower):
            if doc[i].lower_ in ("a", "an"):
                return i < at - 1
            i -= 1
        return False

    def _urged(self, doc: Doc, start: int) -> bool:
        """"called on Congress to repeal the law": an appeal, not a courtesy call ("called on the President at
        the palace", "called on him to discuss the visit"): its object is followed by "to" and a verb of no
        meeting before any word of place or time."""
        for i in range(start, min(start + URGED_REACH, len(doc) - 1)):
            low = doc[i].lower_
            if low in self.word_list("call_setting"):
                return False
            if low == "to" and doc[i + 1].is_lower and doc[i + 1].is_alpha:
                return doc[i + 1].lower_ not in self.word_list("call_purpose")
        return False

    def announced(self, doc: Doc, draft: MeetingDraft) -> bool:
        """The sentence that a title's meeting rests on announces it ("President A will welcome B to the
        capital on May 3", "A will meet virtually with B"): the title names a meeting still ahead."""
        if not draft.evidence:
            return False
        start, end = draft.evidence[0]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        modals, verbs = self.word_list("ahead_mark"), self.word_list("occasion_verb")
        for token in span:
            if token.lower_ in modals:
                nxt = token.i + 1
                while nxt < span.end and (doc[nxt].is_space or doc[nxt].lower_.endswith("ly")
                                          or doc[nxt].lower_ in ("also", "then", "now", "be", "to")):
                    nxt += 1
                if nxt < span.end and doc[nxt].lower_ in verbs:
                    return True
        return False

    @staticmethod
    def _before(doc: Doc, index: int) -> Optional[int]:
        """The word before ``index``, past adverbs ("was quickly met", "will also be meeting")."""
        i = index - 1
        while i >= 0 and (doc[i].is_space or doc[i].lower_.endswith("ly") or doc[i].lower_ in ("also", "then", "now", "not")):
            i -= 1
        return i if i >= 0 else None

    def _ahead(self, doc: Doc, start: int, last: int) -> bool:
        """A future or hoped-for predicate governs the trigger from earlier in its clause ("will host X for a
        bilateral meeting", "will participate in the Quad leaders' meeting with", "looks forward to
        welcoming X"); a clause boundary or a word placing the meeting in the past ends the search."""
        stops, marks = self.word_list("clause_stop"), self.word_list("ahead_mark")
        reach = AHEAD_REACH
        if start > 0 and doc[start - 1].text == "," and last + 1 < len(doc) and doc[last + 1].lower_ == "by":
            # "will attend the summit in Sydney with A and B, hosted by C": the participle takes the tense
            # of the clause it hangs on, however long its list
            stops, reach = stops - self.word_list("list_joiner"), RELATIVE_REACH
        for i in range(start - 1, max(-1, start - reach), -1):
            word = doc[i].lower_
            if word in stops or doc[i].text in (".", ";", ":", "!", "?", "(", "—"):
                return False
            if word in marks:
                return True
        return False

    def _in_speech(self, doc: Doc, start: int) -> bool:
        """Whether the words of the sentence before ``start`` name a speech ("In her opening remarks,")."""
        for token in reversed(doc[max(0, start - SPEECH_REACH):start]):
            if token.text in (".", "!", "?", ";") or "\n" in token.text:
                return False
            if token.lower_ in self.word_list("speech_noun"):
                return True
        return False

    def _thing_received(self, doc: Doc, start: int) -> bool:
        """"received a B.A. from", "received numerous awards", "welcomed the announcement": the object is a
        thing, not a guest."""
        i = start
        while i < len(doc) and (doc[i].is_space or doc[i].lower_ in self.word_list("object_lead")):
            i += 1
        return i < len(doc) and doc[i].lower_ in self.word_list("received_thing")

    def _nobody_received(self, doc: Doc, start: int) -> bool:
        """"patients receive correct diagnoses", "schools typically receive annually": what follows "receive"
        names no one (no capitalised word, no word for a guest within a few words): a thing is received."""
        guests, leads = self.word_list("guest_word"), self.word_list("object_lead")
        i, seen = start, 0
        while i < len(doc) and seen < RECEIVED_REACH:
            token = doc[i]
            if token.is_title or token.is_upper or token.lower_ in guests:
                return False
            if not (token.is_alpha or token.is_space or token.text in _HYPHENS):
                return True
            seen += token.is_alpha and token.lower_ not in leads
            i += 1
        return True

    def not_a_person(self, doc: Doc, mention: Span) -> bool:
        """A name-like mention that names a place, region or firm ("Southern District", "East Coast", the
        "Westfuller" of "Westfuller Advisors"): no one who can meet."""
        words = [t.text for t in mention if not t.is_space]
        if not words:
            return False
        heads = self.word_list("not_person_word")
        if words[-1] in heads or (len(words) <= 2 and words[0] in self.word_list("compass_word")):
            return True
        following = mention.end
        while following < len(doc) and (doc[following].is_space or doc[following].text in _HYPHENS
                                        or doc[following - 1].text in _HYPHENS and doc[following].is_title):
            following += 1  # "the Biden-Harris Administration": the pair names the administration
        return following < len(doc) and doc[following].text in heads and doc[following].is_title


def lone_repeats(drafts: list[MeetingDraft], mentions: list[Span]) -> list[MeetingDraft]:
    """A one-person meeting whose participant is in a meeting of an earlier sentence and is not named in its
    own sentence ("They exchanged views on ...", "He welcomed ..." after the call was reported) is that
    meeting again: its evidence joins the earlier one. ``mentions``: the Doc's people mentions."""
    out: list[MeetingDraft] = []
    for draft in drafts:
        earlier = None
        if draft.valid and len(draft.participants) == 1 and not _named_in(draft, mentions):
            earlier = next((d for d in out if d.valid and draft.participants[0] in d.participants
                            and d.evidence[:1] != draft.evidence[:1]), None)
        if earlier is None:
            out.append(draft)
        else:
            earlier.evidence.extend(e for e in draft.evidence if e not in earlier.evidence)
    return out


def _named_in(draft: MeetingDraft, mentions: list[Span]) -> bool:
    """Whether the draft's one participant is named in its evidence."""
    person = str(draft.participants[0])
    return any(m.kb_id_ == person and start <= m.start_char and m.end_char <= end
               for start, end in draft.evidence for m in mentions)


def _first_word(doc: Doc, start: int) -> tuple[str, int]:
    """The lower-case word at ``start``, a hyphenated compound whole ("co-chaired"), and its last token."""
    word, last = doc[start].lower_, start
    while last + 2 < len(doc) and doc[last + 1].text in _HYPHENS and doc[last + 2].is_alpha:
        word, last = f"{word}-{doc[last + 2].lower_}", last + 2
    return word, last

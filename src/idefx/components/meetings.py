"""The ``idefx_meetings`` component: link the people found in a text into meeting records.

Sentence by sentence, trigger phrases from ``meeting_patterns.jsonl`` ("met with", "held talks", "received",
"paid a visit to", "had a phone call with", ...) split a sentence into a subject side and an object side;
the named people on each side are the participants. Participant lists and a readout's title add meetings;
date, place, venue and event come from the meeting's clause, its trip, the meeting before, else the whole
text. The rules live in ``idefx.meeting`` (see docs/ARCHITECTURE_MEETINGS.md); this module wires them.
Runs after the people finder, ``idefx_places`` and ``idefx_dates``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from idefx.components.batching import BatchComponent
from idefx.entities import PEOPLE_SPANS, doc_text
from idefx.layout import body_start
from idefx.meeting.clauses import ClauseReader
from idefx.meeting.draft import MeetingDraft, same_sentence
from idefx.home import government_country
from idefx.meeting.home import add_home_party
from idefx.meeting.occasion import OccasionCues, lone_repeats
from idefx.meeting.lists import ParticipantLists, bullet_lines, in_list
from idefx.meeting.participants import Participants, person_mentions
from idefx.meeting.patterns import MeetingPatterns
from idefx.meeting.places import PlacePhrases
from idefx.meeting.presence import absent
from idefx.meeting.readout import ReadoutTitle
from idefx.meeting.setting import Setting, Trip
from idefx.meeting.sides import Sides, one_per_counterpart, repeated_meeting, told_alone
from idefx.meeting.text import MeetingText
from idefx.resources import optional_jsonl, read_jsonl

SENTENCE_KINDS = ("trigger", "attendance", "meeting_anaphor", "plural_anaphor", "trip", "group_head",
                  "talk_verb")  # the matches a sentence is looked at for


@Language.factory("idefx_meetings")
def make_meetings(nlp: Language, name: str) -> "MeetingFinder":
    finder = MeetingFinder(nlp, name)
    finder.add_patterns(read_jsonl("meeting_patterns.jsonl"), optional_jsonl("events.jsonl"),
                        optional_jsonl("venues.jsonl"))
    return finder


class MeetingFinder(BatchComponent):
    """Fill ``doc._.idefx_meetings`` with :class:`MeetingEntity` items."""

    def __init__(self, nlp: Language, name: str = "idefx_meetings"):
        self.nlp, self.name = nlp, name
        self.patterns: list[dict] = []
        self.events: list[dict] = []
        self.venues: list[dict] = []
        self.occasions = OccasionCues(optional_jsonl("occasion_cues.jsonl"))
        self._build()

    def add_patterns(self, patterns: list[dict], events: list[dict], venues: list[dict]) -> None:
        self.patterns.extend(patterns)
        self.events.extend(events)
        self.venues.extend(venues)
        self._build()

    def _build(self) -> None:
        self.compiled = MeetingPatterns(self.nlp, self.patterns, self.events, self.venues)
        self.sentence_words: dict[int, bool] = {}  # word hash -> whether segments counts it a word

    def to_disk(self, path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "patterns.json").write_text(json.dumps({"patterns": self.patterns, "events": self.events,
                                                        "venues": self.venues}),
                                            encoding="utf-8")

    def from_disk(self, path, exclude=tuple()) -> "MeetingFinder":
        data = json.loads((Path(path) / "patterns.json").read_text(encoding="utf-8"))
        self.patterns, self.events, self.venues = data["patterns"], data["events"], data["venues"]
        self._build()
        return self

    def __call__(self, doc: Doc) -> Doc:
        doc._.idefx_meetings = self._meetings(doc)
        return doc

    def _meetings(self, doc: Doc) -> list:
        people = doc._.idefx_people or []
        if not people or PEOPLE_SPANS not in doc.spans or not len(doc.spans[PEOPLE_SPANS]):
            return []
        patterns = self.compiled
        if self.occasions.listing(doc):
            return []  # nominations, appointments, collected reactions: careers and quotes, no meeting
        cues = self.occasions.screen(doc, patterns.find(doc))
        text = doc_text(doc)
        body = body_start(text)
        reported = cues.has("trigger") or cues.has("attendance")
        if not reported and next(bullet_lines(text, body), None) is None and \
                patterns.cued_title(doc) is None:
            return []  # no sentence, participant list or title to report a meeting
        meeting_text = MeetingText(doc, text, body, self.sentence_words,
                                   frozenset(patterns.word_list("title_abbreviation")))
        mentions = person_mentions(doc, meeting_text)
        gone = absent(doc, mentions, cues)  # named, but not at the meeting: an inviter, a message's sender
        named = [m for m in mentions if not self.occasions.not_a_person(doc, m)]
        mentions = [m for m in named if m.start not in gone]
        if not mentions:
            return []
        places = PlacePhrases(meeting_text, patterns.word_list("place_preposition"), patterns.word_list("place_noun"))
        # a role reference elsewhere ("the meeting with the Speaker") can name the inviter too
        participants = Participants(meeting_text, people, mentions, cues, patterns, places, named)
        setting = Setting(meeting_text, places, cues, patterns)
        trip = Trip(meeting_text, places, cues)
        sides = Sides(places, participants, patterns.word_list("role_words"))
        clauses = ClauseReader(patterns, cues, places, participants, sides, setting, trip)
        lists = ParticipantLists(meeting_text, patterns.word_list("list_heading"), participants, setting,
                                 (patterns.word_list("list_inclusion"), patterns.word_list("list_people_noun")))

        drafts: list[MeetingDraft] = []
        blocks = lists.find()
        # with no trigger a sentence adds no meeting, nor anything that a later one uses
        for sent in meeting_text.sentences if reported else ():
            if not cues.any_starts_within(SENTENCE_KINDS, sent.start, sent.end):
                continue  # nothing to note or report here
            if sent.end_char <= body or in_list(blocks, sent.start_char):
                continue
            trip.note(sent)
            if drafts and cues.within("plural_anaphor", sent.start, sent.end):
                drafts = self._several(drafts, participants)
            for draft in clauses.read(sent, drafts):
                earlier = repeated_meeting(draft, drafts)
                if earlier is not None and told_alone(draft, earlier):
                    # "held meetings with A, B and C" ... "the meeting with A": the summary was one per counterpart
                    at = drafts.index(earlier)
                    drafts[at:at + 1] = one_per_counterpart(earlier, participants.country_of)
                    earlier = repeated_meeting(draft, drafts)
                if earlier is None:
                    drafts.append(draft)
                else:
                    earlier.absorb(draft)
        for block in blocks:
            lists.attach(block, drafts)
        if not any(d.valid for d in drafts):
            titled = ReadoutTitle(patterns, meeting_text, people, participants, setting).meetings(doc)
            drafts.extend(d for d in titled if not self.occasions.announced(doc, d))
        return self._records(doc, drafts, setting, participants)

    @staticmethod
    def _several(drafts: list[MeetingDraft], participants: Participants) -> list[MeetingDraft]:
        """"These meetings": the one meeting the sentence before reported with several counterparts was
        one per counterpart."""
        if len(same_sentence(drafts)) != 1:
            return drafts
        return drafts[:-1] + one_per_counterpart(drafts[-1], participants.country_of)

    def _records(self, doc: Doc, drafts: list[MeetingDraft], setting: Setting, participants: Participants) -> list:
        """The valid drafts, completed (setting left open, home country), as records."""
        home: Optional[str] = None
        previous: Optional[MeetingDraft] = None
        out = []
        for draft in lone_repeats(drafts, list(doc.spans[PEOPLE_SPANS])):
            if not draft.valid:
                continue
            setting.complete(draft, previous)
            if previous is None:
                home = government_country(doc, self.compiled.word_list("government_host"))
            add_home_party(draft, home, participants.country_of)
            previous = draft
            out.append(draft.record())
        return out

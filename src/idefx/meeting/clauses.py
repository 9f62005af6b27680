"""Reading a sentence that reports a meeting: its triggers ("met with", "held talks", "received"), the
clause each governs (cut at break words), who is on the subject side and who on the object side, hosts and
guests, the mode (in person, call, video) and the topic."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from idefx.matchindex import Match, MatchIndex
from idefx.meeting.draft import MeetingDraft
from idefx.meeting.participants import Participants, person_of, sides_named_after
from idefx.meeting.patterns import MeetingPatterns
from idefx.meeting.places import PlacePhrases
from idefx.meeting.setting import Setting, Trip
from idefx.meeting.sides import Sides, apart_after_one_reported
from idefx.meeting.syntax import ClauseStructure
from idefx.meeting.tense import Tense
from idefx.segments import Sentence

TOPIC_TOKENS = 12  # the longest topic taken after "to discuss"
_ADVERBS_BEFORE_TRIGGER = ("also", "then", "later", "again", "soon")
NOUN_PHRASE_LEAD = 4  # lower-case words before a meeting noun ("the first bilateral") searched for a preposition
_AUXILIARIES = ("is", "are", "was", "were", "be", "been", "being")
_PLURAL_NOUNS = ("meetings", "calls", "conversations")  # a trigger that reports several occasions
_CLAUSE_JOINS = (",", "and", ";")  # what joins a later trigger's clause to the one before
_PASSIVE_ROLES = {"subject_host": "subject_guest", "subject_guest": "subject_host"}


class ClauseReader:
    """Meetings from the trigger clauses of one sentence."""

    def __init__(self, patterns: MeetingPatterns, cues: MatchIndex, places: PlacePhrases,
                 participants: Participants, sides: Sides, setting: Setting, trip: Trip):
        self.doc = places.doc
        self.patterns, self.cues, self.places = patterns, cues, places
        self.participants, self.sides, self.setting, self.trip = participants, sides, setting, trip
        self.structure = ClauseStructure(self.doc, participants)  # the parse, with --model
        self.tense = Tense(self.doc, patterns, cues)

    def read(self, sent: Sentence, drafts: list[MeetingDraft]) -> list[MeetingDraft]:
        """The meetings ``sent`` reports; a sentence without a trigger may add people or a setting to the
        meetings of the sentence before (``drafts``: the meetings so far)."""
        attendance = self.cues.within("attendance", sent.start, sent.end)
        placed = filter_spans([t for t in self.cues.within("trigger", sent.start, sent.end)
                               if self._placed(t, sent, attendance)])
        triggers = [t for i, t in enumerate(placed)
                    if self.tense.held(t, placed[i + 1].start if i + 1 < len(placed) else sent.end)]
        if not triggers and not drafts:
            attended = self._attended(sent)
            if attended:
                return attended
        if not triggers:
            self.participants.attend(sent, drafts)
            self.setting.about_last(sent, drafts)
            sides_named_after(self.participants, sent, drafts)
            return self.participants.side_heads(sent, drafts)
        breaks = sorted(s.start for s in self.cues.within("break", sent.start, sent.end))
        # a purpose ("to reaffirm ...", "to thank ...") ends the clause: its words are the topic, not the setting
        purposes = [s.start for s in self.cues.within("purpose", sent.start, sent.end)]
        anaphors = self.cues.within("anaphor", sent.start, sent.end)
        subject_end = triggers[0].start
        # "A looks forward to meeting B, as part of a series of meetings with ...": a trigger not held, after
        # the subject, ends the subject side (B is its object, not a subject of the trigger after it)
        screened = [b for b in self.cues.within("break", sent.start, subject_end) if b.label_.startswith("trigger|")]
        dropped = sorted(t.start for t in placed + screened if t.start < subject_end and t not in triggers)
        if dropped and self.participants.people_in(sent.start, dropped[0]):
            subject_end = dropped[0]
        owners = {t.start: self._possessor(t) for t in triggers}  # "Biden's meeting with X": Biden's side
        subjects = self._subjects(sent, subject_end, anaphors, drafts, self.patterns.entry(triggers[0]))
        subjects = self.structure.keep(subjects, triggers[0], sent.start, subject_end)
        # "In addition to the meeting with X, A also met Y": A holds both
        before_main = fronted(sent, triggers[0], self.participants, self.cues, self.patterns.word_list("fronting"))
        if before_main is not None:
            subjects = before_main[1]
        subject_parties = self.sides.parties(subjects, sent.start, subject_end)
        distributive = bool(self.cues.within("distributive", sent.start, sent.end))
        out = []
        for trigger in triggers:
            entry = self.patterns.entry(trigger)
            # the clause ends at the next trigger, also one dropped ("A, who met B, is to meet C": C is not met)
            stop = min([t.start for t in placed if t.start > trigger.start] +
                       [owner.start for at, owner in owners.items() if owner is not None and at > trigger.start] +
                       [sent.end])
            stop = min([b for b in breaks + purposes if b >= trigger.end] + [stop])
            if before_main is not None and trigger is triggers[0]:
                stop = min(stop, before_main[0])
            region_start = max([b for b in breaks if b < trigger.start] + [sent.start])
            setting_start = self._own_clause(region_start, trigger, placed)
            # "D and E chaired the meeting for Mexico": the meeting reported before, with more of its people
            refers_to: Optional[MeetingDraft] = drafts[-1] if drafts and self._meeting_before(trigger, stop) else None
            joint = self._joint(region_start, stop, placed, breaks)
            together = joint or bool(entry.get("objects_only"))  # "talks between A and B": one meeting
            groups = [(self.structure.keep(objects, trigger, trigger.end, stop), parties) for objects, parties
                      in self.sides.object_groups(trigger.end, stop, subject_parties, distributive, together)]
            if not groups:
                refs = [a for a in anaphors if trigger.end <= a.start < stop
                        and self.patterns.entry(a)["refers"] != "subject"]
                if refs:
                    objects, refers_to = self.participants.resolve(refs[0], drafts, tuple(subjects))
                    groups = [(objects, [])]
                else:
                    groups = [([], [])]
            if not any(objects for objects, _ in groups):
                groups = self._role_holder(anaphors, trigger.end, stop) or \
                    self._counterparts(groups, trigger.end, stop, subjects) or groups
            elif len(groups) == 1:  # "the meeting between the President and X": the President too
                objects, codes = groups[0]
                refs = [a for a in anaphors if trigger.end <= a.start < stop
                        and self.patterns.entry(a)["id"] == "subject_title"]
                groups = [(objects + self.participants.roles.beside_names(refs, subjects + objects), codes)]
            plural = any(t.lower_ in _PLURAL_NOUNS for t in self.doc[trigger.start:trigger.end])
            if len(groups) == 1 and not together and plural:
                groups = apart_after_one_reported(groups[0], subjects, drafts, self.participants.country_of) or groups
            several = plural and not together and len(groups) == 1 and len(set(groups[0][0]) - set(subjects)) >= 2
            # a visitor met on the object side ("X, receiving the WHO Director General") brings their companions
            groups = [(self.participants.with_companions(objects), codes) for objects, codes in groups]
            trip_countries = self.trip.countries()
            if len(groups) == 1 and not joint and len(trip_countries) > 1:
                groups = self.sides.split_by_trip(groups[0], trip_countries)
            owner = owners[trigger.start]
            earlier = self._earlier(trigger, placed, sent.start, stop)
            sides = [person_of(owner)] if owner is not None else subjects
            for objects, object_parties in groups:
                draft = MeetingDraft(subjects=list(sides), earlier=earlier, several=several)
                draft.participants = list(dict.fromkeys(sides + objects))
                roles = self._voice(trigger, entry["roles"])
                if roles == "subject_host":
                    draft.hosts, draft.guests = list(sides), list(objects)
                elif roles == "subject_guest":
                    draft.hosts, draft.guests = list(objects), list(sides)
                    draft.pending = not objects
                elif refers_to is not None and objects and set(objects) <= set(refers_to.guests):
                    draft.hosts, draft.guests = list(sides), list(objects)
                own_parties = subject_parties if owner is None else self.participants.countries(sides)
                parties = own_parties + [self.participants.country_of(p) for p in objects] + object_parties
                draft.parties = list(dict.fromkeys(p for p in parties if p))
                draft.mode = self._clause_mode(entry.get("mode"), region_start, stop) or self._mode(sent)
                if entry.get("weak_mode") and (self.cues.within("in_person", region_start, stop)
                                               or any(self.places.location(region_start, stop))):
                    draft.mode = "in_person"
                draft.evidence = [(sent.start_char, sent.end_char)]
                self.setting.from_clause(draft, setting_start, stop, sent)
                self.trip.place(draft, {self.participants.country_of(p) for p in objects})
                draft.topic = self._topic(sent)
                if refers_to is not None:
                    refers_to.absorb(draft)
                    refers_to.pending = False
                    continue
                out.append(draft)
        return out

    def _attended(self, sent: Sentence) -> list[MeetingDraft]:
        """"The meeting was attended by A, B and C", "A and B took part in the session", "During their talks, A
        and B agreed", with no meeting reported before: the people named met. Not a companion ("joined by")
        nor an opener inside the sentence."""
        nouns = self.patterns.word_list("gathering_nouns")
        for cue in self.cues.within("attendance", sent.start, sent.end):
            entry = self.patterns.entry(cue)
            if entry.get("opener") and cue.start > sent.start + 1 or entry.get("companion") or \
                    not any(t.lower_ in nouns for t in self.doc[sent.start:cue.end]):
                continue
            people = self.participants.attendees(sent, cue)
            if len(people) < 2:
                continue
            draft = MeetingDraft(participants=people, parties=self.participants.countries(people),
                                 mode=self._mode(sent), evidence=[(sent.start_char, sent.end_char)])
            self.setting.from_clause(draft, sent.start, sent.end, sent)
            return [draft]
        return []

    def _subjects(self, sent: Sentence, subject_end: int, anaphors: list[Match],
                  drafts: list[MeetingDraft], trigger: dict) -> list[int]:
        """The subject side: the people named before the first trigger, else whom a reference there stands
        for, else the sentence's quoted source; with the delegation they stand for and the companions they
        brought. None for a trigger naming both sides after it ("talks between A and B"); the speaker too
        for a trigger after a verb of saying ("A told B during the talks")."""
        if trigger.get("objects_only"):
            return []
        if trigger.get("with_speakers"):
            subjects = [person_of(m) for m in self.participants.named_in(sent.start, subject_end, speakers=True)]
        else:
            subjects = self.participants.people_in(sent.start, subject_end)
        if not subjects:
            refs = [a for a in anaphors if a.end <= subject_end and self.patterns.entry(a)["refers"] != "named_before"]
            if refs and self.patterns.entry(refs[-1]).get("group"):
                subjects = self.participants.group(refs[-1], drafts) or self.participants.subject(refs[-1], drafts)
            elif refs:
                subjects = self.participants.subject(refs[-1], drafts)
            else:
                subjects = self.participants.first_source_in(sent)
            if not subjects:
                subjects = self._named_before(self.doc[sent.start:subject_end], drafts)
        subjects = self.participants.with_delegation(subjects, sent.start, subject_end)
        return self.participants.with_companions(subjects)

    def _named_before(self, lead: Span, drafts: list[MeetingDraft]) -> list[int]:
        """Whom a subject written with capitals but no name stands for ("The Minister met"): someone named
        before; for a gathering ("The roundtable, hosted by A,"), only the people of the meeting before, if any."""
        if not any(t.is_title for t in lead):
            return []
        if any(t.lower_ in self.patterns.word_list("gathering_nouns") for t in lead):
            return list(drafts[-1].subjects) if drafts else []
        return self.participants.subject(self.doc[lead.end:lead.end], drafts)

    def _meeting_before(self, trigger: Match, stop: int) -> bool:
        """Whether the trigger's object is a meeting already named ("chaired the meeting", "hosted these
        talks"): a definite meeting noun right after it."""
        refs = self.cues.within("meeting_anaphor", trigger.end, stop)
        return bool(refs) and refs[0].start == trigger.end and self.doc[refs[0].start].lower_ in ("the", "this", "these")

    def _earlier(self, trigger: Match, placed: list[Match], sent_start: int, stop: int) -> bool:
        """Whether the trigger's clause says its meeting was held before the one the story reports ("the two
        leaders last met in May", "recalled their previous meeting in Oslo", "had met twice before")."""
        start = max([t.end for t in placed if t.end <= trigger.start] + [sent_start])
        return bool(self.cues.within("earlier", start, stop))

    def _possessor(self, trigger: Match) -> Optional[Span]:
        """The mention of the person whose meeting a noun trigger names ("recalled Biden's recent meeting with
        X"): the subject side is that one person, not everyone named before."""
        doc = self.doc
        if doc[trigger.start].lower_ not in self.patterns.word_list("meeting_nouns"):
            return None
        i = trigger.start - 1
        while i >= 0 and trigger.start - i <= NOUN_PHRASE_LEAD and doc[i].is_alpha and doc[i].is_lower:
            i -= 1
        return None if i < 1 else self.participants.possessor_before(i)

    def _joint(self, start: int, stop: int, placed: list[Match], breaks: list[int]) -> bool:
        """Whether the trigger's clause says the meeting was joint, or the occasion its object is hosted for
        ("hosted her Mexican and Canadian counterparts for a virtual meeting of the trilateral committee");
        not a topic in a clause after it ("during which they discussed cooperation in multilateral fora")."""
        if self.cues.within("joint", start, stop):
            return True
        occasion = next((t for t in placed if t.start == stop), None)
        lead = [t.lower_ for t in self.doc[max(start, stop - NOUN_PHRASE_LEAD):stop]]
        if occasion is None or not any(w in ("for", "at") for w in lead):
            return False
        end = min([b for b in breaks if b > occasion.end] + [len(self.doc)])
        return bool(self.cues.within("joint", occasion.start, end))

    def _role_holder(self, anaphors: list[Match], start: int, stop: int) -> list[tuple[list[int], list[str]]]:
        """"receiving the WHO Director General", "the meeting with the Speaker of the Lok Sabha": the one person
        holding the role the object side names; not a possessor ("meet the President's goal")."""
        for ref in anaphors:
            end = self.participants.roles.extent(ref.end, stop)
            if start <= ref.start < stop and self.patterns.entry(ref)["id"] == "subject_title" and \
                    not (end < len(self.doc) and self.doc[end].lower_ in ("'s", "’s")):  # "the President's goal"
                holder = self.participants.roles.holder(ref.start, ref.end)
                if holder is not None:
                    return [([holder], [])]
        return []

    def _counterparts(self, groups: list[tuple[list[int], list[str]]], start: int, stop: int,
                      subjects: list[int]) -> list[tuple[list[int], list[str]]]:
        """"met his Chinese counterpart", "received the visiting Jordanian minister" named nowhere in the clause:
        the one person of the text from that country, for each country side; [] when a side has no such person
        or several, or the side is a group ("officials", "a delegation")."""
        if not any(t.lower_ in self.patterns.word_list("one_person_role") for t in self.doc[start:stop]):
            return []
        out = []
        for objects, codes in groups:
            holder = self.participants.only_one_of(codes[0], subjects) if len(codes) == 1 else None
            if holder is None:
                return []
            out.append(([holder], codes))
        return out

    def _placed(self, trigger: Match, sent: Sentence, attendance: list[Match]) -> bool:
        """Whether a trigger stands where it reports a meeting: not inside an attendance phrase ("present at
        the meeting were"), and a "mid_sentence" one ("A told B during talks") not at the sentence start."""
        if any(a.start <= trigger.start and trigger.end <= a.end for a in attendance):
            return False
        return not self.patterns.entry(trigger).get("mid_sentence") or trigger.start > sent.start + 1

    def _voice(self, trigger: Match, roles: str) -> str:
        """The trigger's roles as this clause uses them: a passive ("was received by", "were warmly welcomed
        by", "was visited by") turns the host into the guest and the guest into the host."""
        if roles not in _PASSIVE_ROLES or trigger.end >= len(self.doc) or self.doc[trigger.end].lower_ != "by":
            return roles
        i = trigger.start - 1
        while i >= 0 and (self.doc[i].is_space or self.doc[i].lower_.endswith("ly")
                          or self.doc[i].lower_ in _ADVERBS_BEFORE_TRIGGER):
            i -= 1
        return _PASSIVE_ROLES[roles] if i >= 0 and self.doc[i].lower_ in _AUXILIARIES else roles

    def _own_clause(self, region_start: int, trigger: Match, placed: list[Match]) -> int:
        """Where the words that can set a later trigger's meeting begin: after the last comma or "and" between
        the trigger before and this one ("A met B in Oslo on Monday, and later held talks with C in Bergen on
        Tuesday"), so the earlier meeting's date and place are not taken for this one's."""
        before = [t.end for t in placed if region_start <= t.start and t.end <= trigger.start]
        if not before:
            return region_start
        joins = [t.i for t in self.doc[max(before):trigger.start] if t.lower_ in _CLAUSE_JOINS]
        return joins[-1] if joins else region_start

    def _clause_mode(self, mode: Optional[str], start: int, stop: int) -> Optional[str]:
        """The trigger's mode, made more precise by its clause: a call held by video ("a video call", "spoke
        with X via video link") is a video meeting."""
        if mode == "call" and any(self.patterns.entry(m)["mode"] == "video"
                                  for m in self.cues.within("mode", start, stop)):
            return "video"
        return mode

    def _mode(self, sent: Sentence) -> str:
        modes = [self.patterns.entry(m)["mode"] for m in self.cues.within("mode", sent.start, sent.end)]
        return modes[0] if modes else "in_person"

    def _topic(self, sent: Sentence) -> Optional[str]:
        for cue in self.cues.within("break", sent.start, sent.end):
            if self.patterns.entry(cue)["id"] == "discuss":
                words = []
                for token in self.doc[cue.end:sent.end]:
                    if token.is_punct and token.text not in "-'’":
                        break
                    if not token.is_space:
                        words.append(token)
                    if len(words) >= TOPIC_TOKENS:
                        break
                if words:
                    return " ".join(t.text for t in words)
        return None


def fronted(sent: Sentence, trigger: Match, participants: Participants, cues: MatchIndex,
            fronting: set[str]) -> Optional[tuple[int, list[int]]]:
    """A first trigger in a phrase before the main clause ("In addition to the meeting with X, A also met Y",
    "After an audience with X, A met Y"): the comma closing the phrase and the main clause's subject, the
    people named right after it (their titles and "and" between) before a lower-case word, who are the
    subject side of every trigger; None for any other sentence."""
    doc = participants.doc
    if doc[sent.start].lower_ not in fronting or any(t.text == "," for t in doc[sent.start:trigger.start]) or \
            participants.people_in(sent.start, trigger.start):
        return None
    for comma in (t.i for t in doc[trigger.end:sent.end] if t.text == ","):
        if not (participants.people_in(trigger.end, comma) or cues.within("anaphor", trigger.end, comma)):
            return None  # "In a statement summarizing the meeting, B said ...": no one met in the phrase
        subject = _subject_after(doc, comma, sent.end, participants)
        if subject:
            return comma, subject
    return None


def _subject_after(doc: Doc, comma: int, end: int, participants: Participants) -> list[int]:
    """The people named right after ``comma`` (titles and "and" between them) when a verb follows them (a
    lower-case word, not a list's "and" going on: "with A, B and separately with C, D said"); else []."""
    people, last = [], comma + 1
    for m in participants.named_in(comma + 1, end):
        if not all(t.is_title or t.is_upper or t.is_space or t.lower_ in ("and", ",", "the")
                   for t in doc[last:m.start]):
            break
        people.append(person_of(m))
        last = m.end
    following = next((t for t in doc[last:end] if not t.is_space), None)
    if not people or following is None or not following.is_lower or following.lower_ in ("and", "or"):
        return []
    return list(dict.fromkeys(people))

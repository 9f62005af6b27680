"""Who can take part in a meeting: the people mentions that name someone, which of them are quoted sources,
a person's country, whom a reference ("the minister", "the guests") stands for, and people added by a later
sentence ("attended by X", "joined by Y")."""

from __future__ import annotations

import functools
from dataclasses import replace
from bisect import bisect_right
from typing import Optional, Union

from spacy.tokens import Doc, Span

from idefx.entities import PEOPLE_SPANS
from idefx.matchindex import ByStart, Match, MatchIndex
from idefx.meeting.draft import MeetingDraft, same_sentence
from idefx.meeting.patterns import MeetingPatterns
from idefx.meeting.places import PlacePhrases
from idefx.meeting.roles import RoleHolders
from idefx.meeting.speech import parsed_speakers
from idefx.meeting.text import MeetingText
from idefx.segments import Sentence

SPEAKER_WINDOW = 3  # tokens between a source cue ("said", "according to") and the source's name
RELATIVE_REACH = 12  # tokens before a name searched for the "who" of a relative clause it ends
HEAD_WINDOW = 14  # tokens between "led by" and the head's name ("led by the Minister of Defence of Peru, X")
CALENDAR_LABELS = ("DATE", "RANGE", "NUM", "DATELINE")  # a name overlapping one of these is no one ("On April 16")
_COUNTRY_STOPS = (",", ".", ";", "(", ")")
_SIDE_KINDS = ("COUNTRY", "DEMONYM")
POSSESSIVES = ("'s", "’s", "'", "’")
_ASIDE_OPENERS = {"in", "at", "during", "after", "following", "before", "with", "alongside", "speaking"}
_CLAUSE_BOUNDS = {".", "!", "?", ";", ":", "and", "but", "or", "while", "he", "she", "they", "it", "we", "i"}


def person_mentions(doc: Doc, text: MeetingText) -> list[Span]:
    """The people mentions by start, without those that are places ("San Francisco") or part of a date
    ("On April" in "On April 16")."""
    mentions = sorted(doc.spans[PEOPLE_SPANS], key=lambda s: s.start)
    place_ranges = {(p.start, p.end) for p in text.places}
    calendar = [d for d in text.dates if d.label_ in CALENDAR_LABELS]
    return [m for m in mentions if (m.start, m.end) not in place_ranges
            and not any(m.start < d.end and d.start < m.end for d in calendar)]


def person_of(mention: Span) -> int:
    """The index in ``doc._.idefx_people`` of the person a mention names."""
    return int(mention.kb_id_)


def in_aside(doc: Doc, start: int) -> bool:
    """Whether a name ends a phrase set off by commas that opens on a preposition ("A, in a meeting with B,
    said"): the object of the preposition, not the subject of the verb after it."""
    for token in reversed(doc[max(0, start - RELATIVE_REACH):start]):
        if token.text in (".", ";"):
            return False
        if token.text == ",":
            return token.i + 1 < start and doc[token.i + 1].lower_ in _ASIDE_OPENERS
    return False


class Participants:
    """The Doc's people as participants: the mentions, their countries, references and companions."""

    def __init__(self, text: MeetingText, people, mentions: list[Span], cues: MatchIndex,
                 patterns: MeetingPatterns, places: PlacePhrases, named: Optional[list[Span]] = None):
        self.doc, self.text, self.people, self.mentions = text.doc, text, people, mentions
        self.cues, self.patterns, self.places = cues, patterns, places
        self._by_start = ByStart(mentions)
        self._countries: dict[int, Optional[str]] = {}  # countries found in the text for people without one
        self.protagonist = person_of(mentions[0])
        self.companions: dict[int, list[int]] = {}  # "The DNI was joined by X and Y" before any meeting
        self._delegations: dict[int, list[int]] = {}  # a "led by" cue's start -> the delegation's people so far
        self.roles = RoleHolders(self.doc, people, named or mentions, places.spans, self.country_of)

    # -- mentions and sources ---------------------------------------------------------------------

    @functools.cached_property
    def speakers(self) -> set[int]:
        """Token starts of people mentions that are sources ("X said", "according to X", "spokesperson X")."""
        verbs = [cue.start for cue in self.cues.all("attribution") if self.patterns.entry(cue)["id"] == "speaker_after"]
        out, decided = parsed_speakers(self.doc._.idefx_parse, verbs, self.mentions)  # with --model
        for cue in self.cues.all("attribution"):
            after = self.patterns.entry(cue)["id"] == "speaker_after"
            if cue.start in decided:
                continue
            for m in self.mentions:
                if after and 0 <= cue.start - m.end <= SPEAKER_WINDOW and self._one_clause(m.end, cue.start) \
                        and not self._other_subject(m.end, cue.start) and not in_aside(self.doc, m.start):
                    out.add(m.start)
                elif not after and 0 <= m.start - cue.end <= SPEAKER_WINDOW and self._one_clause(cue.end, m.start):
                    out.add(m.start)
        return out

    def _other_subject(self, start: int, end: int) -> bool:
        """Whether words after a comma in ``start``..``end`` are the subject of the verb of saying that follows
        ("A met B, the ministry said", "B, state media reported"), not an apposition closed by a comma ("B,
        the minister, said")."""
        between = [t for t in self.doc[start:end] if not t.is_space]
        return len(between) > 1 and between[0].text == "," and between[-1].text != ","

    def _one_clause(self, start: int, end: int) -> bool:
        """Whether ``start``..``end`` stays in one clause: no sentence end, no "and" or "but" opening another
        verb, no pronoun as another subject ("A met B and said ...", "A met B. He said ...": A speaks, not B),
        and no comma closing a relative clause the name is in ("A, who met B on Monday, said ...")."""
        doc = self.doc
        if any(t.lower_ in _CLAUSE_BOUNDS for t in doc[start:end]):
            return False
        if not any(t.text == "," for t in doc[start:end]):
            return True
        for token in reversed(doc[max(0, start - RELATIVE_REACH):start]):
            if token.lower_ in ("who", "which", "whom"):
                return False
            if token.text in (",", ".", ";"):
                break
        return True

    @functools.cached_property
    def possessors(self) -> dict[int, Span]:
        """Mentions in the possessive ("Biden's envoy", "President Fernandez’ trip") by the token of the
        possessive mark: someone named for what is theirs, not as a party to the clause."""
        doc = self.doc
        return {m.end: m for m in self.mentions if m.end + 1 < len(doc) and doc[m.end].text in POSSESSIVES
                and (doc[m.end].text in ("'s", "’s") or doc[m.end + 1].is_alpha)}

    def possessor_before(self, mark: int) -> Optional[Span]:
        """The mention whose possessive mark is the token ``mark``, else None."""
        return self.possessors.get(mark)

    def people_in(self, start: int, end: int) -> list[int]:
        """The people named in ``start``..``end`` who are not quoted sources nor possessors, in order."""
        out = []
        for m in self._by_start.within(start, end):
            if m.start not in self.speakers and m.end not in self.possessors:
                person = person_of(m)
                if person not in out:
                    out.append(person)
        return out

    def named_in(self, start: int, stop: int, speakers: bool = False) -> list[Span]:
        """The mentions inside ``start``..``stop`` that are not quoted sources (all of them with ``speakers``)."""
        return [m for m in self._by_start.within(start, stop)
                if speakers or (m.start not in self.speakers and m.end not in self.possessors)]

    def first_source_in(self, sent: Sentence) -> list[int]:
        """The first quoted source of a sentence, as a one-person list (empty when there is none)."""
        return [person_of(m) for m in self.mentions
                if sent.start <= m.start < sent.end and m.start in self.speakers][:1]

    def is_named(self, person: int) -> bool:
        return any(person_of(m) == person for m in self.mentions)

    # -- countries --------------------------------------------------------------------------------

    def country_of(self, person: int) -> Optional[str]:
        """The person's country, or when the people finder gives none, the one their own words carry:
        "Crown Prince of Abu Dhabi and Deputy Supreme Commander of the UAE Armed Forces", "X of Belgium"."""
        known = self.people[person].country
        if known or person in self._countries:
            return known or self._countries[person]
        country = None
        for m in self.mentions:
            if person_of(m) == person:
                country = self._country_near(m)
                if country:
                    break
        self._countries[person] = country
        return country

    def _country_near(self, mention: Span) -> Optional[str]:
        doc = self.doc
        end = mention.end
        if end < len(doc) and doc[end].text in (",", "of"):
            window = []
            for token in doc[end + 1:min(len(doc), end + 16)]:
                if token.text in _COUNTRY_STOPS or token.lower_ in self.places.prepositions:
                    break
                window.append(token.i)
            if window:
                code = self.places.party_code(window[0], window[-1] + 1)
                if code:
                    return code
        start = mention.start
        while start > 0 and start > mention.start - 8 and (doc[start - 1].is_title or doc[start - 1].is_upper
                                                          or doc[start - 1].lower_ in ("of", "the", "'s", "’s")):
            start -= 1
        return self.places.party_code(start, mention.start) if start < mention.start else None

    def only_one_of(self, country: str, besides: list[int]) -> Optional[int]:
        """The one person named in the text whose country is ``country``, leaving out ``besides``; None when
        there is no one or more than one."""
        found = {person_of(m) for m in self.mentions if person_of(m) not in besides
                 and self.country_of(person_of(m)) == country}
        return found.pop() if len(found) == 1 else None

    def countries(self, people: list[int]) -> list[str]:
        """The known countries of ``people``, each once, in order."""
        return list(dict.fromkeys(c for c in map(self.country_of, people) if c))

    # -- references -------------------------------------------------------------------------------

    def subject(self, ref: Union[Match, Span], drafts: list[MeetingDraft]) -> list[int]:
        """Who "the minister", "he", "the Armenian major general" or "the Kazakh delegation" is: the one person
        whose title the reference names, else the last person of the reference's country, else the subject of
        the meeting before, else the person named last."""
        if isinstance(ref, Match) and self.patterns.entry(ref)["id"] == "subject_title":
            holder = self.roles.holder(ref.start, ref.end)
            if holder is not None:
                return [holder]
        codes = {p.kb_id_ for p in self.places.spans if ref.start <= p.start < ref.end}
        if codes:
            for m in reversed(self.mentions):
                if m.start < ref.start and self.country_of(person_of(m)) in codes:
                    return [person_of(m)]
        if drafts and drafts[-1].subjects:
            return list(drafts[-1].subjects)
        before = [m for m in self.mentions if m.start < ref.start]
        return [person_of(before[-1])] if before else [self.protagonist]

    def group(self, ref: Match, drafts: list[MeetingDraft]) -> list[int]:
        """Who "the two ministers" or "both sides" are as a subject: the people of the meeting reported in this
        sentence or the one before, else the people named in the sentence before with those named before
        the reference (at least two), else nobody."""
        sentences = self.text.sentences
        at = bisect_right([s.start for s in sentences], ref.start) - 1
        before = sentences[at - 1] if at > 0 else sentences[at]
        if drafts and drafts[-1].evidence and drafts[-1].evidence[-1][1] > before.start_char:
            return list(drafts[-1].participants)
        people = self.people_in(before.start, ref.start)
        return people if len(people) >= 2 else []

    def resolve(self, ref: Match, drafts: list[MeetingDraft],
                besides: tuple[int, ...] = ()) -> tuple[list[int], Optional[MeetingDraft]]:
        """The people "the guests" or "the sides" stand for, and the meeting they come from; for an object
        pronoun ("received her"), the last person named before it other than ``besides`` (the subjects)."""
        refers = self.patterns.entry(ref)["refers"]
        if refers == "named_before":
            before = [person_of(m) for m in self.mentions if m.end <= ref.start and person_of(m) not in besides]
            return before[-1:], None
        last = drafts[-1] if drafts else None
        if last is None:
            return [], None
        if refers == "guests":
            return (list(last.guests), last) if last.guests else ([], None)
        return list(last.participants), last

    @functools.cached_property
    def delegation_heads(self) -> list[tuple[int, int]]:
        """(cue start, head) of each "a delegation led by X", "the team, headed by the minister, X", "X-led
        delegation", in text order."""
        out = []
        for cue in self.cues.all("group_head"):
            if self.patterns.entry(cue).get("head") == "before":
                named = [m for m in self._by_start.within(max(0, cue.start - 8), cue.start) if m.end == cue.start]
            else:
                named = [m for m in self._by_start.within(cue.end, cue.end + HEAD_WINDOW)
                         if not any(t.text in ".;" for t in self.doc[cue.end:m.start])]
            if named:
                out.append((cue.start, person_of(named[0])))
        return sorted(out)

    def with_delegation(self, subjects: list[int], start: int, end: int) -> list[int]:
        """A delegation on the subject side ("The delegation, which included X, held talks ...") stands for its
        head ("a delegation led by Y" before) and the members named for it so far, of its country if it has one."""
        groups = self.patterns.word_list("group_nouns")
        if not any(t.lower_ in groups for t in self.doc[start:end]):
            return subjects
        heads = [(cue, head) for cue, head in self.delegation_heads if cue < end]
        if not heads:
            return subjects
        cue, head = heads[-1]
        codes = {p.kb_id_ for p in self.places.spans if start <= p.start < end}
        if codes and self.country_of(head) not in codes | {None}:
            return subjects
        members = self._delegations.setdefault(cue, [head])
        members.extend(p for p in subjects if p not in members)
        return subjects + [p for p in members if p not in subjects]

    def side_heads(self, sent: Sentence, drafts: list[MeetingDraft]) -> list[MeetingDraft]:
        """"The Peruvian delegation was led by X" right after a meeting whose sides are named by country only
        ("received delegations from Peru and Chile"): X is the Peruvian side. A meeting with that one unnamed
        side gets X; one with several gives that side a meeting of its own, which is returned."""
        out: list[MeetingDraft] = []
        recent = same_sentence(drafts) if drafts else []
        for cue, head in self.delegation_heads:
            if not sent.start <= cue < sent.end:
                continue
            codes = [p.kb_id_ for p in self.places.spans if sent.start <= p.start < cue and p.label_ in _SIDE_KINDS]
            code = codes[-1] if codes else self.country_of(head)
            for draft in recent:
                named = {self.country_of(p) for p in draft.participants}
                unnamed = [c for c in draft.parties if c not in named]
                side = code or (unnamed[0] if len(unnamed) == 1 else None)  # "The delegation was led by X"
                if side not in unnamed or head in draft.participants:
                    continue
                evidence = (sent.start_char, sent.end_char)
                if len(unnamed) > 1:
                    draft.parties.remove(side)
                    draft = replace(draft, participants=list(draft.subjects), hosts=list(draft.hosts), guests=[],
                                    parties=[c for c in draft.parties if c in named] + [side],
                                    evidence=list(draft.evidence))
                    out.append(draft)
                draft.participants.append(head)
                if draft.hosts:
                    draft.guests.append(head)
                draft.evidence.append(evidence)
                break
        return out

    def with_companions(self, subjects: list[int]) -> list[int]:
        return subjects + [c for p in subjects for c in self.companions.get(p, []) if c not in subjects]

    # -- people added by a later sentence ---------------------------------------------------------

    def attendees(self, sent: Sentence, cue: Match) -> list[int]:
        """The people an attendance cue names: "X dropped by the meeting" (before it), "attended by X" (after
        it), "During the talks, X and Y agreed" (the clause the opener introduces)."""
        entry = self.patterns.entry(cue)
        if entry.get("side") == "subject":
            return self.people_in(sent.start, cue.start)
        if entry.get("opener"):
            breaks = [b.start for b in self.cues.within("break", cue.end, sent.end)]
            return self.people_in(cue.end, min(breaks + [sent.end]))
        return self.people_in(cue.end, sent.end)

    def attend(self, sent: Sentence, drafts: list[MeetingDraft]) -> None:
        """"These meetings were attended by X, Y", "Z dropped by the meeting", "During the talks, X and Y
        agreed ...": add X, Y and Z to the meetings of the sentence before. Before any meeting, "The DNI was
        joined by X and Y" makes X and Y companions of the DNI in the meetings to come."""
        cues = [cue for cue in self.cues.within("attendance", sent.start, sent.end)
                if not self.patterns.entry(cue).get("opener") or (drafts and cue.start <= sent.start + 1)]
        if not cues:
            return
        people = list(dict.fromkeys(p for cue in cues for p in self.attendees(sent, cue)))
        if not people:
            return
        if not drafts or any(self.patterns.entry(cue).get("companion") for cue in cues):
            # "He is accompanied by X": X goes with him to the meetings to come as well
            leaders = self.people_in(sent.start, cues[0].start) or self.subject(cues[0], drafts)
            for leader in leaders:
                known = self.companions.setdefault(leader, [])
                known.extend(p for p in people if p not in leaders and p not in known)
        if not drafts:
            return
        for draft in same_sentence(drafts):
            draft.participants.extend(p for p in people if p not in draft.participants)
            draft.parties.extend(c for c in (self.country_of(p) for p in people) if c and c not in draft.parties)


def sides_named_after(participants: Participants, sent: Sentence, drafts: list[MeetingDraft]) -> None:
    """"The foreign ministers of Sweden and Jordan held talks. A and B discussed trade.": in the sentence right
    after a meeting with a side named by its country only, the people before a verb telling what was said or
    agreed there ("discussed", "agreed") who are of that country are that side."""
    verbs = participants.cues.within("talk_verb", sent.start, sent.end)
    if not drafts or not verbs:
        return
    text = participants.text.text
    people = participants.people_in(sent.start, verbs[0].start)
    for draft in same_sentence(drafts):
        if not draft.evidence or text[draft.evidence[0][1]:sent.start_char].strip():
            continue  # not the sentence right before
        named = {participants.country_of(p) for p in draft.participants}
        unnamed = [c for c in draft.parties if c not in named]
        added = [p for p in people if participants.country_of(p) in unnamed and p not in draft.participants]
        if added:
            draft.participants.extend(added)
            draft.evidence.append((sent.start_char, sent.end_char))

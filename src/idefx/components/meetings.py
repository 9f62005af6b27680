"""The ``idefx_meetings`` component: link the people found in a text into meeting records.

Sentence by sentence, trigger phrases from ``meeting_patterns.jsonl`` ("met
with", "held talks", "received", "paid a visit to", "had a phone call with",
...) split a sentence into a subject side and an object side. Named people on
each side (``doc.spans["idefx_people"]``, minus quoted sources) are the
participants; phrases such as "the guests", "the sides" or "the minister"
resolve to people of earlier meetings. Parties are the participants'
countries plus countries named on either side outside place phrases ("met
his Turkish counterpart"). Date, city, country, venue and event come from the
sentence, else from the event's own sentences, else from the meeting before.
Runs after the people finder, ``idefx_places`` and ``idefx_dates``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from idefx.components.dates import DATES
from idefx.components.places import EVENTS, PLACES, VENUES, optional_jsonl
from idefx.entities import PEOPLE_SPANS, MeetingEntity
from idefx.resources import read_jsonl

SPEAKER_WINDOW = 3
TOPIC_TOKENS = 12
DATE_LABELS = ("EVENT_DAY", "DATE", "RELATIVE", "WEEKDAY", "NUM")


@dataclass
class _Draft:
    participants: list[int] = field(default_factory=list)
    hosts: list[int] = field(default_factory=list)
    guests: list[int] = field(default_factory=list)
    subjects: list[int] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    mode: str = "in_person"
    date: Optional[str] = None
    city: Optional[str] = None
    country: Optional[str] = None
    venue: Optional[str] = None
    event: Optional[str] = None
    topic: Optional[str] = None
    evidence: list[tuple[int, int]] = field(default_factory=list)

    def absorb(self, other: "_Draft") -> None:
        for name in ("participants", "hosts", "guests", "subjects", "parties", "evidence"):
            merged = getattr(self, name)
            merged.extend(x for x in getattr(other, name) if x not in merged)
        for name in ("date", "city", "country", "venue", "event", "topic"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))
        if self.mode == "in_person":
            self.mode = other.mode

    @property
    def valid(self) -> bool:
        return len(self.participants) >= 2 or (len(self.participants) == 1 and len(self.parties) >= 2)


@Language.factory("idefx_meetings")
def make_meetings(nlp: Language, name: str) -> "MeetingFinder":
    finder = MeetingFinder(nlp, name)
    finder.add_patterns(read_jsonl("meeting_patterns.jsonl"), optional_jsonl("events.jsonl"))
    return finder


class MeetingFinder:
    """Fill ``doc._.idefx_meetings`` with :class:`MeetingEntity` items."""

    def __init__(self, nlp: Language, name: str = "idefx_meetings"):
        self.nlp, self.name = nlp, name
        self.patterns: list[dict] = []
        self.events: list[dict] = []
        self._build()

    def add_patterns(self, patterns: list[dict], events: list[dict]) -> None:
        self.patterns.extend(patterns)
        self.events.extend(events)
        self._build()

    def _build(self) -> None:
        self.matcher = Matcher(self.nlp.vocab)
        self.info: dict[str, dict] = {}
        self.place_prepositions: set[str] = set()
        for entry in self.patterns:
            if "words" in entry:
                self.place_prepositions.update(entry["words"])
                continue
            label = f"{entry['type']}|{entry['id']}"
            self.matcher.add(label, [entry["pattern"]])
            self.info[label] = entry
        self.event_places = {e["name"]: (e.get("city"), e.get("country")) for e in self.events}

    def to_disk(self, path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "patterns.json").write_text(json.dumps({"patterns": self.patterns, "events": self.events}),
                                            encoding="utf-8")

    def from_disk(self, path, exclude=tuple()) -> "MeetingFinder":
        data = json.loads((Path(path) / "patterns.json").read_text(encoding="utf-8"))
        self.patterns, self.events = data["patterns"], data["events"]
        self._build()
        return self

    # -- the pass over a document -------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        people = doc._.idefx_people or []
        mentions = sorted(doc.spans[PEOPLE_SPANS], key=lambda s: s.start) if PEOPLE_SPANS in doc.spans else []
        if not people or not mentions:
            doc._.idefx_meetings = []
            return doc
        found: dict[str, list[Span]] = {}
        for match_id, start, end in self.matcher(doc):
            label = self.nlp.vocab.strings[match_id]
            found.setdefault(self.info[label]["type"], []).append(Span(doc, start, end, label=label))
        ctx = _Context(doc, people, mentions, found, self)
        drafts: list[_Draft] = []
        for sent in segments(doc):
            for draft in ctx.sentence(sent, drafts):
                target = ctx.merge_target(draft, drafts)
                if target is None:
                    drafts.append(draft)
                else:
                    target.absorb(draft)
        previous: Optional[_Draft] = None
        out = []
        for draft in drafts:
            if not draft.valid:
                continue
            if previous is not None:
                for name in ("date", "city", "country", "event", "venue"):
                    if getattr(draft, name) is None:
                        setattr(draft, name, getattr(previous, name))
            if draft.city and not draft.country:
                draft.country = ctx.city_country(draft.city)
            previous = draft
            out.append(MeetingEntity(
                participants=draft.participants, hosts=draft.hosts, guests=draft.guests,
                parties=draft.parties, mode=draft.mode, date=draft.date, city=draft.city,
                country=draft.country, venue=draft.venue, event=draft.event, topic=draft.topic,
                evidence=draft.evidence))
        doc._.idefx_meetings = out
        return doc


def segments(doc: Doc) -> list[Span]:
    """Sentences, also cut at line breaks (headlines, datelines and list items carry no full stop)."""
    out, start = [], 0
    for token in doc:
        end_here = token.text in (".", "!", "?") or (token.is_space and "\n" in token.text)
        if end_here and token.i + 1 > start:
            out.append(doc[start:token.i + 1])
            start = token.i + 1
    if start < len(doc):
        out.append(doc[start:len(doc)])
    return [s for s in out if not all(t.is_space or t.is_punct for t in s)]


class _Context:
    """Per-document lookups shared by the sentence pass."""

    def __init__(self, doc: Doc, people, mentions: list[Span], found: dict[str, list[Span]], finder: MeetingFinder):
        self.doc, self.people, self.mentions, self.found, self.finder = doc, people, mentions, found, finder
        self.places = list(doc.spans[PLACES]) if PLACES in doc.spans else []
        self.events = list(doc.spans[EVENTS]) if EVENTS in doc.spans else []
        self.venues = list(doc.spans[VENUES]) if VENUES in doc.spans else []
        self.dates = list(doc.spans[DATES]) if DATES in doc.spans else []
        self.city_codes = {p.text: p.kb_id_ for p in self.places if p.label_ == "CITY"}
        self.speakers = self._speakers()
        counts = Counter(e.kb_id_ for e in self.events)
        self.main_event = counts.most_common(1)[0][0] if counts else None
        self.dateline_city = next((p.text for p in self.places if p.label_ == "CITY" and p.start_char < 200
                                   and doc[max(0, p.start - 4):p.start].text.strip(" \n-") == ""), None) \
            if self.places else None
        self.protagonist = self._person_at(mentions[0])

    def city_country(self, city: str) -> Optional[str]:
        return self.city_codes.get(city)

    def _person_at(self, span: Span) -> int:
        return int(span.kb_id_)

    def _speakers(self) -> set[int]:
        """Token starts of people mentions that are sources ("X said", "according to X", "spokesperson X")."""
        out = set()
        for span in self.found.get("attribution", []):
            entry = self.finder.info[span.label_]
            for m in self.mentions:
                if entry["id"] == "speaker_after" and 0 <= span.start - m.end <= SPEAKER_WINDOW:
                    out.add(m.start)
                elif entry["id"] != "speaker_after" and 0 <= m.start - span.end <= SPEAKER_WINDOW:
                    out.add(m.start)
        return out

    def _in(self, kind: str, sent: Span) -> list[Span]:
        return [s for s in self.found.get(kind, []) if sent.start <= s.start and s.end <= sent.end]

    def _people_in(self, start: int, end: int) -> list[int]:
        out = []
        for m in self.mentions:
            if start <= m.start and m.end <= end and m.start not in self.speakers:
                idx = self._person_at(m)
                if idx not in out:
                    out.append(idx)
        return out

    # -- one sentence ---------------------------------------------------------------------------

    def sentence(self, sent: Span, drafts: list[_Draft]) -> list[_Draft]:
        triggers = filter_spans(self._in("trigger", sent))
        if not triggers:
            return []
        breaks = sorted(s.start for s in self._in("break", sent))
        anaphors = self._in("anaphor", sent)
        subject_end = triggers[0].start
        subjects = self._people_in(sent.start, subject_end)
        refers_to: Optional[_Draft] = None
        if not subjects:
            refs = [a for a in anaphors if a.end <= subject_end]
            if refs:
                subjects, refers_to = self._resolve(refs[-1], drafts)
            else:
                speakers = [self._person_at(m) for m in self.mentions
                            if sent.start <= m.start < sent.end and m.start in self.speakers]
                subjects = speakers[:1]
        out = []
        for i, trigger in enumerate(triggers):
            entry = self.finder.info[trigger.label_]
            stop = triggers[i + 1].start if i + 1 < len(triggers) else sent.end
            stop = min([b for b in breaks if b >= trigger.end] + [stop])
            objects = self._people_in(trigger.end, stop)
            if not objects:
                refs = [a for a in anaphors if trigger.end <= a.start < stop]
                if refs:
                    objects, target = self._resolve(refs[0], drafts)
                    refers_to = refers_to or target
            draft = _Draft(subjects=list(subjects))
            draft.participants = list(dict.fromkeys(subjects + objects))
            if entry["roles"] == "subject_host":
                draft.hosts, draft.guests = list(subjects), list(objects)
            elif entry["roles"] == "subject_guest":
                draft.hosts, draft.guests = list(objects), list(subjects)
            elif refers_to is not None and set(objects) <= set(refers_to.guests) and objects:
                draft.hosts, draft.guests = list(subjects), list(objects)
            draft.parties = self._parties(draft.participants, sent.start, stop)
            draft.mode = entry.get("mode") or self._mode(sent)
            draft.evidence = [(sent.start_char, sent.end_char)]
            self._setting(draft, sent)
            draft.topic = self._topic(sent)
            if refers_to is not None:
                refers_to.absorb(draft)
                continue
            out.append(draft)
        return out

    def _resolve(self, ref: Span, drafts: list[_Draft]) -> tuple[list[int], Optional[_Draft]]:
        refers = self.finder.info[ref.label_]["refers"]
        last = drafts[-1] if drafts else None
        if refers == "guests":
            if last and last.guests:
                return list(last.guests), last
            return [], None
        if refers == "all":
            return (list(last.participants), last) if last else ([], None)
        if last and last.subjects:
            return list(last.subjects), None
        return [self.protagonist], None

    def _parties(self, participants: list[int], start: int, stop: int) -> list[str]:
        parties = [self.people[p].country for p in participants if self.people[p].country]
        for place in self.places:
            if start <= place.start < stop and place.label_ in ("COUNTRY", "DEMONYM") and not self._is_location(place):
                parties.append(place.kb_id_)
        return list(dict.fromkeys(parties))

    def _is_location(self, place: Span) -> bool:
        """A place in a place phrase: "in Istanbul (Türkiye)", "in the Turkish city of Kars", "a visit to Georgia"."""
        i = place.start - 1
        doc = self.doc
        while i >= 0 and i >= place.start - 6:
            token = doc[i]
            low = token.lower_
            if low in self.finder.place_prepositions:
                return True
            if token.is_punct and token.text not in "(,'’" or token.is_space:
                return False
            if not (low in ("the", "city", "capital", "of", "'s", "’s", "(", ",", "province", "region")
                    or any(p.start <= i < p.end for p in self.places)):
                return False
            i -= 1
        return False

    def _mode(self, sent: Span) -> str:
        modes = [self.finder.info[s.label_]["mode"] for s in self._in("mode", sent)]
        return modes[0] if modes else "in_person"

    def _setting(self, draft: _Draft, sent: Span) -> None:
        for span in self.dates:
            if sent.start <= span.start < sent.end and span.kb_id_ and span.label_ in DATE_LABELS:
                draft.date = span.kb_id_
                break
        events = [e for e in self.events if sent.start <= e.start < sent.end]
        if events:
            draft.event = events[0].kb_id_
        elif self._in("event_anaphor", sent) and self.main_event:
            draft.event = self.main_event
        venues = [v for v in self.venues if sent.start <= v.start < sent.end]
        if venues:
            draft.venue = venues[0].kb_id_
        draft.city, draft.country = self._location(sent.start, sent.end)
        if draft.city is None and self._in("here", sent) and self.dateline_city:
            draft.city = self.dateline_city
            draft.country = draft.country or self.city_country(self.dateline_city)
        if draft.event and draft.country is None:
            draft.city, draft.country = self._event_location(draft.event)

    def _location(self, start: int, end: int) -> tuple[Optional[str], Optional[str]]:
        city = country = None
        for place in self.places:
            if start <= place.start < end and self._is_location(place):
                if place.label_ == "CITY" and city is None:
                    city, country = place.text, country or place.kb_id_
                elif place.label_ != "CITY" and country is None:
                    country = place.kb_id_
        if city and city.isupper():
            city = city.title()
        return city, country

    def _event_location(self, event: str) -> tuple[Optional[str], Optional[str]]:
        for span in self.events:
            if span.kb_id_ == event:
                sent = self.doc[max(0, span.start - 25):min(len(self.doc), span.end + 25)]
                city, country = self._location(sent.start, sent.end)
                if country:
                    return city, country
        city, country = self.finder.event_places.get(event, (None, None))
        return city, country

    def _topic(self, sent: Span) -> Optional[str]:
        for span in self._in("break", sent):
            if self.finder.info[span.label_]["id"] == "discuss":
                words = []
                for token in self.doc[span.end:sent.end]:
                    if token.is_space or (token.is_punct and token.text not in "-'’"):
                        break
                    words.append(token)
                    if len(words) >= TOPIC_TOKENS:
                        break
                if words:
                    return self.doc[words[0].i:words[-1].i + 1].text
        return None

    def merge_target(self, draft: _Draft, drafts: list[_Draft]) -> Optional[_Draft]:
        """An earlier meeting this one repeats: the same people, one set within the other, parties agreeing."""
        new = set(draft.participants)
        for old in reversed(drafts):
            known = set(old.participants)
            if not (new & known) or not (new <= known or known <= new):
                continue
            if set(draft.parties) <= set(old.parties) or set(old.parties) <= set(draft.parties):
                return old
        return None

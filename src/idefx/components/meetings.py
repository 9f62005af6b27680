"""The ``idefx_meetings`` component: link the people found in a text into meeting records.

Sentence by sentence, trigger phrases from ``meeting_patterns.jsonl`` ("met
with", "held talks", "received", "paid a visit to", "had a phone call with",
...) split a sentence into a subject side and an object side. Named people on
each side (``doc.spans["idefx_people"]``, minus quoted sources) are the
participants; phrases such as "the guests", "the sides" or "the minister"
resolve to people of earlier meetings. Parties are the participants'
countries plus countries named on either side outside place phrases ("met
his Turkish counterpart"); "separately" or unnamed sides of several countries
make one meeting each. Date, city, country, venue and event come from the
meeting's clause, else from the event's own sentences, else from the meeting
before, else from the whole text (publication date, the event the story opens
with, the dateline city). Runs after the people finder, ``idefx_places`` and
``idefx_dates``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from idefx.components.dates import DATES, body_start, doc_text
from idefx.components.places import EVENTS, PLACES, VENUES, optional_jsonl
from idefx.entities import PEOPLE_SPANS, MeetingEntity
from idefx.matching import FastMatcher, token_indices
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
    pending: bool = False  # a visit to a stand or a place, a meeting only once people there are named

    def absorb(self, other: "_Draft") -> None:
        for name in ("participants", "hosts", "guests", "subjects", "parties", "evidence"):
            merged = getattr(self, name)
            merged.extend(x for x in getattr(other, name) if x not in merged)
        for name in ("date", "city", "country", "venue", "event", "topic"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))
        if self.mode == "in_person" and len(other.participants) >= 2:
            self.mode = other.mode
        self.pending = self.pending and other.pending

    @property
    def valid(self) -> bool:
        if self.pending:
            return False
        return len(self.participants) >= 2 or (len(self.participants) == 1 and len(self.parties) >= 2)


@Language.factory("idefx_meetings")
def make_meetings(nlp: Language, name: str) -> "MeetingFinder":
    finder = MeetingFinder(nlp, name)
    finder.add_patterns(read_jsonl("meeting_patterns.jsonl"), optional_jsonl("events.jsonl"),
                        optional_jsonl("venues.jsonl"))
    return finder


class MeetingFinder:
    """Fill ``doc._.idefx_meetings`` with :class:`MeetingEntity` items."""

    def __init__(self, nlp: Language, name: str = "idefx_meetings"):
        self.nlp, self.name = nlp, name
        self.patterns: list[dict] = []
        self.events: list[dict] = []
        self.venues: list[dict] = []
        self._build()

    def add_patterns(self, patterns: list[dict], events: list[dict], venues: list[dict]) -> None:
        self.patterns.extend(patterns)
        self.events.extend(events)
        self.venues.extend(venues)
        self._build()

    def _build(self) -> None:
        self.matcher = FastMatcher(self.nlp.vocab, self.nlp.make_doc, release=True)
        self.info: dict[str, dict] = {}
        self.words: dict[str, set[str]] = {}
        for entry in self.patterns:
            if "words" in entry:
                self.words.setdefault(entry["type"], set()).update(entry["words"])
                continue
            label = f"{entry['type']}|{entry['id']}"
            self.matcher.add(label, entry["pattern"])
            self.info[label] = entry
        self.event_places = {e["name"]: (e.get("city"), e.get("country")) for e in self.events}
        self.venue_places = {v["name"]: (v.get("city"), v.get("country")) for v in self.venues}

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
            end = start + self.info[label].get("keep", end - start)
            found.setdefault(self.info[label]["type"], []).append(Span(doc, start, end, label=label))
        sentences = segments(doc)
        places = {(p.start, p.end) for p in doc.spans[PLACES]} if PLACES in doc.spans else set()
        mentions = [m for m in mentions if (m.start, m.end) not in places]  # "San Francisco" is no one
        if not mentions:
            doc._.idefx_meetings = []
            return doc
        ctx = _Context(doc, people, mentions, found, self, sentences)
        drafts: list[_Draft] = []
        body = body_start(doc_text(doc))
        for sent in sentences:
            if sent.end_char <= body:
                continue
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
            ctx.fallback(draft)
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


def segments(doc: Doc, short_line: int = 45) -> list[Span]:
    """Sentences, also cut at paragraph breaks and at the end of short lines (headlines, datelines).

    In hard-wrapped text (lines that go on in lower case) a single line break ends a sentence only
    after a short line.
    """
    candidates = token_indices(doc, _maybe_boundary, _BOUNDARY_CACHE).tolist()
    breaks = [i for i in candidates if "\n" in doc[i].text]
    wrapped = sum(1 for i in breaks if i + 1 < len(doc) and doc[i + 1].is_lower) >= 3
    out, start, line_start = [], 0, 0
    for i in candidates:
        token = doc[i]
        end_here = token.text in (".", "!", "?")
        if "\n" in token.text:
            end_here = token.text.count("\n") >= 2 or not wrapped or token.idx - line_start < short_line
            line_start = token.idx + len(token.text)
        if end_here and i + 1 > start:
            out.append(doc[start:i + 1])
            start = i + 1
    if start < len(doc):
        out.append(doc[start:len(doc)])
    return [s for s in out if any(not (t.is_space or t.is_punct) for t in s)]


_BOUNDARY_CACHE: dict[int, bool] = {}


def _maybe_boundary(word: str) -> bool:
    return word in (".", "!", "?") or "\n" in word


class _Context:
    """Per-document lookups shared by the sentence pass."""

    def __init__(self, doc: Doc, people, mentions: list[Span], found: dict[str, list[Span]], finder: MeetingFinder,
                 sentences: list[Span]):
        self.doc, self.people, self.mentions, self.found, self.finder = doc, people, mentions, found, finder
        self.sentences = sentences
        self.words = finder.words
        self.places = list(doc.spans[PLACES]) if PLACES in doc.spans else []
        self.events = list(doc.spans[EVENTS]) if EVENTS in doc.spans else []
        self.venues = list(doc.spans[VENUES]) if VENUES in doc.spans else []
        self.dates = list(doc.spans[DATES]) if DATES in doc.spans else []
        self.published = doc._.idefx_published
        self.city_codes = {name: p.kb_id_ for p in self.places if p.label_ == "CITY"
                           for name in (p.text, p.text.title())}
        self.speakers = self._speakers()
        self._local: dict[int, Optional[str]] = {}
        self.dateline_city = self._dateline_city()
        self.protagonist = self._person_at(mentions[0])

    def country_of(self, person: int) -> Optional[str]:
        """The person's country, or when the people finder gives none, the one their own words carry:
        "Crown Prince of Abu Dhabi and Deputy Supreme Commander of the UAE Armed Forces", "X of Belgium"."""
        known = self.people[person].country
        if known or person in self._local:
            return known or self._local[person]
        found = None
        for m in self.mentions:
            if self._person_at(m) == person:
                found = self._country_near(m)
                if found:
                    break
        self._local[person] = found
        return found

    def _country_near(self, mention: Span) -> Optional[str]:
        doc = self.doc
        stops = (",", ".", ";", "(", ")")
        end = mention.end
        if end < len(doc) and doc[end].text in (",", "of"):
            window = []
            for token in doc[end + 1:min(len(doc), end + 16)]:
                if token.text in stops or token.lower_ in self.words.get("place_preposition", ()):
                    break
                window.append(token.i)
            if window:
                code = self._place_code(window[0], window[-1] + 1)
                if code:
                    return code
        start = mention.start
        while start > 0 and start > mention.start - 8 and (doc[start - 1].is_title or doc[start - 1].is_upper
                                                          or doc[start - 1].lower_ in ("of", "the", "'s", "’s")):
            start -= 1
        return self._place_code(start, mention.start) if start < mention.start else None

    def _place_code(self, start: int, end: int) -> Optional[str]:
        for place in self.places:
            if start <= place.start and place.end <= end and not self._is_location(place):
                return place.kb_id_
        return None

    def city_country(self, city: str) -> Optional[str]:
        return self.city_codes.get(city)

    def _person_at(self, span: Span) -> int:
        return int(span.kb_id_)

    def _dateline_city(self) -> Optional[str]:
        """The city a dateline opens the story with ("BAKU, Azerbaijan, July 26."), if any."""
        for sent in self.sentences[:3]:
            words = [t for t in sent if not t.is_space]
            for place in self.places:
                if place.label_ == "CITY" and words and sent.start <= place.start < sent.start + 8:
                    before = [t for t in self.doc[sent.start:place.start] if not t.is_space]
                    if all(t.like_num or t.lower_ == "date" or t.is_punct for t in before):
                        return place.text.title() if place.text.isupper() else place.text
        return None

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

    def _in(self, kind: str, start: int, end: int) -> list[Span]:
        return [s for s in self.found.get(kind, []) if start <= s.start and s.end <= end]

    def _people_in(self, start: int, end: int) -> list[int]:
        out = []
        for m in self.mentions:
            if start <= m.start and m.end <= end and m.start not in self.speakers:
                idx = self._person_at(m)
                if idx not in out:
                    out.append(idx)
        return out

    def _unreal(self, trigger: Span) -> bool:
        """A trigger in the future or a wish ("is due to meet", "will hold talks", "look forward to meeting")."""
        i = trigger.start - 1
        while i >= 0 and (self.doc[i].is_space or self.doc[i].lower_ in ("also", "then", "later", "again", "soon")):
            i -= 1
        return i >= 0 and self.doc[i].lower_ in self.words.get("unreal", ())

    # -- one sentence ---------------------------------------------------------------------------

    def sentence(self, sent: Span, drafts: list[_Draft]) -> list[_Draft]:
        triggers = [t for t in filter_spans(self._in("trigger", sent.start, sent.end)) if not self._unreal(t)]
        if not triggers:
            self._attendance(sent, drafts)
            self._about_last(sent, drafts)
            return []
        breaks = sorted(s.start for s in self._in("break", sent.start, sent.end))
        anaphors = self._in("anaphor", sent.start, sent.end)
        subject_end = triggers[0].start
        subjects = self._people_in(sent.start, subject_end)
        if not subjects:
            refs = [a for a in anaphors if a.end <= subject_end]
            if refs:
                subjects = self._subject(refs[-1], drafts)
            else:
                subjects = [self._person_at(m) for m in self.mentions
                            if sent.start <= m.start < sent.end and m.start in self.speakers][:1]
            if not subjects and any(t.is_title for t in self.doc[sent.start:subject_end]):
                subjects = self._subject(self.doc[subject_end:subject_end], drafts)
        subject_parties = self._parties(subjects, sent.start, subject_end)
        distributive = bool(self._in("distributive", sent.start, sent.end))
        joint = bool(self._in("joint", sent.start, sent.end))
        out = []
        for i, trigger in enumerate(triggers):
            entry = self.finder.info[trigger.label_]
            stop = triggers[i + 1].start if i + 1 < len(triggers) else sent.end
            stop = min([b for b in breaks if b >= trigger.end] + [stop])
            region_start = max([b for b in breaks if b < trigger.start] + [sent.start])
            refers_to: Optional[_Draft] = None
            groups = self._object_groups(trigger.end, stop, subject_parties, distributive, joint)
            if not groups:
                refs = [a for a in anaphors if trigger.end <= a.start < stop
                        and self.finder.info[a.label_]["refers"] != "subject"]
                if refs:
                    objects, refers_to = self._resolve(refs[0], drafts)
                    groups = [(objects, [])]
                else:
                    groups = [([], [])]
            for objects, object_parties in groups:
                draft = _Draft(subjects=list(subjects))
                draft.participants = list(dict.fromkeys(subjects + objects))
                if entry["roles"] == "subject_host":
                    draft.hosts, draft.guests = list(subjects), list(objects)
                elif entry["roles"] == "subject_guest":
                    draft.hosts, draft.guests = list(objects), list(subjects)
                    draft.pending = not objects
                elif refers_to is not None and objects and set(objects) <= set(refers_to.guests):
                    draft.hosts, draft.guests = list(subjects), list(objects)
                parties = subject_parties + [self.country_of(p) for p in objects] + object_parties
                draft.parties = list(dict.fromkeys(p for p in parties if p))
                draft.mode = entry.get("mode") or self._mode(sent)
                if entry.get("weak_mode") and (self._in("in_person", region_start, stop)
                                               or any(self._location(region_start, stop))):
                    draft.mode = "in_person"
                draft.evidence = [(sent.start_char, sent.end_char)]
                self._setting(draft, region_start, stop, sent)
                draft.topic = self._topic(sent)
                if refers_to is not None:
                    refers_to.absorb(draft)
                    refers_to.pending = False
                    continue
                out.append(draft)
        return out

    def _object_groups(self, start: int, stop: int, subject_parties: list[str], distributive: bool,
                       joint: bool) -> list[tuple[list[int], list[str]]]:
        """The object side as meetings: one per person when "separately"; else the named people together,
        and one more for each country whose side is unnamed ("his Turkish, Lebanese and Pakistani
        counterparts", "a Qatari delegation and President Barzani"), unless the meeting is joint."""
        items: list[tuple[int, Optional[int], Optional[str]]] = []
        named = [m for m in self.mentions if start <= m.start and m.end <= stop and m.start not in self.speakers]
        for m in named:
            idx = self._person_at(m)
            items.append((m.start, idx, self.country_of(idx)))
        for place in self.places:
            if start <= place.start < stop and place.label_ in ("COUNTRY", "DEMONYM") and self._party_like(place):
                if not any(m.start <= place.start < m.end for m in self.mentions):
                    items.append((place.start, self._owner(place, named), place.kb_id_))
        items.sort(key=lambda x: x[0])
        if not items:
            return []
        if distributive and not joint:
            each: dict[int, list[str]] = {}
            for _, idx, code in items:
                if idx is not None:
                    each.setdefault(idx, []).extend([code] if code else [])
            if len(each) >= 2:
                return [([idx], list(dict.fromkeys(codes))) for idx, codes in each.items()]
        people = list(dict.fromkeys(idx for _, idx, _ in items if idx is not None))
        covered = set(subject_parties) | {self.country_of(p) for p in people}
        unnamed = list(dict.fromkeys(c for _, idx, c in items if idx is None and c and c not in covered))
        named_codes = [c for _, idx, c in items if idx is not None and c]
        if joint or not unnamed or (not people and len(unnamed) < 2):
            return [(people, [c for _, _, c in items if c])]
        groups = [(people, named_codes)] if people else []
        return groups + [([], [code]) for code in unnamed]

    def _owner(self, place: Span, named: list[Span]) -> Optional[int]:
        """The named person a country mention describes: in their title ("Iraqi Kurdistan President
        Nechirvan Barzani") or right after their name ("Kaja Kallas of Estonia"), else None."""
        for m in named:
            if 0 <= m.start - place.end <= 3:
                return self._person_at(m)
            between = [t for t in self.doc[m.end:place.start] if not t.is_space]
            if m.end <= place.start and len(between) <= 2 and between and between[0].text in (",", "of"):
                return self._person_at(m)
        return None

    def _subject(self, ref: Span, drafts: list[_Draft]) -> list[int]:
        """Who "the minister", "he", "the Armenian major general" or "the Kazakh delegation" is."""
        codes = {p.kb_id_ for p in self.places if ref.start <= p.start < ref.end}
        if codes:
            for m in reversed(self.mentions):
                if m.start < ref.start and self.country_of(self._person_at(m)) in codes:
                    return [self._person_at(m)]
        if drafts and drafts[-1].subjects:
            return list(drafts[-1].subjects)
        before = [m for m in self.mentions if m.start < ref.start]
        return [self._person_at(before[-1])] if before else [self.protagonist]

    def _resolve(self, ref: Span, drafts: list[_Draft]) -> tuple[list[int], Optional[_Draft]]:
        refers = self.finder.info[ref.label_]["refers"]
        last = drafts[-1] if drafts else None
        if last is None:
            return [], None
        if refers == "guests":
            return (list(last.guests), last) if last.guests else ([], None)
        return list(last.participants), last

    def _attendance(self, sent: Span, drafts: list[_Draft]) -> None:
        """"These meetings were attended by X, Y": add X and Y to the meetings of the sentence before."""
        if not drafts or not self._in("attendance", sent.start, sent.end):
            return
        people = self._people_in(sent.start, sent.end)
        last_evidence = drafts[-1].evidence[0]
        for draft in drafts:
            if draft.evidence and draft.evidence[0] == last_evidence:
                draft.participants.extend(p for p in people if p not in draft.participants)
                draft.parties.extend(c for c in (self.country_of(p) for p in people)
                                     if c and c not in draft.parties)

    def _about_last(self, sent: Span, drafts: list[_Draft]) -> None:
        """"The meeting took place on the sidelines of EDEX 2021": complete the meetings of the sentence before."""
        if not drafts or not self._in("meeting_anaphor", sent.start, sent.end):
            return
        probe = _Draft()
        breaks = [b.start for b in self._in("break", sent.start, sent.end)]
        self._setting(probe, sent.start, min(breaks + [sent.end]), sent)
        last_evidence = drafts[-1].evidence[0]
        for draft in drafts:
            if draft.evidence and draft.evidence[0] == last_evidence:
                for name in ("date", "event", "venue", "city", "country"):
                    if getattr(draft, name) is None:
                        setattr(draft, name, getattr(probe, name))

    def _party_like(self, place: Span) -> bool:
        """A country that stands for a side ("his Turkish counterpart", "a Qatari delegation",
        "Minister of Defense of Turkey"), not a place or a topic."""
        if self._is_location(place):
            return False
        roles = self.words.get("role_words", set())
        doc = self.doc
        names = 0
        for token in doc[place.end:min(len(doc), place.end + 10)]:
            if token.lower_ in roles:
                return True
            if token.is_space or token.lower_ in (",", "and", "or", "&", "'s", "’s", "-", "the") or \
                    any(p.start <= token.i < p.end for p in self.places):
                continue
            names += 1
            if not (token.is_title or token.is_upper) or names > 3:
                break
        i = place.start - 1
        while i >= 0 and doc[i].lower_ in ("the", "republic", "federal", "state", "kingdom", "of"):
            if doc[i].lower_ == "of":
                return any(t.lower_ in roles for t in doc[max(0, i - 5):i])
            i -= 1
        return False

    def _parties(self, participants: list[int], start: int, stop: int) -> list[str]:
        parties = [self.country_of(p) for p in participants if self.country_of(p)]
        for place in self.places:
            if start <= place.start < stop and place.label_ in ("COUNTRY", "DEMONYM") and self._party_like(place):
                parties.append(place.kb_id_)
        return list(dict.fromkeys(parties))

    def _is_location(self, place: Span) -> bool:
        """A place in a place phrase: "in Istanbul (Türkiye)", "in the Turkish city of Kars", "a visit to Georgia"."""
        i = place.start - 1
        doc = self.doc
        places = self.words.get("place_preposition", set())
        while i >= 0 and i >= place.start - 8:
            token = doc[i]
            low = token.lower_
            if low in places:
                return True
            if token.is_punct and token.text not in "(,'’" or token.is_space and "\n" in token.text and \
                    token.text.count("\n") > 1:
                return False
            of_chain = doc[place.start - 1].lower_ == "of" and token.is_lower and token.is_alpha
            if not (token.is_space or of_chain or low in ("the", "city", "capital", "of", "'s", "’s", "(", ",",
                                                          "province", "region")
                    or any(p.start <= i < p.end for p in self.places + self.venues)):
                return False
            i -= 1
        return False

    def _mode(self, sent: Span) -> str:
        modes = [self.finder.info[s.label_]["mode"] for s in self._in("mode", sent.start, sent.end)]
        return modes[0] if modes else "in_person"

    def _setting(self, draft: _Draft, start: int, stop: int, sent: Span) -> None:
        """Date, event, venue and place of a meeting from its clause (``start``..``stop``) of ``sent``."""
        for span in self.dates:
            if start <= span.start < stop and span.kb_id_ and span.label_ in DATE_LABELS:
                draft.date = span.kb_id_
                break
        events = [e for e in self.events if start <= e.start < stop]
        if events:
            draft.event = events[0].kb_id_
        elif self._in("event_anaphor", start, stop):
            earlier = [e for e in self.events if e.start < sent.start]
            draft.event = earlier[-1].kb_id_ if earlier else None
        venues = [v for v in self.venues if start <= v.start < stop]
        if venues:
            draft.venue = venues[0].kb_id_
        draft.city, draft.country = self._location(start, stop)
        if draft.city is None and self._in("here", start, stop) and self.dateline_city:
            draft.city = self.dateline_city
            draft.country = draft.country or self.city_country(self.dateline_city)
        if draft.venue and draft.country is None:
            draft.city, draft.country = self.finder.venue_places.get(draft.venue, (None, None))
        if draft.event and draft.country is None:
            draft.city, draft.country = self._event_location(draft.event)

    def fallback(self, draft: _Draft) -> None:
        """What the whole text implies for a meeting it does not date or place: the publication date, the
        event the story opened with, the dateline city."""
        if draft.date is None:
            draft.date = self.published
        if draft.event is None and self.events and draft.evidence and \
                self.events[0].start_char < draft.evidence[0][0]:
            draft.event = self.events[0].kb_id_
            if draft.country is None:
                draft.city, draft.country = self._event_location(draft.event)
        if draft.country is None and self.dateline_city:
            draft.city = draft.city or self.dateline_city
            draft.country = self.city_country(self.dateline_city)

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
        if country is None:
            inside = {p.kb_id_ for e in self.events if e.kb_id_ == event for p in self.places
                      if e.start <= p.start < e.end and p.label_ in ("COUNTRY", "DEMONYM")}
            country = inside.pop() if len(inside) == 1 else None
        return city, country

    def _topic(self, sent: Span) -> Optional[str]:
        for span in self._in("break", sent.start, sent.end):
            if self.finder.info[span.label_]["id"] == "discuss":
                words = []
                for token in self.doc[span.end:sent.end]:
                    if token.is_punct and token.text not in "-'’":
                        break
                    if not token.is_space:
                        words.append(token)
                    if len(words) >= TOPIC_TOKENS:
                        break
                if words:
                    return " ".join(t.text for t in words)
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

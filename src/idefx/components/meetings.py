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

import functools
import json
import operator
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Optional

import numpy

from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from idefx.components.batching import BatchComponent
from idefx.entities import DATES, EVENTS, PEOPLE_SPANS, PLACES, VENUES, MeetingEntity, doc_text
from idefx.layout import body_start
from idefx.gazetteers import country_code
from idefx.matching import FastMatcher, required_words
from idefx.resources import optional_jsonl, read_jsonl
from idefx.wordkinds import distinct_words, per_word, token_array

SPEAKER_WINDOW = 3
TOPIC_TOKENS = 12
DATE_LABELS = ("EVENT_DAY", "DATE", "RANGE", "RELATIVE", "WEEKDAY", "NUM")
CALENDAR_LABELS = ("DATE", "RANGE", "NUM", "DATELINE")  # a name overlapping one of these is no one ("On April 16")
LIST_HEADING_CHARS = 120
_BULLET = re.compile(r"^[ \t]*(?:[-*•·–]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)
_BULLET_AFTER_BREAK = re.compile("\n" + _BULLET.pattern[1:])  # quicker to search for than a line start
_MARKUP = re.compile(r"<[^>]*>|[*_\\]")
_HOST = re.compile(r"https?://([^/\s'\"]+)")


@dataclass
class _Draft(MeetingEntity):
    """A meeting being built: the record's fields plus what the linking needs."""

    subjects: list[int] = field(default_factory=list)
    pending: bool = False  # a visit to a stand or a place, a meeting only once people there are named
    date_open: bool = False  # on a trip over a span of days: no single day, and no fallback to publication

    def absorb(self, other: "_Draft") -> None:
        for name in ("participants", "hosts", "guests", "subjects", "parties", "evidence"):
            merged = getattr(self, name)
            merged.extend(x for x in getattr(other, name) if x not in merged)
        for name in ("date", "city", "country", "venue", "event", "topic"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))
        self.date_open = self.date_open and self.date is None
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


class MeetingFinder(BatchComponent):
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
        self.matcher = FastMatcher(self.nlp.vocab, self.nlp.make_doc)
        self.info: dict[str, dict] = {}
        self.words: dict[str, set[str]] = {}
        for entry in self.patterns:
            if "words" in entry:
                self.words.setdefault(entry["type"], set()).update(entry["words"])
                continue
            label = f"{entry['type']}|{entry['id']}"
            self.matcher.add(label, entry["pattern"])
            self.info[label] = entry
        self.segment_words: dict[int, bool] = {}  # word (hash) -> whether segments counts it a word, kept bounded
        self.trigger_words = _required_words([e["pattern"] for e in self.patterns if e["type"] == "trigger"])
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

    def cued_title(self, doc: Doc) -> Optional[str]:
        """The Doc's title (its whitespace made single spaces) when it holds a word that a trigger needs (a
        readout title may name a meeting, see _Context.from_title), else None."""
        source = doc._.idefx_source or {}
        title = source.get("title") or (source.get("front_matter") or {}).get("title")
        if not isinstance(title, str) or not title.strip():
            return None
        title = " ".join(title.split())
        lowered = title.lower()
        if self.trigger_words is not None and not any(word in lowered for word in self.trigger_words):
            return None  # no trigger can match: none of the words one needs is even part of the title
        return title

    def __call__(self, doc: Doc) -> Doc:
        people = doc._.idefx_people or []
        if not people or PEOPLE_SPANS not in doc.spans or not len(doc.spans[PEOPLE_SPANS]):
            doc._.idefx_meetings = []
            return doc
        found: dict[str, list[Match]] = {}
        for match_id, start, end in self.matcher(doc):
            label = self.nlp.vocab.strings[match_id]
            end = start + self.info[label].get("keep", end - start)
            found.setdefault(self.info[label]["type"], []).append(Match(start, end, label))
        text = doc_text(doc)
        body = body_start(text)
        if "trigger" not in found and next(_bullet_lines(text, body), None) is None and \
                self.cued_title(doc) is None:
            doc._.idefx_meetings = []  # no sentence, participant list or title to report a meeting
            return doc
        mentions = sorted(doc.spans[PEOPLE_SPANS], key=lambda s: s.start)
        places = list(doc.spans[PLACES]) if PLACES in doc.spans else []
        dates = list(doc.spans[DATES]) if DATES in doc.spans else []
        place_ranges = {(p.start, p.end) for p in places}
        calendar = [d for d in dates if d.label_ in CALENDAR_LABELS]
        # "San Francisco" is no one, nor is "On April" in "On April 16"
        mentions = [m for m in mentions if (m.start, m.end) not in place_ranges
                    and not any(m.start < d.end and d.start < m.end for d in calendar)]
        if not mentions:
            doc._.idefx_meetings = []
            return doc
        ctx = _Context(doc, people, mentions, found, self, places, dates)
        drafts: list[_Draft] = []
        lists = ctx.lists(body)
        match_starts = sorted(match.start for kind in _SENTENCE_KINDS for match in found.get(kind, ()))
        # with no trigger a sentence adds no meeting, nor anything that a later one uses
        for sent in ctx.sentences if "trigger" in found else ():
            if bisect_left(match_starts, sent.start) == bisect_right(match_starts, sent.end):
                continue  # nothing to note or report here
            if sent.end_char <= body or any(start <= sent.start_char < end for start, end, _ in lists):
                continue
            ctx.note_trip(sent)
            for draft in ctx.sentence(sent, drafts):
                target = ctx.merge_target(draft, drafts)
                if target is None:
                    drafts.append(draft)
                else:
                    target.absorb(draft)
        for block in lists:
            ctx.attach_list(block, drafts)
        if not any(d.valid for d in drafts):
            drafts.extend(ctx.from_title())
        previous: Optional[_Draft] = None
        out = []
        for draft in drafts:
            if not draft.valid:
                continue
            if previous is not None:
                for name in ("date", "city", "country", "event", "venue"):
                    if getattr(draft, name) is None and not (name == "date" and draft.date_open):
                        setattr(draft, name, getattr(previous, name))
            ctx.fallback(draft)
            if draft.city and not draft.country:
                draft.country = ctx.city_country(draft.city)
            ctx.home_party(draft)
            previous = draft
            out.append(MeetingEntity(
                participants=draft.participants, hosts=draft.hosts, guests=draft.guests,
                parties=draft.parties, mode=draft.mode, date=draft.date, city=draft.city,
                country=draft.country, venue=draft.venue, event=draft.event, topic=draft.topic,
                evidence=draft.evidence))
        doc._.idefx_meetings = out
        return doc


def _required_words(patterns: list[list[dict]]) -> Optional[frozenset[str]]:
    """Lower-case words one of which every match of any of ``patterns`` holds, or None when a pattern has no
    required literal token."""
    words: set[str] = set()
    for pattern in patterns:
        found = required_words(pattern)
        if found is None:
            return None
        words |= found
    return frozenset(words)


_SENTENCE_KINDS = ("trigger", "attendance", "meeting_anaphor", "trip")  # the matches a sentence is looked at for


class Match(NamedTuple):
    """A pattern match: its token range and its label (``type|id`` of the pattern), as a Span's ``start``,
    ``end`` and ``label_``."""

    start: int
    end: int
    label_: str


class Sentence(NamedTuple):
    """A sentence's token range and character offsets (as a Span's ``start``, ``end``, ``start_char``,
    ``end_char``)."""

    start: int
    end: int
    start_char: int
    end_char: int


def segments(doc: Doc, is_word: dict[int, bool], short_line: int = 45) -> list[Sentence]:
    """Sentences, also cut at paragraph breaks and at the end of short lines (headlines, datelines).

    In hard-wrapped text (lines that go on in lower case) a single line break ends a sentence only
    after a short line. ``is_word`` remembers, by a word's hash, whether it is a word (see _is_word).
    """
    if not len(doc):
        return []
    strings, length = doc.vocab.strings, len(doc)
    orths, idx = distinct_words(doc)[0], token_array(doc, "IDX").astype(numpy.int64)
    compute = functools.partial(_is_word, doc.vocab)
    spaces = numpy.flatnonzero(token_array(doc, "IS_SPACE"))
    space_texts = [strings[orth] for orth in orths[spaces].tolist()]
    with_break = [k for k, text in enumerate(space_texts) if "\n" in text]
    breaks = spaces[with_break]  # the tokens holding line breaks (whitespace tokens: the tokenizer splits there)
    texts = [space_texts[k] for k in with_break]
    # each break's line: from the end of the break before
    line_length = idx[breaks] - numpy.concatenate(([0], idx[breaks[:-1]] + [len(t) for t in texts[:-1]]))
    single = numpy.array([t.count("\n") == 1 for t in texts], dtype=bool)
    undecided = single & (line_length >= short_line)  # a line break that ends a sentence unless hard-wrapped
    ends_line = ~undecided if undecided.any() and _hard_wrapped(doc, breaks, single, line_length) \
        else numpy.ones(len(breaks), dtype=bool)
    stops = numpy.flatnonzero(functools.reduce(operator.or_, (orths == mark for mark in _FULL_STOPS)))
    ends = numpy.sort(numpy.concatenate((stops, breaks[ends_line]))) + 1
    bounds = numpy.concatenate(([0], ends, [length] if not len(ends) or ends[-1] < length else []))
    starts, stops = bounds[:-1].astype(numpy.int64), bounds[1:].astype(numpy.int64)
    worded = numpy.zeros(len(starts), dtype=bool)  # the segments that hold a word
    pending, offset = numpy.arange(len(starts)), 0
    while len(pending):  # look at the segments' first tokens, then at the second ones of those without a word ...
        word = numpy.array(per_word(strings, orths[starts[pending] + offset].tolist(), compute, is_word), dtype=bool)
        worded[pending[word]] = True
        offset += 1
        pending = pending[~word & (starts[pending] + offset < stops[pending])]
    starts, lasts = starts[worded], stops[worded] - 1
    last_lengths = [len(strings[orth]) for orth in orths[lasts].tolist()]
    return [Sentence(start, last + 1, start_char, end_char) for start, last, start_char, end_char in
            zip(starts.tolist(), lasts.tolist(), idx[starts].tolist(), (idx[lasts] + last_lengths).tolist())]


def _hard_wrapped(doc: Doc, breaks: numpy.ndarray, single: numpy.ndarray, line_length: numpy.ndarray) -> bool:
    """Whether lines go on in lower case after at least three line breaks, or at least three single breaks end
    long lines between two alphabetic words."""
    strings, orths, length = doc.vocab.strings, token_array(doc, "ORTH"), len(doc)
    if sum(strings[orth].islower() for orth in orths[breaks[breaks + 1 < length] + 1].tolist()) >= 3:
        return True
    mid = breaks[single & (line_length >= WRAP_WIDTH) & (breaks > 0) & (breaks + 1 < length)]
    return sum(strings[before].isalpha() and strings[after].isalpha()
               for before, after in zip(orths[mid - 1].tolist(), orths[mid + 1].tolist())) >= 3


_FULL_STOPS = [numpy.uint64(hash_string(mark)) for mark in (".", "!", "?")]


def _is_word(vocab, word: str) -> bool:
    """Whether a token is a word for segments: not whitespace or punctuation."""
    lex = vocab[word]
    return not (lex.is_space or lex.is_punct)


WRAP_WIDTH = 60  # a line this long that stops between two words is hard-wrapped
_LIST_WORDS = {",", "and", "&", "the", "republic", "federal", "state", "kingdom"}
_TITLE_JOINERS = {"and", "of", "the", "with", "'s", "’s", "de", "da", "van", "von", "al", "bin"}


def _bullet_lines(text: str, start: int):
    """The offsets of the bulleted lines that start at or after ``start``."""
    if start == 0 and _BULLET.match(text):
        yield 0
    for bullet in _BULLET_AFTER_BREAK.finditer(text, max(start - 1, 0)):
        yield bullet.start() + 1


def _city_name(place: Span) -> str:
    """A city as named, on one line, in title case when written in capitals ("BAKU" -> "Baku")."""
    name = " ".join(place.text.split())
    return name.title() if name.isupper() else name


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _name_forms(person) -> set[str]:
    """The last words of a person's name and aliases, without a suffix ("Joseph R. Biden, Jr." -> "Biden")."""
    forms = set()
    for name in (person.name, *person.aliases):
        words = [w for w in name.replace(",", " ").split() if w.lower().rstrip(".") not in _SUFFIXES]
        if words and words[-1][:1].isupper():
            forms.add(words[-1])
    return forms


class _Context:
    """Per-document lookups shared by the sentence pass."""

    def __init__(self, doc: Doc, people, mentions: list[Span], found: dict[str, list[Match]], finder: MeetingFinder,
                 places: list[Span], dates: list[Span]):
        self.doc, self.people, self.mentions, self.found, self.finder = doc, people, mentions, found, finder
        self._starts = {kind: [span.start for span in spans] for kind, spans in found.items()}
        self._mention_starts = [m.start for m in mentions]  # the mentions come by start
        self.words = finder.words
        self.places, self.dates = places, dates
        self.events = list(doc.spans[EVENTS]) if EVENTS in doc.spans else []
        self.venues = list(doc.spans[VENUES]) if VENUES in doc.spans else []
        self.published = doc._.idefx_published
        self._local: dict[int, Optional[str]] = {}
        self.protagonist = self._person_at(mentions[0])
        self.trip: Optional[dict] = None  # the last trip announced: destinations and its date
        self.companions: dict[int, list[int]] = {}  # "The DNI was joined by X and Y" before any meeting

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

    @functools.cached_property
    def sentences(self) -> list[Sentence]:
        """The text's sentences (see segments), found when first needed."""
        return segments(self.doc, self.finder.segment_words)

    @functools.cached_property
    def dateline_city(self) -> Optional[str]:
        """The city a dateline opens the story with ("BAKU, Azerbaijan, July 26."), if any."""
        for sent in self.sentences[:3]:  # each has a word (see segments)
            for place in self.places:
                if place.label_ == "CITY" and sent.start <= place.start < sent.start + 8:
                    before = [t for t in self.doc[sent.start:place.start] if not t.is_space]
                    if all(t.like_num or t.lower_ == "date" or t.is_punct for t in before):
                        return _city_name(place)
        return None

    @functools.cached_property
    def _place_tokens(self) -> set[int]:
        """The tokens inside a place name."""
        return {i for p in self.places for i in range(p.start, p.end)}

    @functools.cached_property
    def _venue_tokens(self) -> set[int]:
        """The tokens inside a venue name."""
        return {i for v in self.venues for i in range(v.start, v.end)}

    @functools.cached_property
    def city_codes(self) -> dict[str, str]:
        """City name (as named, and in title case) -> its country code."""
        codes = {}
        for place in self.places:
            if place.label_ == "CITY":
                name = _city_name(place)
                codes[name] = codes[name.title()] = place.kb_id_
        return codes

    @functools.cached_property
    def speakers(self) -> set[int]:
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

    def _in(self, kind: str, start: int, end: int) -> list[Match]:
        spans = self.found.get(kind)
        if not spans:
            return []
        starts = self._starts[kind]  # the spans come by start
        return [s for s in spans[bisect_left(starts, start):bisect_right(starts, end)] if s.end <= end]

    def _people_in(self, start: int, end: int) -> list[int]:
        out = []
        for m in self.mentions[bisect_left(self._mention_starts, start):bisect_right(self._mention_starts, end)]:
            if m.end <= end and m.start not in self.speakers:
                idx = self._person_at(m)
                if idx not in out:
                    out.append(idx)
        return out

    def _unreal(self, trigger: Match) -> bool:
        """A trigger in the future or a wish ("is due to meet", "will hold talks", "look forward to meeting")."""
        i = trigger.start - 1
        while i >= 0 and (self.doc[i].is_space or self.doc[i].lower_ in ("also", "then", "later", "again", "soon")):
            i -= 1
        if i < 0 or self.doc[i].lower_ not in self.words.get("unreal", ()):
            return False
        return not (self.doc[i].lower_ == "to" and self._after_journey(i))

    def _after_journey(self, to: int) -> bool:
        """"travelled to Mexico City to meet with": the purpose of a journey made, not a plan."""
        unreal, travel = self.words.get("unreal", set()), self.words.get("travel", set())
        for token in reversed(self.doc[max(0, to - 15):to]):
            if token.lower_ in travel:
                return True
            if token.lower_ in unreal and token.lower_ != "to" or token.text in (".", ";", "!", "?"):
                return False
        return False

    # -- one sentence ---------------------------------------------------------------------------

    def sentence(self, sent: Sentence, drafts: list[_Draft]) -> list[_Draft]:
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
        subjects = subjects + [c for p in subjects for c in self.companions.get(p, []) if c not in subjects]
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
            if len(groups) == 1 and not joint and len(self._trip_countries()) > 1:
                groups = self._split_by_trip(*groups[0])
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
                self._trip_setting(draft, objects)
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
        heads = {self._role_list(p) for p in self.places if start <= p.start < stop and p.kb_id_ in unnamed
                 and p.label_ in ("COUNTRY", "DEMONYM")}
        one_side = len(unnamed) >= 2 and len(heads) == 1 and None not in heads
        if joint or one_side or not unnamed or (not people and len(unnamed) < 2):
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

    def _subject(self, ref: "Match | Span", drafts: list[_Draft]) -> list[int]:
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

    def _resolve(self, ref: Match, drafts: list[_Draft]) -> tuple[list[int], Optional[_Draft]]:
        refers = self.finder.info[ref.label_]["refers"]
        last = drafts[-1] if drafts else None
        if last is None:
            return [], None
        if refers == "guests":
            return (list(last.guests), last) if last.guests else ([], None)
        return list(last.participants), last

    def _attendance(self, sent: Sentence, drafts: list[_Draft]) -> None:
        """"These meetings were attended by X, Y", "Z dropped by the meeting": add X, Y and Z to the meetings
        of the sentence before. Before any meeting, "The DNI was joined by X and Y" makes X and Y companions
        of the DNI in the meetings to come."""
        found = self._in("attendance", sent.start, sent.end)
        if not found:
            return
        people = []
        for span in found:  # "X dropped by the meeting" (subject side) or "attended by X" (after the phrase)
            if self.finder.info[span.label_].get("side") == "subject":
                people.extend(self._people_in(sent.start, span.start))
            else:
                people.extend(self._people_in(span.end, sent.end))
        people = list(dict.fromkeys(people))
        if not people:
            return
        if not drafts:
            leaders = self._people_in(sent.start, found[0].start) or self._subject(found[0], drafts)
            for leader in leaders:
                known = self.companions.setdefault(leader, [])
                known.extend(p for p in people if p not in leaders and p not in known)
            return
        last_evidence = drafts[-1].evidence[0]
        for draft in drafts:
            if draft.evidence and draft.evidence[0] == last_evidence:
                draft.participants.extend(p for p in people if p not in draft.participants)
                draft.parties.extend(c for c in (self.country_of(p) for p in people)
                                     if c and c not in draft.parties)

    def _about_last(self, sent: Sentence, drafts: list[_Draft]) -> None:
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
                    token.i in self._place_tokens:
                continue
            names += 1
            if not (token.is_title or token.is_upper) or names > 3:
                break
        return self._role_list(place) is not None

    def _role_list(self, place: Span) -> Optional[int]:
        """The "of"/"from" that hangs a list of countries on a role word ("Minister of Defense of Turkey",
        "his counterparts from NATO Allies Estonia, Latvia, and Lithuania"): its token index, else None."""
        doc, roles = self.doc, self.words.get("role_words", set())
        i, names = place.start - 1, 0
        while i >= 0 and i > place.start - 20:
            token = doc[i]
            if token.lower_ in ("of", "from"):
                return i if any(t.lower_ in roles for t in doc[max(0, i - 5):i]) else None
            if token.is_space or token.lower_ in _LIST_WORDS or i in self._place_tokens:
                i -= 1
                continue
            names += 1
            if not (token.is_title or token.is_upper) or names > 3:
                return None
            i -= 1
        return None

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
                                                          "province", "region", "and")
                    or i in self._place_tokens or i in self._venue_tokens):
                return False
            i -= 1
        return False

    def _mode(self, sent: Sentence) -> str:
        modes = [self.finder.info[s.label_]["mode"] for s in self._in("mode", sent.start, sent.end)]
        return modes[0] if modes else "in_person"

    def _setting(self, draft: _Draft, start: int, stop: int, sent: Sentence) -> None:
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
        if draft.date is None and not draft.date_open:
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
                    city, country = _city_name(place), country or place.kb_id_
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

    def _topic(self, sent: Sentence) -> Optional[str]:
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

    # -- participant lists, trips, readout titles, the home country ---------------------------------

    def lists(self, body: int) -> list[tuple[int, int, list[int]]]:
        """Participant lists: bulleted lines that name people, right below a heading that says who they are
        ("Participants in the meeting:", "Meeting Participants", "The delegation included:"). Each as
        (heading start, list end, people)."""
        text = doc_text(self.doc)
        words = self.words.get("list_heading", set())
        out: list[tuple[int, int, list[int]]] = []
        taken = body
        for first in _bullet_lines(text, body):
            if first < taken:
                continue
            end = taken = self._list_end(text, first - 1) or first
            heading = self._heading(text, first)
            if heading is None or heading[0] < body:
                continue
            line = _MARKUP.sub(" ", text[heading[0]:heading[1]]).lower()
            if not words & set(re.findall(r"[a-z]+", line)):
                continue
            people = self._people_in(*self._token_range(first, end))
            if people:
                out.append((heading[0], end, people))
        return out

    @staticmethod
    def _heading(text: str, first: int) -> Optional[tuple[int, int]]:
        """The line above the line starting at ``first`` (blank lines between allowed), cut to its last
        sentence, when it is short; else None."""
        end = text.rfind("\n", 0, max(first - 1, 0))
        while end > 0 and not text[text.rfind("\n", 0, end) + 1:end].strip():
            end = text.rfind("\n", 0, end)
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        stop = max(text.rfind(". ", start, end), text.rfind(".\t", start, end))
        start = stop + 2 if stop >= 0 else start
        return (start, end) if end - start <= LIST_HEADING_CHARS else None

    def _list_end(self, text: str, pos: int) -> Optional[int]:
        """The end of the bulleted lines that start after offset ``pos`` (blank lines, indented continuation
        lines and short sub-headings ending in ":" may come between them), or None when none follow."""
        end = None
        while pos < len(text):
            nxt = text.find("\n", pos + 1)
            nxt = len(text) if nxt < 0 else nxt
            line = text[pos + 1:nxt]
            if _BULLET.match(line):
                end = nxt
            else:
                plain = _MARKUP.sub("", line).strip()
                if plain and not (end is not None and line[:1] in " \t") and \
                        not (plain.endswith(":") and len(plain) <= LIST_HEADING_CHARS):
                    break
            pos = nxt
        return end

    def _token_range(self, start_char: int, end_char: int) -> tuple[int, int]:
        span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        return (span.start, span.end) if span is not None else (len(self.doc), len(self.doc))

    def attach_list(self, block: tuple[int, int, list[int]], drafts: list[_Draft]) -> None:
        """The people of a participant list take part in the meeting described before the list, else in
        a meeting of their own."""
        start, end, people = block
        target = next((d for d in reversed(drafts) if d.evidence and d.evidence[0][0] < start), None)
        if target is None:
            target = _Draft(evidence=[(start, end)])
            heading = self.doc.char_span(start, end, alignment_mode="expand")
            if heading is not None:
                self._setting(target, heading.start, heading.end,
                              Sentence(heading.start, heading.end, heading.start_char, heading.end_char))
            drafts.append(target)
        else:
            target.evidence.append((start, end))
        target.participants.extend(p for p in people if p not in target.participants)
        target.parties.extend(c for c in dict.fromkeys(self.country_of(p) for p in people)
                              if c and c not in target.parties)
        target.pending = False

    def note_trip(self, sent: Sentence) -> None:
        """Remember the places a trip goes to ("travelled to Rwanda and the DRC on 19-20 November") and
        its date, for the meetings reported after it."""
        words = self._in("trip", sent.start, sent.end)
        if not words:
            return
        breaks = [b.start for b in self._in("break", words[0].end, sent.end)]
        stop = min(breaks + [sent.end])
        places = [p for p in self.places if words[0].end <= p.start < stop and p.label_ != "DEMONYM"
                  and self._is_location(p)]
        if not places:
            return
        stops = [(_city_name(p), p.kb_id_) if p.label_ == "CITY"
                 else (None, p.kb_id_) for p in places]
        date = next((d for d in self.dates if sent.start <= d.start < sent.end and d.kb_id_
                     and d.label_ in DATE_LABELS), None)
        self.trip = {"stops": stops, "date": date.kb_id_ if date is not None else None,
                     "range": date is not None and date.label_ == "RANGE"}

    def _trip_countries(self) -> list[str]:
        return list(dict.fromkeys(code for _, code in self.trip["stops"])) if self.trip else []

    def _split_by_trip(self, objects: list[int], parties: list[str]) -> list[tuple[list[int], list[str]]]:
        """Counterparts from different countries of a trip are met in their own countries, apart."""
        countries = self._trip_countries()
        by_country: dict[str, list[int]] = {}
        for person in objects:
            code = self.country_of(person)
            if code not in countries:
                return [(objects, parties)]
            by_country.setdefault(code, []).append(person)
        if len(by_country) < 2:
            return [(objects, parties)]
        return [(people, [code]) for code, people in by_country.items()]

    def _trip_setting(self, draft: _Draft, objects: list[int]) -> None:
        """Place and date of a meeting on a trip, when its own clause gives none: the one destination, or
        the destination its counterparts come from; the trip's day (none when the trip spans days)."""
        if self.trip is None:
            return
        if draft.country is None:
            stops = self.trip["stops"]
            if len(self._trip_countries()) > 1:
                theirs = {self.country_of(p) for p in objects}
                stops = [s for s in stops if s[1] in theirs]
            if len({code for _, code in stops}) == 1:
                cities = {city for city, _ in stops if city}
                draft.country = stops[0][1]
                draft.city = draft.city or (cities.pop() if len(cities) == 1 else None)
        if draft.date is None and self.trip["date"]:
            if self.trip["range"]:
                draft.date_open = True
            else:
                draft.date = self.trip["date"]

    def from_title(self) -> list[_Draft]:
        """A readout whose body reports no meeting but whose title names one ("Readout of X's Meeting with Y
        on Z"): the title's people who are named in the body meet, with the body sentence naming the most
        of them as evidence."""
        title = self.finder.cued_title(self.doc)
        if title is None:
            return []
        cue = self.finder.trigger_words
        tdoc = self.finder.nlp.make_doc(title)
        if cue is not None and not any(token.lower_ in cue for token in tdoc):
            return []
        matches = [(s, e, self.finder.info[self.finder.nlp.vocab.strings[m]]) for m, s, e in self.finder.matcher(tdoc)]
        triggers = [m for m in matches if m[2]["type"] == "trigger"]
        if not triggers:
            return []
        start, end, entry = triggers[0]
        stop = end
        while stop < len(tdoc) and not (tdoc[stop].is_lower and tdoc[stop].lower_ not in _TITLE_JOINERS):
            stop += 1
        words = {t.text for t in tdoc[:stop] if not t.is_lower}
        named = [i for i, person in enumerate(self.people)
                 if any(form in words for form in _name_forms(person)) and
                 any(self._person_at(m) == i for m in self.mentions)]
        if len(named) < 2:
            return []
        best, most = None, 0
        for sent in self.sentences:
            count = len(set(self._people_in(sent.start, sent.end)) & set(named))
            if count > most:
                best, most = sent, count
        if best is None:
            return []
        draft = _Draft(participants=named, subjects=named[:1], evidence=[(best.start_char, best.end_char)])
        draft.parties = list(dict.fromkeys(c for c in map(self.country_of, named) if c))
        draft.mode = entry.get("mode") or next((m["mode"] for _, _, m in matches if m["type"] == "mode"), "in_person")
        self._setting(draft, best.start, best.end, best)
        return [draft]

    @functools.cached_property
    def home(self) -> Optional[str]:
        """The country of a government source (``source_url`` on a .gov, .mil, .gov.xx ... host), else None."""
        source = self.doc._.idefx_source or {}
        url = (source.get("front_matter") or {}).get("source_url") or source.get("url") or ""
        host = _HOST.match(str(url).strip())
        if not host:
            return None
        labels = host.group(1).lower().split(".")
        if not set(labels) & self.words.get("government_host", set()):
            return None
        tld = labels[-1]
        return country_code(tld.upper()) if len(tld) == 2 else ("US" if tld in ("gov", "mil") else None)

    def home_party(self, draft: _Draft) -> None:
        """In a government's own readout its country is a party of the meetings it reports, when the text
        leaves a participant's country open or names one side only."""
        if self.home is None or self.home in draft.parties:
            return
        if len(draft.parties) < 2 or any(self.country_of(p) is None for p in draft.participants):
            draft.parties.append(self.home)

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

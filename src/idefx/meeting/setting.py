"""Where, when and at what event a meeting takes place: from its own clause, from a later sentence about it
("The meeting took place on the sidelines of ..."), from the trip it is part of, from the meeting before,
else from the whole text (publication date, the event the story opens with, the dateline city)."""

from __future__ import annotations

import functools
from typing import Optional

from idefx.matchindex import MatchIndex
from idefx.meeting.draft import MeetingDraft, same_sentence
from idefx.meeting.patterns import MeetingPatterns
from idefx.meeting.places import PlacePhrases, city_name
from idefx.meeting.text import MeetingText
from idefx.segments import Sentence

DATE_LABELS = ("EVENT_DAY", "DATE", "RANGE", "RELATIVE", "WEEKDAY", "NUM")
OPENING_REACH = 2  # tokens into a sentence where a date opens it ("On Monday, ...")
EVENT_REACH = 25  # tokens around an event's name where its place is looked for
_CARRIED = ("date", "city", "country", "event", "venue")  # what a meeting takes from the one before


class Setting:
    """Date, event, venue, city and country of meetings."""

    def __init__(self, text: MeetingText, places: PlacePhrases, cues: MatchIndex, patterns: MeetingPatterns):
        self.text, self.doc, self.places, self.cues, self.patterns = text, text.doc, places, cues, patterns
        self.dates, self.events, self.venues = text.dates, text.events, text.venues

    @functools.cached_property
    def dateline_city(self) -> Optional[str]:
        """The city a dateline opens the story with ("BAKU, Azerbaijan, July 26."), if any."""
        for sent in self.text.sentences[:3]:  # each has a word (see segments)
            for place in self.places.spans:
                if place.label_ == "CITY" and sent.start <= place.start < sent.start + 8:
                    before = [t for t in self.doc[sent.start:place.start] if not t.is_space]
                    if all(t.like_num or t.lower_ == "date" or t.is_punct for t in before):
                        return city_name(place)
        return None

    def from_clause(self, draft: MeetingDraft, start: int, stop: int, sent: Sentence) -> None:
        """Date, event, venue and place of a meeting from its clause (``start``..``stop``) of ``sent``."""
        for span in self.dates:
            # the clause's own date, else one opening the sentence ("On Monday, after arriving in Oslo, A met B")
            opening = sent.start <= span.start <= sent.start + OPENING_REACH
            if (start <= span.start < stop or opening) and span.kb_id_ and span.label_ in DATE_LABELS:
                draft.date = span.kb_id_
                if start <= span.start:
                    break
        events = [e for e in self.events if start <= e.start < stop]
        if events:
            draft.event = events[0].kb_id_
        elif self.cues.within("event_anaphor", start, stop):
            earlier = [e for e in self.events if e.start < sent.start]
            draft.event = earlier[-1].kb_id_ if earlier else None
        venues = [v for v in self.venues if start <= v.start < stop]
        if venues:
            draft.venue = venues[0].kb_id_
        draft.city, draft.country = self.places.location(start, stop)
        if draft.country is None and self.doc[start].lower_ == "where":  # "was in Rome, where she met B"
            draft.city, draft.country = self._antecedent(start)
        if draft.city is None and self.cues.within("here", start, stop) and self.dateline_city:
            draft.city = self.dateline_city
            draft.country = draft.country or self.places.city_country(self.dateline_city)
        if draft.venue and draft.country is None:
            draft.city, draft.country = self.patterns.venue_places.get(draft.venue, (None, None))
        if draft.event and draft.country is None:
            draft.city, draft.country = self._event_location(draft.event)

    def _antecedent(self, where: int) -> tuple[Optional[str], Optional[str]]:
        """The place a "where" clause hangs on: the city or country named right before it."""
        for place in self.places.spans:
            if where - 2 <= place.end <= where and place.label_ != "DEMONYM" and \
                    all(t.text == "," or t.is_space for t in self.doc[place.end:where]):
                if place.label_ == "CITY":
                    return city_name(place), place.kb_id_
                return None, place.kb_id_
        return None, None

    def _event_location(self, event: str) -> tuple[Optional[str], Optional[str]]:
        for span in self.events:
            if span.kb_id_ == event:
                near = self.doc[max(0, span.start - EVENT_REACH):min(len(self.doc), span.end + EVENT_REACH)]
                city, country = self.places.location(near.start, near.end)
                if country:
                    return city, country
        city, country = self.patterns.event_places.get(event, (None, None))
        if country is None:
            inside = {p.kb_id_ for e in self.events if e.kb_id_ == event for p in self.places.spans
                      if e.start <= p.start < e.end and p.label_ in ("COUNTRY", "DEMONYM")}
            country = inside.pop() if len(inside) == 1 else None
        return city, country

    def about_last(self, sent: Sentence, drafts: list[MeetingDraft]) -> None:
        """"The meeting took place on the sidelines of EDEX 2021": complete the meetings of the sentence before."""
        if not drafts or not self.cues.within("meeting_anaphor", sent.start, sent.end):
            return
        probe = MeetingDraft()
        breaks = [b.start for b in self.cues.within("break", sent.start, sent.end)]
        self.from_clause(probe, sent.start, min(breaks + [sent.end]), sent)
        for draft in same_sentence(drafts):
            for name in ("date", "event", "venue", "city", "country"):
                if getattr(draft, name) is None:
                    setattr(draft, name, getattr(probe, name))

    def complete(self, draft: MeetingDraft, previous: Optional[MeetingDraft]) -> None:
        """What a meeting's own sentences leave open: from the meeting before, else from the whole text (the
        publication date, the event the story opened with, the dateline city); a named city's country. An
        earlier meeting mentioned in passing keeps what its own clause says."""
        if draft.earlier:
            draft.date_open = draft.date is None
            previous = None  # another occasion than the one the story reports: nothing of it is known
        if previous is not None:
            for name in _CARRIED:
                if getattr(draft, name) is None and not (name == "date" and draft.date_open):
                    setattr(draft, name, getattr(previous, name))
        if draft.date is None and not draft.date_open:
            draft.date = self.text.published
        if draft.earlier:
            draft.country = draft.country or (self.places.city_country(draft.city) if draft.city else None)
            return
        if draft.event is None and self.events and draft.evidence and \
                self.events[0].start_char < draft.evidence[0][0]:
            draft.event = self.events[0].kb_id_
            if draft.country is None:
                draft.city, draft.country = self._event_location(draft.event)
        if draft.country is None and self.dateline_city:
            draft.city = draft.city or self.dateline_city
            draft.country = self.places.city_country(self.dateline_city)
        if draft.city and not draft.country:
            draft.country = self.places.city_country(draft.city)


class Trip:
    """The last trip the text announces ("travelled to Rwanda and the DRC on 19-20 November"): its stops and
    date, for the meetings reported after it."""

    def __init__(self, text: MeetingText, places: PlacePhrases, cues: MatchIndex):
        self.doc, self.dates, self.places, self.cues = text.doc, text.dates, places, cues
        self.stops: Optional[list[tuple[Optional[str], str]]] = None  # (city or None, country code)
        self.date: Optional[str] = None
        self.spans_days = False

    def note(self, sent: Sentence) -> None:
        """Remember the trip a sentence announces, if any."""
        words = self.cues.within("trip", sent.start, sent.end)
        if not words:
            return
        breaks = [b.start for b in self.cues.within("break", words[0].end, sent.end)]
        stop = min(breaks + [sent.end])
        places = [p for p in self.places.spans if words[0].end <= p.start < stop and p.label_ != "DEMONYM"
                  and self.places.is_location(p)]
        if not places:
            return
        self.stops = [(city_name(p), p.kb_id_) if p.label_ == "CITY" else (None, p.kb_id_) for p in places]
        date = next((d for d in self.dates if sent.start <= d.start < sent.end and d.kb_id_
                     and d.label_ in DATE_LABELS), None)
        self.date = date.kb_id_ if date is not None else None
        self.spans_days = date is not None and date.label_ == "RANGE"

    def countries(self) -> list[str]:
        return list(dict.fromkeys(code for _, code in self.stops)) if self.stops else []

    def place(self, draft: MeetingDraft, object_countries: set[Optional[str]]) -> None:
        """Place and date of a meeting on the trip, when its own clause gives none: the one destination, or
        the destination its counterparts come from; the trip's day (none when the trip spans days)."""
        if self.stops is None:
            return
        if draft.country is None:
            stops = self.stops
            if len(self.countries()) > 1:
                stops = [s for s in stops if s[1] in object_countries]
            if len({code for _, code in stops}) == 1:
                cities = {city for city, _ in stops if city}
                draft.country = stops[0][1]
                draft.city = draft.city or (cities.pop() if len(cities) == 1 else None)
        if draft.date is None and self.date:
            if self.spans_days:
                draft.date_open = True
            else:
                draft.date = self.date

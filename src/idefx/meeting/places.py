"""Place names as the meeting readers see them: a place where something happens ("in Istanbul") or a
country that stands for someone ("the Turkish minister"), and the city and country a stretch of text
names."""

from __future__ import annotations

import functools
from typing import Optional

from spacy.tokens import Span

from idefx.meeting.text import MeetingText

_LOCATION_LEAD_WORDS = ("the", "city", "capital", "of", "'s", "’s", "(", ",", "province", "region", "and")


def city_name(place: Span) -> str:
    """A city as named, on one line, in title case when written in capitals ("BAKU" -> "Baku")."""
    name = " ".join(place.text.split())
    return name.title() if name.isupper() else name


class PlacePhrases:
    """The Doc's place spans, and whether each is a location or a party."""

    def __init__(self, text: MeetingText, prepositions: set[str], place_nouns: set[str] = frozenset()):
        self.doc, self.spans, self.venues, self.dates = text.doc, text.places, text.venues, text.dates
        self.prepositions = prepositions  # "in", "at", "to" ...: the words that make a place a location
        self.place_nouns = place_nouns  # "city", "capital" ...: what a demonym before them makes a place

    @functools.cached_property
    def tokens(self) -> set[int]:
        """The tokens inside a place name."""
        return {i for p in self.spans for i in range(p.start, p.end)}

    @functools.cached_property
    def venue_tokens(self) -> set[int]:
        """The tokens inside a venue name."""
        return {i for v in self.venues for i in range(v.start, v.end)}

    @functools.cached_property
    def city_codes(self) -> dict[str, str]:
        """City name (as named, and in title case) -> its country code."""
        codes = {}
        for place in self.spans:
            if place.label_ == "CITY":
                name = city_name(place)
                codes[name] = codes[name.title()] = place.kb_id_
        return codes

    def city_country(self, city: str) -> Optional[str]:
        return self.city_codes.get(city)

    @functools.cached_property
    def date_tokens(self) -> set[int]:
        return {i for d in self.dates for i in range(d.start, d.end)}

    def is_location(self, place: Span) -> bool:
        """A place in a place phrase: "in Istanbul (Türkiye)", "in the Turkish city of Kars", "a visit to Georgia";
        not a demonym before a person ("to the Italian Prime Minister") nor a place that names something
        else ("in the Paris Agreement", "under the Moscow Mechanism")."""
        if self._modifier(place):
            return False
        i = place.start - 1
        doc = self.doc
        while i >= 0 and i >= place.start - 8:
            token = doc[i]
            low = token.lower_
            if low in self.prepositions:
                return True
            if token.is_punct and token.text not in "(,'’" or token.is_space and "\n" in token.text and \
                    token.text.count("\n") > 1:
                return False
            of_chain = doc[place.start - 1].lower_ == "of" and token.is_lower and token.is_alpha
            if not (token.is_space or of_chain or low in _LOCATION_LEAD_WORDS
                    or i in self.tokens or i in self.venue_tokens):
                return False
            i -= 1
        return False

    def _modifier(self, place: Span) -> bool:
        """A place name that qualifies the word after it: a demonym not before a place noun ("the Italian
        Prime Minister", but "the Turkish capital"), a name before a capitalised word of another name
        ("the Paris Agreement"; not a date, place or venue: "in Paris Tuesday", "in Baku Crystal Hall")."""
        doc, j = self.doc, place.end
        while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
            j += 1
        if j >= len(doc):
            return False
        after = doc[j]
        if place.label_ == "DEMONYM":
            return after.lower_ not in self.place_nouns
        return after.is_alpha and after.is_title and j == place.end and j not in self.tokens and \
            j not in self.venue_tokens and j not in self.date_tokens

    def party_code(self, start: int, end: int) -> Optional[str]:
        """The code of the first place inside ``start``..``end`` that is not a location, else None."""
        for place in self.spans:
            if start <= place.start and place.end <= end and not self.is_location(place):
                return place.kb_id_
        return None

    def location(self, start: int, end: int) -> tuple[Optional[str], Optional[str]]:
        """The first city and country named as locations in ``start``..``end``."""
        city = country = None
        for place in self.spans:
            if start <= place.start < end and self.is_location(place):
                if place.label_ == "CITY" and city is None:
                    city, country = city_name(place), country or place.kb_id_
                elif place.label_ != "CITY" and country is None:
                    country = place.kb_id_
        if city and city.isupper():
            city = city.title()
        return city, country

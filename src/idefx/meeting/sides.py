"""The sides of a meeting and how many meetings a sentence reports: which countries stand for a side ("his
Turkish counterpart"), whether the object side is one meeting or several ("separately", counterparts of
several countries, a trip to several countries), and whether a meeting repeats an earlier one."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional

from spacy.tokens import Span

from idefx.meeting.draft import MeetingDraft
from idefx.meeting.participants import Participants, person_of
from idefx.meeting.places import PlacePhrases

_LIST_WORDS = {",", "and", "&", "the", "republic", "federal", "state", "kingdom"}
_SIDE_KINDS = ("COUNTRY", "DEMONYM")
_TITLE_GLUE = {",", "of", "the", "and", "for", "'s", "’s", "-"}  # words inside a title after a name
_APPOSITION = 12  # tokens of a title after a name's comma ("A, Deputy Minister of Foreign Affairs of Chile")
LIST_OF_COUNTRIES = 3  # counterparts of this many countries, their own words silent, are still met one by one

Group = tuple[list[int], list[str]]  # one meeting's people on the object side and the countries they stand for


class Sides:
    """Countries as sides, and the object side of a trigger as one meeting or several."""

    def __init__(self, places: PlacePhrases, participants: Participants, role_words: set[str]):
        self.doc, self.places, self.participants = places.doc, places, participants
        self.role_words = role_words  # "minister", "counterpart", "delegation" ...: what a country can qualify

    def party_like(self, place: Span) -> bool:
        """A country that stands for a side ("his Turkish counterpart", "a Qatari delegation",
        "Minister of Defense of Turkey"), not a place or a topic."""
        if self.places.is_location(place):
            return False
        doc = self.doc
        names = 0
        for token in doc[place.end:min(len(doc), place.end + 10)]:
            if token.lower_ in self.role_words:
                return True
            if token.is_space or token.lower_ in (",", "and", "or", "&", "'s", "’s", "-", "the") or \
                    token.i in self.places.tokens:
                continue
            names += 1
            if not (token.is_title or token.is_upper) or names > 3:
                break
        return self.role_list(place) is not None

    def role_list(self, place: Span) -> Optional[int]:
        """The "of"/"from" that hangs a list of countries on a role word ("Minister of Defense of Turkey",
        "his counterparts from NATO Allies Estonia, Latvia, and Lithuania"): its token index, else None."""
        doc = self.doc
        i, names = place.start - 1, 0
        while i >= 0 and i > place.start - 20:
            token = doc[i]
            if token.lower_ in ("of", "from"):
                return i if any(t.lower_ in self.role_words for t in doc[max(0, i - 5):i]) else None
            if token.is_space or token.lower_ in _LIST_WORDS or i in self.places.tokens:
                i -= 1
                continue
            names += 1
            if not (token.is_title or token.is_upper) or names > 3:
                return None
            i -= 1
        return None

    def parties(self, people: list[int], start: int, stop: int) -> list[str]:
        """The countries of ``people`` and the countries standing for a side in ``start``..``stop``."""
        parties = [self.participants.country_of(p) for p in people if self.participants.country_of(p)]
        for place in self.places.spans:
            if start <= place.start < stop and place.label_ in _SIDE_KINDS and self.party_like(place):
                parties.append(place.kb_id_)
        return list(dict.fromkeys(parties))

    def _owner(self, place: Span, named: list[Span], distributive: bool = False) -> Optional[int]:
        """The named person a country mention describes: in their title ("Iraqi Kurdistan President
        Nechirvan Barzani") or, failing that, right after their name ("Kaja Kallas of Estonia"), else None: in
        "A, Bolivian Minister B" the demonym is B's. A country a role word hangs on, closing the title after
        a name ("A, Minister of Foreign Affairs of Russia, Prince B"), is A's; with the next name
        right after it ("A, Chief of Staff of the Qatari Armed Forces B") it is B's."""
        before = [m for m in named if m.end <= place.start]
        after = [m for m in named if m.start >= place.end]
        closed = not after or any(t.lower_ in (",", ";", "and") for t in self.doc[place.end:after[0].start])
        title = self.doc[before[-1].end:place.start] if before else []
        opening = [t.lower_ for t in title if t.text != ","][:1]  # "A, and the Minister of X, B": B's title
        if closed and 0 < len(title) <= _APPOSITION and opening and opening[0] not in _TITLE_GLUE and \
                all(t.is_title or t.is_upper or t.lower_ in _TITLE_GLUE for t in title) and \
                self.role_list(place) is not None:
            return person_of(before[-1])
        if distributive and title and [t.lower_ for t in title if not t.is_space][:1] == ["of"] and len(title) <= 3:
            # "separate meetings with B of France, Chancellor C of Germany": B's (without such a word the list
            # is one joint meeting, whose parties are the same either way)
            return person_of(before[-1])
        for m in named:
            if 0 <= m.start - place.end <= 3:
                return person_of(m)
        for m in named:
            between = [t for t in self.doc[m.end:place.start] if not t.is_space]
            if m.end <= place.start and len(between) <= 2 and between and between[0].text in (",", "of"):
                return person_of(m)
        return None

    def object_groups(self, start: int, stop: int, subject_parties: list[str], distributive: bool,
                      joint: bool) -> list[Group]:
        """The object side as meetings: apart when the text or the counterparts' countries say so (see
        ``_apart``); else the named people together, and one more for each country whose side is unnamed
        ("his Turkish, Lebanese and Pakistani counterparts", "a Qatari delegation and President Barzani"),
        unless the meeting is joint."""
        country_of = self.participants.country_of
        items: list[tuple[int, Optional[int], Optional[str]]] = []
        stated: dict[int, str] = {}  # a counterpart's country as their own words give it ("Angolan Minister X")
        named = self.participants.named_in(start, stop)
        for m in named:
            person = person_of(m)
            items.append((m.start, person, country_of(person)))
        for place in self.places.spans:
            if start <= place.start < stop and place.label_ in _SIDE_KINDS and self.party_like(place):
                if not any(m.start <= place.start < m.end for m in self.participants.mentions):
                    owner = self._owner(place, named, distributive)
                    items.append((place.start, owner, place.kb_id_))
                    if owner is not None:
                        stated.setdefault(owner, place.kb_id_)
        items.sort(key=lambda x: x[0])
        if not items:
            return []
        if not joint:
            apart = self._apart(items, distributive, stated, subject_parties)
            if apart:
                return apart
        people = list(dict.fromkeys(person for _, person, _ in items if person is not None))
        covered = set(subject_parties) | {country_of(p) for p in people}
        unnamed = list(dict.fromkeys(c for _, person, c in items if person is None and c and c not in covered))
        named_codes = [c for _, person, c in items if person is not None and c]
        heads = {self.role_list(p) for p in self.places.spans if start <= p.start < stop and p.kb_id_ in unnamed
                 and p.label_ in _SIDE_KINDS}
        one_side = len(unnamed) >= 2 and len(heads) == 1 and None not in heads
        if joint or one_side or not unnamed or (not people and len(unnamed) < 2):
            return [(people, [c for _, _, c in items if c])]
        groups = [(people, named_codes)] if people else []
        return groups + [([], [code]) for code in unnamed]

    def _apart(self, items: list[tuple[int, Optional[int], Optional[str]]], distributive: bool,
               stated: dict[int, str], subject_parties: list[str]) -> list[Group]:
        """The object side as separate meetings, else []: one per counterpart when the meetings are said to
        be several ("separately", "bilateral meetings"), one per country when each counterpart's own words
        give their country and these differ ("the Angolan minister X and Prince Y of Jordan") or when a list
        holds counterparts of several foreign countries (``LIST_OF_COUNTRIES``), and, for a summary naming
        countries only ("meetings with his counterparts from Egypt and Angola"), one per country."""
        each: dict[int, list[str]] = {}
        for _, person, code in items:
            if person is not None:
                each.setdefault(person, []).extend([code] if code else [])
        if distributive and len(each) >= 2:
            return [([person], list(dict.fromkeys(codes))) for person, codes in each.items()]
        if distributive and not each:
            codes = list(dict.fromkeys(code for _, _, code in items if code))
            return [([], [code]) for code in codes] if len(codes) >= 2 else []
        codes = {person: stated.get(person) or self.participants.country_of(person) for person in each}
        if set(each) - set(stated) and (None in codes.values() or set(codes.values()) & set(subject_parties)
                                        or len(set(codes.values())) < LIST_OF_COUNTRIES):
            return []
        if len(set(codes.values())) < 2:
            return []
        by_country: dict[str, list[int]] = {}
        for person in each:
            by_country.setdefault(codes[person], []).append(person)
        return [(people, [code]) for code, people in by_country.items()]

    def split_by_trip(self, group: Group, trip_countries: list[str]) -> list[Group]:
        """Counterparts from different countries of a trip are met in their own countries, apart."""
        objects, parties = group
        by_country: dict[str, list[int]] = {}
        for person in objects:
            code = self.participants.country_of(person)
            if code not in trip_countries:
                return [group]
            by_country.setdefault(code, []).append(person)
        if len(by_country) < 2:
            return [group]
        return [(people, [code]) for code, people in by_country.items()]


def apart_after_one_reported(group: Group, subjects: list[int], drafts: list[MeetingDraft],
                             country_of: Callable[[int], Optional[str]]) -> list[Group]:
    """"B held meetings with C, D and E" after B's meeting with D was reported on its own: the plural
    summarises several meetings, one per counterpart; [] when no counterpart has a meeting of its own."""
    objects = [p for p in group[0] if p not in subjects]
    if len(objects) < 2:
        return []
    own = set(subjects)
    if not any(set(d.participants) - own == {p} and own & set(d.participants) and not d.earlier
               for d in drafts for p in objects):
        return []
    return [([p], [c for c in (country_of(p),) if c]) for p in objects]


def told_alone(draft: MeetingDraft, summary: MeetingDraft) -> bool:
    """Whether ``draft`` tells alone one counterpart of a summary of several meetings ("held meetings with A,
    B and C", then "In the meeting with A, ..."): the same subject side and one of its counterparts."""
    if not summary.several:
        return False
    objects = set(summary.participants) - set(summary.subjects)
    mine = set(draft.participants) - set(summary.subjects)
    shared = set(draft.participants) & set(summary.subjects)
    return len(objects) >= 2 and len(mine) == 1 and mine <= objects and bool(shared)


def repeated_meeting(draft: MeetingDraft, drafts: list[MeetingDraft]) -> Optional[MeetingDraft]:
    """An earlier meeting this one repeats: the same people, one set within the other, parties agreeing; not
    when one of them is said to have been held before the other ("they last met in Oslo")."""
    new = set(draft.participants)
    for old in reversed(drafts):
        known = set(old.participants)
        if not (new & known) or not (new <= known or known <= new) or draft.earlier != old.earlier:
            continue
        if set(draft.parties) <= set(old.parties) or set(old.parties) <= set(draft.parties):
            return old
    return None


def one_per_counterpart(draft: MeetingDraft, country_of: Callable[[int], Optional[str]]) -> list[MeetingDraft]:
    """A meeting with several counterparts that a later "these meetings" shows to have been several: one
    meeting per counterpart, each with the whole subject side."""
    objects = [p for p in draft.participants if p not in draft.subjects]
    if len(objects) < 2 or not draft.subjects:
        return [draft]
    own = {country_of(s) for s in draft.subjects}  # the subject side's countries stay in every meeting
    out = []
    for person in objects:
        others = {country_of(o) for o in objects if o != person} - {country_of(person)} - own
        participants = draft.subjects + [person]
        out.append(replace(draft, participants=participants, subjects=list(draft.subjects),
                           hosts=[p for p in draft.hosts if p in participants],
                           guests=[p for p in draft.guests if p in participants],
                           parties=[c for c in draft.parties if c not in others], evidence=list(draft.evidence)))
    return out

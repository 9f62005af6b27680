"""The people of one Doc: which name runs are people (the evidence), then each person's titles, organisation
and country, assembled from the parts of ``idefx.person``."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from idefx.datetext import WEEKDAYS
from idefx.entities import PersonEntity
from idefx.home import home_country, most_named
from idefx.person.attribution import Attribution
from idefx.person.evidence import NameEvidence
from idefx.person.identity import Identities, PersonRecord
from idefx.person.model_countries import ModelCountries
from idefx.person.model_names import ModelPeople
from idefx.person.name_runs import NameRuns
from idefx.person.org_forms import fullest_org
from idefx.person.title_pieces import TitlePiece, TitlePieceReader
from idefx.person.plural_titles import PluralTitles
from idefx.person.title_apposition import TitleApposition
from idefx.person.title_chain import TitleChain
from idefx.person.title_regions import TitleRegions
from idefx.person.tokens import DocTokens
from idefx.person.vocabulary import PersonVocabulary


MAX_COUNTRY_WORDS = 4  # words of "of <country>" between two names of one plural title
COMPLEMENT = re.compile(r" (?:of|for) ")  # a title with a complement ("Minister for the Business Environment")


class PeopleScan:
    """One pass over one Doc."""

    def __init__(self, vocabulary: PersonVocabulary, doc: Doc):
        self.vocabulary = vocabulary
        self.doc = doc
        self.tokens = DocTokens(vocabulary, doc)
        self.names = NameRuns(self.tokens, vocabulary)
        reader = TitlePieceReader(self.tokens, vocabulary)
        regions = TitleRegions(self.tokens, self.names, reader)
        self.chain = TitleChain(self.tokens, self.names, reader, regions)
        self.apposition = TitleApposition(self.tokens, self.names, reader, regions)
        self.plural_titles = PluralTitles(self.tokens, reader)
        self.attribution = Attribution(self.tokens, vocabulary)
        self.evidence = NameEvidence(self.tokens, self.names, regions, vocabulary)
        self.identities = Identities(self.tokens)
        self.model_people = ModelPeople(doc, frozenset(vocabulary.verbs))
        self.model_countries = ModelCountries(self.tokens, doc)
        self.plural: Optional[tuple[TitlePiece, PersonRecord]] = None  # the last plural title and its person
        self.plural_countries: list[str] = []  # the countries coordinated with it
        self.plural_index = 0  # the place in its list of the last person it gave its title

    def run(self) -> list[PersonEntity]:
        self.find_people()
        return [self.entity(person) for person in self.decide_countries()]

    def find_people(self) -> None:
        """Accept the name runs that something marks as a person, then the shorter forms of those people."""
        t, words, identities = self.tokens, self.vocabulary, self.identities
        pending = []
        last = None  # (person, end token) of the previous titled mention
        for start, end, full in self.names.find():
            name_toks = self.names.name_tokens(start, end)
            if len(name_toks) == 1 and end - start == 1 and t.text[start].isupper():
                continue  # an acronym ("GMD", "PMO") is no one's name
            nxt = t.next_word(full)
            if nxt is not None and t.is_cap(nxt) and (t.lower[nxt] in words.org_heads or (
                    t.lower[nxt] in words.not_names and t.lower[nxt] not in WEEKDAYS)):
                continue  # "Denali Commission", "Biden-Harris Administration", "Asia-Africa Summit": not a person
            if nxt is not None and nxt == t.next_word(end) and t.lower[nxt] in words.attributive_after \
                    and not t.is_cap(nxt) and not self.chain.before(start, identities.taken)[0]:
                continue  # "the Biden administration", "senior Biden-Harris officials": a name as a modifier
            left, region_start = self.chain.before(start, identities.taken)
            if not left and len(name_toks) >= 3 and t.lower[t.prev_word(start)] in {"of", "for", "and", "&"}:
                # "Technical Director of Baykar Selçuk Bayraktar", "Minister of Foreign Affairs, Trade and
                # Development Ana Paz": the complement ends where the name starts
                left, region_start = self.chain.before(name_toks[1], identities.taken)
                if left or t.lower[t.prev_word(start)] in {"of", "for"}:
                    start = name_toks[1]
                    name_toks = name_toks[1:]
            shared = None if left else self.plural_left(start, last)
            if shared is not None:
                left, region_start = [shared], shared.first
            if left and not any(p.country for p in left):
                # the country may stand before a lower-case run ("Germany's newly sworn-in defense minister")
                left[0].country = self.attribution.country_before(region_start)
            if len(left) > 1 and last is not None and region_start == t.next_word(last[1]):
                # "Mr. A Foreign Minister of N, Mr. B": the pieces before the last one follow A's name
                identities.describe(last[0], left[:-1])
                left = left[-1:]
            right, right_org, right_region = self.apposition.after(full, any(p.title for p in left))
            after = self.attribution.country_after(full)
            if after and left and not any(p.country for p in left):
                left[-1].country = after
            region = None if after or not left or not left[-1].title else self.attribution.region_after(full)
            if region:
                # a region is no country: it gives its own country, or none when several have one of its name
                if region[0]:
                    left[-1].title += f" of {region[0]}"
                if len(region[1]) == 1:
                    left[-1].country = left[-1].country or region[1][0]
                elif region[1]:
                    left[-1].stateless = True
            pieces = left + right
            party = None if after else self.attribution.party_region(full)
            if party is not None and len(party) == 1:
                pieces.append(TitlePiece(first=full, country=party[0]))  # a legislator's state is their country's
            strong = any(p.names_a_person() for p in pieces)
            if len(name_toks) == 1 and nxt is not None and (
                    (t.tags[nxt] is not None and "head" in t.tags[nxt].kinds)
                    or (t.lower[nxt] in {"and", ","} and t.text[t.prev_word(start)] == "," and not right
                        and left and COMPLEMENT.search(left[-1].title or ""))):
                # "chief Pentagon spokesperson", "NATO Secretary General": part of a title; "Minister for the
                # Business Environment, Commerce and Entrepreneurship X": an item of the title's complement
                strong = False
            if not strong and len(name_toks) >= 2:
                strong = self.evidence.by_clause(start, end, full)
            if strong and not self.model_people.not_a_person(name_toks):
                right_org = right_org or (self.attribution.of_org_after(full) if left else None)
                person = identities.add(start, end, full, pieces, right_org)
                if right_org and words.is_international(right_org):
                    person.international = True  # "Kate Lee, Managing Director, IMF"
                if right:
                    identities.taken.update(right_region)  # an apposition belongs to this person only
                if self.is_guest(left, start, last):
                    person.guest = True
                    if last is not None and last[0] is not person and self.tokens.same_sentence(last[1], start):
                        person.host = person.host or last[0]
                if person.first_tok is None:
                    person.first_tok = start
                if not pieces and self.evidence.byline(start, full):
                    person.stateless = True  # the writer speaks for no country
                last = (person, full)
                self.plural = (shared, person) if shared is not None else None
            else:
                pending.append((start, end, full))
        for start, end, full in pending:  # shorter forms of the people found, else a trained recogniser's people
            person = identities.named_by(start, end) if identities.people else None
            if person is not None:
                identities.mention(person, start, full, [], None)
            elif self.evidence.coordinated(start, end, full, identities.taken, identities.name_tokens()) \
                    or self.evidence.lone_speaker(start, end, full):
                identities.add(start, end, full, [], None).first_tok = start
            elif self.model_people.names(self.names.name_tokens(start, end)):
                person = identities.add(start, end, full, [], None)
                if person.first_tok is None:
                    person.first_tok = start
            elif (part := self.model_people.part(self.names.name_tokens(start, end))) is not None:
                # "attended by Bucharest Stock Exchange Andrei Ionescu": the person the recogniser finds inside
                person = identities.add(part[0], part[1], part[1], [], None)
                if person.first_tok is None:
                    person.first_tok = part[0]

    def plural_left(self, start: int, last: Optional[tuple[PersonRecord, int]]) -> Optional[TitlePiece]:
        """The title a plural title gives a name ("Presidents A and B"): straight before it, or before the
        previous name of the list when only "and", a comma and that name's "of <country>" or "(<country>)"
        stand between; with the country before the name ("Foreign Ministers of Chile A, Peru B and Bolivia C"),
        else the one of the same place in the list of countries coordinated with the title."""
        t = self.tokens
        own = self.country_opening_item(start)
        found = self.plural_titles.before(start)
        if found is not None:
            piece, self.plural_countries = found
            self.plural_index = 0
        elif last is not None and self.plural is not None and self.plural[1] is last[0]:
            between = [k for k in range(last[1], own[1] if own else start) if not t.is_space(k)]
            words = [t.lower[k] for k in between]
            if not (words and words[-1] in {"and", ","} and len(words) <= MAX_COUNTRY_WORDS + 2 and (
                    len(words) == 1 or (words[0] == "of" and self.attribution.country_after(last[1]))
                    or (words[0] == "(" and words[-2] == ")" and t.country[between[1]] is not None))):
                return None
            piece = TitlePiece(first=start, title=self.plural[0].title)
            self.plural_index += 1
        else:
            return None
        countries = self.plural_countries
        if own and (found is None or countries == [own[0]]):
            piece.country = own[0]
        elif len(countries) == 1 or self.plural_index < len(countries):
            piece.country = countries[min(self.plural_index, len(countries) - 1)]
        return piece

    def country_opening_item(self, start: int) -> Optional[tuple[str, int]]:
        """"..., Peru Jorge Salas and ...": the country named straight before a name after a comma, "and" or
        "of", and its first token."""
        t = self.tokens
        span = t.country[t.prev_word(start)]
        if span is None or span.label_ != "country" or span.end != t.prev_word(start) + 1:
            return None
        return (span.kb_id_, span.start) if t.lower[t.prev_word(span.start)] in {",", "and", "of"} else None

    def is_guest(self, left: list, start: int, last: Optional[tuple[PersonRecord, int]]) -> bool:
        """"met with President X" / "President A and President X": named as the one met."""
        t = self.tokens
        before = t.prev_word(min([p.first for p in left] or [start]))
        return t.lower[before] in self.vocabulary.guest_cues or (
            t.lower[before] == "and" and last is not None and last[1] - 1 == t.prev_word(before)
            and bool({title.lower() for title in last[0].titles} & {p.title.lower() for p in left if p.title}))

    def decide_countries(self) -> list[tuple[PersonRecord, Optional[str]]]:
        """Each person with their country: stated, else from their side, organisation, the country named after
        a guest, or the document's home country."""
        spans = [span for span in self.tokens.country_spans if span.start not in self.names.country_surnames]
        home = home_country(self.doc, spans)
        if home is None:
            # a text marks the other side's people with their country and leaves its own unmarked: the home
            # country is the one named most that no guest or counterpart is stated to be from
            # (a country opening another's title phrase, "met Iranian Foreign Minister X", is that one's; where
            # visitors come from, "delegations from China and Angola", is theirs)
            stated = {person.country for person in self.identities.people if person.guest or person.counterpart}
            origins = self.attribution.origins(spans)
            named = self.identities.name_tokens()
            own = [span for span in spans
                   if span.start not in origins and not self.attribution.in_others_title(span, named)]
            unstated = [span for span in own if span.kb_id_ not in stated]
            home = most_named(unstated, None) or most_named(unstated, None, first_on_tie=True) \
                or most_named(own, None)
        foreign = most_named(spans, home) if home else None
        out = []
        for person in self.identities.people:
            person.org = fullest_org(self.tokens, person.org)
            if person.international:
                out.append((person, None))  # an official of an intergovernmental body speaks for no country
                continue
            country = person.country or self.model_countries.of(person, self.identities)
            if country is None and person.first_tok is not None:
                country = self.attribution.side_country(person.first_tok)
            if person.org is None:
                person.org = self.attribution.ministry(person.titles, country)
            if country is None and person.org:
                country = self.attribution.org_country(person.org)
            if country is None:
                # "chief Pentagon spokesperson", "Bundeswehr Inspector General": a known body inside the title
                # or the organisation
                country = next(filter(None, (self.attribution.known_org_country(text)
                                             or self.vocabulary.institution_country(text)
                                             for text in person.titles + [person.org or ""])), None)
            if country is None and person.guest and home and not person.stateless and not (
                    person.host is not None and person.host.country not in {None, home}):
                # "the President met with President Lasso": the guest's country follows, or stands out; a guest
                # of a visitor ("Peruvian Foreign Minister X met Defence Minister Y") is of the home country
                country = self.attribution.country_following(person.first_tok, home) or foreign
            if country is None and not person.stateless:
                country = home
            out.append((person, country))
        return out

    @staticmethod
    def entity(item: tuple[PersonRecord, Optional[str]]) -> PersonEntity:
        person, country = item
        return PersonEntity(name=person.name(), aliases=person.aliases(), titles=person.titles or person.ranks[:1],
                            organization=person.org, country=country, mentions=sorted(set(person.mentions)))

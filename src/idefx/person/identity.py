"""Identity merging: which mentions name the same person (the full name, a surname, "Mr. Sullivan", another
spelling of the given names), and what each person gathers from their mentions."""

from __future__ import annotations

from typing import Optional

from idefx.names import name_words
from idefx.person.title_pieces import TitlePiece
from idefx.person.tokens import DocTokens


PATRONYMIC = {"bin", "ibn", "bint", "binti"}  # "son/daughter of": the word after names the father
MIN_RESPELLED = 6  # given names at least this long may be respelt beyond their first three letters


class PersonRecord:
    """One person of a Doc as the mentions so far describe them."""

    def __init__(self):
        self.forms: list[str] = []  # the written forms of the mentions
        self.keys: set[tuple[str, ...]] = set()  # name keys of the forms
        self.words: set[str] = set()  # the words of those keys
        self.titles: list[str] = []
        self.ranks: list[str] = []
        self.country: Optional[str] = None
        self.org: Optional[str] = None
        self.stateless = False
        self.international = False  # an official of an intergovernmental body: no country
        self.guest = False  # named as the one met, welcomed or received
        self.host: Optional["PersonRecord"] = None  # who met them, when named before them in the sentence
        self.counterpart = False  # named as someone's counterpart
        self.first_tok: Optional[int] = None  # the first token of the first titled mention
        self.mentions: list[tuple[int, int]] = []  # character offsets

    def name(self) -> str:
        """The fullest form."""
        return max(self.forms, key=lambda f: (len(name_words(f)), len(f)))

    def aliases(self) -> list[str]:
        """The other forms, in order of first mention."""
        name = self.name()
        return [f for f in dict.fromkeys(self.forms) if f != name]

    def same_name(self, key: tuple[str, ...]) -> bool:
        """Whether a name key names this person: one of the forms, or a shorter/longer form of one (its words
        among the form's, a repeated word counted once: "Abdullah" / "Abdullah Abdullah") sharing the first or
        last word."""
        if key in self.keys:
            return True
        words = set(key)
        for form in self.keys:
            form_words = set(form)
            if (words <= form_words or form_words <= words) and (key[-1] == form[-1] or key[0] == form[0]) \
                    and not father_alone(key, form) and not father_alone(form, key):
                return True
        return False

    def other_spelling(self, key: tuple[str, ...]) -> bool:
        """Another spelling of the given names ("Ambrosa"/"Ambrose Lufuma", a doubled letter: "Amos"/"Amoss");
        two short given names that differ are two people ("Mark"/"Mary Smith", "Dan"/"Dana Kowal")."""
        return any(len(form) == len(key) > 1 and form[-1] == key[-1]
                   and all(a == b or (a[:3] == b[:3] and (doubled(a, b) or doubled(b, a)
                                                          or min(len(a), len(b)) >= MIN_RESPELLED))
                           for a, b in zip(form[:-1], key[:-1])) for form in self.keys)


def doubled(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` with its last letter doubled ("Amos"/"Amoss")."""
    return len(long) > len(short) and long.startswith(short) and set(long[len(short):]) == {short[-1]}


def father_alone(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` is only the father's name in the patronymic of ``long`` ("Abdullah" of "Hussein bin
    Abdullah"): another person."""
    return len(short) == 1 and len(long) > 2 and long[-2] in PATRONYMIC and short[0] == long[-1]


class Identities:
    """The people of one Doc and their mentions."""

    def __init__(self, tokens: DocTokens):
        self.tokens = tokens
        self.people: list[PersonRecord] = []
        self.taken: set[int] = set()  # tokens of accepted person mentions and their appositions
        self.mention_tokens: dict[tuple[int, int], tuple[int, int]] = {}  # a mention's characters -> its tokens

    def name_tokens(self) -> set[int]:
        """The tokens of the people's mentions so far."""
        return {k for start, end in self.mention_tokens.values() for k in range(start, end)}

    def match(self, key: tuple[str, ...]) -> Optional[PersonRecord]:
        """The person a name key names, the latest first, or None."""
        if not key:
            return None
        words = set(key)
        near = [p for p in reversed(self.people) if not p.words.isdisjoint(words)]
        for person in near:
            if key in person.keys:
                return person
        for test in (PersonRecord.same_name, PersonRecord.other_spelling):
            for person in near:
                if test(person, key):
                    return person
        return None

    def named_by(self, start: int, end: int) -> Optional[PersonRecord]:
        """The person tokens start..end-1 name, or None."""
        return self.match(name_words(self.tokens.span_text(start, end)))

    def add(self, start: int, end: int, full: int, pieces: list[TitlePiece], org: Optional[str]) -> PersonRecord:
        """The person named by tokens start..end (found among the people, else new), with this mention."""
        person = self.named_by(start, end)
        if person is None:
            person = PersonRecord()
            self.people.append(person)
        self.mention(person, start, full, pieces, org)
        return person

    def mention(self, person: PersonRecord, start: int, full: int, pieces: list[TitlePiece],
                org: Optional[str]) -> None:
        """Add the mention at tokens start..full-1 to ``person``, with its title pieces and organisation."""
        t = self.tokens
        form = t.span_text(start, full)
        person.forms.append(form)
        person.keys.add(name_words(form))
        person.words.update(name_words(form))
        chars = (t.starts[start], t.end_char(full - 1))
        person.mentions.append(chars)
        self.mention_tokens[chars] = (start, full)
        self.taken.update(range(start, full))
        self.describe(person, pieces, org)

    @staticmethod
    def describe(person: PersonRecord, pieces: list[TitlePiece], org: Optional[str] = None) -> None:
        """Add what title pieces (and an organisation) say to ``person``."""
        for piece in pieces:
            if piece.title and piece.title.lower() not in {title.lower() for title in person.titles}:
                person.titles.append(piece.title)
            if piece.rank and piece.rank not in person.ranks:
                person.ranks.append(piece.rank)
            person.country = person.country or piece.country
            person.org = person.org or piece.org
            person.stateless = person.stateless or piece.stateless
            person.international = person.international or piece.international
            person.counterpart = person.counterpart or piece.cue
        person.org = person.org or org

"""Name runs: the runs of tokens that can be a person's name, whatever says it is one.

A run is capitalised words that are not titles, countries, organisations or common lower-case words, with
name particles (al-, bin, van, de), initials, glued hyphens, a single line break and a generational suffix
(Jr., III) inside or after it.
"""

from __future__ import annotations

from typing import NamedTuple, Optional

from idefx.datetext import MONTHS, WEEKDAYS
from idefx.entities import KNOWN_ORG
from idefx.names import is_suffix
from idefx.person.tokens import DocTokens
from idefx.person.vocabulary import INITIAL, NAME_WORD, UNCOMMON_NAME, PersonVocabulary

SURNAME_MONTHS = {month for month in MONTHS if len(month) > 3 or month == "may"}  # full names, not "Mar"
PARTICLE_ENDINGS = {"up", "out", "on", "off", "by", "led", "run", "old"}  # "Check-up", "Follow-on": no syllables
MAX_SYLLABLE = 4  # letters of the lower-case syllable closing a hyphenated given name ("Won-sik")
NAME_OPENING_KINDS = {"head", "rank", "honorific", "cue"}  # title kinds a name may follow


class NameRun(NamedTuple):
    start: int  # first token
    end: int  # after the last name token
    full: int  # after the suffix, if any ("Biden, Jr.")


class NameRuns:
    """The name runs of one Doc, and what each token is to a name ("name", "hyphen", "initial",
    "particle", "space" or None)."""

    def __init__(self, tokens: DocTokens, vocabulary: PersonVocabulary):
        self.tokens = tokens
        self.vocabulary = vocabulary
        self.classes: list = ["?"] * tokens.n  # token_class, filled on demand
        self.runs: list[NameRun] = []
        self.country_surnames: set[int] = set()  # country names read as surnames: no country named there

    def find(self) -> list[NameRun]:
        """Every candidate name run, in text order (also kept in ``runs``)."""
        t, words = self.tokens, self.vocabulary
        out = []
        resume = 0
        for i in self.openers():
            if i < resume or self.token_class(i) != "name":
                continue
            j = i
            last = i
            while j < t.n:
                cls = self.token_class(j)
                if cls is None:
                    break
                if cls == "name":
                    last = j
                j += 1
                if j - 1 in t.cut:
                    break  # a title word glued to the name follows
            end = last + 1
            # a post-nominal in capitals closes the name ("Festus Kiyamo SAN", "Ana Costa MP")
            while end - 2 > i and t.text[end - 1].isupper() and not t.text[end - 2].isupper() \
                    and not t.text[end - 3].isupper() and self.token_class(end - 2) == "name":
                end -= 1
            # a common word closes a name after an initial ("Dana W. White")
            if (end < t.n and t.text[end][:1].isupper() and t.text[end].isalpha()
                    and t.tags[end] is None and t.country[end] is None and t.org[end] is None
                    and t.lower[end] in words.common and t.lower[end] not in words.org_heads
                    and t.lower[end] not in words.not_names and INITIAL.match(t.text[last])):
                end += 1
            # a month's name may be a surname ("Theresa May"), never when a day or year follows it
            if (end < t.n and t.lower[end] in SURNAME_MONTHS and t.is_cap(end) and t.flags[last] & UNCOMMON_NAME
                    and not self.before_number(end + 1)):
                end += 1
            if self.common_surname(i, last, end) or self.country_surname(i, last, end):
                if t.country[end] is not None:
                    self.country_surnames.add(end)
                self.classes[end] = "name"  # a name word here, whatever the word is elsewhere
                end += 1
            start = i
            # initials open the name ("Admiral R. Hari Kumar")
            while start > 0 and self.token_class(start - 1) == "initial" and t.country[start - 1] is None \
                    and t.tags[start - 1] is None and t.org[start - 1] is None:
                start -= 1
            start = self.bare_initials_start(start)
            # a capitalised particle opens the name ("Al-Kadhimi", "De Croo")
            while start > 0 and (t.glued_hyphen(start - 1) or (
                    t.lower[start - 1] in words.particles and t.is_cap(start - 1) and t.tags[start - 1] is None)):
                if t.glued_hyphen(start - 1) and not (t.lower[start - 2] in words.particles and t.is_cap(start - 2)):
                    break
                start -= 1
            resume = max(end, i + 1)
            if end - start == 1 and self.dateline_place(start):
                continue
            out.append(NameRun(start, end, self.suffix_end(end)))
        self.runs = out
        return out

    def bare_initials_start(self, start: int) -> int:
        """Initials written without a period open the name only straight after a title ("Dr S Jaishankar",
        "Minister K R Patel"); elsewhere a lone capital is too often a label or a list letter. "A" and "I" are
        words, and "U" is Burmese for "Mr." ("Deputy Minister U Kyaw Min")."""
        t = self.tokens
        k = start
        while k > 0 and len(t.text[k - 1]) == 1 and t.text[k - 1].isupper() and t.text[k - 1] not in "AIU" \
                and t.tags[k - 1] is None and t.country[k - 1] is None and t.org[k - 1] is None:
            k -= 1
        if k == start or k == 0:
            return start
        tag = t.tags[t.prev_word(k)]
        return k if tag is not None and tag.kinds & NAME_OPENING_KINDS else start

    def dateline_place(self, i: int) -> bool:
        """A place's name opening a line before a comma ("Washington, DC", "LAGOS, May 3"): a dateline, never
        the name of whoever a title on the line before names."""
        t = self.tokens
        nxt = t.next_word(i + 1)
        return i in t.placed and nxt is not None and t.text[nxt] == "," and t.sentence_start(i) \
            and (i == 0 or "\n" in t.text[t.prev_word(i) + 1] or "\n" in t.text[i - 1])

    def common_surname(self, first: int, last: int, end: int) -> bool:
        """A capitalised common word after a titled given name is its surname ("Minister Michael Creed said",
        "Senator Ana Price, ..."): the name opens after a title head, rank or honorific, its last word is an
        uncommon name word, and no capitalised word follows the common one. (A title's complement counts as its
        title: "Minister for Agriculture Michael Creed".)"""
        t, words = self.tokens, self.vocabulary
        if end >= t.n or t.lower[end] not in words.common:
            return False
        if t.tags[end] is not None or t.country[end] is not None or t.org[end] is not None \
                or t.lower[end] in words.not_names or t.lower[end] in words.org_heads \
                or t.lower[end] in WEEKDAYS or t.lower[end] in MONTHS:
            return False
        return self.titled_surname(first, last, end)

    def titled_surname(self, first: int, last: int, end: int) -> bool:
        """Whether the capitalised word at ``end`` can close the name ``first..last`` as its surname: the last
        name word is uncommon, no capitalised word follows on the line, and a title opens the name."""
        t = self.tokens
        if end >= t.n or end != last + 1 or not t.is_cap(end) or not t.text[end].isalpha() \
                or not t.flags[last] & UNCOMMON_NAME:
            return False
        nxt = t.next_word(end + 1)
        if nxt is not None and (t.is_cap(nxt) or t.text[nxt] == "-") and "\n" not in t.text[end + 1]:
            return False  # a capitalised word after a line break opens the next line, not this name
        j = t.prev_word(first)
        if t.lower[j] in {"of", "for"} and last > first:
            j = t.prev_word(j)  # the run opens with the complement of the title before it
        before = t.tags[j] if first > 0 else None
        return before is not None and bool(before.kinds & (NAME_OPENING_KINDS | {"modifier"}))

    def country_surname(self, first: int, last: int, end: int) -> bool:
        """A country's one-word name after a titled given name is its surname ("Deputy Attorney General Lisa
        Monaco said", "Ambassador Tomas Peru"): as ``common_surname``, for a single given name."""
        t = self.tokens
        span = t.country[end] if end < t.n else None
        if span is None or first != last or span.end - span.start != 1 or t.text[end].isupper():
            return False
        return self.titled_surname(first, last, end)

    def openers(self) -> list[int]:
        """The tokens where a name run can start (a superset; ``token_class`` decides): a name word, a common
        one only before another capitalised word, or a capitalised word after a hyphen."""
        text, tags, country = self.tokens.text, self.tokens.tags, self.tokens.country
        return [i for i in self.tokens.opener_words
                if (tags[i] is None and country[i] is None) or (i > 0 and text[i - 1] == "-")]

    def token_class(self, i: int) -> Optional[str]:
        cls = self.classes[i]
        if cls == "?":
            cls = self.classes[i] = self._token_class(i)
        return cls

    def _token_class(self, i: int) -> Optional[str]:
        t = self.tokens
        if t.lower[i] in MONTHS and self.before_number(i + 1):
            return None  # a date ("June 3"), even where the month's name is also a given name
        if self.name_word(i) or self.capital_surname(i):
            return "name"
        if t.glued_hyphen(i):
            return "hyphen"
        if i > 0 and t.glued_hyphen(i - 1) and t.text[i].isalpha() and t.tags[i] is None and t.country[i] is None:
            return "name"
        return self.vocabulary.in_name_class(t.text[i])

    def name_word(self, i: int, lookahead: bool = True) -> bool:
        """A capitalised token that can be part of a personal name.

        A common word ("Mark") counts mid-sentence when an uncommon name word follows it.
        """
        t = self.tokens
        if t.country[i] is not None or not t.flags[i] & NAME_WORD or i in t.unnamed:
            return False
        if t.tags[i] is not None:
            return self.cue_inside_name(i)
        org = t.org[i]
        if org is not None and not (org.label_ == KNOWN_ORG and org.end - org.start == 1 and i > 0
                                    and self.given_before(t.prev_word(i))):
            return False  # a one-word firm's name may still be a surname after an initial or a given name
        if not t.flags[i] & UNCOMMON_NAME:  # a common word
            if self.syllable_before_hyphen(i):
                return True
            return lookahead and i + 1 < t.n and self.name_word(i + 1, False) \
                and (t.lower[i + 1] not in self.vocabulary.common or self.syllable_before_hyphen(i + 1)) \
                and not t.sentence_start(i) and self.opens_name(i)
        return True

    def syllable_before_hyphen(self, i: int) -> bool:
        """A common word glued by a hyphen to a lower-case syllable after a name word: a given name ("Shin
        Won-sik", "Han Duck-soo")."""
        t = self.tokens
        return 0 < i < t.n - 2 and t.glued_hyphen(i + 1) and t.text[i + 2].isalpha() and t.text[i + 2].islower() \
            and len(t.text[i + 2]) <= MAX_SYLLABLE and t.text[i + 2] not in PARTICLE_ENDINGS \
            and bool(t.flags[i - 1] & NAME_WORD) and t.tags[i - 1] is None and t.country[i - 1] is None

    def cue_inside_name(self, i: int) -> bool:
        """A lower-case cue word written capitalised between two name words is a name word ("Choe Son Hui")."""
        t = self.tokens
        tag = t.tags[i]
        return tag.kinds == {"cue"} and tag.end - tag.start == 1 and 0 < i < t.n - 1 and t.is_cap(i) \
            and all(t.flags[k] & UNCOMMON_NAME and t.tags[k] is None and t.country[k] is None for k in (i - 1, i + 1))

    def capital_surname(self, i: int) -> bool:
        """A surname written in capitals after a given name or a particle ("Emmanuel MACRON", "Jean-Yves LE
        DRIAN"); never a generational suffix ("II") or an acronym the components before know (an organisation,
        a country)."""
        t = self.tokens
        word = t.text[i]
        if not (i > 0 and word.isupper() and word.isalpha() and len(word) >= 2) or is_suffix(word) \
                or t.tags[i] is not None or t.country[i] is not None or t.org[i] is not None or t.is_space(i - 1):
            return False
        before = t.text[i - 1]
        return (before[:1].isupper() and not before.isupper() and self.token_class(i - 1) == "name") or (
            before.isupper() and self.token_class(i - 1) in {"name", "particle"} and i > 1
            and self.token_class(i - 2) in {"name", "hyphen", "particle"})

    def given_before(self, j: int) -> bool:
        """Whether token ``j`` can be the given name or initial before a surname: an initial, or an uncommon
        name word that is no title, country, organisation or place ("Jean Dupont", "Henry Ford")."""
        t = self.tokens
        if INITIAL.match(t.text[j]):
            return True
        return bool(t.flags[j] & UNCOMMON_NAME) and t.tags[j] is None and t.country[j] is None \
            and t.org[j] is None and j not in t.placed

    def opens_name(self, i: int) -> bool:
        """What stands before token i lets a name start there: a lower-case word, a possessive, a title head
        (also a plural one) or an honorific."""
        t = self.tokens
        j = t.prev_word(i)
        tag = t.tags[j]
        if tag is not None:
            return bool(tag.kinds & NAME_OPENING_KINDS)
        return t.text[j][:1].islower() or t.text[j] in {",", "(", "’s", "'s"} \
            or t.lower[j] in self.vocabulary.plural_heads

    def before_number(self, k: int) -> bool:
        """Whether the first word from token ``k`` on is a number."""
        k = self.tokens.next_word(k)
        return k is not None and self.tokens.text[k][:1].isdigit()

    def suffix_end(self, end: int) -> int:
        """After a generational suffix at ``end`` ("Jr.", ", Jr."), else ``end``."""
        t = self.tokens
        if end < t.n and t.text[end] == "," and end + 1 < t.n and is_suffix(t.text[end + 1]):
            return end + 2
        if end < t.n and is_suffix(t.text[end]):
            return end + 1
        return end

    def name_tokens(self, start: int, end: int) -> list[int]:
        """The name words (not initials, particles or hyphens) of tokens start..end-1."""
        return [k for k in range(start, end) if self.token_class(k) == "name"]

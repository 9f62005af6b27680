"""Evidence outside a title that a name run of two or more uncommon name words is a person: the clause around
it ('X said', '“...,” said X', 'according to X', 'X, who ...', 'X, 54,', 'activist X'), the layout (a byline, a list item)
and coordination with a person already found ('Minister A, X and Y')."""

from __future__ import annotations

from idefx.person.name_runs import NameRuns
from idefx.person.title_regions import TitleRegions
from idefx.person.tokens import DocTokens
from idefx.person.vocabulary import PersonVocabulary

POSSESSIVE = {"’s", "'s"}
CREDIT_ENDS = {";", ")", ",", "and", "in", "|"}  # what may close a name credited after "Reporting by"
STAMP_WORDS = {"published", "posted", "updated"}  # a publication stamp after a writer's name
ADVERBS = {"also", "later", "then", "first", "jointly", "separately", "briefly", "both", "earlier", "personally"}
CAPTION_PLACES = {"right", "left", "centre", "center", "pictured", "l", "r", "c", "front", "second"}
SPEECH_AFTER = {"said", "says", "told", "added", "stressed", "noted", "underlined", "emphasised", "emphasized"}
NO_SPEAKER_AFTER = {"the", "a", "an", "this", "that", "its", "their", "our", "of"}  # "the Book of Psalms says"
QUOTE_ENDS = {",", "”", "\"", "’", "'"}  # what stands before a speech verb that introduces the speaker after it
MAX_AGE_DIGITS = 3


class NameEvidence:
    """The person tests of one Doc that need no title."""

    def __init__(self, tokens: DocTokens, names: NameRuns, titles: TitleRegions, vocabulary: PersonVocabulary):
        self.tokens = tokens
        self.names = names
        self.titles = titles
        self.vocabulary = vocabulary

    def plain_name(self, start: int, end: int, given: bool = False) -> bool:
        """Two or more name words, none of them a common word, an acronym or a region's ("Karen Holt", not
        "Harbor Point", "AIA Delaware", "Allegheny County" or a city's, venue's or event's name). With ``given``,
        the words before the last may be common words ("Grant Shapps", "Penny Wong")."""
        t, vocabulary = self.tokens, self.vocabulary
        words = self.names.name_tokens(start, end)
        if len(words) < 2 or (end < t.n and t.text[end] in vocabulary.region_words):
            return False
        return all((given and k != words[-1]) or t.lower[k] not in vocabulary.common for k in words) and all(
            t.text[k] not in vocabulary.region_words and not t.text[k].isupper() and k not in t.placed for k in words)

    def by_clause(self, start: int, end: int, full: int) -> bool:
        """The clause or the layout says the run is a person."""
        t, words = self.tokens, self.vocabulary
        if t.bulleted(start) and t.item_ends(full):
            return True
        if not self.plain_name(start, end, given=True):
            return False
        nxt = t.next_word(full)
        before = t.prev_word(start)
        if before < start and t.text[before] in self.vocabulary.roles_before:
            return True  # an occupation written in lower case before the name ("businessman X", "activist X")
        if t.text[before] in POSSESSIVE and before > 0 and t.country[before - 1] is not None and (
                nxt is None or not t.text[nxt][:1].isalpha() or t.lower[nxt] == "and"):
            return True  # "Chile's Gabriel Boric, ...", "Australia's Penny Wong", not "the UK's Indo-Pacific tilt"
        if not self.plain_name(start, end):
            return False  # elsewhere a common word may open a firm's name ("met Land O'Lakes")
        if self.phrase_before(before, words.met_before) and (nxt is None or not t.is_cap(nxt)):
            return True  # "met X", "joined by X": the one met is a person, unless the run modifies a capitalised
            # word after it ("led by Indo-Pacific Coordinator A")
        if self.phrase_before(before, words.members_before) and (
                nxt is None or not t.text[nxt][:1].isalpha() or t.lower[nxt] == "and"):
            return True  # "the delegation included X, ...", "present were X and ...": a list of people
        verb = nxt
        while verb is not None and t.lower[verb] in ADVERBS:
            verb = t.next_word(verb + 1)
        if verb is not None and t.lower[verb] in words.verbs:
            return True  # "X said", "X met", "X also attended"
        if t.lower[before] in words.speech_before and before > 0 and t.text[t.prev_word(before)] in QUOTE_ENDS:
            return True  # '“...,” said X'
        if self.phrase_before(before, words.sources_before):
            return True  # "according to X"
        if nxt is not None and self.described_after(nxt):
            return True
        if nxt is not None and t.text[nxt] == ",":
            after = t.next_word(nxt + 1)
            if after is not None and t.lower[after] in words.relatives:
                return True  # "X, who leads the agency"
            if after is not None and t.text[after].isdigit() and len(t.text[after]) <= MAX_AGE_DIGITS:
                closing = t.next_word(after + 1)
                return closing is not None and t.text[closing] == ","  # "X, 54, said"
        return self.byline(start, full)

    def lone_speaker(self, start: int, end: int, full: int) -> bool:
        """A surname alone that names no one found before, speaking ("Rutte said", "Akar told reporters"):
        an uncommon name word, no acronym, place or organisation, no determiner or "of" before it ("the Talmud
        says", "the Book of Psalms says")."""
        t = self.tokens
        words = self.names.name_tokens(start, end)
        if len(words) != 1 or end - start != 1 or t.lower[start] in self.vocabulary.common \
                or t.text[start].isupper() or start in t.placed or t.org[start] is not None:
            return False
        nxt = t.next_word(full)
        before = t.prev_word(start)
        return nxt is not None and t.lower[nxt] in SPEECH_AFTER \
            and (start == 0 or t.lower[before] not in NO_SPEAKER_AFTER)

    def described_after(self, k: int) -> bool:
        """What follows a name at token ``k`` describes a person: a photo caption's place ("X (right)"), an
        account ("X (@xholt)"), "X and his delegation"."""
        t = self.tokens
        after = t.next_word(k + 1)
        if after is None:
            return False
        if t.text[k] == "(":
            if t.text[after].startswith("@") and len(t.text[after]) > 1:
                return True  # "X (@handle)": a writer's or speaker's social media account
            closing = t.next_word(after + 1)
            return t.lower[after] in CAPTION_PLACES and closing is not None and t.text[closing] == ")"
        return t.lower[k] == "and" and t.lower[after] in {"his", "her"}

    def phrase_before(self, k: int, phrases: dict[str, list[tuple[str, ...]]]) -> bool:
        """Whether the words ending at token ``k`` are one of ``phrases`` (by last word: "according to",
        "met with")."""
        t = self.tokens
        for phrase in phrases.get(t.lower[k], ()):
            j, matched = k, True
            for word in reversed(phrase):
                if t.lower[j] != word:
                    matched = False
                    break
                j = t.prev_word(j)
            if matched:
                return True
        return False

    def byline(self, start: int, full: int) -> bool:
        """"By Karen Holt" closing its line; "Reporting by Karen Holt; Editing by ..." closing its part; a name
        opening its line before the writer's handle or the publication stamp ("Karen Holt (@kholt) Published
        May 3")."""
        t = self.tokens
        if t.line_start(start) and self.stamped(full):
            return True
        before = t.prev_word(start)
        credit = before > 0 and self.phrase_before(before, self.vocabulary.credits_before)
        if t.text[before] != "By" and not credit:
            return False
        k = full
        while k < t.n and k in t.markup:
            k += 1
        return k >= t.n or "\n" in t.text[k] or (credit and t.lower[t.next_word(k) or k] in CREDIT_ENDS)

    def stamped(self, k: int) -> bool:
        """Whether a social handle in brackets ("(@kholt)") or a publication stamp ("Published", "Updated")
        follows at token ``k``."""
        t = self.tokens
        k = t.next_word(k)
        if k is not None and t.text[k] == "(" and k + 2 < t.n and t.text[k + 1].startswith("@") \
                and t.text[k + 2] == ")":
            return True
        return k is not None and t.lower[k] in STAMP_WORDS and t.is_cap(k)

    def coordinated(self, start: int, end: int, full: int, people: set[int], names: set[int]) -> bool:
        """"Minister A, X and Y" / "X and Minister A": a plain name in one list with a person (``people``: the
        tokens of the people's mentions and appositions; ``names``: of their mentions). After an apposition
        only "and" coordinates ("A, Director, Southeast Asia Center": the apposition goes on)."""
        if not self.plain_name(start, end, given=True):
            return False
        t = self.tokens
        before = t.prev_word(start)
        if before > 0 and t.lower[before] == "and":
            item = t.prev_word(before)
            if t.text[item] == "," and item > 0:
                item = t.prev_word(item)  # "A, Director of Trade, and X"
            if item in people:
                return True
        elif before > 0 and t.text[before] == "," and t.prev_word(before) in names:
            return True
        nxt = t.next_word(full)
        if nxt is None or t.lower[nxt] not in {",", "and"}:
            return False
        after = t.next_word(nxt + 1)
        return after is not None and (after in names or (t.lower[nxt] == "and" and self.titles.starts_title(after)))

"""One Doc as the people finder reads it: each token's text, flags, title tag, country and organisation span,
and the token-level tests (spaces, breaks, hyphens, neighbours) the rules share."""

from __future__ import annotations

from typing import Optional

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc

from idefx.entities import COUNTRY_SPANS, EVENTS, ORG_SPANS, PLACES, VENUES, doc_text
from idefx.person.vocabulary import CAPITALISED, GLUED, UNCOMMON_NAME, PersonVocabulary
from idefx.tokentables import covering, token_array

HYPHEN_HASH = numpy.uint64(hash_string("-"))
BULLETS = {"-", "•", "*", "–", "·"}
EMPHASIS = {"*", "_", "**", "__"}
ITEM_ENDS = {",", "(", ":", ";", "–", "—", "-", "of", "and"}  # what may follow the name opening a list item
MAX_GLOSSED = 10  # tokens before an acronym that it may gloss
SENTENCE_OPENERS = {".", "!", "?", ":", "\"", "“", "‘", "(", "-", "—"}  # a name after these opens a sentence


class DocTokens:
    """The tokens of one Doc with what the earlier components found on them."""

    def __init__(self, vocabulary: PersonVocabulary, doc: Doc):
        self.doc = doc
        self.n = len(doc)
        self.text, self.lower, self.flags, self.opener_words, glued = vocabulary.words(doc)
        # a name glued to a title word ("SteinmeierDefence"): the characters of the name
        self.cut = {i: GLUED.match(self.text[i]).end() for i in glued}
        self.starts = token_array(doc, "IDX").tolist()  # each token's character offset
        self.spaces = token_array(doc, "SPACY").tolist()  # whether whitespace follows it
        self.doc_text = doc_text(doc)
        # the TitleTag covering each token, or None; an honorific is written capitalised ("he" is no "HE")
        self.tags = [None if tag is not None and tag.kinds == {"honorific"} and not self.text[tag.start][:1].isupper()
                     else tag for tag in vocabulary.titles.tag(doc)]
        self.untag_hyphened_names(doc)
        # a country name that opens a region's name ("Niger Delta", "Mexico State") says nothing of nationality;
        # a demonym before one still does ("Chinese State Councilor", "Norwegian State Secretary")
        self.country_spans = [span for span in doc.spans.get(COUNTRY_SPANS, [])
                              if span.end >= self.n or self.text[span.end] not in vocabulary.region_words
                              or span.label_ == "demonym"]
        self.org_spans = list(doc.spans.get(ORG_SPANS, []))
        self.country = covering(self.n, self.country_spans)  # the country span covering each token, or None
        self.org = covering(self.n, self.org_spans)  # the organisation span covering each token, or None
        self.unnamed = vocabulary.unnamed_tokens(doc, self.doc_text, self.starts)  # "State Duma", "Central Asia"
        # the tokens of a city, venue or event's name: never a name that only its clause marks as a person
        self.placed = {k for key in (PLACES, VENUES, EVENTS) for span in doc.spans.get(key, [])
                       for k in range(span.start, span.end)}
        self.closing: set[int] = set()  # the emphasis markers that close an emphasised stretch
        self.markup = self.emphasis_marks() | self.acronym_glosses()

    def untag_hyphened_names(self, doc: Doc) -> None:
        """A one-word title glued by a hyphen to an uncommon name word after it is part of a double-barrelled
        surname ("Hossein Amir-Abdollahian", "Emir-Khan"), not a title ("Vice-President" is one title)."""
        tags, text, flags = self.tags, self.text, self.flags
        for i in numpy.flatnonzero(token_array(doc, "ORTH") == HYPHEN_HASH).tolist():
            if not (0 < i < self.n - 1 and self.glued_hyphen(i)):
                continue
            tag = tags[i - 1]
            if tag is not None and tag.end - tag.start == 1 and tags[i + 1] is None and text[i - 1][:1].isupper() \
                    and flags[i + 1] & UNCOMMON_NAME and flags[i - 1] & CAPITALISED:
                tags[i - 1] = None

    def emphasis_marks(self) -> set[int]:
        """The tokens of markdown emphasis glued to a word ("**Karen Holt**", "_Omar Sadiq_"): the rules read
        through them like through spaces. A marker with a space after it at a line's start is a bullet."""
        text, spaces, n = self.text, self.spaces, self.n
        out: set[int] = set()
        i = 0
        while i < n:
            if text[i] not in EMPHASIS:
                i += 1
                continue
            j = i
            while j + 1 < n and text[j + 1] in EMPHASIS and not spaces[j]:
                j += 1
            glued_right = not spaces[j] and j + 1 < n and text[j + 1][:1].isalnum()
            glued_left = i > 0 and not spaces[i - 1] and text[i - 1][-1:].isalnum()
            if glued_left or glued_right:
                out.update(range(i, j + 1))
                if glued_left:
                    self.closing.update(range(i, j + 1))
            i = j + 1
        return out

    def acronym_glosses(self) -> set[int]:
        """The tokens of an acronym glossing the words before it (", GMD," in "the Group Managing Director, GMD,
        of the ...", "(NCS)" in "the Nigeria Customs Service (NCS), X"): the rules read through them like
        through spaces. The acronym's letters follow, in order, the words before it from one's initial."""
        text, n = self.text, self.n
        out: set[int] = set()
        for i in range(2, n - 1):
            word = text[i]
            if not (word.isupper() and word.isalpha() and 2 <= len(word) <= 7):
                continue
            opening, closing = text[i - 1], text[i + 1]
            if (opening, closing) not in {(",", ","), ("(", ")")} or not self.glosses_before(i - 1, word.lower()):
                continue
            out.update((i - 1, i, i + 1))
        return out

    def glosses_before(self, end: int, letters: str) -> bool:
        """Whether ``letters`` spell, in order, the capitalised words that end before token ``end`` (from one
        word's initial on, within a few words)."""
        words = [self.text[k] for k in range(max(0, end - MAX_GLOSSED), end) if not self.text[k].isspace()]
        for first in range(len(words)):
            if not words[first][:1].isupper() or words[first][:1].lower() != letters[0] or words[first].isupper():
                continue
            rest = iter("".join(words[first:]).lower())
            if all(letter in rest for letter in letters) and words[-1][:1].isupper():
                return True
        return False

    def is_space(self, i: int) -> bool:
        """Whitespace, or markdown emphasis around a word."""
        return self.text[i].isspace() or i in self.markup

    def is_break(self, i: int) -> bool:
        """A paragraph break (two line breaks or more)."""
        return self.text[i].isspace() and self.text[i].count("\n") >= 2

    def glued_hyphen(self, i: int) -> bool:
        """A hyphen between two words with no space around it ("al-Sisi")."""
        return (self.text[i] == "-" and 0 < i < self.n - 1 and not self.spaces[i - 1] and not self.spaces[i]
                and self.text[i - 1][-1:].isalpha() and self.text[i + 1][:1].isalpha())

    def is_cap(self, i: int) -> bool:
        return self.text[i][:1].isupper()

    def prev_word(self, k: int) -> int:
        """The last token before ``k`` that is not whitespace (0 at the start)."""
        k -= 1
        while k > 0 and self.is_space(k):
            k -= 1
        return max(k, 0)

    def next_word(self, k: int) -> Optional[int]:
        """The first token from ``k`` on that is not whitespace, or None."""
        n = self.n
        while k < n and self.is_space(k):
            k += 1
        return k if k < n else None

    def line_start(self, i: int) -> bool:
        """Whether token ``i`` opens its line."""
        j = i - 1
        while j >= 0 and self.is_space(j) and "\n" not in self.text[j]:
            j -= 1
        return j < 0 or "\n" in self.text[j]

    def sentence_start(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.is_space(j) and "\n" not in self.text[j]:
            j -= 1
        return j < 0 or "\n" in self.text[j] or self.text[j] in SENTENCE_OPENERS

    def same_sentence(self, a: int, b: int) -> bool:
        """Whether tokens ``a`` < ``b`` stand in one sentence: no full stop, question or exclamation mark and no
        line break between them."""
        return not any(self.text[k] in {".", "!", "?"} or "\n" in self.text[k] for k in range(a, b))

    def bulleted(self, start: int) -> bool:
        """Whether token ``start`` opens a bulleted or numbered line ("- Greg A. Adams, Chair ...", "2. Ana Lima",
        "(3) Ana Lima")."""
        j = start - 1
        while j >= 0 and self.is_space(j) and "\n" not in self.text[j]:
            j -= 1
        if j > 0 and self.text[j] in {".", ")"} and self.text[j - 1].isdigit() and len(self.text[j - 1]) <= 2:
            j -= 1  # the item's number
            if self.text[j + 1] == ")" and j > 0 and self.text[j - 1] == "(":
                j -= 1
        elif j < 0 or self.text[j] not in BULLETS:
            return False
        j -= 1
        return j < 0 or "\n" in self.text[j] or self.text[j].isspace()

    def item_ends(self, k: int) -> bool:
        """Whether a list item's name may end at token ``k``: the line or the item's first part ends there ("- Greg
        A. Adams, Chair", "- Ana Costa of Ohio"), not a longer name ("- **Parkway West Career Center**") or a
        clause ("- **Pittsburgh Gateways** will train ...")."""
        while k < self.n and k in self.markup:
            k += 1
        return k >= self.n or "\n" in self.text[k] or self.lower[k] in ITEM_ENDS

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens start..end-1 with whitespace runs folded to single spaces."""
        if start >= min(end, self.n):
            return ""
        glossed = [k for k in range(start, min(end, self.n)) if k in self.markup and self.text[k] in {",", "("}]
        if glossed:  # without the acronym glosses inside
            k = glossed[0]
            return " ".join(f"{self.span_text(start, k)} {self.span_text(k + 3, end)}".split())
        last = min(end, self.n) - 1
        if last in self.cut:
            return " ".join(self.doc_text[self.starts[start]:self.end_char(last)].split())
        return " ".join(self.doc_text[self.starts[start]:self.starts[end] if end < self.n else None].split())

    def end_char(self, k: int) -> int:
        """The character offset after token ``k`` as a name's word (a glued title word cut off)."""
        return self.starts[k] + self.cut.get(k, len(self.text[k]))


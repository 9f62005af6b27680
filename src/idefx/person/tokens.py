"""One Doc as the people finder reads it: each token's text, flags, title tag, country and organisation span,
and the token-level tests (spaces, breaks, hyphens, neighbours) the rules share."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from idefx.entities import COUNTRY_SPANS, ORG_SPANS, doc_text
from idefx.person.vocabulary import PersonVocabulary
from idefx.tokentables import covering, token_array

BULLETS = {"-", "•", "*", "–", "·"}
SENTENCE_OPENERS = {".", "!", "?", ":", "\"", "“", "‘", "(", "-", "—"}  # a name after these opens a sentence


class DocTokens:
    """The tokens of one Doc with what the earlier components found on them."""

    def __init__(self, vocabulary: PersonVocabulary, doc: Doc):
        self.doc = doc
        self.n = len(doc)
        self.text, self.lower, self.flags, self.opener_words = vocabulary.words(doc)
        self.starts = token_array(doc, "IDX").tolist()  # each token's character offset
        self.spaces = token_array(doc, "SPACY").tolist()  # whether whitespace follows it
        self.doc_text = doc_text(doc)
        self.tags = vocabulary.titles.tag(doc)  # the TitleTag covering each token, or None
        # a country name that opens a region's name ("Niger Delta", "Mexico State") says nothing of nationality
        self.country_spans = [span for span in doc.spans.get(COUNTRY_SPANS, [])
                              if span.end >= self.n or self.text[span.end] not in vocabulary.region_words]
        self.org_spans = list(doc.spans.get(ORG_SPANS, []))
        self.country = covering(self.n, self.country_spans)  # the country span covering each token, or None
        self.org = covering(self.n, self.org_spans)  # the organisation span covering each token, or None

    def is_space(self, i: int) -> bool:
        return self.text[i].isspace()

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
        text = self.text
        k -= 1
        while k > 0 and text[k].isspace():
            k -= 1
        return max(k, 0)

    def next_word(self, k: int) -> Optional[int]:
        """The first token from ``k`` on that is not whitespace, or None."""
        text, n = self.text, self.n
        while k < n and text[k].isspace():
            k += 1
        return k if k < n else None

    def sentence_start(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.is_space(j) and "\n" not in self.text[j]:
            j -= 1
        return j < 0 or "\n" in self.text[j] or self.text[j] in SENTENCE_OPENERS

    def bulleted(self, start: int) -> bool:
        """Whether token ``start`` opens a bulleted line ("- Greg A. Adams, Chair ...")."""
        j = start - 1
        while j >= 0 and self.text[j].isspace() and "\n" not in self.text[j]:
            j -= 1
        if j < 0 or self.text[j] not in BULLETS:
            return False
        j -= 1
        return j < 0 or "\n" in self.text[j] or self.text[j].isspace()

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens start..end-1 with whitespace runs folded to single spaces."""
        if start >= min(end, self.n):
            return ""
        return " ".join(self.doc_text[self.starts[start]:self.starts[end] if end < self.n else None].split())


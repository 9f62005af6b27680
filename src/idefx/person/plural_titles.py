"""Title reading of a plural title before a list of names ("Foreign Ministers A of X and B of Y", "the
defence ministers of Kenya and Ghana, A and B"): the singular title and the countries coordinated with it."""

from __future__ import annotations

from typing import Optional

from idefx.person.title_pieces import TitlePiece, TitlePieceReader
from idefx.person.tokens import DocTokens


class PluralTitles:
    """The plural titles of one Doc."""

    def __init__(self, tokens: DocTokens, reader: TitlePieceReader):
        self.tokens = tokens
        self.reader = reader

    def before(self, start: int) -> Optional[tuple[TitlePiece, list[str]]]:
        """"Foreign Ministers A of X and B of Y", "Kenyan and Ghanaian defence ministers A and B", "the
        defence ministers of Kenya and Ghana, A and B", "Foreign Ministers of X A, Y B and Z C": a plural title straight before a name (with the
        modifiers before it; in lower case only with countries), and the countries coordinated before it or
        in its complement, in order; each name of the list takes the singular and its country."""
        t, words = self.tokens, self.reader.vocabulary
        j = t.prev_word(start)
        countries: list[str] = []
        span = t.country[j]
        if span is not None and span.label_ == "country" and span.end == j + 1 \
                and t.lower[t.prev_word(span.start)] == "of":
            # "Foreign Ministers of Chile A, Peru B and Bolivia C": each name after its own country
            countries, j = [span.kb_id_], t.prev_word(t.prev_word(span.start))
        elif j < start and t.text[j] == ",":
            countries, k = self.country_list(t.prev_word(j))
            if not countries or t.lower[k] != "of":
                return None
            j = t.prev_word(k)
        if j >= start or t.lower[j] not in words.plural_heads or t.tags[j] is not None:
            return None
        first = j
        k = t.prev_word(first)
        while k < first and t.tags[k] is not None and "modifier" in t.tags[k].kinds \
                and t.is_cap(k) == t.is_cap(j):
            first = t.tags[k].start
            k = t.prev_word(first)
        if not countries:
            countries = self.country_list(k)[0] if k < first else []
        if not t.is_cap(j) and not countries:
            return None  # a lower-case plural gives its names their title only with their countries
        head = words.plural_heads[t.lower[j]]
        lead = t.span_text(first, j) if first < j else ""
        title = f"{lead} {head if t.is_cap(j) else head.lower()}".strip()
        return TitlePiece(first=first, title=title), countries

    def country_list(self, k: int) -> tuple[list[str], int]:
        """The countries coordinated in the words ending at token ``k`` ("Kenyan and Ghanaian", "Kenya, Chile
        and Ghana"), in text order, and the token before them."""
        t = self.tokens
        found: list[str] = []
        while k > 0:
            span = t.country[k]
            if span is not None:
                found.insert(0, span.kb_id_)
                k = t.prev_word(span.start)
            elif t.lower[k] in {"and", ",", "the"} and found:
                k = t.prev_word(k)
            else:
                break
        return found, k

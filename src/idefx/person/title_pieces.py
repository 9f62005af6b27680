"""Title reading, one piece: a run of title words ("Iran's Defense Minister", "Head of the Main Department of
...") read as a title (without determiner, honorific or country), a rank, a country and an organisation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from idefx.person.tokens import DocTokens
from idefx.person.vocabulary import PersonVocabulary

DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our"}
POSSESSIVE = {"’s", "'s", "’", "'"}
# words that open a clause or a phrase: never a title's own word before its head
FUNCTION_WORDS = {"the", "a", "an", "as", "when", "while", "after", "before", "since", "if", "though", "although",
                  "through", "with", "without", "for", "from", "to", "by", "at", "in", "on", "of", "and", "or", "but",
                  "did", "does", "do", "will", "would", "should", "could", "can", "may", "meet", "meets", "met",
                  "thank", "thanks", "dear", "under", "during", "then", "also", "both", "all", "our", "their",
                  "his", "her", "its", "my", "your", "this", "that", "these", "those", "said", "says", "today"}
PERSON_KINDS = ("head", "rank", "honorific", "cue")  # the title kinds a title piece holds


@dataclass
class TitlePiece:
    """What one title piece says about the person it names."""
    first: int  # the piece's first token
    title: Optional[str] = None
    rank: Optional[str] = None  # a rank right before the name ("Colonel General")
    country: Optional[str] = None
    org: Optional[str] = None
    honorific: bool = False
    stateless: bool = False  # the head of a body that represents no country (Secretary-General)
    cue: bool = False  # a person cue ("counterpart") rather than a title
    international: bool = False  # an official of an intergovernmental body ("IMF Managing Director")

    def names_a_person(self) -> bool:
        return bool(self.title or self.rank or self.honorific or self.cue)


class TitlePieceReader:
    """Reads title pieces of one Doc."""

    def __init__(self, tokens: DocTokens, vocabulary: PersonVocabulary):
        self.tokens = tokens
        self.vocabulary = vocabulary

    def has_kind(self, tokens: list[int], *kinds: str) -> bool:
        tags = self.tokens.tags
        return any(not tags[k].kinds.isdisjoint(kinds) for k in tokens if tags[k] is not None)

    def is_org_piece(self, tokens: list[int]) -> bool:
        t = self.tokens
        return any(t.org[k] is not None for k in tokens) or any(
            t.lower[k] in self.vocabulary.org_heads and t.is_cap(k) for k in tokens)

    def read(self, piece: list[int], lead: bool = False) -> TitlePiece:
        """One title piece -> title, rank, country, organisation. ``lead``: the capitalised words before the
        head are known to be the title's own (an apposition: "X, Regional Sales Manager,")."""
        t = self.tokens
        out = TitlePiece(first=piece[0])
        toks = self.strip_ends([k for k in piece if not t.is_space(k)], out)
        out.international = self.serves_international_body(toks)
        toks = self.take_rank(toks, out)
        if not toks:
            return out
        heads = [k for k in toks if t.tags[k] is not None and t.tags[k].kinds & {"head", "cue"}]
        if not heads:
            return out
        head = heads[0]
        out.cue = "head" not in t.tags[head].kinds and "cue" in t.tags[head].kinds
        out.stateless = any(t.tags[k].stateless for k in heads if t.tags[k] is not None)
        start = self.title_start(t.tags[head].start, toks, lead)
        body_org = self.body_before_lower_head(start, toks)
        if body_org is not None:
            # "DND Public Affairs Service chief": a lower-case head is written with its body's name
            out.org, start = t.org[body_org].text, body_org
        for k in (k for k in toks if k < start):
            span = t.country[k]
            if span is not None and out.country is None:
                out.country = span.kb_id_
            if out.org is None and t.org[k] is not None:
                out.org = t.org[k].text
            elif out.org is None and t.text[k].isupper() and len(t.text[k]) > 1 and span is None:
                out.org = t.text[k]
        if out.country is None:
            out.country = self.region_before(toks, start)
        body = [k for k in toks if k >= start]
        # trailing "of [the] <country>" or ", <country>" (a list's "Minister of Defence, Chile;") is the person's
        # country, not part of the title
        end = body[-1] + 1
        last = t.country[body[-1]]
        if last is not None and last.label_ == "country" and last.end == end:
            j = last.start - 1
            while j >= start and (t.lower[j] == "the" or t.is_space(j)):
                j -= 1
            if j > start and (t.lower[j] in {"of", "for"} or t.text[j] == ","):
                out.country = out.country or last.kb_id_
                end = j
        if out.cue:
            return out
        at = [k for k in range(start, end) if t.lower[k] == "at"]
        out.title = self.vocabulary.titles.spelled_out(self.title_text(start, at[0] if at else end, out))
        self.read_complement(start, end, body[-1] + 1, out)
        for k in range(start, body[-1] + 1):
            span = t.country[k]
            if span is not None and out.country is None:
                out.country = span.kb_id_
        return out

    def title_text(self, start: int, end: int, out: TitlePiece) -> str:
        """The text of tokens start..end-1 with a possessive country inside the complement read as the person's
        country ("chief of Brazil's joint staff" -> "chief of the joint staff", BR)."""
        t = self.tokens
        for k in range(start + 1, end - 1):
            span = t.country[k]
            if span is not None and span.end == k + 1 and span.start > start and t.text[k + 1] in POSSESSIVE \
                    and t.lower[t.prev_word(span.start)] in {"of", "for"}:
                out.country = out.country or span.kb_id_
                return f"{t.span_text(start, span.start).rstrip()} the {t.span_text(k + 2, end).lstrip()}"
        return t.span_text(start, end)

    def region_before(self, toks: list[int], start: int) -> Optional[str]:
        """"Ontario's premier", "Edo State's governor": a region's possessive before the title gives the
        region's country."""
        t = self.tokens
        poss = [k for k in toks if k < start and t.text[k] in POSSESSIVE]
        if not poss:
            return None
        first = poss[-1]
        while first - 1 in toks and t.is_cap(first - 1) and t.country[first - 1] is None:
            first -= 1
        region = self.vocabulary.region([t.text[k] for k in range(first, poss[-1])])
        return region[0] if region and len(region) == 1 else None

    def serves(self, out: TitlePiece, org_piece: list[int]) -> None:
        """The organisation piece that follows a title ("Chief of Air Staff, Nigerian Air Force") names the
        title's organisation and, by its country, the person's."""
        t = self.tokens
        toks = [k for k in org_piece if not t.is_space(k) and t.text[k] not in {",", "(", ")"}]
        while toks and t.lower[toks[0]] in DETERMINERS:
            toks = toks[1:]
        if not toks:
            return
        out.org = t.span_text(toks[0], toks[-1] + 1)
        out.country = out.country or self.body_country(toks)

    def body_country(self, toks: list[int]) -> Optional[str]:
        """The country of a body named by tokens ``toks``: the one that opens its name ("Nigerian Air Force",
        "the Kenya Army") or ends it after "of" ("Ministry of External Relations of Brazil"); one inside it
        names a subject ("Senate Indian Affairs Committee")."""
        t = self.tokens
        if t.country[toks[0]] is not None:
            return t.country[toks[0]].kb_id_
        last = t.country[toks[-1]]
        if last is not None and last.label_ == "country" and last.end == toks[-1] + 1:
            j = t.prev_word(last.start)
            if t.lower[j] == "the":
                j = t.prev_word(j)
            if t.lower[j] == "of" and j > toks[0]:
                return last.kb_id_
        return None

    def serves_international_body(self, toks: list[int]) -> bool:
        """Whether the piece names an intergovernmental body the person works for ("IMF Managing Director",
        "Vice President of the European Commission"); an envoy "to" or "at" the body keeps their state."""
        t = self.tokens
        for k in toks:
            span = t.org[k]
            if span is not None and span.start == k and self.vocabulary.is_international(span.text):
                before = t.prev_word(k)
                if t.lower[before] == "the":
                    before = t.prev_word(before)
                if t.lower[before] not in {"to", "at"}:
                    return True
        return False

    def strip_ends(self, toks: list[int], out: TitlePiece) -> list[int]:
        """The piece without honorifics and determiners at either end (noting an honorific in ``out``)."""
        t = self.tokens
        changed = True
        while toks and changed:
            changed = False
            for pos in (0, -1):
                if not toks:
                    break
                k = toks[pos]
                tag = t.tags[k]
                if tag is not None and "honorific" in tag.kinds and not tag.kinds & {"head", "rank"}:
                    toks = [j for j in toks if not (tag.start <= j < tag.end)]
                    out.honorific = changed = True
                elif (t.lower[k] in DETERMINERS and pos == 0) or t.text[k] in {",", ":", ";", ".", "(", ")"}:
                    toks = toks[:-1] if pos == -1 else toks[1:]
                    changed = True
        return toks

    def take_rank(self, toks: list[int], out: TitlePiece) -> list[int]:
        """A rank right before the name is kept apart (in ``out.rank``): the piece without it."""
        t = self.tokens
        if not (toks and t.tags[toks[-1]] is not None and "rank" in t.tags[toks[-1]].kinds):
            return toks
        tag = t.tags[toks[-1]]
        rank_toks = [k for k in toks if tag.start <= k < tag.end]
        rest = [k for k in toks if k < tag.start]
        while rest and t.tags[rest[-1]] is not None and "rank" in t.tags[rest[-1]].kinds:
            tag = t.tags[rest[-1]]
            rank_toks = [k for k in rest if k >= tag.start] + rank_toks
            rest = [k for k in rest if k < tag.start]
        if self.has_kind(rest, "head") or not rest:
            out.rank = t.span_text(rank_toks[0], rank_toks[-1] + 1)
            return rest
        return toks

    def title_start(self, start: int, toks: list[int], lead: bool = False) -> int:
        """The left edge of a title whose head starts at ``start``: modifiers and capitalised words straight
        before the head."""
        t = self.tokens
        while True:
            prev = start - 1
            if prev not in toks:
                return start
            tag = t.tags[prev]
            if t.country[prev] is not None or t.text[prev] in POSSESSIVE:
                return start
            if tag is not None and tag.kinds & {"modifier", "head"}:
                start = tag.start
                continue
            # coordinated modifiers: "Health and Population Minister"
            coordinated = t.tags[prev - 2] if prev - 2 in toks and t.lower[prev - 1] == "and" else None
            if t.is_cap(prev) and coordinated is not None and "modifier" in coordinated.kinds:
                start = coordinated.start
                continue
            if t.text[prev].isupper() and len(t.text[prev]) > 1:
                return start
            if t.glued_hyphen(prev) and t.is_cap(prev - 1):
                start = prev - 1  # "Under-Secretary-General": the word before the hyphen is the title's
                continue
            # a capitalised word: the title's own ("Energy Minister"), unless a common word opens the sentence
            # ("Meanwhile Minister X")
            if t.is_cap(prev) and (lead or t.lower[prev] not in self.vocabulary.common
                                   or self.modifies_head(prev)) or (
                    prev > 0 and t.glued_hyphen(prev - 1) and t.is_cap(prev)):
                start = prev
                continue
            return start

    def modifies_head(self, k: int) -> bool:
        """Whether the capitalised common word at token ``k`` straight before a title's head is the title's
        own ("Energy Minister", "Majority Leader"): not opening its sentence or line, no function word or verb
        ("When President X", "Meet President X"), no part of a body's name ("International Monetary Fund
        Managing Director": the body is the organisation)."""
        t = self.tokens
        return not t.sentence_start(k) and t.org[k] is None and t.lower[k] not in FUNCTION_WORDS \
            and t.lower[k] not in self.vocabulary.verbs

    def body_before_lower_head(self, start: int, toks: list[int]) -> Optional[int]:
        """The first token of an organisation's name that ends straight before a lower-case one-word head at
        token ``start`` ("Public Affairs Service chief", "IMF chief") and opens no country's name, or None."""
        t = self.tokens
        prev = start - 1
        if not t.text[start].islower() or t.tags[start] is None or t.tags[start].end != start + 1 \
                or prev not in toks or t.org[prev] is None or t.org[prev].end != start:
            return None
        first = t.org[prev].start
        return first if first in toks and t.country[first] is None else None

    def read_complement(self, start: int, end: int, body_end: int, out: TitlePiece) -> None:
        """The complement of a title (tokens start..end-1, before any "of <country>" that the piece runs on to
        until ``body_end``) names the organisation when it holds one."""
        t, words = self.tokens, self.vocabulary
        comp = [k for k in range(start, end) if t.lower[k] in {"of", "for", "at"}]
        if not comp:
            return
        c0 = comp[0] + 1
        while c0 < end and t.lower[c0] == "the":
            c0 += 1
        region = words.region([t.text[k] for k in range(c0, end)]) if all(
            t.is_cap(k) for k in range(c0, end)) and t.country[c0] is None else None
        if region is not None:
            # "the governor of Lagos State": a region completes the title and gives its country, when it has one
            if len(region) == 1:
                out.country = out.country or region[0]
            elif region:
                out.stateless = True
            return
        orgs = [t.org[k] for k in range(c0, end) if t.org[k] is not None]
        proper = c0 < end and all(t.is_cap(k) for k in range(c0, end)) and any(
            t.lower[k] not in words.common and t.country[k] is None and t.tags[k] is None for k in range(c0, end))
        # a minister's complement is a portfolio ("Minister of Niger Delta Affairs") that the title keeps
        portfolio = t.lower[t.prev_word(comp[0])] in words.portfolio_heads
        if orgs:
            out.org = out.org or " ".join(orgs[0].text.split())
        elif proper or any(t.lower[k] in words.org_heads and t.is_cap(k) for k in range(c0, end)):
            out.org = out.org or t.span_text(c0, body_end)
        # "Technical Director of Baykar", "CEO of United Airlines": a position in a firm or school is
        # the position alone; "Chief of Staff of the ... Army" keeps its body, a minister their portfolio
        corporate = any(t.lower[k] in words.corporate_heads for k in range(c0, end))
        if c0 == comp[0] + 1 and (proper or corporate) and t.lower[comp[0]] == "of" and not portfolio:
            out.title = t.span_text(start, comp[0])

"""Title reading before a name: the title chain straight before it ("Deputy Minister of Defense, Head of ...
Agil Gurbanov", "Chief of Air Staff, Nigerian Air Force, Air Marshal X"), read piece by piece."""

from __future__ import annotations

from typing import Optional

from idefx.person.name_runs import NameRuns
from idefx.person.title_pieces import DETERMINERS, PERSON_KINDS, POSSESSIVE, TitlePiece, TitlePieceReader
from idefx.person.title_regions import CLAUSE_WORDS, CONNECTORS, LEADING_CONNECTORS, MAX_REGION, TitleRegions
from idefx.person.tokens import DocTokens

MAX_COMPLEMENT_WORDS = 4  # lower-case words of a title's complement before a comma and the name


class TitleChain:
    """The titles before the names of one Doc."""

    def __init__(self, tokens: DocTokens, names: NameRuns, reader: TitlePieceReader, regions: TitleRegions):
        self.tokens = tokens
        self.names = names
        self.reader = reader
        self.regions = regions

    def before(self, start: int, taken: set[int]) -> tuple[list[TitlePiece], int]:
        """The title pieces straight before a name starting at ``start`` (none reaching into ``taken``), and
        the first token of their region."""
        t, region = self.tokens, []
        j = start - 1
        while j >= 0 and len(region) < MAX_REGION:
            if t.is_space(j):
                if t.is_break(j) or j in t.closing:
                    break  # (an emphasised stretch before the name is a unit of its own)
                j -= 1
                continue
            if j in taken:
                break
            if not self.regions.region_token(j):
                opening = self.lower_complement(j) if region and t.text[region[0]] == "," and all(
                    t.text[k].islower() for k in region[1:]) else None
                if opening is None:
                    break
                # ", the chief of Brazil's joint staff, X": a lower-case complement that the comma closes
                region.extend(k for k in range(j, opening - 1, -1) if not t.is_space(k))
                j = opening - 1
                continue
            region.append(j)
            j -= 1
        if not region:
            return [], start
        region.reverse()
        while region and t.lower[region[0]] in LEADING_CONNECTORS:
            region.pop(0)
        if not region or (t.lower[region[-1]] in CONNECTORS and t.text[region[-1]] != ","):
            return [], start
        if not self.reader.has_kind(region, *PERSON_KINDS):
            return [], start  # no piece can hold a title
        out: list[TitlePiece] = []
        pieces = self.regions.pieces(region)
        org_piece = None
        for n, piece in enumerate(reversed(pieces)):
            if not self.reader.has_kind(piece, *PERSON_KINDS):
                if out and n + 1 < len(pieces) and self.names_body(piece) \
                        and self.reader.has_kind(pieces[-n - 2], "head"):
                    org_piece = piece  # "Chief of Air Staff, Nigerian Air Force, Air Marshal X": the title's body
                    continue
                break
            read = self.reader.read(piece)
            if org_piece is not None:
                self.reader.serves(read, org_piece)
                org_piece = None
            out.insert(0, read)
        # "his Brazilian counterpart, His Excellency the Minister ...": the cue is someone else's
        if len(out) > 1 and out[0].cue and any(p.title for p in out[1:]):
            out = out[1:]
        return out, region[0]

    def lower_complement(self, j: int) -> Optional[int]:
        """The "of" of a title whose lower-case complement ends at token ``j`` ("chief of Brazil's joint staff",
        "head of the armed forces"): lower-case words, a possessive country and "the" back to "of" or "for"
        after a title's head; None when the words before ``j`` are no such complement."""
        t, words = self.tokens, self.reader.vocabulary
        k, seen = j, 0
        while k > 0 and seen <= MAX_COMPLEMENT_WORDS:
            if t.is_space(k):
                k -= 1
                continue
            if t.lower[k] in {"of", "for"}:
                head = t.tags[t.prev_word(k)]
                return k if k < j and head is not None and "head" in head.kinds else None
            if t.country[k] is not None:
                k = t.country[k].start - 1
                continue
            if not (t.text[k] in POSSESSIVE or t.lower[k] == "the" or t.text[k].isalpha() and t.text[k].islower()
                    and t.lower[k] not in CLAUSE_WORDS and t.lower[k] not in words.verbs):
                return None
            seen += 1
            k -= 1
        return None

    def names_body(self, piece: list[int]) -> bool:
        """Whether a piece is only the name of a body: an organisation or a country's forces ("Nigerian Air
        Force", "the Ghana Navy"), capitalised words with no name in them."""
        t = self.tokens
        toks = [k for k in piece if not t.is_space(k)]
        while toks and t.lower[toks[0]] in DETERMINERS:
            toks = toks[1:]
        if not toks or (t.org[toks[0]] is None and t.country[toks[0]] is None):
            return False
        return self.reader.is_org_piece(toks) and all(
            t.is_cap(k) or t.lower[k] in CONNECTORS for k in toks) and not any(
            toks[0] <= run.start <= toks[-1] for run in self.names.runs)

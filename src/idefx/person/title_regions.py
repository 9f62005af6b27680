"""Title reading, the regions: the title chain before a name ("Deputy Minister of Defense, Head of ... Agil
Gurbanov") and the apposition after it ("Zakir Hasanov, Minister of Defense of Azerbaijan,"), split into
pieces that ``TitlePieceReader`` reads."""

from __future__ import annotations

from typing import Optional

from idefx.person.name_runs import NameRuns
from idefx.person.title_pieces import DETERMINERS, PERSON_KINDS, POSSESSIVE, TitlePiece, TitlePieceReader
from idefx.person.tokens import BULLETS, DocTokens

CONNECTORS = {"of", "for", "on", "the", "and", "to", ",", "’s", "'s", "-", "&"}
LEADING_CONNECTORS = CONNECTORS - {"the"}  # connectors that cannot open a title region
MAX_REGION = 40  # tokens a title region may hold


class TitleRegions:
    """Finds and reads the title regions around the name runs of one Doc."""

    def __init__(self, tokens: DocTokens, names: NameRuns, reader: TitlePieceReader):
        self.tokens = tokens
        self.names = names
        self.reader = reader

    def starts_title(self, i: int) -> bool:
        t = self.tokens
        if i >= t.n:
            return False
        if t.lower[i] in DETERMINERS and i + 1 < t.n:
            i += 1
        tag = t.tags[i]
        if tag is not None and tag.kinds & {"head", "rank", "honorific"}:
            return True
        if tag is not None and "modifier" in tag.kinds:
            # "Defense Minister": a modifier starts a title only when a head follows it
            for k in range(tag.end, min(tag.end + 3, t.n)):
                if t.glued_hyphen(k):
                    continue  # "Vice-Minister"
                nxt = t.tags[k]
                if nxt is None or t.lower[k] in {"of", ","}:
                    return False
                if nxt.kinds & {"head", "rank"}:
                    return True
            return False
        span = t.country[i]
        return span is not None and span.label_ == "demonym"

    def region_token(self, i: int) -> bool:
        t = self.tokens
        text = t.text[i]
        if text[:1].isupper():
            return True
        if text in BULLETS and not t.glued_hyphen(i):
            return False  # a list bullet or a dash between clauses
        if text in {"(", ")"}:
            # an acronym or a title word in brackets inside a title: "Joint Chiefs of Staff Committee (CJCSC)",
            # "Major General (Retd)"
            inner = i + 1 if text == "(" else i - 1
            return 0 <= inner < t.n and (t.text[inner].isupper() and t.text[inner].isalpha()
                                         or t.tags[inner] is not None) and (
                t.text[inner + 1] == ")" if text == "(" else t.text[inner - 1] == "(")
        return (t.lower[i] in CONNECTORS or t.tags[i] is not None or t.country[i] is not None
                or t.org[i] is not None or t.glued_hyphen(i) or (i > 0 and t.glued_hyphen(i - 1)))

    def pieces(self, region: list[int]) -> list[list[int]]:
        """Split a title region at commas and at "and" before a title; headless comma pieces join the left one."""
        t = self.tokens
        raw: list[tuple[str, list[int]]] = []
        sep, cur = "", []
        for k in region:
            if t.text[k] == "," or (t.lower[k] == "and" and self.starts_title(k + 1)):
                if cur:
                    raw.append((sep, cur))
                sep, cur = t.text[k], []
            else:
                cur.append(k)
        if cur:
            raw.append((sep, cur))
        merged: list[list[int]] = []
        for sep, toks in raw:
            if merged and sep == "," and not self.reader.has_kind(toks, *PERSON_KINDS) \
                    and not self.reader.is_org_piece(toks):
                merged[-1].extend(toks)
            else:
                merged.append(toks)
        return merged

    def left(self, start: int, taken: set[int]) -> tuple[list[TitlePiece], int]:
        """The title pieces straight before a name starting at ``start`` (none reaching into ``taken``), and
        the first token of their region."""
        t, region = self.tokens, []
        j = start - 1
        while j >= 0 and len(region) < MAX_REGION:
            if t.text[j].isspace():
                if t.is_break(j):
                    break
                j -= 1
                continue
            if j in taken or not self.region_token(j):
                break
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
        for piece in reversed(self.pieces(region)):
            if not self.reader.has_kind(piece, *PERSON_KINDS):
                break
            out.insert(0, self.reader.read(piece))
        # "his Brazilian counterpart, His Excellency the Minister ...": the cue is someone else's
        if len(out) > 1 and out[0].cue and any(p.title for p in out[1:]):
            out = out[1:]
        return out, region[0]

    def right(self, end: int, title_first: bool = False) -> tuple[list[TitlePiece], Optional[str], list[int]]:
        """The apposition after a name ending at ``end``: its title pieces, the organisation piece after them,
        and its tokens. ``title_first``: the name had its title before it, so in a list the items read "Title,
        Name" and a title followed by ", Name" is that name's."""
        t = self.tokens
        k = end
        if k >= t.n or t.text[k] != ",":
            return [], None, []
        k += 1
        while k < t.n and t.is_space(k) and not t.is_break(k):
            k += 1
        if k >= t.n or (not self.starts_title(k) and not (t.country[k] is not None and self.country_then_title(k))):
            return [], None, []
        region = []
        while k < t.n and len(region) < MAX_REGION:
            if t.is_space(k):
                if t.is_break(k):
                    break
                k += 1
                continue
            if t.lower[k] == "and" and not self.starts_title(k + 1):
                break
            if t.lower[k] == "on" and region and t.text[region[-1]] == ",":
                break  # ", on Tuesday met ...": the clause goes on after the apposition
            if not (self.region_token(k) or t.lower[k] in DETERMINERS or t.lower[k] == "at"):
                break
            region.append(k)
            k += 1
        # ", President Murmu said" / ", and Colonel Ahmed Salem Hamza": the next person's title ends it
        named = [k for k in region if k > 0 and self.names.name_word(k) and t.tags[k - 1] is not None]
        if region and not named:
            # ", Chief of Staff of the Qatari Armed Forces Salem bin Hamad ...": a name running on past it
            named = [run.start for run in self.names.runs if region[0] <= run.start <= region[-1] < run.full - 1]
        after_title = [run.start for run in self.names.runs if region and region[0] < run.start <= region[-1]
                       and run.end - run.start >= 2 and t.text[t.prev_word(run.start)] == ","
                       and self.reader.has_kind(region[:region.index(run.start)], "head")]
        if after_title and (not named or after_title[0] < named[0]):
            # "A, the Minister of X, B, and ...": the next item's name after a title and a comma
            named = after_title[:1]
        if named:
            # the next person's item opens at the last comma or "and" before their name; in a "Title, Name"
            # list, at the one before their title
            cut = [j for j, k in enumerate(region) if k < named[0] and (t.text[k] == "," or t.lower[k] == "and")]
            if title_first and named == after_title[:1] and cut and region[cut[-1]] == t.prev_word(named[0]):
                cut = cut[:-1]
            region = region[:cut[-1]] if cut else []
        while region and t.lower[region[-1]] in CONNECTORS:
            region.pop()
        titles, org = [], None
        for piece in self.pieces(region):
            if self.reader.has_kind(piece, "head", "rank"):
                titles.append(self.reader.read(piece))
            elif titles and self.reader.is_org_piece(piece):
                org = t.span_text(piece[0], piece[-1] + 1)
                break
            else:
                break
        return titles, org, region

    def country_then_title(self, k: int) -> bool:
        """A country (possessive or not) followed by a title: "Azerbaijan's Defense Minister"."""
        t = self.tokens
        j = t.country[k].end
        if j < t.n and t.text[j] in POSSESSIVE:
            j += 1
        return self.starts_title(j)

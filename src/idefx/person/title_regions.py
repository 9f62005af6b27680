"""Title reading, the regions: the title chain before a name ("Deputy Minister of Defense, Head of ... Agil
Gurbanov") and the apposition after it ("Zakir Hasanov, Minister of Defense of Azerbaijan,"), split into
pieces that ``TitlePieceReader`` reads."""

from __future__ import annotations

from typing import Optional

from idefx.person.name_runs import NameRuns
from idefx.person.title_pieces import DETERMINERS, PERSON_KINDS, POSSESSIVE, TitlePiece, TitlePieceReader
from idefx.person.tokens import BULLETS, DocTokens

# words that open a clause or a complement: not part of a title's lower-case lead
CLAUSE_WORDS = {"who", "which", "that", "with", "to", "by", "from", "at", "in", "on", "as", "for", "of"}
CONNECTORS = {"of", "for", "on", "the", "and", "to", ",", "’s", "'s", "-", "&"}
LEADING_CONNECTORS = CONNECTORS - {"the"}  # connectors that cannot open a title region
MAX_REGION = 40  # tokens a title region may hold
COMPLEMENT_ENDS = {",", ".", ";", ")", "of", "for", "at", "in", "and"}  # what may follow words coordinated in one
MAX_TITLE_LEAD = 5  # words before the head of a title ("Senior Trade and Investment Commissioner")
MAX_COORDINATED = 4  # capitalised words after "and" inside a title's complement


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

    def title_lead(self, i: int) -> Optional[int]:
        """The head of a title that starts at token ``i`` with a few capitalised words of its own ("Diplomatic
        Advisor", "Senior Trade and Investment Commissioner"), or after a determiner lower-case ones ("the
        opposition leader"), or None. No word of the lead may be a name's,
        a country's or an organisation's (", Ahmed Kamal and Country Director X": the name is a person's)."""
        t = self.tokens
        determined = i < t.n and t.lower[i] in DETERMINERS
        if determined:
            i += 1
        in_names = {k for run in self.names.runs if run.start <= i + MAX_TITLE_LEAD and run.end > i
                    for k in range(run.start, run.end)}
        for k in range(i, min(i + MAX_TITLE_LEAD + 1, t.n)):
            tag = t.tags[k]
            if tag is not None and tag.kinds & {"head", "rank"}:
                return k if k > i else None
            if t.is_cap(k) and t.text[k].isalpha() and t.country[k] is None and t.org[k] is None \
                    and k not in in_names:
                continue
            if determined and ((t.text[k].isalpha() and t.text[k].islower() and t.lower[k] not in CLAUSE_WORDS
                                and t.lower[k] not in self.reader.vocabulary.verbs) or t.text[k] in POSSESSIVE):
                continue  # ", the opposition leader,", ", the country's defence minister,"
            if k > i and (t.lower[k] in {"and", "&"} or t.glued_hyphen(k)):
                continue
            return None
        return None

    def joins_complement(self, region: list[int], k: int) -> bool:
        """"and" at token ``k`` coordinates words inside the complement of the title in ``region`` ("Minister of
        Foreign Affairs and Expatriates of ..."), not the next person or title."""
        t = self.tokens
        nxt = t.next_word(k + 1)
        before = t.prev_word(k)
        if nxt is None or (t.org[nxt] is not None and t.org[nxt].start < nxt and not (
                region and region[0] < t.org[nxt].start <= before)):
            # an organisation's name running over "and" is the title's complement only when it opens inside the
            # title ("Head of the Department of Trade and Energy Affairs")
            return False
        if t.org[before] is not None and t.org[before].end == before + 1:
            return False  # "CEO of Google and Alphabet": two organisations, the title is the first one's
        heads = [j for j in region if t.tags[j] is not None and "head" in t.tags[j].kinds]
        if not heads or not any(t.lower[j] in {"of", "for"} for j in region if j > heads[-1]):
            return False
        run_starts = {run.start for run in self.names.runs
                      if run.start > nxt or len(self.names.name_tokens(run.start, run.end)) >= 2}
        after = nxt
        while after < t.n and (t.is_cap(after) or t.glued_hyphen(after)):
            if (t.tags[after] is not None and t.tags[after].kinds & {"head", "rank", "honorific"}) \
                    or t.country[after] is not None or after in run_starts \
                    or after - nxt >= MAX_COORDINATED:
                return False  # another title, a country or a name: the next item
            after += 1
        # the coordinated words close the complement or go on with it; a verb after them makes them a subject
        return after > nxt and (after >= t.n or t.lower[after] in COMPLEMENT_ENDS or t.is_space(after))

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
            if t.is_space(j):
                if t.is_break(j) or j in t.closing:
                    break  # (an emphasised stretch before the name is a unit of its own)
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
        pieces = self.pieces(region)
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

    def right(self, end: int, title_first: bool = False) -> tuple[list[TitlePiece], Optional[str], list[int]]:
        """The apposition after a name ending at ``end``: its title pieces, the organisation piece after them,
        and its tokens. ``title_first``: the name had its title before it, so in a list the items read "Title,
        Name" and a title followed by ", Name" is that name's."""
        t = self.tokens
        k = end
        while k < t.n and k in t.markup:
            k += 1
        if k < t.n and t.text[k] == "(":
            return self.bracketed(k)
        k = self.apposition_start(k)
        if k is None:
            return [], None, []
        lead_head = None if self.starts_title(k) else self.title_lead(k)
        if lead_head is None and not self.starts_title(k) and not (
                t.country[k] is not None and self.country_then_title(k)):
            return [], None, []
        region = []
        while k < t.n and len(region) < MAX_REGION:
            if t.is_space(k):
                if t.is_break(k):
                    break
                k += 1
                continue
            if t.lower[k] == "and" and not self.starts_title(k + 1) and not self.joins_complement(region, k) \
                    and not (lead_head is not None and k < lead_head):
                break  # (inside a lead, "and" joins the title's own words: "Trade and Investment Commissioner")
            if t.lower[k] == "on" and region and t.text[region[-1]] == ",":
                break  # ", on Tuesday met ...": the clause goes on after the apposition
            in_lead = lead_head is not None and k < lead_head
            if not (self.region_token(k) or t.lower[k] in DETERMINERS or in_lead or t.lower[k] == "at"):
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
            # the next person's item opens at the last comma or "and" before their name (and its honorifics);
            # in a "Title, Name" list, at the one before their title
            cut = [j for j, k in enumerate(region) if k < named[0] and (t.text[k] == "," or t.lower[k] == "and")]
            if title_first and cut and region[cut[-1]] == t.prev_word(self.item_start(named[0])) and (
                    named == after_title[:1] or self.item_start(named[0]) < named[0]):
                cut = cut[:-1]
            region = region[:cut[-1]] if cut else []
        while region and t.lower[region[-1]] in CONNECTORS:
            region.pop()
        titles, org = [], None
        for piece in self.pieces(region):
            if self.reader.has_kind(piece, "head", "rank"):
                titles.append(self.reader.read(piece, lead=lead_head is not None and not titles))
            elif titles and self.reader.is_org_piece(piece):
                org = t.span_text(piece[0], piece[-1] + 1)
                toks = [k for k in piece if not t.is_space(k) and t.lower[k] not in DETERMINERS]
                if toks and not any(p.country for p in titles):
                    # "X, Head of Department, Ministry of External Relations of Brazil": the body's country
                    titles[-1].country = self.reader.body_country(toks)
                break
            else:
                break
        return titles, org, region

    def plural_before(self, start: int) -> Optional[tuple[TitlePiece, list[str]]]:
        """"Foreign Ministers A of X and B of Y", "Kenyan and Ghanaian defence ministers A and B", "the
        defence ministers of Kenya and Ghana, A and B": a plural title straight before a name (with the
        modifiers before it; in lower case only with countries), and the countries coordinated before it or
        in its complement, in order; each name of the list takes the singular and its country."""
        t, words = self.tokens, self.reader.vocabulary
        j = t.prev_word(start)
        countries: list[str] = []
        if j < start and t.text[j] == ",":
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

    def apposition_start(self, k: int) -> Optional[int]:
        """Where the phrase that may give the title of a name ending before token ``k`` starts: after its comma
        (", Minister of ..."), after "as" ("X as Ambassador of ...") or a comma and "who is" / "who was"
        (", who is the defence minister"); None when neither follows the name."""
        t = self.tokens
        if k >= t.n or t.text[k] not in {",", "as"}:
            return None
        comma = t.text[k] == ","
        k += 1
        while k < t.n and t.is_space(k) and not t.is_break(k):
            k += 1
        if comma and k + 1 < t.n and t.lower[k] == "who":
            after = t.next_word(k + 1)
            if after is not None and t.lower[after] in {"is", "was"}:
                k = t.next_word(after + 1)
        return k if k is not None and k < t.n else None

    def item_start(self, name: int) -> int:
        """The first token of a name with the honorifics straight before it ("Mr", "Dr", "Hon.")."""
        t = self.tokens
        j = t.prev_word(name)
        while j > 0 and t.tags[j] is not None and "honorific" in t.tags[j].kinds \
                and not t.tags[j].kinds & {"head", "rank"}:
            name = t.tags[j].start
            j = t.prev_word(name)
        return name

    def bracketed(self, k: int) -> tuple[list[TitlePiece], Optional[str], list[int]]:
        """"Karen Holt (Minister of Trade)": a title in brackets right after the name (token ``k`` is "(")."""
        t = self.tokens
        close = next((j for j in range(k + 1, min(k + MAX_REGION, t.n)) if t.text[j] in {")", "("}
                      or "\n" in t.text[j]), None)
        if close is None or t.text[close] != ")" or close == k + 1:
            return [], None, []
        first = k + 1
        if not (self.starts_title(first) or self.title_lead(first) is not None):
            return [], None, []
        region = list(range(first, close))
        titles = [self.reader.read(piece) for piece in self.pieces(region) if self.reader.has_kind(piece, "head")]
        return titles, None, region

    def country_then_title(self, k: int) -> bool:
        """A country (possessive or not) followed by a title: "Azerbaijan's Defense Minister"."""
        t = self.tokens
        j = t.country[k].end
        if j < t.n and t.text[j] in POSSESSIVE:
            j += 1
        return self.starts_title(j)

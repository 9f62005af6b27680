"""Title reading after a name: the apposition (", Minister of Defense of Azerbaijan,", " as Ambassador of
Ghana", ", who is the defence minister") or a bracketed title ("(Minister of Trade)"), cut where the next
person's item starts, with the organisation piece after the titles."""

from __future__ import annotations

from typing import Optional

from idefx.person.name_runs import NameRuns
from idefx.person.title_chain import MAX_COMPLEMENT_WORDS
from idefx.person.title_pieces import DETERMINERS, POSSESSIVE, TitlePiece, TitlePieceReader
from idefx.person.title_regions import CLAUSE_WORDS, CONNECTORS, MAX_REGION, TitleRegions
from idefx.person.tokens import DocTokens
from idefx.person.vocabulary import UNCOMMON_NAME

MAX_AGE_DIGITS = 3
SERVES = {"serves", "served", "works", "worked", "acts", "acted"}  # ", who serves as <title>"


class TitleApposition:
    """The titles after the names of one Doc."""

    def __init__(self, tokens: DocTokens, names: NameRuns, reader: TitlePieceReader, regions: TitleRegions):
        self.tokens = tokens
        self.names = names
        self.reader = reader
        self.regions = regions

    def after(self, end: int, title_first: bool = False) -> tuple[list[TitlePiece], Optional[str], list[int]]:
        """The apposition after a name ending at ``end``: its title pieces, the organisation piece after them,
        and its tokens. ``title_first``: the name had its title before it, so in a list the items read "Title,
        Name" and a title followed by ", Name" is that name's."""
        t = self.tokens
        k = end
        while k < t.n and k in t.markup:
            k += 1
        bracket = k
        while bracket < t.n and t.is_space(bracket) and not t.is_break(bracket):
            bracket += 1  # the bracketed title may stand on the line below the name ("Karen Holt\n(Minister ...)")
        if bracket < t.n and t.text[bracket] == "(":
            return self.bracketed(bracket)
        k = self.apposition_start(k)
        if k is None:
            return [], None, []
        lead_head = None if self.regions.starts_title(k) else self.regions.title_lead(k)
        if lead_head is None and not self.regions.starts_title(k) and not (
                t.country[k] is not None and self.regions.country_then_title(k)):
            return [], None, []
        region = []
        while k < t.n and len(region) < MAX_REGION:
            if t.is_space(k):
                if t.is_break(k):
                    break
                k += 1
                continue
            if t.lower[k] == "and" and not self.regions.starts_title(k + 1) \
                    and not self.regions.joins_complement(region, k) and not (lead_head is not None and k < lead_head):
                break  # (inside a lead, "and" joins the title's own words: "Trade and Investment Commissioner")
            if t.lower[k] in {"on", "at"} and region and t.text[region[-1]] == ",":
                break  # ", on Tuesday met ...", ", at the forum": the clause goes on after the apposition
            in_lead = lead_head is not None and k < lead_head
            if not (self.regions.region_token(k) or t.lower[k] in DETERMINERS or in_lead or t.lower[k] == "at"
                    or self.lower_complement(region, k)):
                break
            region.append(k)
            k += 1
        # ", President Murmu said" / ", and Colonel Ahmed Salem Hamza": the next person's title ends it
        named = [k for k in region if k > 0 and self.names.name_word(k) and t.tags[k - 1] is not None]
        # ", Foreign Minister of Peru Jorge Salas and ...", ", Speaker of the House Tomas Ferrer,": a name of two words
        # or more straight after a capitalised word of a title (its country, body or complement)
        named += [run.start for run in self.names.runs if region and region[0] < run.start <= region[-1]
                  and len(self.names.name_tokens(run.start, run.end)) >= 2
                  and t.is_cap(t.prev_word(run.start))
                  and self.reader.has_kind(region[:region.index(run.start)], "head")]
        # ", Secretary of Commerce Lena Holm,": the complement's one word runs into the name that follows it
        named += [toks[1] for run in self.names.runs if region and region[0] < run.start <= region[-1]
                  and len(toks := self.names.name_tokens(run.start, run.end)) >= 3 and toks[1] in region
                  and all(t.flags[k] & UNCOMMON_NAME for k in toks[1:])
                  and t.lower[t.prev_word(run.start)] in {"of", "for"}
                  and self.reader.has_kind(region[:region.index(run.start)], "head")]
        named.sort()
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
        for piece in self.regions.pieces(region):
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

    def lower_complement(self, region: list[int], k: int) -> bool:
        """Whether the lower-case word at token ``k`` goes on with the complement of the title in ``region``
        ("chief of Brazil's joint staff,", "head of the armed forces."): the region ends in "of" or "for" after a
        head with only a country, a possessive and lower-case words since, and the words end the clause."""
        t = self.tokens
        if not self.plain_lower(k):
            return False
        of = next((j for j in reversed(region) if t.lower[j] in {"of", "for"}), None)
        if of is None or t.tags[t.prev_word(of)] is None or "head" not in t.tags[t.prev_word(of)].kinds:
            return False
        if not all(t.country[j] is not None or t.text[j] in POSSESSIVE or t.text[j].islower()
                   for j in region if j > of):
            return False
        end = k
        while end < t.n and (t.is_space(end) and not t.is_break(end) or self.plain_lower(end)):
            end += 1
        return end - k <= MAX_COMPLEMENT_WORDS and (end >= t.n or t.text[end] in {",", ".", ";", ")"})

    def plain_lower(self, k: int) -> bool:
        """A lower-case word that opens no clause: no preposition, relative pronoun or cue verb."""
        t = self.tokens
        return t.text[k].isalpha() and t.text[k].islower() and t.lower[k] not in CLAUSE_WORDS \
            and t.lower[k] not in self.reader.vocabulary.verbs

    def apposition_start(self, k: int) -> Optional[int]:
        """Where the phrase that may give the title of a name ending before token ``k`` starts: after its comma
        (", Minister of ..."), after "as" ("X as Ambassador of ...") or a comma and "who is" / "who was"
        (", who is the defence minister", ", who is also Togo's chief negotiator"); None when neither follows
        the name."""
        t = self.tokens
        if k >= t.n or t.text[k] not in {",", "as"}:
            return None
        comma = t.text[k] == ","
        k += 1
        while k < t.n and t.is_space(k) and not t.is_break(k):
            k += 1
        if k >= t.n:
            return None
        adverbs = self.reader.vocabulary.relative_adverbs
        if comma and t.text[k].isdigit() and len(t.text[k]) <= MAX_AGE_DIGITS and k + 1 < t.n \
                and t.text[k + 1] == ",":
            k = t.next_word(k + 2)  # "X, 54, Peru's deputy foreign minister,": the age comes first
            if k is None:
                return None
        if comma and k + 1 < t.n and t.lower[k] == "who":
            after = t.next_word(k + 1)
            if after is not None and t.lower[after] in {"is", "was"}:
                k = t.next_word(after + 1)
                if k is not None and t.lower[k] in adverbs:
                    k = t.next_word(k + 1)
            elif after is not None and t.lower[after] in SERVES:
                # ", who serves as Peru's deputy foreign minister,"
                k = t.next_word(after + 1)
                if k is not None and t.lower[k] == "as":
                    k = t.next_word(k + 1)
                else:
                    return None
        elif comma and t.lower[k] in adverbs:
            k = t.next_word(k + 1)  # ", currently Peru's ambassador to Chile,", ", also the chairman of ..."
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
        """"Karen Holt (Minister of Trade)": a title in brackets right after the name or on the line below it (token ``k`` is "(")."""
        t = self.tokens
        close = next((j for j in range(k + 1, min(k + MAX_REGION, t.n)) if t.text[j] in {")", "("}
                      or "\n" in t.text[j]), None)
        if close is None or t.text[close] != ")" or close == k + 1:
            return [], None, []
        first = k + 1
        if not (self.regions.starts_title(first) or self.regions.title_lead(first) is not None or (
                t.country[first] is not None and self.regions.country_then_title(first))):
            return [], None, []  # ("(Minister of Trade)", "(Senior Adviser)", "(Peru's deputy foreign minister)")
        region = list(range(first, close))
        titles = [self.reader.read(piece) for piece in self.regions.pieces(region)
                  if self.reader.has_kind(piece, "head")]
        return titles, None, region

"""Title reading, the shape of a title region: where a title starts ("Defense Minister", "the opposition
leader", "Azerbaijan's Defense Minister"), which tokens a region holds, where "and" stays inside a title's
complement, and how a region splits into the pieces that ``TitlePieceReader`` reads. ``TitleChain`` (before a
name), ``TitleApposition`` (after it) and ``PluralTitles`` find the regions."""

from __future__ import annotations

from typing import Optional

from idefx.person.name_runs import NameRuns
from idefx.person.title_pieces import DETERMINERS, PERSON_KINDS, POSSESSIVE, TitlePieceReader
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
    """What a title region of one Doc is made of: its start, its tokens, its pieces."""

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

    def country_then_title(self, k: int) -> bool:
        """A country (possessive or not) followed by a title: "Azerbaijan's Defense Minister"."""
        t = self.tokens
        j = t.country[k].end
        if j < t.n and t.text[j] in POSSESSIVE:
            j += 1
        return self.starts_title(j)

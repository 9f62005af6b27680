"""Country and organisation attribution: the country a person speaks for, from the phrase around their name
("President Lasso of Ecuador", "Germany's defense minister", "from the Mauritanian side"), from their
organisation, or from the document; and a minister's ministry when the text names it."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Optional

from idefx.entities import KNOWN_ORG
from idefx.person.title_pieces import POSSESSIVE
from idefx.person.tokens import DocTokens
from idefx.person.vocabulary import PersonVocabulary

# a title's portfolio and the body the title heads: a minister's ministry, a secretary's department
OFFICES = (
    ("ministry", re.compile(r"(?i)^(?:.*\s)?minister\s+(?:of|for)\s+(?:the\s+)?(.+)$"),
     re.compile(r"(?i)^(.+?)\s+minister$")),
    ("department", re.compile(r"(?i)^(?:.*\s)?secretary\s+of\s+(?:the\s+)?(.+)$"),
     re.compile(r"(?i)^(.+?)\s+secretary$")),
)
SENTENCE_ENDS = {".", "!", "?"}
# words that end the phrase of a title: a country before them modifies something else
CLAUSE_WORDS = {"to", "with", "by", "from", "and", "or", "for", "at", "on", "as", "that", "who", "which"}
MAX_REGION_WORDS = 4  # words of a region's name ("Akwa Ibom State")
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its"}
LIST_JOINS = {",", "and", "&"}
LEADING_VERBS = {"led", "headed"}  # "a delegation led by X": X leads the side
MAX_TITLE_GAP = 3  # words between a country and the title it qualifies ("Iranian acting Foreign Minister")


class Attribution:
    """The country and organisation rules of one Doc."""

    def __init__(self, tokens: DocTokens, vocabulary: PersonVocabulary):
        self.tokens = tokens
        self.vocabulary = vocabulary

    # ------------------------------------------------------------ from the phrase around the name
    def country_after(self, end: int) -> Optional[str]:
        """"President Guillermo Lasso of Ecuador", "Foreign Ministers A (Chile) and B (Peru)": the country
        straight after a titled name."""
        t = self.tokens
        k = t.next_word(end) or end
        if k + 1 < t.n and t.text[k] == "(":
            span = t.country[k + 1]
            if span is not None and span.label_ == "country" and span.start == k + 1 and span.end < t.n \
                    and t.text[span.end] == ")":
                return span.kb_id_
        if k + 1 < t.n and t.lower[k] == "of":
            k += 1
            if t.lower[k] == "the" and k + 1 < t.n:
                k += 1
            span = t.country[k]
            if span is not None and span.label_ == "country" and span.start == k:
                return span.kb_id_
        return None

    def region_after(self, end: int) -> Optional[tuple[Optional[str], tuple[str, ...]]]:
        """"Governor Ada Eze of Enugu State", "Premier Y of Ontario": the region straight after a titled name and
        the countries it may belong to (none known: empty); a region named with its region word ("Enugu State")
        also completes the title (the first item, else None)."""
        t = self.tokens
        if end + 1 >= t.n or t.lower[end] != "of":
            return None
        k = end + 1
        while k < min(end + 1 + MAX_REGION_WORDS, t.n) and t.is_cap(k) and t.org[k] is None:
            k += 1
        words = [t.text[j] for j in range(end + 1, k)]
        countries = self.vocabulary.region(words)
        if countries is None or (k < t.n and (t.is_cap(k) or t.text[k] in POSSESSIVE)):
            return None
        marked = t.text[k - 1] in self.vocabulary.region_words
        return (t.span_text(end + 1, k) if marked else None), countries

    def party_region(self, end: int) -> Optional[tuple[str, ...]]:
        """"Senator X (D-Georgia)", "Y, R-Texas,": a party letter and the region a legislator represents,
        straight after the name; the region's countries, or None."""
        t = self.tokens
        k = t.next_word(end)
        if k is not None and t.text[k] in {"(", ","}:
            k = t.next_word(k + 1)
        if k is None or k + 2 >= t.n or not (len(t.text[k]) == 1 and t.text[k].isupper()) \
                or t.text[k + 1] != "-":
            return None
        first = last = k + 2
        while last < min(first + MAX_REGION_WORDS, t.n) and t.is_cap(last):
            last += 1
        if last >= t.n or t.text[last] not in {")", ","}:
            return None
        return self.vocabulary.region([t.text[j] for j in range(first, last)], country_names=True) or None

    def country_before(self, start: int) -> Optional[str]:
        """A possessive country or demonym a few lower-case words before a title
        ("Germany's newly sworn-in defense minister")."""
        t = self.tokens
        j, skipped = start - 1, 0
        while j >= 0 and skipped <= 3:
            if t.is_space(j):
                j -= 1
                continue
            if t.text[j] in POSSESSIVE and j > 0 and t.country[j - 1] is not None:
                return t.country[j - 1].kb_id_
            span = t.country[j]
            if span is not None and span.label_ == "demonym":
                return span.kb_id_
            if not (t.text[j][:1].islower() or t.text[j] == "-"):
                return None
            if (t.lower[j] in CLAUSE_WORDS or t.lower[j] in self.vocabulary.verbs) and not t.glued_hyphen(j - 1):
                return None  # "Cuba's leader wrote to Prime Minister X": the country is the writer's
            skipped += 1
            j -= 1
        return None

    def of_org_after(self, end: int) -> Optional[str]:
        """"Vice President Anna Bjerde of the World Bank": an organisation straight after a name, as written."""
        t = self.tokens
        k = t.next_word(end) or end
        if k + 1 < t.n and t.lower[k] == "of":
            k = t.next_word(k + 1)
            if k is not None and t.lower[k] == "the":
                k = t.next_word(k + 1)
            span = t.org[k] if k is not None else None
            if span is not None and span.start == k:
                return " ".join(span.text.split())
        return None

    def in_others_title(self, span, people: set[int]) -> bool:
        """"met Iranian Foreign Minister X", "with her Polish counterpart", "with A, the Luxembourg minister X":
        a country that opens a title phrase after a verb, a preposition, a possessive pronoun or another
        item of a list of people (``people``: the tokens of their mentions) qualifies the one named there, not
        the document."""
        t, words = self.tokens, self.vocabulary
        j = t.prev_word(span.start)
        if t.lower[j] in {"the", "a", "an"}:
            j = t.prev_word(j)
        listed = t.lower[j] in {",", "and"} and t.prev_word(j) in people
        if not (listed or t.lower[j] in POSSESSIVE_PRONOUNS or t.lower[j] in words.guest_cues
                or t.lower[j] in words.verbs or t.lower[j] in CLAUSE_WORDS):
            return False
        k = t.next_word(span.end)
        if k is not None and t.text[k] in POSSESSIVE:
            k = t.next_word(k + 1)
        for _ in range(MAX_TITLE_GAP):
            if k is None:
                return False
            if t.tags[k] is not None:
                return True
            if not t.text[k][:1].islower():
                return False
            k = t.next_word(k + 1)
        return False

    def is_destination(self, span) -> bool:
        """A country named as where someone travels ("visited India", "a trip to Chile", "arrived in the
        USA"): a place, not a nationality."""
        t, travel = self.tokens, self.vocabulary.travel_words
        j = t.prev_word(span.start)
        if t.lower[j] == "the":
            j = t.prev_word(j)
        if t.lower[j] in {"to", "in"}:
            j = t.prev_word(j)
        return t.lower[j] in travel

    def origins(self, spans: list) -> set[int]:
        """The start tokens of the country names among ``spans`` (in text order) that say where someone comes
        from ("delegations from Saudi Arabia, Angola and China", the whole list): the visitors' countries, no
        nationality of the document."""
        t = self.tokens
        out: set[int] = set()
        last_end = -1  # the end of the last origin's name, for a list that continues it
        for span in spans:
            if span.label_ != "country" or (span.end < t.n and t.text[span.end] in POSSESSIVE):
                continue  # "from the Chinese side", "from China's president": the country modifies a noun
            j = t.prev_word(span.start)
            if t.lower[j] == "the":
                j = t.prev_word(j)
            if t.lower[j] == "from" or (t.lower[j] in LIST_JOINS and t.prev_word(j) == last_end - 1):
                out.add(span.start)
                last_end = span.end
        return out

    @cached_property
    def names_a_side(self) -> bool:
        """Whether a side word ("from the Mauritanian side") occurs in the Doc (see ``side_country``)."""
        return not self.vocabulary.side_words.isdisjoint(self.tokens.lower)

    def side_country(self, tok: int) -> Optional[str]:
        """"attended from the Mauritanian side by ...": a demonym before a side word earlier in the sentence; for
        the one who leads it ("the delegation from China, led by Minister X", "the Kingdom of Saudi Arabia
        representation was led by X") also a country's name before it or after its "from" or "of"."""
        if not self.names_a_side:
            return None
        t, side_words = self.tokens, self.vocabulary.side_words
        leads = self.leads(tok)
        j = tok - 1
        while j > 0 and t.text[j] not in SENTENCE_ENDS and not t.is_break(j):
            if t.lower[j] in side_words:
                span = t.country[t.prev_word(j)]
                if span is not None and (span.label_ == "demonym" or leads):
                    return span.kb_id_
                k = t.next_word(j + 1)
                if leads and k is not None and t.lower[k] in {"from", "of"}:
                    k = t.next_word(k + 1)
                    if k is not None and t.lower[k] == "the":
                        k = t.next_word(k + 1)
                    span = t.country[k] if k is not None else None
                    if span is not None and span.label_ == "country" and span.start == k:
                        return span.kb_id_
            j -= 1
        return None

    def leads(self, tok: int) -> bool:
        """Whether the name at token ``tok`` (after its capitalised title) follows "led by" or "headed by"."""
        t = self.tokens
        j = t.prev_word(tok)
        while j > 0 and (t.is_cap(j) or t.text[j] in {",", "-"}) and t.lower[j] != "by":
            j = t.prev_word(j)
        return t.lower[j] == "by" and t.lower[t.prev_word(j)] in LEADING_VERBS

    def country_following(self, tok: int, home: Optional[str]) -> Optional[str]:
        """The first country other than home named after token ``tok`` in its paragraph."""
        t = self.tokens
        for span in t.country_spans:
            if span.start > tok and span.kb_id_ != home:
                if any(t.is_break(k) for k in range(tok, span.start)) or self.is_destination(span):
                    return None  # "received Senator X ... after a trip to Chile": Chile is where someone went
                return span.kb_id_
        return None

    # ------------------------------------------------------------ from the organisation
    def ministry(self, titles: list[str], country: Optional[str]) -> Optional[str]:
        """A minister's ministry or a secretary's department when the text names it: "Defense Minister" ->
        "Defense Ministry" or "Ministry of Defense", "Foreign Minister" -> "Ministry of Foreign Affairs",
        "Defense Secretary" -> "Department of (National) Defense", "Secretary of State" -> "State Department"."""
        t = self.tokens
        cores = []  # (body word, portfolio words)
        for title in titles:
            for body, after, before in OFFICES:
                m = after.match(title) or before.match(title)
                if m:
                    words = m.group(1).lower().split()
                    cores += [(body, words[i:]) for i in range(len(words))]
        if not cores:
            return None
        named = []  # (organisation's words, its text)
        for span in t.org_spans:
            inner = [c for c in t.country_spans if span.start <= c.start < span.end]
            if country is not None and any(c.kb_id_ != country for c in inner):
                continue
            words = [t.lower[k] for k in range(span.start, span.end)
                     if not any(c.start <= k < c.end for c in inner) and t.text[k] not in {"’s", "'s"}]
            while words and words[-1] in {"of", "the"}:
                words.pop()
            named.append((words, " ".join(span.text.split())))
        for extra in (0, 1):  # the portfolio as written first
            for words, text in named:
                if any(_heads_portfolio(words, body, core, extra) for body, core in cores):
                    return text
        return None

    def known_org_country(self, text: str) -> Optional[str]:
        """The country of a known organisation named in ``text`` (a title or an organisation's name); generic
        names ("Ministry of Defence") belong to many countries."""
        t, words = self.tokens, self.vocabulary
        for span in t.org_spans:
            if span.label_ == KNOWN_ORG and span.kb_id_ and span.text in text \
                    and any(t.lower[k] not in words.common and t.lower[k] not in words.title_words
                            and t.lower[k] not in words.org_heads for k in range(span.start, span.end)):
                return span.kb_id_
        return None

    def org_country(self, org: str) -> Optional[str]:
        """The country of a person's organisation: a known firm's, or a country named in it."""
        t = self.tokens
        known = self.known_org_country(org)
        if known:
            return known
        for span in t.country_spans:
            if span.text in org:
                return span.kb_id_
        return None


def _heads_portfolio(words: list[str], body: str, core: list[str], extra: int) -> bool:
    """Whether an organisation's words name the ``body`` of a portfolio: "defense ministry", "ministry of
    defense", "ministry of foreign affairs" (a portfolio's "affairs"); with ``extra`` 1, one word more before
    the portfolio ("department of national defense")."""
    if words in (core + [body], core + ["affairs", body]):
        return True
    if words[:2] != [body, "of"]:
        return False
    rests = [words[2:]] + ([words[2:-1]] if words[-1:] == ["affairs"] else [])
    return any(rest[len(rest) - len(core):] == core and len(rest) - len(core) == extra for rest in rests)

"""A person's country from the phrase that modifies them, by the parse (``--model``): the country named in
their apposition and the phrases under it ("X, Minister of Foreign Affairs and Expatriates of the Syrian Arab
Republic", "X, Commissioner from the Australian Embassy"), or in the title they stand in apposition to
("the Syrian Foreign Minister, X"), the nearest in the tree first; never inside a relative clause or
another person's phrase; failing that, for the leader of a group, the country of the group they lead ("the
delegation from the Republic of Chile, led by X", "The Saudi representation was led by X"). It speaks only
for people whose own title pieces state no country. The parse also says which countries a person travels to
("X visited Chile", "X's visit to Chile", "X arrived in Chile"): a visitor is not of that country."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from idefx.person.identity import Identities, PersonRecord
from idefx.person.tokens import DocTokens

# dependency labels of the words of a noun phrase that describes its head
_MODIFIERS = ("appos", "prep", "pobj", "compound", "amod", "poss", "conj", "cc", "nmod", "npadvmod", "punct",
              "det", "case")
_UP = ("appos", "compound")  # a name in apposition to a title, or a title's last word
_DESCRIBING = ("relcl", "acl", "prep")  # a clause or phrase describing a person ("who is on a visit to")
_WITHIN_DESCRIPTION = ("prep", "pobj", "acomp", "attr", "advcl", "xcomp")  # down to its travel word


class ModelCountries:
    """The countries of the phrases modifying people, read from ``doc._.idefx_parse`` (none without it)."""

    def __init__(self, tokens: DocTokens, doc: Doc, lead_verbs: frozenset[str] = frozenset(),
                 travel_words: frozenset[str] = frozenset()):
        self.tokens, self.parse = tokens, doc._.idefx_parse
        self.lead_verbs = lead_verbs  # "led", "headed": the verb between a group and its leader
        self.travel_words = travel_words  # "visited", "visit", "arrived", "trip"

    def of(self, person: PersonRecord, identities: Identities) -> Optional[str]:
        """The country of the first mention of ``person`` whose modifying phrase names one; other people's
        mentions are not searched."""
        if self.parse is None:
            return None
        ranges = identities.mention_tokens
        own = [ranges[chars] for chars in person.mentions if chars in ranges]
        others = {i for other in identities.people if other is not person for chars in other.mentions
                  if chars in ranges for i in range(*ranges[chars])}
        for start, end in own:
            code = self._modifying(start, end, others)
            if code:
                return code
        return None

    def visited(self, person: PersonRecord, identities: Identities) -> set[str]:
        """The countries ``person`` is said to travel to: the object of "visited", the "to"/"in" phrase of
        "arrived" or of a "visit" ("X's visit to Chile"), with ``person`` its subject or possessor, or in a
        clause or phrase describing ``person`` ("X, who is on a visit to Chile", "X, on a visit to Chile")."""
        if self.parse is None:
            return set()
        parse, lower, out = self.parse, self.tokens.lower, set()
        ranges = identities.mention_tokens
        for chars in person.mentions:
            if chars not in ranges or not self.parse.covers(*ranges[chars]):
                continue
            top = head = parse.head_of(*ranges[chars])
            while parse.deps[top] in _UP and parse.heads[top] != top:
                top = parse.heads[top]
            words = [parse.heads[top]] if parse.deps[top] in ("nsubj", "poss") else []
            words += self._describing(head) + (self._describing(top) if top != head else [])
            for travel in words:
                if lower[travel] in self.travel_words:
                    out.update(self._destinations(travel))
        return out

    def meets_a_visitor(self, person: PersonRecord, identities: Identities, home: str) -> bool:
        """Whether ``person`` is the one a visitor to ``home`` meets ("X, on a visit to Egypt, met Y"; "Y
        received X, who arrived in Egypt"): the object of a verb whose subject visits ``home``, or its subject
        when the object does."""
        if self.parse is None:
            return False
        parse, ranges = self.parse, identities.mention_tokens
        visitors = {i for other in identities.people
                    if other is not person and home in self.visited(other, identities)
                    for chars in other.mentions if chars in ranges for i in range(*ranges[chars])}
        if not visitors:
            return False
        for chars in person.mentions:
            if chars not in ranges or not parse.covers(*ranges[chars]):
                continue
            top = parse.head_of(*ranges[chars])
            while parse.deps[top] in _UP and parse.heads[top] != top:
                top = parse.heads[top]
            verb = parse.heads[top]
            if parse.deps[top] == "pobj" and self.tokens.lower[verb] == "with":
                verb = parse.heads[verb]
                if parse.deps[verb] == "dobj":  # "held talks with"
                    verb = parse.heads[verb]
            if parse.deps[top] not in ("dobj", "pobj", "nsubj"):
                continue
            other_side = ("nsubj",) if parse.deps[top] != "nsubj" else ("dobj", "prep")
            if any(self._under(k, visitors) for k in parse.children(verb) if parse.deps[k] in other_side):
                return True
        return False

    def _under(self, token: int, tokens: set[int]) -> bool:
        """Whether the phrase under ``token`` holds one of ``tokens``."""
        todo = [token]
        while todo:
            k = todo.pop()
            if k in tokens:
                return True
            todo.extend(self.parse.children(k))
        return False

    def _describing(self, top: int) -> list[int]:
        """The words of the clauses and phrases that describe the person at ``top`` ("who is on a visit to")."""
        parse, out = self.parse, []
        todo = [k for k in parse.children(top) if parse.deps[k] in _DESCRIBING]
        while todo:
            token = todo.pop()
            out.append(token)
            todo.extend(k for k in parse.children(token) if parse.deps[k] in _WITHIN_DESCRIPTION)
        return out

    def _destinations(self, travel: int) -> set[str]:
        parse, lower = self.parse, self.tokens.lower
        places = [k for k in parse.children(travel) if parse.deps[k] == "dobj"]
        places += [p for k in parse.children(travel) if parse.deps[k] == "prep" and lower[k] in ("to", "in")
                   for p in parse.children(k) if parse.deps[p] == "pobj"]
        return {self.tokens.country[p].kb_id_ for p in places
                if self.tokens.country[p] is not None and self.tokens.country[p].kb_id_}

    def _modifying(self, start: int, end: int, others: set[int]) -> Optional[str]:
        parse = self.parse
        if not parse.covers(start, end):
            return None
        top = parse.head_of(start, end)
        while parse.deps[top] in _UP and parse.heads[top] != top and parse.heads[top] not in others:
            top = parse.heads[top]
        seen = set(range(start, end))
        return self._search(top, start, end, seen, others) or self._group_led(top, seen, others)

    def _search(self, top: int, start: int, end: int, seen: set[int], others: set[int]) -> Optional[str]:
        """The country nearest in the tree among the phrases modifying the mention and its title."""
        parse = self.parse
        todo = [top] if top not in seen else []
        todo += [k for i in range(start, end) for k in parse.children(i)
                 if k not in seen and parse.deps[k] in _MODIFIERS and parse.deps[k] != "conj"]  # a conjunct: another
        while todo:
            token = todo.pop(0)
            if token in seen or self._holds(token, others):
                continue
            seen.add(token)
            span = self.tokens.country[token]
            if span is not None and span.kb_id_:
                return span.kb_id_
            todo.extend(k for k in parse.children(token) if parse.deps[k] in _MODIFIERS)
        return None

    def _group_led(self, top: int, seen: set[int], others: set[int]) -> Optional[str]:
        """The country of the group the mention is said to lead: the noun a "led by" phrase describes (the
        parser may hang the phrase on the verb whose object that noun is), or the passive subject of "was led by"."""
        parse, lower = self.parse, self.tokens.lower
        by = parse.heads[top]
        if parse.deps[top] != "pobj" or parse.deps[by] != "agent" or lower[parse.heads[by]] not in self.lead_verbs:
            return None
        verb = parse.heads[by]
        if parse.deps[verb] == "acl":  # "a delegation from X, led by"
            groups = [parse.heads[verb]]
        elif parse.deps[verb] == "advcl":  # "received a delegation from X, led by": the object it describes
            groups = [k for k in parse.children(parse.heads[verb]) if parse.deps[k] == "dobj" or (
                parse.deps[k] == "prep" and lower[k] == "from")]
        else:  # "The X delegation was led by"
            groups = [k for k in parse.children(verb) if parse.deps[k] == "nsubjpass"]
        for group in groups:
            if group in seen or self._holds(group, others):
                continue
            code = self._search(group, group, group + 1, set(seen), others)
            if code:
                return code
        return None

    def _holds(self, token: int, others: set[int]) -> bool:
        """Whether the phrase under ``token`` names another person ("the Luxembourg minister Fernand Etgen")."""
        todo = [token]
        while todo:
            k = todo.pop()
            if k in others:
                return True
            todo.extend(self.parse.children(k))
        return False

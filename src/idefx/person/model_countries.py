"""A person's country from the phrase that modifies them, by the parse (``--model``): the country named in
their apposition and the phrases under it ("X, Minister of Foreign Affairs and Expatriates of the Syrian Arab
Republic", "X, Commissioner from the Australian Embassy"), or in the title they stand in apposition to
("the Syrian Foreign Minister, X"), the nearest in the tree first; never inside a relative clause or
another person's phrase. It speaks only for people whose own title pieces state no country."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from idefx.person.identity import Identities, PersonRecord
from idefx.person.tokens import DocTokens

# dependency labels of the words of a noun phrase that describes its head
_MODIFIERS = ("appos", "prep", "pobj", "compound", "amod", "poss", "conj", "cc", "nmod", "npadvmod", "punct",
              "det", "case")
_UP = ("appos", "compound")  # a name in apposition to a title, or a title's last word


class ModelCountries:
    """The countries of the phrases modifying people, read from ``doc._.idefx_parse`` (none without it)."""

    def __init__(self, tokens: DocTokens, doc: Doc):
        self.tokens, self.parse = tokens, doc._.idefx_parse

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

    def _modifying(self, start: int, end: int, others: set[int]) -> Optional[str]:
        parse = self.parse
        if not parse.covers(start, end):
            return None
        top = parse.head_of(start, end)
        while parse.deps[top] in _UP and parse.heads[top] != top and parse.heads[top] not in others:
            top = parse.heads[top]
        seen = set(range(start, end))
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

    def _holds(self, token: int, others: set[int]) -> bool:
        """Whether the phrase under ``token`` names another person ("the Luxembourg minister Fernand Etgen")."""
        todo = [token]
        while todo:
            k = todo.pop()
            if k in others:
                return True
            todo.extend(self.parse.children(k))
        return False

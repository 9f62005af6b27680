"""Who the parse says is no party to a trigger (``--model``): with a trained parser's reading of the sentence
(``doc._.idefx_parse``), a person named on a side of a trigger is left out when they are only a possessor
("Kenya's envoy met ..."), named inside a relative clause about someone else ("A, who was appointed by B, met C"; not "the
delegation that comprises B"), or named in
reported speech about others ("A said B had met C", for the trigger outside it). Without a parse every
person stays: the rules decide alone."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span

from idefx.entities import Parse
from idefx.matchindex import Match
from idefx.meeting.participants import Participants, person_of

# labels through which a trigger's clause reaches the verb that carries it ("held talks with", "talks were held")
_CLAUSE_LINKS = ("dobj", "pobj", "prep", "compound", "nsubj", "nsubjpass", "attr", "amod", "npadvmod")
_REPORTED = ("ccomp", "relcl")
NAME_REACH = 8  # tokens around a word searched for the person mention holding it


class ClauseStructure:
    """The parse of a Doc as it bears on who takes part in a trigger's meeting."""

    def __init__(self, doc: Doc, participants: Participants):
        self.parse: Optional[Parse] = doc._.idefx_parse
        self.participants = participants

    def keep(self, people: list[int], trigger: Match, start: int, stop: int) -> list[int]:
        """``people`` without those whose every mention in ``start``..``stop`` stands outside ``trigger``'s clause."""
        if self.parse is None or not people:
            return people
        outside: dict[int, bool] = {}
        for mention in self.participants.named_in(start, stop, speakers=True):
            person = person_of(mention)
            outside[person] = outside.get(person, True) and self.outside(trigger, mention)
        return [p for p in people if not outside.get(p, False)]

    def outside(self, trigger: Match, mention: Span) -> bool:
        parse = self.parse
        if not (parse.covers(trigger.start, trigger.end) and parse.covers(mention.start, mention.end)):
            return False
        head = parse.head_of(mention.start, mention.end)
        if parse.deps[head] == "poss":
            return True
        anchor = self._anchor(parse.head_of(trigger.start, trigger.end))
        path = self._path(head)
        if anchor in path:  # a relative clause about another participant ("A, who was appointed by B, met C")
            return any(parse.deps[t] == "relcl" and self._names_someone(parse.heads[t])
                       for t in path[:path.index(anchor)])
        return any(parse.deps[t] in _REPORTED for t in path) and not self._inside_same(path, anchor)

    def _names_someone(self, token: int) -> bool:
        near = self.participants.named_in(max(0, token - NAME_REACH), token + NAME_REACH, speakers=True)
        return any(m.start <= token < m.end for m in near)

    def _anchor(self, token: int) -> int:
        """The verb that carries the trigger's clause."""
        parse, seen = self.parse, set()
        while parse.deps[token] in _CLAUSE_LINKS and parse.heads[token] != token and token not in seen:
            seen.add(token)
            token = parse.heads[token]
        return token

    def _path(self, token: int) -> list[int]:
        """``token`` and its heads up to the root of its sentence."""
        parse, path = self.parse, [token]
        while parse.heads[token] != token and parse.heads[token] not in path:
            token = parse.heads[token]
            path.append(token)
        return path

    def _inside_same(self, path: list[int], anchor: int) -> bool:
        """Whether the trigger stands inside the same reported clause as the mention."""
        anchor_path = self._path(anchor)
        clauses = [t for t in path if self.parse.deps[t] in _REPORTED]
        return any(c in anchor_path for c in clauses)

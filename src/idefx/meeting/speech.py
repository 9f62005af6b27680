"""The speaker of a quote from the parse (``--model``): the subject of a verb of saying ("said", "told",
"stressed"), wherever it stands ("X, who met Y on Monday, said", "said X"), through an apposition or a
coordination ("A and B said"). Where the parser read the verb, its subject decides who speaks; a verb
with no subject of its own ("A met B and said") names no speaker, so the subject of the meeting stays
a participant."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

from idefx.entities import Parse

_SUBJECTS = ("nsubj", "nsubjpass")
_LINKS = ("appos", "conj", "compound")  # from the subject's head to the names it stands for


def parsed_speakers(parse: Optional[Parse], verbs: list[int], mentions: list[Span]) -> tuple[set[int], set[int]]:
    """The starts of the mentions that are subjects of the verbs of saying at ``verbs`` (token indices), and
    the verbs the parse decides (those it read); nothing without a parse."""
    if parse is None:
        return set(), set()
    decided = {v for v in verbs if v in parse.heads}
    subjects: set[int] = set()
    for verb in decided:
        todo = [k for k in parse.children(verb) if parse.deps[k] in _SUBJECTS]
        while todo:
            token = todo.pop()
            subjects.add(token)
            todo.extend(k for k in parse.children(token) if parse.deps[k] in _LINKS)
    return {m.start for m in mentions if any(m.start <= t < m.end for t in subjects)}, decided

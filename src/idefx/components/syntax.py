"""The ``idefx_syntax`` component: a trained spaCy pipeline's parse and entities, on the sentences that matter.

With ``--model NAME`` the user names an installed trained English pipeline with a dependency parser (a
package such as ``en_core_web_sm``, or the path of a saved pipeline). Parsing whole documents would cost
most of the run, so the component hands the trained pipeline only the sentences (``idefx.segments``) that
hold a meeting or speech cue word (``parse_cues.jsonl``: "met", "talks", "received", "said", ...), where the
people and meetings of a report are named; sentences chosen for holding any capitalised name too would be
half of a press corpus. They go as Docs of idefx's own tokens, so token indices carry over unchanged, all
sentences of a batch of documents in one ``nlp.pipe`` call.

It writes ``doc._.idefx_parse`` (:class:`idefx.entities.Parse`: heads, dependency labels, the parser's
sentences) and the span group ``doc.spans[MODEL_SPANS]``: the trained recogniser's entities of
the configured labels that overlap nothing the rulers before it found. It runs after idefx's rulers and
before the people finder; the rule components read what it wrote only when it is there.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from idefx.entities import MODEL_SPANS, Parse
from idefx.errors import EXIT_USAGE, IdefxError
from idefx.resources import read_jsonl
from idefx.segments import Sentence, segments

STATISTICAL_LABELS = ["PERSON", "ORG", "GPE", "NORP", "FAC", "EVENT"]
_SKIPPED = ("tagger", "lemmatizer", "attribute_ruler", "senter", "morphologizer")  # idefx reads parse and entities


class ModelNotFound(IdefxError):
    """The named trained pipeline is not installed, or cannot serve: no parser, or not English."""

    exit_code = EXIT_USAGE


def load_trained(model: str) -> Language:
    """Load a trained English pipeline with a dependency parser, with only what idefx reads enabled."""
    try:
        trained = spacy.load(model, exclude=list(_SKIPPED))
    except (OSError, ImportError, ValueError) as exc:
        raise ModelNotFound(f"spaCy pipeline {model!r} is not installed (pip install it, "
                            f"or give the path of a saved pipeline)") from exc
    if trained.lang != "en":
        raise ModelNotFound(f"spaCy pipeline {model!r} is for language {trained.lang!r}, not English")
    if not any("token.dep" in trained.get_pipe_meta(name).assigns for name in trained.pipe_names):
        raise ModelNotFound(f"spaCy pipeline {model!r} has no dependency parser")
    return trained


@Language.factory("idefx_syntax", default_config={"model": "", "labels": STATISTICAL_LABELS,
                                                  "cues_file": "parse_cues.jsonl", "batch_size": 64})
def make_syntax(nlp: Language, name: str, model: str, labels: list[str], cues_file: str,
                batch_size: int) -> "Syntax":
    return Syntax(name, load_trained(model), labels, {e["text"].lower() for e in read_jsonl(cues_file)},
                  batch_size)


class Syntax:
    """Parse the sentences of a Doc that may matter and put the parse on the Doc."""

    def __init__(self, name: str, trained: Language, labels: Iterable[str], cues: set[str], batch_size: int = 64):
        self.name, self.trained = name, trained
        self.labels, self.cues, self.batch_size = set(labels), cues, batch_size
        self.word_cache: dict[int, bool] = {}

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            chosen = [self.chosen(doc) for doc in batch]
            pieces = [self.piece(doc, sent) for doc, sents in zip(batch, chosen) for sent in sents]
            read = iter(self.trained.pipe(pieces, batch_size=self.batch_size))
            for doc, sents in zip(batch, chosen):
                yield self.combine(doc, [(sent, next(read)) for sent in sents])

    def chosen(self, doc: Doc) -> list[Sentence]:
        """The sentences holding a cue word."""
        cues = self.cues
        return [sent for sent in segments(doc, self.word_cache)
                if any(t.lower_ in cues for t in doc[sent.start:sent.end])]

    def piece(self, doc: Doc, sent: Sentence) -> Doc:
        """The sentence as a Doc of the trained pipeline's vocabulary, token for token."""
        tokens = doc[sent.start:sent.end]
        return Doc(self.trained.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])

    def combine(self, doc: Doc, read: list[tuple[Sentence, Doc]]) -> Doc:
        """Write the parse of each read sentence and the entities no ruler claimed onto ``doc``."""
        heads: dict[int, int] = {}
        deps: dict[int, str] = {}
        sentences: list[tuple[int, int]] = []
        rule_spans = [*doc.ents, *(s for key, group in doc.spans.items() if key != MODEL_SPANS for s in group)]
        taken = {i for span in rule_spans for i in range(span.start, span.end)}
        kept: list[Span] = []
        for sent, piece in read:
            offset = sent.start
            for token in piece:
                i = token.i + offset
                heads[i], deps[i] = token.head.i + offset, token.dep_
            sentences.extend((s.start + offset, s.end + offset) for s in piece.sents)
            for ent in piece.ents:
                start, end = ent.start + offset, ent.end + offset
                if ent.label_ in self.labels and not any(i in taken for i in range(start, end)):
                    kept.append(Span(doc, start, end, label=ent.label_))
                    taken.update(range(start, end))
        doc._.idefx_parse = Parse(heads, deps, sentences)
        doc.spans[MODEL_SPANS] = kept
        return doc

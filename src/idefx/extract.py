"""Run the pipeline over source documents and yield document records."""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from idefx.entities import TEXT_KEY
from idefx.document import SourceDocument
from idefx.records import DocumentRecord
from idefx.safety import unicode_safe


def _with_source(nlp: Language, source: SourceDocument) -> Doc:
    """A tokenised Doc that carries the metadata found outside the text (front matter, HTML metadata): the
    publication date they give is one input of the decision the dates component makes
    (:mod:`idefx.publication`)."""
    text = unicode_safe(source.text)
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text  # the text doc.text would rebuild from the tokens
    doc._.idefx_published = source.published
    doc._.idefx_source = source.metadata
    return doc


def extract_records(nlp: Language, documents: Iterable[SourceDocument], batch_size: int = 32) -> Iterator[DocumentRecord]:
    """Stream records, one per document, in input order.

    Lone surrogates (never produced by idefx.io, but possible in a Python string) reach the
    pipeline as U+FFFD, one for one, so offsets stay valid.
    """
    stream = ((_with_source(nlp, d), d) for d in documents)
    for doc, source in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        fields = doc._.idefx or {}
        yield DocumentRecord(
            id=source.id, path=source.path, sha256=source.sha256,
            published=fields.get("published"), title=source.title,
            **{k: v for k, v in fields.items() if k != "published"},
        )

"""Run the pipeline over source documents and yield document records."""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from idefx import longdocs
from idefx.document import SourceDocument
from idefx.entities import TEXT_KEY
from idefx.records import DocumentRecord
from idefx.safety import unicode_safe
from idefx.wrapping import unwrapped


def _with_source(nlp: Language, source: SourceDocument, text: str) -> Doc:
    """A tokenised Doc of ``text`` (the source's text or a part of it) that carries the metadata found outside
    the text (front matter, HTML metadata): the publication date they give is one input of the decision the
    dates component makes (:mod:`idefx.publication`)."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text  # the text doc.text would rebuild from the tokens
    doc._.idefx_published = source.published
    doc._.idefx_source = source.metadata
    return doc


def _docs(nlp: Language, documents: Iterable[SourceDocument]) -> Iterator[tuple[Doc, tuple]]:
    """Each document as one Doc, or as several parts when it is longer than ``nlp.max_length``; the context says
    which source a Doc belongs to, where it starts in the source's text, and whether it is the last part."""
    for source in documents:
        text = unwrapped(unicode_safe(source.text))
        if len(text) <= nlp.max_length:
            pieces = [(0, text)]
        else:
            pieces = list(longdocs.parts(text, min(longdocs.PART_CHARS, nlp.max_length)))
        for i, (offset, piece) in enumerate(pieces):
            yield _with_source(nlp, source, piece), (source, offset, i == len(pieces) - 1)


def extract_records(nlp: Language, documents: Iterable[SourceDocument], batch_size: int = 32) -> Iterator[DocumentRecord]:
    """Stream records, one per document, in input order.

    Lone surrogates (never produced by idefx.io, but possible in a Python string) reach the
    pipeline as U+FFFD, one for one, so offsets stay valid. A document longer than ``nlp.max_length``
    goes through in parts (:mod:`idefx.longdocs`), with offsets in the whole document's coordinates.
    """
    done: list[dict] = []
    for doc, (source, offset, last) in nlp.pipe(_docs(nlp, documents), as_tuples=True, batch_size=batch_size):
        done.append(longdocs.shifted(doc._.idefx or {}, offset) if offset else (doc._.idefx or {}))
        if not last:
            continue
        fields = done[0] if len(done) == 1 else longdocs.joined(done)
        done = []
        yield DocumentRecord(
            id=source.id, path=source.path, sha256=source.sha256,
            published=fields.get("published"), title=source.title,
            **{k: v for k, v in fields.items() if k != "published"},
        )

"""The input side of extraction: one source document's text and metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class SourceDocument:
    """A decoded document ready for the pipeline.

    ``text`` is what offsets in the record refer to. Metadata found outside
    the running text (front matter, HTML meta tags) is carried separately.
    """

    id: str
    text: str
    path: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    metadata: dict = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

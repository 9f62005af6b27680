"""A person's organisation in its fullest form: an acronym ("SCO", "IMF") the text also spells out ("the
Shanghai Cooperation Organization (SCO)", "the International Monetary Fund") stands for the spelled-out name."""

from __future__ import annotations

from typing import Optional

from idefx.person.tokens import DocTokens


def fullest_org(tokens: DocTokens, org: Optional[str]) -> Optional[str]:
    """The Doc's organisation name that ``org``, an acronym, abbreviates (the name it follows in brackets, or
    whose capitalised words' initials spell it); ``org`` itself otherwise."""
    if not org or not (org.isupper() and org.isalpha() and 2 <= len(org) <= 8):
        return org
    for span in tokens.org_spans:
        if span.end - span.start < 2:
            continue
        initials = "".join(tokens.text[k][0] for k in range(span.start, span.end) if tokens.text[k][:1].isupper())
        bracketed = tokens.text[span.end:span.end + 3] == ["(", org, ")"]
        if span.kb_id_ == org or initials == org or bracketed:
            return " ".join(span.text.split())
    return org

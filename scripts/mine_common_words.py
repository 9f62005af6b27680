"""Mine ``data/common_words.jsonl``: words that press English writes in lower case.

A capitalised token whose lower-case form is a common word ("Supply", "Technical")
is rarely part of a personal name; the people finder uses this to find where a
name starts after a title or organisation. Run over an unlabelled corpus of
plain-text or Markdown files::

    python scripts/mine_common_words.py /tmp/corpus > data/common_words.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)*")
MIN_COUNT = 5


def main(root: str) -> None:
    lower, total = Counter(), Counter()
    for path in Path(root).rglob("*"):
        if not path.is_file():
            continue
        for word in WORD.findall(path.read_text(encoding="utf-8", errors="replace")):
            key = word.lower()
            total[key] += 1
            if word[0].islower():
                lower[key] += 1
    for word, n in sorted(lower.items(), key=lambda kv: (-kv[1], kv[0])):
        # lower case at least a quarter of the time: a word, not a name (names are never lower case)
        if n >= MIN_COUNT and len(word) > 1 and n * 4 >= total[word]:
            print(json.dumps({"word": word}))


if __name__ == "__main__":
    main(sys.argv[1])

"""Documents longer than the pipeline takes at once: cut into parts and joined back in document coordinates."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from idefx import longdocs
from idefx.cli import app
from idefx.document import SourceDocument
from idefx.extract import extract_records

PARAGRAPHS = [
    "Defence Minister Hulusi Akar met his Italian counterpart Guido Crosetto in Ankara on 4 March 2024.",
    "The ministers discussed air defence cooperation. Akar said the talks were productive.",
    "Foreign Minister Ana Lima of Portugal received Kenyan Foreign Minister Amina Yusuf in Lisbon on 9 March 2024.",
    "Lima and Yusuf signed a memorandum on trade. Crosetto later called Akar by phone.",
]


def test_parts_cover_the_text_and_cut_at_paragraph_breaks():
    text = "\n\n".join(PARAGRAPHS * 20)
    pieces = list(longdocs.parts(text, limit=1000))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 1000 for _, p in pieces) and len(pieces) > 5
    assert [offset for offset, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])


@pytest.mark.parametrize("text, ending", [("word " * 900, " "), ("One sentence. " * 200 + "x" * 300, ". "),
                                          ("line\n" * 600, "\n"), ("x" * 2500, "x")])
def test_without_paragraphs_parts_end_at_lines_sentences_spaces_or_anywhere(text, ending):
    pieces = list(longdocs.parts(text, limit=1000))
    assert "".join(p for _, p in pieces) == text and all(len(p) <= 1000 for _, p in pieces)
    assert all(p.endswith(ending) for _, p in pieces[:-1])


def test_a_long_document_gives_the_records_of_its_parts_in_document_coordinates(pipeline):
    nlp = pipeline
    text = "\n\n".join(PARAGRAPHS * 6) + "\n"
    whole = next(extract_records(nlp, [SourceDocument(id="whole", text=text)]))
    limit = nlp.max_length
    nlp.max_length = 1200
    try:
        cut = next(extract_records(nlp, [SourceDocument(id="cut", text=text)]))
    finally:
        nlp.max_length = limit
    spans = [m for p in cut.people for m in p.mentions] + [e for m in cut.meetings for e in m.evidence]
    spans += [m for c in cut.countries for m in c.mentions]
    assert spans and all(text[s.start:s.end] == s.text for s in spans)
    assert all(text[d.start:d.end] == d.text for d in cut.dates)
    assert max(s.start for s in spans) > 1200  # later parts are in document coordinates
    names = [p.name for p in cut.people]
    assert len(names) == len(set(names))
    assert {p.name for p in cut.people} == {p.name for p in whole.people}
    assert {c.code for c in cut.countries} == {c.code for c in whole.countries}
    assert len(cut.meetings) >= len(whole.meetings) > 0


FILLER = ("The committee reviewed the budget figures and the schedule for the coming quarter, and the working "
          "groups reported on their progress. ") * 12


def test_a_document_over_a_million_characters_is_extracted(tmp_path):
    path = tmp_path / "long.txt"
    block = "\n\n".join(PARAGRAPHS + [FILLER] * 8) + "\n\n"
    path.write_text(block * (1_100_000 // len(block) + 1), encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "jsonl", "--no-progress", "--no-save"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    text = path.read_text(encoding="utf-8")
    last = max((m for p in record["people"] for m in p["mentions"]), key=lambda m: m["start"])
    assert last["start"] > 1_000_000 and text[last["start"]:last["end"]] == last["text"]


@pytest.mark.slow
def test_a_25_mb_document_end_to_end_in_bounded_memory(tmp_path):
    path = tmp_path / "archive.txt"
    block = "\n\n".join(PARAGRAPHS + [FILLER] * 8) + "\n\n"
    path.write_text(block * (25_000_000 // len(block) + 1), encoding="utf-8")
    out = tmp_path / "record.jsonl"
    probe = ("import resource, sys; from idefx.cli import app; sys.argv = ['idefx'] + sys.argv[1:]\n"
             "try:\n    app()\nfinally:\n"
             "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, "extract", str(path), "--max-bytes", "30MB", "--no-save",
                           "--no-progress", "--format", "jsonl", "--output", str(out)],
                          capture_output=True, text=True, env=os.environ | {"COLUMNS": "200"}, timeout=900)
    assert done.returncode == 0, done.stderr
    peak_mb = int(done.stderr.strip().splitlines()[-1]) // 1024
    assert peak_mb < 2000, f"peak memory {peak_mb} MB"
    record = json.loads(Path(out).read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    spans = [m for p in record["people"] for m in p["mentions"]]
    assert max(s["start"] for s in spans) > 24_000_000
    assert all(text[s["start"]:s["end"]] == s["text"] for s in spans)

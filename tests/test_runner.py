"""Running extraction over many inputs: enumeration, streaming, input order, --jobs, bad inputs, start-up imports."""

import json
import select
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from idefx.cli import app
from idefx.errors import EXIT_SOME_FAILED, EXIT_USAGE
from idefx.pipeline import load_pipeline
from idefx.runner import Outcome, iter_paths, process_batch, run

SENTENCES = [
    "The delegation of Azerbaijan visited the exhibition on Monday.",
    "Officials said talks with Azerbaijan would continue next year.",
    "No country is named in this sentence at all.",
    "Azerbaijan, Azerbaijan and again Azerbaijan: three mentions.",
]


@pytest.fixture
def corpus(tmp_path):
    """A small archive: nested directories, files of several kinds, and one empty file."""
    root = tmp_path / "archive"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    files = {
        "a/one.txt": SENTENCES[0], "a/two.md": SENTENCES[1], "a/skip.json": "{}",
        "b/three.txt": SENTENCES[2], "b/deep/four.txt": SENTENCES[3], "b/deep/five.html.txt": SENTENCES[0] * 3,
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "b" / "bad.txt").write_bytes(b"")
    return root


def test_directories_are_walked_in_sorted_order_with_globs(corpus):
    got = [Path(p).relative_to(corpus).as_posix() for p in iter_paths([str(corpus)])]
    assert got == ["a/one.txt", "a/two.md", "b/bad.txt", "b/three.txt", "b/deep/five.html.txt", "b/deep/four.txt"]
    only_md = [Path(p).name for p in iter_paths([str(corpus)], globs=["*.md"])]
    assert only_md == ["two.md"]


def test_path_lists_are_read_lazily(corpus):
    consumed = []

    def lines():
        for name in ["a/one.txt", "", "b/three.txt"]:
            consumed.append(name)
            yield (str(corpus / name) if name else "  ") + "\n"

    paths = iter_paths(["explicit.txt"], path_list=lines())
    assert next(paths) == "explicit.txt"
    assert consumed == []
    assert next(paths).endswith("one.txt")
    assert consumed == ["a/one.txt"]
    assert list(paths) == [str(corpus / "b/three.txt")]


def test_jobs_2_gives_the_same_records_in_input_order(corpus):
    paths = list(iter_paths([str(corpus)])) * 3
    single = list(run(paths, jobs=1, batch_size=2))
    double = list(run(paths, jobs=2, batch_size=1))
    assert [o.source for o in double] == paths
    assert [(o.record_json, o.error, o.words) for o in double] == [(o.record_json, o.error, o.words) for o in single]
    assert sum(o.error is not None for o in single) == 3  # bad.txt, each time round
    assert json.loads(single[0].record_json)["countries"][0]["code"] == "AZ"


@Language.component("test_breaks_on_boom")
def _breaks_on_boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("exploded")
    return doc


def test_a_document_that_breaks_the_pipeline_is_isolated(tmp_path):
    nlp = load_pipeline()
    nlp.add_pipe("test_breaks_on_boom", first=True)
    paths = []
    for i, text in enumerate([SENTENCES[0], "BOOM goes the text", SENTENCES[1]]):
        paths.append(str(tmp_path / f"{i}.txt"))
        Path(paths[-1]).write_text(text, encoding="utf-8")
    outcomes = process_batch(nlp, paths + [Outcome(source="given", error="failed earlier")])
    assert [o.error is None for o in outcomes] == [True, False, True, False]
    assert "ValueError: exploded" in outcomes[1].error
    assert json.loads(outcomes[2].record_json)["id"] == "2"


def test_bad_inputs_are_one_line_each_and_the_rest_still_comes_out(corpus, tmp_path):
    result = CliRunner().invoke(app, ["extract", str(corpus), str(tmp_path / "missing.txt"), "--format", "jsonl",
                                      "--no-progress", "--no-save"])
    assert result.exit_code == EXIT_SOME_FAILED
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and "Traceback" not in result.stderr
    assert "bad.txt" in errors[0] and "missing.txt" in errors[1]
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["one", "two", "three", "five.html",
                                                                               "four"]


def test_replaced_bytes_are_a_warning_on_stderr_and_the_record_still_comes_out(tmp_path):
    text = "Der türkische Minister traf seinen Amtskollegen in München. " * 4
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(text.encode() + b"\x81\x82\x83 end\n")
    clean = tmp_path / "clean.txt"
    clean.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(damaged), str(clean), "--format", "jsonl", "--no-progress",
                                      "--no-save"])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().splitlines() == [
        f"idefx: {damaged}: warning: 3 invalid UTF-8 bytes replaced with U+FFFD"]
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["damaged", "clean"]


def test_records_stream_out_before_the_input_list_ends(corpus, warm_pipeline_cache):
    proc = subprocess.Popen([sys.executable, "-m", "idefx", "extract", "--from-list", "-", "--batch-size", "1",
                             "--format", "jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        proc.stdin.write(str(corpus / "a" / "one.txt") + "\n")
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], 120)
        assert ready, "no record came out while the input list was still open"
        assert json.loads(proc.stdout.readline())["id"] == "one"
        proc.stdin.write(str(corpus / "b" / "three.txt") + "\n")
        proc.stdin.close()
        rest = proc.stdout.read()
        assert [json.loads(line)["id"] for line in rest.splitlines()] == ["three"]
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()


def test_conflicting_or_missing_inputs_are_refused():
    for args in (["extract"], ["extract", "-", "--from-list", "-"]):
        result = CliRunner().invoke(app, args, input="")
        assert result.exit_code == EXIT_USAGE
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def imported_after(code: str) -> set:
    script = code + "\nimport sys, json\nprint(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_help_does_not_import_spacy_or_optional_libraries():
    modules = imported_after("from idefx.cli import app\ntry:\n    app(['--help'])\nexcept SystemExit:\n    pass")
    assert not modules & {"spacy", "thinc", "dateparser", "trafilatura", "pycountry", "charset_normalizer"}


def test_extracting_plain_text_does_not_import_optional_heavy_libraries(corpus, tmp_path, warm_pipeline_cache):
    code = (f"from idefx.cli import app\ntry:\n    app(['extract', '--no-save', {str(corpus / 'a' / 'one.txt')!r}, "
            f"'-o', {str(tmp_path / 'out.jsonl')!r}])\nexcept SystemExit:\n    pass")
    modules = imported_after(code)
    assert "spacy" in modules
    assert not modules & {"trafilatura", "dateparser", "pycountry"}


class ZoneCountingPipeline:
    """Stands in for a pipeline: counts the memory zones opened and closed."""

    def __init__(self):
        self.opened = self.closed = 0

    def memory_zone(self):
        from contextlib import contextmanager

        @contextmanager
        def zone():
            self.opened += 1
            try:
                yield
            finally:
                self.closed += 1
        return zone()


def test_memory_zones_start_after_the_seed_and_span_many_batches():
    from idefx.runner import MemoryZones

    nlp = ZoneCountingPipeline()
    zones = MemoryZones(nlp, seed_words=100, zone_words=250)
    for _ in range(2):  # the seed: read outside any zone
        zones.enter(50)
        zones.leave(50)
    assert (nlp.opened, nlp.closed) == (0, 0)
    for _ in range(5):  # 250 words: one zone for all five batches, closed after the fifth
        zones.enter(50)
        assert nlp.opened - nlp.closed == 1
        zones.leave(50)
    assert (nlp.opened, nlp.closed) == (1, 1)
    zones.enter(50)
    zones.close()
    assert (nlp.opened, nlp.closed) == (2, 2)


def test_the_seed_caches_its_chunks_and_the_docs_stay_the_same():
    """Chunks cached on their own during the seed split as they do inside a text, special cases included."""
    import spacy

    from idefx.runner import MemoryZones

    texts = ["Mr. Okafor met Dr. Lindqvist — they’re old friends — in Accra.\nThe talks (on trade) ended at 5pm.",
             "President Ruto's visit: U.S.-Kenya ties, Jr., won't, can't, 20km, $5, e-mail@example.com.",
             "Mr. Okafor and President Ruto met again in Accra... they're old friends."]
    nlp, fresh = spacy.blank("en"), spacy.blank("en")
    zones = MemoryZones(nlp, seed_words=10, zone_words=1)
    zones.enter(10, texts[:2])
    assert zones.chunks >= set(texts[0].split())
    seeded = [nlp(text) for text in texts[:2]]
    zones.leave(10)
    zones.enter(10, texts[2:])  # past the seed: inside a zone, nothing more is cached
    assert zones.zone is not None and not zones.chunks
    seeded.append(nlp(texts[2]))
    for doc, text in zip(seeded, texts):  # read before the zone closes (it frees the strings of its Docs)
        assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in fresh(text)]
    zones.close()


def test_the_command_flushes_everything_before_it_ends(corpus, tmp_path, warm_pipeline_cache):
    """`idefx` ends without the interpreter's teardown: every record and the exit code must still arrive."""
    paths = sorted(str(p) for p in corpus.rglob("*.txt") if p.stat().st_size)
    result = subprocess.run([sys.executable, "-m", "idefx", "extract", "--no-save", *paths, str(tmp_path / "none.txt")],
                            capture_output=True, text=True)
    assert result.returncode == EXIT_SOME_FAILED
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == paths
    assert result.stderr.count("\n") == 1 and "none.txt" in result.stderr


def test_a_pipeline_reading_inside_memory_zones_from_its_first_document_gives_the_same_records(pipeline):
    """What a component keeps across documents must not refer to strings a closed zone has dropped."""
    from idefx.runner import MemoryZones

    from idefx.resources import data_path

    fixtures = Path(__file__).parent / "fixtures"
    items = [str(data_path("samples/idef-2023-trend.txt")), *(str(fixtures / name) for name in (
        "abuja-visit.txt", "front-matter.md", "ministry-readout.html"))] * 2
    zoned = load_pipeline()
    zones = MemoryZones(zoned, seed_words=0, zone_words=1)  # a zone from the first batch, closed after each
    inside = [o.record_json for batch in (items[:4], items[4:]) for o in process_batch(zoned, batch, zones=zones)]
    zones.close()
    outside = [o.record_json for o in process_batch(pipeline, items)]
    assert all(inside) and inside == outside

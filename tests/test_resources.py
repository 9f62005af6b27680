"""Reading the data files shipped with idefx."""

import json

from idefx import resources


def test_read_jsonl_reads_every_object_skips_blank_lines_and_splits_only_at_newlines(tmp_path, monkeypatch):
    rows = [{"name": "Côte d’Ivoire"}, {"name": "a\u2028line separator inside a string"}, {"n": [1, 2]}]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows[:2]) + "\n\n  \n"
                    + json.dumps(rows[2]) + "\n", encoding="utf-8")
    monkeypatch.setattr(resources, "data_path", lambda name: tmp_path / name)
    assert resources.read_jsonl("rows.jsonl") == rows


def test_shipped_data_files_are_read_whole():
    countries = resources.read_jsonl("countries.jsonl")
    lines = [line for line in resources.data_path("countries.jsonl").read_text(encoding="utf-8").split("\n")
             if line.strip()]
    assert countries == [json.loads(line) for line in lines] and len(countries) > 200

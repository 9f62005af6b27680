"""Scoring against a gold set (idefx.evaluate) and the ``idefx evaluate`` command."""

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from idefx.cli import app
from idefx.errors import EXIT_NOTHING_PROCESSED, EXIT_USAGE
from idefx.evaluate import evaluate_folder, extract_folder, load_gold, read_predictions, score
from idefx.goldmatch import soft_match

runner = CliRunner()
GOLD = Path(__file__).parent / "fixtures" / "gold"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"


def perfect() -> dict:
    """The gold annotations themselves, as predictions."""
    return copy.deepcopy(load_gold(GOLD))


def ruiz_prediction() -> dict:
    """A prediction for expo-talks with offsets, as idefx prints records."""
    text = (GOLD / "expo-talks.txt").read_text(encoding="utf-8")

    def span(s):
        start = text.index(s)
        return {"start": start, "end": start + len(s), "text": s}

    return {
        "id": "expo-talks", "published": "2024-05-14",
        "people": [
            {"name": "Ana Ruiz", "titles": ["Defence Minister"], "country": "ES", "mentions": [span("Ana Ruiz")]},
            {"name": "Congresium", "titles": [], "country": None, "mentions": [span("Congresium")]},
        ],
        "meetings": [{"participants": ["Ruiz", "Congresium"], "parties": ["ES", "TR"], "date": "2024-05-13",
                      "country": "TR", "evidence": [span("Ruiz and Ozturk discussed")]}],
        "organizations": [{"name": "Aselsan", "mentions": [span("Aselsan")]},
                          {"name": "Turkish defence", "mentions": [span("Turkish defence")]}],
        "countries": [{"code": "TR", "name": "Turkey", "mentions": [span("Turkish")]}],
        "events": [], "venues": [],
    }


def test_perfect_predictions_score_one_everywhere():
    report = evaluate_folder(GOLD, perfect()).report
    assert report["documents"] == report["predicted"] == 2
    for key in ("people", "meetings", "pairs_micro", "dyads", "countries", "organizations", "events", "venues"):
        assert report[key]["f1"] == 1.0, key
    for key in ("titles", "person_country", "meeting_date", "meeting_country", "published"):
        assert report[key]["acc"] == 1.0, key
    assert report["overall"] == 1.0


def test_missing_document_counts_as_all_misses():
    predictions = perfect()
    del predictions["phone-call"]
    report = evaluate_folder(GOLD, predictions).report
    assert report["predicted"] == 1
    assert report["people"] == {"p": 1.0, "r": 0.4, "f1": 0.5714, "tp": 2, "fp": 0, "fn": 3}


def test_mistakes_carry_document_and_evidence():
    predictions = perfect()
    predictions["expo-talks"] = ruiz_prediction()
    evaluation = evaluate_folder(GOLD, predictions)
    report = evaluation.report
    assert report["people"]["tp"] == 1 + 3 and report["people"]["fp"] == 1
    by_key = {(m.document, m.field, m.kind): m for m in evaluation.mistakes}

    false_person = by_key[("expo-talks", "people", "false hit")]
    assert false_person.predicted == "Congresium"
    assert false_person.evidence["text"] == "Congresium"

    missed = by_key[("expo-talks", "people", "miss")]
    text = (GOLD / "expo-talks.txt").read_text(encoding="utf-8")
    ev = missed.evidence
    assert missed.expected == "Kemal Ozturk" and text[ev["start"]:ev["end"]] == "Kemal Ozturk"

    date = by_key[("expo-talks", "meeting_date", "wrong")]
    assert (date.expected, date.predicted) == ("2024-05-14", "2024-05-13")
    assert date.evidence["text"] == "Ruiz and Ozturk discussed"

    assert by_key[("expo-talks", "countries", "miss")].expected == "ES"
    assert by_key[("expo-talks", "organizations", "false hit")].evidence["text"] == "Turkish defence"
    assert by_key[("expo-talks", "pairs", "false hit")].predicted == ["Ana Ruiz", "Congresium"]
    assert not any(m.document == "phone-call" for m in evaluation.mistakes)


def test_alias_and_fuller_name_match_the_gold_person():
    gold = {"d": {"people": [{"name": "Jake Sullivan", "aliases": ["Sullivan"], "titles": [], "country": "US"}]}}
    assert score(gold, {"d": {"people": [{"name": "Sullivan", "country": "US"}]}}).report["people"]["f1"] == 1.0
    fuller = score(gold, {"d": {"people": [{"name": "Jake J. Sullivan Jr.", "country": "us"}]}}).report
    assert fuller["people"]["f1"] == 1.0 and fuller["person_country"]["acc"] == 1.0
    twice = score(gold, {"d": {"people": [{"name": "Jake Sullivan"}, {"name": "Sullivan"}]}}).report
    assert twice["people"]["fp"] == 1


def test_soft_match_is_one_to_one():
    matched, false_hits, missed = soft_match(["Ministry of Defence of Spain", "Aselsan"],
                                             ["Spain Ministry of Defence", "Ministry of Defence"])
    assert matched == [("Ministry of Defence of Spain", "Spain Ministry of Defence")]
    assert false_hits == ["Ministry of Defence"] and missed == ["Aselsan"]


def test_read_predictions_keys_by_id_or_path_stem():
    records = read_predictions(['{"id": "a"}', "", '{"path": "/x/b.txt"}'])
    assert set(records) == {"a", "b"}


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_cli_scores_predictions_file_as_json(tmp_path):
    preds = write_jsonl(tmp_path / "p.jsonl", [ruiz_prediction()])
    result = runner.invoke(app, ["evaluate", str(GOLD), "--predictions", str(preds), "--format", "json", "--errors"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["predicted"] == 1 and out["people"]["fp"] == 1
    start = (GOLD / "expo-talks.txt").read_text(encoding="utf-8").index("Congresium")
    assert {"document": "expo-talks", "field": "people", "kind": "false hit", "expected": None, "predicted": "Congresium",
            "evidence": {"start": start, "end": start + 10, "text": "Congresium"}} in out["errors"]


def test_cli_table_lists_fields_and_errors(tmp_path):
    preds = write_jsonl(tmp_path / "p.jsonl", [ruiz_prediction()])
    result = runner.invoke(app, ["evaluate", str(GOLD), "-p", str(preds), "--errors"])
    assert result.exit_code == 0, result.output
    for label in ("people", "person titles", "meetings", "country dyads", "meeting date", "publication date",
                  "organisations", "overall"):
        assert label in result.stdout
    assert "people miss: Kemal Ozturk" in result.stdout
    assert "'Congresium'" in result.stdout


def test_cli_errors_show_no_terminal_control_sequences(tmp_path):
    record = ruiz_prediction()
    record["people"][1]["name"] = "Evil\x1b]0;owned\x07 Name"
    preds = write_jsonl(tmp_path / "p.jsonl", [record])
    result = runner.invoke(app, ["evaluate", str(GOLD), "-p", str(preds), "--errors"])
    assert result.exit_code == 0, result.output
    assert "owned\x07" not in result.stdout and "people false hit: - -> Evil Name" in result.stdout


def test_cli_runs_extraction_over_the_folder(nlp):
    result = runner.invoke(app, ["evaluate", str(GOLD), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["predicted"] == 2
    assert out == score(load_gold(GOLD), extract_folder(nlp, GOLD)).report


@pytest.mark.parametrize("make_args", [
    lambda tmp: ["evaluate", str(tmp / "absent")],
    lambda tmp: ["evaluate", str(tmp)],
    lambda tmp: ["evaluate", str(GOLD), "-p", str(write_jsonl(tmp / "p.jsonl", []).with_name("none.jsonl"))],
])
def test_cli_bad_input_is_one_line_and_non_zero(tmp_path, make_args):
    result = runner.invoke(app, make_args(tmp_path))
    assert result.exit_code == EXIT_NOTHING_PROCESSED
    assert result.stderr.startswith("idefx: ") and len(result.stderr.strip().splitlines()) == 1


def test_cli_malformed_prediction_is_one_line(tmp_path):
    preds = write_jsonl(tmp_path / "p.jsonl", [{"id": "expo-talks", "people": [{"name": "A"}], "meetings": [7]}])
    result = runner.invoke(app, ["evaluate", str(GOLD), "-p", str(preds)])
    assert result.exit_code == EXIT_NOTHING_PROCESSED and result.stderr.startswith("idefx: expo-talks: malformed")


def test_cli_model_and_predictions_exclude_each_other(tmp_path):
    preds = write_jsonl(tmp_path / "p.jsonl", [])
    result = runner.invoke(app, ["evaluate", str(GOLD), "-p", str(preds), "--model", "en_core_web_sm"])
    assert result.exit_code == EXIT_USAGE and "--predictions" in result.stderr


def test_cli_bad_predictions_line_is_reported(tmp_path):
    bad = tmp_path / "p.jsonl"
    bad.write_text('{"id": "expo-talks"}\n{oops\n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(GOLD), "-p", str(bad)])
    assert result.exit_code == EXIT_NOTHING_PROCESSED and "line 2" in result.stderr


# --- agreement with the reference scorer -------------------------------------------------------

needs_shared = pytest.mark.skipif(not (SHARED / "score.py").is_file(), reason="shared evaluation material absent")


def perturbed(gold: dict, n: int) -> dict:
    """A plausible imperfect prediction made from gold: dropped, renamed, shifted and invented items."""
    pred = copy.deepcopy(gold)
    people = pred.get("people", [])
    for i, person in enumerate(people):
        if i % 3 == n % 3:
            person["name"] = person["name"].split()[-1]
        if i % 4 == 1:
            person["country"] = None
        if i % 2 == 0:
            person["titles"] = [t.split()[0] for t in person.get("titles", [])]
    if people and n % 2:
        people.pop()
    people.append({"name": f"Invented Person{n}", "titles": ["Spokesman"]})
    for i, m in enumerate(pred.get("meetings", [])):
        if i % 2 == n % 2 and m["participants"]:
            m["participants"] = m["participants"][:-1] + [f"Stranger {n}"]
        if m.get("date") and i % 3 == 0:
            m["date"] = "1999-01-01"
        if i % 3 == 1:
            m["country"] = None
        m["parties"] = m.get("parties", [])[: 1 + (n % 3)]
    pred["countries"] = pred.get("countries", [])[1:] + ["FR"]
    pred["organizations"] = [o.split()[0] for o in pred.get("organizations", [])[::2]] + ["Ministry of Things"]
    pred["events"] = pred.get("events", [])[n % 2:]
    if n % 5 == 0:
        pred["published"] = None
    return pred


def reference_report(gold_dir: Path, predictions_file: Path) -> dict:
    result = subprocess.run([sys.executable, str(SHARED / "score.py"), str(gold_dir), str(predictions_file), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@needs_shared
def test_figures_agree_with_reference_scorer_on_imperfect_predictions(tmp_path):
    gold = load_gold(SHARED / "dev")
    predictions = [dict(perturbed(g, n), id=doc_id) for n, (doc_id, g) in enumerate(gold.items()) if n % 7 != 3]
    path = write_jsonl(tmp_path / "p.jsonl", predictions)
    result = runner.invoke(app, ["evaluate", str(SHARED / "dev"), "-p", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    ours = json.loads(result.stdout)
    assert 0.2 < ours["overall"] < 0.95  # the perturbation leaves something to disagree about
    assert ours == reference_report(SHARED / "dev", path)


@needs_shared
def test_figures_agree_with_reference_scorer_on_extracted_records(nlp, tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for gold_file in sorted((SHARED / "dev").glob("*.gold.json"))[:8]:
        shutil.copy(gold_file, gold_dir)
        shutil.copy(gold_file.with_name(gold_file.name.replace(".gold.json", ".txt")), gold_dir)
    path = write_jsonl(tmp_path / "p.jsonl", extract_folder(nlp, gold_dir).values())
    evaluated = runner.invoke(app, ["evaluate", str(gold_dir), "-p", str(path), "--format", "json"])
    assert evaluated.exit_code == 0, evaluated.output
    assert json.loads(evaluated.stdout) == reference_report(gold_dir, path)

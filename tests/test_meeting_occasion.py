"""Whether a text reports an occasion: listing documents, trigger words in constructions that describe,
receive or announce, names of places, regions and firms, and one-person repeats (constructed sentences)."""

import pytest

from test_meetings import meetings, run


def pairs(found):
    return [m["participants"] for m in found]


# -- documents that list people report no meeting ------------------------------------------------------

@pytest.mark.parametrize("title", [
    "Governor Ada Lunde Announces Five Key Nominations",
    "Mayor Names Third Round of Judicial Nominees",
    "President Appoints Members to the Harbour Advisory Board",
    "WHAT THEY ARE SAYING: Farmers Applaud the New Water Plan",
    "What They Are Reading in the Regions: Coverage of the Harbour Plan",
    "City Hall Releases the Harvest Dinner Guest List",
])
def test_a_listing_document_reports_no_meeting(title):
    text = ("Early in her career, Nora Vik met with Senator Paul Grieg on rural credit and served as his adviser. "
            "She later held talks with Minister Tove Aas on trade.")
    people = [("Nora Vik", [], "NO"), ("Paul Grieg", [], "NO"), ("Tove Aas", [], "NO")]
    assert meetings(run(text, people, source={"front_matter": {"title": title}})) == []


def test_a_title_naming_a_meeting_is_no_listing_even_with_a_similar_word():
    source = {"front_matter": {"title": "Readout of Meeting with Denominational Leaders"}}
    text = "Minister Tove Aas met with Bishop Kari Holm on Monday."
    (meeting,) = meetings(run(text, [("Tove Aas", [], "NO"), ("Kari Holm", [], "NO")], source=source))
    assert meeting["participants"] == {"Tove Aas", "Kari Holm"}


# -- trigger words that report no occasion --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Governor Ida Berg warned Minister Leo Hahn that any closure would be met with a firm response.",
    "Minister Leo Hahn said the plan was met with protests, Governor Ida Berg noted.",
    "Governor Ida Berg has been clear: new tariffs will be quickly met with countermeasures, Leo Hahn said.",
])
def test_the_passive_met_with_is_a_reaction_not_a_meeting(text):
    assert meetings(run(text, [("Ida Berg", [], "DE"), ("Leo Hahn", [], "AT")])) == []


def test_an_active_met_with_stays_a_meeting():
    text = "Governor Ida Berg met with Minister Leo Hahn in Graz."
    (meeting,) = meetings(run(text, [("Ida Berg", [], "DE"), ("Leo Hahn", [], "AT")]))
    assert meeting["participants"] == {"Ida Berg", "Leo Hahn"}


@pytest.mark.parametrize("text", [
    "Judge Mia Roth received her B.A. from Lakeside College, where Professor Jon Falk taught her.",
    "Ambassador Mia Roth has received numerous awards, including one named for Jon Falk.",
    "Mayor Mia Roth welcomed the announcement by Senator Jon Falk on port funding.",
    "Mia Roth received the Order of Merit from Governor Jon Falk in recognition of her service.",
])
def test_receiving_or_welcoming_a_thing_is_no_meeting(text):
    assert meetings(run(text, [("Mia Roth", [], "US"), ("Jon Falk", [], "US")])) == []


@pytest.mark.parametrize("text", [
    "Mayor Mia Roth welcomed the appointment of Jon Falk as police chief.",
    "Senator Mia Roth welcomed the resumption of talks between Jon Falk and the union.",
    "In her opening remarks at the forum, Mayor Mia Roth welcomed Jon Falk and the other guests.",
    "Mia Roth, in a speech to the assembly, welcomed Governor Jon Falk and the delegates.",
])
def test_welcoming_an_appointment_or_an_audience_in_a_speech_is_no_meeting(text):
    assert meetings(run(text, [("Mia Roth", [], "US"), ("Jon Falk", [], "US")])) == []


@pytest.mark.parametrize("text", [
    "Mia Roth opened the clinic in Oslo. The Government of Norway is supporting the regions to improve care, "
    "ensuring that Swedish patients receive correct diagnoses.",
    "Mia Roth launched the fund. The Government of Denmark says Dutch colleges typically receive annually "
    "through existing funds.",
    "Mia Roth toured the site. The Government of Chile confirmed that local farms receive fresh water weekly.",
])
def test_receiving_what_names_no_one_is_no_meeting(text):
    assert meetings(run(text, [("Mia Roth", [], "US")])) == []


@pytest.mark.parametrize("text", [
    "Mayor Mia Roth received the visiting Danish delegation at City Hall.",
    "Mayor Mia Roth received a high-level Danish delegation led by Jon Falk.",
    "Mayor Mia Roth received senior Danish officials, among them Jon Falk.",
])
def test_receiving_guests_named_by_their_role_stays_a_meeting(text):
    assert meetings(run(text, [("Mia Roth", [], "US"), ("Jon Falk", [], "DK")]))


def test_receiving_a_person_stays_a_meeting():
    text = "Mayor Mia Roth received Governor Jon Falk at City Hall."
    (meeting,) = meetings(run(text, [("Mia Roth", [], "US"), ("Jon Falk", [], "US")]))
    assert meeting["participants"] == {"Mia Roth", "Jon Falk"}


@pytest.mark.parametrize("text", [
    "The task force is co-chaired by Secretary Ana Ruiz and Director Tom Vale.",
    "The order re-established the water advisory council, co-chaired by Secretary Ana Ruiz and Director Tom Vale.",
    "The two co-chairs of the commission are Secretary Ana Ruiz and Director Tom Vale.",
    "The new council will be chaired by Secretary Ana Ruiz and Director Tom Vale.",
])
def test_who_leads_a_standing_body_is_no_occasion(text):
    assert meetings(run(text, [("Ana Ruiz", [], "US"), ("Tom Vale", [], "US")])) == []


@pytest.mark.parametrize("text", [
    "The talks, co-chaired by Secretary Ana Ruiz and Director Tom Vale, focused on water.",
    "Officials met in Lima; the session, co-hosted by Secretary Ana Ruiz and Director Tom Vale, ran late.",
    "Secretary Ana Ruiz chaired the session with Director Tom Vale on Tuesday.",
])
def test_an_occasion_chaired_or_hosted_stays_a_meeting(text):
    (meeting,) = meetings(run(text, [("Ana Ruiz", [], "US"), ("Tom Vale", [], "US")]))
    assert meeting["participants"] == {"Ana Ruiz", "Tom Vale"}


@pytest.mark.parametrize("text", [
    "On June 3, Premier Ana Ruiz will host President Jan Ek of Sweden for a bilateral meeting in Quito.",
    "Next week Premier Ana Ruiz will take part in the regional leaders' meeting with President Jan Ek.",
    "Premier Ana Ruiz looks forward to warmly welcoming President Jan Ek to Quito in May.",
])
def test_a_meeting_that_a_future_predicate_governs_is_ahead(text):
    assert meetings(run(text, [("Ana Ruiz", [], "EC"), ("Jan Ek", [], "SE")])) == []


def test_a_past_meeting_after_a_future_clause_stays_a_meeting():
    text = "Premier Ana Ruiz will visit Oslo in May, after she met with President Jan Ek of Sweden in Quito."
    (meeting,) = meetings(run(text, [("Ana Ruiz", [], "EC"), ("Jan Ek", [], "SE")]))
    assert meeting["participants"] == {"Ana Ruiz", "Jan Ek"}


@pytest.mark.parametrize("text", [
    "Secretary Ana Ruiz will be meeting with Minister Jan Ek in Oslo tomorrow.",
    "Minister Jan Ek said Secretary Ana Ruiz would also be meeting with him next week.",
    "Secretary Ana Ruiz is expected to be meeting with Minister Jan Ek on Friday.",
])
def test_will_be_meeting_is_ahead(text):
    assert meetings(run(text, [("Ana Ruiz", [], "US"), ("Jan Ek", [], "SE")])) == []


# -- places, regions and firms are nobody who meets -----------------------------------------------------

@pytest.mark.parametrize("name, text", [
    ("Northern District", "Judge Eva Lind of the Northern District met with Senator Carl Moe."),
    ("West Coast", "Governor Eva Lind of the West Coast met with Senator Carl Moe."),
    ("Bayridge", "Eva Lind, of Bayridge Partners, met with Senator Carl Moe."),
    ("Emeritus", "Professor Emeritus Eva Lind met with Senator Carl Moe."),
    ("Commandant", "Eva Lind and the Commandant met with Senator Carl Moe."),
    ("Homeland", "Deputy Homeland Security Adviser Eva Lind met with Senator Carl Moe."),
    ("Ruiz", "Eva Lind of the Ruiz Administration met with Senator Carl Moe."),
    ("Ruiz-Ek", "Eva Lind and officials of the Ruiz-Ek Administration met with Senator Carl Moe."),
    ("Lady", "Eva Lind and the First Lady met with Senator Carl Moe."),
])
def test_a_place_region_or_firm_name_is_no_participant(name, text):
    people = [("Eva Lind", [], "US"), ("Carl Moe", [], "US"), (name, [], "US")]
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Eva Lind", "Carl Moe"}


# -- one occasion stays one meeting ---------------------------------------------------------------------

@pytest.mark.parametrize("follow", [
    "They exchanged views on the situation in Sudan.",
    "He also welcomed the ceasefire between the parties in Sudan.",
    "They discussed energy, and they welcomed the support of allies for Sudan.",
])
def test_a_follow_on_sentence_about_one_call_makes_no_second_meeting(follow):
    text = f"Adviser Rosa Kent spoke today with Foreign Minister Ali Nur of Chad. {follow}"
    found = meetings(run(text, [("Rosa Kent", [], "US"), ("Ali Nur", [], "TD")]))
    assert pairs(found) == [{"Rosa Kent", "Ali Nur"}]


def test_a_second_call_in_a_later_sentence_stays_a_meeting():
    text = ("Adviser Rosa Kent spoke today with Foreign Minister Ali Nur of Chad. "
            "Kent also spoke today with President Ali Musa of Niger on the border.")
    people = [("Rosa Kent", ["Kent"], "US"), ("Ali Nur", [], "TD"), ("Ali Musa", [], "NE")]
    assert pairs(meetings(run(text, people))) == [{"Rosa Kent", "Ali Nur"}, {"Rosa Kent", "Ali Musa"}]


@pytest.mark.parametrize("text", [
    "President Ana Ruiz hosted a discussion with Prime Minister Jan Ek of Sweden and President Ida Berg of Austria.",
    "Premier Ana Ruiz convened a virtual leaders' roundtable with Prime Minister Jan Ek of Sweden and "
    "President Ida Berg of Austria.",
    "Minister Ana Ruiz chaired a session with Prime Minister Jan Ek of Sweden and President Ida Berg of Austria.",
])
def test_a_hosted_gathering_with_leaders_of_several_countries_is_one_meeting(text):
    people = [("Ana Ruiz", [], "EC"), ("Jan Ek", [], "SE"), ("Ida Berg", [], "AT")]
    assert pairs(meetings(run(text, people))) == [{"Ana Ruiz", "Jan Ek", "Ida Berg"}]


def test_meeting_leaders_of_several_countries_in_one_list_stays_one_meeting_each():
    text = "President Ana Ruiz met Swedish Prime Minister Jan Ek and Austrian President Ida Berg in Quito."
    people = [("Ana Ruiz", [], "EC"), ("Jan Ek", [], "SE"), ("Ida Berg", [], "AT")]
    assert pairs(meetings(run(text, people))) == [{"Ana Ruiz", "Jan Ek"}, {"Ana Ruiz", "Ida Berg"}]


@pytest.mark.parametrize("body", [
    "On Tuesday, Governor Ana Ruiz will welcome Premier Jan Ek of Sweden to the capital.",
    "Governor Ana Ruiz will meet virtually with Premier Jan Ek of Sweden on Friday.",
    "Governor Ana Ruiz will also host Premier Jan Ek of Sweden at the residence next week.",
])
def test_a_title_naming_a_meeting_the_body_announces_gives_no_meeting(body):
    source = {"front_matter": {"title": "Statement on Governor Ruiz’s Meeting with Premier Ek of Sweden"}}
    assert meetings(run(body, [("Ana Ruiz", ["Ruiz"], "EC"), ("Jan Ek", ["Ek"], "SE")], source=source)) == []


def test_a_title_naming_a_meeting_the_body_reports_as_held_stays_a_meeting():
    source = {"front_matter": {"title": "Readout of Governor Ruiz’s Meeting with Premier Ek of Sweden"}}
    body = "Governor Ana Ruiz and Premier Jan Ek of Sweden reaffirmed that they will keep working on trade."
    (meeting,) = meetings(run(body, [("Ana Ruiz", ["Ruiz"], "EC"), ("Jan Ek", ["Ek"], "SE")], source=source))
    assert meeting["participants"] == {"Ana Ruiz", "Jan Ek"}


@pytest.mark.parametrize("text", [
    "Today Premier Ana Ruiz took part in the Pacific Leaders' Retreat, hosted by President Jan Ek of Palau.",
    "The visit will build on the leaders' phone call in March between Premier Ana Ruiz and President Jan Ek.",
    "Officials will follow up on the talks between Premier Ana Ruiz and President Jan Ek held last week.",
])
def test_an_occasion_hosted_or_referred_back_to_stays_a_meeting(text):
    (meeting,) = meetings(run(text, [("Ana Ruiz", [], "FJ"), ("Jan Ek", [], "PW")]))
    assert meeting["participants"] == {"Ana Ruiz", "Jan Ek"}


@pytest.mark.parametrize("text", [
    "On May 4, Premier Ana Ruiz will attend the summit in Suva with Premier Tom Vale of Tonga and President "
    "Ida Berg of Samoa, hosted by President Jan Ek of Palau.",
    "Premier Ana Ruiz will join the forum with Premier Tom Vale and President Ida Berg, hosted by President Jan Ek.",
    "Next week Premier Ana Ruiz will take part in talks with Premier Tom Vale and President Ida Berg, "
    "co-hosted by President Jan Ek.",
])
def test_a_participle_after_a_future_clause_is_ahead(text):
    people = [("Ana Ruiz", [], "FJ"), ("Tom Vale", [], "TO"), ("Ida Berg", [], "WS"), ("Jan Ek", [], "PW")]
    assert meetings(run(text, people)) == []


def test_a_title_meeting_the_body_looks_forward_to_is_ahead():
    source = {"front_matter": {"title": "Statement on the Meeting between Governor Ruiz and Premier Ek"}}
    body = "Governor Ana Ruiz looks forward to welcoming Premier Jan Ek of Sweden to the capital on May 16."
    assert meetings(run(body, [("Ana Ruiz", ["Ruiz"], "EC"), ("Jan Ek", ["Ek"], "SE")], source=source)) == []


@pytest.mark.parametrize("text", [
    "Premier Ana Ruiz looks forward to meeting with President Jan Ek, as part of a series of meetings with "
    "regional leaders this spring.",
    "Secretary Ana Ruiz will meet Minister Jan Ek in Oslo, the first of several meetings with Nordic officials.",
    "Premier Ana Ruiz hopes to hold talks with President Jan Ek soon, following her meetings with business "
    "leaders.",
])
def test_the_object_of_a_meeting_ahead_is_no_subject_of_the_next_trigger(text):
    assert meetings(run(text, [("Ana Ruiz", [], "EC"), ("Jan Ek", [], "EC")])) == []


def test_a_held_meeting_after_one_ahead_keeps_its_own_subject():
    text = ("Ahead of the summit meeting, Premier Ana Ruiz met with President Jan Ek of Sweden in Quito.")
    (meeting,) = meetings(run(text, [("Ana Ruiz", [], "EC"), ("Jan Ek", [], "SE")]))
    assert meeting["participants"] == {"Ana Ruiz", "Jan Ek"}


@pytest.mark.parametrize("text", [
    "Ana Ruiz opened the fair. The roundtable, hosted by Minister Jan Ek, featured young farmers.",
    "Ana Ruiz spoke first. The Convening, hosted by Mayor Jan Ek of Bergen, brought together students.",
    "Ana Ruiz announced the grants. This followed the May 3 roundtable hosted by the Bergen Chamber with "
    "Mayor Jan Ek.",
])
def test_a_gathering_as_subject_is_no_one_named_before(text):
    assert meetings(run(text, [("Ana Ruiz", [], "SE"), ("Jan Ek", [], "NO")])) == []


def test_a_gathering_after_a_meeting_is_that_meeting():
    text = "Ana Ruiz met with Mayor Jan Ek in Bergen. The Roundtable, hosted at City Hall, lasted an hour."
    (meeting,) = meetings(run(text, [("Ana Ruiz", [], "SE"), ("Jan Ek", [], "NO")]))
    assert meeting["participants"] == {"Ana Ruiz", "Jan Ek"}


@pytest.mark.parametrize("text", [
    "*Minister Ana Ruiz to travel to Oslo to* *Meet with Mayor Jan Ek and Discuss the Harbour*",
    "Minister Ana Ruiz will **meet** Mayor Jan Ek of Oslo next week.",
    "Minister Ana Ruiz is due to _meet with_ Mayor Jan Ek in Oslo.",
])
def test_emphasis_markup_hides_no_future(text):
    assert meetings(run(text, [("Ana Ruiz", [], "SE"), ("Jan Ek", [], "NO")])) == []


@pytest.mark.parametrize("text", [
    "Senator Ana Ruiz called on Minister Jan Ek to release the detained sailors.",
    "Ana Ruiz has repeatedly called on President Jan Ek to end the blockade of the port.",
    "Ana Ruiz calls upon Prime Minister Jan Ek and his government to respect the ruling.",
])
def test_calling_on_someone_to_act_is_an_appeal_not_a_meeting(text):
    assert meetings(run(text, [("Ana Ruiz", [], "SE"), ("Jan Ek", [], "NO")])) == []


@pytest.mark.parametrize("text", [
    "Ana Ruiz called on President Jan Ek at the palace to release a joint statement.",
    "Ana Ruiz called on Jan Ek to discuss the coming state visit.",
    "On Monday, Ana Ruiz called on Prime Minister Jan Ek in Oslo.",
])
def test_a_courtesy_call_on_someone_stays_a_meeting(text):
    (meeting,) = meetings(run(text, [("Ana Ruiz", [], "SE"), ("Jan Ek", [], "NO")]))
    assert meeting["participants"] == {"Ana Ruiz", "Jan Ek"}


@pytest.mark.parametrize("follow", [
    "The agency has launched a new development project called Southern Harbour Works.",
    "They also backed an initiative called Clean Ports Now.",
    "The ministry opened a training centre called Nordic Skills Hub.",
])
def test_a_thing_called_by_a_name_is_no_call(follow):
    text = f"Ana Ruiz and Jan Ek met in Oslo on Monday. {follow}"
    (meeting,) = meetings(run(text, [("Ana Ruiz", [], "SE"), ("Jan Ek", [], "NO")]))
    assert meeting["mode"] == "in_person"

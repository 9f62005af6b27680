"""The ``idefx_meetings`` component on Docs whose people are set by hand, as the people finder sets them."""

import re
from pathlib import Path

import spacy

import idefx.components.countries  # noqa: F401  (registers the factories)
import idefx.components.dates  # noqa: F401
import idefx.components.meetings  # noqa: F401
import idefx.components.places  # noqa: F401
from idefx.entities import EVENTS, VENUES
from idefx.entities import PEOPLE_SPANS, PersonEntity

SEED = Path(__file__).resolve().parents[1] / "data" / "samples" / "idef-2023-trend.txt"
NLP = spacy.blank("en")
for _name in ("idefx_countries", "idefx_places", "idefx_dates", "idefx_meetings"):
    NLP.add_pipe(_name)


def run(text, people, nlp=NLP, source=None):
    """Process ``text`` with ``people`` = [(name, aliases, country)] marked wherever one of their forms occurs;
    ``source`` is the metadata the input layer hands over (front matter)."""
    doc = nlp.make_doc(text)
    doc._.idefx_source = source
    entities, spans = [], []
    for idx, (name, aliases, country) in enumerate(people):
        entities.append(PersonEntity(name=name, aliases=list(aliases), country=country))
        for form in sorted({name, *aliases}, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                span = doc.char_span(m.start(), m.end(), label="PERSON", kb_id=str(idx))
                if span is not None and not any(span.start < o.end and o.start < span.end for o in spans):
                    spans.append(span)
    doc._.idefx_people = entities
    doc.spans[PEOPLE_SPANS] = sorted(spans, key=lambda s: s.start)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def meetings(doc):
    people = doc._.idefx_people
    return [{"participants": {people[i].name for i in m.participants},
             "hosts": {people[i].name for i in m.hosts}, "guests": {people[i].name for i in m.guests},
             "parties": set(m.parties), "mode": m.mode, "date": m.date, "city": m.city, "country": m.country,
             "event": m.event, "topic": m.topic, "evidence": m.evidence}
            for m in doc._.idefx_meetings]


SEED_PEOPLE = [("Vugar Mustafayev", ["Mustafayev"], "AZ"), ("Ibrahim Abubakar Kana", [], "NG"),
               ("Selçuk Bayraktar", [], "TR"), ("Haluk Gergin", [], "TR"), ("Agil Gurbanov", [], "AZ")]


def test_seed_article_exactly():
    text = SEED.read_text(encoding="utf-8")
    doc = run(text, SEED_PEOPLE)
    assert doc._.idefx_published == "2023-07-26"
    assert list(dict.fromkeys(s.kb_id_ for s in doc.spans[EVENTS])) == ["IDEF-2023"]
    assert list(dict.fromkeys(s.kb_id_ for s in doc.spans[VENUES])) == ["TÜYAP Exhibition Center"]
    found = meetings(doc)
    assert len(found) == 2
    first, second = found
    assert first["participants"] == {"Vugar Mustafayev", "Ibrahim Abubakar Kana"}
    assert first["parties"] == {"AZ", "NG"}
    assert second["participants"] == {"Vugar Mustafayev", "Agil Gurbanov", "Selçuk Bayraktar", "Haluk Gergin"}
    assert second["hosts"] == {"Vugar Mustafayev", "Agil Gurbanov"}
    assert second["guests"] == {"Selçuk Bayraktar", "Haluk Gergin"}
    assert second["parties"] == {"AZ", "TR"}
    for meeting in found:
        assert (meeting["date"], meeting["city"], meeting["country"], meeting["event"], meeting["mode"]) == \
            ("2023-07-26", "Istanbul", "TR", "IDEF-2023", "in_person")
        start, end = meeting["evidence"][0]
        assert any(text[start:end].find(name.split()[-1]) >= 0 for name in meeting["participants"])


def test_received_makes_hosts_and_guests_and_a_delegation_leader_takes_part():
    text = ("Today, June 26, the President of the Republic of Uzbekistan, Shavkat Mirziyoyev, received a delegation "
            "headed by the Minister of National Defense of Turkey, Yashar Güler.")
    (meeting,) = meetings(run(text, [("Shavkat Mirziyoyev", [], "UZ"), ("Yashar Güler", [], "TR")]))
    assert meeting["hosts"] == {"Shavkat Mirziyoyev"} and meeting["guests"] == {"Yashar Güler"}
    assert meeting["parties"] == {"UZ", "TR"}


def test_unnamed_counterparts_add_their_countries():
    text = ("Georgian Defense Minister Juansher Burchuladze met his Turkish and Azerbaijani counterparts in the "
            "trilateral format in the Turkish city of Kars.")
    (meeting,) = meetings(run(text, [("Juansher Burchuladze", [], "GE")]))
    assert meeting["participants"] == {"Juansher Burchuladze"}
    assert meeting["parties"] == {"GE", "TR", "AZ"}
    assert meeting["country"] == "TR"


def test_counterparts_of_several_countries_meet_one_by_one():
    text = " date 2015-04-24 Iran's Defense Minister Hossein Dehqan met with his Turkish, Lebanese and Pakistani " \
           "counterparts in Istanbul on Thursday."
    found = meetings(run(text, [("Hossein Dehqan", [], "IR")]))
    assert [m["parties"] for m in found] == [{"IR", "TR"}, {"IR", "LB"}, {"IR", "PK"}]
    assert {m["date"] for m in found} == {"2015-04-23"}
    assert {(m["city"], m["country"]) for m in found} == {("Istanbul", "TR")}


def test_met_separately_gives_one_meeting_each():
    text = ("Mohammed Al Bowardi met separately with Prabowo Subianto, Indonesian Minister of Defence, and "
            "Kang Eun-ho, South Korean Minister of Defence.")
    found = meetings(run(text, [("Mohammed Al Bowardi", [], "AE"), ("Prabowo Subianto", [], "ID"),
                                ("Kang Eun-ho", [], "KR")]))
    assert [m["participants"] for m in found] == [{"Mohammed Al Bowardi", "Prabowo Subianto"},
                                                  {"Mohammed Al Bowardi", "Kang Eun-ho"}]


def test_phone_calls_and_video_conferences():
    people = [("Lloyd Austin", ["Austin"], "US"), ("Boris Pistorius", [], "DE")]
    (call,) = meetings(run("Lloyd Austin had a phone call with Boris Pistorius on Monday.", people))
    assert call["mode"] == "call"
    (video,) = meetings(run("Lloyd Austin held a video conference with Boris Pistorius.", people))
    assert video["mode"] == "video"


def test_spoke_with_is_a_call_unless_the_sentence_places_it():
    people = [("Joseph R. Biden, Jr.", [], "US"), ("Sauli Niinistö", [], "FI"), ("Ben Wallace", [], "GB")]
    (call,) = meetings(run("President Joseph R. Biden, Jr. spoke today with President of Finland Sauli Niinistö.",
                           people))
    assert call["participants"] == {"Joseph R. Biden, Jr.", "Sauli Niinistö"}
    assert call["mode"] == "call"
    (talk,) = meetings(run("Ben Wallace spoke to a Qatari delegation on the sidelines of the DSEI arms fair.", people))
    assert talk["mode"] == "in_person" and talk["parties"] == {"GB", "QA"}


def test_called_someone_is_a_call():
    people = [("Joe Biden", ["Biden"], "US"), ("Claudia Sheinbaum", [], "MX")]
    (call,) = meetings(run("President Joe Biden called President Claudia Sheinbaum of Mexico today.", people))
    assert call["mode"] == "call" and call["participants"] == {"Joe Biden", "Claudia Sheinbaum"}
    assert meetings(run("Joe Biden called for the release of Claudia Sheinbaum.", people)) == []


def test_a_participant_without_a_country_takes_the_one_in_their_title():
    text = ("Sheikh Mohamed bin Zayed, Crown Prince of Abu Dhabi and Deputy Supreme Commander of the UAE Armed "
            "Forces, received Davit Tonoyan, Armenia's Defense Minister.")
    (meeting,) = meetings(run(text, [("Mohamed bin Zayed", [], None), ("Davit Tonoyan", [], "AM")]))
    assert meeting["parties"] == {"AE", "AM"}


def test_a_place_taken_for_a_person_is_no_participant():
    people = [("Joseph R. Biden, Jr.", [], "US"), ("Vo Van Thuong", [], "VN"), ("San Francisco", [], None)]
    text = "President Joseph R. Biden, Jr. met President Vo Van Thuong, who will visit San Francisco."
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Joseph R. Biden, Jr.", "Vo Van Thuong"}


def test_named_leaders_meet_together_and_their_countries_stay_with_them():
    people = [("Joseph R. Biden, Jr.", [], "US"), ("Kaja Kallas", [], "US"), ("Egils Levits", [], "LV")]
    text = "President Joseph R. Biden, Jr. met with Prime Minister Kaja Kallas of Estonia and President Egils Levits."
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Joseph R. Biden, Jr.", "Kaja Kallas", "Egils Levits"}


def test_a_delegation_and_a_named_leader_of_another_country_are_two_meetings():
    people = [("Ben Wallace", ["Wallace"], "GB"), ("Nechirvan Barzani", [], "IQ")]
    text = "Wallace met with a Qatari delegation and Iraqi Kurdistan President Nechirvan Barzani on Wednesday."
    found = meetings(run(text, people))
    assert [(m["participants"], m["parties"]) for m in found] == [
        ({"Ben Wallace", "Nechirvan Barzani"}, {"GB", "IQ"}), ({"Ben Wallace"}, {"GB", "QA"})]


def test_a_mention_without_people_does_not_change_the_mode():
    people = [("Kamala Harris", [], "US"), ("Charlie Baker", [], "US")]
    text = ("Vice President Kamala Harris met Governor Charlie Baker in Boston today. "
            "She called Massachusetts a national model.")
    (meeting,) = meetings(run(text, people))
    assert meeting["mode"] == "in_person"


def test_future_and_wished_meetings_are_not_meetings():
    people = [("Boris Pistorius", ["Pistorius"], "DE"), ("Lloyd Austin", ["Austin"], "US")]
    text = "Pistorius is also due to meet the United States defense secretary Lloyd Austin later on Thursday."
    assert meetings(run(text, people)) == []


def test_quoted_sources_are_not_participants():
    text = ("Defense Secretary James Mattis met with Brazil's defense leaders today in Brasilia, chief Pentagon "
            "spokesperson Dana White said.")
    (meeting,) = meetings(run(text, [("James Mattis", [], "US"), ("Dana White", [], "US")]))
    assert meeting["participants"] == {"James Mattis"}
    assert meeting["parties"] == {"US", "BR"}
    assert meeting["city"] == "Brasilia"


def test_subject_across_sentences_by_nationality():
    text = ("The Deputy Chief of the Armenian Armed Forces Artur Yeroyan met with the Chief of Georgian Defense "
            "Forces Giorgi Matiashvili during a visit to Georgia. The Armenian major general also met with "
            "Joni Tatunashvili.")
    people = [("Artur Yeroyan", [], "AM"), ("Giorgi Matiashvili", [], "GE"), ("Joni Tatunashvili", [], "GE")]
    found = meetings(run(text, people))
    assert [m["participants"] for m in found] == [{"Artur Yeroyan", "Giorgi Matiashvili"},
                                                  {"Artur Yeroyan", "Joni Tatunashvili"}]


def test_one_named_person_and_one_country_is_not_a_meeting():
    text = "Madat Guliyev visited the stand of the Ministry of Defense Industry."
    assert meetings(run(text, [("Madat Guliyev", [], "AZ")])) == []


def test_hard_wrapped_lines_do_not_cut_sentences():
    text = ("---\ndate: '2023-09-11'\n---\n\nPresident Joseph R. Biden, Jr. and President Vo Van Thuong had an\n"
            "official meeting at the Presidential Palace in Hanoi,\nVietnam.  They discussed business, economic\n"
            "ties, and the new partnership between the two\ncountries on climate.\n")
    (meeting,) = meetings(run(text, [("Joseph R. Biden, Jr.", [], "US"), ("Vo Van Thuong", [], "VN")]))
    assert meeting["participants"] == {"Joseph R. Biden, Jr.", "Vo Van Thuong"}
    assert (meeting["date"], meeting["city"], meeting["country"]) == ("2023-09-11", "Hanoi", "VN")


def test_no_people_no_meetings():
    assert run("The ministers met in Baku on Tuesday.", [])._.idefx_meetings == []


def test_round_trip_through_disk(tmp_path):
    NLP.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    doc = run(SEED.read_text(encoding="utf-8"), SEED_PEOPLE, nlp=again)
    assert len(doc._.idefx_meetings) == 2


def test_a_bulleted_participant_list_joins_the_meeting_above_it():
    text = ("The Minister and her advisers met today with business leaders to discuss exports.\n\n"
            "Participants in the meeting:\n\n"
            "-   Maria Lopez, Chief Executive of Acme Corp\n"
            "-   Tom Baker, Director of the Harbour Trust\n"
            "    and Chair of the Port Board\n")
    (meeting,) = meetings(run(text, [("Maria Lopez", [], None), ("Tom Baker", [], None)]))
    assert meeting["participants"] == {"Maria Lopez", "Tom Baker"}
    start, end = meeting["evidence"][-1]
    assert text[start:end].startswith("Participants in the meeting:")


def test_a_bulleted_list_without_a_participants_heading_is_no_meeting():
    text = ("Officials met today to plan the season.\n\nPrize winners:\n\n"
            "-   Maria Lopez, Acme Corp\n-   Tom Baker, Harbour Trust\n")
    assert meetings(run(text, [("Maria Lopez", [], None), ("Tom Baker", [], None)])) == []


def test_travelled_to_a_city_to_meet_is_a_meeting_there_and_a_plan_is_not():
    people = [("Anna Berg", [], "SE"), ("Rui Costa", [], "PT")]
    text = ("On 3 March 2022, Trade Minister Anna Berg of Sweden and her senior advisers\n"
            "travelled together to Lisbon to meet with Foreign Minister Rui Costa to advance\n"
            "the close economic cooperation between the two countries and their ports and\n"
            "shipyards.\n")
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Anna Berg", "Rui Costa"}
    assert (meeting["city"], meeting["country"], meeting["date"]) == ("Lisbon", "PT", "2022-03-03")
    plan = "Trade Minister Anna Berg is expected to travel to Lisbon to meet with Foreign Minister Rui Costa."
    assert meetings(run(plan, people)) == []


def test_someone_who_dropped_by_the_meeting_takes_part():
    text = ("Chancellor Ida Holm met virtually with Governor Paul Reyes of Chile. "
            "Minister Omar Said dropped by the meeting.")
    (meeting,) = meetings(run(text, [("Ida Holm", [], "AT"), ("Paul Reyes", [], "CL"), ("Omar Said", [], "AT")]))
    assert meeting["participants"] == {"Ida Holm", "Paul Reyes", "Omar Said"}
    assert meeting["mode"] == "video"


def test_a_trip_to_two_countries_gives_companions_one_meeting_per_country_and_no_single_day():
    text = ("Envoy Clara Vik travelled to Kenya and Uganda on 4-5 May. She was joined by Adviser Leo Dahl. "
            "Envoy Vik met with Kenyan President Amos Kiptoo and Ugandan President John Okello.")
    people = [("Clara Vik", ["Vik"], "NO"), ("Leo Dahl", [], "NO"), ("Amos Kiptoo", [], "KE"),
              ("John Okello", [], "UG")]
    found = sorted(meetings(run(text, people)), key=lambda m: m["country"])
    assert [m["participants"] for m in found] == [{"Clara Vik", "Leo Dahl", "Amos Kiptoo"},
                                                   {"Clara Vik", "Leo Dahl", "John Okello"}]
    assert [(m["country"], m["date"]) for m in found] == [("KE", None), ("UG", None)]
    assert [m["parties"] for m in found] == [{"NO", "KE"}, {"NO", "UG"}]


def test_a_day_range_in_the_meeting_clause_gives_its_first_day():
    text = "Minister Hugo Brandt held talks with Minister Lena Falk in Oslo on 12-13 June 2022."
    (meeting,) = meetings(run(text, [("Hugo Brandt", [], "DE"), ("Lena Falk", [], "NO")]))
    assert meeting["date"] == "2022-06-12"


def test_met_with_one_and_with_another_is_two_meetings():
    text = "Minister Hugo Brandt met with Premier Lena Falk and with Mayor Otto Lund in Oslo."
    found = meetings(run(text, [("Hugo Brandt", [], "DE"), ("Lena Falk", [], "NO"), ("Otto Lund", [], "NO")]))
    assert sorted(sorted(m["participants"]) for m in found) == [["Hugo Brandt", "Lena Falk"],
                                                                 ["Hugo Brandt", "Otto Lund"]]


def test_a_readout_title_names_the_meeting_the_body_only_implies():
    source = {"front_matter": {"title": "Readout of Secretary Jane Roe’s Meeting with Mayor Tim Ash on Housing"}}
    text = "Secretary Roe and Mayor Ash reaffirmed their commitment to affordable housing today."
    (meeting,) = meetings(run(text, [("Jane Roe", ["Roe"], "US"), ("Tim Ash", ["Ash"], "US")], source=source))
    assert meeting["participants"] == {"Jane Roe", "Tim Ash"}
    start, end = meeting["evidence"][0]
    assert text[start:end].startswith("Secretary Roe")


def test_one_named_person_and_counterparts_from_a_list_of_countries_is_one_meeting():
    text = "Defence Minister Karl Lind met with his counterparts from the Nordic states of Finland, Norway, and Denmark."
    (meeting,) = meetings(run(text, [("Karl Lind", [], "SE")]))
    assert meeting["participants"] == {"Karl Lind"}
    assert meeting["parties"] == {"SE", "FI", "NO", "DK"}


def test_a_seat_of_government_places_the_meeting():
    text = "President Mia Sol met with Prime Minister Jan Berk of Estonia at the White House."
    (meeting,) = meetings(run(text, [("Mia Sol", [], "US"), ("Jan Berk", [], "EE")]))
    assert (meeting["city"], meeting["country"]) == ("Washington", "US")


def test_a_government_readout_makes_its_country_a_party():
    source = {"front_matter": {"source_url": "https://www.example.gov/news/readout"}}
    text = "Secretary Ann Lee spoke by phone with Minister Karim Haddad of Lebanon."
    (meeting,) = meetings(run(text, [("Ann Lee", [], None), ("Karim Haddad", [], "LB")], source=source))
    assert meeting["parties"] == {"LB", "US"}
    (plain,) = meetings(run(text, [("Ann Lee", [], None), ("Karim Haddad", [], "LB")]))
    assert plain["parties"] == {"LB"}


def test_a_name_inside_a_date_is_no_participant():
    text = "On April 9, Minister Hugo Brandt met with Minister Lena Falk."
    (meeting,) = meetings(run(text, [("On April", [], "DE"), ("Hugo Brandt", [], "DE"), ("Lena Falk", [], "NO")]))
    assert meeting["participants"] == {"Hugo Brandt", "Lena Falk"}


TWO_MINISTERS = [("Ana Silva", ["Silva"], "PT"), ("Tomas Berg", ["Berg"], "NO")]


def test_a_later_sentence_about_the_meeting_completes_its_place():
    (meeting,) = meetings(run("Ana Silva met with Tomas Berg on Monday. The meeting took place in Oslo.",
                              TWO_MINISTERS))
    assert (meeting["city"], meeting["country"]) == ("Oslo", "NO")
    (unplaced,) = meetings(run("Ana Silva met with Tomas Berg on Monday. The weather in Oslo was fine.",
                               TWO_MINISTERS))
    assert unplaced["country"] is None


def test_here_is_the_dateline_city():
    text = "LISBON, May 4 -\nAna Silva met with Tomas Berg here on Tuesday to discuss fisheries."
    (meeting,) = meetings(run(text, TWO_MINISTERS))
    assert (meeting["city"], meeting["country"]) == ("Lisbon", "PT")
    assert meeting["topic"] == "fisheries"


def test_the_same_meeting_reported_twice_is_one_record():
    text = "Ana Silva met with Tomas Berg in Oslo. Silva and Berg held talks on fisheries."
    (meeting,) = meetings(run(text, TWO_MINISTERS))
    assert meeting["participants"] == {"Ana Silva", "Tomas Berg"}
    assert len(meeting["evidence"]) == 2


def test_a_later_meeting_without_a_place_takes_the_one_before():
    people = TWO_MINISTERS + [("Lena Holm", [], "SE")]
    found = meetings(run("Ana Silva met with Tomas Berg in Oslo. Ana Silva then met Lena Holm.", people))
    assert [(m["city"], m["country"]) for m in found] == [("Oslo", "NO"), ("Oslo", "NO")]


def test_surname_forms_drop_generational_suffixes():
    from idefx.entities import PersonEntity
    from idefx.meeting.readout import surname_forms

    person = PersonEntity(name="Robert T. Lane, Jr.", aliases=["Bob Lane III", "lowercase"], country="US")
    assert surname_forms(person) == {"Lane"}


def test_home_country_comes_from_a_government_host():
    from idefx.home import government_country as home_country

    def home(url):
        doc = NLP.make_doc("x")
        doc._.idefx_source = {"front_matter": {"source_url": url}}
        return home_country(doc, {"gov", "mil"})

    assert home("https://www.defense.gov/News/Releases/") == "US"
    assert home("https://www.gov.pl/web/national-defence") == "PL"
    assert home("https://www.example.com/news") is None
    assert home("not a url") is None


def test_match_index_looks_up_matches_by_token_range():
    from idefx.matchindex import Match, MatchIndex

    index = MatchIndex({"break": [Match(2, 3, "b|a"), Match(5, 8, "b|b")], "trigger": [Match(4, 5, "t|c")]})
    assert [m.start for m in index.within("break", 2, 6)] == [2]  # the second runs past the range
    assert [m.start for m in index.within("break", 0, 8)] == [2, 5]
    assert index.within("mode", 0, 8) == []
    assert index.any_starts_within(("trigger",), 4, 4) and not index.any_starts_within(("trigger",), 0, 3)


# -- more ways to report a meeting ----------------------------------------------------------------------

TWO = [("Marta Novak", [], "SI"), ("Henrik Lund", [], "DK")]


def test_an_audience_a_bilateral_a_working_lunch_and_sitting_down_are_meetings():
    for text in ("Minister Marta Novak had an audience with King Henrik Lund in Copenhagen.",
                 "King Henrik Lund granted an audience to Minister Marta Novak at the palace.",
                 "Minister Marta Novak held a bilateral with Minister Henrik Lund on the margins of the forum.",
                 "Minister Marta Novak had a working dinner with Minister Henrik Lund in Ljubljana.",
                 "Minister Marta Novak sat down with Minister Henrik Lund in Vienna."):
        (meeting,) = meetings(run(text, TWO))
        assert meeting["participants"] == {"Marta Novak", "Henrik Lund"}, text


def test_whoever_grants_an_audience_is_the_host():
    (meeting,) = meetings(run("King Henrik Lund granted an audience to Minister Marta Novak.", TWO))
    assert meeting["hosts"] == {"Henrik Lund"} and meeting["guests"] == {"Marta Novak"}


def test_interacting_negotiating_chatting_exchanging_views_and_a_meeting_held_between():
    for text in ("Minister Marta Novak interacted with Minister Henrik Lund at the forum.",
                 "Minister Marta Novak negotiated with Minister Henrik Lund in Brussels.",
                 "Minister Marta Novak had a short chat with Minister Henrik Lund in Brussels.",
                 "Minister Marta Novak and Minister Henrik Lund exchanged views on fisheries.",
                 "A meeting was held between Minister Marta Novak and Minister Henrik Lund in Brussels."):
        (meeting,) = meetings(run(text, TWO))
        assert meeting["participants"] == {"Marta Novak", "Henrik Lund"}, text


def test_a_discussion_a_dialogue_an_encounter_and_a_virtual_summit():
    for text in ("Minister Marta Novak had a long discussion with Minister Henrik Lund in Brussels.",
                 "Minister Marta Novak held a dialogue with Minister Henrik Lund in Brussels.",
                 "The encounter between Minister Marta Novak and Minister Henrik Lund was cordial.",
                 "Minister Marta Novak held a virtual summit with Minister Henrik Lund."):
        (meeting,) = meetings(run(text, TWO))
        assert meeting["participants"] == {"Marta Novak", "Henrik Lund"}, text


def test_the_people_named_during_the_encounter_join_it():
    people = TWO + [("Ana Berg", [], "SI")]
    text = ("King Henrik Lund received Minister Marta Novak at the palace. During the encounter, Ambassador Ana "
            "Berg presented a gift.")
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Marta Novak", "Henrik Lund", "Ana Berg"}


def test_held_with_several_words_before_the_meeting_noun():
    for text in ("Minister Marta Novak and Minister Henrik Lund held a closed-door meeting in Brussels.",
                 "Minister Marta Novak and Minister Henrik Lund held a fresh round of talks in Brussels.",
                 "Minister Marta Novak and Minister Henrik Lund had a very productive meeting in Brussels."):
        (meeting,) = meetings(run(text, TWO))
        assert meeting["participants"] == {"Marta Novak", "Henrik Lund"}, text


def test_paid_a_visit_and_held_a_call_with_several_words_between():
    (visit,) = meetings(run("Minister Marta Novak paid an official courtesy visit to King Henrik Lund.", TWO))
    assert visit["guests"] == {"Marta Novak"} and visit["hosts"] == {"Henrik Lund"}
    (call,) = meetings(run("Minister Marta Novak held a long and cordial phone call with Minister Henrik Lund.", TWO))
    assert call["participants"] == {"Marta Novak", "Henrik Lund"} and call["mode"] == "call"


# -- meetings that did not take place, or not yet -------------------------------------------------------

NO_MEETING = [("Marta Novak", [], "SI"), ("Henrik Lund", [], "DK")]


def test_a_negated_meeting_is_none():
    for text in ("Minister Marta Novak has not met Minister Henrik Lund since the election.",
                 "Minister Marta Novak never met Minister Henrik Lund in Vienna.",
                 "Minister Marta Novak did not hold talks with Minister Henrik Lund at the summit.",
                 "Minister Marta Novak didn't meet with Minister Henrik Lund in Oslo.",
                 "Minister Marta Novak and Minister Henrik Lund were both in Vienna, but they couldn’t have a meeting.",
                 "Minister Marta Novak had no meeting with Minister Henrik Lund.",
                 "No meeting between Minister Marta Novak and Minister Henrik Lund took place."):
        assert meetings(run(text, NO_MEETING)) == [], text


def test_a_modal_or_hoped_for_meeting_is_none():
    for text in ("Minister Marta Novak will meet Minister Henrik Lund on Monday.",
                 "Minister Marta Novak is expected to meet Minister Henrik Lund in Oslo.",
                 "Minister Marta Novak plans to meet Minister Henrik Lund next month.",
                 "Minister Marta Novak hopes to meet Minister Henrik Lund soon."):
        assert meetings(run(text, NO_MEETING)) == [], text


def test_a_met_meeting_after_a_negated_clause_is_kept():
    text = "Minister Marta Novak, who was not in Oslo last year, met Minister Henrik Lund in Vienna."
    (meeting,) = meetings(run(text, NO_MEETING))
    assert meeting["participants"] == {"Marta Novak", "Henrik Lund"}


def test_a_meeting_noun_whose_predicate_is_planned_is_none():
    for text in ("Talks between Minister Marta Novak and Minister Henrik Lund are scheduled for Friday.",
                 "A meeting between Minister Marta Novak and Minister Henrik Lund will take place in Vienna.",
                 "Minister Marta Novak's meeting with Minister Henrik Lund is planned for next week."):
        assert meetings(run(text, NO_MEETING)) == [], text


def test_a_planned_event_after_a_meeting_noun_in_a_phrase_of_time_keeps_the_meeting():
    text = "During the talks with Minister Henrik Lund, Minister Marta Novak said a summit will be held in May."
    (meeting,) = meetings(run(text, NO_MEETING))
    assert meeting["participants"] == {"Marta Novak", "Henrik Lund"}


def test_a_meeting_named_as_still_to_come_is_none():
    for text in ("Ahead of their talks, Minister Marta Novak and Minister Henrik Lund posed for photographs.",
                 "Minister Marta Novak landed in Oslo on Sunday ahead of a meeting with Minister Henrik Lund.",
                 "Minister Marta Novak briefed reporters prior to her talks with Minister Henrik Lund."):
        assert meetings(run(text, NO_MEETING)) == [], text


def test_a_meeting_held_ahead_of_another_event_is_kept():
    text = "Minister Marta Novak met Minister Henrik Lund in Oslo ahead of the summit."
    (meeting,) = meetings(run(text, NO_MEETING))
    assert meeting["participants"] == {"Marta Novak", "Henrik Lund"}


def test_a_passive_makes_the_one_after_by_the_host_or_the_guest():
    people = [("Lin Wei", ["Lin"], "CN"), ("Anna Berg", [], "SE")]
    for text in ("Premier Lin Wei was received by President Anna Berg at the palace.",
                 "On Monday, Lin was warmly welcomed by Anna Berg in Stockholm.",
                 "Lin Wei and his delegation were hosted by Anna Berg for dinner."):
        (meeting,) = meetings(run(text, people))
        assert (meeting["hosts"], meeting["guests"]) == ({"Anna Berg"}, {"Lin Wei"}), text
    (meeting,) = meetings(run("President Anna Berg was visited by Premier Lin Wei in Stockholm.", people))
    assert (meeting["hosts"], meeting["guests"]) == ({"Anna Berg"}, {"Lin Wei"})
    (meeting,) = meetings(run("President Anna Berg received Premier Lin Wei, who was accompanied by aides.", people))
    assert (meeting["hosts"], meeting["guests"]) == ({"Anna Berg"}, {"Lin Wei"})


def test_a_title_abbreviation_does_not_end_the_sentence_of_an_attendance_list():
    people = [("Rita Obi", [], "NG"), ("Sam Eze", [], "NG"), ("Tunde Bello", [], "NG"), ("Ada Nwosu", [], "NG")]
    for title in ("Hon.", "Lt.", "Maj.", "Amb."):
        text = (f"Governor Rita Obi held a meeting with Sam Eze in Enugu. In attendance were the Minister of Works, "
                f"Mr Tunde Bello; the Director of Budget, {title} Ada Nwosu and others.")
        (meeting,) = meetings(run(text, people))
        assert meeting["participants"] == {"Rita Obi", "Sam Eze", "Tunde Bello", "Ada Nwosu"}, title


def test_a_full_stop_after_an_ordinary_word_still_ends_the_sentence():
    people = [("Rita Obi", [], "NG"), ("Sam Eze", [], "NG"), ("Ada Nwosu", [], "NG")]
    text = "Governor Rita Obi met Sam Eze in Enugu. Ada Nwosu attended a rally in Lagos."
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Rita Obi", "Sam Eze"}


def test_talks_between_two_people_of_different_countries_are_one_meeting():
    people = [("Anna Berg", ["Berg"], "SE"), ("Lin Wei", ["Lin"], "CN"), ("Omar Haddad", [], "JO")]
    for text in ("Trade was on the agenda. Talks between Swedish Foreign Minister Anna Berg and Chinese Premier "
                 "Lin Wei focused on trade.",
                 "Trade was on the agenda. The meeting between Jordanian envoy Omar Haddad and Chinese Premier "
                 "Lin Wei lasted an hour.",
                 "Trade was on the agenda. Consultations between Berg of Sweden, Lin of China and Omar Haddad of "
                 "Jordan ended on Friday."):
        (meeting,) = meetings(run(text, people))
        assert len(meeting["participants"]) >= 2, text


def test_a_call_held_by_video_is_a_video_meeting():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN")]
    for text, mode in (("Anna Berg had a video call with Lin Wei.", "video"),
                       ("Anna Berg held a virtual call with Lin Wei on Monday.", "video"),
                       ("Anna Berg had a phone call with Lin Wei.", "call"),
                       ("Anna Berg spoke with Lin Wei by telephone.", "call")):
        (meeting,) = meetings(run(text, people))
        assert meeting["mode"] == mode, text


def test_a_meeting_dropped_as_planned_ends_the_clause_of_the_one_before():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN"), ("Omar Haddad", [], "JO")]
    for text in ("Anna Berg, who met Lin Wei in March, is expected to meet Omar Haddad on Friday.",
                 "Anna Berg, who held talks with Lin Wei last year, will meet Omar Haddad next week.",
                 "Lin Wei, who visited Anna Berg in May, plans to meet Omar Haddad in June."):
        (meeting,) = meetings(run(text, people))
        assert meeting["participants"] == {"Anna Berg", "Lin Wei"}, text


def test_after_meeting_someone_reports_a_meeting_with_its_speaker():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN")]
    for text in ('Trade was on the agenda. "We had good talks," Anna Berg said after meeting Lin Wei.',
                 "Trade was on the agenda. Anna Berg flew home after meeting Lin Wei in Beijing.",
                 "Trade was on the agenda. Lin Wei praised the ties while receiving Anna Berg."):
        (meeting,) = meetings(run(text, people))
        assert meeting["participants"] == {"Anna Berg", "Lin Wei"}, text


def test_a_meeting_asked_for_or_spoken_of_in_general_is_none():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN")]
    for text in ("Trade was on the agenda. Anna Berg called for talks with Lin Wei.",
                 "Trade was on the agenda. Anna Berg proposed a meeting with Lin Wei.",
                 "Trade was on the agenda. Anna Berg requested an urgent meeting with Lin Wei.",
                 "Trade was on the agenda. Anna Berg said she was ready for talks with Lin Wei.",
                 "Trade was on the agenda. Anna Berg regularly holds such meetings with leaders like Lin Wei."):
        assert meetings(run(text, people)) == [], text
    for text in ("Trade was on the agenda. Anna Berg arrived for talks with Lin Wei.",
                 "Trade was on the agenda. Anna Berg held a meeting with Lin Wei, as she had requested.",
                 "Trade was on the agenda. Anna Berg met Lin Wei for talks on trade."):
        assert len(meetings(run(text, people))) == 1, text


def test_a_date_opening_the_sentence_dates_a_meeting_after_a_break():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN")]
    for text, day in (("On Monday, after arriving in Oslo, Anna Berg met Lin Wei.", "2024-03-11"),
                      ("On Tuesday, before flying home, Lin Wei held talks with Anna Berg.", "2024-03-12"),
                      ("Yesterday, while in Oslo, Anna Berg received Lin Wei.", "2024-03-14")):
        (meeting,) = meetings(run(" date 2024-03-15\n\n" + text, people))
        assert meeting["date"] == day, text
    (meeting,) = meetings(run(" date 2024-03-15\n\nOn Monday, after arriving, Anna Berg met Lin Wei on Tuesday.", people))
    assert meeting["date"] == "2024-03-12"


def test_a_name_before_another_subject_of_a_verb_of_saying_is_no_speaker():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN")]
    for text in ("Anna Berg met Lin Wei, the ministry said.",
                 "Anna Berg held talks with Lin Wei, state media reported.",
                 "Anna Berg received Lin Wei, officials said on Friday."):
        (meeting,) = meetings(run(text, people))
        assert meeting["participants"] == {"Anna Berg", "Lin Wei"}, text
    (meeting,) = meetings(run("Anna Berg met Omar Haddad. Lin Wei, the minister, said it went well.",
                              people + [("Omar Haddad", [], "JO")]))
    assert meeting["participants"] == {"Anna Berg", "Omar Haddad"}


def test_a_where_clause_meets_in_the_place_it_hangs_on():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN")]
    for text, place in (("Anna Berg was in Rome, where she met Lin Wei.", ("Rome", "IT")),
                        ("Anna Berg flew to Japan, where she held talks with Lin Wei.", (None, "JP")),
                        ("Lin Wei attended the summit in Oslo, where he met Anna Berg.", ("Oslo", "NO"))):
        (meeting,) = meetings(run(text, people))
        assert (meeting["city"], meeting["country"]) == place, text


def test_playing_host_makes_the_subject_the_host():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN")]
    for text in ("Anna Berg played host to Lin Wei in Oslo.", "Lin Wei plays host to Anna Berg this week in Beijing.",
                 "Oslo was busy on Monday, with Anna Berg playing host to Lin Wei."):
        (meeting,) = meetings(run(text, people))
        assert len(meeting["hosts"]) == 1 and meeting["participants"] == {"Anna Berg", "Lin Wei"}, text


def test_an_earlier_meeting_mentioned_in_passing_is_a_meeting_of_its_own_with_its_own_setting():
    people = [("Ana Duarte", ["Duarte"], "PT"), ("Kofi Boateng", ["Boateng"], "GH")]
    for text, city in ((" date 2024-05-02 Ana Duarte met Kofi Boateng in Accra on Monday. The two ministers last "
                        "met in Lisbon in March 2023.", "Lisbon"),
                       (" date 2024-05-02 Ana Duarte received Kofi Boateng in Lisbon. Duarte recalled her previous "
                        "meeting with Boateng in Accra.", "Accra"),
                       (" date 2024-05-02 Kofi Boateng held talks with Ana Duarte in Accra on Tuesday. Boateng "
                        "first met Duarte in Kumasi.", "Kumasi")):
        found = meetings(run(text, people))
        assert len(found) == 2, text
        assert found[1]["participants"] == {"Ana Duarte", "Kofi Boateng"} and found[1]["city"] == city
        assert found[1]["date"] is None and found[0]["date"] is not None


def test_a_meeting_named_again_without_an_earlier_marker_is_the_same_meeting():
    people = [("Ana Duarte", ["Duarte"], "PT"), ("Kofi Boateng", ["Boateng"], "GH")]
    text = "Ana Duarte met Kofi Boateng in Accra on Monday. Duarte and Boateng discussed trade during the meeting."
    assert len(meetings(run(text, people))) == 1

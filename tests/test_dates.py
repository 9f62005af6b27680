"""The date parser and the ``idefx_dates`` component: publication dates and ISO resolution of mentions."""

import spacy

import idefx.components.dates  # noqa: F401  (registers the factory)
import idefx.components.places  # noqa: F401
from idefx.publication import publication_date
from idefx.entities import DATES
from idefx.layout import body_start
from idefx.datetext import find_dates, header_date


def resolved(text, anchor):
    return [(d.text, d.resolve(anchor)) for d in find_dates(text)]


def test_common_press_shapes_normalise_to_iso():
    found = resolved("on 30 November 2021, October 15, 2024, 2023-07-26 and 2nd June 2016.", None)
    assert found == [("30 November 2021", "2021-11-30"), ("October 15, 2024", "2024-10-15"),
                     ("2023-07-26", "2023-07-26"), ("2nd June 2016", "2016-06-02")]


def test_yearless_and_relative_dates_resolve_against_the_anchor():
    anchor = "2023-07-26"  # a Wednesday
    found = dict(resolved("BAKU, July 26. He met them on Tuesday, yesterday and today; Oct. 2 was last year.", anchor))
    assert found["July 26"] == "2023-07-26"
    assert found["Tuesday"] == "2023-07-25"
    assert found["yesterday"] == "2023-07-25"
    assert found["today"] == "2023-07-26"
    assert found["Oct. 2"] == "2022-10-02"  # not months into the future


def test_weekday_on_the_publication_day_is_that_day():
    assert resolved("on Tuesday", "2024-10-15") == [("Tuesday", "2024-10-15")]


def test_nothing_resolves_without_an_anchor():
    assert resolved("on Tuesday, July 26", None) == [("Tuesday", None), ("July 26", None)]


def test_lower_case_words_are_not_dates():
    assert resolved("we may meet in march of progress", "2023-07-26") == []


def test_numeric_stamps_read_by_separator():
    assert header_date("02.02.23 13:30") == "2023-02-02"
    assert header_date("10/11/2017 03:08 PM EDT") == "2017-10-11"
    assert header_date("Tuesday, August 14, 2018") == "2018-08-14"
    assert header_date("The minister met on August 14, 2018 his counterpart") is None


def test_publication_from_the_date_line():
    assert publication_date(" date 2023-07-26 BAKU, Azerbaijan, July 26. Text.") == "2023-07-26"


def test_publication_from_front_matter():
    text = "---\ntitle: \"A readout\"\ndate: '2021-06-11'\n---\nToday, the President met the Governor.\n"
    assert publication_date(text) == "2021-06-11"
    assert text[body_start(text):].startswith("Today")


def test_publication_stamp_agreeing_with_the_dateline_wins():
    text = ("19 Apr 2024\nFriday 24 April 2015 - 13:31\nStory Code : 161876\n\n"
            "Istanbul, April 24, IRNA Iran's Defense Minister met his counterparts on Thursday.\n")
    assert publication_date(text) == "2015-04-24"


def test_no_publication_date_without_a_year():
    assert publication_date("YEREVAN, OCTOBER 4, ARMENPRESS. The general met his counterpart.") is None


def _pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("idefx_places", config={"gazetteers": False})
    nlp.add_pipe("idefx_dates")
    return nlp


def test_component_sets_published_and_resolved_spans():
    doc = _pipeline()(" date 2022-07-05 Rawalpindi: The general met the commander on Tuesday.")
    assert doc._.idefx_published == "2022-07-05"
    spans = [(s.text, s.label_, s.kb_id_) for s in doc.spans[DATES]]
    assert spans == [("Tuesday", "WEEKDAY", "2022-07-05")]


def test_dateline_dates_are_marked():
    doc = _pipeline()("Istanbul, April 24, IRNA The minister met his counterparts on Thursday.")
    assert [s.label_ for s in doc.spans[DATES]] == ["DATELINE", "WEEKDAY"]


def test_day_of_an_event_counts_from_its_first_day():
    text = (" date 2023-07-27 The IDEF-2023 fair is held from 25 to 28 July 2023 in Istanbul. "
            "The minister met his counterpart on the third day of IDEF-2023.")
    doc = _pipeline()(text)
    day = [s for s in doc.spans[DATES] if s.label_ == "EVENT_DAY"]
    assert [s.kb_id_ for s in day] == ["2023-07-27"]


def test_day_of_an_event_without_its_dates_is_the_publication_date():
    doc = _pipeline()(" date 2023-07-26 He met her on the second day of the International IDEF-2023 Exhibition.")
    assert [s.kb_id_ for s in doc.spans[DATES] if s.label_ == "EVENT_DAY"] == ["2023-07-26"]


def test_a_date_from_metadata_is_kept_when_the_text_has_none():
    nlp = _pipeline()
    doc = nlp.make_doc("Today, the President met the Prime Minister.")
    doc._.idefx_published = "2021-07-26"
    doc = nlp(doc)
    assert doc._.idefx_published == "2021-07-26"
    assert [s.kb_id_ for s in doc.spans[DATES]] == ["2021-07-26"]


def test_date_starts_are_found_only_at_word_boundaries():
    from idefx.datetext import START_RE

    text = "Mayor May, 3rd; x4 MARCH sundays Sunday, today's O'May; Sept. earlier Yesterday-2"
    starts = [text[m.start():m.start() + 3] for m in START_RE.finditer(text)]
    assert starts == ["May", "3rd", "MAR", "Sun", "tod", "May", "Sep", "ear", "Yes", "2"]


def test_date_starts_from_the_words_are_the_regex_matches():
    from idefx.components.dates import date_starts
    from idefx.datetext import START_RE

    nlp = spacy.blank("en")
    text = ("Mayor May, 3rd; x4 MARCH 10km can't July-26,2023-07-26 _July tod\u200bay 2pm\nMonday\n\nTODAY  "
            "\u017feptember \u0131t \u0130stanbul on 3/4/23 x__1 1_ www.x.org/may/3 JULYx")
    doc = nlp.make_doc(text)
    assert date_starts(doc, text, {}) == [m.start() for m in START_RE.finditer(text)]
    assert date_starts(nlp.make_doc(""), "", {}) == []


def test_first_lines_are_those_of_the_whole_text():
    from idefx.publication import _first_lines

    for text in ["a\r\n" * 1500 + "b\n" * 20, ("x" * 2047 + "\r\n\n  \n") * 30, "\u2028".join(["Aug 3, 2020"] * 400),
                 "short\n\nlines\n"]:
        assert _first_lines(text, 12) == [line for line in text.splitlines() if line.strip()][:12]


def test_day_of_pattern_starts_at_on_or_the():
    from idefx.components.dates import _DAY_OF

    text = "On the second day of the show; anon the third day of it; then  the LAST day of May"
    found = [(m.group(0), m.group(1)) for m in _DAY_OF.finditer(text)]
    assert found == [("On the second day of the ", "second"), ("the third day of ", "third"),
                     ("the LAST day of ", "LAST")]

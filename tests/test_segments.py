"""Sentence segmentation (idefx.segments) on constructed texts."""

import spacy

from idefx.segments import segments

NLP = spacy.blank("en")


def sentences(text):
    """The sentences of ``text``, without the line breaks that end them."""
    doc = NLP.make_doc(text)
    return [text[s.start_char:s.end_char].strip() for s in segments(doc, {})]


def test_full_stops_question_and_exclamation_marks_end_sentences():
    assert sentences("Ana met Bo. Did they talk? They did!") == ["Ana met Bo.", "Did they talk?", "They did!"]


def test_a_short_line_ends_a_sentence_without_a_stop():
    text = "TALKS IN LIMA\nThe ministers of Peru and Chile met on Monday to talk about the border crossings."
    assert sentences(text) == ["TALKS IN LIMA",
                               "The ministers of Peru and Chile met on Monday to talk about the border crossings."]


def test_a_paragraph_break_ends_a_sentence_after_a_long_line():
    text = ("The defence ministers of Chile and Peru held long talks in Lima about the border\n\n"
            "Both sides agreed to meet again next spring.")
    assert len(sentences(text)) == 2


def test_hard_wrapped_lines_go_on_across_single_breaks():
    text = ("The defence minister of Chile travelled to Lima on Monday where she met\n"
            "her counterpart from Peru and the commander of the navy to speak about the\n"
            "joint exercises planned for the autumn and the patrols along the coast, and\n"
            "the two of them also visited a shipyard on the outskirts of the capital city.")
    assert sentences(text) == [text]


def test_long_lines_without_wrapping_end_at_their_breaks():
    text = ("The defence minister of Chile travelled to Lima on Monday and met officials\n"
            "Her counterpart from Peru welcomed the delegation at the airport in the morning\n"
            "The two sides signed an agreement on joint patrols along the Pacific coast")
    assert len(sentences(text)) == 3


def test_segments_without_a_word_are_dropped_and_offsets_fit_the_text():
    text = "Ana met Bo.\n\n* * *\n\nThey talked."
    assert sentences(text) == ["Ana met Bo.", "They talked."]


def test_an_empty_text_has_no_sentences():
    assert segments(NLP.make_doc(""), {}) == []


def test_an_abbreviation_s_full_stop_ends_a_sentence_before_an_opening_word():
    assert sentences("The minister met officials from the U.S. The two sides discussed trade.") == [
        "The minister met officials from the U.S.", "The two sides discussed trade."]
    assert sentences("The talks ended at 5 p.m. They resume on Monday.") == [
        "The talks ended at 5 p.m.", "They resume on Monday."]
    assert sentences("The deal went to Lockheed Martin Corp. It was signed on Monday.") == [
        "The deal went to Lockheed Martin Corp.", "It was signed on Monday."]


def test_a_title_s_abbreviation_or_a_name_after_the_u_s_goes_on():
    assert len(sentences("Mr. He Lifeng met Gen. Li in Beijing.")) == 1
    assert len(sentences("He met the U.S. Ambassador in Lima.")) == 1
    assert len(sentences("The U.S. Navy and U.K. Royal Navy sailed together.")) == 1

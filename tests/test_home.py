"""Behaviour of idefx.home: a document's home country from its source host or dateline."""

from idefx.entities import COUNTRY_SPANS
from idefx.home import home_country, most_named


def home(nlp, text, source=None):
    doc = nlp.make_doc(text)
    doc._.idefx_source = source
    doc = nlp(doc)
    return home_country(doc, doc.spans[COUNTRY_SPANS])


def test_the_source_host_gives_the_country(nlp):
    assert home(nlp, "The minister spoke.", {"front_matter": {"source_url": "https://www.mod.gov.pl/news"}}) == "PL"
    assert home(nlp, "The minister spoke.", {"url": "https://www.army.mil/article/1"}) == "US"
    assert home(nlp, "The minister spoke.", {"url": "https://www.gov.uk/news"}) == "GB"


def test_a_host_that_names_no_country_leaves_the_dateline(nlp):
    assert home(nlp, "OSLO, March 3 -- The minister spoke.", {"url": "https://example.com/x"}) == "NO"


def test_a_source_url_line_in_the_text_counts(nlp):
    text = "---\nsource_url: https://www.defence.gov.au/news\ntitle: x\n---\nThe minister spoke."
    assert home(nlp, text) == "AU"


def test_the_dateline_after_front_matter_and_a_date_line(nlp):
    assert home(nlp, "---\ntitle: Talks\n---\ndate 2024-05-01\n\nNAIROBI, May 1 (Reuters) - Talks began.") == "KE"
    assert home(nlp, "Lima, Peru, June 2. The minister spoke.") == "PE"


def test_a_dateline_after_a_headline_a_standfirst_and_a_caption(nlp):
    standfirst = "Leaders abroad continue to send their messages of sympathy over the passing of the former " \
                 "president, who led the country for two decades and died on Friday after a long illness."
    for city, code in [("HÀ NỘI", "VN"), ("NAIROBI", "KE"), ("Lima", "PE")]:
        text = f"Messages of sympathy pour in\n\nMay 3, 2024 - 09:15\n\n{standfirst}\n\n{standfirst} — Photo\n\n" \
               f"{city} — More messages arrived on Friday."
        assert home(nlp, text) == code


def test_no_source_and_no_dateline(nlp):
    assert home(nlp, "The minister spoke with Chile about trade.") is None


def test_most_named_needs_a_clear_lead(nlp):
    doc = nlp("Chile and Peru met. Chile thanked Peru. Chile left.")
    assert most_named(doc.spans[COUNTRY_SPANS], None) == "CL"
    assert most_named(doc.spans[COUNTRY_SPANS], "CL") == "PE"
    doc = nlp("Chile and Peru met.")
    assert most_named(doc.spans[COUNTRY_SPANS], None) is None


def test_a_government_release_is_read_from_the_same_host_as_the_home_country(nlp):
    from idefx.home import government_country

    def both(url, text="The minister spoke."):
        doc = nlp.make_doc(text)
        doc._.idefx_source = {"url": url}
        return government_country(doc, {"gov", "mil"}), home_country(nlp(doc), [])

    assert both("https://www.gov.uk/government/news/x") == ("GB", "GB")
    assert both("https://www.defensa.gob.ar/x") == (None, "AR")  # not a host label the caller calls government
    assert both("https://news.example.com/x") == (None, None)
    doc = nlp.make_doc("source_url: https://www.mfa.gov.ge/en/news\n\nTBILISI, May 2 -- Talks.")
    doc._.idefx_source = {}
    assert government_country(doc, {"gov"}) == "GE"

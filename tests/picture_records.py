"""Test helper: small constructed records (and their texts) for the graph and page tests, with every offset
computed from the text, so no pipeline is needed."""

from idefx.records import (Country, DateMention, DocumentRecord, Event, Meeting, Organization, Person, Span,
                           Venue)


def _span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start=start, end=start + len(words), text=words)


def _sentence(text: str, first: str, last: str) -> Span:
    start = text.index(first)
    end = text.index(last, start) + len(last)
    return Span(start=start, end=end, text=text[start:end])


VALDIVIA = ("Santiago, 12 March 2024. Foreign Minister Ana Valdivia of Chile met Defence Minister Tomas Kral of "
            "Czechia at the Moneda Palace during the Andes Security Forum. The ministers discussed training.\n"
            "Later, Valdivia received Prime Minister Ilse Verhoeven of the Netherlands by video call.")

ODHIAMBO = ("Nairobi, 3 June 2025. Cabinet Secretary Grace Odhiambo of Kenya hosted Foreign Minister Ana Valdivia "
            "of Chile for talks on maritime security.")


def valdivia_record() -> DocumentRecord:
    t = VALDIVIA
    return DocumentRecord(
        id="valdivia-visit", path=None, sha256="a" * 64, published="2024-03-12", title="Valdivia meets Kral",
        people=[
            Person(name="Ana Valdivia", aliases=["Valdivia"], titles=["Foreign Minister"], country="CL",
                   mentions=[_span(t, "Ana Valdivia"), _span(t, "Valdivia", t.index("Later"))]),
            Person(name="Tomas Kral", titles=["Defence Minister"], country="CZ", organization="Ministry of Defence",
                   mentions=[_span(t, "Tomas Kral")]),
            Person(name="Ilse Verhoeven", titles=["Prime Minister"], country="NL",
                   mentions=[_span(t, "Ilse Verhoeven")]),
        ],
        organizations=[Organization(name="Moneda Palace staff", mentions=[])],
        countries=[Country(code="CL", name="Chile", mentions=[_span(t, "Chile")]),
                   Country(code="CZ", name="Czechia", mentions=[_span(t, "Czechia")]),
                   Country(code="NL", name="Netherlands", mentions=[_span(t, "Netherlands")])],
        events=[Event(name="Andes Security Forum", mentions=[_span(t, "Andes Security Forum")])],
        venues=[Venue(name="Moneda Palace", city="Santiago", country="CL", mentions=[_span(t, "Moneda Palace")])],
        dates=[DateMention(text="12 March 2024", date="2024-03-12", start=t.index("12 March 2024"),
                           end=t.index("12 March 2024") + 13)],
        meetings=[
            Meeting(participants=["Ana Valdivia", "Tomas Kral"], parties=["CL", "CZ"], date="2024-03-12",
                    city="Santiago", country="CL", venue="Moneda Palace", event="Andes Security Forum",
                    evidence=[_sentence(t, "Foreign Minister Ana", "Forum.")]),
            Meeting(participants=["Ana Valdivia", "Ilse Verhoeven"], hosts=["Ana Valdivia"], guests=["Ilse Verhoeven"],
                    parties=["CL", "NL"], mode="video", date="2024-03-12",
                    evidence=[_sentence(t, "Later", "video call.")]),
        ])


def odhiambo_record() -> DocumentRecord:
    t = ODHIAMBO
    return DocumentRecord(
        id="odhiambo-talks", sha256="b" * 64, published="2025-06-03",
        people=[Person(name="Grace Odhiambo", titles=["Cabinet Secretary"], country="KE",
                       mentions=[_span(t, "Grace Odhiambo")]),
                Person(name="Ana Valdivia", titles=["Foreign Minister"], country="CL",
                       mentions=[_span(t, "Ana Valdivia")])],
        countries=[Country(code="KE", name="Kenya", mentions=[_span(t, "Kenya")]),
                   Country(code="CL", name="Chile", mentions=[_span(t, "Chile")])],
        meetings=[Meeting(participants=["Grace Odhiambo", "Ana Valdivia"], hosts=["Grace Odhiambo"],
                          guests=["Ana Valdivia"], parties=["KE", "CL"], date="2025-06-03", city="Nairobi",
                          country="KE", evidence=[_sentence(t, "Cabinet", "security.")])])


def saved_store(path, with_files_in=None):
    """A store holding both records; with ``with_files_in`` (a folder), their texts are written there as files
    and the records point at them (so document views can be made)."""
    from idefx import store
    from idefx.io import read_input

    conn = store.connect(path)
    for record, text in ((valdivia_record(), VALDIVIA), (odhiambo_record(), ODHIAMBO)):
        if with_files_in is not None:
            file = with_files_in / f"{record.id}.txt"
            file.write_text(text, encoding="utf-8")
            record = record.model_copy(update={"path": str(file), "sha256": read_input(file).sha256})
        store.save_record(conn, record)
    conn.close()
    return path

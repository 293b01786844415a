"""Suggestions across languages, honest reasons, and what a request says about who helps.

These run the engine without the database. Where meaning is part of the claim, the ads'
texts are embedded with the bundled model (meaning.py), as match_rank does."""

import re

import pytest

from tijdvoorelkaar.core.dutch import STOPWORDS as DUTCH_STOPWORDS
from tijdvoorelkaar.suggestions import engine, lexicon, meaning
from tijdvoorelkaar.suggestions.engine import AdDoc, Index, Neighbourhood, Person

QUOTED = re.compile(r"‘([^’]+)’")

NEIGHBOURHOODS = [
    Neighbourhood("lunetten", "Lunetten", "Zuid", 52.064, 5.140),
    Neighbourhood("hoograven", "Hoograven", "Zuid", 52.0745, 5.129),
    Neighbourhood("overvecht", "Overvecht", "Noord", 52.115, 5.110),
]

OFFERS = [
    ("computer", "Ik help met computers, laptops en tablets", "Heel geduldig, ik weet veel."),
    ("strijken", "Ik strijk uw was", "Heel graag, ik weet hoe het moet en het is zo weg."),
    ("hond", "Ik laat uw hond uit", "Elke ochtend een flink rondje in het park."),
    ("kat", "Poezenoppas in de buurt", "Ik voer uw katten als u weg bent."),
    ("oppas", "Oppassen op uw kinderen", "Ik pas op kinderen van alle leeftijden."),
    ("foto", "Ik leer u fotograferen", "Met uw eigen camera, buiten in de wijk."),
    ("taal", "Samen Nederlands oefenen", "Praten over van alles, op uw tempo."),
    ("roti", "Ik leer u roti maken", "In mijn keuken, samen eten hoort erbij."),
    ("tuin", "Hulp in de moestuin", "Zaaien, wieden en oogsten op het volkstuincomplex."),
    ("fiets", "Ik plak uw fietsband", "Ook remmen afstellen en een nieuwe ketting."),
    ("formulier", "Hulp bij formulieren", "Toeslagen, belasting en brieven van de gemeente."),
    ("boodschap", "Boodschappen voor u doen", "Ik ga toch al naar de supermarkt."),
    ("klus", "Klusjes in huis", "Een lamp ophangen of een kast in elkaar zetten."),
    ("vervoer", "Ik rij u naar het ziekenhuis", "Ook wachten en weer terugbrengen."),
    ("koffie", "Koffie en een praatje", "Gewoon gezellig samen aan tafel."),
    ("naaien", "Kleding verstellen", "Een broek inkorten of een rits vervangen."),
    ("huiswerk", "Bijles rekenen", "Voor kinderen van groep 6 tot en met 8."),
    ("verhuis", "Sjouwen bij een verhuizing", "Ik ben sterk en heb een bus."),
    ("schilder", "Ik verf uw kozijnen", "Binnen en buiten, netjes afgeplakt."),
    ("muziek", "Gitaarles voor beginners", "Akkoorden en eenvoudige liedjes."),
    ("schoon", "Ramen lappen", "Binnen en buiten, ook op de eerste verdieping."),
]


def _index(requests, *, with_meaning=False, owners=None, availability=None):
    owners = owners or {}
    people = [Person("q", "hoograven")]
    ads = []
    for key, title, description in OFFERS:
        owner = owners.get(key, f"p-{key}")
        people.append(Person(owner, "overvecht"))
        ads.append(
            AdDoc(
                key,
                owner,
                engine.OFFER,
                "Overig",
                title,
                description,
                availability=(availability or {}).get(key, ()),
            )
        )
    for rid, title, description in requests:
        ads.append(AdDoc(rid, "q", engine.REQUEST, "Overig", title, description))
    vectors = None
    if with_meaning:
        vectors = dict(
            zip([a.id for a in ads], meaning.embed([engine.ad_text(a) for a in ads]), strict=True)
        )
    return Index(NEIGHBOURHOODS, people, ads, strengths=False, vectors=vectors)


def _reasons(index, request_id, k=9):
    query = index.query_for_ad(request_id)
    return {s.doc_id: [str(r) for r in s.reasons] for s in index.rank(query, k)}


def test_no_reason_quotes_a_stop_word_or_a_short_word():
    index = _index(
        [
            ("v1", "Mijn laptop doet heel raar", "Ik weet niet wat ik moet doen, hij loopt vast."),
            ("v2", "Wie loopt met mij mee naar de bingo?", "Het is niet ver weg."),
            (
                "v3",
                "Een groentebak op mijn balkon",
                "Voor mij en de kinderen, ik weet er weinig van.",
            ),
        ]
    )
    quoted = []
    for request in ("v1", "v2", "v3"):
        for reasons in _reasons(index, request).values():
            for reason in reasons:
                quoted.extend(QUOTED.findall(reason) if "noemt ook" in reason else [])
    assert quoted  # the reasons do quote words: the check below is not empty
    for word in quoted:
        folded = lexicon.words(word)[0]
        assert len(word) >= 4, word
        assert folded not in lexicon.STOPWORDS and folded not in DUTCH_STOPWORDS, word
    assert not {"heel", "weet", "loopt", "weg"} & set(quoted)


def test_filler_words_do_not_rank_an_unrelated_offer_second():
    index = _index([("v1", "Mijn laptop doet heel raar", "Ik weet niet wat ik moet doen.")])
    ranked = engine.rank_ads(index, "v1", 3)
    assert ranked[0] == "computer"
    assert "strijken" not in ranked


def test_a_concept_is_named_only_when_the_ads_own_words_say_it():
    index = _index([("v1", "Wie helpt mij met mijn computer en foto's?", "")])
    reasons = _reasons(index, "v1")
    assert any("biedt computerhulp" in r for r in reasons["computer"])
    for key in ("foto", "taal", "roti"):
        assert not any("computerhulp" in r for r in reasons.get(key, [])), (key, reasons[key])


def test_a_negated_need_is_not_asked_for():
    index = _index([("v1", "Hulp in de tuin, geen kinderen aanwezig", "")])
    assert engine.rank_ads(index, "v1", 1) == ["tuin"]
    assert "oppas" not in engine.rank_ads(index, "v1", 3)


@pytest.mark.parametrize(
    "title",
    [
        "Looking for someone to walk my dog",
        "Köpeğimi gezdirecek birini arıyorum",
        "Szukam kogoś, kto wyprowadzi mojego psa",
        "Шукаю когось, хто вигуляє мого собаку",
        "أبحث عن شخص يمشي كلبي",
        "Ana ados 3ala had yemshi kalbi",
    ],
)
def test_help_words_of_six_languages_find_the_dutch_dog_walker_by_words_alone(title):
    index = _index([("v1", title, "")])
    assert engine.rank_ads(index, "v1", 1) == ["hond"], title


def test_the_english_dog_request_finds_the_dutch_dog_walker_by_meaning_alone():
    index = _index([("v1", "Looking for someone to walk my dog", "")], with_meaning=True)
    query = index.query_for_ad("v1")
    query.terms, query.category = {}, ""  # meaning only
    ranked = [s.doc_id for s in index.rank(query, 3)]
    assert ranked[0] == "hond"


def test_a_match_that_rests_on_meaning_says_so():
    index = _index(
        [("v1", "Mijn viervoeter moet elke dag naar buiten", "Ik kan zelf slecht lopen.")],
        with_meaning=True,
    )
    query = index.query_for_ad("v1")
    query.terms, query.category = {}, ""
    top = index.rank(query, 1)[0]
    assert top.doc_id == "hond"
    assert any(r.startswith("gaat over hetzelfde: ‘Ik laat uw hond uit’") for r in top.reasons)


def test_a_request_that_names_a_buurt_puts_helpers_from_there_first():
    people_ads = [
        ("h1", "overvecht", "Ik laat uw hond uit"),
        ("h2", "lunetten", "Ik laat uw hond uit"),
        ("h3", "hoograven", "Ik laat uw hond uit"),
    ]
    people = [Person("q", "hoograven")] + [Person(p, nb) for p, nb, _t in people_ads]
    ads = [AdDoc(f"a-{p}", p, engine.OFFER, "Dieren", t, "") for p, _nb, t in people_ads]
    ads.append(
        AdDoc(
            "v1",
            "q",
            engine.REQUEST,
            "Dieren",
            "Hondenuitlaat gezocht",
            "Liefst iemand uit Lunetten.",
        )
    )
    ads.append(
        AdDoc("v2", "q", engine.REQUEST, "Dieren", "Hondenuitlaat gezocht", "Iemand uit de buurt.")
    )
    index = Index(NEIGHBOURHOODS, people, ads, strengths=False)
    top = index.rank(index.query_for_ad("v1"), 3)
    assert top[0].doc_id == "a-h2"
    assert any("gevraagde buurt (Lunetten)" in r for r in top[0].reasons)
    assert engine.rank_ads(index, "v2", 1) == ["a-h3"]  # the asker's own buurt


def test_not_in_the_weekend_leaves_weekend_only_helpers_behind():
    index = _index(
        [("v1", "Wie wil mijn hond uitlaten?", "Niet in het weekend, dan is mijn zoon er.")],
        availability={"hond": ("za-ochtend", "zo-ochtend"), "kat": ("di-ochtend",)},
    )
    ranked = index.rank(index.query_for_ad("v1"), 3)
    dog = next(s for s in ranked if s.doc_id == "hond")
    assert "kan alleen in het weekend" in dog.notes


def test_a_request_that_asks_for_a_language_puts_its_speakers_first():
    people = [
        Person("q", "hoograven"),
        Person("h1", "hoograven", languages=("Nederlands",)),
        Person("h2", "overvecht", languages=("Nederlands", "Turks")),
    ]
    ads = [
        AdDoc("a1", "h1", engine.OFFER, "Administratie", "Hulp bij formulieren", ""),
        AdDoc("a2", "h2", engine.OFFER, "Administratie", "Hulp bij formulieren", ""),
        AdDoc(
            "v1",
            "q",
            engine.REQUEST,
            "Administratie",
            "Brieven van de gemeente",
            "Mijn vader spreekt alleen Turks.",
        ),
    ]
    index = Index(NEIGHBOURHOODS, people, ads, strengths=False)
    top = index.rank(index.query_for_ad("v1"), 2)
    assert top[0].doc_id == "a2"  # though a1 lives in the asker's own buurt
    assert "spreekt Turks, zoals gevraagd" in top[0].reasons

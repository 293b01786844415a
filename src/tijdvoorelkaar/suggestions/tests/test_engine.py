"""The engine on its own: plain objects in, ranked suggestions with reasons out."""

from tijdvoorelkaar.suggestions import lexicon
from tijdvoorelkaar.suggestions.engine import AdDoc, Index, Neighbourhood, Person

NBS = [
    Neighbourhood("lunetten", "Lunetten", "Zuid", 52.0640, 5.1400),
    Neighbourhood("hoograven", "Hoograven", "Zuid", 52.0745, 5.1290),
    Neighbourhood("overvecht", "Overvecht", "Noord", 52.1150, 5.1100),
]


def offer(id, owner, title, category="Overig", description=""):
    return AdDoc(id, owner, "aanbod", category, title, description)


def request(id, owner, title, category="Overig", description=""):
    return AdDoc(id, owner, "vraag", category, title, description)


def ranked(index, ad_id, **options):
    return [s.doc_id for s in index.rank(index.query_for_ad(ad_id), 10, **options)]


def people(*ids, **extra):
    return [Person(i, **extra.get(i, {})) for i in ids]


def test_synonyms_bring_laptop_and_computer_together():
    index = Index(
        NBS,
        people("vrager", "a", "b"),
        [
            request("v", "vrager", "Mijn laptop doet raar, wie kan helpen?"),
            offer("computer", "a", "Ik help met computers en tablets", "Computer en digitaal"),
            offer("hond", "b", "Ik laat uw hond uit", "Dieren"),
        ],
    )
    result = index.rank(index.query_for_ad("v"), 10)
    assert result[0].doc_id == "computer"
    assert "biedt computerhulp" in result[0].reasons
    assert "hond" not in [s.doc_id for s in result]  # nothing in common: not suggested


def test_synonym_viervoeter_finds_the_dog_walker_not_the_cat_sitter():
    index = Index(
        NBS,
        people("vrager", "a", "b"),
        [
            request("v", "vrager", "Wie laat mijn viervoeter uit?"),
            offer("kat", "a", "Ik voer uw katten", "Dieren"),
            offer("hond", "b", "Honden uitlaten in het park", "Dieren"),
        ],
    )
    assert ranked(index, "v")[0] == "hond"


def test_compound_and_typo():
    assert {"c:boodschappen"} <= set(lexicon.analyse("boodschappenhulp"))
    assert lexicon.split_compound("boodschappenhulp") == ("boodschappen", "hulp")
    assert "c:computer" in lexicon.analyse("computerles")
    assert lexicon.correct("lapotp") == "laptop"
    assert lexicon.correct("route") is None  # short words are not "corrected"
    index = Index(
        NBS,
        people("vrager", "a", "b"),
        [
            request("v", "vrager", "Hulp met mijn lapotp"),
            offer("tuin", "a", "Ik maai uw gras", "Tuin"),
            offer("pc", "b", "Uitleg over de pc", "Computer en digitaal"),
        ],
    )
    assert ranked(index, "v") == ["pc"]


def test_category_is_soft_a_better_text_match_in_another_category_wins():
    index = Index(
        NBS,
        people("vrager", "a", "b"),
        [
            request("v", "vrager", "Formulieren van de gemeente invullen", "Klussen"),
            offer("klus", "a", "Kleine klussen in huis", "Klussen"),
            offer("admin", "b", "Hulp bij brieven en administratie", "Administratie"),
        ],
    )
    result = index.rank(index.query_for_ad("v"), 10)
    assert [s.doc_id for s in result] == ["admin", "klus"]
    assert "zelfde categorie" in result[1].reasons


def test_nearby_neighbourhood_availability_language_and_interest_break_ties():
    near = {
        "vrager": {
            "neighbourhood": "lunetten",
            "languages": ("Turks", "Nederlands"),
            "availability": ("wo-middag",),
            "interests": ("wandelen",),
        },
        "dichtbij": {
            "neighbourhood": "hoograven",
            "languages": ("tr",),
            "availability": ("wo-hele-dag",),
            "interests": ("Wandelen",),
        },
        "ver": {"neighbourhood": "overvecht", "languages": ("Nederlands",)},
    }
    index = Index(
        NBS,
        people("vrager", "dichtbij", "ver", **near),
        [
            request("v", "vrager", "Boodschappen doen"),
            offer("ver", "ver", "Ik doe boodschappen"),
            offer("dichtbij", "dichtbij", "Ik doe boodschappen"),
        ],
    )
    first, second = index.rank(index.query_for_ad("v"), 10)
    assert first.doc_id == "dichtbij" and second.doc_id == "ver"
    assert "buurt dichtbij (1,4 km)" in first.reasons
    assert "kan op woensdagmiddag" in first.reasons
    assert "spreekt Turks" in first.reasons
    assert "interesse: wandelen" in first.reasons
    assert not any(r.startswith("buurt") for r in second.reasons)


def test_same_neighbourhood_reason():
    index = Index(
        NBS,
        people(
            "vrager",
            "a",
            **{"vrager": {"neighbourhood": "lunetten"}, "a": {"neighbourhood": "lunetten"}},
        ),
        [request("v", "vrager", "Tuin bijhouden"), offer("o", "a", "Tuinieren")],
    )
    assert "zelfde buurt" in index.rank(index.query_for_ad("v"), 10)[0].reasons


def _constraint_index(**extra):
    return Index(
        NBS,
        people("vrager", "a", "b", "c", **extra),
        [
            request("v", "vrager", "Hulp met de computer"),
            offer("eigen", "vrager", "Ik help met computers"),
            offer("a", "a", "Ik help met computers"),
            offer("b", "b", "Ik help met computers"),
            offer("c", "c", "Ik help met computers"),
        ],
    )


def test_never_the_same_person_and_never_a_bad_pair():
    index = _constraint_index()
    assert "eigen" not in ranked(index, "v")
    assert ranked(index, "v", bad_pairs=[frozenset({"a", "vrager"})]) == ["b", "c"]


def test_paused_people_left_out_and_dismissed_stay_away():
    index = _constraint_index(b={"paused": True})
    assert ranked(index, "v") == ["a", "c"]
    assert ranked(index, "v", exclude_people={"a"}) == ["c"]


def test_busy_helpers_rank_lower_with_a_note():
    index = _constraint_index(a={"running_matches": 3})
    result = index.rank(index.query_for_ad("v"), 10, max_running=3)
    assert [s.doc_id for s in result] == ["b", "c", "a"]
    assert result[-1].notes == ["heeft al 3 lopende koppelingen"]
    # With a higher area setting, three running matches are fine.
    assert ranked(index, "v", max_running=4) == ["a", "b", "c"]


def test_offer_ranks_requests_and_strengths_count_as_helpers():
    index = Index(
        NBS,
        [
            Person("vrager"),
            Person("helper", strengths="Ik ben handig met computers en tablets"),
            Person("aanbieder"),
        ],
        [
            request("v", "vrager", "Wie helpt met mijn tablet?"),
            offer("o", "aanbieder", "Digitale hulp aan huis"),
        ],
    )
    result = index.rank(index.query_for_ad("v"), 10)
    assert {s.doc_id for s in result} == {"o", "deelnemer:helper"}
    strengths = next(s for s in result if s.kind == "kennismaking")
    assert "uit de kennismaking" in strengths.reasons
    assert ranked(index, "o") == ["v"]
    query = index.query_for_person(index.people["helper"])
    assert [s.doc_id for s in index.rank(query, 10)] == ["v"]


def test_slots_and_languages():
    assert lexicon.slots(["ma-hele-dag", "wo-middag", "xx", None]) == {
        "ma-ochtend",
        "ma-middag",
        "ma-avond",
        "wo-middag",
    }
    assert lexicon.language_name("tr") == "Turks"
    assert lexicon.slot_label("wo-middag") == "woensdagmiddag"

"""Write bench/data/suggestions_labelled.json: our own labelled Dutch set for suggestions.

    python bench/make_suggestion_set.py

The file is in the `match_rank` input format plus "labels" ({query ad id: [relevant offer
ids]}) and "notes" ({query ad id: what the query tests}). All text is written here by
hand. Offers are grouped by topic; a request is labelled with every offer of its topic.
Near-miss distractors sit in neighbouring topics on purpose (cat care next to dog walking,
a bicycle repairer next to odd jobs, a walking companion next to a dog walker, writing
Dutch letters next to filling in forms). Requests use paraphrases, typos, compounds and
wrong categories, so plain keyword overlap often misses. The same seed gives the same file.
"""

import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "suggestions_labelled.json"

NEIGHBOURHOODS = [
    ("lunetten", "Lunetten", "Zuid", 52.0640, 5.1400),
    ("hoograven", "Hoograven", "Zuid", 52.0745, 5.1290),
    ("tolsteeg", "Tolsteeg", "Zuid", 52.0790, 5.1245),
    ("rotsoord", "Rotsoord", "Zuid", 52.0805, 5.1270),
    ("kanaleneiland", "Kanaleneiland", "Zuidwest", 52.0700, 5.0950),
    ("transwijk", "Transwijk", "Zuidwest", 52.0760, 5.1000),
    ("overvecht", "Overvecht", "Overvecht", 52.1150, 5.1100),
    ("zuilen", "Zuilen", "Noordwest", 52.1080, 5.0900),
]

# topic -> (category of its offers, [(offer title, offer description)])
OFFERS = {
    "computer": (
        "Computer en digitaal",
        [
            ("Ik help met computers en laptops", "Installeren, updates, virussen: ik kijk mee."),
            ("Uitleg over tablet en smartphone", "Geduldig, voor wie het lastig vindt."),
            ("Digitale hulp aan huis", "E-mail, internet en WhatsApp instellen."),
        ],
    ),
    "administratie": (
        "Administratie en formulieren",
        [
            ("Hulp bij formulieren en brieven", "Ik lees mee en vul samen met u in."),
            ("Belastingaangifte samen doen", "Ook toeslagen aanvragen."),
            ("Papierwerk op orde", "Ik help uw administratie ordenen in mappen."),
        ],
    ),
    "hond": (
        "Dieren",
        [
            ("Ik laat uw hond uit", "Elke ochtend een flink rondje in het park."),
            ("Hondenoppas tijdens uw vakantie", "Ik heb zelf ook een labrador."),
        ],
    ),
    "kat": (
        "Dieren",
        [
            ("Ik voer uw katten", "Ook de kattenbak verschonen als u weg bent."),
            ("Poezenoppas in de buurt", "Ik kom langs om te voeren en te aaien."),
        ],
    ),
    "boodschappen": (
        "Boodschappen",
        [
            ("Ik doe graag een boodschap voor u", "Ik ga toch naar de supermarkt."),
            ("Boodschappen bezorgen", "Tassen sjouw ik tot aan uw deur."),
        ],
    ),
    "tuin": (
        "Tuin",
        [
            ("Tuinieren is mijn hobby", "Snoeien, wieden en gras maaien."),
            ("Ik maai uw gazon", "Eigen grasmaaier aanwezig."),
            ("Hulp in de moestuin", "Samen planten en oogsten."),
        ],
    ),
    "klussen": (
        "Klussen",
        [
            ("Handige buurman voor kleine klussen", "Lamp ophangen, kastje monteren."),
            ("Klusjesman met eigen gereedschap", "Boren, schroeven en kleine reparaties."),
        ],
    ),
    "fiets": (
        "Klussen",
        [
            ("Ik repareer uw fiets", "Banden plakken, remmen en ketting."),
        ],
    ),
    "vervoer": (
        "Vervoer en begeleiding",
        [
            ("Ik rijd u naar het ziekenhuis", "Ik heb een auto en wacht op u."),
            ("Begeleiding naar afspraken", "Ik ga mee naar de dokter of het gemeentehuis."),
        ],
    ),
    "gezelschap": (
        "Gezelschap en samen iets doen",
        [
            ("Samen wandelen en een praatje", "Een ommetje door de wijk, elke week."),
            ("Koffie drinken en kletsen", "Ik kom graag op bezoek."),
            ("Spelletjes spelen", "Kaarten, sjoelen of schaken."),
        ],
    ),
    "taal": (
        "Taal",
        [
            ("Taalmaatje voor nieuwe buren", "Samen Nederlands spreken en oefenen."),
            ("Ik help met lezen en schrijven", "Rustig en zonder haast."),
        ],
    ),
    "huiswerk": (
        "Huiswerk",
        [
            ("Bijles rekenen en wiskunde", "Voor groep 7 tot de derde klas."),
            ("Huiswerkbegeleiding voor scholieren", "Plannen en leren leren."),
        ],
    ),
    "oppas": (
        "Kinderen en oppas",
        [
            ("Oppas voor uw kinderen", "Ervaren moeder van drie, ook 's avonds."),
        ],
    ),
    "koken": (
        "Huishouden",
        [
            ("Ik kook een extra portie", "Een warme maaltijd voor wie niet zelf kan koken."),
        ],
    ),
    "naaien": (
        "Creatief",
        [
            ("Kleding verstellen en herstellen", "Ik heb een naaimachine."),
        ],
    ),
    "verhuizen": (
        "Overig",
        [
            ("Sterke handen bij een verhuizing", "Dozen sjouwen en meubels tillen."),
        ],
    ),
    "huishouden": (
        "Huishouden",
        [
            ("Hulp bij het schoonmaken", "Stofzuigen, ramen lappen en opruimen."),
        ],
    ),
}

# Offers nobody in the set asks for, that share words with the requests (near misses).
DISTRACTORS = [
    ("Creatief", "Pianoles voor beginners", "Een les per week bij mij thuis."),
    ("Creatief", "Schilderles aquarel", "Samen schilderen in het buurthuis."),
    ("Creatief", "Ik brei sjaals voor de voedselbank", "Wie breit mee?"),
    ("Creatief", "Gitaarles voor jongeren", "Ook akkoorden en liedjes leren."),
    ("Overig", "Fietstochten door de polder", "Elke zondag een mooie route, samen fietsen."),
    ("Overig", "Ik maak uw auto schoon", "Wassen en stofzuigen van binnen."),
    ("Overig", "Yogales in het buurthuis", "Rustig bewegen voor ouderen."),
    ("Klussen", "Ik repareer klokken en horloges", "Oude uurwerken zijn mijn hobby."),
    ("Overig", "Kerstpakketten rondbrengen", "Voor de kerk, in december."),
    (
        "Gezelschap en samen iets doen",
        "Voorleesmiddag in de bibliotheek",
        "Voor peuters en kleuters.",
    ),
    ("Overig", "Ik fotografeer uw feest", "Verjaardag of jubileum."),
    ("Creatief", "Bloemschikken met seizoensbloemen", "Gezellige middag, bloemen meenemen."),
    ("Overig", "Hulp bij het kiezen van een telefoonabonnement", "Ik vergelijk prijzen."),
    ("Dieren", "Vogelhuisjes timmeren", "Voor in de tuin, met kinderen."),
    ("Overig", "Rondleiding door de wijk", "Geschiedenis van de buurt."),
    ("Overig", "Ik verkoop zelfgebakken taart", "Voor het goede doel."),
    ("Overig", "Schaakles voor de jeugd", "Op de schaakclub op vrijdag."),
    ("Huishouden", "Ik leen u mijn stoomreiniger", "Ophalen in Lunetten."),
    ("Overig", "Samen naar voetbal kijken", "Elke zaterdag in het café."),
    ("Taal", "Engelse conversatie voor gevorderden", "Voor wie op reis gaat."),
    ("Overig", "Ik ruil boeken", "Minibieb voor de deur."),
    (
        "Vervoer en begeleiding",
        "Fietsmaatje op de duofiets",
        "Een tochtje voor wie zelf niet kan fietsen.",
    ),
    ("Overig", "Muziek maken met buren", "Neem uw instrument mee."),
    ("Klussen", "Ik bouw een vogelkooi op maat", "Hout en gaas heb ik zelf."),
]

# (topic, request title, request description, category as the resident chose, what it tests)
REQUESTS = [
    ("computer", "Mijn laptop doet raar, wie kan helpen?", "", "Overig", "demo, wrong category"),
    ("computer", "Pc start niet meer op", "Het scherm blijft zwart.", "Klussen", "wrong category"),
    ("computer", "Hulp met mijn lapotp", "", "Computer en digitaal", "typo"),
    ("computer", "Wie legt mij de iPad uit?", "Gekregen van mijn dochter.", "Overig", "synonym"),
    (
        "computer",
        "Videobellen met de kleinkinderen",
        "Ik wil ze graag zien.",
        "Gezelschap en samen iets doen",
        "paraphrase, wrong category",
    ),
    ("computer", "Computerles gezocht", "Ik ben 82 en wil het leren.", "Taal", "compound"),
    ("computer", "Wifi werkt niet", "Sinds de nieuwe router geen internet.", "Klussen", "synonym"),
    (
        "computer",
        "Telefoon instellen",
        "Nieuwe smartphone, alles is anders.",
        "Computer en digitaal",
        "synonym",
    ),
    (
        "administratie",
        "Brief van de belastingdienst snap ik niet",
        "",
        "Taal",
        "paraphrase, near miss taal",
    ),
    (
        "administratie",
        "Hulp met toeslagen",
        "Huurtoeslag en zorgtoeslag aanvragen.",
        "Overig",
        "synonym",
    ),
    (
        "administratie",
        "Mijn papieren zijn een rommel",
        "Alles ligt op een stapel.",
        "Huishouden",
        "paraphrase, wrong category",
    ),
    (
        "administratie",
        "Formulierren invullen voor de gemeente",
        "",
        "Administratie en formulieren",
        "typo",
    ),
    (
        "administratie",
        "Wie helpt met de aangifte?",
        "Inkomstenbelasting dit jaar.",
        "Administratie en formulieren",
        "synonym",
    ),
    (
        "administratie",
        "Rekeningen en post uitzoeken",
        "Ik verlies het overzicht.",
        "Overig",
        "paraphrase",
    ),
    ("hond", "Wie laat mijn viervoeter uit?", "Ik ben slecht ter been.", "Overig", "synonym"),
    ("hond", "Hondenuitlaatservice gezocht", "", "Dieren", "compound"),
    (
        "hond",
        "Iemand voor Bobbie, mijn teckel",
        "Hij moet drie keer per dag naar buiten.",
        "Gezelschap en samen iets doen",
        "paraphrase, wrong category",
    ),
    ("hond", "Puppy moet naar buiten als ik werk", "", "Dieren", "synonym"),
    ("kat", "Wie voert mijn poes tijdens de vakantie?", "", "Dieren", "synonym, near miss hond"),
    (
        "kat",
        "Kattenbak verschonen",
        "Ik mag niet meer bukken na de operatie.",
        "Overig",
        "compound",
    ),
    (
        "kat",
        "Oppas voor mijn kater",
        "Twee weken in mei.",
        "Kinderen en oppas",
        "wrong category, near miss oppas",
    ),
    ("boodschappen", "Boodschappenhulp gezocht", "", "Overig", "compound"),
    (
        "boodschappen",
        "Wie gaat voor mij naar de Jumbo?",
        "Ik kan niet meer tillen.",
        "Vervoer en begeleiding",
        "paraphrase, wrong category",
    ),
    ("boodschappen", "Medicijnen ophalen bij de apotheek", "", "Boodschappen", "synonym"),
    (
        "boodschappen",
        "Zware tassen van de winkel",
        "Mijn rug wil niet meer.",
        "Boodschappen",
        "paraphrase",
    ),
    ("boodschappen", "Supermarkt lukt me niet meer", "", "Overig", "synonym"),
    ("tuin", "Mijn heg is veel te hoog", "", "Klussen", "paraphrase, wrong category"),
    ("tuin", "Gras maaien achter het huis", "", "Tuin", "overlap"),
    ("tuin", "Onkruid tussen de tegels", "Ik kan niet meer knielen.", "Overig", "synonym"),
    ("tuin", "Tuinonderhoud voor een oudere dame", "", "Tuin", "compound"),
    ("tuin", "Bloembollen planten in het voorjaar", "", "Creatief", "wrong category"),
    ("klussen", "Lamp ophangen in de gang", "", "Klussen", "overlap"),
    (
        "klussen",
        "Kast in elkaar zetten",
        "Pakket van de Ikea.",
        "Huishouden",
        "paraphrase, wrong category",
    ),
    ("klussen", "Lekkende kraan", "Het drupt de hele nacht.", "Overig", "synonym"),
    (
        "klussen",
        "Schilderij ophangen, ik heb geen boormachien",
        "",
        "Creatief",
        "typo, near miss creatief",
    ),
    ("fiets", "Lekke band", "Mijn fiets staat al weken stil.", "Klussen", "near miss klussen"),
    ("fiets", "Remmen van mijn fiets piepen", "", "Vervoer en begeleiding", "wrong category"),
    (
        "vervoer",
        "Vervoer naar de polikliniek",
        "Afspraak om 10 uur.",
        "Vervoer en begeleiding",
        "synonym",
    ),
    (
        "vervoer",
        "Wie gaat mee naar de huisarts?",
        "Ik vind het spannend alleen.",
        "Gezelschap en samen iets doen",
        "paraphrase, wrong category",
    ),
    ("vervoer", "Lift naar de tandarts", "", "Overig", "synonym"),
    ("vervoer", "Scootmobiel kapot, hoe kom ik bij de fysio?", "", "Klussen", "near miss klussen"),
    (
        "gezelschap",
        "Ik voel me eenzaam",
        "Af en toe een bezoekje zou fijn zijn.",
        "Overig",
        "paraphrase",
    ),
    (
        "gezelschap",
        "Wandelmaatje gezocht",
        "",
        "Gezelschap en samen iets doen",
        "compound, near miss hond",
    ),
    ("gezelschap", "Wie komt een kopje thee drinken?", "", "Huishouden", "synonym, wrong category"),
    ("gezelschap", "Iemand om mee te schaken", "", "Creatief", "synonym"),
    (
        "gezelschap",
        "Samen een ommetje maken",
        "Ik loop met een rollator.",
        "Vervoer en begeleiding",
        "near miss vervoer",
    ),
    ("taal", "Nederlands oefenen", "Ik kom uit Syrië en wil beter praten.", "Taal", "overlap"),
    ("taal", "Taalles gezocht voor mijn moeder", "", "Huiswerk", "compound, near miss huiswerk"),
    ("taal", "Ik wil beter leren schrijven", "Voor mijn werk.", "Overig", "paraphrase"),
    ("taal", "Inburgeringsexamen oefenen", "", "Taal", "synonym"),
    (
        "huiswerk",
        "Bijles voor mijn zoon",
        "Hij heeft moeite met sommen.",
        "Kinderen en oppas",
        "synonym, wrong category",
    ),
    ("huiswerk", "Rekenen groep 8", "Cito komt eraan.", "Taal", "wrong category"),
    ("huiswerk", "Hulp bij werkstuk voor school", "", "Huiswerk", "synonym"),
    ("oppas", "Wie past op de kids?", "Woensdagmiddag.", "Overig", "synonym"),
    ("oppas", "Opvang voor mijn peuter", "Twee ochtenden.", "Kinderen en oppas", "synonym"),
    (
        "koken",
        "Warm eten voor mijn vader",
        "Hij kan zelf niet meer koken.",
        "Boodschappen",
        "paraphrase, near miss boodschappen",
    ),
    ("koken", "Maaltijden voor na de operatie", "", "Overig", "overlap"),
    ("naaien", "Broek inkorten", "", "Huishouden", "synonym"),
    ("naaien", "Knoop aan mijn jas", "", "Overig", "synonym"),
    (
        "verhuizen",
        "Sjouwen bij mijn verhuizing",
        "Derde verdieping zonder lift.",
        "Vervoer en begeleiding",
        "overlap, wrong category, near miss vervoer",
    ),
    ("verhuizen", "Verhuisdozen naar beneden dragen", "", "Klussen", "compound"),
    ("huishouden", "Ramen lappen", "Ik kan niet meer op de trap.", "Overig", "synonym"),
    ("huishouden", "Stofzuigen en poetsen", "", "Huishouden", "synonym"),
    ("computer", "Hoe stuur ik een mailtje?", "", "Overig", "synonym"),
    ("administratie", "Digid aanvragen", "", "Computer en digitaal", "near miss computer"),
    ("hond", "Mijn hond moet uitgelaten worden", "", "Dieren", "overlap"),
    ("computer", "Mijn beeldscherm flikkert", "", "Overig", "hard: compound of words we know"),
    ("klussen", "Afvoer verstopt in de badkamer", "", "Klussen", "hard: words not in the lexicon"),
    (
        "boodschappen",
        "Wie neemt mij mee naar de markt?",
        "Voor groente en fruit.",
        "Vervoer en begeleiding",
        "hard: near miss vervoer",
    ),
    ("naaien", "Gordijnen moeten korter", "", "Klussen", "hard: near miss klussen"),
]

LANGUAGES = [["Nederlands"], ["Nederlands", "Turks"], ["Arabisch", "Nederlands"], ["Pools"]]
INTERESTS = ["wandelen", "koken", "lezen", "muziek", "tuinieren", "fietsen", "handwerken"]
DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]
PARTS = ["ochtend", "middag", "avond"]


def main() -> None:
    rnd = random.Random(7)
    codes = [n[0] for n in NEIGHBOURHOODS]
    participants = []
    ads = []
    labels: dict[str, list[str]] = {}
    notes: dict[str, str] = {}

    def person() -> str:
        pid = f"p{len(participants) + 1}"
        avail = sorted(
            {f"{rnd.choice(DAYS)}-{rnd.choice(PARTS)}" for _ in range(rnd.randint(1, 4))}
        )
        participants.append(
            {
                "id": pid,
                "neighbourhood": rnd.choice(codes),
                "languages": rnd.choice(LANGUAGES),
                "interests": rnd.sample(INTERESTS, rnd.randint(0, 2)),
                "availability": avail,
            }
        )
        return pid

    by_topic: dict[str, list[str]] = {}
    for topic, (category, offers) in OFFERS.items():
        for title, description in offers:
            oid = f"a{len(ads) + 1}"
            ads.append(
                {
                    "id": oid,
                    "owner": person(),
                    "kind": "aanbod",
                    "category": category,
                    "title": title,
                    "description": description,
                    "frequency": rnd.choice(["eenmalig", "af_en_toe", "wekelijks"]),
                }
            )
            by_topic.setdefault(topic, []).append(oid)
    for category, title, description in DISTRACTORS:
        ads.append(
            {
                "id": f"a{len(ads) + 1}",
                "owner": person(),
                "kind": "aanbod",
                "category": category,
                "title": title,
                "description": description,
                "frequency": "af_en_toe",
            }
        )
    queries = []
    for topic, title, description, category, note in REQUESTS:
        vid = f"v{len(queries) + 1}"
        ads.append(
            {
                "id": vid,
                "owner": person(),
                "kind": "vraag",
                "category": category,
                "title": title,
                "description": description,
                "frequency": "eenmalig",
            }
        )
        queries.append({"ad": vid})
        labels[vid] = by_topic[topic]
        notes[vid] = note
    data = {
        "about": "Eigen gelabelde set voor koppelsuggesties (bench/make_suggestion_set.py).",
        "neighbourhoods": [
            {"code": c, "name": n, "district": d, "lat": lat, "lon": lon}
            for c, n, d, lat, lon in NEIGHBOURHOODS
        ],
        "participants": participants,
        "ads": ads,
        "queries": queries,
        "labels": labels,
        "notes": notes,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    print(f"{OUT}: {len(queries)} vragen, {len(ads) - len(queries)} aanbiedingen")


if __name__ == "__main__":
    main()

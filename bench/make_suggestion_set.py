"""Write bench/data/suggestions_labelled.json: our own labelled set for suggestions.

    python bench/make_suggestion_set.py

The file is in the `match_rank` input format plus "labels" ({query ad id: [relevant offer
ids]}), "notes" ({query ad id: what the query tests}) and "languages" ({query ad id:
"nl"|"en"|"tr"|"ar"|"ar-latn"|"pl"|"uk"|"mixed"}). All text is written here by hand,
without looking at the engine's vocabulary.

The first 70 requests (v1-v70) are Dutch; their ids and texts never change. Offers are
grouped by topic and each of these requests is labelled with every offer of its topic
(new offers included; of the new company offers only walks join the walking requests and
only visits the visiting ones). Near-miss
distractors sit in neighbouring topics on purpose (cat care next to dog walking, a bicycle
repairer next to odd jobs, a walking companion next to a dog walker, writing Dutch letters
next to filling in forms). Requests use paraphrases, typos, compounds and wrong
categories, so plain keyword overlap often misses.

The requests after them are in English, Turkish, Arabic in Arabic script and in Latin
letters as typed on a phone ("ana ahtaj musa3ada"), Polish, Ukrainian, mixed (a Turkish
title over a Dutch line, Dutch with English words) and more Dutch. Offers were added in
those languages too, so the right answer is often in another language than the request;
their owners have a neighbourhood and the languages they speak. A request's label is its
topic, or a narrower set when its text asks for it: only walks or only visits for company,
only owners from the buurt it names or its own buurt ("iemand uit Lunetten", "from my
neighbourhood"), only owners who speak a language it names, or the topic without an offer
its text rules out (a big dog and "alleen kleine honden"; "niet in het weekend" and a
Saturday-only gardener). Other exclusions ("geen rokers") change nothing in the label;
their notes say so. Availability of owners is not used in labels. Dutch paraphrase
requests share no content word with their relevant Dutch offers.

Nothing is random except through two fixed seeds, so every run writes the same file.
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

# Offers added for the multilingual part, each with a key the labels below can name. The
# offers above are named "<topic>:<index>" ("gezelschap:0" is "Samen wandelen en een
# praatje"). A new offer joins its topic, so every request of that topic (also the first
# 70) is labelled with it; its text is written so that it fits every request of the topic.
# Except for company: the new walks and visits join only the first-70 requests that ask
# for a walk or a visit (FIRST_COMPANY), not the chess request.
# (key, topic, owner's neighbourhood, owner's languages, category, title, description)
NEW_OFFERS = [
    (
        "hond_pl",
        "hond",
        "kanaleneiland",
        ["Pools", "Nederlands"],
        "Dieren",
        "Wyprowadzę Twojego psa",
        "Codziennie po południu, duże i małe psy. Mówię trochę po niderlandzku.",
    ),
    (
        "hond_en",
        "hond",
        "tolsteeg",
        ["Engels"],
        "Dieren",
        "Dog walking by a student",
        "I miss my own dog back home. Flexible hours, happy to walk yours.",
    ),
    (
        "hond_tr",
        "hond",
        "overvecht",
        ["Turks", "Nederlands"],
        "Dieren",
        "Köpeğinizi gezdiririm",
        "Her gün parkta uzun bir yürüyüş. Köpekleri çok severim.",
    ),
    (
        "hond_uk",
        "hond",
        "lunetten",
        ["Oekraïens", "Engels"],
        "Dieren",
        "Вигуляю собак",
        "Дуже люблю собак, маю час вранці та ввечері.",
    ),
    (
        "hond_klein",
        "hond",
        "lunetten",
        ["Nederlands"],
        "Dieren",
        "Kleine honden uitlaten",
        "Alleen kleine honden, tot een kilo of tien. Grote honden kan ik niet houden.",
    ),
    (
        "kat_en",
        "kat",
        "rotsoord",
        ["Engels", "Nederlands"],
        "Dieren",
        "Cat sitter available",
        "I'll feed your cats and clean the litter box, when you're away or can't do it yourself.",
    ),
    (
        "kat_uk",
        "kat",
        "zuilen",
        ["Oekraïens", "Nederlands"],
        "Dieren",
        "Догляну вашого кота",
        "Погодую, приберу лоток і пограюся, поки вас немає вдома.",
    ),
    (
        "kat_tr",
        "kat",
        "kanaleneiland",
        ["Turks", "Nederlands"],
        "Dieren",
        "Kedinize bakarım",
        "Mama, su ve kum kabı temizliği. Tatildeyken de gelirim.",
    ),
    (
        "gez_pl",
        "gezelschap",
        "overvecht",
        ["Pools", "Nederlands"],
        "Gezelschap en samen iets doen",
        "Wspólne spacery",
        "Chętnie pójdę na spacer po okolicy z osobą starszą lub samotną. Spokojnym tempem.",
    ),
    (
        "gez_en",
        "gezelschap",
        "lunetten",
        ["Engels", "Nederlands"],
        "Gezelschap en samen iets doen",
        "Walking buddy",
        "A slow walk and a chat around the neighbourhood, rollators welcome.",
    ),
    (
        "gez_ar",
        "gezelschap",
        "kanaleneiland",
        ["Arabisch", "Nederlands"],
        "Gezelschap en samen iets doen",
        "زيارة ودردشة",
        "أزور كبار السن في الحي، نشرب الشاي ونتحدث قليلاً.",
    ),
    (
        "gez_tr",
        "gezelschap",
        "hoograven",
        ["Turks", "Nederlands"],
        "Gezelschap en samen iets doen",
        "Çay ve sohbet",
        "Yalnız hisseden komşulara uğrar, birlikte çay içeriz.",
    ),
    (
        "kok_ar",
        "koken",
        "kanaleneiland",
        ["Arabisch", "Nederlands"],
        "Huishouden",
        "أطبخ وجبات بيتية",
        "وجبة ساخنة مرتين في الأسبوع لمن لا يستطيع الطبخ، أكل عربي بيتي.",
    ),
    (
        "kok_tr",
        "koken",
        "overvecht",
        ["Turks", "Nederlands"],
        "Huishouden",
        "Ev yemeği getiririm",
        "Hasta ya da yaşlı komşulara sıcak yemek pişirip kapıya getiririm.",
    ),
    (
        "hw_en",
        "huiswerk",
        "tolsteeg",
        ["Engels", "Nederlands"],
        "Huiswerk",
        "Homework help in maths and English",
        "Second-year student at Utrecht University, I help pupils with homework and planning.",
    ),
    (
        "hw_pl",
        "huiswerk",
        "zuilen",
        ["Pools", "Nederlands"],
        "Huiswerk",
        "Korepetycje z matematyki",
        "Pomagam dzieciom i młodzieży w odrabianiu lekcji, szczególnie z matematyki.",
    ),
    (
        "hw_uk",
        "huiswerk",
        "overvecht",
        ["Oekraïens", "Engels"],
        "Huiswerk",
        "Допомога з домашнім завданням",
        "Я вчителька математики. Допоможу школярам з уроками.",
    ),
    (
        "taal_tr",
        "taal",
        "hoograven",
        ["Turks", "Nederlands"],
        "Taal",
        "Hollandaca öğrenmek isteyenlere",
        "Konuşma, okuma ve yazma pratiği; sabırla, çay eşliğinde.",
    ),
    (
        "taal_ar",
        "taal",
        "zuilen",
        ["Arabisch", "Nederlands"],
        "Taal",
        "تعلّم اللغة الهولندية",
        "أساعد القادمين الجدد في التحدث والقراءة والكتابة بالهولندية.",
    ),
    (
        "taal_en",
        "taal",
        "lunetten",
        ["Nederlands", "Engels"],
        "Taal",
        "Learn Dutch with a native speaker",
        "Speaking, reading and writing practice for newcomers. English only when we get stuck.",
    ),
    (
        "comp_en",
        "computer",
        "rotsoord",
        ["Engels", "Nederlands"],
        "Computer en digitaal",
        "Tech help for seniors",
        "Phones, tablets, laptops, email and video calls, explained step by step.",
    ),
    (
        "comp_ar",
        "computer",
        "kanaleneiland",
        ["Arabisch", "Nederlands"],
        "Computer en digitaal",
        "مساعدة في الكمبيوتر والهاتف",
        "أساعد في إعداد الكمبيوتر والهاتف والتابلت والإيميل والواتساب، وأشرح بصبر.",
    ),
    (
        "comp_pl",
        "computer",
        "zuilen",
        ["Pools", "Nederlands"],
        "Computer en digitaal",
        "Pomoc z komputerem i telefonem",
        "Naprawa, internet, e-mail, nauka obsługi tabletu i smartfona. Cierpliwie.",
    ),
    (
        "adm_tr",
        "administratie",
        "kanaleneiland",
        ["Turks", "Nederlands"],
        "Administratie en formulieren",
        "Resmi mektuplar ve formlar",
        "Belediye, vergi dairesi ve sigorta mektuplarını birlikte okur, formları doldurur, "
        "evrakları düzenleriz.",
    ),
    (
        "adm_arl",
        "administratie",
        "overvecht",
        ["Arabisch", "Nederlands"],
        "Administratie en formulieren",
        "Musa3ada fi el rasa2el wel forms",
        "Ana ba2ra holandi mni7, bsa3dak bi awra2 el gemeente wel belasting.",
    ),
    (
        "bood_uk",
        "boodschappen",
        "overvecht",
        ["Oekraïens", "Nederlands"],
        "Boodschappen",
        "Принесу продукти",
        "Куплю продукти або ліки в аптеці і принесу вам додому.",
    ),
    (
        "bood_arl",
        "boodschappen",
        "lunetten",
        ["Arabisch", "Nederlands"],
        "Boodschappen",
        "Mumken ajiblak el gharad",
        "Ana bru7 3al supermarket kol yom, w ba7mel el akyas la 3and babak.",
    ),
    (
        "bood_en",
        "boodschappen",
        "transwijk",
        ["Engels"],
        "Boodschappen",
        "Grocery runs",
        "I cycle to the supermarket twice a week and can pick up your shopping or prescriptions.",
    ),
    (
        "tuin_pl",
        "tuin",
        "hoograven",
        ["Pools", "Nederlands"],
        "Tuin",
        "Prace w ogrodzie",
        "Koszę trawę, przycinam żywopłot, pielę chwasty. Tylko w soboty.",
    ),
    (
        "tuin_tr",
        "tuin",
        "overvecht",
        ["Turks", "Nederlands"],
        "Tuin",
        "Bahçe işlerine yardım",
        "Çim biçer, çit budar, yabani otları temizlerim.",
    ),
    (
        "klus_pl",
        "klussen",
        "kanaleneiland",
        ["Pools", "Engels"],
        "Klussen",
        "Złota rączka",
        "Powieszę lampę, złożę szafę, naprawię kran. Mam własne narzędzia.",
    ),
    (
        "klus_ar",
        "klussen",
        "overvecht",
        ["Arabisch", "Nederlands"],
        "Klussen",
        "أعمال صيانة بسيطة في البيت",
        "تركيب المصابيح والرفوف وتصليح الحنفيات والمجاري، عندي عدّتي.",
    ),
    (
        "klus_uk",
        "klussen",
        "zuilen",
        ["Oekraïens", "Nederlands"],
        "Klussen",
        "Дрібний ремонт вдома",
        "Повішу полицю чи лампу, зберу меблі, поміняю змішувач.",
    ),
    (
        "fiets_tr",
        "fiets",
        "kanaleneiland",
        ["Turks", "Nederlands"],
        "Klussen",
        "Bisiklet tamiri",
        "Lastik yaması, fren ve zincir ayarı. Sadece parça parası.",
    ),
    (
        "fiets_en",
        "fiets",
        "rotsoord",
        ["Engels"],
        "Klussen",
        "Bike repairs",
        "Flat tyres, squeaky brakes, loose chains. Bring your bike to my shed.",
    ),
    (
        "fiets_uk",
        "fiets",
        "lunetten",
        ["Oekraïens", "Nederlands"],
        "Klussen",
        "Ремонт велосипедів",
        "Заклею камеру, налаштую гальма, сідло і ланцюг.",
    ),
    (
        "fietsles_pl",
        "fietsles",
        "transwijk",
        ["Pools", "Nederlands"],
        "Overig",
        "Nauka jazdy na rowerze dla dorosłych",
        "Uczę dorosłych jeździć na rowerze, spokojnie, na pustym parkingu.",
    ),
    (
        "verv_arl",
        "vervoer",
        "overvecht",
        ["Arabisch", "Nederlands"],
        "Vervoer en begeleiding",
        "Mumken awassalak 3al mustashfa aw el doktor",
        "3andi sayyara, w bestanak la7ad ma t5alles.",
    ),
    (
        "verv_pl",
        "vervoer",
        "transwijk",
        ["Pools", "Nederlands"],
        "Vervoer en begeleiding",
        "Podwiozę do lekarza",
        "Mam samochód, zawiozę do szpitala lub przychodni i poczekam.",
    ),
    (
        "oppas_uk",
        "oppas",
        "hoograven",
        ["Oekraïens", "Engels"],
        "Kinderen en oppas",
        "Няня для ваших дітей",
        "Маю педагогічну освіту, посиджу з дітьми вдень або ввечері.",
    ),
    (
        "oppas_en",
        "oppas",
        "tolsteeg",
        ["Engels", "Nederlands"],
        "Kinderen en oppas",
        "Babysitter available",
        "Former au pair, great with toddlers and school kids.",
    ),
    (
        "naai_tr",
        "naaien",
        "kanaleneiland",
        ["Turks", "Nederlands"],
        "Creatief",
        "Terzi işleri",
        "Paça ve perde kısaltma, fermuar ve düğme değiştirme. Evde dikiş makinem var.",
    ),
    (
        "naai_ar",
        "naaien",
        "overvecht",
        ["Arabisch", "Nederlands"],
        "Creatief",
        "خياطة وتعديل الملابس",
        "تقصير البناطيل والستائر وتركيب الأزرار.",
    ),
    (
        "verh_pl",
        "verhuizen",
        "overvecht",
        ["Pools", "Nederlands"],
        "Overig",
        "Pomogę przy przeprowadzce",
        "Noszę kartony i meble, także na wysokie piętra bez windy.",
    ),
    (
        "verh_uk",
        "verhuizen",
        "zuilen",
        ["Oekraïens"],
        "Overig",
        "Допоможу з переїздом",
        "Сильні руки: перенесу коробки та меблі.",
    ),
    (
        "hh_pl",
        "huishouden",
        "kanaleneiland",
        ["Pools", "Nederlands"],
        "Huishouden",
        "Sprzątanie mieszkania",
        "Odkurzanie, mycie okien i porządki. Dokładnie i solidnie.",
    ),
    (
        "hh_arl",
        "huishouden",
        "transwijk",
        ["Arabisch", "Nederlands"],
        "Huishouden",
        "Tanzeef el bait",
        "Bnaddef el bait wel shababeek, marra bel esbou3.",
    ),
]

# Which new company offers join which of the first 70 requests (by title).
FIRST_COMPANY = {
    "Ik voel me eenzaam": ["gez_ar", "gez_tr"],
    "Wandelmaatje gezocht": ["gez_pl", "gez_en"],
    "Wie komt een kopje thee drinken?": ["gez_ar", "gez_tr"],
    "Iemand om mee te schaken": [],
    "Samen een ommetje maken": ["gez_pl", "gez_en"],
}

# Availability only where the offer's text names days; other new owners get weekday slots.
NEW_AVAILABILITY = {"tuin_pl": ["za-middag", "za-ochtend"]}

# More near misses nobody in the set asks for, in several languages:
# (category, title, description, owner's neighbourhood, owner's languages)
NEW_DISTRACTORS = [
    (
        "Creatief",
        "Cooking class for kids",
        "Fun baking sessions on Saturdays at the community centre.",
        "rotsoord",
        ["Engels"],
    ),
    (
        "Creatief",
        "Bağlama dersi",
        "Saz çalmak isteyen gençlere haftada bir ders veririm.",
        "kanaleneiland",
        ["Turks", "Nederlands"],
    ),
    (
        "Creatief",
        "دروس رسم للأطفال",
        "ورشة رسم كل أربعاء في المركز الاجتماعي.",
        "overvecht",
        ["Arabisch", "Nederlands"],
    ),
    (
        "Taal",
        "Уроки англійської",
        "Розмовна англійська для дорослих, у бібліотеці.",
        "zuilen",
        ["Oekraïens", "Engels"],
    ),
    (
        "Creatief",
        "Dars tab5 suri",
        "Ta3alu nit3allam nutbu5 ma7shi w kibbeh sawa bel buurthuis.",
        "kanaleneiland",
        ["Arabisch", "Nederlands"],
    ),
    (
        "Dieren",
        "Puppycursus op het grasveld",
        "Ik leer u en uw hond de basiscommando's.",
        "lunetten",
        ["Nederlands"],
    ),
    ("Creatief", "Pet portraits", "I paint your dog or cat from a photo.", "tolsteeg", ["Engels"]),
    (
        "Huishouden",
        "Kamerplanten water geven",
        "Als u op vakantie bent kom ik gieten.",
        "hoograven",
        ["Nederlands"],
    ),
    (
        "Creatief",
        "Wspólne lepienie pierogów",
        "Warsztaty w domu sąsiedzkim, w czwartki.",
        "overvecht",
        ["Pools", "Nederlands"],
    ),
    (
        "Overig",
        "Running group on Tuesday evenings",
        "5 km at an easy pace, we start at station Lunetten.",
        "lunetten",
        ["Engels", "Nederlands"],
    ),
    (
        "Overig",
        "Ehliyet teori sınavına hazırlık",
        "Teori sınavı için birlikte çalışalım.",
        "overvecht",
        ["Turks", "Nederlands"],
    ),
    ("Dieren", "Strzyżenie psów", "Strzygę i kąpię psy u siebie w domu.", "transwijk", ["Pools"]),
    (
        "Klussen",
        "Реставрація старих меблів",
        "Відновлю вашу стару шафу чи стілець.",
        "hoograven",
        ["Oekraïens", "Nederlands"],
    ),
]

# Labels for the requests below: a topic name (every offer of the topic), or a dict:
#   {"topic": t, "without": [keys]}  the topic minus offers the request's text rules out
#   {"topic": t, "buurt": code}       the topic's offers whose owner lives in that buurt
#                                     ("own": the requester's own neighbourhood)
#   {"topic": t, "speaks": language}  the topic's offers whose owner speaks that language
#   {"only": [keys]}                  exactly these offers
WALK = {"only": ["gezelschap:0", "gez_pl", "gez_en"]}
VISIT = {"only": ["gezelschap:1", "gez_ar", "gez_tr"]}
NOT_SMALL_ONLY = {"topic": "hond", "without": ["hond_klein"]}
NOT_WEEKEND_GARDEN = {"topic": "tuin", "without": ["tuin_pl"]}

# Requester's languages per query language (mixed requests name theirs).
SPEAKS = {
    "nl": ["Nederlands"],
    "en": ["Engels"],
    "tr": ["Turks", "Nederlands"],
    "ar": ["Arabisch"],
    "ar-latn": ["Arabisch", "Nederlands"],
    "pl": ["Pools"],
    "uk": ["Oekraïens"],
}

# (language, label, request title, request description, category as chosen, what it tests,
#  requester's neighbourhood or None, requester's languages or None)
NEW_REQUESTS = [
    # English
    (
        "en",
        "hond",
        "Looking for someone to walk my dog",
        "Max is super friendly, I work long days.",
        "Dieren",
        "en",
        None,
        None,
    ),
    (
        "en",
        "computer",
        "Need help with my laptop",
        "It got really slow and keeps showing pop-ups.",
        "Overig",
        "en, wrong category",
        None,
        None,
    ),
    (
        "en",
        "kat",
        "Cat sitter needed for 10 days",
        "Two cats, they need food and a clean litter box.",
        "Dieren",
        "en, near miss hond",
        None,
        None,
    ),
    (
        "en",
        "administratie",
        "Can someone explain a letter from the municipality?",
        "My Dutch isn't good enough yet for official stuff.",
        "Taal",
        "en, near miss taal",
        None,
        None,
    ),
    (
        "en",
        "taal",
        "Practice Dutch with me?",
        "Expat here, everyone switches to English when I try. I want to learn it properly.",
        "Taal",
        "en, near miss English lessons",
        None,
        None,
    ),
    (
        "en",
        "vervoer",
        "Ride to the hospital on Tuesday",
        "Appointment at 9, I don't drive.",
        "Vervoer en begeleiding",
        "en",
        None,
        None,
    ),
    (
        "en",
        "fiets",
        "Flat tire on my bike",
        "Can't fix it myself, anyone handy?",
        "Klussen",
        "en, typo (tire/tyre), near miss klussen",
        None,
        None,
    ),
    (
        "en",
        "huiswerk",
        "Homework help for my daughter",
        "She's 11 and struggles with fractions.",
        "Kinderen en oppas",
        "en, wrong category, near miss oppas",
        None,
        None,
    ),
    (
        "en",
        "verhuizen",
        "Moving next week, need strong arms",
        "Some boxes and a sofa, 2nd floor, no elevator.",
        "Overig",
        "en",
        None,
        None,
    ),
    (
        "en",
        "tuin",
        "Someone to mow my lawn?",
        "Back garden, the grass is knee high.",
        "Tuin",
        "en",
        None,
        None,
    ),
    (
        "en",
        "gezelschap",
        "Would love some company",
        "I'm 78, my kids live abroad and the days are long.",
        "Overig",
        "en, paraphrase",
        None,
        None,
    ),
    (
        "en",
        WALK,
        "Walking buddy wanted (not a dog walker lol)",
        "Just someone to walk with in the park, I'm slow after my hip surgery.",
        "Gezelschap en samen iets doen",
        "en, walking offers only, near miss hond and visits",
        None,
        None,
    ),
    (
        "en",
        {"topic": "boodschappen", "buurt": "own"},
        "Grocery help from someone in my neighbourhood",
        "I live in Overvecht and just had surgery.",
        "Boodschappen",
        "en, own buurt: only the grocery offers from Overvecht",
        "overvecht",
        None,
    ),
    (
        "en",
        NOT_WEEKEND_GARDEN,
        "Gardener needed, weekdays only",
        "Hedge and lawn, I'm away every weekend.",
        "Tuin",
        "en, exclusion: the Saturday-only gardener is not relevant",
        None,
        None,
    ),
    # Turkish
    (
        "tr",
        "hond",
        "Köpeğimi gezdirecek birini arıyorum",
        "Dizimden ameliyat oldum, bir süre yürüyemiyorum.",
        "Dieren",
        "tr",
        None,
        None,
    ),
    (
        "tr",
        "computer",
        "Bilgisayarım açılmıyor",
        "Ekran siyah kalıyor, yardım lazım.",
        "Overig",
        "tr, wrong category",
        None,
        None,
    ),
    (
        "tr",
        "administratie",
        "Vergi dairesinden mektup geldi",
        "Ne yazdığını anlamadım, birlikte okuyabilir miyiz?",
        "Overig",
        "tr, paraphrase",
        None,
        None,
    ),
    (
        "tr",
        "tuin",
        "Bahçedeki otları temizleyecek biri",
        "Yaşlıyım, eğilemiyorum.",
        "Tuin",
        "tr",
        None,
        None,
    ),
    (
        "tr",
        "klussen",
        "Mutfak musluğu damlatıyor",
        "Tamir edebilecek bir komşu var mı?",
        "Klussen",
        "tr",
        None,
        None,
    ),
    (
        "tr",
        "vervoer",
        "Pazartesi hastaneye gitmem lazım",
        "Arabam yok, beni götürebilecek biri var mı?",
        "Vervoer en begeleiding",
        "tr",
        None,
        None,
    ),
    (
        "tr",
        "huiswerk",
        "Oğluma matematik yardımı",
        "Ortaokulda, kesirlerde çok zorlanıyor.",
        "Kinderen en oppas",
        "tr, wrong category",
        None,
        None,
    ),
    (
        "tr",
        "naaien",
        "Perdelerimi kısaltacak biri",
        "Dikiş makinem yok.",
        "Overig",
        "tr",
        None,
        None,
    ),
    (
        "tr",
        NOT_SMALL_ONLY,
        "Kangal köpeğimi gezdirecek güçlü biri",
        "45 kilo, tasmayı çok çekiyor.",
        "Dieren",
        "tr, exclusion: big dog, the small-dogs-only walker is not relevant",
        None,
        None,
    ),
    (
        "tr",
        VISIT,
        "Yalnızım, sohbet edecek biri",
        "Eşim vefat etti, bazen çay içmeye gelen biri olsa.",
        "Gezelschap en samen iets doen",
        "tr, visits only, near miss walks and games",
        None,
        None,
    ),
    (
        "tr",
        "kat",
        "Kedim için bakıcı",
        "İki hafta tatildeyim, mama ve kum kabı lazım.",
        "Dieren",
        "tr, near miss hond",
        None,
        None,
    ),
    (
        "tr",
        {"topic": "fiets", "buurt": "kanaleneiland"},
        "Kanaleneiland'dan bisiklet tamircisi",
        "Yakında biri olsun, bisikletimi uzağa taşıyamam.",
        "Klussen",
        "tr, buurt named: only bike repairers from Kanaleneiland",
        "kanaleneiland",
        None,
    ),
    # Arabic in Arabic script
    (
        "ar",
        "administratie",
        "أبحث عن شخص يساعدني في تعبئة استمارات البلدية",
        "لا أفهم الرسائل الرسمية بالهولندية.",
        "Overig",
        "ar",
        None,
        None,
    ),
    (
        "ar",
        "hond",
        "أحتاج شخصاً يمشّي كلبي",
        "أعمل حتى المساء والكلب وحده في البيت.",
        "Dieren",
        "ar",
        None,
        None,
    ),
    (
        "ar",
        "computer",
        "من يعلمني استخدام الهاتف الذكي؟",
        "أريد أن أتصل بأحفادي بالفيديو.",
        "Overig",
        "ar",
        None,
        None,
    ),
    (
        "ar",
        "taal",
        "أريد أن أتعلم اللغة الهولندية",
        "وصلت منذ سنة وأحتاج أن أتدرب على الكلام.",
        "Huiswerk",
        "ar, wrong category, near miss huiswerk",
        None,
        None,
    ),
    (
        "ar",
        "boodschappen",
        "مساعدة في حمل الأغراض من السوبرماركت",
        "ظهري يؤلمني ولا أستطيع حمل الأكياس.",
        "Boodschappen",
        "ar",
        None,
        None,
    ),
    (
        "ar",
        "vervoer",
        "أحتاج من يوصلني إلى طبيب الأسنان",
        "الموعد يوم الخميس وليس عندي سيارة.",
        "Vervoer en begeleiding",
        "ar",
        None,
        None,
    ),
    (
        "ar",
        "huiswerk",
        "مساعدة ابني في الواجبات المدرسية",
        "عمره عشر سنوات ويحتاج مساعدة في الحساب.",
        "Kinderen en oppas",
        "ar, wrong category",
        None,
        None,
    ),
    (
        "ar",
        "klussen",
        "من يركّب لي مصباحاً في المطبخ؟",
        "ليس عندي مثقاب.",
        "Klussen",
        "ar",
        None,
        None,
    ),
    (
        "ar",
        "koken",
        "أحتاج وجبات ساخنة بعد العملية",
        "لا أستطيع الطبخ لمدة أسبوعين.",
        "Overig",
        "ar, near miss cooking classes",
        None,
        None,
    ),
    (
        "ar",
        "huishouden",
        "تنظيف البيت",
        "أحتاج مساعدة في تنظيف النوافذ والكنس مرة في الأسبوع.",
        "Huishouden",
        "ar",
        None,
        None,
    ),
    (
        "ar",
        "fiets",
        "إصلاح دراجة ابنتي",
        "الفرامل لا تعمل جيداً والإطار مثقوب.",
        "Klussen",
        "ar, near miss klussen",
        None,
        None,
    ),
    # Arabic in Latin letters, as typed on a phone
    (
        "ar-latn",
        "computer",
        "ana ahtaj musa3ada fi el laptop",
        "sar ktir bati2 w fi virus, ma ba3ref shu a3mel",
        "Overig",
        "ar-latn",
        None,
        None,
    ),
    (
        "ar-latn",
        "hond",
        "fi 7ada yitla3 ma3 kalbi?",
        "ana ta3ban w ma ba2dar anzel kol yom",
        "Dieren",
        "ar-latn",
        None,
        None,
    ),
    (
        "ar-latn",
        "administratie",
        "ahtaj 7ada ysa3edni bel awra2",
        "ejetni risale men el belasting w ma fhemet shi",
        "Overig",
        "ar-latn with a Dutch loanword",
        None,
        None,
    ),
    (
        "ar-latn",
        "taal",
        "bade at3allam holandi",
        "ana jdide hon w bade 7ada y7ki ma3i holandi kol esbou3",
        "Taal",
        "ar-latn",
        None,
        None,
    ),
    (
        "ar-latn",
        "vervoer",
        "mumkin 7ada ywasselni 3al mustashfa?",
        "3andi maw3ed yom el arba3a el sob7 w ma 3andi sayyara",
        "Vervoer en begeleiding",
        "ar-latn",
        None,
        None,
    ),
    (
        "ar-latn",
        "huiswerk",
        "ibni b7aje musa3ada bel wajibat",
        "huwe bi groep 7 w el 7isab sa3b 3aleih",
        "Kinderen en oppas",
        "ar-latn, wrong category",
        None,
        None,
    ),
    (
        "ar-latn",
        "klussen",
        "el 7anafiyye 3am tnaqqet",
        "fi 7ada shater bel tasli7?",
        "Overig",
        "ar-latn, paraphrase",
        None,
        None,
    ),
    (
        "ar-latn",
        "koken",
        "bade 7ada ya3melli akl sokhen",
        "ba3d el 3amaliyye ma ba2dar otbo5",
        "Overig",
        "ar-latn",
        None,
        None,
    ),
    (
        "ar-latn",
        "boodschappen",
        "mumkin 7ada yeshtereli gharad men el supermarket?",
        "ejri maksoura w ma fini emshi",
        "Boodschappen",
        "ar-latn",
        None,
        None,
    ),
    (
        "ar-latn",
        VISIT,
        "ana wa7id w zah2an",
        "bade 7ada yzourni nishrab shai w ne7ki shway",
        "Overig",
        "ar-latn, paraphrase, visits only, near miss walks and games",
        None,
        None,
    ),
    (
        "ar-latn",
        "naaien",
        "ahtaj 7ada y2asserli el bantalon",
        "tawil ktir 3alayye",
        "Overig",
        "ar-latn",
        None,
        None,
    ),
    # Polish
    (
        "pl",
        "hond",
        "Szukam kogoś do wyprowadzania psa",
        "Pracuję na zmiany, pies jest sam w domu.",
        "Dieren",
        "pl",
        None,
        None,
    ),
    (
        "pl",
        "computer",
        "Pomoc z internetem",
        "Po zmianie routera nic nie działa.",
        "Klussen",
        "pl, wrong category",
        None,
        None,
    ),
    (
        "pl",
        "administratie",
        "Kto pomoże wypełnić formularze?",
        "Chodzi o dodatek mieszkaniowy (huurtoeslag).",
        "Overig",
        "pl",
        None,
        None,
    ),
    (
        "pl",
        "verhuizen",
        "Pomoc przy przeprowadzce",
        "Trzecie piętro bez windy, kartony i kilka szaf.",
        "Overig",
        "pl",
        None,
        None,
    ),
    (
        "pl",
        "tuin",
        "Skosić trawę w ogrodzie",
        "Trawa jest bardzo wysoka, nie mam kosiarki.",
        "Tuin",
        "pl",
        None,
        None,
    ),
    (
        "pl",
        "klussen",
        "Złożenie szafy z Ikei",
        "Nie mam narzędzi ani wiertarki.",
        "Huishouden",
        "pl, wrong category",
        None,
        None,
    ),
    (
        "pl",
        "kat",
        "Opieka nad kotem podczas urlopu",
        "Dwa tygodnie w sierpniu, karmienie i kuweta.",
        "Dieren",
        "pl, near miss hond",
        None,
        None,
    ),
    (
        "pl",
        "taal",
        "Chcę ćwiczyć niderlandzki",
        "Jestem tu od roku, rozumiem, ale boję się mówić.",
        "Taal",
        "pl",
        None,
        None,
    ),
    (
        "pl",
        "oppas",
        "Szukam opiekunki do dzieci",
        "W środy po południu, dwoje dzieci: 4 i 7 lat.",
        "Kinderen en oppas",
        "pl",
        None,
        None,
    ),
    (
        "pl",
        "fiets",
        "Naprawa roweru",
        "Złapałem gumę i hamulce piszczą.",
        "Vervoer en begeleiding",
        "pl, wrong category, near miss fietsles",
        None,
        None,
    ),
    (
        "pl",
        "huishouden",
        "Sprzątanie raz w tygodniu",
        "Jestem po operacji biodra, nie dam rady odkurzać.",
        "Overig",
        "pl",
        None,
        None,
    ),
    (
        "pl",
        {"topic": "huishouden", "buurt": "kanaleneiland"},
        "Sprzątanie, ktoś z Kanaleneiland?",
        "Najlepiej ktoś z mojej okolicy.",
        "Huishouden",
        "pl, buurt named: only cleaning offers from Kanaleneiland",
        "kanaleneiland",
        None,
    ),
    # Ukrainian
    (
        "uk",
        "hond",
        "Шукаю, хто вигуляє мого собаку",
        "Працюю до вечора, собака сам удома.",
        "Dieren",
        "uk",
        None,
        None,
    ),
    (
        "uk",
        "computer",
        "Допоможіть з ноутбуком",
        "Не можу налаштувати електронну пошту.",
        "Overig",
        "uk",
        None,
        None,
    ),
    (
        "uk",
        "administratie",
        "Лист від гемеенте, нічого не розумію",
        "Потрібна допомога з листами та формами.",
        "Overig",
        "uk, Dutch loanword",
        None,
        None,
    ),
    (
        "uk",
        "taal",
        "Хочу практикувати нідерландську",
        "Вчу мову на курсах, але бракує розмовної практики.",
        "Taal",
        "uk, near miss English lessons",
        None,
        None,
    ),
    (
        "uk",
        "huiswerk",
        "Допомога з домашнім завданням",
        "Донька в першому класі середньої школи, математика.",
        "Huiswerk",
        "uk",
        None,
        None,
    ),
    (
        "uk",
        "vervoer",
        "Потрібно доїхати до лікарні",
        "Прийом у понеділок, машини немає.",
        "Vervoer en begeleiding",
        "uk",
        None,
        None,
    ),
    (
        "uk",
        "kat",
        "Хто погодує кота?",
        "Їду на тиждень до Польщі.",
        "Dieren",
        "uk, near miss hond",
        None,
        None,
    ),
    (
        "uk",
        "verhuizen",
        "Допомога з переїздом",
        "Треба перенести меблі на четвертий поверх.",
        "Overig",
        "uk",
        None,
        None,
    ),
    (
        "uk",
        "naaien",
        "Вкоротити штани і пришити ґудзик",
        "Швейної машинки немає.",
        "Huishouden",
        "uk, wrong category",
        None,
        None,
    ),
    (
        "uk",
        "tuin",
        "Підстригти живопліт",
        "Живопліт дуже високий, сама не впораюся.",
        "Klussen",
        "uk, wrong category",
        None,
        None,
    ),
    (
        "uk",
        "boodschappen",
        "Продукти для літньої мами",
        "Мама не може носити важкі сумки.",
        "Overig",
        "uk, paraphrase",
        None,
        None,
    ),
    (
        "uk",
        NOT_SMALL_ONLY,
        "Хто вигуляє мою вівчарку?",
        "Вона велика, 35 кг, тягне повідець.",
        "Dieren",
        "uk, exclusion: big dog, the small-dogs-only walker is not relevant",
        None,
        None,
    ),
    # Mixed
    (
        "mixed",
        "hond",
        "Köpek gezdirme",
        "Ik zoek iemand die mijn hond uitlaat, ik werk tot 18 uur.",
        "Dieren",
        "mixed: Turkish title, Dutch description",
        None,
        ["Turks", "Nederlands"],
    ),
    (
        "mixed",
        "computer",
        "Hulp met mijn laptop pls",
        "Hij is super slow en ik krijg steeds pop-ups, any tips?",
        "Overig",
        "mixed: Dutch with English words",
        None,
        ["Nederlands", "Engels"],
    ),
    (
        "mixed",
        "administratie",
        "Formulier gemeente",
        "ana ma fhemt el risale, mumkin 7ada ysa3edni?",
        "Overig",
        "mixed: Dutch title, Arabic in Latin letters",
        None,
        ["Arabisch", "Nederlands"],
    ),
    (
        "mixed",
        "tuin",
        "Pomoc w ogrodzie",
        "Mijn heg is te hoog, ik kan dat niet meer zelf.",
        "Tuin",
        "mixed: Polish title, Dutch description",
        None,
        ["Pools", "Nederlands"],
    ),
    (
        "mixed",
        "oppas",
        "Babysitter gezocht",
        "Voor twee kids, 4 en 6, on Wednesday from 1 till 5.",
        "Kinderen en oppas",
        "mixed: Dutch with English",
        None,
        ["Nederlands", "Engels"],
    ),
    (
        "mixed",
        "fiets",
        "Bisiklet tamiri",
        "Mijn fiets heeft een lekke band, wie kan helpen?",
        "Klussen",
        "mixed: Turkish title, Dutch description, near miss klussen",
        None,
        ["Turks", "Nederlands"],
    ),
    (
        "mixed",
        "taal",
        "Нідерландська розмова",
        "Ik wil graag Nederlands oefenen met een buurvrouw.",
        "Taal",
        "mixed: Ukrainian title, Dutch description",
        None,
        ["Oekraïens", "Nederlands"],
    ),
    (
        "mixed",
        "boodschappen",
        "مساعدة في المشتريات",
        "Boodschappen doen voor mijn moeder, ze kan niet meer lopen.",
        "Boodschappen",
        "mixed: Arabic title, Dutch description",
        None,
        ["Arabisch", "Nederlands"],
    ),
    (
        "mixed",
        "vervoer",
        "Need a ride naar het ziekenhuis",
        "Afspraak op dinsdag, I don't have a car.",
        "Vervoer en begeleiding",
        "mixed: English and Dutch",
        None,
        ["Engels", "Nederlands"],
    ),
    (
        "mixed",
        "kat",
        "Kedim için oppas",
        "Twee weken op vakantie, wie voert mijn kat?",
        "Dieren",
        "mixed: Turkish title, Dutch description, near miss oppas",
        None,
        ["Turks", "Nederlands"],
    ),
    (
        "mixed",
        "klussen",
        "Klusjes in huis",
        "Szafka wisi krzywo i lampa w kuchni nie działa.",
        "Klussen",
        "mixed: Dutch title, Polish description",
        None,
        ["Pools", "Nederlands"],
    ),
    # Dutch: paraphrases sharing no content word with the Dutch relevant offers
    (
        "nl",
        "hond",
        "Wie gaat met mijn teckeltje naar buiten?",
        "Ik lig twee weken plat na een val.",
        "Overig",
        "paraphrase, no shared word",
        None,
        None,
    ),
    (
        "nl",
        "computer",
        "Mijn kleinzoon stuurt foto's via een app",
        "Ik krijg ze niet te zien op dat ding.",
        "Overig",
        "paraphrase, no shared word",
        None,
        None,
    ),
    (
        "nl",
        "administratie",
        "Blauwe envelop op de mat",
        "Ik durf hem niet open te maken.",
        "Overig",
        "paraphrase, no shared word",
        None,
        None,
    ),
    (
        "nl",
        "boodschappen",
        "Mijn koelkast is leeg",
        "Ik kom niet meer buiten sinds mijn heupoperatie.",
        "Overig",
        "paraphrase, no shared word",
        None,
        None,
    ),
    (
        "nl",
        "tuin",
        "Het is een oerwoud achter mijn huis",
        "Alles groeit over de schutting heen.",
        "Overig",
        "paraphrase, no shared word",
        None,
        None,
    ),
    (
        "nl",
        "gezelschap",
        "De dagen duren zo lang",
        "Sinds mijn vrouw overleed zie ik bijna niemand.",
        "Overig",
        "paraphrase, no shared word",
        None,
        None,
    ),
    (
        "nl",
        "vervoer",
        "Hoe kom ik bij het Antonius?",
        "Ik moet er donderdagochtend zijn, zelf autorijden lukt niet meer.",
        "Overig",
        "paraphrase, no shared word",
        None,
        None,
    ),
    (
        "nl",
        "klussen",
        "Er hangt een plank scheef",
        "Die moet er opnieuw aan, liefst snel.",
        "Overig",
        "paraphrase, no shared word",
        None,
        None,
    ),
    (
        "nl",
        "naaien",
        "Mijn rok is te wijd geworden",
        "Ik ben flink afgevallen.",
        "Overig",
        "paraphrase, no shared word",
        None,
        None,
    ),
    (
        "nl",
        "huiswerk",
        "Mijn dochter snapt breuken niet",
        "Ze zit in de brugklas en heeft volgende week een toets.",
        "Overig",
        "paraphrase, no shared word",
        None,
        None,
    ),
    (
        "nl",
        "koken",
        "Mijn moeder vergeet te eten",
        "Ze woont alleen, elke dag een bord warm eten zou helpen.",
        "Overig",
        "paraphrase, no shared word",
        None,
        None,
    ),
    (
        "nl",
        "verhuizen",
        "Ik ga naar een kleiner appartement",
        "Wie tilt de bank en de kasten mee naar beneden?",
        "Overig",
        "paraphrase, no shared word",
        None,
        None,
    ),
    # Dutch: someone from the buurt, or who speaks a language
    (
        "nl",
        {"topic": "hond", "buurt": "lunetten"},
        "Hondenuitlater uit Lunetten gezocht",
        "Het liefst iemand die om de hoek woont.",
        "Dieren",
        "buurt named: only dog walkers from Lunetten",
        "lunetten",
        None,
    ),
    (
        "nl",
        {"topic": "taal", "buurt": "zuilen"},
        "Taalmaatje uit Zuilen gezocht",
        "Dan kunnen we samen naar de bieb.",
        "Taal",
        "buurt named: only language offers from Zuilen",
        "zuilen",
        None,
    ),
    (
        "nl",
        {"topic": "computer", "buurt": "kanaleneiland"},
        "Computerhulp hier in de buurt",
        "Het liefst iemand uit mijn eigen wijk, ik woon in Kanaleneiland.",
        "Computer en digitaal",
        "buurt named: only computer help from Kanaleneiland",
        "kanaleneiland",
        None,
    ),
    (
        "nl",
        {"topic": "klussen", "buurt": "zuilen"},
        "Klusjesman uit Zuilen",
        "Voor een paar kleine dingen in huis.",
        "Klussen",
        "buurt named: only odd-job offers from Zuilen",
        "zuilen",
        None,
    ),
    (
        "nl",
        {"topic": "tuin", "buurt": "own"},
        "Iemand uit mijn buurt voor de tuin",
        "Ik wil niet dat iemand van ver moet komen.",
        "Tuin",
        "own buurt (Overvecht, not named): only garden offers from Overvecht",
        "overvecht",
        None,
    ),
    (
        "nl",
        {"topic": "administratie", "speaks": "Turks"},
        "Mijn vader spreekt alleen Turks",
        "Wie helpt hem met zijn post, in het Turks?",
        "Administratie en formulieren",
        "language asked: only paperwork helpers who speak Turkish",
        None,
        None,
    ),
    (
        "nl",
        {"topic": "computer", "speaks": "Arabisch"},
        "Iemand die Arabisch spreekt voor oma",
        "Ze wil leren videobellen met haar telefoon.",
        "Computer en digitaal",
        "language asked: only computer helpers who speak Arabic",
        None,
        None,
    ),
    # Dutch: exclusions
    (
        "nl",
        NOT_SMALL_ONLY,
        "Uitlaatservice voor mijn Duitse herder",
        "Hij is groot en trekt hard aan de lijn.",
        "Dieren",
        "exclusion: big dog, the small-dogs-only walker is not relevant",
        None,
        None,
    ),
    (
        "nl",
        "hond",
        "Wie laat mijn chihuahua uit?",
        "Ze weegt maar drie kilo en is heel lief.",
        "Dieren",
        "small dog: the small-dogs-only walker is relevant too",
        None,
        None,
    ),
    (
        "nl",
        NOT_WEEKEND_GARDEN,
        "Tuinhulp, niet in het weekend",
        "Zaterdag en zondag ben ik bij mijn dochter.",
        "Tuin",
        "exclusion: the Saturday-only gardener is not relevant",
        None,
        None,
    ),
    (
        "nl",
        "administratie",
        "Hulp met post en papieren, niet in het weekend",
        "Brieven, formulieren, alles ligt door elkaar.",
        "Overig",
        "exclusion that changes nothing: no paperwork offer is weekend-only",
        None,
        None,
    ),
    (
        "nl",
        "oppas",
        "Oppas gezocht, geen rokers",
        "Voor mijn zoontje van drie.",
        "Kinderen en oppas",
        "exclusion that changes nothing: no offer mentions smoking",
        None,
        None,
    ),
    # Dutch: near misses
    (
        "nl",
        WALK,
        "Wandelmaatje voor mijn moeder",
        "Ze heeft geen hond, ze wil gewoon niet alleen lopen.",
        "Gezelschap en samen iets doen",
        "walking offers only, near miss hond and visits",
        None,
        None,
    ),
    (
        "nl",
        {"only": ["fietsles_pl"]},
        "Ik heb nooit leren fietsen",
        "Ik ben 40 en wil het nu eindelijk leren.",
        "Overig",
        "only answer in Polish, near miss fiets, duofiets and fietstochten",
        None,
        None,
    ),
    (
        "nl",
        "kat",
        "Mijn katten moeten eten als ik in het ziekenhuis lig",
        "",
        "Dieren",
        "near miss hond and vervoer",
        None,
        None,
    ),
    (
        "nl",
        "fiets",
        "Zadel van mijn fiets afstellen",
        "Het staat veel te laag.",
        "Klussen",
        "near miss klussen",
        None,
        None,
    ),
    (
        "nl",
        WALK,
        "Mijn hond is overleden",
        "Nu mis ik onze wandelingen. Wie loopt af en toe met mij mee?",
        "Gezelschap en samen iets doen",
        "walking offers only, strong near miss hond",
        None,
        None,
    ),
    (
        "nl",
        "huishouden",
        "Na de operatie kan ik niet stofzuigen",
        "",
        "Overig",
        "near miss koken and boodschappen",
        None,
        None,
    ),
    (
        "nl",
        {"only": ["gezelschap:2"]},
        "Wie wil met mij klaverjassen?",
        "Ik mis mijn kaartclub.",
        "Gezelschap en samen iets doen",
        "card games only, near miss visits and walks",
        None,
        None,
    ),
]

LANGUAGES = [["Nederlands"], ["Nederlands", "Turks"], ["Arabisch", "Nederlands"], ["Pools"]]
INTERESTS = ["wandelen", "koken", "lezen", "muziek", "tuinieren", "fietsen", "handwerken"]
DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]
PARTS = ["ochtend", "middag", "avond"]


def main() -> None:
    rnd = random.Random(7)
    extra = random.Random(19)  # only for what was added after the first 70 requests
    codes = [n[0] for n in NEIGHBOURHOODS]
    participants = []
    offers = []
    requests = []
    labels: dict[str, list[str]] = {}
    notes: dict[str, str] = {}
    languages: dict[str, str] = {}

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

    def new_person(neighbourhood: str, langs: list[str], avail: list[str] | None = None) -> str:
        pid = f"p{len(participants) + 1}"
        if avail is None:
            avail = sorted({f"{extra.choice(DAYS[:5])}-{extra.choice(PARTS)}" for _ in range(3)})
        participants.append(
            {
                "id": pid,
                "neighbourhood": neighbourhood,
                "languages": list(langs),
                "interests": [],
                "availability": avail,
            }
        )
        return pid

    def offer(owner: str, category: str, title: str, description: str, frequency: str) -> str:
        oid = f"a{len(offers) + 1}"
        offers.append(
            {
                "id": oid,
                "owner": owner,
                "kind": "aanbod",
                "category": category,
                "title": title,
                "description": description,
                "frequency": frequency,
            }
        )
        return oid

    def request(owner: str, category: str, title: str, description: str) -> str:
        vid = f"v{len(requests) + 1}"
        requests.append(
            {
                "id": vid,
                "owner": owner,
                "kind": "vraag",
                "category": category,
                "title": title,
                "description": description,
                "frequency": "eenmalig",
            }
        )
        return vid

    by_topic: dict[str, list[str]] = {}
    by_key: dict[str, str] = {}
    for topic, (category, topic_offers) in OFFERS.items():
        for i, (title, description) in enumerate(topic_offers):
            owner = person()  # before the frequency draw, as it always was
            frequency = rnd.choice(["eenmalig", "af_en_toe", "wekelijks"])
            oid = offer(owner, category, title, description, frequency)
            by_topic.setdefault(topic, []).append(oid)
            by_key[f"{topic}:{i}"] = oid
    for category, title, description in DISTRACTORS:
        offer(person(), category, title, description, "af_en_toe")
    first = []
    for topic, title, description, category, note in REQUESTS:
        vid = request(person(), category, title, description)
        first.append((vid, topic, title, note))
    first_offers = {topic: list(ids) for topic, ids in by_topic.items()}

    for key, topic, buurt, langs, category, title, description in NEW_OFFERS:
        owner = new_person(buurt, langs, NEW_AVAILABILITY.get(key))
        oid = offer(owner, category, title, description, extra.choice(["af_en_toe", "wekelijks"]))
        by_topic.setdefault(topic, []).append(oid)
        by_key[key] = oid
    for category, title, description, buurt, langs in NEW_DISTRACTORS:
        offer(new_person(buurt, langs), category, title, description, "af_en_toe")

    people = {p["id"]: p for p in participants}
    owner_of = {a["id"]: people[a["owner"]] for a in offers}  # all offers exist by now

    def resolve(label: str | dict, requester: dict) -> list[str]:
        if isinstance(label, str):
            return list(by_topic[label])
        if "only" in label:
            return [by_key[k] for k in label["only"]]
        out = list(by_topic[label["topic"]])
        out = [o for o in out if o not in {by_key[k] for k in label.get("without", ())}]
        if "buurt" in label:
            buurt = requester["neighbourhood"] if label["buurt"] == "own" else label["buurt"]
            out = [o for o in out if owner_of[o]["neighbourhood"] == buurt]
        if "speaks" in label:
            out = [o for o in out if label["speaks"] in owner_of[o]["languages"]]
        return out

    for vid, topic, title, note in first:
        if topic == "gezelschap":
            added = [by_key[k] for k in FIRST_COMPANY[title]]
        else:
            added = by_topic[topic][len(first_offers[topic]) :]
        labels[vid] = first_offers[topic] + added
        notes[vid] = note
        languages[vid] = "nl"
    for lang, label, title, description, category, note, buurt, langs in NEW_REQUESTS:
        owner = new_person(buurt or extra.choice(codes), langs or SPEAKS[lang])
        vid = request(owner, category, title, description)
        labels[vid] = resolve(label, participants[-1])
        notes[vid] = note
        languages[vid] = lang

    ads = offers[:56] + requests[:70] + offers[56:] + requests[70:]
    data = {
        "about": "Eigen gelabelde set voor koppelsuggesties (bench/make_suggestion_set.py).",
        "neighbourhoods": [
            {"code": c, "name": n, "district": d, "lat": lat, "lon": lon}
            for c, n, d, lat, lon in NEIGHBOURHOODS
        ],
        "participants": participants,
        "ads": ads,
        "queries": [{"ad": r["id"]} for r in requests],
        "labels": labels,
        "notes": notes,
        "languages": languages,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    counts: dict[str, int] = {}
    for lang in languages.values():
        counts[lang] = counts.get(lang, 0) + 1
    per_language = ", ".join(f"{lang} {n}" for lang, n in counts.items())
    print(f"{OUT}: {len(requests)} vragen ({per_language}), {len(offers)} aanbiedingen")


if __name__ == "__main__":
    main()

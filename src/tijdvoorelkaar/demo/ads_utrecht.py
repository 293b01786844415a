"""Demo ads of Utrecht Zuid, first half (ads_utrecht_more.py has the rest): (owner, kind,
category, title, description, frequency, duration, availability, placed by the broker)."""

from .ad_terms import (
    AANBOD,
    BY_ARRANGEMENT,
    HOURS,
    ONCE,
    PART_OF_DAY,
    SHORT,
    SOMETIMES,
    VRAAG,
    WEEKLY,
)

ADS = [
    (
        "bram",
        AANBOD,
        "Computer en digitaal",
        "Ik help met computers, laptops en tablets",
        "Loopt uw laptop vast, wilt u leren videobellen met de kleinkinderen of weet u niet "
        "hoe u een app installeert? Ik kom graag langs en leg het rustig uit, zo vaak als "
        "nodig is.",
        SOMETIMES,
        HOURS,
        "di-avond do-avond za-middag",
        False,
    ),
    (
        "fatima",
        AANBOD,
        "Boodschappen",
        "Boodschappen doen voor een buurtgenoot",
        "Ik doe elke week mijn eigen boodschappen in het winkelcentrum. Geeft u mij een "
        "lijstje, dan neem ik uw boodschappen mee en breng ik ze bij u thuis.",
        WEEKLY,
        SHORT,
        "ma-ochtend wo-ochtend vr-ochtend",
        False,
    ),
    (
        "liesbeth",
        VRAAG,
        "Vervoer en begeleiding",
        "Wie gaat er mee de stad in? Ik rijd een scootmobiel",
        "Ik ga graag eens in de twee weken naar het centrum, voor de markt of een kop "
        "koffie. Het is fijn als er iemand naast me loopt die de weg weet als het druk is. "
        "In ruil help ik u graag met Nederlands of met een brief.",
        SOMETIMES,
        PART_OF_DAY,
        "di-middag do-middag za-ochtend",
        True,
    ),
    (
        "serkan",
        AANBOD,
        "Gezelschap en samen iets doen",
        "Gezelschap en een wandeling",
        "Ik wil graag mensen uit de buurt leren kennen. Een wandeling langs de Vaartsche "
        "Rijn of samen een kop thee drinken vind ik leuk. Zo oefen ik ook mijn Nederlands.",
        WEEKLY,
        HOURS,
        "ma-middag wo-middag zo-middag",
        False,
    ),
    (
        "henk",
        AANBOD,
        "Klussen",
        "Kleine klusjes in en om het huis",
        "Een schilderij ophangen, een kraan die druppelt, een lamp vervangen of een kastje "
        "in elkaar zetten: ik heb het gereedschap en de tijd. Grote klussen laat ik aan een "
        "vakman over.",
        SOMETIMES,
        HOURS,
        "ma-ochtend di-ochtend wo-ochtend do-ochtend",
        False,
    ),
    (
        "ria",
        VRAAG,
        "Dieren",
        "Wie voert mijn katten als ik een weekendje weg ben?",
        "Een paar keer per jaar ga ik een weekendje naar mijn zus. Wie wil dan twee keer "
        "per dag langskomen om mijn twee katten eten te geven en de bak schoon te maken? "
        "Ik woon vlak bij de Tolsteegsingel.",
        SOMETIMES,
        SHORT,
        "za-ochtend za-avond zo-ochtend zo-avond",
        False,
    ),
    (
        "ayse",
        AANBOD,
        "Taal",
        "Samen Nederlands oefenen, ik spreek ook Turks",
        "Ik ben tweetalig opgegroeid en help graag iemand die Nederlands wil oefenen, "
        "bijvoorbeeld door samen de krant te lezen of gewoon te praten. Lukt iets nog niet "
        "in het Nederlands, dan leg ik het uit in het Turks.",
        WEEKLY,
        HOURS,
        "di-ochtend do-ochtend",
        False,
    ),
    (
        "mohamed",
        VRAAG,
        "Administratie en formulieren",
        "Hulp bij een brief over de huurtoeslag",
        "Ik heb een brief gekregen over de huurtoeslag en begrijp niet goed wat ik moet "
        "doen. Wie wil een keer met mij naar de brief en het formulier kijken?",
        ONCE,
        HOURS,
        "ma-avond wo-avond za-ochtend",
        False,
    ),
    (
        "wim",
        AANBOD,
        "Tuin",
        "Ik maai uw gras en knip de heg",
        "Zelf heb ik alleen een balkon, maar ik werk graag buiten. Ik help u met gras maaien, "
        "onkruid wieden of de heg bijknippen, af en toe een uurtje. Een complete tuin "
        "aanleggen doe ik niet.",
        SOMETIMES,
        HOURS,
        "di-middag wo-middag vr-middag",
        False,
    ),
    (
        "dewi",
        AANBOD,
        "Kinderen en oppas",
        "Oppassen op doordeweekse avonden",
        "Ik weet hoe fijn het is als je er even een avond uit kunt. Ik pas graag bij u thuis "
        "op uw kinderen. Voorlezen en samen een spelletje doen horen erbij.",
        SOMETIMES,
        PART_OF_DAY,
        "ma-avond di-avond do-avond",
        False,
    ),
    (
        "anouk",
        VRAAG,
        "Huiswerk",
        "Huiswerkhulp gezocht voor mijn zoon (groep 6)",
        "Mijn zoon van negen vindt rekenen lastig en ik kan hem er thuis niet goed bij "
        "helpen. Wie wil een uurtje per week met hem oefenen, bij ons thuis of in de "
        "bibliotheek?",
        WEEKLY,
        HOURS,
        "ma-middag wo-middag do-middag",
        False,
    ),
    (
        "gerrit",
        VRAAG,
        "Gezelschap en samen iets doen",
        "Wie komt er een partijtje schaken?",
        "Ik schaak al mijn hele leven, maar mijn vaste tegenstander is naar een andere "
        "stad vertrokken. Wie komt af en toe een partij spelen, met koffie erbij? "
        "Beginners zijn ook van harte welkom.",
        SOMETIMES,
        HOURS,
        "di-middag vr-middag",
        True,
    ),
    (
        "truus",
        VRAAG,
        "Boodschappen",
        "Hulp bij de grote boodschappen",
        "Eens in de twee weken doe ik de grote boodschappen: flessen water, melk en "
        "wasmiddel. Die zware tassen krijg ik zelf niet goed thuis. Wie gaat er mee met de "
        "auto of een boodschappenkar?",
        SOMETIMES,
        HOURS,
        "do-ochtend vr-ochtend",
        True,
    ),
    (
        "naima",
        AANBOD,
        "Creatief",
        "Broeken inkorten en kleine naaiklusjes",
        "Ik heb een naaimachine en naai al jaren kleding voor mijn familie. Ik kort graag "
        "een broek in of zet een nieuwe rits in een jas. U kunt ook bij mij leren naaien.",
        SOMETIMES,
        HOURS,
        "ma-middag di-middag wo-avond",
        False,
    ),
    (
        "priya",
        VRAAG,
        "Huishouden",
        "Wie helpt mij de hoge ramen te lappen?",
        "Ik woon op de derde verdieping en de hoge ramen in de woonkamer krijg ik zelf niet "
        "goed schoon. Twee keer per jaar een uurtje hulp zou fijn zijn. Ik zorg voor de "
        "emmer en de koffie.",
        SOMETIMES,
        HOURS,
        "za-ochtend zo-middag",
        False,
    ),
    (
        "joke",
        AANBOD,
        "Overig",
        "Voorlezen uit de krant of een mooi boek",
        "Ik lees graag hardop voor, uit de wijkkrant, een tijdschrift of een roman. Leest u "
        "zelf niet zo makkelijk meer, of vindt u het gewoon gezellig? Ik kom een uurtje bij "
        "u langs.",
        WEEKLY,
        HOURS,
        "di-ochtend do-middag",
        False,
    ),
    (
        "henk",
        AANBOD,
        "Vervoer en begeleiding",
        "Ik rijd u naar een afspraak",
        "Ik heb een auto en overdag vaak tijd. Moet u naar het gemeentehuis, de kapper of "
        "familie aan de andere kant van de stad? Ik breng u en haal u weer op.",
        BY_ARRANGEMENT,
        PART_OF_DAY,
        "ma-ochtend di-middag wo-ochtend vr-middag",
        False,
    ),
    (
        "mohamed",
        AANBOD,
        "Klussen",
        "Een lamp of plank ophangen? Ik help graag",
        "Ik ben elektricien van beroep. Een nieuwe lamp, een stopcontact dat los zit of een "
        "plank aan de muur: op zaterdag kom ik graag even langs met mijn boor.",
        SOMETIMES,
        HOURS,
        "za-ochtend za-middag",
        False,
    ),
    (
        "fatima",
        AANBOD,
        "Taal",
        "Wilt u Arabisch of Frans leren?",
        "Ik spreek thuis Arabisch en heb op school Frans geleerd. Wilt u een paar woorden "
        "leren voor een vakantie, of uw schoolfrans ophalen? Ik oefen graag met u.",
        WEEKLY,
        HOURS,
        "di-avond do-avond",
        False,
    ),
    (
        "bram",
        VRAAG,
        "Creatief",
        "Wie leert mij gitaar spelen?",
        "Ik heb de oude gitaar van mijn opa gekregen en kan er nog niets mee. Wie wil mij de "
        "eerste akkoorden leren? In ruil help ik u graag met uw computer of telefoon.",
        WEEKLY,
        HOURS,
        "ma-avond wo-avond",
        False,
    ),
    (
        "liesbeth",
        AANBOD,
        "Taal",
        "Ik help u met Nederlands lezen en schrijven",
        "Ik was juf op een basisschool. Wilt u beter Nederlands leren lezen, schrijven of "
        "spreken? Kom gezellig bij mij aan de keukentafel oefenen, in uw eigen tempo.",
        WEEKLY,
        HOURS,
        "ma-ochtend wo-ochtend vr-ochtend",
        False,
    ),
    (
        "ria",
        AANBOD,
        "Gezelschap en samen iets doen",
        "Een kopje thee en een praatje",
        "Ik kom graag eens per week bij iemand op bezoek voor een kop thee en een goed "
        "gesprek. Een potje rummikub of samen kaarten maken vind ik ook leuk.",
        WEEKLY,
        HOURS,
        "di-middag do-middag",
        False,
    ),
    (
        "wim",
        VRAAG,
        "Computer en digitaal",
        "Wie legt mij uit hoe ik met DigiD inlog?",
        "Steeds meer moet via internet en ik loop vast bij het inloggen met DigiD op mijn "
        "nieuwe telefoon. Wie heeft het geduld om het stap voor stap samen met mij te doen?",
        ONCE,
        HOURS,
        "ma-middag di-middag",
        False,
    ),
    (
        "ayse",
        VRAAG,
        "Klussen",
        "Gordijnrails ophangen in mijn nieuwe woning",
        "Ik woon sinds kort in Hoograven en de gordijnrails moeten nog in de woonkamer en "
        "de slaapkamer. Ik heb zelf geen boormachine. Wie helpt mij een ochtend?",
        ONCE,
        PART_OF_DAY,
        "za-ochtend zo-ochtend",
        False,
    ),
]

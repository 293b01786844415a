"""Demo ads of Breda Hoge Vucht, in the same shape as ads_utrecht.py."""

from .ad_terms import (
    AANBOD,
    BY_ARRANGEMENT,
    HOURS,
    LONGER,
    ONCE,
    PART_OF_DAY,
    SHORT,
    SOMETIMES,
    VRAAG,
    WEEKLY,
)

ADS = [
    (
        "marianne",
        AANBOD,
        "Computer en digitaal",
        "Hulp met uw smartphone, ook voor beginners",
        "Heeft u een nieuwe telefoon gekregen en weet u niet waar te beginnen? Ik help u met "
        "berichten sturen, foto's maken en apps zoals die van de bank of de bibliotheek.",
        SOMETIMES,
        HOURS,
        "ma-middag wo-middag",
        False,
    ),
    (
        "ahmet",
        VRAAG,
        "Klussen",
        "Wie heeft een ladder en helpt met de dakgoot schoonmaken?",
        "Mijn dakgoot zit vol bladeren en het water loopt over. Wie heeft een lange ladder en "
        "helpt mij een uurtje? Ik houd de ladder vast en zorg voor thee.",
        ONCE,
        HOURS,
        "za-ochtend zo-middag",
        False,
    ),
    (
        "ton",
        VRAAG,
        "Tuin",
        "Hulp bij het snoeien van mijn fruitbomen",
        "In mijn achtertuin staan twee appelbomen en een perenboom die nodig gesnoeid moeten "
        "worden. Ik weet hoe het moet, maar hoog in de boom kom ik niet meer. Wie helpt?",
        ONCE,
        PART_OF_DAY,
        "di-ochtend do-ochtend",
        True,
    ),
    (
        "rachida",
        AANBOD,
        "Kinderen en oppas",
        "Oppas op zaterdag, kinderen zijn welkom bij ons",
        "Ik heb zelf vier kinderen en bij ons is het altijd gezellig druk. Op zaterdag past "
        "er best nog een kind bij. Samen knutselen of buitenspelen op het pleintje.",
        SOMETIMES,
        PART_OF_DAY,
        "za-ochtend za-middag",
        False,
    ),
    (
        "lotte",
        VRAAG,
        "Klussen",
        "Wie helpt ons verhuizen naar Geeren-Zuid?",
        "We verhuizen binnen Hoge Vucht naar een grotere woning. Dat wordt een hele zaterdag "
        "dozen en meubels sjouwen. Ahmet helpt al met zijn bus; wie komt er nog een paar "
        "uur bij?",
        ONCE,
        LONGER,
        "za-ochtend za-middag",
        False,
    ),
    (
        "piet",
        AANBOD,
        "Vervoer en begeleiding",
        "Ik rijd u naar de markt of naar familie",
        "Ik heb een auto en rijd graag iemand naar de markt in de binnenstad of naar familie "
        "elders in Breda. Even wachten en weer terugbrengen is geen probleem.",
        BY_ARRANGEMENT,
        PART_OF_DAY,
        "di-ochtend vr-ochtend",
        True,
    ),
    (
        "marianne",
        VRAAG,
        "Dieren",
        "Wie voert mijn vissen en de kat tijdens mijn vakantie?",
        "Ik ga in mei een week naar Zeeland. Wie wil om de dag even binnenlopen om de vissen "
        "en de kat eten te geven? Ik laat een briefje achter met wat er moet gebeuren.",
        ONCE,
        SHORT,
        "ma-avond wo-avond vr-avond",
        False,
    ),
    (
        "ahmet",
        AANBOD,
        "Boodschappen",
        "Ik neem boodschappen mee van de Turkse supermarkt",
        "Elke vrijdag haal ik boodschappen bij de Turkse supermarkt. Wilt u verse kruiden, "
        "brood of groente? Geef het door en ik neem het voor u mee.",
        WEEKLY,
        SHORT,
        "vr-middag",
        False,
    ),
    (
        "ton",
        AANBOD,
        "Gezelschap en samen iets doen",
        "Samen biljarten of een kaartje leggen",
        "In het wijkcentrum staat een biljarttafel die bijna nooit gebruikt wordt. Wie speelt "
        "er een partijtje mee? Klaverjassen vind ik ook prima.",
        WEEKLY,
        HOURS,
        "wo-middag vr-middag",
        False,
    ),
    (
        "rachida",
        VRAAG,
        "Administratie en formulieren",
        "Hulp bij een brief van de gemeente",
        "Ik heb een brief van de gemeente gekregen over de kosten van de schoolreis en een "
        "regeling daarvoor. Wie kan mij uitleggen wat ik moet invullen?",
        ONCE,
        HOURS,
        "di-ochtend do-ochtend",
        False,
    ),
    (
        "lotte",
        AANBOD,
        "Huiswerk",
        "Huiswerkhulp voor kinderen van de basisschool",
        "Ik studeer aan de pabo en help kinderen graag met lezen, spelling en rekenen. Eén "
        "keer per week een uurtje, bij u thuis of in de bibliotheek.",
        WEEKLY,
        HOURS,
        "ma-middag do-middag",
        False,
    ),
    (
        "piet",
        VRAAG,
        "Huishouden",
        "Wie helpt mij met de ramen en de bovenkant van de kasten?",
        "Ik houd mijn huis zelf netjes, maar op een trap staan doe ik liever niet meer. Wie "
        "helpt eens per maand een uurtje met de ramen en het stof boven op de kasten?",
        SOMETIMES,
        HOURS,
        "ma-ochtend wo-ochtend",
        False,
    ),
]

"""Demo content for the marketplace: residents, ads and a few conversations.

Called by `core.demo.seed()` (so by `manage.py seed_demo`) after the areas and staff users
exist. Idempotent: residents are found by email (the one without email by name), ads by
`external_id` ("demo-1", ...) per area, messages by their submission token.
The texts are written for the demo, loosely after examples from the Utrecht Zuid pilot."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.areas.models import Neighbourhood
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.mail import emails_suppressed
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.participants.phones import normalise_phone

from . import services
from .models import Ad, Category, Conversation

BASE_URL = "http://127.0.0.1:8000"
BROKERS = {
    "utrecht-zuid": "makelaar@utrecht-zuid.test",
    "breda-hoge-vucht": "makelaar@breda-hoge-vucht.test",
}

VRAAG, AANBOD = Ad.Kind.REQUEST, Ad.Kind.OFFER
ONCE, SOMETIMES, WEEKLY, BY_ARRANGEMENT = (
    Ad.Frequency.ONCE,
    Ad.Frequency.SOMETIMES,
    Ad.Frequency.WEEKLY,
    Ad.Frequency.BY_ARRANGEMENT,
)
SHORT, HOURS, PART_OF_DAY, LONGER = (
    Ad.Duration.SHORT,
    Ad.Duration.HOURS,
    Ad.Duration.PART_OF_DAY,
    Ad.Duration.LONGER,
)


@dataclass(frozen=True)
class Resident:
    key: str  # also the part of the email address before the @
    first_name: str
    last_name: str
    neighbourhood: str
    phone: str = ""
    languages: list = field(default_factory=list)
    interests: list = field(default_factory=list)
    intro: str = ""
    has_email: bool = True

    def email(self, area_slug: str) -> str | None:
        return f"{self.key}@{area_slug}.test" if self.has_email else None


RESIDENTS = {
    "utrecht-zuid": [
        Resident(
            "henk",
            "Henk",
            "van Leeuwen",
            "hoograven",
            phone="06-21436587",
            interests=["klussen", "fietsen", "vogels"],
            intro="Gepensioneerd timmerman. Ik heb gereedschap en tijd, en houd van een praatje.",
        ),
        Resident(
            "fatima",
            "Fatima",
            "Benali",
            "lunetten",
            languages=["Nederlands", "Arabisch", "Frans"],
            interests=["koken", "wandelen"],
            intro="Moeder van twee, ik woon al tien jaar in Lunetten en ken veel buren.",
        ),
        Resident(
            "ria",
            "Ria",
            "Kuipers",
            "tolsteeg",
            phone="030-2714455",
            interests=["kaarten maken", "katten", "rummikub"],
            intro="Ik ben graag onder de mensen en kom overal op de fiets.",
        ),
        Resident(
            "serkan",
            "Serkan",
            "Demir",
            "hoograven",
            languages=["Turks", "Nederlands"],
            interests=["wandelen", "voetbal", "koken"],
            intro="Ik woon twee jaar in Nederland en wil graag mijn Nederlands verbeteren.",
        ),
        Resident(
            "liesbeth",
            "Liesbeth",
            "Mulder",
            "lunetten",
            interests=["lezen", "taal", "de markt"],
            intro="Oud-juf van de basisschool. Ik leer mensen graag Nederlands.",
        ),
        Resident(
            "mohamed",
            "Mohamed",
            "Ouali",
            "rotsoord",
            phone="06-38291046",
            languages=["Nederlands", "Arabisch", "Tamazight"],
            interests=["techniek", "wiskunde", "voetbal"],
            intro="Elektricien en vader van drie. Op zaterdag heb ik meestal wat tijd over.",
        ),
        Resident(
            "joke",
            "Joke",
            "Hoekstra",
            "bokkenbuurt",
            interests=["lezen", "brieven schrijven", "de markt"],
            intro="Vroeger secretaresse, nu met pensioen en nieuwsgierig naar de buurt.",
        ),
        Resident(
            "ayse",
            "Ayşe",
            "Kaya",
            "hoograven",
            phone="06-55120934",
            languages=["Nederlands", "Turks"],
            interests=["koken", "taal", "naaien"],
            intro="Net verhuisd naar Hoograven. Ik kook graag voor veel mensen.",
        ),
        Resident(
            "wim",
            "Wim",
            "de Graaf",
            "tolsteeg",
            interests=["tuinieren", "fietsen"],
            intro="Ik woon op een flat met balkon en mis een tuin om in te werken.",
        ),
        Resident(
            "dewi",
            "Dewi",
            "Wijaya",
            "rotsoord",
            languages=["Nederlands", "Indonesisch"],
            interests=["kinderen", "planten", "strijken"],
            intro="Moeder van twee, ik werk parttime en help graag een buurvrouw uit de brand.",
        ),
        Resident(
            "bram",
            "Bram",
            "Veenstra",
            "lunetten",
            languages=["Nederlands", "Engels"],
            interests=["computers", "gitaar", "fotografie"],
            intro="Student informatica. Ik leg computerdingen graag rustig uit.",
        ),
        Resident(
            "anouk",
            "Anouk",
            "Brouwer",
            "bokkenbuurt",
            interests=["fotografie", "kippen", "moestuin"],
            intro="Fotografie is mijn hobby. Ik woon met mijn zoon en drie kippen in de buurt.",
        ),
        Resident(
            "gerrit",
            "Gerrit",
            "Schouten",
            "lunetten",
            phone="030-2887301",
            interests=["schaken", "planten"],
            intro="Veertig jaar op een kwekerij gewerkt. Ik schaak nog elke week.",
        ),
        Resident(
            "naima",
            "Naima",
            "Ziani",
            "rotsoord",
            languages=["Nederlands", "Arabisch"],
            interests=["naaien", "kleding", "wandelen"],
            intro="Ik naai al jaren kleding voor mijn familie en deel dat graag.",
        ),
        Resident(
            "priya",
            "Priya",
            "Ramdin",
            "tolsteeg",
            languages=["Nederlands", "Sarnami", "Engels"],
            interests=["koken", "kinderen", "dansen"],
            intro="Ik woon met mijn dochter in Tolsteeg en kook graag Surinaams.",
        ),
        Resident(
            "truus",
            "Truus",
            "Verbeek",
            "bokkenbuurt",
            phone="030-2936612",
            interests=["breien", "bingo"],
            intro="Ik heb geen computer; de sociaal makelaar zet mijn advertenties online.",
            has_email=False,
        ),
    ],
    "breda-hoge-vucht": [
        Resident(
            "marianne",
            "Marianne",
            "Peeters",
            "biesdonk",
            interests=["computers", "aquarium"],
            intro="Ik werkte op een kantoor en ben handig met de computer en telefoon.",
        ),
        Resident(
            "ahmet",
            "Ahmet",
            "Yıldız",
            "wisselaar",
            phone="06-44718203",
            languages=["Nederlands", "Turks"],
            interests=["klussen", "boodschappen", "voetbal"],
            intro="Ik heb een bestelbus en help graag met sjouwen en klussen.",
        ),
        Resident(
            "ton",
            "Ton",
            "van Gils",
            "geeren-noord",
            phone="076-5412398",
            interests=["biljarten", "fruitbomen"],
            intro="Oud-buschauffeur. Ik ken Breda op mijn duimpje.",
        ),
        Resident(
            "rachida",
            "Rachida",
            "Haddou",
            "geeren-zuid",
            languages=["Nederlands", "Arabisch", "Frans"],
            interests=["kinderen", "koken"],
            intro="Ik heb zelf vier kinderen en vind het gezellig als het druk is in huis.",
        ),
        Resident(
            "lotte",
            "Lotte",
            "Janssens",
            "wisselaar",
            languages=["Nederlands", "Engels"],
            interests=["lesgeven", "lezen"],
            intro="Pabo-student, ik help kinderen graag met lezen en rekenen.",
        ),
        Resident(
            "piet",
            "Piet",
            "de Bruijn",
            "geeren-zuid",
            interests=["auto's", "de markt"],
            intro="Ik heb een auto en rijd graag een buurtgenoot ergens naartoe.",
        ),
    ],
}

# (owner, kind, category, title, description, frequency, duration, availability,
#  placed by the broker)
ADS = {
    "utrecht-zuid": [
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
        (
            "dewi",
            VRAAG,
            "Tuin",
            "Wie helpt ons op weg met een moestuinbak op het balkon?",
            "Ik wil met mijn kinderen tomaten en kruiden kweken op ons balkon. Wie weet daar "
            "meer van en wil ons helpen met de bak, de potgrond en de eerste zaadjes?",
            ONCE,
            HOURS,
            "wo-middag za-middag",
            False,
        ),
        (
            "anouk",
            AANBOD,
            "Creatief",
            "Ik maak foto's van uw feestje of familie",
            "Fotograferen is mijn hobby. Voor een verjaardag, een buurtfeest of gewoon een mooie "
            "foto van u en uw kleinkinderen kom ik graag langs met mijn camera. De foto's krijgt "
            "u op een USB-stick.",
            BY_ARRANGEMENT,
            HOURS,
            "za-middag zo-middag",
            False,
        ),
        (
            "gerrit",
            AANBOD,
            "Tuin",
            "Stekjes en advies voor uw kamerplanten",
            "Ik heb veertig jaar op een kwekerij gewerkt. Heeft u planten die niet willen "
            "groeien, of wilt u een stekje? Ik geef graag advies en deel planten uit mijn eigen "
            "vensterbank.",
            SOMETIMES,
            SHORT,
            "di-ochtend do-ochtend",
            True,
        ),
        (
            "naima",
            VRAAG,
            "Administratie en formulieren",
            "Wie helpt mij mijn papieren op orde te brengen?",
            "Er ligt een stapel brieven en ik zie door de bomen het bos niet meer. Wie wil een "
            "paar keer met mij een map maken en uitleggen wat ik moet bewaren?",
            SOMETIMES,
            HOURS,
            "ma-ochtend do-ochtend",
            False,
        ),
        (
            "priya",
            AANBOD,
            "Kinderen en oppas",
            "Uw kind mag mee naar de speeltuin",
            "Op woensdagmiddag ga ik met mijn dochter van zes naar de speeltuin in het park. "
            "Wilt u een middag voor uzelf? Uw kind kan gezellig met ons mee.",
            WEEKLY,
            PART_OF_DAY,
            "wo-middag",
            False,
        ),
        (
            "joke",
            VRAAG,
            "Vervoer en begeleiding",
            "Wie gaat er mee naar de zaterdagmarkt?",
            "Op zaterdag ga ik graag naar de markt op het Vredenburg, maar in mijn eentje met de "
            "bus vind ik dat lastig. Wie gaat er mee? Een kop koffie onderweg trakteer ik.",
            SOMETIMES,
            PART_OF_DAY,
            "za-ochtend",
            True,
        ),
        (
            "truus",
            AANBOD,
            "Creatief",
            "Ik brei sokken en sjaals, en leer het u graag",
            "Ik brei al zo lang ik me kan herinneren en mijn kleinkinderen hebben inmiddels "
            "sjaals genoeg. Ik brei graag iets voor een buurtgenoot, of leer u de eerste steken. "
            "Reageren kan via de sociaal makelaar.",
            BY_ARRANGEMENT,
            HOURS,
            "ma-middag wo-middag",
            True,
        ),
        (
            "serkan",
            VRAAG,
            "Administratie en formulieren",
            "Wie leest mijn sollicitatiebrief na?",
            "Ik zoek werk als kok en wil een goede brief schrijven in het Nederlands. Wie wil "
            "mijn brief nalezen en mij een paar tips geven?",
            ONCE,
            HOURS,
            "di-avond do-avond",
            False,
        ),
        (
            "mohamed",
            AANBOD,
            "Huiswerk",
            "Bijles wiskunde voor de middelbare school",
            "Vindt uw kind wiskunde of natuurkunde moeilijk? Ik help scholieren uit de onderbouw "
            "graag met hun huiswerk, een uurtje per week bij u thuis of in het buurthuis.",
            WEEKLY,
            HOURS,
            "di-avond za-ochtend",
            False,
        ),
        (
            "henk",
            VRAAG,
            "Dieren",
            "Wie zorgt voor mijn parkieten als ik op vakantie ben?",
            "In de zomer ben ik tien dagen weg. Wie geeft mijn parkieten in de volière om de dag "
            "vers water en zaad? Ik leg vooraf alles uit en laat een briefje achter.",
            ONCE,
            SHORT,
            "ma-ochtend wo-ochtend vr-ochtend",
            False,
        ),
        (
            "wim",
            VRAAG,
            "Klussen",
            "Wie helpt een dag mee de schuur te schilderen?",
            "Mijn houten schuur heeft een nieuwe laag verf nodig. Dat is al gauw een hele dag "
            "werk, dus twee paar handen zouden mooi zijn. Ik zorg voor de verf, de kwasten en "
            "een goede lunch.",
            ONCE,
            LONGER,
            "za-ochtend za-middag",
            False,
        ),
        (
            "dewi",
            AANBOD,
            "Huishouden",
            "Ik strijk uw was",
            "Strijken vind ik eigenlijk heel ontspannend. Heeft u een mand met overhemden of "
            "tafelkleden liggen? Ik strijk ze graag, bij u of bij mij thuis.",
            WEEKLY,
            HOURS,
            "di-ochtend do-ochtend",
            False,
        ),
        (
            "fatima",
            VRAAG,
            "Kinderen en oppas",
            "Oppas gezocht voor woensdagochtend",
            "Op woensdagochtend volg ik een cursus in het buurthuis. Wie past in die tijd op "
            "mijn dochtertje van drie? Het buurthuis is om de hoek, dus ik ben snel terug.",
            WEEKLY,
            PART_OF_DAY,
            "wo-ochtend",
            False,
        ),
        (
            "ria",
            VRAAG,
            "Computer en digitaal",
            "Foto's van mijn telefoon op de computer zetten",
            "Mijn telefoon staat vol met foto's van de kleinkinderen. Ik wil ze graag bewaren "
            "op de computer en er een paar laten afdrukken. Wie laat mij zien hoe dat moet?",
            ONCE,
            HOURS,
            "ma-middag za-middag",
            False,
        ),
        (
            "joke",
            AANBOD,
            "Dieren",
            "Ik verzorg uw konijn, cavia of vogels tijdens de vakantie",
            "Gaat u weg en weet u niet wie uw huisdieren eten en water geeft? Ik kom langs zo "
            "vaak als nodig is en houd het hok schoon. Katten zijn ook welkom.",
            BY_ARRANGEMENT,
            SHORT,
            "ma-ochtend di-ochtend wo-ochtend do-ochtend vr-ochtend",
            False,
        ),
        (
            "mohamed",
            AANBOD,
            "Boodschappen",
            "Ik neem op zaterdag uw boodschappen mee met de auto",
            "Op zaterdagochtend rijd ik naar de grote supermarkt. Heeft u zware dingen nodig, "
            "zoals kratten water of kattenbakkorrels? Geef mij een lijstje en ik zet ze bij u "
            "voor de deur.",
            WEEKLY,
            SHORT,
            "za-ochtend",
            False,
        ),
        (
            "ayse",
            AANBOD,
            "Gezelschap en samen iets doen",
            "Samen eten: ik kook graag een pan extra",
            "Ik kook graag voor meer mensen dan alleen mijzelf. Eens per week maak ik een grote "
            "pan linzensoep of gevulde paprika's. Wie komt er mee-eten?",
            WEEKLY,
            HOURS,
            "vr-avond",
            False,
        ),
        (
            "henk",
            AANBOD,
            "Overig",
            "Lekke band of losse ketting? Ik maak uw fiets",
            "Ik repareer al jaren fietsen voor de buren. Een lekke band plakken, remmen afstellen "
            "of een nieuwe ketting: breng uw fiets langs in Hoograven.",
            SOMETIMES,
            SHORT,
            "ma-middag wo-middag za-ochtend",
            False,
        ),
        (
            "naima",
            VRAAG,
            "Taal",
            "Wie wil met mij in het Nederlands praten?",
            "Ik spreek Nederlands, maar ik durf het nog niet zo goed. Wie wil eens per week een "
            "uurtje met mij kletsen, bijvoorbeeld tijdens een wandeling door het park?",
            WEEKLY,
            HOURS,
            "di-middag do-middag",
            False,
        ),
        (
            "gerrit",
            VRAAG,
            "Huishouden",
            "Wie helpt mij de zolder op te ruimen?",
            "Mijn zolder staat vol spullen van jaren geleden. Wie helpt mij een paar ochtenden "
            "sorteren wat weg mag en wat naar de kringloop kan? Het zware tillen doen we samen.",
            SOMETIMES,
            PART_OF_DAY,
            "di-ochtend do-ochtend",
            True,
        ),
        (
            "truus",
            VRAAG,
            "Vervoer en begeleiding",
            "Wie loopt met mij mee naar de bingo in het buurthuis?",
            "Op donderdagavond is er bingo in het buurthuis. Ik ga graag, maar in het donker "
            "loop ik niet graag alleen terug. Wie wandelt er mee heen en terug?",
            WEEKLY,
            SHORT,
            "do-avond",
            True,
        ),
        (
            "priya",
            AANBOD,
            "Overig",
            "Ik leer u roti maken",
            "Roti met kip en kousenband is het lekkerste wat er is. Ik laat u graag in mijn "
            "keuken zien hoe je het deeg maakt en bakt. Samen opeten hoort erbij.",
            BY_ARRANGEMENT,
            PART_OF_DAY,
            "za-middag zo-middag",
            False,
        ),
        (
            "wim",
            AANBOD,
            "Vervoer en begeleiding",
            "Samen een rondje op de duofiets",
            "Bij het buurthuis staat een duofiets waarop je naast elkaar zit. Ik fiets graag met "
            "u een rondje langs het Merwedekanaal, ook als u zelf niet meer alleen fietst.",
            SOMETIMES,
            HOURS,
            "wo-middag vr-middag",
            False,
        ),
        (
            "anouk",
            VRAAG,
            "Dieren",
            "Wie zorgt een week voor onze kippen?",
            "In de herfstvakantie zijn we een week weg. Wie geeft onze drie kippen in de "
            "achtertuin eten en water en raapt de eieren? De eieren mag u houden!",
            ONCE,
            SHORT,
            "ma-ochtend di-ochtend wo-ochtend do-ochtend vr-ochtend za-ochtend zo-ochtend",
            False,
        ),
    ],
    "breda-hoge-vucht": [
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
    ],
}

# Conversations between residents: (area, ad external id, initiator, messages as
# (sender side, text), both confirm "We gaan het doen").
CONVERSATIONS = [
    (
        "utrecht-zuid",
        "demo-3",
        "serkan",
        [
            (
                "initiator",
                "Hallo Liesbeth, ik ga graag met u mee de stad in. Ik ken het centrum goed. "
                "Wilt u mij misschien helpen met mijn Nederlands?",
            ),
            (
                "owner",
                "Wat leuk, Serkan! Dat wil ik heel graag. Zullen we eerst kennismaken bij mij "
                "thuis, met een kop koffie?",
            ),
            ("initiator", "Ja, graag. Donderdagmiddag kan ik, om twee uur?"),
            ("owner", "Donderdag om twee uur is goed. Tot dan!"),
        ],
        True,
    ),
    (
        "utrecht-zuid",
        "demo-1",
        "ria",
        [
            (
                "initiator",
                "Hoi Bram, ik wil graag leren hoe ik de foto's van mijn telefoon op de "
                "computer zet. Kun je een keer langskomen?",
            ),
            (
                "owner",
                "Dag Ria, dat kan zeker. Zaterdagmiddag komt mij goed uit. Past dat bij u?",
            ),
        ],
        False,
    ),
    (
        "utrecht-zuid",
        "demo-11",
        "mohamed",
        [
            (
                "initiator",
                "Goedemiddag, ik geef graag bijles rekenen. Woensdagmiddag heb ik tijd. "
                "Zal ik een keer langskomen om kennis te maken?",
            ),
        ],
        False,
    ),
    (
        "breda-hoge-vucht",
        "demo-1",
        "piet",
        [
            (
                "initiator",
                "Goedendag Marianne, ik heb een nieuwe telefoon van mijn kleinzoon gekregen en "
                "kom er niet uit. Wilt u mij helpen met de foto's en de berichten?",
            ),
            (
                "owner",
                "Natuurlijk, Piet. Komt woensdagmiddag bij u uit? Dan neem ik de tijd.",
            ),
        ],
        False,
    ),
]


def _broker(area_slug: str) -> User | None:
    return User.objects.filter(email=BROKERS[area_slug]).first()


def _resident(area, resident: Resident, broker: User | None) -> Participant:
    nb = Neighbourhood.objects.get(area=area, slug=resident.neighbourhood)
    email = resident.email(area.slug)
    if email:
        user = create_user_with_role(
            email,
            "participant",
            area,
            first_name=resident.first_name,
            last_name=resident.last_name,
            neighbourhood=nb,
        ).user
        participant = Participant.objects.get(area=area, user=user)
    else:
        # Registered by the broker, without email. `create_user_with_role` looks users up
        # by email, which would match any email-less user, so find this one by name.
        participant = Participant.objects.filter(
            area=area,
            user__email__isnull=True,
            user__first_name=resident.first_name,
            user__last_name=resident.last_name,
        ).first()
        if participant is None:
            user = User.objects.create_user(
                email=None, first_name=resident.first_name, last_name=resident.last_name
            )
            participant = Participant.objects.create(
                area=area, user=user, neighbourhood=nb, registered_by=broker
            )
    # Fill the profile once; a later edit (in the demo) is kept.
    changed = []
    for name in ("phone", "languages", "interests", "intro"):
        value = getattr(resident, name)
        if value and not getattr(participant, name):
            setattr(participant, name, value)
            changed.append(name)
    if changed:
        participant.phone_normalised = normalise_phone(participant.phone)
        participant.save()
    return participant


def _seed_ads(area, residents: dict, broker: User | None) -> dict:
    categories = {c.name: c for c in Category.objects.filter(area=area)}
    now = clock.now()
    ads = {}
    for i, spec in enumerate(ADS[area.slug]):
        owner_key, kind, category, title, description, frequency, duration, slots, by_broker = spec
        external_id = f"demo-{i + 1}"
        existing = Ad.objects.filter(area=area, external_id=external_id).first()
        if existing is not None:
            ads[external_id] = existing
            continue
        owner = residents[owner_key]
        # Spread over the last 60 days; the first ads in the list are the most recent.
        created_at = now - dt.timedelta(days=(i * 23) % 59 + 1, hours=(i * 5) % 11)
        ad, _created = services.create_ad(
            area=area,
            owner=owner,
            kind=kind,
            placed_by=broker if by_broker else None,
            created_at=created_at,
            data={
                "title": title,
                "description": description,
                "category": categories[category],
                "neighbourhood": owner.neighbourhood,
                "frequency": frequency,
                "duration": duration,
                "availability": slots.split(),
                "external_id": external_id,
            },
        )
        ads[external_id] = ad
    return ads


def _seed_conversations(areas: dict, residents: dict, ads: dict) -> None:
    for area_slug, external_id, initiator_key, messages, confirm in CONVERSATIONS:
        if area_slug not in areas:
            continue
        ad = ads[area_slug][external_id]
        initiator = residents[area_slug][initiator_key]
        token = f"demo-{area_slug}-{external_id}"
        conversation = Conversation.objects.filter(ad=ad, initiator=initiator).first()
        if conversation is None:
            try:
                conversation = services.react(
                    ad=ad,
                    participant=initiator,
                    body=messages[0][1],
                    base_url=BASE_URL,
                    submission_token=f"{token}-1",
                )
            except services.MarketplaceError:
                continue  # the ad was closed in the meantime
        for n, (side, body) in enumerate(messages[1:], start=2):
            sender = initiator if side == "initiator" else conversation.owner
            services.reply(
                conversation=conversation,
                participant=sender,
                body=body,
                base_url=BASE_URL,
                submission_token=f"{token}-{n}",
            )
        if confirm and not (
            conversation.initiator_confirmed_at and conversation.owner_confirmed_at
        ):
            services.confirm_going_ahead(conversation, conversation.owner)
            services.confirm_going_ahead(conversation, initiator)


@transaction.atomic
def seed_marketplace(areas: dict) -> None:
    """Demo residents, ads and conversations for the demo areas in `areas`."""
    # The demo's notification emails go nowhere: they would only clutter the console
    # (or a test's outbox) with messages about made-up conversations.
    with emails_suppressed():
        residents, ads = {}, {}
        for area_slug, area in areas.items():
            if area_slug not in RESIDENTS:
                continue
            broker = _broker(area_slug)
            residents[area_slug] = {r.key: _resident(area, r, broker) for r in RESIDENTS[area_slug]}
            ads[area_slug] = _seed_ads(area, residents[area_slug], broker)
        _seed_conversations(areas, residents, ads)

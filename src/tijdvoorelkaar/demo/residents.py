"""The demo's residents of both areas, and who brokers there."""

from dataclasses import dataclass, field

BROKERS = {
    "utrecht-zuid": "makelaar@utrecht-zuid.test",
    "breda-hoge-vucht": "makelaar@breda-hoge-vucht.test",
}


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

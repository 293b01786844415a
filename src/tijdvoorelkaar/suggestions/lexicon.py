"""Our own Dutch word lists for the help vocabulary, and the cheap analysis built on them.

Everything the suggestion engine knows about words is written here by hand: no model
weights or downloaded data. A word is normalised with `core.dutch` (folded, stemmed),
then looked up in the lexicon; unknown words are split into known parts (compounds such
as "boodschappenhulp" or "computerles") or corrected when they are one typing error away
from a lexicon word of five letters or more ("lapotp" -> "laptop").

A concept is a small field of help ("computer", "hond"); each has a broad field
("digitaal", "dieren") so that near misses (a dog walker for a cat) still count a little,
and a Dutch label used in the reasons the broker reads ("biedt computerhulp"); labels,
fields, days and language names are marked for translation (see wording.py).
This module has no Django imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tijdvoorelkaar.core.dutch import STOPWORDS as DUTCH_STOPWORDS
from tijdvoorelkaar.core.dutch import stem

from . import multilingual
from .tokens import arabic_stems, is_arabic, is_latin, words
from .wording import Text, gettext_noop


@dataclass(frozen=True)
class Concept:
    key: str
    field: str
    label: str  # used as "biedt <label>" / "vraagt <label>"
    words: tuple[str, ...]
    weak: tuple[str, ...] = ()  # words that hint at the concept but also mean other things


def _c(key: str, field: str, label: str, strong: str, weak: str = "") -> Concept:
    return Concept(key, field, label, tuple(strong.split()), tuple(weak.split()))


CONCEPTS: tuple[Concept, ...] = (
    _c(
        "hond",
        gettext_noop("dieren"),
        gettext_noop("hulp met de hond"),
        """hond honden hondje viervoeter viervoeters uitlaten uitlaat uitlaatservice
        uitlaatdienst puppy pup teckel labrador herdershond poedel riem hondenriem
        hondenoppas blaffen""",
        "wandelen rondje",
    ),
    _c(
        "kat",
        gettext_noop("dieren"),
        gettext_noop("zorg voor de kat"),
        "kat katten kater poes poezen kitten kattenbak kattenvoer",
        "voeren",
    ),
    _c(
        "huisdier",
        gettext_noop("dieren"),
        gettext_noop("zorg voor huisdieren"),
        """huisdier huisdieren dier dieren konijn konijnen cavia caviás vogel vogels
        parkiet kanarie aquarium vissen hamster dierenoppas""",
        "voeren verzorgen",
    ),
    _c(
        "computer",
        gettext_noop("digitaal"),
        gettext_noop("computerhulp"),
        """computer computers laptop laptops notebook tablet tablets ipad pc pcs
        printer printen scanner wifi internet router windows macbook chromebook
        software programma installeren virus updates update wachtwoord inloggen
        email mail mailen mailtje digitaal digitale digid app apps website
        smartphone telefoon mobiel gsm whatsapp videobellen beeldbellen iphone
        android sms foto computerles computerhulp internetbankieren online
        toetsenbord muis scherm opstarten""",
        "traag vastgelopen instellen aansluiten oefenen uitleg",
    ),
    _c(
        "administratie",
        gettext_noop("administratie"),
        gettext_noop("hulp bij formulieren en brieven"),
        """formulier formulieren brief brieven administratie papieren papierwerk
        belastingaangifte aangifte belasting belastingdienst toeslag toeslagen
        huurtoeslag zorgtoeslag kinderopvangtoeslag aanvraag aanvragen instanties
        uwv svb cjib rekening rekeningen budget budgetteren financien geldzaken
        schulden ordenen ordner post declaratie declareren verzekering
        zorgverzekeraar zorgverzekering gemeente bezwaar uitkering""",
        "invullen lezen begrijpen snap",
    ),
    _c(
        "boodschappen",
        gettext_noop("boodschappen"),
        gettext_noop("boodschappenhulp"),
        """boodschappen boodschap supermarkt winkelen winkel winkels tassen
        boodschappentas apotheek medicijnen markt bezorgen bezorging
        jumbo lidl aldi boodschappenlijst boodschappenlijstje""",
        "halen dragen",
    ),
    _c(
        "tuin",
        gettext_noop("tuin"),
        gettext_noop("tuinhulp"),
        """tuin tuinen tuintje gras grasmaaier maaien snoeien heg heggen haag onkruid
        wieden harken bladeren planten plantjes bloemen bloembollen moestuin
        tuinieren tuinman tuinwerk schutting struiken rozen gieten balkon
        tuinafval tegels tuinonderhoud""",
        "water",
    ),
    _c(
        "klussen",
        gettext_noop("klussen"),
        gettext_noop("klushulp"),
        """klus klussen klusje klusjes klusser klusjesman lamp lampen kapot kapotte
        repareren reparatie reparaties boren boor boormachine ophangen
        gordijn gordijnen gordijnrails kast kasten monteren meubel meubels ikea
        schilderij spiegel plank planken kraan lekt lekkende lekkage deur deuren
        klemt gereedschap handig handige schroeven schroevendraaier waterpas
        stopcontact deurbel ladder""",
        "elkaar zetten vervangen maken",
    ),
    _c(
        "fiets",
        gettext_noop("klussen"),
        gettext_noop("fietsreparatie"),
        """fiets fietsen fietsband band banden plakken lekke remmen rem ketting
        fietsenmaker fietslamp""",
        "",
    ),
    _c(
        "verven",
        gettext_noop("klussen"),
        gettext_noop("schilder- en behangwerk"),
        """verven verf kwast muur muren plafond behang behangen kozijn kozijnen
        schilderwerk sauzen""",
        "schilderen",
    ),
    _c(
        "vervoer",
        gettext_noop("vervoer"),
        gettext_noop("vervoer en begeleiding"),
        """vervoer rijden auto chauffeur ziekenhuis huisarts dokter tandarts fysio
        fysiotherapeut polikliniek specialist begeleiding begeleiden meegaan
        scootmobiel rolstoel rollator lift taxi bus tram wegbrengen ophalen
        afspraak afspraken kliniek""",
        "halen mee stad brengen",
    ),
    _c(
        "gezelschap",
        gettext_noop("gezelschap"),
        gettext_noop("gezelschap"),
        """gezelschap praatje praten kletsen koffie kopje thee bezoek bezoekje
        bezoeken eenzaam eenzaamheid gezellig gezelligheid wandelen
        wandeling wandelingen wandelmaatje maatje spelletje spelletjes kaarten
        sjoelen schaken dammen aanspraak luisteren ommetje
        buitenlucht""",
        "samen rondje alleen contact sociaal",
    ),
    _c(
        "taal",
        gettext_noop("taal"),
        gettext_noop("taalhulp"),
        """taal talen nederlands taalmaatje taalles taallessen conversatie
        grammatica inburgering inburgeringsexamen uitspraak spreken spreekvaardigheid
        woordjes woorden lezen schrijven dictee voorlezen taalcafe""",
        "oefenen les lessen engels",
    ),
    _c(
        "huiswerk",
        gettext_noop("huiswerk"),
        gettext_noop("huiswerkbegeleiding"),
        """huiswerk bijles bijlessen rekenen wiskunde sommen school scholier
        leerling toets toetsen examen studie studeren werkstuk spreekbeurt
        huiswerkbegeleiding huiswerkhulp""",
        "les lessen uitleg",
    ),
    _c(
        "oppas",
        gettext_noop("kinderen"),
        gettext_noop("oppassen op kinderen"),
        """oppas oppassen oppasser kinderen kind kids baby babys peuter peuters
        kleuter opvang kinderopvang kinderoppas""",
        "spelen",
    ),
    _c(
        "koken",
        gettext_noop("koken"),
        gettext_noop("koken en maaltijden"),
        """koken kook maaltijd maaltijden eten recept recepten bakken soep
        avondeten warme pan keuken taart""",
        "",
    ),
    _c(
        "naaien",
        gettext_noop("creatief"),
        gettext_noop("naaiwerk en kleding"),
        """naaien naaimachine kleding kleren verstellen broek broeken zoom inkorten
        knoop knopen breien haken stof rits jas gordijnstof""",
        "",
    ),
    _c(
        "huishouden",
        gettext_noop("huishouden"),
        gettext_noop("huishoudelijke hulp"),
        """huishouden schoonmaken poetsen stofzuigen ramen lappen strijken opruimen
        wassen was wasgoed dweilen stoffen""",
        "",
    ),
    _c(
        "creatief",
        gettext_noop("creatief"),
        gettext_noop("creatieve activiteiten"),
        """tekenen schilderen knutselen muziek gitaar piano zingen fotografie
        fotograferen kunst keramiek handwerk""",
        "",
    ),
    _c(
        "verhuizen",
        gettext_noop("verhuizen"),
        gettext_noop("sjouwhulp en verhuizen"),
        "verhuizen verhuizing verhuisdozen dozen sjouwen tillen zwaar",
        "dragen",
    ),
)

# Words that say someone wants or gives help, but not what with: left out of matching.
GENERIC = frozenset(
    """hulp help helpen helpt hulpje gezocht zoek zoeken zoekt bied biedt bieden aanbod
    vraag vragen vraagt iemand buurt buurman buurvrouw buren mag kunt kun doen doe
    doet even keer soms tijd nodig ondersteuning mensen persoon goed graag leuk fijn
    beetje paar wel nou zelf meer veel hebben heb heeft had zijn ben bent was waar
    wanneer hoe waarom omdat want ook alle alles iets niets niemand week weken maand
    dag dagen uur uurtje ja nee mee wil wilt willen zou zouden kunnen kan moet moeten
    gaan ga gaat komen kom komt lukt lukken raar laat laten uit
    overig overige anders divers""".split()
)

# Each language's Dutch name (marked for translation: it is shown in the reasons) and the
# ways people write it.
_LANGUAGES = {
    gettext_noop("Nederlands"): ("nl", "nederlands", "dutch"),
    gettext_noop("Turks"): ("tr", "turks", "turkish", "turkce"),
    gettext_noop("Arabisch"): ("ar", "arabisch", "arabic", "العربيه", "عربي", "3arabi"),
    gettext_noop("Engels"): ("en", "engels", "english", "ingilizce", "angielski"),
    gettext_noop("Pools"): ("pl", "pools", "polish", "polski", "polsku", "lehce"),
    gettext_noop("Berbers"): ("ber", "berbers", "tamazight"),
    gettext_noop("Papiaments"): ("pap", "papiaments"),
    gettext_noop("Spaans"): ("es", "spaans"),
    gettext_noop("Frans"): ("fr", "frans"),
    gettext_noop("Duits"): ("de", "duits"),
    gettext_noop("Somalisch"): ("so", "somalisch"),
    gettext_noop("Tigrinya"): ("ti", "tigrinya"),
    gettext_noop("Farsi"): ("fa", "farsi", "perzisch"),
    gettext_noop("Oekraïens"): ("uk", "oekraiens", "ukrainian", "украінська", "украінською"),
    gettext_noop("Russisch"): ("ru", "russisch"),
    gettext_noop("Portugees"): ("pt", "portugees"),
    gettext_noop("Chinees"): ("zh", "chinees"),
    gettext_noop("Sranantongo"): ("srn", "sranantongo", "sranan"),
    gettext_noop("Hindi"): ("hindi",),
    gettext_noop("Koerdisch"): ("koerdisch",),
    gettext_noop("Dari"): ("dari",),
}
LANGUAGE_NAMES = {key: name for name, keys in _LANGUAGES.items() for key in keys}
DUTCH = "Nederlands"
KNOWN_LANGUAGES = frozenset(_LANGUAGES)

DAY_NAMES = {
    "ma": gettext_noop("maandag"),
    "di": gettext_noop("dinsdag"),
    "wo": gettext_noop("woensdag"),
    "do": gettext_noop("donderdag"),
    "vr": gettext_noop("vrijdag"),
    "za": gettext_noop("zaterdag"),
    "zo": gettext_noop("zondag"),
}
PARTS = (gettext_noop("ochtend"), gettext_noop("middag"), gettext_noop("avond"))


def language_name(value: str) -> str:
    key = " ".join(words(str(value)))
    return LANGUAGE_NAMES.get(key, key.capitalize())


def slots(values) -> frozenset[str]:
    """Availability slots "ma-ochtend".."zo-avond"; "<day>-hele-dag" is all three parts."""
    out: set[str] = set()
    for value in values or ():
        parts = words(str(value))
        if not parts or parts[0] not in DAY_NAMES:
            continue
        day, rest = parts[0], parts[1:]
        if rest == ["hele", "dag"]:
            out.update(f"{day}-{p}" for p in PARTS)
        elif len(rest) == 1 and rest[0] in PARTS:
            out.add(f"{day}-{rest[0]}")
    return frozenset(out)


def slot_label(slot: str) -> Text:
    """ "wo-middag" -> "woensdagmiddag" (a Text: "Wednesday afternoon" in English)."""
    day, part = slot.split("-", 1)
    return Text(gettext_noop("%(day)s%(part)s"), day=Text(DAY_NAMES[day]), part=Text(part))


# --- the vocabulary and its analysis ------------------------------------------------------

STRONG = 1.0
WEAK = 0.35


def _folded(group: str) -> list[tuple[str, bool]]:
    """(folded word, is a prefix) for a space-separated list; "köpeğ*" is a prefix."""
    found = []
    for raw in group.split():
        prefix = raw.endswith("*")
        for w in words(raw.rstrip("*")):
            found.append((w, prefix))
    return found


def _build():
    """word or stem -> {concept: weight}; prefixes -> {concept: weight}; deletion
    neighbours for typo correction (Dutch-like words only)."""
    vocab: dict[str, dict[str, float]] = {}
    prefixes: dict[str, dict[str, float]] = {}
    canonical: dict[str, str] = {}  # folded Dutch vocabulary word -> itself (for compounds)

    def add(table, key, concept, weight):
        current = table.setdefault(key, {})
        current[concept] = max(current.get(concept, 0.0), weight)

    for concept in CONCEPTS:
        for weight, group in ((STRONG, concept.words), (WEAK, concept.weak)):
            for raw in group:
                for w in words(raw):
                    for key in (w, stem(w)):
                        add(vocab, key, concept.key, weight)
                    canonical[w] = w
        for weight, table in ((STRONG, multilingual.WORDS), (WEAK, multilingual.WEAK)):
            for language, group in table.get(concept.key, {}).items():
                for w, is_prefix in _folded(group):
                    if is_prefix:
                        add(prefixes, w, concept.key, weight)
                    else:
                        add(vocab, w, concept.key, weight)
                        if language == "nl":
                            add(vocab, stem(w), concept.key, weight)
                            canonical[w] = w
    deletes: dict[str, set[str]] = {}
    for w in canonical:
        if len(w) >= 5:
            for i in range(len(w)):
                deletes.setdefault(w[:i] + w[i + 1 :], set()).add(w)
    return vocab, prefixes, canonical, deletes


VOCAB, PREFIXES, CANONICAL, _DELETES = _build()
# Words that only hint at a concept ("samen", "rondje"): never quoted as a reason.
HINT_WORDS = frozenset(w for w, concepts in VOCAB.items() if max(concepts.values()) <= WEAK)
_PREFIX_LENGTHS = sorted({len(p) for p in PREFIXES}, reverse=True)
CONCEPT_BY_KEY = {c.key: c for c in CONCEPTS}
_PARTS_MIN = 3
_LINKS = ("", "s", "e", "en")
# Stop words of every language we read, except words that are help words somewhere
# ("was" is laundry in Dutch): those stay stop words only in a text of that language.
_STOPS = {lang: {w for w, _p in _folded(group)} for lang, group in multilingual.STOPWORDS.items()}
_STOPS["nl"] = _STOPS.get("nl", set()) | set(DUTCH_STOPWORDS)
_HELP_WORDS = set(VOCAB) | set(GENERIC)
STOPWORDS = frozenset(
    w for found in _STOPS.values() for w in found if w not in _HELP_WORDS
) | frozenset(DUTCH_STOPWORDS)
_AMBIGUOUS = {lang: frozenset(found & _HELP_WORDS) for lang, found in _STOPS.items()}


def stop_words_of(text_words: list[str]) -> frozenset[str]:
    """Words to leave out of this text: every unambiguous stop word, and the ambiguous
    ones of a language the text is written in (two or more of its stop words)."""
    extra: set[str] = set()
    present = set(text_words)
    for lang, found in _STOPS.items():
        if lang != "nl" and _AMBIGUOUS.get(lang) and len(present & found) >= 2:
            if len(present & found) > len(present & _STOPS["nl"]):
                extra |= _AMBIGUOUS[lang]
    return STOPWORDS | extra if extra else STOPWORDS


def language_of(text: str) -> str:
    """The language a text is most likely written in: "ar" or "uk" by script, else the
    Latin-script language ("nl", "en", "tr", "pl", "ar-latn") with most of its stop
    words in the text (Dutch when none). A guess for weighting, never shown."""
    found = words(text)
    if any(is_arabic(w) for w in found):
        return "ar"
    if any("\u0400" <= w[0] <= "\u04ff" for w in found if w):
        return "uk"
    best, hits = "nl", 0
    for lang, stops in _STOPS.items():
        if lang in ("ar", "uk"):
            continue
        n = sum(1 for w in found if w in stops)
        if n > hits:
            best, hits = lang, n
    return best


def _lookup(word: str) -> dict[str, float] | None:
    """Concepts of a folded word: the word itself, its Dutch stem, an Arabic word without
    its article, or the longest listed prefix."""
    candidates = arabic_stems(word) if is_arabic(word) else (word,)
    for w in candidates:
        hits = VOCAB.get(w)
        if hits:
            return hits
    if is_latin(word):
        hits = VOCAB.get(stem(word))
        if hits:
            return hits
    for w in candidates:
        for n in _PREFIX_LENGTHS:
            if n <= len(w):
                hits = PREFIXES.get(w[:n])
                if hits:
                    return hits
    return None


@lru_cache(maxsize=100_000)
def correct(word: str) -> str | None:
    """A lexicon word one typing error away (deletion, insertion, substitution, swap of
    two neighbours), for words of six letters or more (shorter words too often land on
    another real word: route -> router); None when there is no such word or more than one."""
    if len(word) < 6 or word in CANONICAL:
        return None
    found: set[str] = set()
    found.update(_DELETES.get(word, ()))  # one letter too many
    for i in range(len(word)):
        shorter = word[:i] + word[i + 1 :]
        if shorter in CANONICAL and len(shorter) >= 5:
            found.add(shorter)  # one letter too many (the lexicon word is the shorter)
        found.update(_DELETES.get(shorter, ()))  # substitution or swap
    # A typing error seldom hits the first letter; "leggen" is not a misspelt "heggen".
    found = {f for f in found if abs(len(f) - len(word)) <= 1 and f[0] == word[0]}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=100_000)
def split_compound(word: str) -> tuple[str, ...]:
    """Known parts of a compound ("boodschappenhulp" -> boodschappen, hulp); empty when
    the word cannot be split completely into lexicon or generic words."""
    return _split(word, 0) or ()


def _known(part: str) -> bool:
    return part in CANONICAL or part in GENERIC


def _split(word: str, depth: int) -> tuple[str, ...] | None:
    if depth > 3:
        return None
    for i in range(len(word) - _PARTS_MIN, _PARTS_MIN - 1, -1):
        head, tail = word[:i], word[i:]
        if not _known(head):
            continue
        for link in _LINKS:
            if not tail.startswith(link):
                continue
            rest = tail[len(link) :]
            if len(rest) < _PARTS_MIN:
                continue
            if _known(rest):
                return (head, rest)
            deeper = _split(rest, depth + 1)
            if deeper:
                return (head, *deeper)
    return None


def _is_generic(word: str) -> bool:
    return word in STOPWORDS or word in GENERIC or len(word) < 2


_NEGATIONS = frozenset(w for group in multilingual.NEGATIONS.values() for w, _p in _folded(group))
NEGATION_REACH = 2  # words after "niet", "geen", "not" ... that are not asked for
_CLAUSE = re.compile(r"[.,;:!?()\n،؛؟]+")


def stem_of(word: str) -> str:
    """The stem a folded word is indexed by: Dutch stemming for Latin letters, the word
    without its article for Arabic, the word itself otherwise."""
    if is_latin(word):
        return stem(word)
    if is_arabic(word):
        return arabic_stems(word)[-1]
    return word


@lru_cache(maxsize=200_000)
def analyse_word(word: str) -> tuple[tuple[str, float], ...]:
    """Weighted terms for one folded word: its stem ("s:<stem>") and the concepts it
    belongs to ("c:<key>"), through the word lists of every language, compound parts or
    a typo correction (the last two for Dutch-like words)."""
    if _is_generic(word) or word.isdigit():
        return ()
    terms: dict[str, float] = {}
    st = stem_of(word)
    if len(st) >= 3:
        terms["s:" + st] = 1.0
    hits = _lookup(word)
    if not hits and is_latin(word):
        parts = split_compound(word) if len(word) >= 7 else ()
        for part in parts:
            if _is_generic(part):
                continue
            terms["s:" + stem(part)] = max(terms.get("s:" + stem(part), 0.0), 0.8)
            for key, weight in (VOCAB.get(part) or {}).items():
                terms["c:" + key] = max(terms.get("c:" + key, 0.0), weight)
        if not parts:
            fixed = correct(word)
            if fixed:
                terms["s:" + stem(fixed)] = 0.9
                for key, weight in VOCAB[fixed].items():
                    terms["c:" + key] = max(terms.get("c:" + key, 0.0), weight * 0.9)
    elif hits:
        for key, weight in hits.items():
            terms["c:" + key] = weight
    return tuple(terms.items())


def meaningful_words(text: str) -> list[str]:
    """The folded words of `text` that can carry its topic: no stop words (of the text's
    languages), and none of the few words after a negation ("geen kinderen")."""
    stops = stop_words_of(words(text))
    kept = []
    for clause in _CLAUSE.split(text or ""):  # a negation reaches to the end of its clause
        skip = 0
        for w in words(clause):
            if w in _NEGATIONS:
                skip = NEGATION_REACH
                continue
            if w in stops or w in GENERIC:
                continue
            if skip:
                skip -= 1
                continue
            kept.append(w)
    return kept


def analyse(text: str) -> dict[str, float]:
    """Weighted terms of a text: stems, concepts and (weaker) broad fields."""
    terms: dict[str, float] = {}
    for w in meaningful_words(text):
        for term, weight in analyse_word(w):
            if weight > terms.get(term, 0.0):
                terms[term] = weight
    fields: dict[str, float] = {}
    for term, weight in terms.items():
        if term.startswith("c:"):
            field = "f:" + CONCEPT_BY_KEY[term[2:]].field
            fields[field] = max(fields.get(field, 0.0), weight * 0.5)
    terms.update(fields)
    return terms

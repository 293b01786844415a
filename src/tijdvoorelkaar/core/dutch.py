"""Dutch text analysis shared by search (and, later, suggestions).

Documents are reduced to stems with the Dutch Snowball stemmer (snowballstemmer). Queries
are expanded per word to the stems of its likely forms (singular/plural), because the
stemmer itself does not always bring both forms together (fiets -> fiet, fietsen -> fiets).
The same analysis runs for SQLite and PostgreSQL, so both engines find the same ads.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("dutch")
_WORD = re.compile(r"[0-9a-z]+")
MAX_QUERY_WORDS = 8

# Words too common to help a search; kept short on purpose.
STOPWORDS = frozenset(
    """de het een en of in op aan voor met van te bij om is ik je u jij wij we ze zij hij
    mijn uw wie wat die dat dit er ook niet nog wel als dan maar naar kan kunnen wil
    willen zou graag iemand mij me""".split()
)


def fold(text: str) -> str:
    """Lower case without diacritics (ë -> e, é -> e)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text or ""))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def document_stems(*parts: str) -> str:
    """The stems of all words of a document, space separated, for the full-text index."""
    return " ".join(stem(w) for part in parts for w in words(part) if w not in STOPWORDS)


def word_forms(word: str) -> set[str]:
    """Stems of a query word and of its likely singular and plural forms."""
    forms = {word, word + "en", word + "s"}
    if word.endswith("en") and len(word) > 4:
        forms.add(word[:-2])
    if word.endswith("s") and len(word) > 3:
        forms.add(word[:-1])
    return {stem(f) for f in forms}


def query_groups(query: str) -> list[set[str]]:
    """One set of alternative stems per meaningful query word (all words must match)."""
    groups = []
    for w in words(query):
        if w in STOPWORDS:
            continue
        groups.append(word_forms(w))
        if len(groups) == MAX_QUERY_WORDS:
            break
    return groups

"""Words of any script the neighbourhood writes in, folded so that spellings meet.

Dutch, English, Turkish, Polish and Arabic typed in Latin letters lose case and accents
(ü -> u, ł -> l, ı -> i); Ukrainian keeps its Cyrillic letters (folded the same way);
Arabic in Arabic script loses its vowel marks and the letter variants that people type
interchangeably (أ إ آ -> ا, ى -> ي, ة -> ه), and its digits become 0-9. A word is a run
of letters and digits, so Arabic typed with digits for letters ("musa3ada", "7ayawan")
stays one word. This module has no Django imports.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tijdvoorelkaar.core.dutch import fold

_WORD = re.compile(r"[^\W_]+")
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "ß": "ss",
        "æ": "ae",
        "đ": "d",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ـ": "",  # tatweel, the stretching stroke
        "ґ": "г",
    }
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Arabic writes the article and some prepositions onto the word: والكلب = "and the dog".
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """core.dutch.fold (lower case, no accents) after the letters it cannot fold."""
    return fold(word.lower().translate(_SPECIAL).translate(_DIGITS))


# Arabic vowel and doubling marks sit between the letters of a word; without them the
# word stays whole (تسوّق).
_ARABIC_MARKS = dict.fromkeys([*range(0x064B, 0x0660), 0x0670], None)


def _prepared(text: str) -> str:
    return unicodedata.normalize("NFC", text or "").translate(_ARABIC_MARKS).lower()


def words(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return [fold_word(w) for w in _WORD.findall(_prepared(text))]


def pairs(text: str) -> list[tuple[str, str]]:
    """(the word as written, lower case; its folded form) for every word of `text`."""
    return [(w, fold_word(w)) for w in _WORD.findall(_prepared(text))]


def is_arabic(word: str) -> bool:
    return bool(word) and "\u0600" <= word[0] <= "\u06ff"


def is_latin(word: str) -> bool:
    return word.isascii()


def arabic_stems(word: str) -> tuple[str, ...]:
    """The word and the word without a written-on article or preposition (at least three
    letters left)."""
    found = [word]
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            found.append(word[len(prefix) :])
    return tuple(found)

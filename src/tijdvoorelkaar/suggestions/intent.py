"""What a request says about who should help, besides the help itself.

"Iemand uit Lunetten" names a buurt of the area; "uit de buurt", "nearby", "yakın",
"w pobliżu", "поруч" or "قريب" ask for someone close by; "mijn vader spreekt alleen
Turks" or "someone who speaks Arabic" asks for a helper who speaks that language; "niet
in het weekend" or "alleen doordeweeks" leave out helpers who can only come on Saturday
and Sunday (and "alleen in het weekend" the other way round). Read in every language of
multilingual.py, from the folded words, so spelling and script do not matter. This
module has no Django imports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import lexicon, multilingual
from .tokens import words

_ONLY = frozenset(
    words(
        "alleen enkel uitsluitend only just sadece yalnızca tylko wyłącznie тільки лише فقط "
        "bas ghir faqat"
    )
)
# Turkish says "not" after the thing: "hafta sonu değil", "hafta sonu hariç".
_NOT_AFTER = frozenset(words("değil hariç olmaz olmasın olmadan"))


def _phrases(table: dict[str, str]) -> tuple[tuple[str, ...], ...]:
    found = set()
    for group in table.values():
        for phrase in group.split("|"):
            folded = tuple(words(phrase))
            if folded:
                found.add(folded)
    return tuple(sorted(found, key=len, reverse=True))


def _words(table: dict[str, str]) -> frozenset[str]:
    return frozenset(w for group in table.values() for w in words(group.replace("*", "")))


NEARBY = _phrases(multilingual.NEARBY)


def _by_first_word(phrases) -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        table.setdefault(phrase[0], []).append(phrase)
    return table


_NEARBY_BY_FIRST = _by_first_word(NEARBY)
NEGATIONS = _words(multilingual.NEGATIONS)
WEEKEND = _words(multilingual.WEEKEND)
WEEKDAYS = _words(multilingual.WEEKDAYS)


# A language named as a language ("Turks", "Turkish", "Türkçe"), not as an adjective
# ("Turkse supermarkt"): lexicon.LANGUAGE_NAMES, Dutch left out (everyone here speaks it).
_LANGUAGE_WORDS = {
    key: name
    for key, name in lexicon.LANGUAGE_NAMES.items()
    if " " not in key and len(key) > 3 and name != lexicon.DUTCH
}


@dataclass(frozen=True)
class Wishes:
    neighbourhoods: frozenset[str] = frozenset()  # codes of the buurten the text names
    nearby: bool = False
    weekdays_only: bool = False
    weekend_only: bool = False
    languages: frozenset[str] = frozenset()  # Dutch names of languages the text asks for

    def __bool__(self) -> bool:
        return bool(
            self.neighbourhoods
            or self.nearby
            or self.weekdays_only
            or self.weekend_only
            or self.languages
        )


NONE = Wishes()


def _found(sequence: list[str], by_first: dict[str, list[tuple[str, ...]]]) -> set:
    """The phrases of `by_first` (phrases by their first word) that occur in `sequence`."""
    found = set()
    for i, word in enumerate(sequence):
        for phrase in by_first.get(word, ()):
            if tuple(sequence[i : i + len(phrase)]) == phrase:
                found.add(phrase)
    return found


@dataclass(frozen=True)
class Names:
    """The buurten of an area by their folded names, ready to be found in a text."""

    codes: dict[tuple[str, ...], str]
    by_first: dict[str, list[tuple[str, ...]]]


def neighbourhood_names(pairs: Iterable[tuple[str, str]]) -> Names:
    """The names of (code, name) pairs; names of fewer than four letters are left out
    (too easily an ordinary word)."""
    codes = {}
    for code, name in pairs:
        folded = tuple(words(name))
        if folded and len("".join(folded)) >= 4:
            codes[folded] = code
    return Names(codes, _by_first_word(codes))


def read(text: str, names: Names | None = None) -> Wishes:
    """The wishes in `text`; `names` from neighbourhood_names()."""
    found = words(text)
    if not found:
        return NONE
    named = (
        frozenset(names.codes[n] for n in _found(found, names.by_first)) if names else frozenset()
    )
    nearby = bool(_found(found, _NEARBY_BY_FIRST))
    weekdays_only = weekend_only = False
    for i, w in enumerate(found):
        before = found[max(0, i - 3) : i]
        after = found[i + 1 : i + 3]
        if any(a in _NOT_AFTER for a in after):
            before = [*before, "niet"]
        if w in WEEKEND:
            if any(b in NEGATIONS for b in before):
                weekdays_only = True
            elif any(b in _ONLY for b in before):
                weekend_only = True
        elif w in WEEKDAYS:
            if any(b in NEGATIONS for b in before):
                weekend_only = True
            elif any(b in _ONLY for b in before):
                weekdays_only = True
    if weekdays_only and weekend_only:
        weekdays_only = weekend_only = False
    languages = frozenset(_LANGUAGE_WORDS[w] for w in found if w in _LANGUAGE_WORDS)
    return Wishes(named, nearby, weekdays_only, weekend_only, languages)

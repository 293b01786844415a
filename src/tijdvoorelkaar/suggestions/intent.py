"""What a request says about who should help, besides the help itself.

"Iemand uit Lunetten" names a buurt of the area; "uit de buurt", "nearby", "yakın",
"w pobliżu", "поруч" or "قريب" ask for someone close by; "niet in het weekend" or "alleen
doordeweeks" leave out helpers who can only come on Saturday and Sunday (and "alleen in
het weekend" the other way round). Read in every language of multilingual.py, from the
folded words, so spelling and script do not matter. This module has no Django imports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import multilingual
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
NEGATIONS = _words(multilingual.NEGATIONS)
WEEKEND = _words(multilingual.WEEKEND)
WEEKDAYS = _words(multilingual.WEEKDAYS)


@dataclass(frozen=True)
class Wishes:
    neighbourhoods: frozenset[str] = frozenset()  # codes of the buurten the text names
    nearby: bool = False
    weekdays_only: bool = False
    weekend_only: bool = False

    def __bool__(self) -> bool:
        return bool(self.neighbourhoods or self.nearby or self.weekdays_only or self.weekend_only)


NONE = Wishes()


def _contains(sequence: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(sequence[i : i + n]) == phrase for i in range(len(sequence) - n + 1))


def neighbourhood_names(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, ...], str]:
    """{folded name: code} for (code, name) pairs; names of fewer than four letters are
    left out (too easily an ordinary word)."""
    names = {}
    for code, name in pairs:
        folded = tuple(words(name))
        if folded and len("".join(folded)) >= 4:
            names[folded] = code
    return names


def read(text: str, names: dict[tuple[str, ...], str]) -> Wishes:
    """The wishes in `text`; `names` from neighbourhood_names()."""
    found = words(text)
    if not found:
        return NONE
    named = frozenset(code for name, code in names.items() if _contains(found, name))
    nearby = any(_contains(found, phrase) for phrase in NEARBY)
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
    return Wishes(named, nearby, weekdays_only, weekend_only)

"""The words the engine writes (reasons and notes), in Dutch, remembering how they were
made so that a page can show them in the reader's language.

The engine and the lexicon stay free of Django: they mark their texts with
`gettext_noop` below (the name makemessages looks for, so the texts land in the
catalogue) and build `Text`s. A `Text` is the Dutch string itself (tests, the
`match_rank` command and comparisons see plain Dutch); `Text.translated(gettext, number)`
gives the same text through a translation function, its parts translated too. The
services hand in Django's gettext and number format (suggestions/services.py).
"""

from __future__ import annotations

from collections.abc import Callable


def gettext_noop(message: str) -> str:
    """Marks `message` for the translation catalogue and returns it unchanged."""
    return message


def dutch_number(value: float) -> str:
    """One decimal with a comma: 1.4 -> "1,4"."""
    return f"{value:.1f}".replace(".", ",")


class Text(str):
    """`message % values` in Dutch. `message` is a marked Dutch msgid with %(name)s
    placeholders; a value is a plain string (data such as a word from an ad, shown as it
    is), a Text (translated in turn) or a float (a number in the reader's format)."""

    message: str
    values: dict

    def __new__(cls, message: str, **values) -> Text:
        shown = {k: dutch_number(v) if isinstance(v, float) else v for k, v in values.items()}
        obj = super().__new__(cls, message % shown if values else message)
        obj.message = message
        obj.values = values
        return obj

    def translated(
        self, gettext: Callable[[str], str], number: Callable[[float], str] = dutch_number
    ) -> str:
        values = {}
        for key, value in self.values.items():
            if isinstance(value, Text):
                value = value.translated(gettext, number)
            elif isinstance(value, float):
                value = number(value)
            values[key] = value
        text = gettext(self.message)
        return text % values if values else text


def joined(parts: list) -> str:
    """["a"] -> "a"; ["a", "b", "c"] -> "a en b en c" (as a Text, so "en" is translated)."""
    result = parts[0]
    for part in parts[1:]:
        result = Text(gettext_noop("%(first)s en %(second)s"), first=result, second=part)
    return result


def translated(text: str, gettext: Callable[[str], str], number=dutch_number) -> str:
    """A text from the engine in the reader's language; a plain string stays as it is."""
    return text.translated(gettext, number) if isinstance(text, Text) else text

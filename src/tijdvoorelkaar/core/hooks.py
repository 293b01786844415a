"""Hooks: how a lower app lets higher apps add work without importing them.

The layers (docs/architecture.md) let an app import only apps below it. Where something
below must start work above it (a recorded intake tells the referring organisation; the
broker's dashboard shows the referral inbox), the lower app declares a Hook in its own
`hooks.py` and calls it; the higher app registers a function from its AppConfig.ready().
Nothing else: no Django signals, no imports inside functions. Every hook is listed in
docs/architecture.md, and `grep -rn "hooks\\." src/` shows every call and registration."""

from collections.abc import Callable
from typing import Any


class Hook:
    def __init__(self, name: str, doc: str):
        self.name = name
        self.__doc__ = doc
        self._functions: list[Callable[..., Any]] = []

    def register(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """Add `function` (once); usable as a decorator."""
        if function not in self._functions:
            self._functions.append(function)
        return function

    def __call__(self, *args, **kwargs) -> list[Any]:
        """Call every registered function in registration order; their results in a list."""
        return [function(*args, **kwargs) for function in self._functions]

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._functions)} registered>"

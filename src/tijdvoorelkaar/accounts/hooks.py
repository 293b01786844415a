"""Hooks of accounts (see core/hooks.py)."""

from tijdvoorelkaar.core.hooks import Hook

signed_up = Hook(
    "accounts.signed_up",
    "(area, user, choices: dict) -> None: a resident confirmed their sign-up and their "
    "account exists; `choices` holds what they ticked on the form (newsletter: the "
    "newsletter app subscribes them when they asked for it).",
)

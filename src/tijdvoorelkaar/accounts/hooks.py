"""Hooks of accounts (see core/hooks.py)."""

from tijdvoorelkaar.core.hooks import Hook

signed_up = Hook(
    "accounts.signed_up",
    "(area, user, choices: dict) -> None: a resident confirmed their sign-up and their "
    "account exists; `choices` holds what they ticked on the form (newsletter: the "
    "newsletter app subscribes them when they asked for it).",
)

link_used = Hook(
    "accounts.link_used",
    "(area, user, pending: dict) -> str | None: someone used an emailed link (sign-up or "
    "sign-in) that carried `pending`, what they typed before they had an account (the "
    "marketplace: the request or offer they wrote first). Runs in the same transaction as "
    "the sign-in; a returned URL is where the person lands.",
)

"""Hooks of the marketplace (see core/hooks.py)."""

from tijdvoorelkaar.core.hooks import Hook

reaction_recipient = Hook(
    "marketplace.reaction_recipient",
    "(ad) -> Participant | None: who answers reactions to an ad that no resident owns "
    "(organisations: the contact person of the organisation that placed the vacancy). "
    "May raise MarketplaceError with a message for the person reacting.",
)
not_emailable = Hook(
    "marketplace.not_emailable",
    "(conversation, recipient) -> None: a new message could not be emailed to `recipient` "
    "(no address); newsletter: the broker gets a task to phone instead.",
)

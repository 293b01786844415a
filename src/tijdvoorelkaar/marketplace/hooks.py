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
ad_text_changed = Hook(
    "marketplace.ad_text_changed",
    "(ad) -> None: an ad was placed or its text edited (suggestions: queue the task that "
    "embeds the area's new texts).",
)

"""Hooks of the broker's workspace (see core/hooks.py)."""

from tijdvoorelkaar.core.hooks import Hook

dashboard_sections = Hook(
    "workspace.dashboard_sections",
    "(request, area) -> {'template': name, ...context} or None: a section of the broker's "
    "dashboard from an app above the workspace (organisations: the referral inbox).",
)
intake_recorded = Hook(
    "workspace.intake_recorded",
    "(participant) -> None: after a broker recorded an intake (organisations: tell the "
    "referring organisation, with consent, that the person was seen).",
)

"""Hooks of areas (see core/hooks.py)."""

from tijdvoorelkaar.core.hooks import Hook

area_created = Hook(
    "areas.area_created",
    "(area) -> None: a new area exists (marketplace: its default categories).",
)
settings_sections = Hook(
    "areas.settings_sections",
    "(area) -> SettingsSection | None: a part of the coordinator's settings page that "
    "belongs to an app above areas (marketplace: the categories). See areas/settings_page.py.",
)

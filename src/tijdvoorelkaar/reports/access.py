"""Who may see an area's period reports, and how."""

from tijdvoorelkaar.core.access import FUNDER, STAFF_ROLES, roles_in_area


def report_view_for(user, area) -> str | None:
    """How `user` may see the period reports of `area`: "full" for its brokers and
    coordinators, "aggregate" for its funders (disclosure control, docs/privacy.md),
    None for anyone else (participants, organisations, other areas)."""
    roles = roles_in_area(user, area)
    if roles & STAFF_ROLES:
        return "full"
    if FUNDER in roles:
        return "aggregate"
    return None

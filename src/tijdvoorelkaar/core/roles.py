"""The roles a person can hold in an area: defined here once, used everywhere.

Roles belong to a person *in one area* (werkgebied). Four are stored as rows
(accounts.Role: organisation contact, broker, coordinator, funder); "participant" means the
person takes part in the area (a participants.Participant row) and "admin" is the system
administrator (a superuser), who holds no role in any area."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredRole(models.TextChoices):
    """The roles kept as accounts.Role rows."""

    ORGANISATION = "organisation", _("contactpersoon organisatie")
    BROKER = "broker", _("sociaal makelaar")
    COORDINATOR = "coordinator", _("coördinator")
    FUNDER = "funder", _("financier")


PARTICIPANT = "participant"
ORGANISATION = StoredRole.ORGANISATION.value
BROKER = StoredRole.BROKER.value
COORDINATOR = StoredRole.COORDINATOR.value
FUNDER = StoredRole.FUNDER.value
ADMIN = "admin"

STAFF_ROLES = frozenset({BROKER, COORDINATOR})
# Every role a user can be given with `manage.py create_user --role`.
ALL_ROLES = (PARTICIPANT, ORGANISATION, BROKER, COORDINATOR, FUNDER, ADMIN)

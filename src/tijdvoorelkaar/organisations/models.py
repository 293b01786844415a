"""Local organisations and their contact persons, referrals in (the broker's inbox) and the
social map. Vacancies are ads (marketplace.Ad.organisation); placements are mediations
(mediations.Mediation.organisation)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.access import ORGANISATION, is_staff_in, roles_in_area


class OrganisationQuerySet(models.QuerySet):
    def managed_by(self, user, area):
        """Organisations of `area` the user acts for: all for its brokers and coordinators,
        those the user is a contact person of for organisation contacts, none otherwise."""
        qs = self.filter(area=area)
        if is_staff_in(user, area):
            return qs
        if ORGANISATION in roles_in_area(user, area):
            return qs.filter(contacts__user=user).distinct()
        return qs.none()


class IncomingReferralQuerySet(models.QuerySet):
    def visible_to(self, user, area):
        """Referrals into `area`: all for its staff, those they made for organisation
        contacts (without what happened next), none otherwise."""
        qs = self.filter(area=area)
        if is_staff_in(user, area):
            return qs.select_related("participant__user", "organisation")
        if ORGANISATION in roles_in_area(user, area):
            return qs.filter(referred_by=user)
        return qs.none()

    def waiting_for(self, user, area):
        """Referrals waiting in the broker's inbox (staff of `area` only), oldest first."""
        if not is_staff_in(user, area):
            return self.none()
        return (
            self.filter(area=area, status=IncomingReferral.Status.PENDING)
            .select_related("neighbourhood")
            .order_by("created_at", "pk")
        )


class Organisation(models.Model):
    """A local organisation (buurthuis, GP practice, scouting ...). Its address and phone
    number are those of the organisation, never of a person."""

    class Kind(models.TextChoices):
        COMMUNITY_CENTRE = "buurthuis", _("buurthuis")
        SCHOOL = "school", _("school")
        SCOUTING = "scouting", _("scouting")
        CARE_HOME = "zorginstelling", _("zorginstelling")
        GP = "huisartsenpraktijk", _("huisartsenpraktijk")
        MENTAL_HEALTH = "ggz", _("ggz")
        SOCIAL_WORK = "maatschappelijk_werk", _("maatschappelijk werk")
        VOLUNTEERING = "vrijwilligersorganisatie", _("vrijwilligersorganisatie")
        SHOP = "winkel", _("winkel")
        OTHER = "anders", _("anders")

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam"), max_length=80)
    kind = models.CharField(_("soort organisatie"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("over de organisatie"), max_length=2000, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            models.UniqueConstraint(fields=["area", "slug"], name="organisation_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name


class OrganisationContact(models.Model):
    """A contact person who signs in for the organisation (Role kind "organisation")."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_contacts"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="org_contact_unique"),
        ]

    def __str__(self) -> str:
        return f"Contactpersoon #{self.pk}"


class IncomingReferral(models.Model):
    """A resident referred to us by a professional (GP, care worker ...).

    It waits in the broker's inbox (status "wacht") with the resident's details on this
    row; nobody is registered and nothing counts in a report. Accepting registers the
    resident (or links the one already known) and clears the details here; declining
    clears the details and the referrer's contact details (see docs/privacy.md)."""

    class Status(models.TextChoices):
        PENDING = "wacht", _("wacht op beoordeling")
        ACCEPTED = "aangenomen", _("aangenomen")
        DECLINED = "afgewezen", _("afgewezen")

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(
        "participants.Participant",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="incoming_referrals",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    # The resident, until a broker accepts or declines.
    first_name = models.CharField(_("voornaam bewoner"), max_length=80, blank=True)
    last_name = models.CharField(_("achternaam bewoner"), max_length=120, blank=True)
    phone = models.CharField(_("telefoon bewoner"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail bewoner"), blank=True)
    address = models.TextField(_("adres bewoner"), max_length=300, blank=True)
    neighbourhood = models.ForeignKey(
        "areas.Neighbourhood", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    organisation_name = models.CharField(_("verwijzende organisatie"), max_length=120)
    referrer_name = models.CharField(_("naam verwijzer"), max_length=120)
    referrer_email = models.EmailField(_("e-mail verwijzer"), blank=True)
    referrer_phone = models.CharField(_("telefoon verwijzer"), max_length=30, blank=True)
    reason = models.TextField(_("waarom"), max_length=1000, blank=True)
    resident_consent = models.BooleanField(default=False)
    feedback_consent = models.BooleanField(default=False)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    feedback_sent_at = models.DateTimeField(null=True, blank=True)

    objects = IncomingReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("doorverwijzing")

    def __str__(self) -> str:
        return f"Doorverwijzing #{self.pk}"


class SocialMapEntry(models.Model):
    """A service or activity on the area's social map (sociale kaart)."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("naam"), max_length=160)
    what_for = models.TextField(_("waarvoor"), max_length=1000)
    where = models.CharField(_("waar"), max_length=200, blank=True)
    when = models.CharField(_("wanneer"), max_length=200, blank=True)
    how_to_reach = models.CharField(_("hoe bereikbaar"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    active = models.BooleanField(_("staat op de kaart"), default=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]
        verbose_name = _("item op de sociale kaart")

    def __str__(self) -> str:
        return self.name

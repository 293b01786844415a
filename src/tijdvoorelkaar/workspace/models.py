"""The broker's workspace: intake, background, confidential notes, routing history,
contact moments, tasks, worries and referrals. Seen only by the area's brokers and
coordinators (through core.access), never by participants."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.participants.models import Stage

DECLINED = "niet_zeggen"
DECLINED_LABEL = _("wil ik niet zeggen")


class Intake(models.Model):
    """The kennismaking: a guided conversation about what someone is good at, likes doing
    and could use help with."""

    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="intakes"
    )
    held_on = models.DateField(_("datum kennismaking"))
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    good_at = models.TextField(_("waar bent u goed in?"), max_length=2000, blank=True)
    likes_doing = models.TextField(_("wat doet u graag?"), max_length=2000, blank=True)
    needs_help_with = models.TextField(
        _("waar zou u hulp bij kunnen gebruiken?"), max_length=2000, blank=True
    )
    availability = models.JSONField(_("wanneer beschikbaar"), default=list, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Kennismaking #{self.pk}"


class Background(models.Model):
    """Voluntary background for reports only; every question may be declined."""

    class Gender(models.TextChoices):
        WOMAN = "vrouw", _("vrouw")
        MAN = "man", _("man")
        OTHER = "anders", _("anders")
        DECLINED = DECLINED, DECLINED_LABEL

    class Household(models.TextChoices):
        SINGLE = "alleen", _("een persoon")
        COUPLE = "paar", _("paar zonder (thuiswonende) kinderen")
        COUPLE_CHILDREN = "paar_kinderen", _("paar met (thuiswonende) kinderen")
        PARENT_CHILDREN = "ouder_kinderen", _("een ouder met thuiswonende kinderen")
        PARENT = "ouder", _("een ouder zonder thuiswonende kinderen")
        OTHER = "anders", _("andere samenstelling")
        DECLINED = DECLINED, DECLINED_LABEL

    class Work(models.TextChoices):
        PAID = "betaald", _("betaald werk")
        VOLUNTEER = "vrijwilligerswerk", _("vrijwilligerswerk")
        STUDY = "studie", _("school of studie")
        HOME = "huishouden", _("huishouden en zorg")
        SEEKING = "werkzoekend", _("werkzoekend")
        UNFIT = "arbeidsongeschikt", _("arbeidsongeschikt")
        RETIRED = "gepensioneerd", _("gepensioneerd")
        OTHER = "anders", _("anders")
        DECLINED = DECLINED, DECLINED_LABEL

    class Origin(models.TextChoices):
        DUTCH = "nederlands", _("Nederlands")
        SURINAMESE = "surinaams", _("Surinaams")
        ANTILLEAN = "antilliaans", _("Antilliaans/Arubaans")
        TURKISH = "turks", _("Turks")
        MOROCCAN = "marokkaans", _("Marokkaans")
        OTHER = "anders", _("anders")
        DECLINED = DECLINED, DECLINED_LABEL

    participant = models.OneToOneField(
        "participants.Participant", on_delete=models.CASCADE, related_name="background"
    )
    gender = models.CharField(_("geslacht"), max_length=20, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("geboortejaar"), null=True, blank=True)
    birth_year_declined = models.BooleanField(_("geboortejaar: wil ik niet zeggen"), default=False)
    household = models.CharField(
        _("huishouden"), max_length=20, choices=Household.choices, blank=True
    )
    work_situation = models.CharField(
        _("wat doet u overdag"), max_length=20, choices=Work.choices, blank=True
    )
    origin = models.CharField(
        _("land van herkomst"), max_length=20, choices=Origin.choices, blank=True
    )
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Achtergrond #{self.pk}"


class ConfidentialNote(models.Model):
    """Sensitivities and support needs. Every read and write goes to the audit log."""

    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="confidential_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=4000)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Notitie #{self.pk}"


class StageChange(models.Model):
    """One step in a participant's routing history."""

    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="stage_changes"
    )
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.from_stage} -> {self.to_stage}"


class ContactMoment(models.Model):
    class Kind(models.TextChoices):
        INTRODUCTION = "kennismaking", _("kennismaking")
        SUPPORT = "ondersteuning", _("ondersteuning")
        FOLLOW_UP = "nazorg", _("nazorg")
        REFERRAL = "doorverwijzing", _("doorverwijzing")

    class Medium(models.TextChoices):
        CALL = "telefoon", _("telefoongesprek")
        VISIT = "bezoek", _("bezoek")
        EMAIL = "e-mail", _("e-mail")
        POST = "post", _("brief")
        OTHER = "anders", _("anders")

    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="contact_moments"
    )
    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    happened_on = models.DateField(_("datum"))
    channel = models.CharField(_("hoe"), max_length=20, choices=Medium.choices)
    kind = models.CharField(_("soort gesprek"), max_length=20, choices=Kind.choices)
    summary = models.TextField(_("korte samenvatting"), max_length=1000)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-happened_on", "-id"]
        indexes = [models.Index(fields=["participant", "kind"], name="contact_participant_kind")]

    def __str__(self) -> str:
        return f"Contact #{self.pk}"


class Concern(models.Model):
    """A worry the broker noticed (e.g. seems lonely, debts)."""

    class Kind(models.TextChoices):
        LONELY = "vereenzaamd", _("lijkt vereenzaamd")
        DEBTS = "schulden", _("schulden of geldzorgen")
        HEALTH = "gezondheid", _("gezondheid")
        HOUSING = "wonen", _("woonsituatie")
        CARE = "zorg", _("zorg of mantelzorg")
        SAFETY = "veiligheid", _("veiligheid")
        OTHER = "anders", _("anders")

    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="concerns"
    )
    kind = models.CharField(_("soort zorg"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("toelichting"), max_length=1000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"Zorgsignaal #{self.pk}"


class ReferralOut(models.Model):
    """A referral to another organisation (free text; a later issue adds the social map)."""

    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="referrals_out"
    )
    organisation = models.CharField(_("organisatie"), max_length=160)
    contact = models.CharField(_("contactpersoon daar"), max_length=120, blank=True)
    reason = models.TextField(_("waarom"), max_length=1000)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_on = models.DateField()

    class Meta:
        ordering = ["-made_on", "-id"]

    def __str__(self) -> str:
        return f"Doorverwijzing #{self.pk}"


TALLY_UNKNOWN = "onbekend"
# The background questions folded into tallies, as the report groups them.
TALLY_FIELDS = ("gender", "birth_year", "household", "work_situation", "origin")


class BackgroundTally(models.Model):
    """Anonymous counts of the background of erased participants: per area and month of
    registration, one count per (question, answer), never a combination of answers and
    never a row per person. The report adds these to what it counts from Background, so
    its figures do not change when someone is erased (privacy.services.erase_person)."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # the first day of the registration month
    field = models.CharField(max_length=20)
    value = models.CharField(max_length=20)  # the answer as reported, or "onbekend"
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area", "month", "field", "value"], name="background_tally_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.field}={self.value}: {self.count}"

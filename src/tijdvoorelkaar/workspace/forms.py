from django import forms
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.areas.models import Neighbourhood
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.forms import TrimmedCharField
from tijdvoorelkaar.marketplace.forms import AvailabilityWidget
from tijdvoorelkaar.marketplace.models import AVAILABILITY_SLOTS
from tijdvoorelkaar.participants.forms import split_list
from tijdvoorelkaar.participants.models import Channel, Inflow, Stage

from .models import Background, Concern, ContactMoment


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


DATE_ERRORS = {
    "required": _("Vul een datum in."),
    "invalid": _("Vul een geldige datum in, bijvoorbeeld 14-03-2026."),
}


class RegisterForm(forms.Form):
    first_name = TrimmedCharField(
        label=_("Voornaam"),
        max_length=80,
        error_messages={"required": _("Vul de voornaam in.")},
    )
    last_name = TrimmedCharField(label=_("Achternaam"), max_length=120, required=False)
    neighbourhood = forms.ModelChoiceField(
        label=_("Buurt"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label=_("Onbekend"),
    )
    phone = TrimmedCharField(label=_("Telefoonnummer"), max_length=30, required=False)
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        help_text=_("Laat leeg als de bewoner geen e-mail heeft."),
        error_messages={"invalid": _("Dit is geen geldig e-mailadres.")},
    )
    address = TrimmedCharField(
        label=_("Postadres"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen nodig als de bewoner post wil ontvangen."),
    )
    preferred_channel = forms.ChoiceField(
        label=_("Hoe wil de bewoner bereikt worden?"),
        choices=Channel.choices,
        initial=Channel.PHONE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe de bewoner bereikt wil worden.")},
    )
    contact_person_name = TrimmedCharField(
        label=_("Naam contactpersoon"),
        max_length=120,
        required=False,
        help_text=_("Bijvoorbeeld een familielid of begeleider."),
    )
    contact_person_relation = TrimmedCharField(
        label=_("Relatie tot de bewoner"), max_length=80, required=False
    )
    contact_person_phone = TrimmedCharField(
        label=_("Telefoon contactpersoon"), max_length=30, required=False
    )
    contact_person_email = forms.EmailField(
        label=_("E-mail contactpersoon"),
        required=False,
        error_messages={"invalid": _("Dit is geen geldig e-mailadres.")},
    )
    contact_person_consent = forms.BooleanField(
        label=_("De bewoner geeft toestemming om via deze contactpersoon contact op te nemen"),
        required=False,
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(area=area)

    def clean(self):
        data = super().clean()
        channel = data.get("preferred_channel")
        phone, email = data.get("phone"), data.get("email")
        if not (phone or email or data.get("address") or data.get("contact_person_name")):
            raise forms.ValidationError(
                _("Vul minstens een telefoonnummer, e-mailadres, postadres of contactpersoon in.")
            )
        if channel == Channel.PHONE and not phone:
            self.add_error("phone", _("Vul het telefoonnummer in, want de voorkeur is telefoon."))
        if channel == Channel.EMAIL and not email:
            self.add_error("email", _("Vul het e-mailadres in, want de voorkeur is e-mail."))
        if channel == Channel.POST and not data.get("address"):
            self.add_error("address", _("Vul het postadres in, want de voorkeur is post."))
        has_person = bool(data.get("contact_person_name"))
        if channel == Channel.CONTACT_PERSON and not has_person:
            self.add_error("contact_person_name", _("Vul de naam van de contactpersoon in."))
        if has_person:
            if not (data.get("contact_person_phone") or data.get("contact_person_email")):
                self.add_error(
                    "contact_person_phone",
                    _("Vul een telefoonnummer of e-mailadres van de contactpersoon in."),
                )
            if not data.get("contact_person_consent"):
                self.add_error(
                    "contact_person_consent",
                    _("Vraag de bewoner om toestemming voor de contactpersoon en vink dit aan."),
                )
        return data


class IntakeForm(forms.Form):
    held_on = forms.DateField(
        label=_("Datum van de kennismaking"), widget=DateInput, error_messages=DATE_ERRORS
    )
    channel = forms.ChoiceField(
        label=_("Hoe was de kennismaking?"),
        choices=ContactMoment.Medium.choices,
        initial=ContactMoment.Medium.VISIT,
        widget=forms.RadioSelect,
    )
    good_at = TrimmedCharField(
        label=_("Waar bent u goed in?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    likes_doing = TrimmedCharField(
        label=_("Wat doet u graag?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    needs_help_with = TrimmedCharField(
        label=_("Waar zou u hulp bij kunnen gebruiken?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    languages_text = TrimmedCharField(
        label=_("Talen"),
        max_length=300,
        required=False,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: Nederlands, Turks"),
    )
    interests_text = TrimmedCharField(
        label=_("Interesses"),
        max_length=300,
        required=False,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: tuinieren, koken"),
    )
    availability = forms.MultipleChoiceField(
        label=_("Wanneer beschikbaar?"),
        required=False,
        widget=AvailabilityWidget,
        choices=[(s, s) for s in AVAILABILITY_SLOTS],
    )
    inflow_source = forms.ChoiceField(
        label=_("Hoe heeft u van ons gehoord?"),
        choices=Inflow.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    referrer_organisation = TrimmedCharField(
        label=_("Verwijzende organisatie"),
        max_length=120,
        required=False,
        help_text=_("Bij een doorverwijzing, bijvoorbeeld de huisarts of het wijkteam."),
    )
    referrer_person = TrimmedCharField(label=_("Naam verwijzer"), max_length=120, required=False)

    def clean(self):
        data = super().clean()
        if not any(data.get(k) for k in ("good_at", "likes_doing", "needs_help_with")):
            raise forms.ValidationError(
                _(
                    "Vul minstens één van de drie vragen in: waar is de deelnemer goed in, "
                    "wat doet hij of zij graag, of waar zou hulp welkom zijn."
                )
            )
        if data.get("inflow_source") == Inflow.REFERRAL and not data.get("referrer_organisation"):
            self.add_error(
                "referrer_organisation", _("Vul in welke organisatie de deelnemer doorverwees.")
            )
        if data.get("held_on") and data["held_on"] > clock.today():
            self.add_error("held_on", _("De kennismaking kan niet in de toekomst liggen."))
        data["languages"] = split_list(data.get("languages_text", ""))
        data["interests"] = split_list(data.get("interests_text", ""))
        return data


def _with_declined(choices):
    return [("", _("niet gevraagd"))] + list(choices)


class BackgroundForm(forms.Form):
    gender = forms.ChoiceField(
        label=_("Geslacht"),
        choices=_with_declined(Background.Gender.choices),
        required=False,
        widget=forms.RadioSelect,
    )
    birth_year = forms.IntegerField(
        label=_("Geboortejaar"),
        required=False,
        min_value=1900,
        error_messages={
            "invalid": _("Vul een jaartal in, bijvoorbeeld 1948."),
            "min_value": _("Vul een geboortejaar vanaf 1900 in."),
        },
    )
    birth_year_declined = forms.BooleanField(
        label=_("Geboortejaar: wil ik niet zeggen"), required=False
    )
    household = forms.ChoiceField(
        label=_("Huishouden"),
        choices=_with_declined(Background.Household.choices),
        required=False,
        widget=forms.RadioSelect,
    )
    work_situation = forms.ChoiceField(
        label=_("Wat doet u overdag op doordeweekse dagen?"),
        choices=_with_declined(Background.Work.choices),
        required=False,
        widget=forms.RadioSelect,
    )
    origin = forms.ChoiceField(
        label=_("Land van herkomst"),
        choices=_with_declined(Background.Origin.choices),
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year is not None and year > clock.today().year:
            raise forms.ValidationError(_("Het geboortejaar kan niet in de toekomst liggen."))
        return year

    def clean(self):
        data = super().clean()
        if data.get("birth_year") and data.get("birth_year_declined"):
            self.add_error(
                "birth_year",
                _("Vul een geboortejaar in óf vink 'wil ik niet zeggen' aan, niet allebei."),
            )
        return data


class NoteForm(forms.Form):
    body = TrimmedCharField(
        label=_("Nieuwe notitie"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Alleen zichtbaar voor de makelaars en coördinatoren van dit werkgebied."),
        error_messages={"required": _("De notitie is leeg. Schrijf eerst iets.")},
    )


class StageForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("Nieuwe fase"),
        choices=Stage.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een fase.")},
    )


class PauseForm(forms.Form):
    until = forms.DateField(
        label=_("Tijdelijk niet beschikbaar tot en met"),
        widget=DateInput,
        required=False,
        help_text=_(
            "Zolang iemand gepauzeerd is, wordt die niet voorgesteld of gesuggereerd. "
            "Laat leeg om de pauze op te heffen."
        ),
        error_messages=DATE_ERRORS,
    )


class NextContactForm(forms.Form):
    on = forms.DateField(
        label=_("Wanneer neemt u weer contact op?"), widget=DateInput, error_messages=DATE_ERRORS
    )
    note = TrimmedCharField(
        label=_("Waarover?"),
        max_length=120,
        required=False,
        help_text=_("Kort, bijvoorbeeld: terugbellen over de boodschappenhulp"),
    )

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on < clock.today():
            raise forms.ValidationError(_("Kies een datum vanaf vandaag."))
        return on


class ContactForm(forms.Form):
    happened_on = forms.DateField(label=_("Datum"), widget=DateInput, error_messages=DATE_ERRORS)
    channel = forms.ChoiceField(
        label=_("Hoe?"),
        choices=ContactMoment.Medium.choices,
        initial=ContactMoment.Medium.CALL,
        widget=forms.RadioSelect,
    )
    kind = forms.ChoiceField(
        label=_("Soort gesprek"),
        choices=ContactMoment.Kind.choices,
        initial=ContactMoment.Kind.SUPPORT,
        widget=forms.RadioSelect,
    )
    summary = TrimmedCharField(
        label=_("Korte samenvatting"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Zet gevoelige informatie in de vertrouwelijke notities, niet hier."),
        error_messages={"required": _("Schrijf een korte samenvatting van het contact.")},
    )

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day > clock.today():
            raise forms.ValidationError(_("Een contactmoment kan niet in de toekomst liggen."))
        return day


class TaskForm(forms.Form):
    title = TrimmedCharField(
        label=_("Wat moet er gebeuren?"),
        max_length=200,
        error_messages={"required": _("Schrijf op wat er moet gebeuren.")},
    )
    due_on = forms.DateField(label=_("Uiterlijk op"), widget=DateInput, error_messages=DATE_ERRORS)
    assignee = forms.ModelChoiceField(
        label=_("Voor wie?"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Kies een makelaar uit de lijst.")},
    )

    def __init__(self, *args, brokers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = brokers
        self.fields["assignee"].label_from_instance = lambda u: u.full_name


class FollowUpMixin(forms.Form):
    follow_up_on = forms.DateField(
        label=_("Opvolgen op"),
        widget=DateInput,
        error_messages=DATE_ERRORS,
        help_text=_("Op deze dag komt er een taak op uw lijst."),
    )

    def clean_follow_up_on(self):
        day = self.cleaned_data["follow_up_on"]
        if day < clock.today():
            raise forms.ValidationError(_("Kies een datum vanaf vandaag."))
        return day


class ConcernForm(FollowUpMixin):
    kind = forms.ChoiceField(
        label=_("Wat is de zorg?"),
        choices=Concern.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat voor zorg het is.")},
    )
    description = TrimmedCharField(
        label=_("Toelichting"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    field_order = ["kind", "description", "follow_up_on"]


class ReferralForm(FollowUpMixin):
    organisation = TrimmedCharField(
        label=_("Naar welke organisatie?"),
        max_length=160,
        error_messages={"required": _("Vul in naar welke organisatie u doorverwijst.")},
    )
    contact = TrimmedCharField(label=_("Contactpersoon daar"), max_length=120, required=False)
    reason = TrimmedCharField(
        label=_("Waarom?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf kort op waarom u doorverwijst.")},
    )
    field_order = ["organisation", "contact", "reason", "follow_up_on"]


class HandoverForm(forms.Form):
    to_broker = forms.ModelChoiceField(
        label=_("Overdragen aan"),
        queryset=None,
        empty_label=_("Kies een makelaar"),
        error_messages={
            "required": _("Kies aan wie u overdraagt."),
            "invalid_choice": _("Kies een makelaar uit de lijst."),
        },
    )

    def __init__(self, *args, brokers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_broker"].queryset = brokers
        self.fields["to_broker"].label_from_instance = lambda u: u.full_name


class CaseloadHandoverForm(HandoverForm):
    from_broker = forms.ModelChoiceField(
        label=_("Caseload van"),
        queryset=None,
        empty_label=_("Kies een makelaar"),
        error_messages={
            "required": _("Kies van wie de caseload is."),
            "invalid_choice": _("Kies een makelaar uit de lijst."),
        },
    )
    field_order = ["from_broker", "to_broker"]

    def __init__(self, *args, brokers, **kwargs):
        super().__init__(*args, brokers=brokers, **kwargs)
        self.fields["from_broker"].queryset = brokers
        self.fields["from_broker"].label_from_instance = lambda u: u.full_name

    def clean(self):
        data = super().clean()
        if data.get("from_broker") and data.get("from_broker") == data.get("to_broker"):
            self.add_error("to_broker", _("Kies een andere makelaar om aan over te dragen."))
        return data

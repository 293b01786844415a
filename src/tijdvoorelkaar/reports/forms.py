from django import forms
from django.utils.translation import gettext_lazy as _

from . import periods

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MESSAGES = {"invalid": _("Vul een geldige datum in, bijvoorbeeld 2026-01-31.")}


class PeriodForm(forms.Form):
    van = forms.DateField(
        label=_("Van"),
        widget=DATE,
        error_messages={**MESSAGES, "required": _("Vul de begindatum in.")},
    )
    tot = forms.DateField(
        label=_("Tot en met"),
        widget=DATE,
        error_messages={**MESSAGES, "required": _("Vul de einddatum in.")},
    )
    vergelijk_van = forms.DateField(
        label=_("Vergelijk met: van"),
        required=False,
        widget=DATE,
        error_messages=MESSAGES,
        help_text=_("Laat de vergelijking leeg voor één periode."),
    )
    vergelijk_tot = forms.DateField(
        label=_("Vergelijk met: tot en met"), required=False, widget=DATE, error_messages=MESSAGES
    )

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        other = (data.get("vergelijk_van"), data.get("vergelijk_tot"))
        if (
            any(other)
            and not all(other)
            and not self.errors.get("vergelijk_van")
            and not self.errors.get("vergelijk_tot")
        ):
            field = "vergelijk_tot" if other[0] else "vergelijk_van"
            self.add_error(field, _("Vul beide datums van de vergelijkingsperiode in."))
        elif all(other) and other[0] > other[1]:
            self.add_error("vergelijk_tot", _("De einddatum ligt voor de begindatum."))
        return data

    def periods(self):
        data = self.cleaned_data
        result = [(data["van"], data["tot"])]
        if data.get("vergelijk_van") and data.get("vergelijk_tot"):
            result.append((data["vergelijk_van"], data["vergelijk_tot"]))
        return result


class FunderPeriodForm(forms.Form):
    """A funder's choice: a fixed period, and perhaps one of the same kind to compare with.

    The page's select sends `periode` and `vergelijk` (the view then sends the browser to
    the report's address with ?van=&tot=); the address itself is read with `from_query`,
    so the same checks hold for both."""

    periode = forms.CharField(
        label=_("Periode"),
        widget=forms.Select,
        error_messages={"required": _("Kies een periode.")},
    )
    vergelijk = forms.CharField(
        label=_("Vergelijken met"),
        required=False,
        widget=forms.Select,
        help_text=_("Een periode van dezelfde soort: kwartaal met kwartaal, jaar met jaar."),
    )

    def __init__(self, data=None, *, first_year: int, today, **kwargs):
        super().__init__(data, **kwargs)
        self.today = today
        groups = periods.choices(first_year, today)
        self.fields["periode"].widget.choices = groups
        self.fields["vergelijk"].widget.choices = [("", _("niet vergelijken")), *groups]

    @classmethod
    def from_query(cls, query, **kwargs) -> "FunderPeriodForm":
        """The form bound to ?van=&tot=[&vergelijk_van=&vergelijk_tot=]."""
        data = {"periode": "", "vergelijk": ""}
        if query.get("van") or query.get("tot"):
            data["periode"] = f"{query.get('van', '')}_{query.get('tot', '')}"
        if query.get("vergelijk_van") or query.get("vergelijk_tot"):
            data["vergelijk"] = f"{query.get('vergelijk_van', '')}_{query.get('vergelijk_tot', '')}"
        return cls(data, **kwargs)

    def _fixed(self, value: str) -> periods.FixedPeriod:
        period = periods.parse(value)
        if period is None:
            year = _year_in(value, self.today)
            offered = [periods.choice_label(p) for p in periods.started_in(year, self.today)]
            raise forms.ValidationError(
                _(
                    "U kunt het verslag alleen over een vaste periode zien: een kalenderkwartaal, "
                    "een halfjaar of een kalenderjaar (bijvoorbeeld van=%(start)s&tot=%(end)s). "
                    "U kunt kiezen uit: %(choices)s."
                ),
                params={
                    "start": f"{self.today.year}-01-01",
                    "end": f"{self.today.year}-03-31",
                    "choices": ", ".join(offered),
                },
                code="not_fixed",
            )
        if not period.has_started(self.today):
            raise forms.ValidationError(
                _("%(period)s is nog niet begonnen; kies een periode die al begonnen is."),
                params={"period": str(period)},
                code="future",
            )
        return period

    def clean_periode(self):
        return self._fixed(self.cleaned_data["periode"])

    def clean_vergelijk(self):
        value = self.cleaned_data.get("vergelijk")
        return self._fixed(value) if value else None

    def clean(self):
        data = super().clean()
        first, other = data.get("periode"), data.get("vergelijk")
        if first and other and (first.kind != other.kind or first.overlaps(other)):
            self.add_error(
                "vergelijk",
                _(
                    "Vergelijk twee verschillende perioden van dezelfde soort: een kwartaal met "
                    "een ander kwartaal, een halfjaar met een ander halfjaar of een jaar met een "
                    "ander jaar."
                ),
            )
        return data

    def chosen(self) -> list[periods.FixedPeriod]:
        data = self.cleaned_data
        return [data["periode"], *([data["vergelijk"]] if data.get("vergelijk") else [])]

    def query(self) -> str:
        """The report's address for this choice: van=&tot=[&vergelijk_van=&vergelijk_tot=]."""
        first, *rest = self.chosen()
        query = f"van={first.start}&tot={first.end}"
        if rest:
            query += f"&vergelijk_van={rest[0].start}&vergelijk_tot={rest[0].end}"
        return query


def _year_in(value: str, today) -> int:
    """The year the reader seems to mean (the start's year), or this year."""
    head = (value or "")[:4]
    if head.isdigit() and 1900 <= int(head) <= today.year:
        return int(head)
    return today.year

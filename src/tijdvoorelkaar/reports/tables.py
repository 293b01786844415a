"""The report as tables: one shape for the page, the CSV, the XLSX and the PDF.

Built from one or two `kpi()` results (coordinators and brokers: exact figures) or from
`funder.funder_report()` (funders, `masked=True`): then the cells listed in `hidden`, and
any count under 5, read "<5", whatever the reason they are hidden; every table with
categories lists all of them in a fixed order; the growth factor is left out where either
side is hidden. The tables hold aggregates only: no names of people anywhere."""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.core import spreadsheet
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Inflow
from tijdvoorelkaar.workspace.models import Background

from .services import UNKNOWN, growth

SMALL = 5
HIDDEN = "<5"
HOURS_FORMAT = "#,##0.00"  # hours go by the quarter: 1,25

# Row labels by key (the keys are codes, as in kpi() and the funder's hidden sets); a key
# without a label is data, such as a category or organisation name, and shown as it is.
UNKNOWN_LABEL = gettext_lazy("onbekend")
INFLOW_LABELS = dict(Inflow.choices)
INFLOW_LABELS.update({"evenement": gettext_lazy("markt of evenement"), UNKNOWN: UNKNOWN_LABEL})
END_REASON_LABELS = {**dict(Mediation.EndReason.choices), UNKNOWN: UNKNOWN_LABEL}
AGE_LABELS = {
    "jonger dan 30": gettext_lazy("jonger dan 30"),
    "30 tot 50": gettext_lazy("30 tot 50"),
    "50 tot 65": gettext_lazy("50 tot 65"),
    "65 tot 80": gettext_lazy("65 tot 80"),
    "80 of ouder": gettext_lazy("80 of ouder"),
}
COMPOSITION = [
    ("gender", gettext_lazy("Geslacht"), Background.Gender),
    ("age", gettext_lazy("Leeftijd aan het eind van de periode"), None),
    ("household", gettext_lazy("Huishouden"), Background.Household),
    ("work_situation", gettext_lazy("Wat deelnemers overdag doen"), Background.Work),
    ("origin", gettext_lazy("Land van herkomst"), Background.Origin),
]
# The XLSX tab of each composition table (a tab name holds at most 31 characters).
COMPOSITION_SHEETS = {
    "gender": gettext_lazy("Samenstelling geslacht"),
    "age": gettext_lazy("Samenstelling leeftijd"),
    "household": gettext_lazy("Samenstelling huishouden"),
    "work_situation": gettext_lazy("Samenstelling dagbesteding"),
    "origin": gettext_lazy("Samenstelling land van herkomst"),
}


@dataclass
class Row:
    label: str
    values: list
    kind: str = "count"  # count | share | number | hours
    key: tuple = ()  # the figure's key, as in `funder.period_keys` and the hidden sets


@dataclass
class Table:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)
    note: str = ""
    sheet: str = ""  # a short name for the XLSX tab (exports.sheet_name makes it fit)


@dataclass
class Report:
    periods: list[str]
    tables: list[Table]
    masked: bool
    compare: bool
    hidden: list[set] = field(default_factory=list)  # per period: keys shown as "<5"
    time_credits: bool = False  # the area has Roosjes switched on (a table of their own)

    @property
    def headers(self) -> list[str]:
        heads = ["", *self.periods]
        if self.compare:
            heads.append(_("groeifactor"))
        return heads

    def is_hidden(self, row: Row, i: int) -> bool:
        if not self.masked:
            return False
        value = row.values[i]
        if row.kind == "count" and isinstance(value, int) and 0 < value < SMALL:
            return True
        return i < len(self.hidden) and row.key in self.hidden[i]

    def _factor(self, row: Row) -> float | None:
        if row.kind == "share" or any(self.is_hidden(row, i) for i in range(len(row.values))):
            return None
        return growth(*row.values[:2])

    def cells(self, row: Row) -> list[str]:
        shown = [self._cell(row, i) for i in range(len(row.values))]
        if self.compare:
            factor = self._factor(row)
            shown.append(_number(factor) if factor is not None else "")
        return shown

    def _cell(self, row: Row, i: int) -> str:
        value = row.values[i]
        if self.is_hidden(row, i):
            return HIDDEN
        if value is None:
            return "—"
        if row.kind == "share":
            return f"{round(value * 100)}%"
        return _number(value, places=2 if row.kind == "hours" else 1)

    def typed_cells(self, row: Row) -> list[tuple]:
        """(value, number format) per cell for a spreadsheet: counts and decimals as
        numbers, shares as fractions shown as a percentage, "<5" and "—" as text."""
        result = []
        for i, value in enumerate(row.values):
            if self.is_hidden(row, i):
                result.append((HIDDEN, None))
            elif value is None:
                result.append(("—", None))
            elif row.kind == "share":
                result.append((value, spreadsheet.PERCENT))
            elif row.kind == "hours" and isinstance(value, float):
                result.append((value, HOURS_FORMAT))
            elif isinstance(value, float):
                result.append((value, spreadsheet.DECIMAL))
            else:
                result.append((value, spreadsheet.WHOLE))
        if self.compare:
            factor = self._factor(row)
            result.append((factor, spreadsheet.DECIMAL if factor is not None else None))
        return result

    def rows_as_text(self, table: Table) -> list[list[str]]:
        return [[row.label, *self.cells(row)] for row in table.rows]

    def rows_as_values(self, table: Table) -> list[list[tuple]]:
        """Like `rows_as_text`, as (value, number format) pairs; the label first."""
        return [[(row.label, None), *self.typed_cells(row)] for row in table.rows]


def _number(value, places: int = 1) -> str:
    """1234 -> "1.234", 2.25 -> "2,2" (at most `places` decimals, as few as the value
    needs: 1.5 hours -> "1,5", 1.25 hours -> "1,25"), in the reader's language ("1,234"
    and "2.3" in English)."""
    if isinstance(value, float):
        value = round(value, places)
        if not value.is_integer():
            shown = next(d for d in range(1, places + 1) if round(value, d) == value)
            return number_format(value, decimal_pos=shown, force_grouping=True)
        value = int(value)
    return number_format(value, force_grouping=True)


def _dict_rows(
    figures: list[dict], key: str, labels: dict | None = None, *, fixed: bool = False
) -> list[Row]:
    """One row per category. `fixed`: every category the figures hold, in their order
    (the funder's rows); otherwise those that occur, largest first, "onbekend" last."""
    keys: list[str] = []
    for result in figures:
        for k in result.get(key) or {}:
            if k not in keys:
                keys.append(k)
    labels = labels or {}
    rows = [
        Row(
            str(labels.get(k, k)),
            [(result.get(key) or {}).get(k, 0) for result in figures],
            key=(key, k),
        )
        for k in keys
    ]
    if not fixed:
        rows.sort(key=lambda row: (row.key[1] == UNKNOWN, -row.values[-1], row.label))
    return rows


class _Rows:
    """Rows of the report's tables from one or two periods' figures."""

    def __init__(self, figures: list[dict], masked: bool):
        self.figures, self.masked = figures, masked

    def values(self, key):
        return [result.get(key) for result in self.figures]

    def row(self, label, key, kind="count") -> Row:
        return Row(label, self.values(key), kind, key=(key,))

    def dict_rows(self, key, labels=None) -> list[Row]:
        return _dict_rows(self.figures, key, labels, fixed=self.masked)


def _mediation_and_people_tables(rows: _Rows) -> list[Table]:
    row = rows.row
    total_label = _("Totaal aangemeld aan het eind van de periode")
    if rows.masked:
        total_label = _("Totaal aangemeld aan het eind van de periode (afgerond op tientallen)")
    return [
        Table(
            "bemiddelingen",
            _("Bemiddelingen en koppelingen"),
            [
                row(_("Bemiddelingen tussen bewoners"), "mediations_total"),
                row(_("waarvan actief ondersteund door de makelaar"), "mediations_supported"),
                row(_("Geslaagde koppelingen"), "matches_successful"),
                row(
                    _("waarvan actief ondersteund door de makelaar"), "matches_successful_supported"
                ),
                row(_("Mislukte actief ondersteunde bemiddelingen"), "mediations_supported_failed"),
                row(_("Nog lopend aan het eind van de periode"), "mediations_running"),
                row(
                    _("Vrijwilligersplaatsingen bij organisaties (apart geteld)"),
                    "volunteer_placements",
                ),
                row(
                    _("Mediane duur van een beëindigde koppeling (dagen)"),
                    "median_match_days",
                    "number",
                ),
            ],
            _("Een bemiddeling hoort bij de periode waarin ze begon."),
        ),
        Table(
            "deelnemers",
            _("Deelnemers"),
            [
                row(_("Nieuw aangemeld"), "participants_new"),
                row(total_label, "participants_total"),
                row(_("Actief in de periode"), "participants_active"),
            ],
        ),
        Table(
            "wederkerigheid",
            _("Wederkerigheid"),
            [
                row(
                    _("Deden iets voor een ander én kregen hulp (van wie in een koppeling zat)"),
                    "reciprocity_gave_and_received_share",
                    "share",
                ),
                row(
                    _("Plaatsten zowel een vraag als een aanbod (van wie iets plaatste)"),
                    "participants_with_request_and_offer_share",
                    "share",
                ),
            ],
        ),
    ]


def _inflow_ads_and_website_tables(rows: _Rows) -> list[Table]:
    row, dict_rows = rows.row, rows.dict_rows
    return [
        Table(
            "instroom",
            _("Hoe deelnemers bij ons kwamen (nieuw in de periode)"),
            dict_rows("inflow_by_source", INFLOW_LABELS),
            sheet=_("Instroom"),
        ),
        Table(
            "verwijzers",
            _("Doorverwijzingen per organisatie (nieuw in de periode)"),
            dict_rows("referrals_by_organisation", {UNKNOWN: UNKNOWN_LABEL}),
            sheet=_("Doorverwijzingen"),
        ),
        Table(
            "advertenties",
            _("Vraag en aanbod op de website"),
            [
                row(
                    _("Gemiddeld aantal advertenties online per dag"),
                    "ads_online_per_day",
                    "number",
                ),
                row(_("Nieuwe advertenties"), "ads_new"),
                row(_("waarvan vraag"), "ads_new_requests"),
                row(_("waarvan aanbod"), "ads_new_offers"),
                row(_("waarvan vacature"), "ads_new_vacancies"),
                row(_("Organisaties die een vacature plaatsten"), "vacancy_organisations"),
                row(_("Reacties op advertenties"), "reactions_total"),
            ],
            sheet=_("Vraag en aanbod"),
        ),
        Table(
            "categorieen",
            _("Nieuwe advertenties per categorie"),
            dict_rows("ads_by_category", {UNKNOWN: UNKNOWN_LABEL}),
            sheet=_("Categorieën"),
        ),
        Table(
            "einde",
            _("Waarom bemiddelingen eindigden"),
            dict_rows("end_reasons", END_REASON_LABELS),
            sheet=_("Redenen van einde"),
        ),
        Table(
            "website",
            _("Gebruik van de website (zonder cookies)"),
            [
                row(_("Paginaweergaven"), "website_page_views"),
                row(_("Bezoeken"), "website_visits"),
                row(_("Bezoeken per dag"), "website_visits_per_day", "number"),
                row(
                    _("Unieke bezoekers per dag (gemiddeld)"),
                    "website_unique_visitors_per_day",
                    "number",
                ),
                row(_("Unieke bezoekers (per maand geteld)"), "website_unique_visitors"),
                row(
                    _("Vaste bezoekers (6 bezoeken of meer in een maand)"),
                    "website_regular_visitors",
                ),
            ],
            _("Zie de privacyverklaring: geen cookies, geen IP-adressen, alleen totalen."),
            sheet=_("Websitegebruik"),
        ),
    ]


def _composition_tables(figures: list[dict], masked: bool) -> list[Table]:
    tables = []
    for name, title, choices in COMPOSITION:
        labels = dict(choices.choices) if choices else dict(AGE_LABELS)
        labels[UNKNOWN] = _("onbekend of wil niet zeggen")
        per_period = [{"x": (result.get("composition") or {}).get(name, {})} for result in figures]
        rows = _dict_rows(per_period, "x", labels, fixed=masked)
        for item in rows:
            item.key = ("composition", name, item.key[1])
        if masked and name == "age":
            title = _("Leeftijd in het jaar van de periode")
        named = {"title": str(title).lower()}
        if masked:
            heading = _("Samenstelling van wie in de periode nieuw aangemeld is: %(title)s") % named
        else:
            heading = _("Samenstelling: %(title)s") % named
        sheet = str(COMPOSITION_SHEETS[name])
        tables.append(Table(f"samenstelling-{name}", heading, rows, sheet=sheet))
    return tables


def _group_visit_tables(figures: list[dict]) -> list[Table]:
    tables = []
    group = [result.get("group_visits") for result in figures]
    if any(group):

        def visits(key):
            return [g.get(key) if g else None for g in group]

        tables.append(
            Table(
                "groepsbezoeken",
                _("Groepsbezoeken"),
                [
                    Row(_("Groepsbezoeken"), visits("group_visits"), key=("group_visits",)),
                    Row(
                        _("Bereikte bewoners"),
                        visits("group_visits_reached"),
                        key=("group_visits_reached",),
                    ),
                    Row(
                        _("Daarvan aangemeld als deelnemer"),
                        visits("group_visits_joined"),
                        key=("group_visits_joined",),
                    ),
                    Row(
                        _("Conversie (aangemeld van bereikt)"),
                        visits("group_visits_conversion"),
                        "share",
                        key=("group_visits_conversion",),
                    ),
                ],
                sheet=_("Groepsbezoeken"),
            )
        )
    return tables


# (key in kpi()'s "time_credits", label, kind): hours are decimals, the rest counts.
TIME_CREDIT_ROWS = [
    (
        "issued",
        gettext_lazy("Roosjes uitgegeven (uren): door organisaties en het project"),
        "hours",
    ),
    ("transfers", gettext_lazy("Boekingen"), "count"),
    ("hours", gettext_lazy("Uren in die boekingen"), "hours"),
    ("participants_giving", gettext_lazy("Deelnemers die Roosjes gaven"), "count"),
    ("participants_receiving", gettext_lazy("Deelnemers die Roosjes kregen"), "count"),
    ("organisations_issuing", gettext_lazy("Organisaties die Roosjes uitgaven"), "count"),
    (
        "organisations_redeeming",
        gettext_lazy("Organisaties die Roosjes innamen voor korting"),
        "count",
    ),
]


def _time_credit_tables(figures: list[dict]) -> list[Table]:
    """Roosjes, only when the area has them switched on (kpi() gives None otherwise)."""
    credits = [result.get("time_credits") for result in figures]
    if not any(item is not None for item in credits):
        return []
    rows = [
        Row(
            _("Roosjes in omloop aan het eind van de periode (uren bij deelnemers)"),
            [result.get("time_credits_in_circulation") for result in figures],
            "hours",
            key=("time_credits_in_circulation",),
        )
    ]
    for name, label, kind in TIME_CREDIT_ROWS:
        values = [item.get(name) if item else None for item in credits]
        rows.append(Row(str(label), values, kind, key=("time_credits", name)))
    return [
        Table(
            "roosjes",
            _("Roosjes (tijdtegoed)"),
            rows,
            _(
                "1 Roosje is 1 uur. Een boeking die met een correctie is teruggedraaid, telt "
                "niet mee."
            ),
            sheet=_("Roosjes"),
        )
    ]


def build(figures: list[dict], *, masked: bool, hidden: list[set] | None = None) -> Report:
    """The report tables for one period or two side by side. For a funder (`masked`),
    `figures` come from `funder.funder_report` with the `hidden` keys per period."""
    rows = _Rows(figures, masked)
    tables = [
        *_mediation_and_people_tables(rows),
        *_inflow_ads_and_website_tables(rows),
        *_composition_tables(figures, masked),
        *_group_visit_tables(figures),
        *_time_credit_tables(figures),
    ]
    periods = [
        _("%(start)s t/m %(end)s") % {"start": _day(r["start"]), "end": _day(r["end"])}
        for r in figures
    ]
    return Report(
        periods,
        tables,
        masked,
        len(figures) == 2,
        hidden or [set() for _ in figures],
        time_credits=any(result.get("time_credits") is not None for result in figures),
    )


def _day(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{int(day)}-{int(month)}-{year}"

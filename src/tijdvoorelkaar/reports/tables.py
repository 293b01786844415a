"""The report as tables: one shape for the page, the CSV, the XLSX and the PDF.

Built from one or two `kpi()` results (coordinators and brokers: exact figures) or from
`funder.funder_report()` (funders, `masked=True`): then the cells listed in `hidden`, and
any count under 5, read "<5", whatever the reason they are hidden; every table with
categories lists all of them in a fixed order; the growth factor is left out where either
side is hidden. The tables hold aggregates only: no names of people anywhere."""

from dataclasses import dataclass, field

from tijdvoorelkaar.core import spreadsheet
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Inflow
from tijdvoorelkaar.workspace.models import Background

from .services import UNKNOWN, growth

SMALL = 5
HIDDEN = "<5"

INFLOW_LABELS = {value: str(label) for value, label in Inflow.choices}
INFLOW_LABELS.update({"evenement": "markt of evenement", UNKNOWN: "onbekend"})
END_REASON_LABELS = {value: str(label) for value, label in Mediation.EndReason.choices}
COMPOSITION = [
    ("gender", "Geslacht", Background.Gender),
    ("age", "Leeftijd aan het eind van de periode", None),
    ("household", "Huishouden", Background.Household),
    ("work_situation", "Wat deelnemers overdag doen", Background.Work),
    ("origin", "Land van herkomst", Background.Origin),
]


@dataclass
class Row:
    label: str
    values: list
    kind: str = "count"  # count | share | number
    key: tuple = ()  # the figure's key, as in `funder.period_keys` and the hidden sets


@dataclass
class Table:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)
    note: str = ""
    sheet: str = ""  # a shorter name for the XLSX tab (at most 31 characters are kept)


@dataclass
class Report:
    periods: list[str]
    tables: list[Table]
    masked: bool
    compare: bool
    hidden: list[set] = field(default_factory=list)  # per period: keys shown as "<5"

    @property
    def headers(self) -> list[str]:
        heads = ["", *self.periods]
        if self.compare:
            heads.append("groeifactor")
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
        return _number(value)

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


def _number(value) -> str:
    if isinstance(value, float):
        text = f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        return text.removesuffix(",0")
    return f"{value:,}".replace(",", ".")


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
            labels.get(k, k),
            [(result.get(key) or {}).get(k, 0) for result in figures],
            key=(key, k),
        )
        for k in keys
    ]
    if not fixed:
        rows.sort(key=lambda row: (row.label == "onbekend", -row.values[-1], row.label))
    return rows


def build(figures: list[dict], *, masked: bool, hidden: list[set] | None = None) -> Report:
    """The report tables for one period or two side by side. For a funder (`masked`),
    `figures` come from `funder.funder_report` with the `hidden` keys per period."""

    def values(key):
        return [result.get(key) for result in figures]

    def row(label, key, kind="count"):
        return Row(label, values(key), kind, key=(key,))

    def dict_rows(key, labels=None):
        return _dict_rows(figures, key, labels, fixed=masked)

    total_label = "Totaal aangemeld aan het eind van de periode"
    if masked:
        total_label += " (afgerond op tientallen)"
    tables = [
        Table(
            "bemiddelingen",
            "Bemiddelingen en koppelingen",
            [
                row("Bemiddelingen tussen bewoners", "mediations_total"),
                row("waarvan actief ondersteund door de makelaar", "mediations_supported"),
                row("Geslaagde koppelingen", "matches_successful"),
                row("waarvan actief ondersteund door de makelaar", "matches_successful_supported"),
                row("Mislukte actief ondersteunde bemiddelingen", "mediations_supported_failed"),
                row("Nog lopend aan het eind van de periode", "mediations_running"),
                row(
                    "Vrijwilligersplaatsingen bij organisaties (apart geteld)",
                    "volunteer_placements",
                ),
                row(
                    "Mediane duur van een beëindigde koppeling (dagen)",
                    "median_match_days",
                    "number",
                ),
            ],
            "Een bemiddeling hoort bij de periode waarin ze begon.",
        ),
        Table(
            "deelnemers",
            "Deelnemers",
            [
                row("Nieuw aangemeld", "participants_new"),
                row(total_label, "participants_total"),
                row("Actief in de periode", "participants_active"),
            ],
        ),
        Table(
            "wederkerigheid",
            "Wederkerigheid",
            [
                row(
                    "Deden iets voor een ander én kregen hulp (van wie in een koppeling zat)",
                    "reciprocity_gave_and_received_share",
                    "share",
                ),
                row(
                    "Plaatsten zowel een vraag als een aanbod (van wie iets plaatste)",
                    "participants_with_request_and_offer_share",
                    "share",
                ),
            ],
        ),
        Table(
            "instroom",
            "Hoe deelnemers bij ons kwamen (nieuw in de periode)",
            dict_rows("inflow_by_source", INFLOW_LABELS),
        ),
        Table(
            "verwijzers",
            "Doorverwijzingen per organisatie (nieuw in de periode)",
            dict_rows("referrals_by_organisation", {UNKNOWN: "onbekend"}),
        ),
        Table(
            "advertenties",
            "Vraag en aanbod op de website",
            [
                row("Gemiddeld aantal advertenties online per dag", "ads_online_per_day", "number"),
                row("Nieuwe advertenties", "ads_new"),
                row("waarvan vraag", "ads_new_requests"),
                row("waarvan aanbod", "ads_new_offers"),
                row("waarvan vacature", "ads_new_vacancies"),
                row("Reacties op advertenties", "reactions_total"),
            ],
        ),
        Table(
            "categorieen",
            "Nieuwe advertenties per categorie",
            dict_rows("ads_by_category"),
        ),
        Table(
            "einde",
            "Waarom bemiddelingen eindigden",
            dict_rows("end_reasons", END_REASON_LABELS),
        ),
        Table(
            "website",
            "Gebruik van de website (zonder cookies)",
            [
                row("Paginaweergaven", "website_page_views"),
                row("Bezoeken", "website_visits"),
                row("Bezoeken per dag", "website_visits_per_day", "number"),
                row(
                    "Unieke bezoekers per dag (gemiddeld)",
                    "website_unique_visitors_per_day",
                    "number",
                ),
                row("Unieke bezoekers (per maand geteld)", "website_unique_visitors"),
                row(
                    "Vaste bezoekers (6 bezoeken of meer in een maand)",
                    "website_regular_visitors",
                ),
            ],
            "Zie de privacyverklaring: geen cookies, geen IP-adressen, alleen totalen.",
        ),
    ]
    for name, title, choices in COMPOSITION:
        labels = {value: str(label) for value, label in choices.choices} if choices else {}
        labels[UNKNOWN] = "onbekend of wil niet zeggen"
        per_period = [{"x": (result.get("composition") or {}).get(name, {})} for result in figures]
        rows = _dict_rows(per_period, "x", labels, fixed=masked)
        for item in rows:
            item.key = ("composition", name, item.key[1])
        if masked:
            if name == "age":
                title = "Leeftijd in het jaar van de periode"
            heading = f"Samenstelling van wie in de periode nieuw aangemeld is: {title.lower()}"
        else:
            heading = f"Samenstelling: {title.lower()}"
        tables.append(
            Table(f"samenstelling-{name}", heading, rows, sheet=f"Samenstelling {title.lower()}")
        )
    group = [result.get("group_visits") for result in figures]
    if any(group):

        def visits(key):
            return [g.get(key) if g else None for g in group]

        tables.append(
            Table(
                "groepsbezoeken",
                "Groepsbezoeken",
                [
                    Row("Groepsbezoeken", visits("group_visits"), key=("group_visits",)),
                    Row(
                        "Bereikte bewoners",
                        visits("group_visits_reached"),
                        key=("group_visits_reached",),
                    ),
                    Row(
                        "Daarvan aangemeld als deelnemer",
                        visits("group_visits_joined"),
                        key=("group_visits_joined",),
                    ),
                    Row(
                        "Conversie (aangemeld van bereikt)",
                        visits("group_visits_conversion"),
                        "share",
                        key=("group_visits_conversion",),
                    ),
                ],
            )
        )
    periods = [f"{_day(r['start'])} t/m {_day(r['end'])}" for r in figures]
    return Report(periods, tables, masked, len(figures) == 2, hidden or [set() for _ in figures])


def _day(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{int(day)}-{int(month)}-{year}"

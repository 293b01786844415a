"""The report as tables: one shape for the page, the CSV, the XLSX and the PDF.

Built from one or two `kpi()` results. For a funder (`masked=True`) every count under 5
(people, mediations, reactions, ...) is shown as "<5", and so is a share or a median
computed over fewer than 5; growth factors are left out where either side is hidden.
The tables hold aggregates only: no names of people anywhere."""

from dataclasses import dataclass, field

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
    bases: list | None = None  # for shares and medians: how many people they are over


@dataclass
class Table:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)
    note: str = ""


@dataclass
class Report:
    periods: list[str]
    tables: list[Table]
    masked: bool
    compare: bool

    @property
    def headers(self) -> list[str]:
        heads = ["", *self.periods]
        if self.compare:
            heads.append("groeifactor")
        return heads

    def cells(self, row: Row) -> list[str]:
        shown = [self._cell(row, i) for i in range(len(row.values))]
        if self.compare:
            hidden = HIDDEN in shown
            factor = None if hidden or row.kind == "share" else growth(*row.values[:2])
            shown.append(_number(factor) if factor is not None else "")
        return shown

    def _cell(self, row: Row, i: int) -> str:
        value = row.values[i]
        if value is None:
            return "—"
        if self.masked:
            if row.kind == "count" and value < SMALL:
                return HIDDEN
            if row.bases is not None and (row.bases[i] or 0) < SMALL:
                return HIDDEN
        if row.kind == "share":
            return f"{round(value * 100)}%"
        return _number(value)

    def rows_as_text(self, table: Table) -> list[list[str]]:
        return [[row.label, *self.cells(row)] for row in table.rows]


def _number(value) -> str:
    if isinstance(value, float):
        text = f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        return text.removesuffix(",0")
    return f"{value:,}".replace(",", ".")


def _dict_rows(figures: list[dict], key: str, labels: dict | None = None) -> list[Row]:
    keys: list[str] = []
    for result in figures:
        for k in result.get(key) or {}:
            if k not in keys:
                keys.append(k)
    labels = labels or {}
    rows = [
        Row(labels.get(k, k), [(result.get(key) or {}).get(k, 0) for result in figures])
        for k in keys
    ]
    rows.sort(key=lambda row: (row.label == "onbekend", -row.values[-1], row.label))
    return rows


def build(figures: list[dict], *, masked: bool) -> Report:
    """The report tables for one period or two side by side."""

    def values(key):
        return [result.get(key) for result in figures]

    tables = [
        Table(
            "bemiddelingen",
            "Bemiddelingen en koppelingen",
            [
                Row("Bemiddelingen tussen bewoners", values("mediations_total")),
                Row("waarvan actief ondersteund door de makelaar", values("mediations_supported")),
                Row("Geslaagde koppelingen", values("matches_successful")),
                Row(
                    "waarvan actief ondersteund door de makelaar",
                    values("matches_successful_supported"),
                ),
                Row(
                    "Mislukte actief ondersteunde bemiddelingen",
                    values("mediations_supported_failed"),
                ),
                Row("Nog lopend aan het eind van de periode", values("mediations_running")),
                Row(
                    "Vrijwilligersplaatsingen bij organisaties (apart geteld)",
                    values("volunteer_placements"),
                ),
                Row(
                    "Mediane duur van een beëindigde koppeling (dagen)",
                    values("median_match_days"),
                    "number",
                    values("median_match_days_n"),
                ),
            ],
            "Een bemiddeling hoort bij de periode waarin ze begon.",
        ),
        Table(
            "deelnemers",
            "Deelnemers",
            [
                Row("Nieuw aangemeld", values("participants_new")),
                Row("Totaal aangemeld aan het eind van de periode", values("participants_total")),
                Row("Actief in de periode", values("participants_active")),
            ],
        ),
        Table(
            "wederkerigheid",
            "Wederkerigheid",
            [
                Row(
                    "Deden iets voor een ander én kregen hulp (van wie in een koppeling zat)",
                    values("reciprocity_gave_and_received_share"),
                    "share",
                    values("match_participants"),
                ),
                Row(
                    "Plaatsten zowel een vraag als een aanbod (van wie iets plaatste)",
                    values("participants_with_request_and_offer_share"),
                    "share",
                    values("ad_participants"),
                ),
            ],
        ),
        Table(
            "instroom",
            "Hoe deelnemers bij ons kwamen (nieuw in de periode)",
            _dict_rows(figures, "inflow_by_source", INFLOW_LABELS),
        ),
        Table(
            "verwijzers",
            "Doorverwijzingen per organisatie (nieuw in de periode)",
            _dict_rows(figures, "referrals_by_organisation"),
        ),
        Table(
            "advertenties",
            "Vraag en aanbod op de website",
            [
                Row(
                    "Gemiddeld aantal advertenties online per dag",
                    values("ads_online_per_day"),
                    "number",
                ),
                Row("Nieuwe advertenties", values("ads_new")),
                Row("waarvan vraag", values("ads_new_requests")),
                Row("waarvan aanbod", values("ads_new_offers")),
                Row("waarvan vacature", values("ads_new_vacancies")),
                Row("Reacties op advertenties", values("reactions_total")),
            ],
        ),
        Table(
            "categorieen",
            "Nieuwe advertenties per categorie",
            _dict_rows(figures, "ads_by_category"),
        ),
        Table(
            "einde",
            "Waarom bemiddelingen eindigden",
            _dict_rows(figures, "end_reasons", END_REASON_LABELS),
        ),
        Table(
            "website",
            "Gebruik van de website (zonder cookies)",
            [
                Row("Paginaweergaven", values("website_page_views")),
                Row("Bezoeken", values("website_visits")),
                Row("Bezoeken per dag", values("website_visits_per_day"), "number"),
                Row(
                    "Unieke bezoekers per dag (gemiddeld)",
                    values("website_unique_visitors_per_day"),
                    "number",
                ),
                Row("Unieke bezoekers (per maand geteld)", values("website_unique_visitors")),
                Row(
                    "Vaste bezoekers (6 bezoeken of meer in een maand)",
                    values("website_regular_visitors"),
                ),
            ],
            "Zie de privacyverklaring: geen cookies, geen IP-adressen, alleen totalen.",
        ),
    ]
    for name, title, choices in COMPOSITION:
        labels = {value: str(label) for value, label in choices.choices} if choices else {}
        labels[UNKNOWN] = "onbekend of wil niet zeggen"
        per_period = [{"x": (result.get("composition") or {}).get(name, {})} for result in figures]
        tables.append(
            Table(
                f"samenstelling-{name}",
                f"Samenstelling: {title.lower()}",
                _dict_rows(per_period, "x", labels),
            )
        )
    group = [result.get("group_visits") for result in figures]
    if any(group):
        tables.append(
            Table(
                "groepsbezoeken",
                "Groepsbezoeken",
                [
                    Row("Groepsbezoeken", [g.get("group_visits") if g else None for g in group]),
                    Row(
                        "Bereikte bewoners",
                        [g.get("group_visits_reached") if g else None for g in group],
                    ),
                    Row(
                        "Daarvan aangemeld als deelnemer",
                        [g.get("group_visits_joined") if g else None for g in group],
                    ),
                    Row(
                        "Conversie (aangemeld van bereikt)",
                        [g.get("group_visits_conversion") if g else None for g in group],
                        "share",
                        [g.get("group_visits_reached") if g else None for g in group],
                    ),
                ],
            )
        )
    periods = [f"{_day(r['start'])} t/m {_day(r['end'])}" for r in figures]
    return Report(periods, tables, masked, len(figures) == 2)


def _day(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{int(day)}-{int(month)}-{year}"

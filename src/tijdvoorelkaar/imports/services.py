"""Importing existing registrations (Outlook, Excel, an old website) and exporting them in
the same three formats, so a project moves in one step and data round-trips.

All files are read and checked before anything is written. Any bad line is reported as
`<file>:<line>: <reason>` (the header is line 1, as in a spreadsheet) and then nothing is
imported. The import itself runs in one transaction. A row whose external_id is already
known in the area is left as it is and counted as unchanged, so importing the same files
again changes nothing. Imported people get no email, no password and no invitation: they
are registry entries (their address is kept on the Participant) until a broker invites
them, and an import never links them to an account that exists elsewhere.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.accounts.models import User, normalise_email
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import audit, clock, spreadsheet
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.marketplace.models import Ad, Category
from tijdvoorelkaar.marketplace.search import ad_stems
from tijdvoorelkaar.mediations.models import Mediation, MediationEvent
from tijdvoorelkaar.mediations.services import next_follow_up_on
from tijdvoorelkaar.participants.models import Inflow, Participant
from tijdvoorelkaar.participants.phones import normalise_phone
from tijdvoorelkaar.workspace.models import DECLINED, Background

PARTICIPANTS, ADS, MEDIATIONS = "participants", "ads", "mediations"
KINDS = (PARTICIPANTS, ADS, MEDIATIONS)

COLUMNS = {
    PARTICIPANTS: [
        "external_id",
        "name",
        "email",
        "phone",
        "neighbourhood",
        "gender",
        "birth_year",
        "registered_on",
        "inflow_source",
        "referrer_organisation",
    ],
    ADS: [
        "external_id",
        "owner_id",
        "kind",
        "category",
        "title",
        "description",
        "neighbourhood",
        "placed_on",
        "closed_on",
    ],
    MEDIATIONS: [
        "external_id",
        "requester_id",
        "provider_id",
        "broker_supported",
        "started_on",
        "reached_active",
        "ended_on",
        "end_reason",
        "category",
    ],
}
REQUIRED = {
    PARTICIPANTS: ["external_id", "name", "neighbourhood", "registered_on"],
    ADS: ["external_id", "owner_id", "kind", "title", "placed_on"],
    MEDIATIONS: [
        "external_id",
        "requester_id",
        "provider_id",
        "broker_supported",
        "started_on",
        "reached_active",
    ],
}
MAX_LENGTH = {
    "external_id": 64,
    "owner_id": 64,
    "requester_id": 64,
    "provider_id": 64,
    "email": 254,
    "phone": 30,
    "referrer_organisation": 120,
    "title": 120,
    "description": 2000,
    "category": 80,
}
KIND_NAMES = {
    PARTICIPANTS: gettext_lazy("deelnemers"),
    ADS: gettext_lazy("advertenties"),
    MEDIATIONS: gettext_lazy("bemiddelingen"),
}

GENDERS = {"v": Background.Gender.WOMAN, "m": Background.Gender.MAN, "x": Background.Gender.OTHER}
GENDER_VALUES = ["v", "m", "x", "onbekend"]
GENDER_EXPORT = {value: key for key, value in GENDERS.items()} | {DECLINED: "onbekend"}
# The contract says "evenement"; the model keeps markets and events as "markt".
INFLOW_IMPORT = {
    "website": Inflow.WEBSITE,
    "groepsbezoek": Inflow.GROUP_VISIT,
    "huisbezoek": Inflow.DOOR_TO_DOOR,
    "evenement": Inflow.MARKET,
    "mond-tot-mond": Inflow.WORD_OF_MOUTH,
    "doorverwijzing": Inflow.REFERRAL,
    "anders": Inflow.OTHER,
}
INFLOW_EXPORT = {value: key for key, value in INFLOW_IMPORT.items()}
AD_KINDS = [Ad.Kind.REQUEST.value, Ad.Kind.OFFER.value]
YES_NO = {"ja": True, "nee": False}
END_REASONS = list(Mediation.EndReason.values)
AD_LIFETIME = dt.timedelta(days=91)
DEFAULT_CATEGORY = "Overig"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class ImportFileError(ServiceError):
    """A file that cannot be read at all (not found, too big); the message is for the
    person importing (translated)."""


# --- Reading files ------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One bad line: the file, the line number as a spreadsheet shows it, and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class Table:
    """One file as rows of text cells. `label` names the file in messages."""

    kind: str
    label: str
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def error(self, line: int, reason: str) -> None:
        self.problems.append(Problem(self.label, line, reason))

    @property
    def errors(self) -> list[str]:
        return [str(p) for p in self.problems]


def _rows_to_table(table: Table, raw_rows) -> Table:
    header_seen = False
    for number, cells in enumerate(raw_rows, start=1):
        cells = [_cell_text(c) for c in cells]
        if not header_seen:
            if not any(cells):
                continue
            table.header = [c.lower() for c in cells]
            while table.header and not table.header[-1]:
                table.header.pop()
            header_seen = True
            header_line = number
            continue
        if not any(cells):
            continue
        table.rows.append((number, cells))
    if not header_seen:
        table.error(1, _("het bestand is leeg: de kopregel met kolomnamen ontbreekt"))
    elif header_line != 1:
        table.error(header_line, _("de kopregel moet op regel 1 staan"))
    return table


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # A cell we exported as '=..., '+31... (see core/spreadsheet.py) reads as it was.
    return spreadsheet.restore(str(value).strip()).strip()


def read_csv(kind: str, label: str, data: bytes) -> Table:
    """UTF-8 (a byte order mark is fine), comma or semicolon separated."""
    table = Table(kind=kind, label=label)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        table.error(
            line,
            _(
                "dit is geen UTF-8-tekst; sla het bestand op als 'CSV UTF-8 (door komma's "
                "gescheiden)'"
            ),
        )
        return table
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        table.error(1, _("dit bestand is geen leesbare CSV (%(error)s)") % {"error": exc})
        return table
    return _rows_to_table(table, rows)


def read_xlsx(kind: str, label: str, data: bytes) -> Table:
    """The first sheet of an Excel workbook; dates may be real Excel dates."""
    from openpyxl import load_workbook

    table = Table(kind=kind, label=label)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        workbook.close()
    except Exception:  # openpyxl raises many kinds of errors for a damaged file
        table.error(1, _("dit is geen leesbaar Excel-bestand (.xlsx)"))
        return table
    return _rows_to_table(table, rows)


def read_table(kind: str, label: str, data: bytes, filename: str | None = None) -> Table:
    name = (filename or label).lower()
    if name.endswith(".xlsx"):
        return read_xlsx(kind, label, data)
    return read_csv(kind, label, data)


def read_path(kind: str, path: str | Path) -> Table:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            _("Bestand %(path)s kan niet gelezen worden: %(reason)s.")
            % {"path": path, "reason": exc.strerror}
        ) from exc
    return read_table(kind, str(path), data, path.name)


# --- Checking -----------------------------------------------------------------------------


@dataclass
class Report:
    """The outcome of a check or an import: errors, or what was (or would be) created."""

    problems: list[Problem] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    unchanged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    linked: int = 0
    categories_added: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    imported: bool = False

    @property
    def errors(self) -> list[str]:
        return [str(p) for p in self.problems]

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary_lines(self) -> list[str]:
        lines = []
        for kind in self.kinds:
            values = {
                "name": KIND_NAMES[kind],
                "kind": kind,
                "created": self.created[kind],
                "unchanged": self.unchanged[kind],
            }
            if self.imported:
                line = _("%(name)s (%(kind)s): %(created)s aangemaakt, %(unchanged)s ongewijzigd")
            else:
                line = _("%(name)s (%(kind)s): %(created)s aan te maken, %(unchanged)s ongewijzigd")
            line %= values
            if kind == PARTICIPANTS and self.linked:
                line += _(" (waarvan %(linked)s gekoppeld aan een deelnemer die hier al stond)") % {
                    "linked": self.linked
                }
            lines.append(line)
        added = ", ".join(self.categories_added) if self.categories_added else _("geen")
        if self.imported:
            lines.append(_("categorieën toegevoegd: %(added)s") % {"added": added})
        else:
            lines.append(_("categorieën toe te voegen: %(added)s") % {"added": added})
        return lines


@dataclass
class _Plan:
    """What checking found: the rows to create, per file, with resolved references."""

    area: Area
    participants: list[dict] = field(default_factory=list)
    ads: list[dict] = field(default_factory=list)
    mediations: list[dict] = field(default_factory=list)
    adopt: list[tuple[Participant, str]] = field(default_factory=list)
    categories: dict[str, Category | str] = field(default_factory=dict)


class _Row:
    def __init__(self, table: Table, line: int, cells: list[str]):
        self.table, self.line = table, line
        self.values = dict(zip(table.header, cells, strict=False))
        self.ok = True

    def error(self, reason: str) -> None:
        self.ok = False
        self.table.error(self.line, reason)

    def text(self, column: str) -> str:
        value = self.values.get(column, "")
        limit = MAX_LENGTH.get(column)
        if limit and len(value) > limit:
            self.error(
                _('"%(column)s" is te lang (%(length)s tekens, hoogstens %(limit)s)')
                % {"column": column, "length": len(value), "limit": limit}
            )
        return value

    def date(self, column: str, *, not_future: bool = True) -> dt.date | None:
        value = self.values.get(column, "")
        if not value:
            return None
        try:
            if len(value) != 10:
                raise ValueError
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            self.error(
                _('"%(column)s": "%(value)s" is geen datum in de vorm JJJJ-MM-DD')
                % {"column": column, "value": value}
            )
            return None
        if not_future and parsed > clock.today():
            self.error(
                _('"%(column)s": %(value)s ligt in de toekomst')
                % {"column": column, "value": value}
            )
        return parsed

    def choice(self, column: str, choices) -> str:
        value = self.values.get(column, "")
        if value and value.lower() not in choices:
            self.error(
                _('"%(column)s": "%(value)s" is geen geldige waarde; kies uit %(choices)s')
                % {"column": column, "value": value, "choices": "|".join(choices)}
            )
            return ""
        return value.lower()


def _check_header(table: Table) -> bool:
    expected = COLUMNS[table.kind]
    seen = set()
    ok = not table.errors
    for column in table.header:
        if not column:
            continue
        if column in seen:
            table.error(
                1, _('kolom "%(column)s" staat twee keer in de kopregel') % {"column": column}
            )
            ok = False
        elif column not in expected:
            table.error(
                1,
                _('onbekende kolom "%(column)s"; verwacht: %(expected)s')
                % {"column": column, "expected": ",".join(expected)},
            )
            ok = False
        seen.add(column)
    for column in expected:
        if column not in seen and table.header:
            table.error(1, _('kolom "%(column)s" ontbreekt in de kopregel') % {"column": column})
            ok = False
    return ok


def _iter_rows(table: Table):
    for line, cells in table.rows:
        row = _Row(table, line, cells)
        extra = cells[len(table.header) :]
        if any(extra):
            row.error(_("deze regel heeft meer cellen dan de kopregel"))
        for column in REQUIRED[table.kind]:
            if not row.values.get(column):
                row.error(_('"%(column)s" is verplicht en is leeg') % {"column": column})
        yield row


def _external_ids(table: Table | None) -> set[str]:
    if table is None or "external_id" not in table.header:
        return set()
    index = table.header.index("external_id")
    return {cells[index] for _line, cells in table.rows if len(cells) > index and cells[index]}


def _check_unique_ids(row: _Row, seen: dict[str, int]) -> str:
    external_id = row.text("external_id")
    if external_id:
        if external_id in seen:
            row.error(
                _('external_id "%(id)s" staat ook al op regel %(line)s')
                % {"id": external_id, "line": seen[external_id]}
            )
        else:
            seen[external_id] = row.line
    return external_id


def _category(plan: _Plan, row: _Row, name: str) -> str | None:
    """The key of the category called `name` (case-insensitive); unknown names are created."""
    if not name:
        return None
    key = name.casefold()
    if key not in plan.categories:
        existing = {c.name.casefold(): c for c in Category.objects.filter(area=plan.area)}
        by_slug = {c.slug: c for c in existing.values()}
        plan.categories[key] = existing.get(key) or by_slug.get(slugify(name)) or name
    return key


def _check_participants(plan: _Plan, table: Table, report: Report) -> None:
    area = plan.area
    known = dict(
        Participant.objects.filter(area=area, external_id__isnull=False).values_list(
            "external_id", "pk"
        )
    )
    neighbourhoods = {nb.slug: nb for nb in area.neighbourhoods.all()}
    seen_ids: dict[str, int] = {}
    seen_emails: dict[str, int] = {}
    rows = list(_iter_rows(table))
    emails = {normalise_email(r.values.get("email")) for r in rows} - {None}
    # Only a participant of this area is ever matched by email (and adopted when it has
    # no external_id yet). An address that belongs to an account elsewhere, in another
    # area or as staff, is not linked to it: the person becomes a separate registry entry
    # here, and the broker's invitation decides later (docs/importeren.md).
    members = {}
    for p in Participant.objects.filter(
        Q(user__email__in=emails) | Q(registry_email__in=emails), area=area
    ).select_related("user"):
        for address in (p.user.email, p.registry_email):
            if address:
                members[address] = p
    for row in rows:
        external_id = _check_unique_ids(row, seen_ids)
        name = row.text("name")
        email = normalise_email(row.text("email"))
        if email:
            try:
                validate_email(email)
            except ValidationError:
                row.error(
                    _('"email": "%(value)s" is geen geldig e-mailadres')
                    % {"value": row.values["email"]}
                )
            if email in seen_emails:
                row.error(
                    _('e-mailadres "%(email)s" staat ook al op regel %(line)s')
                    % {"email": email, "line": seen_emails[email]}
                )
            else:
                seen_emails[email] = row.line
        phone = row.text("phone")
        slug = row.values.get("neighbourhood", "").lower()
        if slug and slug not in neighbourhoods:
            row.error(
                _('buurt "%(slug)s" bestaat niet in dit werkgebied; kies uit %(choices)s')
                % {"slug": slug, "choices": "|".join(sorted(neighbourhoods))}
            )
        gender = row.choice("gender", GENDER_VALUES)
        birth_year = None
        if row.values.get("birth_year"):
            raw = row.values["birth_year"]
            if not (raw.isdigit() and 1900 <= int(raw) <= clock.today().year):
                row.error(
                    _('"birth_year": "%(value)s" is geen geboortejaar (1900 tot nu)')
                    % {"value": raw}
                )
            else:
                birth_year = int(raw)
        registered_on = row.date("registered_on")
        inflow = row.choice("inflow_source", list(INFLOW_IMPORT))
        referrer = row.text("referrer_organisation")
        if not row.ok or not external_id:
            continue
        if external_id in known:
            report.unchanged[PARTICIPANTS] += 1
            continue
        member = members.get(email) if email else None
        if member is not None:
            if member.external_id:
                row.error(
                    _('e-mailadres "%(email)s" hoort in dit werkgebied al bij deelnemer "%(id)s"')
                    % {"email": email, "id": member.external_id}
                )
            else:
                plan.adopt.append((member, external_id))
                report.linked += 1
                report.created[PARTICIPANTS] += 1
            continue
        first_name, _space, last_name = name.partition(" ")
        if len(first_name) > 80 or len(last_name.strip()) > 120:
            row.error(_('"name" is te lang (voornaam hoogstens 80, achternaam 120 tekens)'))
            continue
        plan.participants.append(
            {
                "external_id": external_id,
                "first_name": first_name,
                "last_name": last_name.strip(),
                "email": email,
                "phone": phone,
                "neighbourhood": neighbourhoods[slug],
                "gender": GENDERS.get(gender, ""),
                "birth_year": birth_year,
                "registered_on": registered_on,
                "inflow_source": INFLOW_IMPORT.get(inflow, ""),
                "referrer_organisation": referrer,
            }
        )
        report.created[PARTICIPANTS] += 1


def _person_ref(row: _Row, column: str, people: set[str]) -> str:
    value = row.text(column)
    if value and value not in people:
        row.error(
            _(
                '"%(column)s": deelnemer "%(value)s" niet gevonden (niet in het '
                "deelnemersbestand en niet eerder geïmporteerd)"
            )
            % {"column": column, "value": value}
        )
    return value


def _check_ads(plan: _Plan, table: Table, people: set[str], report: Report) -> None:
    area = plan.area
    known = set(
        Ad.objects.filter(area=area, external_id__isnull=False).values_list(
            "external_id", flat=True
        )
    )
    neighbourhoods = {nb.slug: nb for nb in area.neighbourhoods.all()}
    seen: dict[str, int] = {}
    for row in _iter_rows(table):
        external_id = _check_unique_ids(row, seen)
        owner_id = _person_ref(row, "owner_id", people)
        kind = row.choice("kind", AD_KINDS)
        category = row.text("category")
        title = row.text("title")
        description = row.text("description")
        slug = row.values.get("neighbourhood", "").lower()
        if slug and slug not in neighbourhoods:
            row.error(
                _('buurt "%(slug)s" bestaat niet in dit werkgebied; kies uit %(choices)s')
                % {"slug": slug, "choices": "|".join(sorted(neighbourhoods))}
            )
        placed_on = row.date("placed_on")
        closed_on = row.date("closed_on", not_future=False)
        if placed_on and closed_on and closed_on < placed_on:
            row.error(
                _('"closed_on": %(closed)s ligt voor placed_on (%(placed)s)')
                % {"closed": closed_on, "placed": placed_on}
            )
        if not row.ok:
            continue
        if external_id in known:
            report.unchanged[ADS] += 1
            continue
        plan.ads.append(
            {
                "external_id": external_id,
                "owner_id": owner_id,
                "kind": kind,
                "category": _category(plan, row, category or DEFAULT_CATEGORY),
                "title": title,
                "description": description,
                "neighbourhood": neighbourhoods.get(slug),
                "placed_on": placed_on,
                "closed_on": closed_on,
            }
        )
        report.created[ADS] += 1


def _check_mediations(plan: _Plan, table: Table, people: set[str], report: Report) -> None:
    known = set(
        Mediation.objects.filter(area=plan.area, external_id__isnull=False).values_list(
            "external_id", flat=True
        )
    )
    seen: dict[str, int] = {}
    for row in _iter_rows(table):
        external_id = _check_unique_ids(row, seen)
        requester_id = _person_ref(row, "requester_id", people)
        provider_id = _person_ref(row, "provider_id", people)
        if requester_id and requester_id == provider_id:
            row.error(_("requester_id en provider_id zijn dezelfde deelnemer"))
        broker_supported = row.choice("broker_supported", list(YES_NO))
        started_on = row.date("started_on")
        reached_active = row.choice("reached_active", list(YES_NO))
        ended_on = row.date("ended_on")
        end_reason = row.choice("end_reason", END_REASONS)
        if started_on and ended_on and ended_on < started_on:
            row.error(
                _('"ended_on": %(ended)s ligt voor started_on (%(started)s)')
                % {"ended": ended_on, "started": started_on}
            )
        if end_reason and not row.values.get("ended_on"):
            row.error(_('"end_reason" is ingevuld maar "ended_on" is leeg'))
        category = row.text("category")
        if not row.ok:
            continue
        if external_id in known:
            report.unchanged[MEDIATIONS] += 1
            continue
        plan.mediations.append(
            {
                "external_id": external_id,
                "requester_id": requester_id,
                "provider_id": provider_id,
                "broker_supported": YES_NO[broker_supported],
                "started_on": started_on,
                "reached_active": YES_NO[reached_active],
                "ended_on": ended_on,
                "end_reason": end_reason,
                "category": _category(plan, row, category),
            }
        )
        report.created[MEDIATIONS] += 1


def _as_table(kind: str, source) -> Table | None:
    if source is None or isinstance(source, Table):
        return source
    return read_path(kind, source)


def _check(area: Area, tables: dict[str, Table | None]) -> tuple[Report, _Plan]:
    report = Report(kinds=[k for k in KINDS if tables.get(k) is not None])
    plan = _Plan(area=area)
    usable = {k: t for k, t in tables.items() if t is not None and _check_header(t)}
    people = set(
        Participant.objects.filter(area=area, external_id__isnull=False).values_list(
            "external_id", flat=True
        )
    )
    people |= _external_ids(tables.get(PARTICIPANTS))
    if PARTICIPANTS in usable:
        _check_participants(plan, usable[PARTICIPANTS], report)
    if ADS in usable:
        _check_ads(plan, usable[ADS], people, report)
    if MEDIATIONS in usable:
        _check_mediations(plan, usable[MEDIATIONS], people, report)
    for kind in KINDS:
        if tables.get(kind) is not None:
            report.problems.extend(tables[kind].problems)
    report.categories_added = sorted(
        {v for v in plan.categories.values() if isinstance(v, str)}, key=str.casefold
    )
    return report, plan


def check_files(area: Area, *, participants=None, ads=None, mediations=None) -> Report:
    """Check the files (paths or `Table`s) without writing anything: the dry run."""
    tables = {
        PARTICIPANTS: _as_table(PARTICIPANTS, participants),
        ADS: _as_table(ADS, ads),
        MEDIATIONS: _as_table(MEDIATIONS, mediations),
    }
    report, _plan = _check(area, tables)
    return report


# --- Importing ----------------------------------------------------------------------------


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(0)))


def _create_categories(plan: _Plan) -> dict[str, Category]:
    area = plan.area
    position = (Category.objects.filter(area=area).aggregate(m=Max("position"))["m"] or 0) + 1
    taken = set(Category.objects.filter(area=area).values_list("slug", flat=True))
    resolved = {}
    for key, value in plan.categories.items():
        if isinstance(value, Category):
            resolved[key] = value
            continue
        base = slugify(value)[:70] or "categorie"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        resolved[key] = Category.objects.create(area=area, name=value, slug=slug, position=position)
        position += 1
    return resolved


def _write(plan: _Plan, actor) -> None:
    area, now = plan.area, clock.now()
    categories = _create_categories(plan)

    for member, external_id in plan.adopt:
        member.external_id = external_id
        member.save(update_fields=["external_id"])

    # Imported people are registry entries: an account without email or password, so
    # nobody can sign in as them until a broker invites them (workspace.services.invite).
    new_users = []
    for p in plan.participants:
        user = User(email=None, first_name=p["first_name"], last_name=p["last_name"])
        user.set_unusable_password()
        p["user"] = user
        new_users.append(user)
    User.objects.bulk_create(new_users)
    participants = [
        Participant(
            area=area,
            user=p["user"],
            external_id=p["external_id"],
            neighbourhood=p["neighbourhood"],
            phone=p["phone"],
            phone_normalised=normalise_phone(p["phone"]),
            registry_email=p["email"] or "",
            registered_on=p["registered_on"],
            registered_by=None,
            inflow_source=p["inflow_source"],
            referrer_organisation=p["referrer_organisation"],
        )
        for p in plan.participants
    ]
    Participant.objects.bulk_create(participants)
    backgrounds = [
        Background(
            participant=participant,
            gender=p["gender"],
            birth_year=p["birth_year"],
            updated_at=now,
            updated_by=actor,
        )
        for p, participant in zip(plan.participants, participants, strict=True)
        if p["gender"] or p["birth_year"]
    ]
    Background.objects.bulk_create(backgrounds)

    ids = {a["owner_id"] for a in plan.ads}
    ids |= {m["requester_id"] for m in plan.mediations}
    ids |= {m["provider_id"] for m in plan.mediations}
    people = {
        p.external_id: p
        for p in Participant.objects.filter(area=area, external_id__in=ids).select_related("user")
    }

    today = clock.today()
    ads = []
    for a in plan.ads:
        closed = a["closed_on"] is not None and a["closed_on"] <= today
        expires_on = a["placed_on"] + AD_LIFETIME
        if a["closed_on"] is not None and not closed:
            expires_on = min(expires_on, a["closed_on"])
        ad = Ad(
            area=area,
            owner=people[a["owner_id"]],
            kind=a["kind"],
            category=categories[a["category"]],
            title=a["title"],
            description=a["description"],
            neighbourhood=a["neighbourhood"],
            status=Ad.Status.CLOSED if closed else Ad.Status.OPEN,
            expires_on=expires_on,
            external_id=a["external_id"],
            created_at=_midnight(a["placed_on"]),
            closed_at=_midnight(a["closed_on"]) if closed else None,
        )
        ad.search_stems = ad_stems(ad)
        ads.append(ad)
    Ad.objects.bulk_create(ads, batch_size=500)

    S = Mediation.Status
    mediations = []
    for m in plan.mediations:
        if m["ended_on"]:
            status = S.COMPLETED if m["reached_active"] else S.CANCELLED
        else:
            status = S.RUNNING if m["reached_active"] else S.PROPOSED
        category = categories.get(m["category"]) if m["category"] else None
        mediations.append(
            Mediation(
                area=area,
                requester=people[m["requester_id"]],
                provider=people[m["provider_id"]],
                category=category,
                broker_supported=m["broker_supported"],
                status=status,
                started_on=m["started_on"],
                reached_active_on=m["started_on"] if m["reached_active"] else None,
                ended_on=m["ended_on"],
                end_reason=m["end_reason"],
                external_id=m["external_id"],
                created_by=actor,
                next_follow_up_on=(
                    _next_follow_up_after_today(area, m["started_on"])
                    if status == S.RUNNING
                    else None
                ),
            )
        )
    Mediation.objects.bulk_create(mediations, batch_size=500)
    MediationEvent.objects.bulk_create(
        [
            MediationEvent(
                mediation=m, at=now, actor=actor, kind="geimporteerd", to_status=m.status
            )
            for m in mediations
        ],
        batch_size=500,
    )
    if backgrounds or plan.participants:
        audit.record(
            actor,
            "registraties geïmporteerd",
            area,
            area=area,
            detail=(
                f"{len(participants)} deelnemers, {len(backgrounds)} met achtergrond, "
                f"{len(ads)} advertenties, {len(mediations)} bemiddelingen"
            ),
        )


def _next_follow_up_after_today(area: Area, started: dt.date) -> dt.date:
    """The first follow-up moment of the area's schedule that lies after today, so an
    imported running match is followed up without a burst of overdue tasks."""

    today = clock.today()
    done = 0
    while (day := next_follow_up_on(area, started, done)) <= today:
        done += 1
    return day


def import_files(
    area: Area, *, participants=None, ads=None, mediations=None, actor=None, dry_run=False
) -> Report:
    """Check every file, then import all of it in one transaction, or nothing when any
    line is bad. `participants`, `ads` and `mediations` are paths or `Table`s."""
    tables = {
        PARTICIPANTS: _as_table(PARTICIPANTS, participants),
        ADS: _as_table(ADS, ads),
        MEDIATIONS: _as_table(MEDIATIONS, mediations),
    }
    with transaction.atomic():
        report, plan = _check(area, tables)
        if report.ok and not dry_run:
            _write(plan, actor if getattr(actor, "is_authenticated", False) else None)
            report.imported = True
    return report


# --- Exporting ----------------------------------------------------------------------------


def _assign_external_ids(model, area: Area, prefix: str) -> None:
    """Give records without an external_id a stable one ("p<id>"), stored on the record."""
    missing = list(model.objects.filter(area=area, external_id__isnull=True).only("pk"))
    missing += list(model.objects.filter(area=area, external_id="").only("pk"))
    if not missing:
        return
    taken = set(
        model.objects.filter(area=area, external_id__isnull=False).values_list(
            "external_id", flat=True
        )
    )
    for record in missing:
        candidate, n = f"{prefix}{record.pk}", 1
        while candidate in taken:
            n += 1
            candidate = f"{prefix}{record.pk}-{n}"
        taken.add(candidate)
        record.external_id = candidate
    model.objects.bulk_update(missing, ["external_id"], batch_size=500)


def _date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date().isoformat()
    return value.isoformat()


def export_rows(area: Area) -> dict[str, list[list[str]]]:
    """The area's registry as rows of the three import formats (header first)."""
    with transaction.atomic():
        _assign_external_ids(Participant, area, "p")
        _assign_external_ids(Ad, area, "a")
        _assign_external_ids(Mediation, area, "m")

    backgrounds = {
        b["participant_id"]: b
        for b in Background.objects.filter(participant__area=area).values(
            "participant_id", "gender", "birth_year"
        )
    }
    people = [COLUMNS[PARTICIPANTS]]
    for p in (
        Participant.objects.filter(area=area).select_related("user", "neighbourhood").order_by("pk")
    ):
        background = backgrounds.get(p.pk, {})
        people.append(
            [
                p.external_id,
                p.user.full_name,
                p.user.email or p.registry_email,
                p.phone,
                p.neighbourhood.slug if p.neighbourhood else "",
                GENDER_EXPORT.get(background.get("gender") or "", ""),
                str(background.get("birth_year") or ""),
                _date(p.registered_on),
                INFLOW_EXPORT.get(p.inflow_source, ""),
                p.referrer_organisation,
            ]
        )

    ads = [COLUMNS[ADS]]
    for ad in (
        Ad.objects.filter(area=area, owner__isnull=False, kind__in=AD_KINDS)
        .select_related("owner", "category", "neighbourhood")
        .order_by("pk")
    ):
        closed = ad.status in (Ad.Status.CLOSED, Ad.Status.HELPED)
        # Never before the placing date, which the import would refuse.
        closed_at = max(ad.closed_at or ad.updated_at, ad.created_at)
        ads.append(
            [
                ad.external_id,
                ad.owner.external_id,
                ad.kind,
                ad.category.name,
                ad.title,
                ad.description,
                ad.neighbourhood.slug if ad.neighbourhood else "",
                _date(ad.created_at),
                _date(closed_at) if closed else "",
            ]
        )

    mediations = [COLUMNS[MEDIATIONS]]
    for m in (
        Mediation.objects.filter(area=area)
        .select_related("requester", "provider", "category")
        .order_by("pk")
    ):
        mediations.append(
            [
                m.external_id,
                m.requester.external_id,
                m.provider.external_id,
                "ja" if m.broker_supported else "nee",
                _date(m.started_on),
                "ja" if m.reached_active_on else "nee",
                _date(m.ended_on),
                m.end_reason if m.ended_on else "",
                m.category.name if m.category else "",
            ]
        )
    return {PARTICIPANTS: people, ADS: ads, MEDIATIONS: mediations}


def export_registrations(area: Area, out_dir: str | Path) -> dict[str, int]:
    """Write participants.csv, ads.csv and mediations.csv (UTF-8) into `out_dir`; returns
    the number of data rows per file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for kind, rows in export_rows(area).items():
        with open(out / f"{kind}.csv", "w", encoding="utf-8", newline="") as handle:
            spreadsheet.write_csv(handle, rows)
        counts[kind] = len(rows) - 1
    return counts

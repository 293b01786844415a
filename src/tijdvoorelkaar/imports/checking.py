"""Checking every file and line into a plan and a list of problems; nothing is
written here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tijdvoorelkaar.accounts.models import normalise_email
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.marketplace.models import Ad, Category
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant

from .contract import (
    AD_KINDS,
    ADS,
    COLUMNS,
    DEFAULT_CATEGORY,
    END_REASONS,
    GENDER_VALUES,
    GENDERS,
    INFLOW_IMPORT,
    KIND_NAMES,
    KINDS,
    MAX_LENGTH,
    MEDIATIONS,
    PARTICIPANTS,
    REQUIRED,
    YES_NO,
)
from .reading import Problem, Table, read_path

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


def _members_by_email(area: Area, emails: set[str]) -> dict:
    """Only a participant of this area is ever matched by email (and adopted when it has
    no external_id yet). An address that belongs to an account elsewhere, in another area
    or as staff, is not linked to it: the person becomes a separate registry entry here,
    and the broker's invitation decides later (docs/importeren.md)."""
    members = {}
    for p in Participant.objects.filter(
        Q(user__email__in=emails) | Q(registry_email__in=emails), area=area
    ).select_related("user"):
        for address in (p.user.email, p.registry_email):
            if address:
                members[address] = p
    return members


def _check_email(row: _Row, seen_emails: dict[str, int]) -> str | None:
    email = normalise_email(row.text("email"))
    if not email:
        return email
    try:
        validate_email(email)
    except ValidationError:
        row.error(
            _('"email": "%(value)s" is geen geldig e-mailadres') % {"value": row.values["email"]}
        )
    if email in seen_emails:
        row.error(
            _('e-mailadres "%(email)s" staat ook al op regel %(line)s')
            % {"email": email, "line": seen_emails[email]}
        )
    else:
        seen_emails[email] = row.line
    return email


def _check_birth_year(row: _Row) -> int | None:
    raw = row.values.get("birth_year")
    if not raw:
        return None
    if not (raw.isdigit() and 1900 <= int(raw) <= clock.today().year):
        row.error(
            _('"birth_year": "%(value)s" is geen geboortejaar (1900 tot nu)') % {"value": raw}
        )
        return None
    return int(raw)


def _participant_cells(row: _Row, neighbourhoods: dict, seen_emails: dict) -> dict:
    """Every cell of a participants line checked; errors are noted on the row."""
    email = _check_email(row, seen_emails)
    slug = row.values.get("neighbourhood", "").lower()
    if slug and slug not in neighbourhoods:
        row.error(
            _('buurt "%(slug)s" bestaat niet in dit werkgebied; kies uit %(choices)s')
            % {"slug": slug, "choices": "|".join(sorted(neighbourhoods))}
        )
    cells = {
        "name": row.text("name"),
        "email": email,
        "phone": row.text("phone"),
        "slug": slug,
        "gender": row.choice("gender", GENDER_VALUES),
        "birth_year": _check_birth_year(row),
        "registered_on": row.date("registered_on"),
        "inflow": row.choice("inflow_source", list(INFLOW_IMPORT)),
        "referrer": row.text("referrer_organisation"),
    }
    return cells


def _new_participant(row: _Row, external_id: str, cells: dict, neighbourhoods: dict):
    first_name, _space, last_name = cells["name"].partition(" ")
    if len(first_name) > 80 or len(last_name.strip()) > 120:
        row.error(_('"name" is te lang (voornaam hoogstens 80, achternaam 120 tekens)'))
        return None
    return {
        "external_id": external_id,
        "first_name": first_name,
        "last_name": last_name.strip(),
        "email": cells["email"],
        "phone": cells["phone"],
        "neighbourhood": neighbourhoods[cells["slug"]],
        "gender": GENDERS.get(cells["gender"], ""),
        "birth_year": cells["birth_year"],
        "registered_on": cells["registered_on"],
        "inflow_source": INFLOW_IMPORT.get(cells["inflow"], ""),
        "referrer_organisation": cells["referrer"],
    }


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
    members = _members_by_email(
        area, {normalise_email(r.values.get("email")) for r in rows} - {None}
    )
    for row in rows:
        external_id = _check_unique_ids(row, seen_ids)
        cells = _participant_cells(row, neighbourhoods, seen_emails)
        if not row.ok or not external_id:
            continue
        if external_id in known:
            report.unchanged[PARTICIPANTS] += 1
            continue
        email = cells["email"]
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
        new = _new_participant(row, external_id, cells, neighbourhoods)
        if new is not None:
            plan.participants.append(new)
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

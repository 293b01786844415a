"""import_registrations: all or nothing, every bad line reported, re-import changes nothing."""

import copy
import datetime as dt

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.imports import services
from tijdvoorelkaar.imports.services import ADS, COLUMNS, MEDIATIONS, PARTICIPANTS, REQUIRED
from tijdvoorelkaar.marketplace.models import Ad, Category
from tijdvoorelkaar.mediations.models import Mediation, MediationEvent
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.workspace.models import Background

from .helpers import csv_bytes, good_rows, make_area, write_files

pytestmark = pytest.mark.django_db

FUTURE = "2099-01-01"


@pytest.fixture
def area():
    return make_area()


def run(area, paths: dict, *, dry_run=False) -> str:
    """Run the command as an operator would; returns stdout, raises CommandError."""
    from io import StringIO

    out = StringIO()
    args = ["import_registrations", "--area", area.slug]
    for kind, path in paths.items():
        args += [f"--{kind}", path]
    if dry_run:
        args.append("--dry-run")
    call_command(*args, stdout=out)
    return out.getvalue()


def run_failing(area, paths: dict, *, dry_run=False) -> str:
    with pytest.raises(CommandError) as info:
        run(area, paths, dry_run=dry_run)
    assert info.value.returncode == 1
    return str(info.value)


def snapshot() -> dict:
    """Everything an import could write, to compare before and after."""
    return {
        "users": list(User.objects.order_by("pk").values()),
        "participants": list(Participant.objects.order_by("pk").values()),
        "backgrounds": list(Background.objects.order_by("pk").values()),
        "categories": list(Category.objects.order_by("pk").values()),
        "ads": list(Ad.objects.order_by("pk").values()),
        "mediations": list(Mediation.objects.order_by("pk").values()),
        "events": MediationEvent.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


def test_import_creates_the_registry_without_mail_or_accounts(area, tmp_path):
    out = run(area, write_files(tmp_path, good_rows()))

    assert "deelnemers (participants): 3 aangemaakt, 0 ongewijzigd" in out
    assert "advertenties (ads): 2 aangemaakt, 0 ongewijzigd" in out
    assert "bemiddelingen (mediations): 4 aangemaakt, 0 ongewijzigd" in out
    assert "categorieën toegevoegd: fietsen repareren" in out
    assert mail.outbox == []

    riet = Participant.objects.get(area=area, external_id="P1")
    assert (riet.user.first_name, riet.user.last_name) == ("Riet", "van Dam")
    # A registry entry: the address is kept for the invitation, the account has none.
    assert riet.user.email is None and riet.registry_email == "riet@example.org"
    assert riet.invited_at is None
    assert not riet.user.has_usable_password()
    assert riet.registered_by is None
    assert riet.registered_on == dt.date(2024, 3, 1)
    assert riet.neighbourhood.slug == "centrum"
    assert riet.phone == "06-1234 5678" and riet.phone_normalised == "0612345678"
    assert riet.inflow_source == "markt"
    assert (riet.background.gender, riet.background.birth_year) == ("vrouw", 1948)
    serkan = Participant.objects.get(area=area, external_id="P2")
    assert serkan.user.email is None
    assert serkan.referrer_organisation == "Huisartsenpraktijk Haven"
    assert serkan.background.gender == "man" and serkan.background.birth_year is None
    assert not Background.objects.filter(participant__external_id="P3").exists()

    a1 = Ad.objects.get(area=area, external_id="A1")
    assert a1.owner == riet and a1.kind == "vraag" and a1.category.name == "Boodschappen"
    assert a1.status == "gesloten" and timezone.localdate(a1.closed_at) == dt.date(2024, 6, 1)
    assert a1.expires_on == dt.date(2024, 3, 5) + dt.timedelta(days=91)
    assert "boodschapp" in a1.search_stems or "boodschap" in a1.search_stems
    a2 = Ad.objects.get(area=area, external_id="A2")
    assert a2.status == "open" and a2.neighbourhood is None
    assert a2.category.name == "fietsen repareren"
    assert Category.objects.filter(area=area, name__iexact="fietsen repareren").count() == 1

    statuses = dict(Mediation.objects.filter(area=area).values_list("external_id", "status"))
    assert statuses == {
        "M1": "afgerond",
        "M2": "lopend",
        "M3": "niet_doorgegaan",
        "M4": "voorgesteld",
    }
    m1 = Mediation.objects.get(external_id="M1")
    assert m1.broker_supported and m1.reached_active_on == dt.date(2024, 5, 1)
    assert m1.ended_on == dt.date(2024, 9, 1) and m1.end_reason == "klus_klaar"
    m2 = Mediation.objects.get(external_id="M2")
    assert not m2.broker_supported and m2.category.name == "fietsen repareren"
    assert Mediation.objects.get(external_id="M4").reached_active_on is None


def test_importing_the_same_files_again_changes_nothing(area, tmp_path):
    paths = write_files(tmp_path, good_rows())
    run(area, paths)
    before = snapshot()

    out = run(area, paths)

    assert snapshot() == before
    assert "deelnemers (participants): 0 aangemaakt, 3 ongewijzigd" in out
    assert "advertenties (ads): 0 aangemaakt, 2 ongewijzigd" in out
    assert "bemiddelingen (mediations): 0 aangemaakt, 4 ongewijzigd" in out
    assert "categorieën toegevoegd: geen" in out


def test_later_files_may_refer_to_participants_imported_before(area, tmp_path):
    rows = good_rows()
    run(area, write_files(tmp_path, {PARTICIPANTS: rows[PARTICIPANTS]}))
    out = run(area, write_files(tmp_path, {ADS: rows[ADS], MEDIATIONS: rows[MEDIATIONS]}))
    assert "advertenties (ads): 2 aangemaakt" in out
    assert Mediation.objects.filter(area=area).count() == 4


def test_dry_run_checks_and_writes_nothing(area, tmp_path):
    before = snapshot()
    out = run(area, write_files(tmp_path, good_rows()), dry_run=True)
    assert snapshot() == before
    assert "Controle geslaagd (--dry-run)" in out
    assert "deelnemers (participants): 3 aan te maken, 0 ongewijzigd" in out
    assert "categorieën toe te voegen: fietsen repareren" in out


def test_dry_run_reports_bad_lines_with_exit_code_one(area, tmp_path):
    rows = good_rows()
    rows[PARTICIPANTS][1]["registered_on"] = "15-04-2024"
    message = run_failing(area, write_files(tmp_path, rows), dry_run=True)
    assert "participants.csv:3:" in message


def test_a_bad_line_in_the_middle_imports_nothing_and_every_bad_line_is_listed(area, tmp_path):
    rows = good_rows()
    rows[PARTICIPANTS][1]["neighbourhood"] = "maanwijk"
    rows[ADS][0]["kind"] = "ruil"
    rows[MEDIATIONS][2]["end_reason"] = "ruzie"
    paths = write_files(tmp_path, rows)
    before = snapshot()

    message = run_failing(area, paths)

    assert snapshot() == before
    assert "Niets geïmporteerd: 3 fouten gevonden." in message
    assert f'{paths[PARTICIPANTS]}:3: buurt "maanwijk" bestaat niet in dit werkgebied' in message
    assert f'{paths[ADS]}:2: "kind": "ruil" is geen geldige waarde; kies uit vraag|aanbod' in (
        message
    )
    assert f'{paths[MEDIATIONS]}:4: "end_reason": "ruzie" is geen geldige waarde' in message
    # The good lines around them are not reported.
    assert len(message.splitlines()) == 4


def test_an_error_late_in_a_file_also_keeps_earlier_files_out(area, tmp_path):
    rows = good_rows()
    rows[MEDIATIONS][3]["started_on"] = FUTURE
    message = run_failing(area, write_files(tmp_path, rows))
    assert "mediations.csv:5:" in message and "ligt in de toekomst" in message
    assert not Participant.objects.filter(area=area).exists()
    assert not User.objects.exists()
    assert not Category.objects.filter(area=area, name="fietsen repareren").exists()


REQUIRED_CASES = [(kind, column) for kind in REQUIRED for column in REQUIRED[kind]]


@pytest.mark.parametrize(("kind", "column"), REQUIRED_CASES)
def test_every_required_column_missing_from_the_header(area, tmp_path, kind, column):
    columns = {kind: [c for c in COLUMNS[kind] if c != column]}
    paths = write_files(tmp_path, good_rows(), columns)
    before = snapshot()
    message = run_failing(area, paths)
    assert f'{kind}.csv:1: kolom "{column}" ontbreekt in de kopregel' in message
    assert snapshot() == before


@pytest.mark.parametrize(("kind", "column"), REQUIRED_CASES)
def test_every_required_cell_left_empty(area, tmp_path, kind, column):
    rows = good_rows()
    rows[kind][1][column] = ""
    before = snapshot()
    message = run_failing(area, write_files(tmp_path, rows))
    assert f'{kind}.csv:3: "{column}" is verplicht en is leeg' in message
    assert snapshot() == before


BAD_VALUES = [
    (PARTICIPANTS, "email", "riet-at-example", "is geen geldig e-mailadres"),
    (PARTICIPANTS, "neighbourhood", "maanwijk", 'buurt "maanwijk" bestaat niet'),
    (PARTICIPANTS, "gender", "vrouw", '"gender": "vrouw" is geen geldige waarde'),
    (PARTICIPANTS, "birth_year", "negentien", "is geen geboortejaar"),
    (PARTICIPANTS, "birth_year", "1850", "is geen geboortejaar"),
    (PARTICIPANTS, "registered_on", "01-03-2024", "is geen datum in de vorm JJJJ-MM-DD"),
    (PARTICIPANTS, "registered_on", "2024-02-30", "is geen datum in de vorm JJJJ-MM-DD"),
    (PARTICIPANTS, "registered_on", FUTURE, "ligt in de toekomst"),
    (PARTICIPANTS, "inflow_source", "markt", '"inflow_source": "markt" is geen geldige'),
    (PARTICIPANTS, "phone", "0" * 31, '"phone" is te lang'),
    (PARTICIPANTS, "referrer_organisation", "x" * 121, "is te lang"),
    (ADS, "owner_id", "P99", '"owner_id": deelnemer "P99" niet gevonden'),
    (ADS, "kind", "vacature", '"kind": "vacature" is geen geldige waarde'),
    (ADS, "title", "x" * 121, '"title" is te lang'),
    (ADS, "description", "x" * 2001, '"description" is te lang'),
    (ADS, "neighbourhood", "maanwijk", 'buurt "maanwijk" bestaat niet'),
    (ADS, "placed_on", "2024/04/20", "is geen datum in de vorm JJJJ-MM-DD"),
    (ADS, "placed_on", FUTURE, "ligt in de toekomst"),
    (ADS, "closed_on", "gisteren", "is geen datum"),
    (ADS, "closed_on", "2024-01-01", "ligt voor placed_on"),
    (ADS, "category", "x" * 81, '"category" is te lang'),
    (MEDIATIONS, "requester_id", "P99", '"requester_id": deelnemer "P99" niet gevonden'),
    (MEDIATIONS, "provider_id", "P3", "requester_id en provider_id zijn dezelfde deelnemer"),
    (MEDIATIONS, "broker_supported", "soms", '"broker_supported": "soms" is geen geldige'),
    (MEDIATIONS, "started_on", "2024-6-1", "is geen datum in de vorm JJJJ-MM-DD"),
    (MEDIATIONS, "started_on", FUTURE, "ligt in de toekomst"),
    (MEDIATIONS, "reached_active", "j", '"reached_active": "j" is geen geldige waarde'),
    (MEDIATIONS, "ended_on", "2024-01-01", "ligt voor started_on"),
    (MEDIATIONS, "ended_on", "zomer", "is geen datum"),
    (MEDIATIONS, "end_reason", "ruzie", '"end_reason": "ruzie" is geen geldige waarde'),
]


@pytest.mark.parametrize(("kind", "column", "value", "reason"), BAD_VALUES)
def test_every_bad_value_is_reported_on_its_line(area, tmp_path, kind, column, value, reason):
    rows = good_rows()
    rows[kind][1][column] = value
    before = snapshot()
    message = run_failing(area, write_files(tmp_path, rows))
    lines = [line for line in message.splitlines() if f"{kind}.csv:" in line]
    assert len(lines) == 1, message
    assert f"{kind}.csv:3:" in lines[0] and reason in lines[0], message
    assert snapshot() == before


def test_end_reason_without_end_date(area, tmp_path):
    rows = good_rows()
    rows[MEDIATIONS][1]["end_reason"] = "verhuisd"
    message = run_failing(area, write_files(tmp_path, rows))
    assert 'mediations.csv:3: "end_reason" is ingevuld maar "ended_on" is leeg' in message


def test_duplicate_external_ids_and_emails_in_a_file(area, tmp_path):
    rows = good_rows()
    rows[PARTICIPANTS][2]["external_id"] = "P1"
    rows[PARTICIPANTS][1]["email"] = "RIET@example.org"
    rows[ADS][1]["external_id"] = "A1"
    message = run_failing(area, write_files(tmp_path, rows))
    assert 'participants.csv:3: e-mailadres "riet@example.org" staat ook al op regel 2' in message
    assert 'participants.csv:4: external_id "P1" staat ook al op regel 2' in message
    assert 'ads.csv:3: external_id "A1" staat ook al op regel 2' in message


def test_unknown_and_doubled_header_columns(area, tmp_path):
    columns = {PARTICIPANTS: [*COLUMNS[PARTICIPANTS], "opmerking"]}
    message = run_failing(area, write_files(tmp_path, good_rows(), columns))
    assert 'participants.csv:1: onbekende kolom "opmerking"' in message
    columns = {ADS: [*COLUMNS[ADS], "title"]}
    message = run_failing(area, write_files(tmp_path, good_rows(), columns))
    assert 'ads.csv:1: kolom "title" staat twee keer in de kopregel' in message


def test_more_cells_than_columns(area, tmp_path):
    paths = write_files(tmp_path, good_rows())
    path = tmp_path / "participants.csv"
    lines = path.read_text().splitlines()
    lines[2] += ",te veel"
    path.write_text("\n".join(lines) + "\n")
    message = run_failing(area, paths)
    assert "participants.csv:3: deze regel heeft meer cellen dan de kopregel" in message


def test_a_file_that_is_not_utf8_names_the_line(area, tmp_path):
    data = csv_bytes(PARTICIPANTS, good_rows()[PARTICIPANTS])
    data = data.replace(b"Serkan", "Sérkan".encode("latin-1"))
    path = tmp_path / "participants.csv"
    path.write_bytes(data)
    message = run_failing(area, {PARTICIPANTS: str(path)})
    assert "participants.csv:3: dit is geen UTF-8-tekst" in message
    assert not Participant.objects.exists()


def test_empty_file(area, tmp_path):
    path = tmp_path / "participants.csv"
    path.write_bytes(b"")
    message = run_failing(area, {PARTICIPANTS: str(path)})
    assert "participants.csv:1: het bestand is leeg" in message


def test_byte_order_mark_semicolons_blank_lines_and_upper_case_header(area, tmp_path):
    rows = good_rows()[PARTICIPANTS]
    text = csv_bytes(PARTICIPANTS, rows).decode().replace(",", ";")
    lines = text.splitlines()
    lines[0] = lines[0].upper()
    lines.insert(2, ";;;;")
    path = tmp_path / "participants.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8"))
    out = run(area, {PARTICIPANTS: str(path)})
    assert "3 aangemaakt" in out
    assert Participant.objects.get(external_id="P2").user.first_name == "Serkan"


def test_quoted_cells_with_commas_and_line_breaks(area, tmp_path):
    rows = good_rows()
    rows[ADS][0]["description"] = 'Zware tassen, "bio" en\ngroente'
    rows[ADS][1]["kind"] = "ruil"
    message = run_failing(area, write_files(tmp_path, rows))
    # The line number counts records as a spreadsheet shows them, not raw text lines.
    assert 'ads.csv:3: "kind"' in message


def test_an_email_with_an_account_in_another_area_makes_a_separate_registry_entry(area, tmp_path):
    elsewhere = make_area("elders")
    existing = participant(elsewhere, "Riet", email="riet@example.org")
    broker = User.objects.create_user(email="broker@example.org", first_name="Bo")
    Role.objects.create(user=broker, area=elsewhere, kind="broker")
    rows = good_rows()
    rows[PARTICIPANTS][1]["email"] = "broker@example.org"
    out = run(area, write_files(tmp_path, rows))
    assert "gekoppeld" not in out
    riet = Participant.objects.get(area=area, external_id="P1")
    serkan = Participant.objects.get(area=area, external_id="P2")
    # Nothing was attached to the accounts of the other area.
    assert riet.user != existing.user and serkan.user != broker
    assert existing.user.participations.count() == 1
    assert broker.participations.count() == 0
    assert riet.user.email is None and riet.registry_email == "riet@example.org"
    assert User.objects.filter(email__iexact="riet@example.org").count() == 1


def test_an_email_of_someone_already_in_this_area_without_external_id_is_adopted(area, tmp_path):
    existing = participant(area, "Riet", email="riet@example.org")
    out = run(area, write_files(tmp_path, good_rows()))
    existing.refresh_from_db()
    assert existing.external_id == "P1"
    assert "3 aangemaakt" in out
    assert Participant.objects.filter(area=area).count() == 3


def test_an_email_of_another_participant_of_this_area_is_an_error(area, tmp_path):
    existing = participant(area, "Riet", email="riet@example.org")
    existing.external_id = "OUD-7"
    existing.save()
    message = run_failing(area, write_files(tmp_path, good_rows()))
    assert 'participants.csv:2: e-mailadres "riet@example.org" hoort in dit werkgebied al' in (
        message
    )


def test_categories_match_case_insensitively(area, tmp_path):
    rows = good_rows()
    rows[ADS][1]["category"] = "TUIN"
    rows[MEDIATIONS][1]["category"] = ""
    out = run(area, write_files(tmp_path, rows))
    assert "categorieën toegevoegd: geen" in out
    assert Ad.objects.get(external_id="A2").category.slug == "tuin"


def test_empty_category_on_an_ad_means_overig(area, tmp_path):
    rows = good_rows()
    rows[ADS][1]["category"] = ""
    run(area, write_files(tmp_path, rows))
    assert Ad.objects.get(external_id="A2").category.name == "Overig"


def test_future_closing_date_keeps_the_ad_open_until_then(area, tmp_path):
    rows = good_rows()
    rows[ADS][1]["placed_on"] = dt.date.today().isoformat()
    rows[ADS][1]["closed_on"] = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    run(area, write_files(tmp_path, rows))
    a2 = Ad.objects.get(external_id="A2")
    assert a2.status == "open" and a2.expires_on == dt.date.today() + dt.timedelta(days=10)


def test_external_ids_are_kept_per_area(area, tmp_path):
    paths = write_files(tmp_path, good_rows())
    run(area, paths)
    other = make_area("ander-gebied")
    out = run(other, paths)
    assert "deelnemers (participants): 3 aangemaakt" in out
    assert Participant.objects.filter(external_id="P1").count() == 2


def test_command_refuses_unknown_area_and_no_files(area, tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import_registrations", "--area", "nergens")
    with pytest.raises(CommandError, match="minstens één bestand"):
        call_command("import_registrations", "--area", area.slug)
    with pytest.raises(CommandError, match="kan niet gelezen worden"):
        call_command("import_registrations", "--area", area.slug, "--participants", "/nergens.csv")


def test_the_service_returns_structured_problems(area):
    rows = copy.deepcopy(good_rows())
    rows[PARTICIPANTS][0]["gender"] = "?"
    table = services.read_csv(
        PARTICIPANTS, "deelnemers.csv", csv_bytes(PARTICIPANTS, rows[PARTICIPANTS])
    )
    report = services.check_files(area, participants=table)
    assert [(p.file, p.line) for p in report.problems] == [("deelnemers.csv", 2)]
    assert not report.ok

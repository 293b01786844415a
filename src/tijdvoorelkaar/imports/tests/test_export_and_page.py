"""export_registrations round-trips through import_registrations; the coordinator's upload
page runs the same import and is for coordinators only."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command, get_commands
from django.db.models import Count, Q
from django.utils import timezone

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.imports.services import ADS, MEDIATIONS, PARTICIPANTS
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import figures as monthly_counts
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.workspace.models import Background

from .helpers import csv_bytes, good_rows, make_area, write_files, xlsx_bytes

pytestmark = pytest.mark.django_db


def registry(area) -> dict:
    """The registry of an area as comparable values (no database ids)."""
    people = {
        (
            p.external_id,
            p.user.email or p.registry_email or None,
            p.user.first_name,
            p.user.last_name,
            p.phone,
            p.phone_normalised,
            p.neighbourhood.slug if p.neighbourhood else None,
            p.registered_on,
            p.inflow_source,
            p.referrer_organisation,
            getattr(Background.objects.filter(participant=p).first(), "gender", None),
            getattr(Background.objects.filter(participant=p).first(), "birth_year", None),
        )
        for p in Participant.objects.filter(area=area).select_related("user", "neighbourhood")
    }
    ads = {
        (
            a.external_id,
            a.owner.external_id,
            a.kind,
            a.category.name.casefold(),
            a.title,
            a.description,
            a.neighbourhood.slug if a.neighbourhood else None,
            timezone.localdate(a.created_at),
            a.status,
            timezone.localdate(a.closed_at) if a.closed_at else None,
            a.search_stems,
        )
        for a in Ad.objects.filter(area=area).select_related("owner", "category", "neighbourhood")
    }
    mediations = {
        (
            m.external_id,
            m.requester.external_id,
            m.provider.external_id,
            m.broker_supported,
            m.started_on,
            m.reached_active_on is not None,
            m.status,
            m.ended_on,
            m.end_reason,
            m.category.name.casefold() if m.category else None,
        )
        for m in Mediation.objects.filter(area=area).select_related(
            "requester", "provider", "category"
        )
    }
    return {"participants": people, "ads": ads, "mediations": mediations}


def figures(area) -> dict:
    """Report figures aggregated in the database, as the funder's report counts them."""
    qs = Mediation.objects.filter(area=area)
    return {
        "by_status": sorted(qs.values_list("status").annotate(n=Count("id"))),
        "totals": qs.aggregate(
            mediations=Count("id"),
            supported=Count("id", filter=Q(broker_supported=True)),
            matches=Count("id", filter=Q(reached_active_on__isnull=False)),
            supported_matches=Count(
                "id", filter=Q(reached_active_on__isnull=False, broker_supported=True)
            ),
        ),
        "participants": sorted(
            Participant.objects.filter(area=area)
            .values_list("neighbourhood__slug")
            .annotate(n=Count("id"))
        ),
        "ads": sorted(
            Ad.objects.filter(area=area).values_list("kind", "status").annotate(n=Count("id"))
        ),
    }


def kpi_json(area_slug: str) -> dict | None:
    """The reports app's `kpi_report` figures over all years, when that command exists (it
    was built at the same time as this app)."""
    if "kpi_report" not in get_commands():
        return None
    out = StringIO()
    end = timezone.localdate().isoformat()
    call_command(
        "kpi_report", "--area", area_slug, "--start", "2000-01-01", "--end", end, stdout=out
    )
    return json.loads(out.getvalue())


def build_area_a(tmp_path):
    area = make_area("gebied-a")
    call_command(
        "import_registrations",
        "--area",
        area.slug,
        *sum(([f"--{k}", p] for k, p in write_files(tmp_path, good_rows()).items()), []),
        stdout=StringIO(),
    )
    # People and ads that came in through the website: no external ids yet.
    anna = participant(area, "Anna", last_name="de Vries", neighbourhood="haven", phone="0301234")
    Participant.objects.filter(pk=anna.pk).update(phone_normalised="0301234")
    bert = participant(area, "Bert", email=None, last_name="", neighbourhood="centrum")
    ad(anna, "Hulp bij de computer", category="Computer en digitaal", description="Mail lezen")
    closed = ad(bert, "Ik kook graag", kind="aanbod", category="Overig")
    closed.status = Ad.Status.CLOSED
    closed.closed_at = closed.created_at
    closed.save()
    Mediation.objects.create(
        area=area,
        requester=anna,
        provider=bert,
        broker_supported=True,
        status=Mediation.Status.RUNNING,
        started_on=dt.date(2025, 1, 10),
        reached_active_on=dt.date(2025, 1, 10),
    )
    monthly_counts.recount(area.pk, [dt.date(2025, 1, 10)])  # as the services do
    return area


def test_export_then_import_into_a_new_area_gives_the_same_registry(tmp_path):
    area_a = build_area_a(tmp_path)
    out_dir = tmp_path / "export"
    out = StringIO()
    call_command("export_registrations", "--area", area_a.slug, "--out", str(out_dir), stdout=out)
    assert "participants.csv: 5 regels" in out.getvalue()

    area_b = make_area("gebied-b")
    accounts_before = User.objects.filter(email__isnull=False).count()
    assert accounts_before == 1  # Anna signed up; Riet (imported into A) was not invited
    out = StringIO()
    call_command(
        "import_registrations",
        "--area",
        area_b.slug,
        "--participants",
        str(out_dir / "participants.csv"),
        "--ads",
        str(out_dir / "ads.csv"),
        "--mediations",
        str(out_dir / "mediations.csv"),
        stdout=out,
    )
    assert "deelnemers (participants): 5 aangemaakt" in out.getvalue()
    assert "gekoppeld" not in out.getvalue()

    assert registry(area_b) == registry(area_a)
    assert figures(area_b) == figures(area_a)
    report_a, report_b = kpi_json(area_a.slug), kpi_json(area_b.slug)
    if report_a is not None:
        assert {**report_b, "area": area_a.slug} == report_a
    # Area B's people are separate registry entries: no account of area A gained a
    # participation in B, and nobody in B can sign in until a broker invites them.
    assert User.objects.filter(email__isnull=False).count() == accounts_before
    assert not Participant.objects.filter(area=area_b, user__email__isnull=False).exists()
    assert not Participant.objects.filter(area=area_b, user__participations__area=area_a).exists()
    assert Participant.objects.filter(area=area_b).exclude(registry_email="").count() == 2


def test_export_assigns_external_ids_once_and_keeps_them(tmp_path):
    area = build_area_a(tmp_path)
    anna = Participant.objects.get(area=area, user__first_name="Anna")
    assert anna.external_id is None
    call_command("export_registrations", "--area", area.slug, "--out", str(tmp_path / "1"))
    anna.refresh_from_db()
    assert anna.external_id == f"p{anna.pk}"
    ids = set(Mediation.objects.filter(area=area).values_list("external_id", flat=True))
    last = Mediation.objects.filter(area=area).latest("pk")
    assert ids == {"M1", "M2", "M3", "M4", f"m{last.pk}"}
    website_ads = Ad.objects.filter(area=area).exclude(external_id__in=["A1", "A2"])
    assert website_ads.count() == 2
    assert all(a.external_id == f"a{a.pk}" for a in website_ads)
    call_command("export_registrations", "--area", area.slug, "--out", str(tmp_path / "2"))
    for name in ("participants.csv", "ads.csv", "mediations.csv"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()
    text = (tmp_path / "1" / "participants.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == (
        "external_id,name,email,phone,neighbourhood,gender,birth_year,registered_on,"
        "inflow_source,referrer_organisation"
    )
    assert "P1,Riet van Dam,riet@example.org,06-1234 5678,centrum,v,1948,2024-03-01,evenement," in (
        text
    )


def test_importing_an_export_into_the_same_area_changes_nothing(tmp_path):
    area = build_area_a(tmp_path)
    call_command("export_registrations", "--area", area.slug, "--out", str(tmp_path / "x"))
    before = registry(area)
    out = StringIO()
    call_command(
        "import_registrations",
        "--area",
        area.slug,
        "--participants",
        str(tmp_path / "x" / "participants.csv"),
        "--ads",
        str(tmp_path / "x" / "ads.csv"),
        "--mediations",
        str(tmp_path / "x" / "mediations.csv"),
        stdout=out,
    )
    assert registry(area) == before
    assert "0 aangemaakt, 5 ongewijzigd" in out.getvalue()


# --- The upload page ----------------------------------------------------------------------

URL = "/utrecht-zuid/makelaar/importeren/"


@pytest.fixture
def demo_area():
    areas = demo.seed_areas()
    demo.seed_users(areas)
    return areas["utrecht-zuid"]


def signed_in(client, email):
    client.force_login(User.objects.get(email=email))
    return client


@pytest.mark.parametrize(
    "email",
    [
        "makelaar@utrecht-zuid.test",
        "deelnemer@utrecht-zuid.test",
        "financier@utrecht-zuid.test",
        "coordinator@breda-hoge-vucht.test",
    ],
)
def test_only_the_areas_coordinators_reach_the_upload_page(client, demo_area, email):
    assert signed_in(client, email).get(URL).status_code == 403
    upload = SimpleUploadedFile("p.csv", csv_bytes(PARTICIPANTS, []))
    assert client.post(URL, {"participants": upload, "action": "import"}).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, demo_area):
    response = client.get(URL)
    assert response.status_code == 302 and "/utrecht-zuid/inloggen/" in response["Location"]


def rows_for_demo():
    rows = good_rows()
    for row in rows[PARTICIPANTS]:
        row["neighbourhood"] = "lunetten"
    rows[ADS][0]["neighbourhood"] = "hoograven"
    return rows


def test_coordinator_uploads_xlsx_and_csv_mixed(client, demo_area):
    rows = rows_for_demo()
    signed_in(client, "coordinator@utrecht-zuid.test")
    assert client.get(URL).status_code == 200
    response = client.post(
        URL,
        {
            "participants": SimpleUploadedFile(
                "deelnemers.xlsx", xlsx_bytes(PARTICIPANTS, rows[PARTICIPANTS])
            ),
            "ads": SimpleUploadedFile("advertenties.csv", csv_bytes(ADS, rows[ADS])),
            "mediations": SimpleUploadedFile(
                "bemiddelingen.xlsx", xlsx_bytes(MEDIATIONS, rows[MEDIATIONS])
            ),
            "action": "import",
        },
    )
    assert response.status_code == 200
    assert "Import geslaagd" in response.text
    assert Participant.objects.filter(area=demo_area, external_id__isnull=False).count() == 3
    assert Mediation.objects.filter(area=demo_area).count() == 4
    background = Background.objects.get(participant__external_id="P1")
    assert background.updated_by.email == "coordinator@utrecht-zuid.test"


def test_real_excel_dates_and_numbers_are_read(client, demo_area):
    rows = rows_for_demo()
    rows[PARTICIPANTS][0]["registered_on"] = dt.datetime(2024, 3, 1)
    rows[PARTICIPANTS][0]["birth_year"] = 1948
    rows[PARTICIPANTS][0]["phone"] = 612345678
    signed_in(client, "coordinator@utrecht-zuid.test")
    client.post(
        URL,
        {
            "participants": SimpleUploadedFile(
                "d.xlsx", xlsx_bytes(PARTICIPANTS, rows[PARTICIPANTS])
            ),
            "action": "import",
        },
    )
    riet = Participant.objects.get(external_id="P1")
    assert riet.registered_on == dt.date(2024, 3, 1) and riet.phone == "612345678"


def test_upload_with_a_bad_line_shows_it_and_imports_nothing(client, demo_area):
    rows = rows_for_demo()
    rows[PARTICIPANTS][1]["registered_on"] = "april 2024"
    signed_in(client, "coordinator@utrecht-zuid.test")
    response = client.post(
        URL,
        {
            "participants": SimpleUploadedFile(
                "deelnemers.csv", csv_bytes(PARTICIPANTS, rows[PARTICIPANTS])
            ),
            "action": "import",
        },
    )
    assert response.status_code == 400
    assert "Niets geïmporteerd: 1 fout gevonden" in response.text
    assert '<td class="utrecht-table__cell">deelnemers.csv</td>' in response.text
    assert "is geen datum in de vorm JJJJ-MM-DD" in response.text
    assert not Participant.objects.filter(external_id__isnull=False).exists()


def test_check_button_writes_nothing(client, demo_area):
    rows = rows_for_demo()
    signed_in(client, "coordinator@utrecht-zuid.test")
    response = client.post(
        URL,
        {
            "participants": SimpleUploadedFile(
                "d.csv", csv_bytes(PARTICIPANTS, rows[PARTICIPANTS])
            ),
            "action": "check",
        },
    )
    assert "Controle geslaagd" in response.text and "3 aan te maken" in response.text
    assert not Participant.objects.filter(external_id__isnull=False).exists()


def test_upload_refuses_other_file_types_and_an_empty_form(client, demo_area):
    signed_in(client, "coordinator@utrecht-zuid.test")
    response = client.post(
        URL, {"participants": SimpleUploadedFile("d.pdf", b"%PDF"), "action": "check"}
    )
    assert response.status_code == 400 and "Kies een .csv- of .xlsx-bestand" in response.text
    response = client.post(URL, {"action": "check"})
    assert "Kies minstens één bestand" in response.text
    response = client.post(
        URL, {"participants": SimpleUploadedFile("d.xlsx", b"geen excel"), "action": "check"}
    )
    assert response.status_code == 400
    assert "d.xlsx" in response.text and "dit is geen leesbaar Excel-bestand" in response.text

"""Rules of organisations and their contact persons, vacancies and placements, referrals
in and the social map."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

from tijdvoorelkaar.areas.services import NeighbourhoodSpec, create_area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.models import Category
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.mediations.services import confirm_going_ahead
from tijdvoorelkaar.organisations import services
from tijdvoorelkaar.organisations.models import (
    IncomingReferral,
    OrganisationContact,
    SocialMapEntry,
)
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.participants.tests.factories import participant as make_participant
from tijdvoorelkaar.reports.services import CONTRACT_KEYS, kpi
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.workspace.models import ReferralOut
from tijdvoorelkaar.workspace.services import record_intake

pytestmark = pytest.mark.django_db


@pytest.fixture
def scouting(area, broker):
    org = services.create_organisation(
        area=area, actor=broker, data={"name": "Scouting De Vonk", "kind": "scouting"}
    )
    services.add_contact(organisation=org, actor=broker, email="joost@s.test", first_name="Joost")
    return org


def vacancy(org, actor):
    return services.post_vacancy(
        organisation=org,
        actor=actor,
        data={
            "title": "Leiding welpen",
            "category": Category.objects.get(area=org.area, name="Overig"),
            "frequency": "wekelijks",
            "duration": "uur",
            "visibility": "public",
        },
    )


REFERRAL = {
    "first_name": "Gerrit",
    "phone": "06 1111 2222",
    "organisation_name": "Huisartsenpraktijk",
    "referrer_name": "Dokter Smit",
    "referrer_email": "dokter@h.test",
    "resident_consent": True,
}


def test_placement_is_counted_apart_and_leaves_the_other_figures_alone(area, broker, scouting):
    anna = make_participant(area, "Anna")
    ad = vacancy(scouting, scouting.contacts.first().user)
    today = clock.today()
    services.inbox_participant(scouting)  # made when the vacancy was posted
    before = kpi(area, today, today)
    services.record_placement(organisation=scouting, participant=anna, actor=broker, ad=ad)
    after = kpi(area, today, today)
    assert after["volunteer_placements"] == 1
    for key in CONTRACT_KEYS:
        assert after[key] == before[key], key
    with pytest.raises(services.OrganisationError, match="al als vrijwilliger"):
        services.record_placement(organisation=scouting, participant=anna, actor=broker)


def test_reacting_to_a_vacancy_and_going_ahead_is_a_placement(area, scouting):
    joost = scouting.contacts.first().user
    ad = vacancy(scouting, joost)
    anna = make_participant(area, "Anna")
    conversation = marketplace.react(ad=ad, participant=anna, body="Ik help graag", base_url="")
    assert conversation.owner.user == joost
    assert services.vacancy_reactions(scouting).get() == conversation
    confirm_going_ahead(conversation, anna)
    mediation = confirm_going_ahead(conversation, conversation.owner)
    assert Mediation.objects.get(pk=mediation.pk).organisation == scouting
    assert kpi(area, clock.today(), clock.today())["mediations_total"] == 0


def test_only_the_organisations_own_contacts_manage_it(area, broker, scouting):
    other = services.create_organisation(
        area=area, actor=broker, data={"name": "School", "kind": "school"}
    )
    services.add_contact(organisation=other, actor=broker, email="juf@s.test", first_name="Juf")
    client = Client()
    client.force_login(other.contacts.first().user)
    assert client.get("/zuid/organisatie/scouting-de-vonk/").status_code == 404
    assert client.get("/zuid/organisatie/school/").status_code == 200
    resident = make_participant(area, "Anna")
    client.force_login(resident.user)
    assert client.get("/zuid/organisatie/school/").status_code == 403
    with pytest.raises(services.OrganisationError):
        vacancy(scouting, resident.user)


def test_public_pages_show_organisations_vacancies_and_the_social_map(area, broker, scouting):
    vacancy(scouting, broker)
    SocialMapEntry.objects.create(
        area=area, name="Voedselbank", what_for="Eten", created_at=clock.now()
    )
    client = Client()
    page = client.get("/zuid/organisaties/").content.decode()
    assert "Scouting De Vonk" in page and "Leiding welpen" in page
    assert "joost@s.test" not in page
    assert "Voedselbank" in client.get("/zuid/sociale-kaart/").content.decode()


def refer_and_accept(area, broker, data):
    referral = services.refer_resident(area=area, data=data)
    return services.accept_referral(referral=referral, broker=broker)


def test_referral_without_consent_or_from_a_bot_saves_nothing(area, broker):
    client = Client()
    response = client.post("/zuid/doorverwijzen/", {**REFERRAL, "resident_consent": ""})
    assert response.status_code == 400
    client.post("/zuid/doorverwijzen/", {**REFERRAL, "bedrijfswebsite": "http://spam"})
    assert not IncomingReferral.objects.exists()
    assert client.post("/zuid/doorverwijzen/", REFERRAL).status_code == 302
    referral = IncomingReferral.objects.get()
    assert referral.status == "wacht" and referral.first_name == "Gerrit"
    assert not Participant.objects.exists() and not Task.objects.exists()
    services.accept_referral(referral=referral, broker=broker)
    assert Participant.objects.get().inflow_source == "doorverwijzing"
    assert Task.objects.get().assignee == broker


def test_referral_form_is_throttled(area, broker):
    client = Client()
    for i in range(10):
        client.post("/zuid/doorverwijzen/", {**REFERRAL, "phone": f"06 3000 00{i:02d}"})
    response = client.post("/zuid/doorverwijzen/", {**REFERRAL, "phone": "06 4000 0000"})
    assert response.status_code == 400
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert IncomingReferral.objects.count() == 10


def test_an_anonymous_referral_counts_in_no_figure_until_a_broker_accepts_it(area, broker):
    today = clock.today()
    before = kpi(area, today, today)
    client = Client()
    done = client.post("/zuid/doorverwijzen/", REFERRAL, follow=True)
    assert "bekijkt uw doorverwijzing" in done.content.decode()
    for i in range(5):
        client.post("/zuid/doorverwijzen/", {**REFERRAL, "phone": f"06 5000 00{i:02d}"})
    assert IncomingReferral.objects.filter(status="wacht").count() == 6
    assert kpi(area, today, today) == before
    assert not Participant.objects.exists()
    # The broker sees them waiting on the dashboard, accepts one and declines another.
    client.force_login(broker)
    dashboard = client.get("/zuid/makelaar/").content.decode()
    assert "Doorverwijzingen om te beoordelen" in dashboard and "Gerrit" in dashboard
    first, second = IncomingReferral.objects.order_by("pk")[:2]
    client.post(f"/zuid/makelaar/doorverwijzingen/{first.pk}/aannemen/")
    client.post(f"/zuid/makelaar/doorverwijzingen/{second.pk}/afwijzen/")
    after = kpi(area, today, today)
    assert after["participants_new"] == before["participants_new"] + 1
    assert after["participants_total"] == before["participants_total"] + 1
    assert after["inflow_by_source"] == {"doorverwijzing": 1}
    assert after["referrals_by_organisation"] == {"Huisartsenpraktijk": 1}
    assert after["composition"]["gender"] == {"onbekend": 1}
    changed = {
        "participants_new",
        "participants_total",
        "inflow_by_source",
        "referrals_by_organisation",
        "composition",
    }
    assert {k: v for k, v in after.items() if k not in changed} == {
        k: v for k, v in before.items() if k not in changed
    }


def test_accepting_and_declining_are_logged_and_decline_removes_the_details(area, broker):
    accepted = services.refer_resident(
        area=area, data={**REFERRAL, "last_name": "Jansen", "reason": "Eenzaam"}
    )
    declined = services.refer_resident(
        area=area,
        data={**REFERRAL, "first_name": "Greet", "phone": "06 7777 8888", "reason": "Ziek"},
    )
    services.accept_referral(referral=accepted, broker=broker)
    services.decline_referral(referral=declined, broker=broker)
    accepted.refresh_from_db()
    declined.refresh_from_db()
    # Accepted: the details moved to the registry; the referral keeps who referred.
    assert accepted.participant.user.full_name == "Gerrit Jansen"
    assert accepted.participant.phone == "06 1111 2222"
    assert (accepted.first_name, accepted.phone) == ("", "")
    assert accepted.reason == "Eenzaam" and accepted.referrer_name == "Dokter Smit"
    # Declined: only the organisation, the dates and who decided stay.
    assert declined.status == "afgewezen" and declined.participant is None
    for name in ("first_name", "last_name", "phone", "email", "address", "reason"):
        assert getattr(declined, name) == "", name
    assert (declined.referrer_name, declined.referrer_email, declined.referrer_phone) == (
        "",
        "",
        "",
    )
    assert declined.organisation_name == "Huisartsenpraktijk"
    assert declined.decided_by == broker and declined.decided_at is not None
    actions = list(
        AuditEvent.objects.filter(subject_type="organisations.incomingreferral")
        .order_by("pk")
        .values_list("action", "subject_id", "actor")
    )
    assert actions == [
        ("referral.accept", str(accepted.pk), broker.pk),
        ("referral.decline", str(declined.pk), broker.pk),
    ]
    # A decided referral cannot be decided again; others than staff cannot decide.
    with pytest.raises(services.OrganisationError, match="al beoordeeld"):
        services.accept_referral(referral=declined, broker=broker)
    waiting = services.refer_resident(area=area, data={**REFERRAL, "phone": "06 1212 3434"})
    resident = make_participant(area, "Anna")
    with pytest.raises(services.OrganisationError, match="sociaal makelaar"):
        services.accept_referral(referral=waiting, broker=resident.user)
    client = Client()
    client.force_login(resident.user)
    assert client.post(f"/zuid/makelaar/doorverwijzingen/{waiting.pk}/aannemen/").status_code == 403
    assert IncomingReferral.objects.get(pk=waiting.pk).status == "wacht"


def test_known_resident_is_linked_not_registered_twice(area, broker):
    first = refer_and_accept(area, broker, REFERRAL)
    second = refer_and_accept(area, broker, {**REFERRAL, "first_name": "G."})
    assert first.participant == second.participant
    assert "al bekend" in second.tasks.get().title


def test_referrer_hears_of_the_intake_only_with_consent(area, broker):
    silent = refer_and_accept(area, broker, REFERRAL)
    told = refer_and_accept(
        area, broker, {**REFERRAL, "phone": "06 9999 0000", "feedback_consent": True}
    )
    mail.outbox.clear()
    for referral in (silent, told):
        record_intake(participant=referral.participant, broker=broker, data={"good_at": "x"})
    assert [m.to for m in mail.outbox] == [["dokter@h.test"]]
    record_intake(participant=told.participant, broker=broker, data={"good_at": "y"})
    assert len(mail.outbox) == 1  # once
    assert IncomingReferral.objects.get(pk=told.pk).feedback_sent_at is not None


def test_refer_out_to_a_social_map_entry_makes_a_follow_up_task(area, broker):
    entry = SocialMapEntry.objects.create(
        area=area,
        name="Schuldhulp",
        what_for="Geldzorgen",
        how_to_reach="030-1234",
        created_at=clock.now(),
    )
    anna = make_participant(area, "Anna")
    services.refer_out(participant=anna, entry=entry, broker=broker, reason="Geldzorgen")
    assert ReferralOut.objects.get().organisation == "Schuldhulp"
    assert Task.objects.get(participant=anna).source == "doorverwijzing"


def test_a_referred_address_with_an_account_elsewhere_waits_for_an_invitation(area, broker):
    other, _ = create_area("noord", "Noord", [NeighbourhoodSpec("west", "West", 52.1, 5.1)])
    elsewhere = make_participant(other, "Gerrit", email="gerrit@example.org")
    referral = refer_and_accept(
        area, broker, {**REFERRAL, "email": "gerrit@example.org", "phone": "06 2323 4545"}
    )
    gerrit = referral.participant
    assert gerrit.user != elsewhere.user and gerrit.user.email is None
    assert gerrit.registry_email == "gerrit@example.org"
    assert "hoort bij een ander account" in referral.tasks.get().title


def test_referral_feedback_comes_from_the_areas_sender(area, broker):
    area.sender_name, area.sender_email = "TijdVoorElkaar Zuid", "zuid@tve.test"
    area.save()
    referral = services.refer_resident(
        area=area,
        data={**REFERRAL, "phone": "0612345678", "feedback_consent": True},
    )
    referral = services.accept_referral(referral=referral, broker=broker)
    mail.outbox.clear()
    services.tell_referrers_about_intake(referral.participant)
    assert mail.outbox[0].from_email == "TijdVoorElkaar Zuid <zuid@tve.test>"


def test_a_refused_contact_person_keeps_what_was_typed_and_adds_nobody(area, broker, scouting):
    client = Client()
    client.force_login(broker)
    url = "/zuid/organisatie/scouting-de-vonk/contactpersoon/"
    response = client.post(url, {"first_name": "Marieke", "email": "marieke@"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit is geen geldig e-mailadres." in page
    assert 'value="Marieke"' in page
    assert not OrganisationContact.objects.filter(user__first_name="Marieke").exists()
    done = client.post(url, {"first_name": "Marieke", "email": "marieke@s.test"})
    assert done.status_code == 302
    assert OrganisationContact.objects.filter(user__email="marieke@s.test").exists()


def test_refusals_name_their_field_and_are_translated(area, broker):
    with pytest.raises(services.OrganisationError) as refused:
        services.refer_resident(area=area, data={**REFERRAL, "resident_consent": False})
    assert refused.value.field == "resident_consent"
    assert "bewoner daarmee instemt" in refused.value.message
    with translation.override("en"), pytest.raises(services.OrganisationError) as refused:
        services.create_organisation(area=area, actor=broker, data={"name": " "})
    assert refused.value.field == "name"
    assert refused.value.message == "Fill in the name of the organisation."
    assert not IncomingReferral.objects.exists()


def test_placements_are_mediations_with_an_organisation(area, broker, scouting):
    anna = make_participant(area, "Anna")
    services.record_placement(organisation=scouting, participant=anna, actor=broker)
    today = clock.today()
    assert list(services.placements(area)) == list(Mediation.objects.filter(area=area))
    assert services.placements_count(area, today, today) == 1
    tomorrow = today + dt.timedelta(days=1)
    assert services.placements_count(area, tomorrow, tomorrow) == 0
    assert kpi(area, today, today)["volunteer_placements"] == 1

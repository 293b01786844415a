"""The access matrix of docs/security.md as data: every URL pattern of the site, the one
outcome each role gets with GET and with POST, and a world of objects to open it with.
Used by the permission-matrix test (Django test client) and by the production smoke test
(real HTTP against gunicorn)."""

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.credits import services as credits
from tijdvoorelkaar.credits.models import CreditOrganisation
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.demo.organisations import seed_credits, seed_organisations
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.models import Signal
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import services as mediations
from tijdvoorelkaar.organisations import services as organisations
from tijdvoorelkaar.organisations.models import Organisation
from tijdvoorelkaar.outreach import services as outreach
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.stories import services as stories
from tijdvoorelkaar.tasks import services as tasks

ROLES = [
    "anonymous",
    "participant",
    "organisation",
    "broker",
    "coordinator",
    "funder",
    "admin",
    "other_broker",
]
LOGIN = "login"  # a redirect to a sign-in page
# What every POST of the matrix sends: one field no form knows, so a form is bound and
# invalid (the view takes its POST branch) and nothing is filled in. The POST pass runs
# without CSRF checks; a pass of its own sends the same POSTs without a token.
POST_DATA = {"matrix": "1"}
# The only URLs that take a POST without a CSRF token: the JSON API's endpoints and its
# catch-all for unknown addresses (keys, never session cookies), the newsletter's
# one-click unsubscribe (mail programs post without a session, RFC 8058) and the mail
# provider's webhook (a shared secret). They answer as in the POST pass. The API's root
# and schema pages are Django views with the usual check.
CSRF_EXEMPT = r"^(api/areas/|\^api/|<a>/nieuwsbrief/afmelden/<str:token>/$|inkomende-mail/$)"


def roles(default, **by_role):
    """One outcome per role: `default`, except the roles named."""
    unknown = set(by_role) - set(ROLES)
    assert not unknown, unknown
    return {role: by_role.get(role, default) for role in ROLES}


def everyone(outcome):
    return roles(outcome)


def signed_in(outcome, **by_role):
    """Anonymous visitors are sent to sign in; signed-in people get `outcome`."""
    return roles(outcome, anonymous=LOGIN, **by_role)


def staff(outcome, refused=403, **by_role):
    """The area's broker and coordinator get `outcome`; other signed-in people `refused`."""
    return roles(refused, anonymous=LOGIN, broker=outcome, coordinator=outcome, **by_role)


def participant_only(outcome, refused=404):
    """Pages of the participant's own record: anyone without a participation in the area
    (organisation contact, staff, funder, admin, another area's broker) gets `refused`."""
    return roles(refused, anonymous=LOGIN, participant=outcome)


@dataclass(frozen=True)
class Rule:
    """Who gets what at the URL patterns matching `pattern` (the first matching rule
    applies). `get` and `post` name one outcome per role: a status code or LOGIN.
    A POST answered with LOGIN or a 4xx changes nothing in the database, except the
    tables named in `writes_when_refused` (the audit log of a read, a throttle counter)."""

    name: str
    pattern: str
    get: dict
    post: dict
    writes_when_refused: frozenset = field(default_factory=frozenset)


def same(outcomes):
    """A page that does not act on POST answers it as it answers GET."""
    return dict(outcomes)


STAFF_PAGE = staff(200)
STAFF_ACTION_GET = staff(405)

# Keep in step with docs/security.md.
RULES = [
    # --- The JSON API (keys, not sessions) ---------------------------------------------
    Rule(
        "JSON API for key holders: reading (a session is no key)",
        r"^api/areas/<a>/me/(ads|conversations|conversations/<int:conversation_pk>)$",
        get=everyone(401),
        post=everyone(405),
    ),
    Rule(
        "JSON API for key holders: sending a message (POST only)",
        r"^api/areas/<a>/me/conversations/<int:conversation_pk>/messages$",
        get=everyone(405),
        post=everyone(401),
    ),
    Rule(
        "public JSON API (read only)",
        r"^api/areas/(<a>/ads(/<int:ad_id>)?)?$",
        get=everyone(200),
        post=everyone(405),
    ),
    Rule("API description", r"^api/openapi\.json$", get=everyone(200), post=everyone(200)),
    Rule(
        "the API's root and unknown addresses under it (JSON 404)",
        r"^\^?api/$",
        get=everyone(404),
        post=everyone(404),
    ),
    # --- Language, signing in and out, one-time links ----------------------------------
    Rule("language switch", r"^taal/$", get=everyone(302), post=everyone(302)),
    Rule(
        "two-step sign-in (POST without a code: 400; the first visit makes the secret "
        "for the authenticator app)",
        r"^account/tweestaps/$",
        get=signed_in(200),
        post=signed_in(400),
        writes_when_refused=frozenset({"accounts_twofactordevice"}),
    ),
    Rule(
        "sign-up (signed-in people are sent on; an empty form: 400)",
        r"^<a>/aanmelden/$",
        get=roles(302, anonymous=200),
        post=roles(302, anonymous=400),
    ),
    Rule(
        "one-time tokens (unknown token: 400)",
        r"(link/<str:token>|hoe-gaat-het/<str:token>/|afmelden/<str:token>)",
        get=everyone(400),
        post=everyone(400),
    ),
    Rule(
        "the mail provider's webhook for replies by email (POST only, with the shared "
        "secret; without INBOUND_EMAIL_SECRET it does not exist)",
        r"^inkomende-mail/$",
        get=everyone(405),
        post=everyone(404),
    ),
    Rule("signing out (POST only)", r"^<a>/uitloggen/$", get=everyone(405), post=everyone(302)),
    # --- Residents' actions, POST only (GET is refused before anything else) -----------
    Rule(
        "an ad's status (POST only): its owner and the staff",
        r"^<a>/advertenties/<int:pk>/status/$",
        get=everyone(405),
        post=roles(404, anonymous=LOGIN, broker=302, coordinator=302),
    ),
    Rule(
        "reacting to an ad (POST only; a non-participant gets a Dutch 400, as does an "
        "empty reaction)",
        r"^<a>/advertenties/<int:pk>/reageren/$",
        get=everyone(405),
        post=signed_in(400),
    ),
    Rule(
        "actions in a conversation of two other people (POST only)",
        r"^<a>/gesprekken/<int:pk>/(delen|we-gaan-het-doen)/$",
        get=everyone(405),
        post=signed_in(404),
    ),
    Rule(
        # Tested with a message to print in mediations/tests/test_letters.py; the world's
        # area lets reactions go straight to the advertiser, so the broker reads no
        # conversation and there is no letter: 404. Printing one is logged.
        "a letter to one side of a mediation (PDF, GET only, staff)",
        r"^<a>/makelaar/bemiddelingen/<int:pk>/brief/<slug:side>/$",
        get=staff(404),
        post=staff(405),
    ),
    Rule(
        "a mediation's actions (POST only, staff; nothing filled in: 400)",
        r"^<a>/makelaar/bemiddelingen/<int:pk>/<slug:action>/$",
        get=everyone(405),
        post=staff(400),
    ),
    Rule(
        "a participant asks the broker to call or to stop a contact (POST only)",
        r"^<a>/mijn/contacten/(bel-mij|<int:pk>/stoppen)/$",
        get=everyone(405),
        post=participant_only(302),
    ),
    Rule(
        "answering a thank-you in Roosjes (POST only)",
        r"^<a>/mijn/roosjes/bedankjes/<int:pk>/<slug:action>/$",
        get=signed_in(405),
        post=participant_only(302),
    ),
    # --- Staff actions, POST only (access is checked before the method) ----------------
    Rule(
        "staff actions (POST only): invite, task done, signal, a referral's decision",
        r"^<a>/makelaar/(deelnemers/<int:pk>/uitnodigen|taken/<int:task_pk>/klaar|"
        r"signalen/<int:signal_pk>|doorverwijzingen/<int:pk>/<slug:action>)/$",
        get=STAFF_ACTION_GET,
        post=staff(302),
    ),
    Rule(
        "dismissing a suggestion (POST only, staff; none named: 400)",
        r"^<a>/makelaar/suggesties/niet-geschikt/$",
        get=STAFF_ACTION_GET,
        post=staff(400),
    ),
    Rule(
        "Roosjes limits (POST only, coordinator)",
        r"^<a>/makelaar/roosjes/grenzen/$",
        get=roles(403, anonymous=LOGIN, coordinator=405),
        post=roles(403, anonymous=LOGIN, coordinator=302),
    ),
    Rule(
        "adding an organisation's contact person (POST only, staff; nothing filled in: 400, "
        "on the organisation's page)",
        r"^<a>/organisatie/<slug:slug>/contactpersoon/$",
        get=STAFF_ACTION_GET,
        post=staff(400),
    ),
    Rule(
        # The world's placement is at another organisation's vacancy than the one the
        # organisation contact acts for.
        "recording a placement (POST only): staff; a contact of another organisation 404",
        r"^<a>/organisatie/<slug:slug>/plaatsing/<int:conversation_pk>/$",
        get=staff(405, organisation=404),
        post=staff(302, organisation=404),
    ),
    # --- Reports ------------------------------------------------------------------------
    Rule(
        "reports for staff and funders",
        r"^<a>/verslag/",
        get=staff(200, funder=200),
        post=staff(200, funder=200),
    ),
    # --- The coordinator's pages ----------------------------------------------------------
    Rule(
        "coordinator only: audit log",
        r"^<a>/makelaar/logboek/$",
        get=roles(403, anonymous=LOGIN, coordinator=200),
        post=roles(403, anonymous=LOGIN, coordinator=200),
    ),
    Rule(
        "coordinator only: the organisation and its contact details (nothing typed: 302)",
        r"^<a>/makelaar/instellingen/contact/$",
        get=roles(403, anonymous=LOGIN, coordinator=200),
        post=roles(403, anonymous=LOGIN, coordinator=302),
    ),
    Rule(
        "coordinator only: settings (nothing filled in: 400)",
        r"^<a>/makelaar/instellingen/$",
        get=roles(403, anonymous=LOGIN, coordinator=200),
        post=roles(403, anonymous=LOGIN, coordinator=400),
    ),
    Rule(
        "coordinator only: imports (no file: 400)",
        r"^<a>/makelaar/importeren/$",
        get=roles(403, anonymous=LOGIN, coordinator=200),
        post=roles(403, anonymous=LOGIN, coordinator=400),
    ),
    # --- The broker's workspace -----------------------------------------------------------
    Rule(
        "the broker's workspace: forms that need nothing filled in (POST saves: 302)",
        r"^<a>/makelaar/(meldingen/|deelnemers/<int:pk>/(achtergrond|pauze)/)$",
        get=STAFF_PAGE,
        post=staff(302),
    ),
    Rule(
        "confidential notes (an empty note: 400; reading the notes is logged)",
        r"^<a>/makelaar/deelnemers/<int:pk>/notities/$",
        get=STAFF_PAGE,
        post=staff(400),
        writes_when_refused=frozenset({"core_auditevent"}),
    ),
    Rule(
        "the broker's workspace: forms (nothing filled in: 400)",
        r"^<a>/makelaar/(bemiddelingen/nieuw/|deelnemers/nieuw/|"
        r"deelnemers/<int:pk>/(kennismaking|advertentie/<str:kind>|fase|volgend-contact|"
        r"contactmoment|zorgsignaal|doorverwijzing|overdragen|sociale-kaart|verwijderen)/|"
        r"overdracht/|taken/|roosjes/papier/|roosjes/boekingen/<int:pk>/|verhalen/|"
        r"verhalen/<int:pk>/|organisaties/|sociale-kaart/|sociale-kaart/<int:pk>/|outreach/|"
        r"outreach/<int:pk>/)$",
        get=STAFF_PAGE,
        post=staff(400),
    ),
    Rule(
        "the broker's workspace: pages to read (POST answers as GET)",
        r"^<a>/makelaar/(|deelnemers/|deelnemers/<int:pk>/|bemiddelingen/|"
        r"bemiddelingen/<int:pk>/|suggesties/deelnemer/<int:participant_id>/|"
        r"suggesties/<int:ad_id>/|roosjes/|roosjes/deelnemers/<int:pk>/|doorverwijzingen/|"
        r"prikbord/|advertentie-zoeken/|prikbord/advertenties\.pdf|prikbord/poster\.pdf)$",
        get=STAFF_PAGE,
        post=same(STAFF_PAGE),
    ),
    # --- Organisation pages ---------------------------------------------------------------
    Rule(
        "organisation start page (a contact of one organisation is sent straight to it)",
        r"^<a>/organisatie/$",
        get=staff(200, organisation=302),
        post=staff(200, organisation=302),
    ),
    Rule(
        "the organisation's pages to read",
        r"^<a>/organisatie/(roosjes/|<slug:slug>/)$",
        get=staff(200, organisation=200),
        post=staff(200, organisation=200),
    ),
    Rule(
        "the organisation's forms: Roosjes, vacancies (nothing filled in: 400)",
        r"^<a>/organisatie/(roosjes/uitgeven/|roosjes/inwisselen/|<slug:slug>/vacature/)$",
        get=staff(200, organisation=200),
        post=staff(400, organisation=400),
    ),
    # --- An ad's own pages, conversations -------------------------------------------------
    Rule(
        "an ad's 'placed' page (owner and staff)",
        r"^<a>/advertenties/<int:pk>/geplaatst/$",
        get=roles(404, anonymous=LOGIN, broker=200, coordinator=200),
        post=roles(404, anonymous=LOGIN, broker=200, coordinator=200),
    ),
    Rule(
        "editing an ad (owner and staff; nothing filled in: 400)",
        r"^<a>/advertenties/<int:pk>/bewerken/$",
        get=roles(404, anonymous=LOGIN, broker=200, coordinator=200),
        post=roles(404, anonymous=LOGIN, broker=400, coordinator=400),
    ),
    Rule(
        "a conversation of two other people",
        r"^<a>/gesprekken/<int:pk>/",
        get=signed_in(404),
        post=signed_in(404),
    ),
    # --- Pages for signed-in people -------------------------------------------------------
    Rule(
        "pages for every signed-in person",
        r"^<a>/(mijn/|gesprekken/|mijn/contacten/)$",
        get=signed_in(200),
        post=signed_in(200),
    ),
    Rule(
        "the newsletter on or off (no choice: 400)",
        r"^<a>/nieuwsbrief/$",
        get=signed_in(200),
        post=signed_in(400),
    ),
    Rule(
        "stories about me (a POST without a story answers with a message: 302)",
        r"^<a>/mijn/verhalen/$",
        get=signed_in(200),
        post=signed_in(302),
    ),
    Rule(
        "reporting an ad (no reason: 400)",
        r"^<a>/advertenties/<int:pk>/melden/$",
        get=signed_in(200),
        post=signed_in(400),
    ),
    Rule(
        # Without an account one writes a first request or offer instead (hulp-vragen).
        "placing an ad (participants; others are sent on)",
        r"^<a>/advertenties/nieuw/$",
        get=roles(302, participant=200),
        post=roles(302, participant=400),
    ),
    Rule(
        "the first request or offer, written before having an account (signed in: sent on; "
        "nothing filled in: 400)",
        r"^<a>/hulp-(vragen|aanbieden)/$",
        get=roles(302, anonymous=200),
        post=roles(302, anonymous=400),
    ),
    Rule(
        "further settings of a signed-in person",
        r"^<a>/mijn/instellingen/$",
        get=signed_in(200),
        post=signed_in(200),
    ),
    Rule(
        "API keys (participants only; no name: 400)",
        r"^<a>/mijn/api-sleutels/$",
        get=participant_only(200, refused=403),
        post=participant_only(400, refused=403),
    ),
    Rule(
        "the participant's own record: forms (nothing filled in: 400)",
        r"^<a>/mijn/(gegevens|roosjes|privacy/verwijderen)/$",
        get=participant_only(200),
        post=participant_only(400),
    ),
    Rule(
        "the participant's own data and its download",
        r"^<a>/mijn/privacy/(|download\.<str:fmt>)$",
        get=participant_only(200),
        post=participant_only(200),
    ),
    # --- Photos -----------------------------------------------------------------------------
    Rule(
        # Public while the story is public, for the area's staff always (tested with a
        # photo in stories/tests/test_stories.py); the world's story has no
        # photo, so 404 for everyone.
        "a story's photo",
        r"^<a>/verhalen/<int:pk>/foto/$",
        get=everyone(404),
        post=everyone(404),
    ),
    Rule(
        # Same access as the profile page (tested per visibility in participants/tests/
        # test_photo.py); the profile in this world has no photo, so 404 for everyone.
        "profile photo (GET only)",
        r"^<a>/deelnemers/<int:pk>/foto/$",
        get=everyone(404),
        post=everyone(405),
    ),
    Rule(
        # Public when uploaded (tested in areas/tests/test_contact.py); the world's area
        # has no logo and no broker's photo, so 404 for everyone.
        "the area's logo and the broker's photo (GET only)",
        r"^<a>/(logo|makelaar-foto)/$",
        get=everyone(404),
        post=everyone(405),
    ),
    # --- Public pages ---------------------------------------------------------------------
    Rule(
        "the public referral form (nothing filled in: 400; every try counts for the throttle)",
        r"^<a>/doorverwijzen/$",
        get=everyone(200),
        post=everyone(400),
        writes_when_refused=frozenset({"core_throttlebucket"}),
    ),
    Rule(
        "public pages",
        r"^(|privacy/|inloggen/|<a>/|<a>/privacy/|<a>/inloggen/|"
        r"<a>/advertenties/|<a>/advertenties/<int:pk>/|<a>/deelnemers/<int:pk>/|"
        r"<a>/organisaties/|<a>/organisaties/<slug:slug>/|<a>/sociale-kaart/|"
        r"<a>/doorverwijzen/verstuurd/|<a>/uitleg/)$",
        get=everyone(200),
        post=everyone(200),
    ),
]


def routes():
    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern)

    for route in walk(get_resolver().url_patterns):
        if not route.startswith("admin/"):
            yield route.replace("<slug:area_slug>", "<a>")


def rule_for(route) -> Rule | None:
    """The first rule whose pattern matches the route, or None."""
    return next((rule for rule in RULES if re.search(rule.pattern, route)), None)


def _demo_world():
    """The demo areas, users and organisations, Roosjes on in both areas (so that Breda's
    Roosjes pages answer for themselves in the cross-area pass), and the users by role."""
    areas = demo.seed_areas()
    demo.seed_users(areas)
    seed_organisations(areas)
    seed_credits(areas)
    for each in areas.values():
        each.time_credits_enabled = True
        each.save(update_fields=["time_credits_enabled"])
    users = {
        "participant": User.objects.get(email="deelnemer@utrecht-zuid.test"),
        "broker": User.objects.get(email="makelaar@utrecht-zuid.test"),
        "organisation": User.objects.get(email="buurthuis@utrecht-zuid.test"),
        "coordinator": User.objects.get(email="coordinator@utrecht-zuid.test"),
        "funder": User.objects.get(email="financier@utrecht-zuid.test"),
        "admin": User.objects.get(email="admin@tijdvoorelkaar.test"),
        "other_broker": User.objects.get(email="makelaar@breda-hoge-vucht.test"),
    }
    assert not Role.objects.filter(user=users["admin"]).exists()
    return areas["utrecht-zuid"], users


def _residents(area, broker) -> dict:
    """Two residents, an ad of one, a reaction of the other, a proposal between them, a
    task and a signal."""
    owner = participant(area, "Bert")
    owner.profile_visibility = "public"
    owner.save()
    other = participant(area, "Carla")
    the_ad = ad(owner, "Klusje")
    conversation = marketplace.react(ad=the_ad, participant=other, body="Hoi", base_url="http://x")
    task = tasks.create_task(
        area=area, assignee=broker, participant=owner, title="Bellen", due_on=the_ad.expires_on
    )
    signal = Signal.objects.create(
        area=area,
        kind="nieuwe_reactie",
        ad=the_ad,
        conversation=conversation,
        created_at=the_ad.created_at,
    )
    return {
        "owner": owner,
        "other": other,
        "ad": the_ad,
        "conversation": conversation,
        "mediation": mediations.propose(area=area, broker=broker, requester=owner, provider=other),
        "task": task,
        "signal": signal,
    }


def _match_with_thanks(area, broker, me, owner):
    """The demo participant's running match with Bert, who thanks her with an hour."""
    match = mediations.propose(area=area, broker=broker, requester=me, provider=owner)
    for side in ("requester", "provider"):
        match = mediations.record_answer(match, side=side, answer="ja", actor=broker)
    mediations.record_introduction(
        match,
        actor=broker,
        agreement={
            "what": "Boodschappen",
            "how_often": "wekelijks",
            "hours_each_time": 1,
            "starts_on": clock.today(),
            "requester_expects": "praktisch",
            "provider_expects": "praktisch",
        },
    )
    return match, credits.thank(sender=owner, mediation=match, quarters=4)


def _organisations(area, broker, contact, world) -> dict:
    """Roosjes: the demo organisation contact acts for the demo's Roosjes organisation
    (demo.organisations.seed_credits), which gave Bert two hours (a booking) and takes
    Roosjes for a discount. The organisation pages:
    the contact's own organisation (Buurthuis De Leeuw); a vacancy of another
    organisation (Scouting De Vonk, with its own contact) with Carla's reaction, whose
    placement is for the staff, not for the Buurthuis contact. (A contact whose
    organisation receives reactions gets a hidden participant record as its inbox; the
    Buurthuis contact stays a contact without one.)"""
    roosjes_org = CreditOrganisation.objects.get(area=area, name="Buurthuis De Leeuw")
    assert list(roosjes_org.contacts.all()) == [contact] and roosjes_org.accepts_roosjes
    booking = credits.issue(
        area=area, organisation=roosjes_org, lines=[(world["owner"], 8)], actor=contact
    ).transfer
    scouting = Organisation.objects.get(area=area, slug="scouting-de-vonk")
    scout = organisations.add_contact(
        organisation=scouting, actor=broker, email="scouting@example.org", first_name="Sven"
    ).user
    vacancy = organisations.post_vacancy(
        organisation=scouting,
        actor=scout,
        data={
            "title": "Leiding voor de welpen",
            "description": "Op zaterdagochtend",
            "category": world["ad"].category,
            "neighbourhood": None,
            "frequency": "wekelijks",
            "duration": "uur",
            "visibility": "public",
        },
    )
    volunteer = marketplace.react(
        ad=vacancy, participant=world["other"], body="Ik help", base_url="http://x"
    )
    return {
        "transfer": booking.pk,
        "placement_conversation": volunteer.pk,
        "slug": Organisation.objects.get(area=area, contacts__user=contact).slug,
        "placement_slug": scouting.slug,
    }


def _broker_records(area, broker, world) -> dict:
    """The broker's own records: a story, a social map entry, outreach, a waiting
    referral."""
    story = stories.write_story(
        area=area,
        actor=broker,
        title="Samen koken",
        body="Bert kookt met Carla.",
        participants=[world["owner"], world["other"]],
    )
    entry = organisations.save_social_map_entry(
        area=area,
        actor=broker,
        data={"name": "Repair Café", "what_for": "Spullen repareren", "how_to_reach": "Zaterdag"},
    )
    activity = outreach.record_activity(
        area=area,
        actor=broker,
        data={
            "kind": "groepsbezoek",
            "held_on": clock.today() - dt.timedelta(days=1),
            "place": "Kerk",
        },
    )
    referral = organisations.refer_resident(
        area=area,
        data={
            "resident_consent": True,
            "first_name": "Dirk",
            "organisation_name": "Huisartsenpraktijk Lunetten",
            "referrer_name": "Dokter Jansen",
        },
    )
    return {
        "story": story.pk,
        "social_map_entry": entry.pk,
        "activity": activity.pk,
        "referral": referral.pk,
    }


def build_world():
    """The objects every URL of the matrix is opened with, in Utrecht Zuid: the demo areas,
    users and organisations, plus residents, an ad, a reaction, a mediation, a task, a
    signal, a match of the demo participant with a thank-you in Roosjes, a Roosjes
    organisation of the demo organisation contact with a booking, a story, a social map
    entry, an outreach activity, a waiting referral and a vacancy with a reaction. Every
    object is made through the services, as the site makes them."""
    area, users = _demo_world()
    broker = users["broker"]
    me = Participant.objects.get(area=area, user=users["participant"])
    world = _residents(area, broker)
    match, thanks = _match_with_thanks(area, broker, me, world["owner"])
    ids = {
        "pk": world["owner"].pk,
        "ad": world["ad"].pk,
        "conversation": world["conversation"].pk,
        "message": world["conversation"].messages.first().pk,
        "mediation": world["mediation"].pk,
        "match": match.pk,
        "thanks": thanks.pk,
        "task": world["task"].pk,
        "signal": world["signal"].pk,
        **_organisations(area, broker, users["organisation"], world),
        **_broker_records(area, broker, world),
    }
    return area, ids, users


# The object an <int:pk> stands for, by the path segment before it; anything else is the
# resident Bert. And the action a <slug:action> takes there.
OBJECT_BEFORE_PK = {
    "advertenties": "ad",
    "gesprekken": "conversation",
    "bemiddelingen": "mediation",
    "deelnemers": "pk",
    "contacten": "match",
    "bedankjes": "thanks",
    "boekingen": "transfer",
    "verhalen": "story",
    "sociale-kaart": "social_map_entry",
    "outreach": "activity",
    "doorverwijzingen": "referral",
}
ACTION_AFTER = {
    "bemiddelingen": "beeindigen",
    "bedankjes": "bevestigen",
    "doorverwijzingen": "afwijzen",
}


def concrete(route, area_slug, ids):
    if route == "^api/":  # the API's catch-all for unknown addresses
        return "/api/onbekend/"
    url = route.replace("<a>", area_slug)

    def segment_before(match):
        return url[: match.start()].rstrip("/").split("/")[-1]

    def pk(match):
        return str(ids[OBJECT_BEFORE_PK.get(segment_before(match), "pk")])

    def action(match):
        before_pk = url[: match.start()].rstrip("/").split("/")[-2]
        return ACTION_AFTER[before_pk]

    conversation, slug = "conversation", "slug"
    if "/plaatsing/" in url:
        conversation, slug = "placement_conversation", "placement_slug"
    url = re.sub(r"<int:task_pk>", str(ids["task"]), url)
    url = re.sub(r"<int:signal_pk>", str(ids["signal"]), url)
    url = re.sub(r"<int:message_pk>", str(ids["message"]), url)
    url = re.sub(r"<int:conversation_pk>", str(ids[conversation]), url)
    url = re.sub(r"<int:ad_id>", str(ids["ad"]), url)
    url = re.sub(r"<int:participant_id>", str(ids["pk"]), url)
    url = re.sub(r"<int:pk>", pk, url)
    url = re.sub(r"<slug:action>", action, url)
    url = url.replace("<slug:side>", "hulpvrager")
    url = url.replace("<slug:slug>", ids[slug]).replace("<str:kind>", "vraag")
    url = url.replace("<slug:answer>", "goed")
    url = url.replace("<str:token>", "ongeldig").replace("<str:fmt>", "csv")
    url = url.replace("download.csv", "download.csv" if "verslag" in url else "download.json")
    assert "<" not in url, url
    return "/" + url


def outcome(response):
    if response.status_code == 302 and "inloggen" in response["Location"]:
        return LOGIN
    return response.status_code


def changes_nothing(expected) -> bool:
    """A POST answered so (sent to sign in, or any 4xx) must leave the database as it was."""
    return expected == LOGIN or expected >= 400


def database_fingerprint() -> dict[str, str]:
    """A digest of every row of every table, per table: cheap for the matrix's small world,
    and it sees changed rows as well as added and deleted ones."""
    digests = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        rows = model._base_manager.order_by("pk").values_list()
        digests[model._meta.db_table] = hashlib.sha256(repr(list(rows)).encode()).hexdigest()
    return digests


def changed_tables(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {
        table for table in before.keys() | after.keys() if before.get(table) != after.get(table)
    }

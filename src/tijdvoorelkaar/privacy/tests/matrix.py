"""The access matrix of docs/security.md as data: every URL pattern of the site, who may
open it, and a world of objects to open it with. Used by the permission-matrix test (Django
test client) and by the production smoke test (real HTTP against gunicorn)."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.models import Signal
from tijdvoorelkaar.marketplace.tests.factories import ad, participant
from tijdvoorelkaar.mediations import services as mediations
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
STAFF = {"broker", "coordinator"}
OK, LOGIN, DENY, GONE, POST_ONLY, BAD = {200}, {"login"}, {403, 404}, {404}, {405}, {400}

# (name, route regex, {role: allowed outcomes}); "login" = redirect to a sign-in page.
# The first matching rule applies. Keep in step with docs/security.md.
RULES = [
    (
        "JSON API for key holders (no sessions)",
        r"^api/areas/<a>/me/",
        {r: {401, 405} for r in ROLES},
    ),
    ("public JSON API", r"^\^?api/", {r: OK | GONE for r in ROLES}),
    ("language switch", r"^taal/$", {r: {302, 405} for r in ROLES}),
    (
        "two-step sign-in",
        r"^account/tweestaps/$",
        {"anonymous": LOGIN, **{r: OK for r in ROLES if r != "anonymous"}},
    ),
    (
        "sign-up (signed-in people are sent on)",
        r"^<a>/aanmelden/$",
        {"anonymous": OK, **{r: {302} for r in ROLES if r != "anonymous"}},
    ),
    (
        "one-time tokens (unknown token: 400)",
        r"(link/<str:token>|hoe-gaat-het/<str:token>/|"
        r"afmelden/<str:token>)",
        {r: BAD for r in ROLES},
    ),
    (
        "POST-only actions",
        r"(/uitloggen/|/status/|/reageren/|/delen/|/we-gaan-het-doen/|"
        r"/bel-mij/|/stoppen/|bemiddelingen/<int:pk>/<slug:action>/|/klaar/$|"
        r"signalen/<int:signal_pk>/$|niet-geschikt/$|bedankjes/|roosjes/grenzen/$|"
        r"/contactpersoon/$|/plaatsing/<int:conversation_pk>/$|"
        r"doorverwijzingen/<int:pk>/<slug:action>/$|/uitnodigen/$)",
        {r: POST_ONLY | LOGIN | DENY for r in ROLES},
    ),
    (
        "reports for staff and funders",
        r"^<a>/verslag/",
        {
            "anonymous": LOGIN,
            "broker": OK,
            "coordinator": OK,
            "funder": OK,
            **{r: DENY for r in ("participant", "organisation", "admin", "other_broker")},
        },
    ),
    (
        "coordinator only",
        r"^<a>/makelaar/(logboek|importeren|instellingen)/$",
        {
            "anonymous": LOGIN,
            "coordinator": OK,
            **{r: DENY for r in ROLES if r not in ("anonymous", "coordinator")},
        },
    ),
    (
        "broker's workspace",
        r"^<a>/makelaar/",
        {
            "anonymous": LOGIN,
            "broker": OK | GONE,
            "coordinator": OK | GONE,
            **{r: DENY for r in ROLES if r not in ("anonymous", "broker", "coordinator")},
        },
    ),
    (
        "organisation pages",
        r"^<a>/organisatie/",
        {
            "anonymous": LOGIN,
            "organisation": OK | DENY | {302},
            "broker": OK | DENY,
            "coordinator": OK | DENY,
            **{r: DENY for r in ("participant", "funder", "admin", "other_broker")},
        },
    ),
    (
        "own ad pages (owner and staff)",
        r"^<a>/advertenties/<int:pk>/(bewerken|geplaatst)/$",
        {
            "anonymous": LOGIN,
            "broker": OK,
            "coordinator": OK,
            **{r: GONE for r in ("participant", "organisation", "funder", "admin", "other_broker")},
        },
    ),
    (
        "a conversation of two other people",
        r"^<a>/gesprekken/<int:pk>/",
        {"anonymous": LOGIN, **{r: GONE for r in ROLES if r != "anonymous"}},
    ),
    (
        "signed-in pages",
        r"^<a>/(mijn/|gesprekken/$|advertenties/nieuw/$|"
        r"advertenties/<int:pk>/melden/$|nieuwsbrief/$)",
        {
            "anonymous": LOGIN,
            "participant": OK,
            **{r: {200, 302, 403, 404} for r in ROLES if r not in ("anonymous", "participant")},
        },
    ),
    (
        "a story's photo (404 unless the story is public; staff of the area always)",
        r"^<a>/verhalen/<int:pk>/foto/$",
        {r: OK | GONE for r in ROLES},
    ),
    (
        # Same access as the profile page (tested per visibility in participants/tests/
        # test_photo.py); the profile in this world has no photo, so 404 for everyone.
        "profile photo",
        r"^<a>/deelnemers/<int:pk>/foto/$",
        {r: GONE for r in ROLES},
    ),
    (
        "public pages",
        r"^(|privacy/|inloggen/|<a>/|<a>/privacy/|<a>/inloggen/|"
        r"<a>/advertenties/|<a>/advertenties/<int:pk>/|<a>/deelnemers/<int:pk>/|"
        r"<a>/organisaties/|<a>/organisaties/<slug:slug>/|<a>/sociale-kaart/|"
        r"<a>/doorverwijzen/|<a>/doorverwijzen/verstuurd/)$",
        {r: OK for r in ROLES},
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


def rule_for(route):
    for name, pattern, expected in RULES:
        if re.search(pattern, route):
            return name, expected
    return None, None


def build_world():
    """The objects every URL of the matrix is opened with, in Utrecht Zuid (demo areas and
    users, plus two residents, an ad, a reaction, a mediation, a task and a signal)."""
    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    area.time_credits_enabled = True
    area.save()
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    me = User.objects.get(email="deelnemer@utrecht-zuid.test")
    owner = participant(area, "Bert")
    owner.profile_visibility = "public"
    owner.save()
    other = participant(area, "Carla")
    the_ad = ad(owner, "Klusje")
    conversation = marketplace.react(ad=the_ad, participant=other, body="Hoi", base_url="http://x")
    m = mediations.propose(area=area, broker=broker, requester=owner, provider=other)
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
    ids = {
        "pk": owner.pk,
        "ad": the_ad.pk,
        "conversation": conversation.pk,
        "message": conversation.messages.first().pk,
        "mediation": m.pk,
        "task": task.pk,
        "signal": signal.pk,
        "slug": "bestaat-niet",
    }
    from tijdvoorelkaar.demo.organisations import seed_organisations
    from tijdvoorelkaar.organisations.models import Organisation

    seed_organisations(areas)
    ids["slug"] = Organisation.objects.filter(area=area).first().slug
    users = {
        "participant": me,
        "broker": broker,
        "organisation": User.objects.get(email="buurthuis@utrecht-zuid.test"),
        "coordinator": User.objects.get(email="coordinator@utrecht-zuid.test"),
        "funder": User.objects.get(email="financier@utrecht-zuid.test"),
        "admin": User.objects.get(email="admin@tijdvoorelkaar.test"),
        "other_broker": User.objects.get(email="makelaar@breda-hoge-vucht.test"),
    }
    assert not Role.objects.filter(user=users["admin"]).exists()
    return area, ids, users


def concrete(route, area_slug, ids):
    url = route.replace("<a>", area_slug)
    object_for = {
        "advertenties": ids["ad"],
        "gesprekken": ids["conversation"],
        "bemiddelingen": ids["mediation"],
        "deelnemers": ids["pk"],
    }

    def pk(match):
        before = url[: match.start()].rstrip("/").split("/")[-1]
        return str(object_for.get(before, ids["pk"]))

    url = re.sub(r"<int:task_pk>", str(ids["task"]), url)
    url = re.sub(r"<int:signal_pk>", str(ids["signal"]), url)
    url = re.sub(r"<int:message_pk>", str(ids["message"]), url)
    url = re.sub(r"<int:conversation_pk>", str(ids["conversation"]), url)
    url = re.sub(r"<int:ad_id>", str(ids["ad"]), url)
    url = re.sub(r"<int:participant_id>", str(ids["pk"]), url)
    url = re.sub(r"<int:pk>", pk, url)
    url = url.replace("<slug:slug>", ids["slug"]).replace("<str:kind>", "vraag")
    url = url.replace("<slug:action>", "beeindigen").replace("<slug:answer>", "goed")
    url = url.replace("<str:token>", "ongeldig").replace("<str:fmt>", "csv")
    url = url.replace("download.csv", "download.csv" if "verslag" in url else "download.json")
    assert "<" not in url, url
    return "/" + url


def outcome(response):
    if response.status_code == 302 and "inloggen" in response["Location"]:
        return "login"
    return response.status_code

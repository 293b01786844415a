"""Success stories: consent of everyone named, withdrawal, first names only, the photo."""

import pytest
from django.test import Client
from django.utils import translation

from tijdvoorelkaar.core import clock
from tijdvoorelkaar.participants.tests.factories import participant as make_participant
from tijdvoorelkaar.stories import services
from tijdvoorelkaar.stories.models import Story, StoryConsent

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(area):
    return make_participant(area, "Bert", last_name="Jansen"), make_participant(area, "Carla")


def story(area, broker, pair, body="Bert hielp Carla met haar tuin. Nu drinken ze koffie."):
    return services.write_story(
        area=area, actor=broker, title="Een tuin vol koffie", body=body, participants=pair
    )


def consent_all(s, broker, pair):
    for p in pair:
        services.give_story_consent(story=s, participant=p, actor=broker, channel="telefoon")


def test_a_story_is_public_only_with_everyones_consent(area, broker, pair):
    s = story(area, broker, pair)
    with pytest.raises(services.StoryError, match="iedereen"):
        services.publish_story(story=s, actor=broker)
    services.give_story_consent(story=s, participant=pair[0], actor=broker, channel="telefoon")
    with pytest.raises(services.StoryError):
        services.publish_story(story=s, actor=broker)
    # Carla consents herself, on her own page.
    services.give_story_consent(story=s, participant=pair[1], actor=pair[1].user, channel="x")
    services.publish_story(story=s, actor=broker)
    assert list(services.public_stories(area)) == [s]
    carla = StoryConsent.objects.get(story=s, participant=pair[1])
    assert (carla.channel, carla.recorded_by) == ("site", pair[1].user)
    bert = StoryConsent.objects.get(story=s, participant=pair[0])
    assert (bert.channel, bert.recorded_by) == ("telefoon", broker)
    assert services.story_names(s) == ["Bert", "Carla"]


def test_withdrawing_takes_the_story_down_at_once(area, broker, pair):
    s = story(area, broker, pair)
    consent_all(s, broker, pair)
    services.publish_story(story=s, actor=broker)
    services.withdraw_story_consent(story=s, participant=pair[1], actor=pair[1].user)
    s.refresh_from_db()
    assert s.published_at is None and s.taken_down_reason == "toestemming ingetrokken"
    assert not services.public_stories(area).exists()
    # Even a stale "published" flag cannot show it: the public query checks consents.
    type(s).objects.filter(pk=s.pk).update(published_at=clock.now())
    assert not services.public_stories(area).exists()
    # New consent does not republish by itself; the broker decides.
    services.give_story_consent(story=s, participant=pair[1], actor=pair[1].user, channel="")
    type(s).objects.filter(pk=s.pk).update(published_at=None)
    assert not services.public_stories(area).exists()


def test_an_erased_participant_keeps_the_story_down(area, broker, pair):
    s = story(area, broker, pair)
    consent_all(s, broker, pair)
    services.publish_story(story=s, actor=broker)
    pair[1].delete()
    assert not services.public_stories(area).exists()


def test_stories_use_first_names_only_and_rules_who_may_act(area, broker, pair):
    with pytest.raises(services.StoryError, match="Jansen"):
        story(area, broker, pair, body="Bert Jansen hielp Carla.")
    with pytest.raises(services.StoryError, match="sociaal makelaar"):
        services.write_story(area=area, actor=pair[0].user, title="T", body="B", participants=pair)
    with pytest.raises(services.StoryError, match="deelnemer"):
        services.write_story(area=area, actor=broker, title="T", body="B", participants=[])
    s = story(area, broker, pair)
    # Bert cannot consent for Carla, a broker cannot claim "on the site".
    with pytest.raises(services.StoryError):
        services.give_story_consent(story=s, participant=pair[1], actor=pair[0].user, channel="")
    with pytest.raises(services.StoryError):
        services.give_story_consent(story=s, participant=pair[1], actor=broker, channel="site")
    outsider = make_participant(area, "Dirk")
    with pytest.raises(services.StoryError):
        services.withdraw_story_consent(story=s, participant=outsider, actor=outsider.user)
    assert not StoryConsent.objects.filter(given_at__isnull=False).exists()


def test_home_page_shows_published_stories_with_first_names(area, broker, pair):
    s = story(area, broker, pair)
    client = Client()
    assert "Een tuin vol koffie" not in client.get("/zuid/").content.decode()
    consent_all(s, broker, pair)
    services.publish_story(story=s, actor=broker)
    page = client.get("/zuid/").content.decode()
    assert "Een tuin vol koffie" in page and "Bert, Carla" in page
    assert "Jansen" not in page and "Achternaam" not in page


def test_participant_withdraws_on_my_stories_page(area, broker, pair):
    s = story(area, broker, pair)
    consent_all(s, broker, pair)
    services.publish_story(story=s, actor=broker)
    client = Client()
    client.force_login(pair[0].user)
    page = client.get("/zuid/mijn/verhalen/")
    assert "Een tuin vol koffie" in page.content.decode()
    mine = StoryConsent.objects.get(story=s, participant=pair[0])
    theirs = StoryConsent.objects.get(story=s, participant=pair[1])
    # Another person's consent cannot be touched from this page.
    client.post("/zuid/mijn/verhalen/", {"consent": theirs.pk, "action": "intrekken"})
    assert services.public_stories(area).exists()
    client.post("/zuid/mijn/verhalen/", {"consent": mine.pk, "action": "intrekken"})
    assert not services.public_stories(area).exists()


def test_broker_story_page_refuses_a_missing_channel(area, broker, pair):
    s = story(area, broker, pair)
    client = Client()
    client.force_login(broker)
    consent = s.consents.first()
    response = client.post(
        f"/zuid/makelaar/verhalen/{s.pk}/", {"consent": consent.pk, "action": "toestemming"}
    )
    assert response.status_code == 400
    assert "Kies hoe de deelnemer toestemming gaf" in response.content.decode()
    assert not StoryConsent.objects.filter(given_at__isnull=False).exists()
    response = client.post(
        "/zuid/makelaar/verhalen/",
        {"title": "T", "body": "Tekst", "participants": "12, abc"},
    )
    assert response.status_code == 400
    assert "alleen deelnemersnummers" in response.content.decode()


def jpeg_with_gps() -> bytes:
    import io

    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # camera make: must not survive
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_story_photo_is_cleaned_and_shown_only_while_public(area, broker, pair, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    staff = Client()
    staff.force_login(broker)
    response = staff.post(
        "/zuid/makelaar/verhalen/",
        {
            "title": "Met foto",
            "body": "Bert en Carla in de tuin.",
            "participants": f"{pair[0].pk}, {pair[1].pk}",
            "photo": SimpleUploadedFile("x.jpg", jpeg_with_gps(), "image/jpeg"),
        },
    )
    assert response.status_code == 400
    assert "Beschrijf kort wat er op de foto staat" in response.content.decode()
    bad = staff.post(
        "/zuid/makelaar/verhalen/",
        {
            "title": "Met foto",
            "body": "Tekst",
            "participants": str(pair[0].pk),
            "photo": SimpleUploadedFile("x.jpg", b"geen foto", "image/jpeg"),
            "photo_alt": "x",
        },
    )
    assert "geen foto die we kunnen gebruiken" in bad.content.decode()
    response = staff.post(
        "/zuid/makelaar/verhalen/",
        {
            "title": "Met foto",
            "body": "Bert en Carla in de tuin.",
            "participants": f"{pair[0].pk}, {pair[1].pk}",
            "photo": SimpleUploadedFile("x.jpg", jpeg_with_gps(), "image/jpeg"),
            "photo_alt": "Twee buren in een moestuin",
        },
    )
    assert response.status_code == 302
    s = Story.objects.get()
    assert s.photo.name.startswith("verhalen/") and "x.jpg" not in s.photo.name
    url = f"/zuid/verhalen/{s.pk}/foto/"
    assert staff.get(url).status_code == 200  # the broker previews it
    public = Client()
    assert public.get(url).status_code == 404
    consent_all(s, broker, pair)
    services.publish_story(story=s, actor=broker)
    photo = public.get(url)
    assert photo.status_code == 200 and photo["Content-Type"] == "image/jpeg"
    assert b"Telefoonmerk" not in b"".join(photo.streaming_content)
    assert 'alt="Twee buren in een moestuin"' in public.get("/zuid/").content.decode()
    services.withdraw_story_consent(story=s, participant=pair[0], actor=pair[0].user)
    assert public.get(url).status_code == 404


def test_a_posted_consent_that_is_not_a_number_changes_nothing(area, broker, pair):
    s = story(area, broker, pair)
    client = Client()
    client.force_login(broker)
    staff = client.post(
        f"/zuid/makelaar/verhalen/{s.pk}/", {"consent": "abc", "action": "toestemming"}
    )
    assert staff.status_code == 404
    client.force_login(pair[0].user)
    own = client.post("/zuid/mijn/verhalen/", {"consent": "1 OR 1=1", "action": "toestemming"})
    assert own.status_code == 302
    assert not StoryConsent.objects.filter(given_at__isnull=False).exists()


def test_refusals_name_their_field_and_are_translated(area, broker, pair):
    with pytest.raises(services.StoryError) as refused:
        story(area, broker, pair, body="Bert Jansen hielp Carla.")
    assert refused.value.field == "body"
    with translation.override("en"), pytest.raises(services.StoryError) as refused:
        services.write_story(area=area, actor=broker, title="T", body="B", participants=[])
    assert refused.value.field == "participants"
    assert refused.value.message == "Name at least one participant the story is about."
    assert not Story.objects.filter(title="T").exists()


def test_a_refusal_on_the_story_page_lands_on_the_field_and_keeps_the_text(area, broker, pair):
    client = Client()
    client.force_login(broker)
    response = client.post(
        "/zuid/makelaar/verhalen/",
        {
            "title": "Tuin",
            "body": "Bert Jansen hielp Carla met de tuin.",
            "participants": f"{pair[0].pk}, {pair[1].pk}",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "niet &#x27;Jansen&#x27;" in page
    assert "Bert Jansen hielp Carla met de tuin." in page
    assert not Story.objects.exists()

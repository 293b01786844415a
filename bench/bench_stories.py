"""Success stories on the home page and in the newsletter at area scale (issue O).

One area, 400 participants, 200 stories with two people each (150 published, 20 of
those with a withdrawn consent), 10 coming markets, 400 newsletter subscribers. Measures
the area home page (public_stories: one aggregate query) and one newsletter batch with
stories and activities. Give a scratch PostgreSQL database as the first argument, e.g.
  .venv/bin/python bench/bench_stories.py postgres://postgres@127.0.0.1:5432/tve_story_bench
The database is migrated and filled; drop it afterwards."""

import sys
import time

sys.path.insert(0, __import__("os").path.dirname(__file__))
from common import setup_django, summarise  # noqa: E402


def main(url: str) -> None:
    setup_django(url)
    from django.conf import settings
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    import datetime as dt

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tijdvoorelkaar.accounts.services import create_user_with_role
    from tijdvoorelkaar.areas.services import create_area
    from tijdvoorelkaar.core import clock
    from tijdvoorelkaar.marketplace.services import ensure_default_categories
    from tijdvoorelkaar.newsletter import services as newsletter
    from tijdvoorelkaar.outreach.models import OutreachActivity
    from tijdvoorelkaar.participants.tests.factories import participant
    from tijdvoorelkaar.stories import services

    area, _ = create_area("bench-s", "Bench S", [])
    ensure_default_categories(area)
    broker = create_user_with_role("m@bench-s.test", "broker", area).user
    people = [participant(area, f"P{i}") for i in range(400)]
    for i in range(200):
        pair = [people[(2 * i) % 400], people[(2 * i + 1) % 400]]
        story = services.write_story(
            area=area,
            actor=broker,
            title=f"Verhaal {i}",
            body="Zij hielpen elkaar. " * 30,
            participants=pair,
        )
        if i < 150:
            for p in pair:
                services.give_story_consent(
                    story=story, participant=p, actor=broker, channel="telefoon"
                )
            services.publish_story(story=story, actor=broker)
            if i < 20:
                services.withdraw_story_consent(
                    story=story, participant=pair[0], actor=pair[0].user
                )
    for i in range(10):
        OutreachActivity.objects.create(
            area=area,
            kind="markt",
            held_on=clock.today() + dt.timedelta(days=3 * i),
            place=f"Plein {i}",
            created_at=clock.now(),
        )
    for person in people:
        newsletter.subscribe(area=area, user=person.user)

    client = Client()
    samples = []
    for _ in range(20):
        start = time.perf_counter()
        response = client.get("/bench-s/")
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get("/bench-s/")
    print("home page with 130 public stories", summarise(samples), f"{len(queries)} queries")

    start = time.perf_counter()
    count = services.public_stories(area).count()
    print(f"public_stories count {count} in {(time.perf_counter() - start) * 1000:.1f} ms")

    start = time.perf_counter()
    sent = newsletter.send_newsletters(batch_size=400, base_url="http://x")
    took = (time.perf_counter() - start) * 1000
    print(f"send_newsletters batch: {sent} emails in {took:.0f} ms ({took / sent:.1f} ms each)")


if __name__ == "__main__":
    main(sys.argv[1])

"""Paper and newsletter at notice-board scale (issue O).

Measures the A4 ad list PDF (300 current ads) and queueing one newsletter batch (500
subscribers) against a scratch PostgreSQL database given as the first argument, e.g.
  .venv/bin/python bench/bench_organisations.py postgres://postgres@127.0.0.1:5432/tve_org_bench
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
    call_command("migrate", verbosity=0)
    import io

    from pypdf import PdfReader

    from tijdvoorelkaar.areas.services import create_area
    from tijdvoorelkaar.marketplace.services import ensure_default_categories
    from tijdvoorelkaar.marketplace.tests.factories import ad
    from tijdvoorelkaar.newsletter import services as newsletter
    from tijdvoorelkaar.outreach import pdf, services
    from tijdvoorelkaar.participants.tests.factories import participant

    area, _ = create_area("bench-o", "Bench O", [])
    ensure_default_categories(area)
    people = [participant(area, f"P{i}") for i in range(500)]
    for i in range(300):
        ad(people[i], f"Advertentie nummer {i}", description="Korte omschrijving. " * 8)
    for person in people:
        newsletter.subscribe(area=area, user=person.user)

    samples, pages = [], 0
    for _ in range(5):
        start = time.perf_counter()
        content = pdf.ads_list_pdf(services.ads_list(area))
        samples.append((time.perf_counter() - start) * 1000)
        pages = len(PdfReader(io.BytesIO(content)).pages)
    print("ads_list_pdf 300 ads", summarise(samples), f"{pages} pages, {len(content)} bytes")

    start = time.perf_counter()
    sent = newsletter.send_newsletters(batch_size=500, base_url="http://x")
    took = (time.perf_counter() - start) * 1000
    print(f"send_newsletters batch: {sent} emails in {took:.0f} ms ({took / sent:.1f} ms each)")


if __name__ == "__main__":
    main(sys.argv[1])

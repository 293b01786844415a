"""The listing counts at most a limit of ads, so a large area's page costs what a small
one's does; the pages, their order and the links stay as they were."""

import re

import pytest

from tijdvoorelkaar.marketplace import listing as listing_module
from tijdvoorelkaar.participants.tests.factories import participant

from .factories import ad

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_limit(monkeypatch):
    """Count at most 40 ads (two pages), so a few dozen ads go past the limit."""
    monkeypatch.setattr(listing_module, "COUNT_LIMIT", 40)


@pytest.fixture
def ads_45(area):
    owner = participant(area)
    return [ad(owner, f"Klusje nummer {i}") for i in range(45)]


def page(client, area, **params) -> str:
    response = client.get(f"/{area.slug}/advertenties/", params)
    assert response.status_code == 200
    return response.content.decode()


def ids(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'data-ad-id="(\d+)"', html)]


def test_past_the_limit_the_page_says_more_than_and_offers_the_next_page(
    client, area, small_limit, ads_45
):
    first = page(client, area)
    assert "Gevonden: meer dan 40" in first
    assert "Pagina 1 van meer dan 2" in first
    assert 'rel="next" href="?page=2"' in first
    assert len(ids(first)) == 20


def test_asking_for_a_later_page_counts_far_enough_to_know_the_end(
    client, area, small_limit, ads_45
):
    third = page(client, area, page=3)
    assert "Gevonden: 45" in third and "Gevonden: meer dan" not in third
    assert "Pagina 3 van 3" in third
    assert len(ids(third)) == 5
    # Past the end: the last page, as before.
    assert ids(page(client, area, page=99)) == ids(third)


def test_following_the_next_links_shows_every_ad_once_newest_first(
    client, area, small_limit, ads_45
):
    seen, html = [], page(client, area)
    while True:
        seen += ids(html)
        link = re.search(r'rel="next" href="\?page=(\d+)"', html)
        if not link:
            break
        html = page(client, area, page=link.group(1))
    assert seen == [made.pk for made in reversed(ads_45)]


def test_below_the_limit_the_count_is_exact(client, area, ads_45):
    first = page(client, area)
    assert "Gevonden: 45" in first and "Pagina 1 van 3" in first


def test_search_past_the_limit_says_more_than(client, area, small_limit, ads_45):
    found = page(client, area, q="klusje")
    assert "Gevonden: meer dan 40" in found
    assert len(ids(found)) == 20


def test_the_api_keeps_the_exact_count(client, area, small_limit, ads_45):
    response = client.get(f"/api/areas/{area.slug}/ads")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 45 and body["pages"] == 3

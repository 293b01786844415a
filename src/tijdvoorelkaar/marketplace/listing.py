"""The ad listing: one search behind the listing page and the API.

`search_ads(viewer, area, filters, page)` applies the rule of what is listed
(Ad.objects.listed()), what the viewer may see (Ad.objects.visible_to()), the filters
and the Dutch full-text search, and pages through the result, newest first."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator

from tijdvoorelkaar.areas.models import Neighbourhood

from . import search
from .models import Ad, Category

PAGE_SIZE = 20
RELATED = ("area", "category", "neighbourhood", "owner__user", "organisation")


@dataclass(frozen=True)
class AdFilters:
    """Filters already checked against the area (an unknown slug is the caller's error)."""

    kind: str | None = None
    category: Category | None = None
    neighbourhood: Neighbourhood | None = None
    q: str = ""

    @property
    def any(self) -> bool:
        return bool(self.kind or self.category or self.neighbourhood or self.q.strip())


def search_ads(viewer, area, filters: AdFilters, page=1, *, beyond_last: str = "last") -> Page:
    """One page of the listing for `viewer`. A page number past the end gives the last page
    (the site), or with beyond_last="empty" an empty page (the API)."""
    ads = Ad.objects.visible_to(viewer, area, include_own=False).listed()
    if filters.kind:
        ads = ads.filter(kind=filters.kind)
    # Filter on the id, without a join.
    if filters.category is not None:
        ads = ads.filter(category_id=filters.category.pk)
    if filters.neighbourhood is not None:
        ads = ads.filter(neighbourhood_id=filters.neighbourhood.pk)
    if filters.q.strip():
        ads = search.matches(ads, filters.q)
    # Count and page through ids only: the filters and the sort columns are all in the
    # ad_listing_cover index, so neither query reads the ads themselves. Only the ads on
    # the page are then loaded in full.
    paginator = Paginator(
        ads.order_by("-created_at", "-id").values_list("pk", flat=True), PAGE_SIZE
    )
    if beyond_last == "empty" and _number(page) > paginator.num_pages:
        return Page([], _number(page), paginator)
    result = paginator.get_page(page)
    page_ids = list(result.object_list)
    loaded = Ad.objects.select_related(*RELATED).in_bulk(page_ids)
    result.object_list = [loaded[pk] for pk in page_ids if pk in loaded]
    return result


def _number(page) -> int:
    try:
        return max(int(page), 1)
    except (TypeError, ValueError):
        return 1

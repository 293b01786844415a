"""The ad listing: one search behind the listing page and the API.

`search_ads(viewer, area, filters, page)` applies the rule of what is listed
(Ad.objects.listed()), what the viewer may see (Ad.objects.visible_to()), the filters
and the Dutch full-text search, and pages through the result, newest first.

The page counts at most COUNT_LIMIT ads (more only when a later page is asked for), so
its cost follows the page number, not the size of the area: an area with 100,000 ads
says "meer dan 1.000 advertenties" and offers the next page as long as there is one."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

from tijdvoorelkaar.areas.models import Neighbourhood

from . import search
from .models import Ad, Category

PAGE_SIZE = 20
COUNT_LIMIT = 1000  # a multiple of PAGE_SIZE
RELATED = ("area", "category", "neighbourhood", "owner__user", "organisation")


class CappedPaginator(Paginator):
    """A paginator that counts at most `limit` rows. When there are more, `count` is
    `limit` (a multiple of the page size, so every counted page is full) and `more` is
    True; `limit` None counts every row."""

    def __init__(self, object_list, per_page, *, limit: int | None):
        super().__init__(object_list, per_page)
        self.limit = limit
        self._more = False

    @cached_property
    def count(self) -> int:
        if self.limit is None:
            return super().count
        # Without the order: any `limit` + 1 matching rows will do, so PostgreSQL may take
        # them from the full-text index for a search instead of walking the listing
        # newest first and analysing every ad's text on the way.
        n = self.object_list.order_by()[: self.limit + 1].count()
        self._more = n > self.limit
        return min(n, self.limit)

    @property
    def more(self) -> bool:
        """Whether there are more rows than counted."""
        return self.count >= 0 and self._more


def count_limit(page) -> int:
    """How many ads to count for page `page`: COUNT_LIMIT, or enough to fill that page and
    to know whether a next one exists."""
    return max(COUNT_LIMIT, (_number(page) + 1) * PAGE_SIZE)


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


def search_ads(
    viewer, area, filters: AdFilters, page=1, *, beyond_last: str = "last", exact: bool = False
) -> Page:
    """One page of the listing for `viewer`. A page number past the end gives the last page
    (the site), or with beyond_last="empty" an empty page (the API). The count stops at
    count_limit(page) (`page.paginator.more` tells there are more) unless `exact`."""
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
    paginator = CappedPaginator(
        ads.order_by("-created_at", "-id").values_list("pk", flat=True),
        PAGE_SIZE,
        limit=None if exact else count_limit(page),
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

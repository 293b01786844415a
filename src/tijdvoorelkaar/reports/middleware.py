"""Counts public page views of an area (see traffic.py); never breaks a page."""

import logging
import re

from tijdvoorelkaar.core.access import STAFF_ROLES
from tijdvoorelkaar.core.net import client_ip

from .traffic import record_page_view

log = logging.getLogger(__name__)

BOTS = re.compile(
    r"bot|crawl|spider|slurp|fetch|curl|wget|python|http-client|headless|monitor|preview|scan",
    re.I,
)
# Path segments of pages for staff, funders and administration: not counted.
STAFF_SEGMENTS = {"makelaar", "verslag", "beheer", "import", "admin", "static", "media"}


class PageViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            if self._counts(request, response):
                referer = request.META.get("HTTP_REFERER", "")
                host = request.get_host()
                from_outside = not re.match(rf"https?://{re.escape(host)}(/|$)", referer)
                record_page_view(
                    request.area,
                    ip=client_ip(request),
                    user_agent=request.META.get("HTTP_USER_AGENT", ""),
                    from_outside=from_outside,
                )
        except Exception:  # counting must never cost a visitor their page
            log.exception("paginaweergave niet geteld")
        return response

    @staticmethod
    def _counts(request, response) -> bool:
        if request.method != "GET" or response.status_code != 200:
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        area = getattr(request, "area", None)
        if area is None:
            return False
        if set(request.path.strip("/").split("/")) & STAFF_SEGMENTS:
            return False
        if getattr(request, "area_roles", frozenset()) & STAFF_ROLES:
            return False
        agent = request.META.get("HTTP_USER_AGENT", "")
        return bool(agent) and not BOTS.search(agent)

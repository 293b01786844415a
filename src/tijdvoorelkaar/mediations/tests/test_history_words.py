"""The mediation's history reads as words: statuses, answers, dates and the fields of a
correction in the reader's language, never the stored codes ("kennismaking_gepland")."""

import datetime as dt
import html
import re

import pytest
import time_machine
from django.conf import settings

from tijdvoorelkaar.accounts.tests.factories import user_with_role
from tijdvoorelkaar.mediations import services
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


def _history(client, url: str) -> str:
    page = client.get(url).content.decode()
    found = re.search(r'<ol class="history">(.*?)</ol>', page, re.S)
    assert found, "no history on the mediation's page"
    return html.unescape(re.sub(r"<[^>]+>", " ", found.group(1)))


def test_history_shows_words_in_dutch_and_in_english(area, client):
    broker = user_with_role(area, "broker", email="sanne@example.org", first_name="Sanne")
    coordinator = user_with_role(area, "coordinator", email="petra@example.org")
    liesbeth = participant(area, "Liesbeth", neighbourhood="lunetten")
    serkan = participant(area, "Serkan", neighbourhood="hoograven")
    with time_machine.travel(NOW, tick=False):
        m = services.propose(area=area, broker=broker, requester=liesbeth, provider=serkan)
        services.record_answer(m, side="requester", answer="ja", actor=broker)
        services.record_answer(m, side="provider", answer="ja", actor=broker)
        m.refresh_from_db()
        services.plan_introduction(m, on=dt.date(2026, 11, 29), actor=broker)
        services.correct(
            m,
            coordinator=coordinator,
            changes={"status": "lopend", "started_on": dt.date(2026, 11, 20)},
            reason="Ze zijn al begonnen",
        )
    client.force_login(coordinator)
    url = f"/{area.slug}/makelaar/bemiddelingen/{m.pk}/"

    dutch = _history(client, url)
    assert "kennismaking gepland → kennismaking gepland · 29 november 2026" in dutch
    assert "Liesbeth: ja" in dutch
    assert "Ze zijn al begonnen (status: kennismaking gepland → lopend;" in dutch
    assert "gestart op: 27 november 2026 → 20 november 2026)" in dutch
    assert "27 november 2026" in dutch
    assert "_" not in dutch and "2026-11" not in dutch and " -> " not in dutch

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = _history(client, url)
    assert "29 November 2026" in english
    assert "november 2026" not in english
    assert "_" not in english and "2026-11" not in english

"""The audit log reads as words: every action recorded anywhere has a name in the table of
AuditEvent.ACTION_LABELS, and the coordinator's log page shows it, not the code."""

import ast
import html
import re
from pathlib import Path

import pytest

import tijdvoorelkaar
from tijdvoorelkaar.accounts.tests.factories import user_with_role
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.workspace import confidential

SRC = Path(tijdvoorelkaar.__file__).parent


def _recorded_actions() -> set[str]:
    """The action strings passed to core.audit.record anywhere in the code (the second
    argument; both branches of a conditional)."""
    actions = set()
    for path in SRC.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
            if name == "record" and owner in ("audit", ""):
                actions |= {
                    c.value
                    for c in ast.walk(node.args[1])
                    if isinstance(c, ast.Constant) and isinstance(c.value, str)
                }
    return actions


def test_every_recorded_action_has_words():
    actions = _recorded_actions()
    assert {"note.read", "background.write", "mediation.correct"} <= actions
    assert sorted(actions - set(AuditEvent.ACTION_LABELS)) == []


@pytest.mark.django_db
def test_the_log_page_shows_words_not_codes(area, client):
    coordinator = user_with_role(area, "coordinator", email="petra@example.org")
    gerda = participant(area, "Gerda")
    confidential.add_note(participant=gerda, author=coordinator, body="Belt liever 's ochtends")
    confidential.read_notes(participant=gerda, reader=coordinator)
    client.force_login(coordinator)

    page = client.get(f"/{area.slug}/makelaar/logboek/").content.decode()
    table = re.search(r"<tbody.*?</tbody>", page, re.S).group(0)
    text = html.unescape(re.sub(r"<[^>]+>", " ", table))
    assert "Vertrouwelijke notities gelezen" in text
    assert "Vertrouwelijke notitie geschreven" in text
    assert "note.read" not in text and "note.write" not in text

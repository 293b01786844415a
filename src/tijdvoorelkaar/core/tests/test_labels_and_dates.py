"""Words on forms and dates: the "(niet verplicht)" suffix comes from the field template
once, and dates are written out with the month in full ("29 november 2026"), never the
abbreviation "Nov" that Django's "M" gives in Dutch and English alike."""

import importlib
import pkgutil
import re
from pathlib import Path

from django import forms
from django.conf import settings

import tijdvoorelkaar
from tijdvoorelkaar.mediations.forms import CallMeForm, EndForm

SRC = Path(tijdvoorelkaar.__file__).parent


def _all_forms() -> list[type[forms.BaseForm]]:
    """Every form class of the project (each app's forms modules imported)."""
    for module in pkgutil.walk_packages([str(SRC)], "tijdvoorelkaar."):
        if module.name.rsplit(".", 1)[-1] in ("forms", "first_request_page") and (
            ".tests" not in module.name
        ):
            importlib.import_module(module.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("tijdvoorelkaar."):
                found.append(sub)
    return found


def test_no_label_carries_the_optional_suffix_the_template_adds():
    all_forms = _all_forms()
    assert len(all_forms) > 30  # the walk found the project's forms
    doubled = [
        f"{form.__module__}.{form.__name__}.{name}: {field.label}"
        for form in all_forms
        for name, field in getattr(form, "base_fields", {}).items()
        if not field.required
        and re.search(r"niet verplicht|optional", str(field.label or ""), re.I)
    ]
    assert doubled == []


def test_the_call_me_form_says_not_required_once():
    html = str(CallMeForm())
    assert html.count("niet verplicht") == 1
    assert 'Waarover? <span class="optional">(niet verplicht)</span>' in html


def test_a_label_that_says_when_it_is_required_is_not_called_optional():
    html = str(EndForm())
    assert "Toelichting (verplicht bij &#x27;anders&#x27;)</label>" in html
    assert "niet verplicht" not in html


# Django's date format characters that abbreviate: "M" (Nov), "b" (nov), "N" (Nov.),
# "D" (Zo). Written out in full ("j F Y") or as numbers ("d-m-Y") instead.
ABBREVIATED = re.compile(r"\|date:\"[^\"]*[MbND][^\"]*\"")


def test_no_template_abbreviates_a_month_or_a_day():
    found = [
        f"{path.relative_to(SRC)}: {match.group(0)}"
        for path in SRC.rglob("templates/**/*")
        if path.suffix in (".html", ".txt")
        for match in ABBREVIATED.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
    base = Path(settings.BASE_DIR) / "src" / "tijdvoorelkaar" / "templates"
    assert not ABBREVIATED.search((base / "base.html").read_text(encoding="utf-8"))

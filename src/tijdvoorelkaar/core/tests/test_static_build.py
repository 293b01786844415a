"""Static files build under the production storage, and a page needs one stylesheet.

`make deps` builds the stylesheets (frontend/build-css.mjs) before the tests run."""

import gzip
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

from tijdvoorelkaar.areas.themes import THEMES
from tijdvoorelkaar.demo import seed as demo

CSS_BUDGET = 40 * 1024  # bytes, gzip-compressed (issue D)


def test_collectstatic_succeeds_under_the_production_storage(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    # Fails with MissingFileError when a stylesheet names a file that does not exist.
    call_command("collectstatic", interactive=False, verbosity=0)
    manifest = (tmp_path / "staticfiles.json").read_text()
    for theme in THEMES:
        assert f"css/themes/{theme}.css" in manifest
        assert list(tmp_path.glob(f"css/themes/{theme}.*.css.gz"))
    assert "img/favicon.svg" in manifest


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_each_theme_stylesheet_is_built_and_within_budget(theme):
    path = finders.find(f"css/themes/{theme}.css")
    assert path, "run `make deps` (node frontend/build-css.mjs) first"
    css = open(path, "rb").read()
    assert b".utrecht-button" in css and f".theme-{theme}".encode() in css
    assert len(gzip.compress(css, 9)) <= CSS_BUDGET
    assert str(settings.BUILD_STATIC) in path


@pytest.mark.django_db
def test_a_page_names_exactly_one_stylesheet_and_no_script(client):
    demo.seed_areas()
    for path in ("/", "/utrecht-zuid/", "/breda-hoge-vucht/advertenties/"):
        html = client.get(path).content.decode()
        sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert len(sheets) == 1 and "/css/themes/" in sheets[0], sheets
        assert "<script" not in html

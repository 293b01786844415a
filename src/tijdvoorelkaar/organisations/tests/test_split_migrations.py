"""Outreach, the newsletter and stories left the organisations app with their tables
(state-only migrations). Their content types, and with them the permissions, follow in
the data migrations; run here with the current models (they only use apps.get_model)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

pytestmark = pytest.mark.django_db

MOVED = {
    "outreach": {"outreachactivity", "doortodoorreminder"},
    "newsletter": {"newslettersubscription", "phoneinstead"},
    "stories": {"story", "storyconsent"},
}


def initial(app: str):
    return importlib.import_module(f"tijdvoorelkaar.{app}.migrations.0001_initial")


def labels() -> dict[str, str]:
    models = set().union(*MOVED.values())
    return dict(ContentType.objects.filter(model__in=models).values_list("model", "app_label"))


@pytest.fixture
def installed_before_the_split():
    """The content types as an installation made before the split has them."""
    for app, models in MOVED.items():
        ContentType.objects.filter(app_label=app, model__in=models).update(
            app_label="organisations"
        )
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


def test_the_moved_models_take_their_content_types_and_permissions_along(
    installed_before_the_split,
):
    permissions = Permission.objects.filter(content_type__app_label="organisations").count()
    assert set(labels().values()) == {"organisations"}
    for app in MOVED:
        initial(app).own_the_content_types(apps, None)
    assert labels() == {model: app for app, models in MOVED.items() for model in models}
    assert Permission.objects.filter(
        content_type__app_label="stories", codename="change_story"
    ).exists()
    moved_permissions = Permission.objects.filter(content_type__app_label__in=MOVED).count()
    left = Permission.objects.filter(content_type__app_label="organisations").count()
    assert moved_permissions + left == permissions and moved_permissions == 4 * 6
    # And back, when the migrations are reversed.
    for app in MOVED:
        initial(app).give_them_back(apps, None)
    assert set(labels().values()) == {"organisations"}


def test_a_content_type_already_made_under_the_new_label_is_kept(installed_before_the_split):
    ContentType.objects.create(app_label="stories", model="story")
    initial("stories").own_the_content_types(apps, None)
    assert ContentType.objects.filter(app_label="stories", model="story").count() == 1
    assert ContentType.objects.filter(app_label="organisations", model="story").exists()
    assert ContentType.objects.get(app_label="stories", model="storyconsent")

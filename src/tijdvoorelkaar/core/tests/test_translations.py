"""The English catalogue is complete: every string the code marks for translation has an
English text, none is fuzzy, and each keeps the placeholders of the Dutch original.

The residents' languages (Turkish, Arabic, Polish, Ukrainian: `RESIDENT_LANGUAGES`) are
complete for everything a resident sees or receives: a string is resident-facing unless
every place it is used is a staff-only source (`STAFF_ONLY_SOURCES`, below, the one
definition; docs/architecture.md "Translations"). Staff pages are answered in Dutch or
English only (`core.access.area_view`), so their strings need no Turkish. Every
translation, resident-facing or not, keeps the Dutch placeholders.

The catalogue is made again, as a developer would (`manage.py makemessages -l en
--no-obsolete`), but into a copy of locale/ in a temporary directory, so the repository's
files are never touched. A failure names the strings; the fix is to run makemessages and
translate them in locale/en/LC_MESSAGES/django.po."""

import re
import shutil
from collections import Counter
from fnmatch import fnmatch
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

PO = Path("locale") / "en" / "LC_MESSAGES" / "django.po"
RESIDENT_LANGUAGES = ("tr", "ar", "pl", "uk")


def po_path(language: str) -> Path:
    return Path("locale") / language / "LC_MESSAGES" / "django.po"


# Sources only staff (brokers, coordinators, organisations, funders, the system
# administrator) read, relative to src/tijdvoorelkaar/. A pattern in RESIDENT_SOURCES wins:
# a resident email or page kept inside a staff app. Everything else is resident-facing.
STAFF_ONLY_SOURCES = (
    "*/admin.py",
    "*/apps.py",
    "*/migrations/*",
    "*/management/*",
    "demo/*",
    "api/*",
    "imports/*",
    "reports/*",
    "suggestions/*",
    "tasks/*",
    "outreach/*",
    "workspace/*",
    "templates/_broker_community_links.html",
    "areas/templates/areas/settings.html",
    "areas/templates/areas/contact_settings.html",
    "areas/settings_forms.py",
    "accounts/templates/accounts/two_factor.html",
    "marketplace/templates/marketplace/report_review.html",
    "marketplace/categories.py",
    "mediations/templates/mediations/mediation_*.html",
    "mediations/templates/mediations/_answer_form.html",
    "mediations/forms.py",
    "mediations/figures.py",
    "credits/templates/credits/staff_home.html",
    "credits/templates/credits/issue.html",
    "credits/templates/credits/limits.html",
    "credits/templates/credits/paper.html",
    "credits/templates/credits/participant.html",
    "credits/templates/credits/transfer.html",
    "credits/templates/credits/organisation_home.html",
    "organisations/templates/organisations/_dashboard_referrals.html",
    "organisations/templates/organisations/_referral_inbox.html",
    "organisations/templates/organisations/manage.html",
    "organisations/templates/organisations/referrals.html",
    "organisations/templates/organisations/refer_out.html",
    "organisations/templates/organisations/social_map_manage.html",
    "organisations/templates/organisations/staff_list.html",
    "organisations/templates/organisations/vacancy_form.html",
    "organisations/templates/organisations/email/*",
    "privacy/templates/privacy/erase_by_broker.html",
    "stories/templates/stories/stories.html",
)
RESIDENT_SOURCES = (
    "workspace/templates/workspace/email/ad_placed.*",
    "workspace/templates/workspace/email/handover.*",
    "workspace/services.py",
    "workspace/caseload.py",
)


def is_resident_source(path: str) -> bool:
    """Whether the source file `path` (as in a catalogue's "#:" line) may be read by a
    resident."""
    path = path.split("src/tijdvoorelkaar/", 1)[-1]
    if any(fnmatch(path, pattern) for pattern in RESIDENT_SOURCES):
        return True
    return not any(fnmatch(path, pattern) for pattern in STAFF_ONLY_SOURCES)


def is_resident_facing(entry: polib.POEntry) -> bool:
    return not entry.occurrences or any(is_resident_source(p) for p, _line in entry.occurrences)


def test_resident_facing_is_decided_by_the_source_path():
    assert is_resident_source("src/tijdvoorelkaar/marketplace/templates/marketplace/ad_form.html")
    assert is_resident_source("src/tijdvoorelkaar/workspace/templates/workspace/email/handover.txt")
    assert is_resident_source("src/tijdvoorelkaar/mediations/templates/mediations/check_in.html")
    assert not is_resident_source(
        "src/tijdvoorelkaar/workspace/templates/workspace/participant.html"
    )
    assert not is_resident_source("src/tijdvoorelkaar/reports/services.py")
    assert not is_resident_source(
        "src/tijdvoorelkaar/mediations/templates/mediations/mediation_detail.html"
    )


# %(name)s and the like (with flags, width, precision), a bare %s or %d, and {name}.
NAMED = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")
POSITIONAL = re.compile(r"%(?!\()[-#0+]*\d*(?:\.\d+)?[sdifrxX]")
BRACES = re.compile(r"\{(\w*)\}")


def placeholders(text: str) -> Counter:
    text = text.replace("%%", "")
    found = Counter(f"%({name})" for name in NAMED.findall(text))
    found.update(m.group(0) for m in POSITIONAL.finditer(text))
    found.update(f"{{{name}}}" for name in BRACES.findall(text))
    return found


def test_placeholders_are_read_as_a_translator_writes_them():
    assert placeholders("Nog %(n)s van %(max)d, %(km).1f km") == Counter(
        {"%(n)": 1, "%(max)": 1, "%(km)": 1}
    )
    assert placeholders("%s en %d, 100%% zeker, {name}") == Counter({"%s": 1, "%d": 1, "{name}": 1})
    assert placeholders("Bel %(name)s") != placeholders("Call %(naam)s")


def _translations(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(original, translation) pairs: one, or one per plural form."""
    if entry.msgid_plural:
        return [
            (entry.msgid if form == 0 else entry.msgid_plural, text)
            for form, text in sorted(entry.msgstr_plural.items())
        ]
    return [(entry.msgid, entry.msgstr)]


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    """makemessages over the source for English and the residents' languages, into a copy
    of locale/; returns {language: (fresh, repository)} catalogues. The repository's
    catalogues must come out unchanged."""
    root = Path(settings.BASE_DIR)
    languages = ("en", *RESIDENT_LANGUAGES)
    before = {language: (root / po_path(language)).read_bytes() for language in languages}
    work = tmp_path_factory.mktemp("messages")
    shutil.copytree(root / "locale", work / "locale")
    # Only `src` holds marked strings. Through a symlink the files are read where they are,
    # and makemessages writes to the locale/ next to them: the copy.
    (work / "src").symlink_to(root / "src", target_is_directory=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(work)
        call_command(
            "makemessages", locale=list(languages), no_obsolete=True, symlinks=True, verbosity=0
        )
    for language in languages:
        assert (root / po_path(language)).read_bytes() == before[language], (
            f"makemessages changed the repository's {language} file"
        )
    return {
        language: (
            polib.pofile(str(work / po_path(language))),
            polib.pofile(str(root / po_path(language))),
        )
        for language in languages
    }


@pytest.fixture(scope="module")
def fresh_catalogue(fresh_catalogues):
    return fresh_catalogues["en"]


def test_every_string_in_the_code_has_an_english_translation(fresh_catalogue):
    fresh, _repository = fresh_catalogue
    missing = [e.msgid for e in fresh.untranslated_entries()]
    fuzzy = [e.msgid for e in fresh.fuzzy_entries()]
    assert len(fresh) > 1000  # the whole site was read, not an empty directory
    assert not missing and not fuzzy, (
        f"untranslated in English: {missing}; fuzzy (check and translate again): {fuzzy}"
    )


def test_the_catalogue_in_the_repository_is_up_to_date(fresh_catalogue):
    fresh, repository = fresh_catalogue
    in_code = {(e.msgctxt, e.msgid) for e in fresh}
    in_file = {(e.msgctxt, e.msgid) for e in repository if not e.obsolete}
    assert not in_code - in_file, f"used in the code, not in django.po: {in_code - in_file}"
    assert not in_file - in_code, f"in django.po, no longer in the code: {in_file - in_code}"


def test_translations_keep_the_placeholders_of_the_dutch(fresh_catalogue):
    fresh, _repository = fresh_catalogue
    wrong = [
        (original, translation)
        for entry in fresh
        if entry.translated()
        for original, translation in _translations(entry)
        if placeholders(original) != placeholders(translation)
    ]
    assert not wrong, f"placeholders differ: {wrong}"


@pytest.mark.parametrize("language", RESIDENT_LANGUAGES)
def test_every_resident_facing_string_is_translated(fresh_catalogues, language):
    """Turkish, Arabic, Polish and Ukrainian: no resident-facing entry is empty or fuzzy."""
    fresh, _repository = fresh_catalogues[language]
    assert len(fresh) > 1000
    missing = [e.msgid for e in fresh.untranslated_entries() if is_resident_facing(e)]
    fuzzy = [e.msgid for e in fresh.fuzzy_entries() if is_resident_facing(e)]
    assert not missing and not fuzzy, (
        f"{language}: {len(missing)} resident-facing strings untranslated, e.g. {missing[:10]}; "
        f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:10]}"
    )


@pytest.mark.parametrize("language", RESIDENT_LANGUAGES)
def test_the_residents_catalogues_in_the_repository_are_up_to_date(fresh_catalogues, language):
    fresh, repository = fresh_catalogues[language]
    in_code = {(e.msgctxt, e.msgid) for e in fresh}
    in_file = {(e.msgctxt, e.msgid) for e in repository if not e.obsolete}
    assert not in_code - in_file, f"{language}: not in django.po: {in_code - in_file}"
    assert not in_file - in_code, f"{language}: no longer in the code: {in_file - in_code}"


# A plural form may say the number in words ("one day", Arabic's dual) and leave out the
# placeholder that counts; it may never add one or drop another.
COUNTS = Counter({"%(count)": 1, "%(n)": 1, "%d": 1, "%s": 1})


def keeps_placeholders(entry: polib.POEntry, original: str, translation: str) -> bool:
    if not entry.msgid_plural:
        return placeholders(original) == placeholders(translation)
    source, target = placeholders(entry.msgid_plural), placeholders(translation)
    return not (target - source) and not (source - target - COUNTS)


@pytest.mark.parametrize("language", RESIDENT_LANGUAGES)
def test_resident_translations_keep_the_placeholders_of_the_dutch(fresh_catalogues, language):
    """Every filled entry, resident-facing or not, keeps the Dutch placeholders."""
    fresh, _repository = fresh_catalogues[language]
    wrong = [
        (original, translation)
        for entry in fresh
        for original, translation in _translations(entry)
        if translation and not keeps_placeholders(entry, original, translation)
    ]
    assert not wrong, f"{language}: placeholders differ: {wrong}"


@pytest.mark.parametrize("language", RESIDENT_LANGUAGES)
def test_a_catalogue_has_its_languages_plural_forms(fresh_catalogues, language):
    _fresh, repository = fresh_catalogues[language]
    forms = {"tr": 2, "ar": 6, "pl": 4, "uk": 4}[language]
    assert f"nplurals={forms};" in repository.metadata["Plural-Forms"].replace(" ", "")

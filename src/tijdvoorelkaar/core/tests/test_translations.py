"""The English catalogue is complete: every string the code marks for translation has an
English text, none is fuzzy, and each keeps the placeholders of the Dutch original.

The catalogue is made again, as a developer would (`manage.py makemessages -l en
--no-obsolete`), but into a copy of locale/ in a temporary directory, so the repository's
files are never touched. A failure names the strings; the fix is to run makemessages and
translate them in locale/en/LC_MESSAGES/django.po."""

import re
import shutil
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

PO = Path("locale") / "en" / "LC_MESSAGES" / "django.po"
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
def fresh_catalogue(tmp_path_factory):
    """makemessages over the source, into a copy of locale/; returns (fresh, repository)
    catalogues. The repository's catalogue must come out unchanged."""
    root = Path(settings.BASE_DIR)
    repository_po = root / PO
    before = repository_po.read_bytes()
    work = tmp_path_factory.mktemp("messages")
    shutil.copytree(root / "locale", work / "locale")
    # Only `src` holds marked strings. Through a symlink the files are read where they are,
    # and makemessages writes to the locale/ next to them: the copy.
    (work / "src").symlink_to(root / "src", target_is_directory=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(work)
        call_command("makemessages", locale=["en"], no_obsolete=True, symlinks=True, verbosity=0)
    assert repository_po.read_bytes() == before, "makemessages changed the repository's file"
    return polib.pofile(str(work / PO)), polib.pofile(str(repository_po))


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

"""Which language text is written in.

Messages shown on the page follow the reader's language (Dutch, or English when they chose
it): services mark them with `gettext` where they raise or return them.

Text that is stored (a task title, a note in a conversation) outlives the request and is
read by others: a broker reading English must not leave English task titles for Dutch
colleagues. Such text is still marked with `gettext`, so the English catalogue is
complete, but written inside `site_language()`:

    with site_language():
        title = _("Nazorg: bel %(a)s en %(b)s hoe het gaat") % {"a": ..., "b": ...}

An email goes to one person and is written in their language, whoever caused it: the one
they last chose with the language switch (stored on their account), Dutch when they never
chose or have no account. `language_of(user)` names it; the subject is written inside
`in_language(code)` and `core.mail.queue_email(..., language=code)` renders the body in it:

    language = language_of(recipient.user)
    with in_language(language):
        subject = _("Nieuw bericht van %(name)s") % {"name": ...}
    queue_email(recipient.user.email, subject, "marketplace/email/new_message", {...},
                area=area, language=language)
"""

from django.conf import settings
from django.utils import translation

# The staff side (the broker's workspace, coordinators', organisations' and funders' pages,
# the emails to them) is written for Dutch professionals: it is offered in Dutch and
# English, the two reviewed complete catalogues. Someone who reads the resident's side in
# Turkish, Arabic, Polish or Ukrainian gets those pages in Dutch (`staff_language`), so a
# broker who tried the Arabic side still has a usable Dutch workspace. Which pages are
# staff pages: `core.access.area_view` with only staff roles (docs/architecture.md).
STAFF_LANGUAGES = ("nl", "en")


def site_language():
    """A context in which gettext answers in the site's language (settings.LANGUAGE_CODE,
    Dutch)."""
    return translation.override(settings.LANGUAGE_CODE)


def language_of(person) -> str:
    """The language to write to `person` in (an email, a letter): the one they last chose
    with the language switch (`User.language`, stored by accounts) when the site offers
    it, else the site's. `person` is a user or None (someone without an account)."""
    code = getattr(person, "language", "") or ""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def in_language(code: str | None):
    """A context in which gettext answers in `code` (e.g. `language_of(user)`): the subject
    of an email written in the recipient's language."""
    return translation.override(code or settings.LANGUAGE_CODE)


def staff_language(code: str | None) -> str:
    """The language a staff page or a staff email is written in, for someone who chose
    `code`: Dutch or English, else Dutch."""
    return code if code in STAFF_LANGUAGES else settings.LANGUAGE_CODE


def page_language() -> str:
    """The language of the page being answered: for an email to the person at the keyboard
    (a sign-in link they asked for), who reads this page in it."""
    code = translation.get_language() or ""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE

"""Text written for someone other than the person at the keyboard is in the site's
language.

Messages shown on the page follow the reader's language (Dutch, or English when they chose
it): services mark them with `gettext` where they raise or return them. Text that is
stored (a task title, a note in a conversation) or sent to someone else (an email subject)
outlives the request: a broker reading English must not leave English task titles for
Dutch colleagues, nor send a resident an English subject above a Dutch email. Such text
is still marked with `gettext`, so the English catalogue is complete, but written inside
`site_language()`:

    with site_language():
        title = _("Nazorg: bel %(a)s en %(b)s hoe het gaat") % {"a": ..., "b": ...}
"""

from django.conf import settings
from django.utils import translation


def site_language():
    """A context in which gettext answers in the site's language (settings.LANGUAGE_CODE,
    Dutch)."""
    return translation.override(settings.LANGUAGE_CODE)

from django import forms
from django.utils.translation import gettext_lazy as _


class NewsletterForm(forms.Form):
    """The newsletter page's two buttons: on ("aan") or off ("uit")."""

    action = forms.ChoiceField(
        choices=[("aan", _("Nieuwsbrief aan")), ("uit", _("Nieuwsbrief uit"))],
        error_messages={
            "required": _("Kies of u de nieuwsbrief wilt ontvangen."),
            "invalid_choice": _("Kies of u de nieuwsbrief wilt ontvangen."),
        },
    )

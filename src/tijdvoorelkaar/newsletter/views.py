from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from tijdvoorelkaar.core.access import area_view
from tijdvoorelkaar.core.formviews import handle_form, render_form

from . import services
from .forms import NewsletterForm
from .models import NewsletterSubscription


def _chosen(sub) -> str:
    if sub is not None and sub.active:
        return _("U krijgt voortaan de maandelijkse nieuwsbrief.")
    return _("U krijgt de nieuwsbrief niet meer.")


@area_view(login=True)
def newsletter(request, area):
    """The signed-in person turns the area's newsletter on or off."""
    form = NewsletterForm(request.POST or None)
    done = handle_form(
        request,
        form,
        lambda data: services.choose(area=area, user=request.user, wanted=data["action"] == "aan"),
        success=reverse("newsletter:newsletter", args=[area.slug]),
        message=_chosen,
    )
    return done or render_form(
        request,
        "newsletter/newsletter.html",
        {
            "form": form,
            "sub": NewsletterSubscription.objects.filter(area=area, user=request.user).first(),
        },
        form,
    )


@csrf_exempt  # mail programs post here without a session (RFC 8058 one-click)
@area_view()
def unsubscribe(request, area, token):
    sub = services.subscription_from_token(area, token)
    if sub is None:
        return render(request, "newsletter/unsubscribe_invalid.html", status=400)
    done = False
    if request.method == "POST":
        services.unsubscribe(sub)
        done = True
    return render(
        request, "newsletter/unsubscribe.html", {"sub": sub, "done": done, "token": token}
    )

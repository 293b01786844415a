import json

from django.contrib.auth import logout
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.core.access import STAFF_ROLES, area_view
from tijdvoorelkaar.core.formviews import handle_form, render_form
from tijdvoorelkaar.core.i18n import in_language, page_language
from tijdvoorelkaar.core.pdf_fonts import pdf_language
from tijdvoorelkaar.participants.models import Participant

from . import services
from .forms import EraseByBrokerForm, EraseSelfForm
from .pdf import export_pdf


@area_view(login=True)
def my_data(request, area):
    if Participant.objects.of(request.user, area) is None:
        raise Http404
    return render(request, "privacy/my_data.html", {})


@area_view(login=True)
def download(request, area, fmt):
    if Participant.objects.of(request.user, area) is None:
        raise Http404
    if fmt not in ("json", "pdf"):
        raise Http404
    if fmt == "json":
        data = services.export_data(request.user, actor=request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
        return response
    # In the page's language where the PDF's fonts can write it, else Dutch (pdf_fonts).
    with in_language(pdf_language(page_language())):
        document = export_pdf(services.export_data(request.user, actor=request.user))
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.pdf"'
    return response


@area_view(login=True)
def erase_self(request, area):
    if Participant.objects.of(request.user, area) is None:
        raise Http404
    form = EraseSelfForm(request.POST or None)

    def erase(data) -> None:
        user = request.user
        services.erase_person(user, reason="verzoek van de deelnemer zelf (op de site)", actor=user)
        logout(request)

    done = handle_form(
        request,
        form,
        erase,
        success=reverse("pages:area_home", args=[area.slug]),
        message=_(
            "Uw account en uw gegevens zijn verwijderd. Bedankt voor uw tijd bij TijdVoorElkaar."
        ),
    )
    return done or render_form(request, "privacy/erase_self.html", {"form": form}, form)


@area_view(roles=STAFF_ROLES)
def erase_by_broker(request, area, pk):
    participant = get_object_or_404(Participant.objects.registry(request.user, area), pk=pk)
    form = EraseByBrokerForm(request.POST or None)
    done = handle_form(
        request,
        form,
        lambda data: services.erase_person(
            participant.user, reason=data["reason"], actor=request.user
        ),
        success=reverse("workspace:registry", args=[area.slug]),
        message=_("De gegevens van deze deelnemer zijn verwijderd."),
    )
    return done or render_form(
        request, "privacy/erase_by_broker.html", {"form": form, "p": participant}, form
    )

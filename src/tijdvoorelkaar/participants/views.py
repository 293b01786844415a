from django.shortcuts import render

from tijdvoorelkaar.core.access import area_view

from .models import Participant


@area_view(login=True)
def my_page(request, area):
    participant = (
        Participant.objects.filter(area=area, user=request.user)
        .select_related("neighbourhood")
        .first()
    )
    return render(request, "participants/my_page.html", {"participant": participant})

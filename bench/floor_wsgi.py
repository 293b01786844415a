"""The framework's floor: the smallest Django application that answers a request (one
view returning a few bytes, no middleware, no database, no templates). Served by the
same gunicorn set-up as the real application in bench/bench_national.py, so
"ratio to floor" compares our pages with what Django itself costs on this machine."""

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="floor-benchmark-only-0123456789abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        USE_I18N=False,
    )

import django  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

django.setup()


def trivial(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("", trivial)]
application = get_wsgi_application()

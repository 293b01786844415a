from django.conf import settings
from django.utils import translation


class LanguageMiddleware:
    """Dutch unless the visitor chose English with the language switch (a cookie).

    The browser's Accept-Language is deliberately ignored: a Dutch neighbourhood site
    should not turn English because a computer was set up that way."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response

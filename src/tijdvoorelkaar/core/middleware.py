from django.conf import settings
from django.utils import translation


class LanguageMiddleware:
    """The page's language: the one the visitor chose with the language switch (a cookie);
    on a first visit, without that cookie, the browser's Accept-Language when it names one
    of the site's languages (Django's own reading of the header, so "tr-TR" is Turkish);
    Dutch otherwise, and whenever the browser lists Dutch before the others.

    A signed-in person without the cookie (a new phone, a cleared browser) gets the language
    stored on their account (`User.language`) as the cookie on the way out, so the next
    page is in it: the choice follows the account."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        # Django's own order: the cookie, then Accept-Language, then LANGUAGE_CODE.
        language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language() or language)
        if chosen not in self.supported:
            self.remember_account_language(request, response)
        translation.deactivate()
        return response

    def remember_account_language(self, request, response) -> None:
        user = getattr(request, "user", None)
        language = getattr(user, "language", "") if user is not None else ""
        if (
            language in self.supported
            and user.is_authenticated
            and settings.LANGUAGE_COOKIE_NAME not in response.cookies
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy (no inline scripts, nothing from other origins)
    and a few more headers Django does not set itself."""

    POLICY = "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response

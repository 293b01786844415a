"""A visitor over real HTTP, as the production smoke test and the page benchmarks use it.

The visitor stands behind the TLS proxy of docs/deployment.md: every request carries
X-Forwarded-Proto: https, as nginx sends it, and the Secure cookies the site sets are sent
back over the plain connection to gunicorn. Staff sign in with the two-step code that the
production profile asks for; the first time they link an authenticator "app", as a
person would, by reading the key from the page."""

import re
from urllib.parse import urljoin

from tijdvoorelkaar.accounts import totp
from tijdvoorelkaar.demo.seed import DEMO_PASSWORD


class Visitor:
    def __init__(self, base_url: str):
        import requests  # a development dependency: only tests and benchmarks use this

        self.base = base_url.rstrip("/")
        self.origin = self.base.replace("http://", "https://", 1)
        self.http = requests.Session()
        self.http.headers.update({"X-Forwarded-Proto": "https", "Origin": self.origin})

    def _cookies_over_plain_http(self) -> None:
        for cookie in self.http.cookies:
            cookie.secure = False

    def get(self, path: str, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        response = self.http.get(urljoin(self.base, path), **kwargs)
        self._cookies_over_plain_http()
        return response

    def post(self, path: str, data: dict):
        response = self.http.post(
            urljoin(self.base, path),
            data={"csrfmiddlewaretoken": self.http.cookies.get("csrftoken"), **data},
            headers={"Referer": self.origin + path},
            allow_redirects=False,
        )
        self._cookies_over_plain_http()
        return response

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)

    def sign_in(self, email: str, area_slug: str) -> bool:
        """Sign in with the demo password; returns whether a two-step code was asked."""
        page = f"/{area_slug}/inloggen/"
        assert self.get(page).status_code == 200
        answer = self.post(page, {"method": "password", "email": email, "password": DEMO_PASSWORD})
        assert answer.status_code == 302, f"{email}: aanmelden gaf {answer.status_code}"
        # Staff in production are sent on to the second step by the next page they open.
        first = self.get(answer.headers["Location"])
        if not (first.status_code == 302 and "/account/tweestaps/" in first.headers["Location"]):
            return False
        step_page = self.get("/account/tweestaps/")
        assert step_page.status_code == 200, f"{email}: tweede stap gaf {step_page.status_code}"
        secret = re.search(r'<code class="secret">([^<]+)</code>', step_page.text)
        assert secret, f"{email}: geen sleutel om een app te koppelen"
        code = totp.code_at(secret.group(1).replace(" ", ""), totp.current_step())
        done = self.post("/account/tweestaps/", {"code": code, "next": f"/{area_slug}/"})
        assert done.status_code == 302, f"{email}: tweede stap gaf {done.status_code}"
        return True

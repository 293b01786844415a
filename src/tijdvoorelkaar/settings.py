"""Settings for TijdVoorElkaar, read from the environment.

DJANGO_ENV=production switches on the production profile (DEBUG off, secure cookies,
HSTS, SSL redirect) and then requires SECRET_KEY and ALLOWED_HOSTS to be set.
"""

import os
import sys
from pathlib import Path

import dj_database_url

# NumPy's matrix products (the suggestions' meaning scores) run on one thread per process:
# the web server already runs a process per core, and the embedding engine's own threads
# (OpenMP) stay busy for a moment after each query; a multi-threaded BLAS next to them
# made one suggestion request four times slower (bench/RESULTS.md). Must be set before
# NumPy is first imported, which is why it is here.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SRC_DIR = BASE_DIR / "src" / "tijdvoorelkaar"


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENVIRONMENT = os.environ.get("DJANGO_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"
TESTING = "pytest" in sys.modules or os.environ.get("TVE_TESTING") == "1"

if PRODUCTION:
    SECRET_KEY = os.environ["SECRET_KEY"]
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
else:
    SECRET_KEY = os.environ.get(
        "SECRET_KEY", "development-only-key-not-for-production-0123456789abcdefghij"
    )
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

DEBUG = env_bool("DJANGO_DEBUG", False) and not PRODUCTION

# Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDR
# networks; empty: none). See core/net.py and docs/deployment.md.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_tasks",
    "django_tasks_db",
    "tijdvoorelkaar.core",
    "tijdvoorelkaar.areas",
    "tijdvoorelkaar.accounts",
    "tijdvoorelkaar.participants",
    "tijdvoorelkaar.tasks",
    "tijdvoorelkaar.marketplace",
    "tijdvoorelkaar.mediations",
    "tijdvoorelkaar.imports",
    "tijdvoorelkaar.suggestions",
    "tijdvoorelkaar.reports",
    "tijdvoorelkaar.credits",
    "tijdvoorelkaar.privacy",
    "tijdvoorelkaar.organisations",
    "tijdvoorelkaar.outreach",
    "tijdvoorelkaar.stories",
    "tijdvoorelkaar.newsletter",
    "tijdvoorelkaar.workspace",
    "tijdvoorelkaar.api",
    "tijdvoorelkaar.pages",
    "tijdvoorelkaar.demo",
]

MIDDLEWARE = [
    # Pages go out compressed (Django's gzip adds random bytes against BREACH); static
    # files come precompressed from WhiteNoise and are passed through as they are.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "tijdvoorelkaar.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tijdvoorelkaar.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "tijdvoorelkaar.areas.middleware.AreaDomainMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tijdvoorelkaar.accounts.middleware.TwoFactorMiddleware",
    "tijdvoorelkaar.reports.middleware.PageViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "tijdvoorelkaar.urls"
WSGI_APPLICATION = "tijdvoorelkaar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tijdvoorelkaar.core.context_processors.site",
            ],
        },
    },
]
FORM_RENDERER = "tijdvoorelkaar.core.forms.FormRenderer"

# Database: an embedded SQLite file by default, PostgreSQL in production.
DEFAULT_SQLITE = f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", DEFAULT_SQLITE))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA cache_size=-32000; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=268435456;"
        ),
    }
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_NAME")}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Covering indexes (INCLUDE columns) are a PostgreSQL feature; on SQLite the same index
# is simply created without them, which is what we want.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
AUTH_USER_MODEL = "accounts.User"
# The model of a werkgebied; core/access.py loads it by this name (as auth does the user).
AREA_MODEL = "areas.Area"
AUTHENTICATION_BACKENDS = ["tijdvoorelkaar.accounts.backends.EmailBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:sign_in_global"
if TESTING and not PRODUCTION:
    # Hashing speed is not what the tests are about; the production hasher is PBKDF2 (and
    # the production profile keeps it, also under the production smoke test).
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Languages: Dutch first, English second, then the languages of the neighbours the method is
# for (issue N); each is named in its own language, as the switch shows it. Source strings
# are Dutch. The staff side (core.i18n.STAFF_LANGUAGES) is Dutch or English only.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("pl", "Polski"),
    ("uk", "Українська"),
]
# Written right to left: the page carries dir="rtl" (base.html, the email layout).
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The font of the PDFs residents read (core/pdf_fonts.py): DejaVu Sans, from Debian's
# fonts-dejavu-core, holds Turkish, Polish and Cyrillic letters; Helvetica does not.
PDF_FONT_FILES = (
    os.environ.get("PDF_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    os.environ.get("PDF_FONT_BOLD", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
)
LANGUAGE_COOKIE_NAME = "tve_taal"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "var" / "static")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# The stylesheets are built from the NL Design System packages (npm) and frontend/css by
# `node frontend/build-css.mjs` (part of `make deps`) into var/build/static: one per theme.
BUILD_STATIC = BASE_DIR / "var" / "build" / "static"
BUILD_STATIC.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [SRC_DIR / "static", BUILD_STATIC]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = BASE_DIR / "var" / "media"

# Email: printed to the console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = os.environ.get(
        "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
    )
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "TijdVoorElkaar <noreply@localhost>")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Replies by email (marketplace/email_replies.py, docs/deployment.md). With a domain, the
# email about a new reaction or message has a Reply-To antwoord+<signed token>@<domain>;
# mail to it reaches `manage.py receive_mail` (SMTP) or POST /inkomende-mail/ (a
# provider's webhook, with INBOUND_EMAIL_SECRET). Without a domain nothing changes.
REPLY_EMAIL_DOMAIN = os.environ.get("REPLY_EMAIL_DOMAIN", "").strip().lower()
# A reply address works this many days after the email that carried it.
REPLY_ADDRESS_DAYS = int(os.environ.get("REPLY_ADDRESS_DAYS", "90"))
# Larger mail is refused (the SMTP server says so while receiving; the webhook reads no
# further and sends a kind email back).
INBOUND_EMAIL_MAX_BYTES = int(os.environ.get("INBOUND_EMAIL_MAX_BYTES", str(10 * 1024 * 1024)))
# The shared secret of the webhook (Authorization: Bearer <secret>, or Basic with the
# secret as password); empty: the webhook answers 404.
INBOUND_EMAIL_SECRET = os.environ.get("INBOUND_EMAIL_SECRET", "")

# Background work: immediate in development and tests; the database backend with
# `manage.py db_worker` in production (TASK_BACKEND=database).
TASK_BACKEND = os.environ.get("TASK_BACKEND", "database" if PRODUCTION else "immediate")
# Match suggestions: the in-memory indexes of all areas together stay under this many
# megabytes per process (least recently used areas are dropped first).
SUGGESTIONS_INDEX_MEMORY_MB = int(os.environ.get("SUGGESTIONS_INDEX_MEMORY_MB", "512"))

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASK_BACKEND == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
STAFF_SESSION_SECONDS = 60 * 60 * 8  # brokers, coordinators and admins: one working day
# Two-step sign-in (TOTP) for brokers, coordinators and admins: on in production; off in
# development and the demo unless STAFF_TWO_FACTOR=1.
STAFF_TWO_FACTOR = env_bool("STAFF_TWO_FACTOR", PRODUCTION)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Sign-in by emailed link.
LOGIN_LINK_MINUTES = 15
LOGIN_LINK_REQUESTS_PER_MINUTE = 5
PRIVACY_STATEMENT_VERSION = "2026-11"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

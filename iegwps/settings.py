"""IEG Workbench settings: one module, configured from the environment.

Defaults are for a developer's machine only when DEBUG is on; with DEBUG off
(the default) the secure settings apply and SECRET_KEY must be given.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment (or DEBUG=1 for local development).")
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Demo users' passwords (load_demo), kept so they survive restarts of the same database; mode 0600.
DEMO_ACCOUNTS_FILE = VAR_DIR / "demo-accounts.json"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "simple_history",
    "axes",
    "csp",
    "django_htmx",
    # Project apps, from reference data to outputs.
    "core",
    "accounts",
    "countries",
    "meetings",
    "recommendations",
    "documents",
    "notifications",
    "network",
    "public",
    "approvals",
    # Made-up data (load_demo, generate_bulk): writes through every app above, imported by none.
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A signed-in person's own language (User.language) wins over the cookie and the browser's Accept-Language.
    "accounts.middleware.UserLanguageMiddleware",
    # Signed-in answers (pages, exports, PDFs) are "Cache-Control: private, no-store" (core.cachecontrol).
    "core.cachecontrol.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.middleware.PathNumbersInRangeMiddleware",  # 404 for /meetings/99999999999999999999/
    # Last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "iegwps.urls"
FORM_RENDERER = "core.forms.FormRenderer"
WSGI_APPLICATION = "iegwps.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.roles",
            ],
        },
    },
]

# Database: SQLite file by default, PostgreSQL (or anything dj-database-url style) via DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Worker, beat and web share the file: wait for locks instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
    # Tests use an in-memory database; the Celery integration test needs a file another process can open.
    if env.str("TEST_DATABASE_NAME", default=""):
        DATABASES["default"]["TEST"] = {"NAME": env.str("TEST_DATABASE_NAME")}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")

# How long a request waits on Redis before it gives up (cache and broker alike): an outage of Redis costs this
# much once, then core.cache stays away from it for a few seconds at a time.
REDIS_TIMEOUT_SECONDS = env.float("REDIS_TIMEOUT_SECONDS", default=0.5)
# Sessions are in the database only (Django's default engine), with or without Redis: a session read from Redis
# would outlive a sign-out made while Redis was down.
if REDIS_URL:
    # Fails open (core/cache.py): with Redis down, reads miss and writes are dropped; pages come from the database.
    CACHES = {
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                "socket_timeout": REDIS_TIMEOUT_SECONDS,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "meetings:dashboard"
LOGOUT_REDIRECT_URL = "public:home"

# Sign-in rate limiting (django-axes): lock a username+IP pair after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The client address: REMOTE_ADDR, or (behind TRUSTED_PROXY_COUNT reverse proxies) the address the nearest
# trusted proxy saw. Never the left-most X-Forwarded-For entry, which a client can forge to dodge the lockout.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "accounts.security.client_ip"

SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 10)  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=60 * 60 * 24)  # one day

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]  # catalogues: `make messages` (makemessages, then compilemessages)
# A visitor's choice (the switcher in base.html, accounts.views.set_language); a signed-in person's is also kept
# on the account (User.language).
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Dates print one way everywhere ("4 Dec 2026"): iegwps/formats/<lang>/formats.py.
FORMAT_MODULE_PATH = ["iegwps.formats"]
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = env.str("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# Hashed, compressed static files (after collectstatic) in production; plain files in development and tests.
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
WHITENOISE_AUTOREFRESH = not STATIC_MANIFEST

# Email: console by default; EMAIL_URL=smtp://user:pass@host:587/?tls=True in production.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="IEG Workbench <ieg-secretariat@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. With DEBUG off these are the production defaults; each can be relaxed by env for a local HTTP bench.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers and monitors probe the health endpoint over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
# The preload directive only states consent; submitting the domain to the browsers' list is a separate, manual step.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Uploads (documents app): limits checked on content.
ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Celery. Redis when REDIS_URL is set; otherwise kombu's filesystem transport, which needs no server.
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": 60 * 60,
        "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
        "socket_timeout": max(REDIS_TIMEOUT_SECONDS, 5.0),  # the worker's blocking reads are longer than a page's
    }
    # A request that queues work while Redis is down gives up after one quick retry (the rows stay in the
    # database and the next sweep queues them: notifications/sending.py).
    CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT_SECONDS
    CELERY_TASK_PUBLISH_RETRY_POLICY = {
        "max_retries": 1,
        "interval_start": 0,
        "interval_step": 0.2,
        "interval_max": 0.2,
    }
else:
    _queue_dir = VAR_DIR / "celery"
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir / "queue"),
        "data_folder_out": str(_queue_dir / "queue"),
        "processed_folder": str(_queue_dir / "processed"),
        "control_folder": str(_queue_dir / "control"),
        "store_processed": False,
    }
    for _sub in ("queue", "processed", "control"):
        (_queue_dir / _sub).mkdir(parents=True, exist_ok=True)
# One queue name per deployment (the integration test uses its own so it never meets a developer's worker).
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="celery")
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
REMINDER_SWEEP_MINUTES = env.int("REMINDER_SWEEP_MINUTES", default=15)
CELERY_BEAT_SCHEDULE = {
    "reminder-sweep": {
        "task": "notifications.tasks.sweep_reminders",
        "schedule": crontab(minute=f"*/{REMINDER_SWEEP_MINUTES}"),
    },
    # Idempotent: writes only on the first run of a new year (or after the rules changed).
    "un-hq-holidays": {
        "task": "meetings.tasks.materialise_holidays",
        "schedule": crontab(hour=3, minute=30),
    },
}

# Reminders (notifications app). Offsets are UN Headquarters business days from the due date; the rules
# themselves are in notifications/rules.py. Reminders for a day are decided from REMINDER_SEND_HOUR (New York);
# the sweep schedules each person's digest from DIGEST_HOUR (no beat job of its own).
REMINDER_BEFORE_BUSINESS_DAYS = env.list("REMINDER_BEFORE_BUSINESS_DAYS", cast=int, default=[5, 1])
REMINDER_ON_DUE_DAY = env.bool("REMINDER_ON_DUE_DAY", default=True)
REMINDER_OVERDUE_BUSINESS_DAYS = env.int("REMINDER_OVERDUE_BUSINESS_DAYS", default=1)
REMINDER_ESCALATION_BUSINESS_DAYS = env.int("REMINDER_ESCALATION_BUSINESS_DAYS", default=2)
REMINDER_SEND_HOUR = env.int("REMINDER_SEND_HOUR", default=7)
DIGEST_HOUR = env.int("DIGEST_HOUR", default=7)
SECRETARIAT_LEAD_EMAIL = env.str("SECRETARIAT_LEAD_EMAIL", default="")
NOTIFICATION_MAX_ATTEMPTS = env.int("NOTIFICATION_MAX_ATTEMPTS", default=6)
# A 'sending' claim older than this belongs to a dead worker and may be claimed again (at-least-once).
NOTIFICATION_CLAIM_TIMEOUT_SECONDS = env.int("NOTIFICATION_CLAIM_TIMEOUT_SECONDS", default=10 * 60)
# A pending row queued this long ago and still not sent lost its message (broker flushed): queue it again.
NOTIFICATION_REQUEUE_SECONDS = env.int("NOTIFICATION_REQUEUE_SECONDS", default=60 * 60)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint logs every layout step at INFO; keep its warnings (e.g. a refused URL) only.
        "weasyprint.progress": {"level": "WARNING"},
    },
}
AUTH_USER_MODEL = "accounts.User"

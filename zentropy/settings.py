"""Zentropy Scout settings, read from the environment.

Defaults give the embedded default (SQLite, a database cache, a broker-free
Celery transport, mail printed and written to a folder). Production sets the
variables listed in `.env.example`. See docs/operations/configuration.md.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from zentropy.env import (
    env_bool,
    env_float,
    env_int,
    env_list,
    env_str,
    generate_rsa_private_key,
    persisted_secret,
)

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "data"))).resolve()

# ---------------------------------------------------------------- core
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = persisted_secret("SECRET_KEY", DATA_DIR / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_ID = 1

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    # third party
    "corsheaders",
    "csp",
    "django_htmx",
    "template_partials",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.google",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "allauth.usersessions",
    "allauth.headless",
    # ours, in import order (ARCHITECTURE §3)
    "accounts",
    "tenancy",
    "skills",
    "personas",
    "jobpool",
    "scouter",
    "tracker",
    "reminders",
    "exports",
    "insights",
    "zentropy.core",
]

MIDDLEWARE = [
    "zentropy.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "zentropy.core.middleware.RatelimitedMiddleware",
]

ROOT_URLCONF = "zentropy.urls"
WSGI_APPLICATION = "zentropy.wsgi.application"
ASGI_APPLICATION = "zentropy.asgi.application"
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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
                "zentropy.core.context_processors.site",
            ],
        },
    },
]

# ---------------------------------------------------------------- database
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'zentropy.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from exc
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if not IS_POSTGRES:
    (DATA_DIR).mkdir(parents=True, exist_ok=True)
    # WAL lets the web server, the worker and beat share one SQLite file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20}
    )

# ---------------------------------------------------------------- cache
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # A cache every process shares without a server: rate limits hold across
    # the web server and the worker of the embedded default.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "django_cache"}}

# ---------------------------------------------------------------- sessions & cookies
SESSION_ENGINE = "django.contrib.sessions.backends.db"  # server-side: signing out elsewhere is real
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 24 * 14)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG and SITE_URL.startswith("https://"))
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES

# ---------------------------------------------------------------- security headers
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"] + env_list("CSP_FORM_ACTION_EXTRA", []),
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# ---------------------------------------------------------------- CORS
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [])
CORS_ALLOW_CREDENTIALS = True
if any(origin.strip() == "*" for origin in CORS_ALLOWED_ORIGINS):
    raise ImproperlyConfigured("CORS_ALLOWED_ORIGINS may not contain '*': credentials are allowed, so list origins.")
CORS_URLS_REGEX = r"^/(api|_allauth)/.*$"
CORS_ALLOW_HEADERS = ["accept", "authorization", "content-type", "x-csrftoken", "x-request-id", "x-session-token"]

# ---------------------------------------------------------------- passwords
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "accounts.passwords.MaximumLengthValidator", "OPTIONS": {"max_length": 128}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "name")},
    },
    {"NAME": "accounts.passwords.BreachedPasswordValidator"},
]
BREACHED_PASSWORD_CHECK = env_bool("BREACHED_PASSWORD_CHECK", True)
BREACHED_PASSWORD_API_URL = env_str("BREACHED_PASSWORD_API_URL", "https://api.pwnedpasswords.com/range/")
BREACHED_PASSWORD_TIMEOUT = env_float("BREACHED_PASSWORD_TIMEOUT", 2.0)
# "allow" (log and accept) or "deny" (refuse the password) when the service can't be reached.
BREACHED_PASSWORD_UNREACHABLE = env_str("BREACHED_PASSWORD_UNREACHABLE", "allow")
if BREACHED_PASSWORD_UNREACHABLE not in {"allow", "deny"}:
    raise ImproperlyConfigured("BREACHED_PASSWORD_UNREACHABLE must be 'allow' or 'deny'")

# ---------------------------------------------------------------- allauth
# allauth's backend alone (it extends ModelBackend): one password hash per attempt,
# the same count for unknown addresses and wrong passwords.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False  # the caller stays signed in; other sessions end (accounts.signals)
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_CHANGE_EMAIL = False
ACCOUNT_MAX_EMAIL_ADDRESSES = 5
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Zentropy Scout] "
ACCOUNT_EMAIL_NOTIFICATIONS = True  # mail the owner after password, address and MFA changes (ASVS 2.2.3)
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https://") else "http"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/5m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user,20/m/ip",
    "reauthenticate": "10/m/user",
    "manage_email": "10/m/user",
    "confirm_email": "1/3m/key",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_PROVIDERS = {
    "google": {
        "APPS": [
            {
                "client_id": env_str("GOOGLE_CLIENT_ID"),
                "secret": env_str("GOOGLE_CLIENT_SECRET"),
                "key": "",
            }
        ]
        if env_str("GOOGLE_CLIENT_ID")
        else [],
        "SCOPE": ["openid", "email", "profile"],
        "AUTH_PARAMS": {"access_type": "online"},
        "OAUTH_PKCE_ENABLED": True,
        "FETCH_USERINFO": True,
    },
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "linkedin",
                "name": "LinkedIn",
                "client_id": env_str("LINKEDIN_CLIENT_ID"),
                "secret": env_str("LINKEDIN_CLIENT_SECRET"),
                "settings": {"server_url": "https://www.linkedin.com/oauth", "oauth_pkce_enabled": True},
            }
        ]
        if env_str("LINKEDIN_CLIENT_ID")
        else [],
        "OAUTH_PKCE_ENABLED": True,
    },
}

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Zentropy Scout"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
USERSESSIONS_TRACK_ACTIVITY = True

HEADLESS_CLIENTS = ("browser", "app")
HEADLESS_TOKEN_STRATEGY = "allauth.headless.tokens.strategies.jwt.JWTTokenStrategy"
HEADLESS_JWT_PRIVATE_KEY = persisted_secret("JWT_PRIVATE_KEY", DATA_DIR / "jwt_private_key.pem", generate_rsa_private_key)
HEADLESS_JWT_ACCESS_TOKEN_EXPIRES_IN = env_int("JWT_ACCESS_TOKEN_EXPIRES_IN", 300)
HEADLESS_JWT_REFRESH_TOKEN_EXPIRES_IN = env_int("JWT_REFRESH_TOKEN_EXPIRES_IN", 86400)
HEADLESS_JWT_STATEFUL_VALIDATION_ENABLED = True
HEADLESS_SERVE_SPECIFICATION = True
HEADLESS_FRONTEND_URLS = {
    "account_confirm_email": f"{SITE_URL}/accounts/confirm-email/{{key}}/",
    "account_reset_password_from_key": f"{SITE_URL}/accounts/password/reset/key/{{key}}/",
    "account_signup": f"{SITE_URL}/accounts/signup/",
}

MAGIC_LINK_TTL_SECONDS = env_int("MAGIC_LINK_TTL_SECONDS", 600)
MAGIC_LINK_RATE_PER_IP = env_str("MAGIC_LINK_RATE_PER_IP", "10/h")
MAGIC_LINK_RATE_PER_EMAIL = env_str("MAGIC_LINK_RATE_PER_EMAIL", "5/h")
SIGNUP_RATE_PER_EMAIL = env_str("SIGNUP_RATE_PER_EMAIL", "5/h")

# ---------------------------------------------------------------- rate limits (ours)
RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "zentropy.core.views.ratelimited"

# ---------------------------------------------------------------- REST API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Bearer first: its challenge makes anonymous calls 401 rather than 403.
        "accounts.api.authentication.BearerJWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "zentropy.core.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "zentropy.core.api.errors.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer", "rest_framework.renderers.BrowsableAPIRenderer"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Zentropy Scout API",
    "DESCRIPTION": "Personas, the job feed and application tracking. Every error uses the `error` envelope.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",  # served from our static files: no CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One schema name per choice set shared by several serializers (keeps check --deploy warning-free).
    "ENUM_NAME_OVERRIDES": {
        "ApplicationStatusEnum": "tracker.models.applications.Status",
        "InterviewStatusEnum": "tracker.models.interviews.InterviewStatus",
        "InterviewKindEnum": "tracker.models.interviews.InterviewKind",
        "TimelineEventKindEnum": "tracker.models.events.EventKind",
        "JobLinkStatusEnum": "jobpool.models.links.LinkStatus",
        "SkillKindEnum": "jobpool.models.pool.SkillKind",
        "JobWorkModelEnum": "jobpool.models.pool.WorkModel",
        "PersonaWorkModelEnum": "personas.models.WorkModel",
        "SortEnum": "tracker.models.preferences.Sort",
        "LayoutEnum": "tracker.models.preferences.Layout",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "zentropy.core.api.errors.add_error_responses",
    ],
}

# ---------------------------------------------------------------- Celery
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL or "filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS: dict = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = DATA_DIR / "broker"
    (_broker_dir / "processed").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "UTC"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Periodic schedules are declared once, in zentropy/schedules.py.

# ---------------------------------------------------------------- email
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "accounts.mail.ConsoleAndFolderBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(DATA_DIR / "mail"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Zentropy Scout <no-reply@zentropy.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ---------------------------------------------------------------- i18n, static, media
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "staticfiles")))
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or not env_bool("STATIC_MANIFEST", not DEBUG)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 11 * 1024 * 1024

# ---------------------------------------------------------------- logging
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "zentropy.core.logging.RequestIdFilter"}},
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "line", "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        "zentropy.request": {"level": "INFO", "propagate": True},
    },
}
CSRF_FAILURE_VIEW = "zentropy.core.views.csrf_failure"

# ---------------------------------------------------------------- embeddings
# "minilm" (default: all-MiniLM-L6-v2 offline on the CPU) | "openai" | "gemini" | "ollama". See docs/embeddings.md.
EMBEDDING_PROVIDER = env_str("EMBEDDING_PROVIDER", "minilm").strip().lower()
if EMBEDDING_PROVIDER not in {"minilm", "openai", "gemini", "ollama"}:
    raise ImproperlyConfigured("EMBEDDING_PROVIDER must be one of minilm, openai, gemini, ollama")
EMBEDDING_MODEL = env_str("EMBEDDING_MODEL", "")  # empty: the provider's default model
EMBEDDING_DIMENSIONS = env_int("EMBEDDING_DIMENSIONS", 0)  # 0: the model's native size
EMBEDDING_TIMEOUT = env_float("EMBEDDING_TIMEOUT", 0.0)  # seconds per API call; 0: the provider's default (30, Ollama 120)
EMBEDDING_MAX_RETRIES = env_int("EMBEDDING_MAX_RETRIES", 3)
EMBEDDING_BATCH_SIZE = env_int("EMBEDDING_BATCH_SIZE", 32)
EMBEDDING_CACHE_SIZE = env_int("EMBEDDING_CACHE_SIZE", 10_000)  # vectors kept in each process's memory
OPENAI_API_KEY = env_str("OPENAI_API_KEY", "")
OPENAI_BASE_URL = env_str("OPENAI_BASE_URL", "")
GEMINI_API_KEY = env_str("GEMINI_API_KEY", "")
OLLAMA_URL = env_str("OLLAMA_URL", "")

# ---------------------------------------------------------------- scouter
# Job sources a scouting run uses (keys from docs/sources.md; empty: every live board whose keys are set).
# Default "replay": recorded payloads from SCOUTER_REPLAY_DIR, so the embedded default and the tests scout without network access.
# Production lists live boards, e.g. greenhouse,lever,ashby,remoteok,remotive,themuse,arbeitnow,himalayas.
SCOUTER_SOURCES = env_list("SCOUTER_SOURCES", ["replay"])
# Folder of recorded payloads for the replay source; empty: scouter/replay_data in the repository.
SCOUTER_REPLAY_DIR = env_str("SCOUTER_REPLAY_DIR", "") or str(BASE_DIR / "scouter" / "replay_data")
# Personas the beat task picks per pass (ordered by next_poll_at), and polls running at once.
SCOUTER_MAX_PERSONAS_PER_POLL = env_int("SCOUTER_MAX_PERSONAS_PER_POLL", 100)
SCOUTER_POLL_CONCURRENCY = env_int("SCOUTER_POLL_CONCURRENCY", 5)
if SCOUTER_MAX_PERSONAS_PER_POLL < 1 or SCOUTER_POLL_CONCURRENCY < 1:
    raise ImproperlyConfigured("SCOUTER_MAX_PERSONAS_PER_POLL and SCOUTER_POLL_CONCURRENCY must be at least 1")

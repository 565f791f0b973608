"""Settings shared by every environment. Values that differ per deployment come from config.env."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env.text("PCMD_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env.text("DJANGO_SECRET_KEY", "insecure-local-only-key-never-used-in-production")
DEBUG = env.flag("PCMD_DEBUG", False)
ALLOWED_HOSTS = env.items("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env.items("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "auditlog",
    "django_htmx",
    # The offline captcha of the citizens' tip portal (images drawn by Pillow; no outside service).
    "captcha",
    # Our apps, in layering order (an app imports only apps above it).
    "pcmd.core",
    "pcmd.geography",
    "pcmd.accounts",
    "pcmd.agencies",
    "pcmd.audit",
    "pcmd.planning",
    "pcmd.legal",
    "pcmd.establishments",
    "pcmd.hotspots",
    "pcmd.inspections",
    "pcmd.criminal_cases",
    "pcmd.person_sanctions",
    "pcmd.tips",
    "pcmd.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pcmd.accounts.middleware.VietnameseFirstLocaleMiddleware",  # the language switch, not Accept-Language
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "pcmd.accounts.middleware.PcmdLoginRequiredMiddleware",
    "pcmd.accounts.middleware.TwoFactorRequiredMiddleware",
    "pcmd.accounts.middleware.ActiveMembershipMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Axes must be last: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pcmd.accounts.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": env.database(f"sqlite:///{VAR_DIR / 'pcmd.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Idle timeout: the session expires this long after the last request (renewed on every request).
SESSION_COOKIE_AGE = env.integer("PCMD_SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Lockout after repeated failed logins (django-axes): per username, so a shared office IP is not locked.
AXES_FAILURE_LIMIT = env.integer("PCMD_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env.integer("PCMD_LOGIN_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 asks for the IP address as a lockout parameter too: deliberately not, since a commune office
# shares one address and one mistyping colleague must not lock everyone out.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
# A Vietnamese page in the browser (accounts/locked_out.html), the API's JSON error body under /api/.
AXES_LOCKOUT_CALLABLE = "pcmd.accounts.lockout.lockout_response"
AXES_VERBOSE = False

# Two-factor authentication is enforced for privileged roles when this is on (production default: on).
PCMD_REQUIRE_2FA = env.flag("PCMD_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "PCMD"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.text("PCMD_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.text("PCMD_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS_URL = env.text("REDIS_URL")

EMAIL_BACKEND = env.text("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.text("DJANGO_DEFAULT_FROM_EMAIL", "pcmd@localhost")

REST_FRAMEWORK = {
    # Token first: an unauthenticated call then gets 401 with `WWW-Authenticate: Token` (not 403).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "pcmd.accounts.api_auth.ActiveTokenAuthentication",
        "pcmd.accounts.api_auth.PcmdSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "pcmd.core.pagination.PcmdPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "pcmd.core.api_errors.exception_handler",
    "DEFAULT_FILTER_BACKENDS": [],
    "DATETIME_FORMAT": "iso-8601",
    "DATE_INPUT_FORMATS": ["iso-8601", "%d/%m/%Y"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PCMD API",
    "DESCRIPTION": "API của hệ thống quản lý công tác phòng, chống mại dâm.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets used by several fields get one schema name each (no naming-collision warnings).
    "ENUM_NAME_OVERRIDES": {
        "EstablishmentStatusEnum": "pcmd.establishments.models.Establishment.Status",
        "EstablishmentRiskLevelEnum": "pcmd.establishments.models.RiskLevel",
        "LicenceKindEnum": "pcmd.establishments.models.Licence.Kind",
        "CommitmentKindEnum": "pcmd.establishments.models.Commitment.Kind",
        "AgencyKindEnum": "pcmd.agencies.models.AgencyKind",
        "LegalDocumentKindEnum": "pcmd.legal.models.LegalDocument.Kind",
        "HotspotKindEnum": "pcmd.hotspots.models.Hotspot.Kind",
        "HotspotStatusEnum": "pcmd.hotspots.models.Hotspot.Status",
        "HotspotEventKindEnum": "pcmd.hotspots.models.HotspotEvent.Kind",
        "ViolationStatusEnum": "pcmd.inspections.models.Violation.Status",
        "TipStatusEnum": "pcmd.tips.models.TipStatus",
        "TipOutcomeEnum": "pcmd.tips.models.TipOutcome",
        "TipCategoryEnum": "pcmd.tips.models.TipCategory",
        "TipChannelEnum": "pcmd.tips.models.TipChannel",
        "TipEventKindEnum": "pcmd.tips.models.TipEvent.Kind",
        "TipMessageSenderEnum": "pcmd.tips.models.TipMessage.Sender",
        "PlanKindEnum": "pcmd.planning.models.Plan.Kind",
        "PlanStatusEnum": "pcmd.planning.models.Plan.Status",
        "PlanSignerAuthorityEnum": "pcmd.planning.models.Plan.Authority",
        "PlanAreaEnum": "pcmd.planning.models.PlanArea",
        "TargetIndicatorKeyEnum": "pcmd.planning.models.IndicatorKey",
        "TargetComparatorEnum": "pcmd.planning.models.Target.Comparator",
        "TargetMeasureUnitEnum": "pcmd.planning.models.Target.MeasureUnit",
        "TargetAppliesToEnum": "pcmd.planning.models.Target.AppliesTo",
        "TaskStatusEnum": "pcmd.planning.models.Task.Status",
        "TaskRecurrenceEnum": "pcmd.planning.models.Task.Recurrence",
        "ReportingReportersEnum": "pcmd.planning.models.ReportingRule.Reporters",
        "ReportingPeriodKindEnum": "pcmd.planning.models.ReportingRule.PeriodKind",
    },
}

# Every change to a model is recorded by django-auditlog, except bulk reference data and framework tables.
AUDITLOG_INCLUDE_ALL_MODELS = True
AUDITLOG_EXCLUDE_TRACKING_MODELS = (
    "sessions",
    "admin",
    "axes",
    "contenttypes",
    "auditlog",
    "authtoken",
    "geography",
    "audit",
    # Captcha challenges are throwaway rows; tip content, informants, attachments, messages and events are
    # encrypted and have their own trail (TipEvent, the access log): a copy in the change log would hold
    # them in clear text and, for the portal, the citizen's address.
    "captcha",
    "tips.Tip",
    "tips.Informant",
    "tips.TipAttachment",
    "tips.TipMessage",
    "tips.TipEvent",
)
# Never copy secrets into the audit log (password hashes, TOTP keys), nor log every login or code check.
AUDITLOG_EXCLUDE_TRACKING_FIELDS = (
    "password",
    "last_login",
    "key",
    "last_t",
    "last_used_at",
    "throttling_failure_timestamp",
    "throttling_failure_count",
)
# Officers' addresses are kept on change-log entries. The tip portal never reaches the change log (its models
# are excluded above) and its views also clear the address from auditlog's context (pcmd.tips.public_views).
AUDITLOG_DISABLE_REMOTE_ADDR = False

CELERY_BROKER_URL = env.text("CELERY_BROKER_URL", "memory://")
CELERY_RESULT_BACKEND = env.text("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ALWAYS_EAGER = env.flag("CELERY_TASK_ALWAYS_EAGER", True)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {}

# Content Security Policy: everything from our own origin; no inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
X_FRAME_OPTIONS = "DENY"

# The tip portal's captcha: a small sum (language-neutral, readable on a cheap phone), valid 30 minutes (a
# citizen may take a while to write).
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.math_challenge"
CAPTCHA_MATH_CHALLENGE_OPERATOR = "x"
CAPTCHA_TIMEOUT = 30
CAPTCHA_FONT_SIZE = 28

# Field-level encryption of sensitive data (pcmd.core.encryption): Fernet keys, newest first (older keys
# still decrypt until `manage.py rotate_field_keys` has re-encrypted everything), and a separate key for the
# HMAC blind indexes. The embedded default derives both from SECRET_KEY; production requires its own.
PCMD_FIELD_ENCRYPTION_KEYS = env.items("PCMD_FIELD_ENCRYPTION_KEYS") or [
    base64.urlsafe_b64encode(hashlib.sha256(f"pcmd-field-key:{SECRET_KEY}".encode()).digest()).decode()
]
PCMD_BLIND_INDEX_KEY = (
    env.text("PCMD_BLIND_INDEX_KEY") or hashlib.sha256(f"pcmd-blind-index:{SECRET_KEY}".encode()).hexdigest()
)

# Demo data and its single password (never loaded with production settings).
PCMD_DEMO_PASSWORD = env.text("PCMD_DEMO_PASSWORD", "pcmd-demo-2026")
# The original texts of the seed plans (never committed): attached to the plans when the folder is there.
PCMD_SEED_ORIGINALS_DIR = Path(env.text("PCMD_SEED_ORIGINALS_DIR", str(BASE_DIR.parent / "shared" / "seeds")))
PCMD_ENVIRONMENT = "base"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # The citizens' tip portal leaves no request details in the logs (pcmd.tips.log_privacy).
    "filters": {"tip_portal_privacy": {"()": "pcmd.tips.log_privacy.PortalPrivacyFilter"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server"},
    },
    "root": {"handlers": ["console"], "level": env.text("PCMD_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"filters": ["tip_portal_privacy"]},
        "django.security.csrf": {"filters": ["tip_portal_privacy"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["tip_portal_privacy"],
        },
    },
}

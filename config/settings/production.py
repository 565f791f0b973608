"""Production: PostgreSQL, Redis (cache, sessions, Celery broker), fails closed without its secrets."""

from config import env
from config.settings.base import *  # noqa: F403

PCMD_ENVIRONMENT = "production"
DEBUG = False
SECRET_KEY = env.require("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.items("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise env.MissingSetting("DJANGO_ALLOWED_HOSTS must list the site's host names (never '*').")
env.require("DATABASE_URL")
DATABASES = {"default": env.database("")}
REDIS_URL = env.require("REDIS_URL")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
CELERY_BROKER_URL = env.text("CELERY_BROKER_URL") or REDIS_URL
CELERY_RESULT_BACKEND = env.text("CELERY_RESULT_BACKEND") or REDIS_URL
CELERY_TASK_ALWAYS_EAGER = False
PCMD_REQUIRE_2FA = env.flag("PCMD_REQUIRE_2FA", True)
# Sensitive fields are never encrypted with a key derived from SECRET_KEY in production.
env.require("PCMD_FIELD_ENCRYPTION_KEYS")
env.require("PCMD_BLIND_INDEX_KEY")
EMAIL_BACKEND = env.text("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.text("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = env.text("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.text("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.flag("DJANGO_EMAIL_USE_TLS", False)
# WhiteNoise serves the collected static files behind the reverse proxy (right after SecurityMiddleware).
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SESSION_COOKIE_SECURE = env.flag("PCMD_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.integer("PCMD_HSTS_SECONDS", 0)
SECURE_CONTENT_TYPE_NOSNIFF = True
AXES_IPWARE_PROXY_COUNT = env.integer("PCMD_PROXY_COUNT", 1)

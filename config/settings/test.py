"""Settings for the test suite: fast hashing, in-memory mail, eager tasks. DATABASE_URL selects PostgreSQL."""

from config.settings.base import *  # noqa: F403
from config.settings.base import VAR_DIR

# makemigrations --check reads the default database; make sure its folder exists on a fresh clone.
VAR_DIR.mkdir(parents=True, exist_ok=True)

PCMD_ENVIRONMENT = "test"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

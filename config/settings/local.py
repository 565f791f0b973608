"""The embedded default: SQLite under var/, no broker (tasks run in-process), mail to the console."""

from config.settings.base import *  # noqa: F403
from config.settings.base import VAR_DIR

PCMD_ENVIRONMENT = "local"
VAR_DIR.mkdir(parents=True, exist_ok=True)

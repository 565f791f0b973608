"""The only module that reads os.environ. Settings ask it for typed values.

Production settings call `require()` so a missing secret fails at start-up instead of running with a default.
"""

from __future__ import annotations

import os

import dj_database_url

_TRUE = {"1", "true", "yes", "on"}


class MissingSetting(RuntimeError):
    """A setting production cannot run without is absent."""


def text(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def flag(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in _TRUE


def integer(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    return int(raw) if raw else default


def items(name: str, default: str = "") -> list[str]:
    """A comma-separated list; blanks dropped."""
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def require(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise MissingSetting(f"{name} must be set in production (see .env.example).")
    return value


def database(default_url: str) -> dict:
    """DATABASE_URL, or the embedded SQLite default."""
    config: dict = dict(dj_database_url.parse(os.environ.get("DATABASE_URL") or default_url, conn_max_age=60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        # WAL lets readers continue while one writer commits; the timeout waits for a busy writer.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    return config

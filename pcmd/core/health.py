"""Liveness of the services the site depends on: the database always, Redis when configured."""

from __future__ import annotations

from django.conf import settings
from django.db import connection


def check_database() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True, connection.vendor
    except Exception as error:  # any driver error means "down"; the message is for operators
        return False, type(error).__name__


def check_redis() -> tuple[bool, str] | None:
    if not settings.REDIS_URL:
        return None
    try:
        import redis

        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping()
        return True, "ok"
    except Exception as error:  # connection refused, timeout, auth: all "down"
        return False, type(error).__name__


def health_report() -> tuple[bool, dict[str, dict[str, object]]]:
    report: dict[str, dict[str, object]] = {}
    ok, detail = check_database()
    report["database"] = {"ok": ok, "detail": detail}
    redis_state = check_redis()
    if redis_state is not None:
        report["redis"] = {"ok": redis_state[0], "detail": redis_state[1]}
    return all(bool(part["ok"]) for part in report.values()), report

"""Attribute change-log entries (django-auditlog) to the actor a service was called with."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from auditlog.context import auditlog_value, set_actor


@contextlib.contextmanager
def attributed_to(actor: Any) -> Iterator[None]:
    """Make `actor` the author of the audit entries written inside the block.

    AuditlogMiddleware's context has no actor for token-authenticated API calls, and commands have no
    context at all. auditlog's set_actor leaves its value behind, so the previous value (the middleware's,
    or none) is restored afterwards with a token; the request's address is kept on the entries.
    """
    outer: dict[str, Any] = auditlog_value.get(None) or {}
    token = auditlog_value.set(outer)
    try:
        with set_actor(actor, remote_addr=outer.get("remote_addr"), remote_port=outer.get("remote_port")):
            yield
    finally:
        auditlog_value.reset(token)

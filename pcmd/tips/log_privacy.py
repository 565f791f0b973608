"""Keep the citizens' portal out of the logs (configured in config.settings.base LOGGING on django.request,
django.security.csrf and django.server).

Django's request loggers attach the request (address, user agent, headers) to their records, and the admin
e-mail handler would send all of it. For the portal's paths this filter drops the records of ordinary client
errors (a wrong receipt, a throttled client: nothing to act on) and the development server's access lines,
and keeps server errors with the request detached, so that a failure is still seen without saying who
caused it.
"""

from __future__ import annotations

import logging
import re

PORTAL_PREFIXES = ("/to-giac/", "/api/v1/public/")
# The development server's access line: '"GET /to-giac/ HTTP/1.1" 200 1234'.
_REQUEST_LINE = re.compile(r'"[A-Z]+ (\S+)')


def is_portal_path(path: str) -> bool:
    return path.startswith(PORTAL_PREFIXES)


def _path_of(record: logging.LogRecord) -> str:
    request = getattr(record, "request", None)
    path = getattr(request, "path", None)
    if isinstance(path, str):
        return path
    match = _REQUEST_LINE.search(str(record.msg % record.args if record.args else record.msg))
    return match.group(1) if match else ""


class PortalPrivacyFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            path = _path_of(record)
        except (TypeError, ValueError):  # a record whose arguments do not fit its message: not ours
            return True
        if not is_portal_path(path):
            return True
        status = getattr(record, "status_code", None)
        if record.name == "django.request" and isinstance(status, int) and status >= 500:
            record.request = None  # keep the failure, drop who made the request
            return True
        return False

"""Rate limiting of the citizens' portal without keeping anyone's address.

A client is counted under an HMAC of its address with a random salt that lives one day in the cache (shared
by every web process through Redis in production) and is then forgotten: the counters cannot be turned back
into addresses, and after a day not even linked to the earlier ones. Nothing is written to the database or
the logs. Fixed one-hour windows per bucket ("submit" for new tips, "lookup" for receipt checks and replies).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

WINDOW_SECONDS = 3600
SUBMIT = "submit"
LOOKUP = "lookup"
_DEFAULT_LIMITS = {SUBMIT: 10, LOOKUP: 30}

TOO_MANY_REQUESTS = _(
    "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau khoảng một giờ. "
    "Nếu việc khẩn cấp, hãy gọi đường dây nóng hoặc đến cơ quan công an gần nhất."
)


def limit_of(bucket: str) -> int:
    overrides = getattr(settings, "PCMD_TIP_RATE_LIMITS", {}) or {}
    return int(overrides.get(bucket, _DEFAULT_LIMITS[bucket]))


def _client_address(request: HttpRequest) -> str:
    """The address of the client: behind N trusted proxies (PCMD_PROXY_COUNT, read by axes too), the Nth
    address from the right of X-Forwarded-For; otherwise the socket's address. Only the HMAC uses it."""
    proxies = int(getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0) or 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-proxies] if len(hops) >= proxies else hops[0]
    return str(request.META.get("REMOTE_ADDR", ""))


def _daily_salt() -> str:
    key = f"tips:rate-salt:{timezone.localdate():%Y%m%d}"
    cache.add(key, secrets.token_hex(32), timeout=2 * 86400)
    return str(cache.get(key) or "")


def client_key(request: HttpRequest) -> str:
    """An opaque, day-scoped name for the client."""
    return hmac.new(_daily_salt().encode(), _client_address(request).encode(), hashlib.sha256).hexdigest()


def allow(request: HttpRequest, bucket: str) -> bool:
    """Count this request in the client's bucket; False once the hour's limit is passed."""
    window = int(time.time() // WINDOW_SECONDS)
    key = f"tips:rate:{bucket}:{window}:{client_key(request)}"
    cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this request opens a new window
        cache.set(key, 1, timeout=WINDOW_SECONDS + 60)
        count = 1
    return count <= limit_of(bucket)

"""OpenAPI (drf-spectacular) descriptions of our authentication classes; loaded by AccountsConfig.ready()."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class PcmdSessionScheme(OpenApiAuthenticationExtension):
    target_class = "pcmd.accounts.api_auth.PcmdSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}

"""/api/v1/: each app contributes its own api_urls module."""

from django.urls import include, path

urlpatterns = [
    path("", include("pcmd.accounts.api_urls")),
    path("", include("pcmd.geography.api_urls")),
    path("", include("pcmd.agencies.api_urls")),
    path("", include("pcmd.person_sanctions.api_urls")),
    path("", include("pcmd.criminal_cases.api_urls")),
    path("", include("pcmd.tips.api_urls")),
    path("", include("pcmd.planning.api_urls")),
    path("", include("pcmd.inspections.api_urls")),
    path("", include("pcmd.hotspots.api_urls")),
    path("", include("pcmd.establishments.api_urls")),
    path("", include("pcmd.legal.api_urls")),
]

"""/api/v1/: each app contributes its own api_urls module."""

from django.urls import include, path

urlpatterns = [
    path("", include("pcmd.accounts.api_urls")),
    path("", include("pcmd.geography.api_urls")),
    path("", include("pcmd.agencies.api_urls")),
]

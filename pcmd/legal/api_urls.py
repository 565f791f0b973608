"""/api/v1/ routes of legal."""

from django.urls import path

from pcmd.legal import api

urlpatterns = [
    path("legal-references/", api.LegalReferenceListView.as_view(), name="api-legal-reference-list"),
    path(
        "legal-references/<int:provision_id>/",
        api.LegalReferenceDetailView.as_view(),
        name="api-legal-reference-detail",
    ),
]

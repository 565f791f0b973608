"""/api/v1/ routes of establishments."""

from django.urls import path

from pcmd.establishments import api

urlpatterns = [
    path("establishments/", api.EstablishmentListView.as_view(), name="api-establishment-list"),
    path(
        "establishments/<int:establishment_id>/",
        api.EstablishmentDetailView.as_view(),
        name="api-establishment-detail",
    ),
    path(
        "establishments/<int:establishment_id>/status/",
        api.EstablishmentStatusView.as_view(),
        name="api-establishment-status",
    ),
    path("establishment-types/", api.EstablishmentTypeListView.as_view(), name="api-establishment-type-list"),
]

"""/api/v1/ routes of person_sanctions."""

from django.urls import path

from pcmd.person_sanctions import api

urlpatterns = [
    path("person-sanctions/", api.TallyListView.as_view(), name="api-person-sanction-list"),
    path("person-sanctions/summary/", api.TallySummaryView.as_view(), name="api-person-sanction-summary"),
    path(
        "person-sanctions/<int:tally_id>/", api.TallyDetailView.as_view(), name="api-person-sanction-detail"
    ),
]

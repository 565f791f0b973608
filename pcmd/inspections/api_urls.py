"""/api/v1/ routes of inspections."""

from django.urls import path

from pcmd.inspections import api

urlpatterns = [
    path("inspections/", api.InspectionListView.as_view(), name="api-inspection-list"),
    path(
        "inspections/<int:inspection_id>/", api.InspectionDetailView.as_view(), name="api-inspection-detail"
    ),
    path("violations/", api.ViolationListView.as_view(), name="api-violation-list"),
    path("violations/<int:violation_id>/", api.ViolationDetailView.as_view(), name="api-violation-detail"),
    path("sanctions/", api.SanctionListView.as_view(), name="api-sanction-list"),
    path("sanctions/<int:decision_id>/", api.SanctionDetailView.as_view(), name="api-sanction-detail"),
    path(
        "sanctions/<int:decision_id>/payment/", api.SanctionPaymentView.as_view(), name="api-sanction-payment"
    ),
    path("follow-ups/", api.FollowUpListView.as_view(), name="api-follow-up-list"),
    path("follow-ups/<int:follow_up_id>/", api.FollowUpDetailView.as_view(), name="api-follow-up-detail"),
]

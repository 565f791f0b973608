"""/api/v1/ routes of criminal_cases."""

from django.urls import path

from pcmd.criminal_cases import api

urlpatterns = [
    path("criminal-cases/", api.CriminalCaseListView.as_view(), name="api-criminal-case-list"),
    path("criminal-cases/statistics/", api.CaseStatisticsView.as_view(), name="api-criminal-case-statistics"),
    path(
        "criminal-cases/<int:case_id>/", api.CriminalCaseDetailView.as_view(), name="api-criminal-case-detail"
    ),
    path(
        "criminal-cases/<int:case_id>/stages/",
        api.CaseStageListView.as_view(),
        name="api-criminal-case-stages",
    ),
    path(
        "criminal-cases/<int:case_id>/offenders/",
        api.CaseOffenderListView.as_view(),
        name="api-criminal-case-offenders",
    ),
]

from django.urls import path

from pcmd.agencies import api

urlpatterns = [
    path("agencies/", api.AgencyListView.as_view(), name="api-agency-list"),
    path("agencies/<int:agency_id>/", api.AgencyDetailView.as_view(), name="api-agency-detail"),
    path("teams/", api.TeamListView.as_view(), name="api-team-list"),
    path("teams/<int:team_id>/", api.TeamDetailView.as_view(), name="api-team-detail"),
    path("teams/<int:team_id>/members/", api.TeamMemberCreateView.as_view(), name="api-team-member-create"),
]

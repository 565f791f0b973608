from django.urls import path

from pcmd.agencies import views

app_name = "agencies"
urlpatterns = [
    path("", views.agency_list, name="agency-list"),
    path("them/", views.agency_create, name="agency-create"),
    path("<int:agency_id>/", views.agency_detail, name="agency-detail"),
    path("<int:agency_id>/sua/", views.agency_edit, name="agency-edit"),
    path("<int:agency_id>/ket-thuc/", views.agency_close, name="agency-close"),
    path("<int:agency_id>/giao-thuong-truc/", views.focal_assign, name="focal-assign"),
    path("doi-kiem-tra/", views.team_list, name="team-list"),
    path("doi-kiem-tra/them/", views.team_create, name="team-create"),
    path("doi-kiem-tra/<int:team_id>/", views.team_detail, name="team-detail"),
    path("doi-kiem-tra/<int:team_id>/sua/", views.team_edit, name="team-edit"),
    path("doi-kiem-tra/<int:team_id>/thanh-vien/them/", views.team_member_add, name="team-member-add"),
    path(
        "doi-kiem-tra/<int:team_id>/thanh-vien/<int:member_id>/roi-doi/",
        views.team_member_remove,
        name="team-member-remove",
    ),
]

from django.urls import path

from pcmd.person_sanctions import views

app_name = "person_sanctions"
urlpatterns = [
    path("", views.tally_list, name="list"),
    path("them/", views.tally_create, name="create"),
    path("xuat-excel/", views.tally_export, name="export"),
    path("<int:tally_id>/sua/", views.tally_edit, name="edit"),
    path("<int:tally_id>/xoa/", views.tally_delete, name="delete"),
]

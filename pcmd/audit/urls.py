from django.urls import path

from pcmd.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.change_list, name="change-list"),
    path("truy-cap/", views.access_list, name="access-list"),
]

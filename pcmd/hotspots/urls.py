from django.urls import path

from pcmd.hotspots import views

app_name = "hotspots"
urlpatterns = [
    path("", views.hotspot_list, name="list"),
    path("them/", views.hotspot_create, name="create"),
    path("xuat-excel/", views.hotspot_export, name="export"),
    path("ban-do/", views.hotspot_map, name="map"),
    path("ban-do/du-lieu/", views.hotspot_map_data, name="map-data"),
    path("<int:hotspot_id>/", views.hotspot_detail, name="detail"),
    path("<int:hotspot_id>/sua/", views.hotspot_edit, name="edit"),
    path("<int:hotspot_id>/su-kien/", views.hotspot_event_record, name="event-record"),
    path("<int:hotspot_id>/xoa/", views.hotspot_delete, name="delete"),
]

from django.urls import path, re_path

from pcmd.geography import views

app_name = "geography"
urlpatterns = [
    path("", views.unit_list_view, name="unit-list"),
    # Codes have 2 (province), 3 (legacy district) or 5 (commune) digits.
    re_path(r"^(?P<code>[0-9]{2,5})/$", views.unit_detail_view, name="unit-detail"),
    re_path(r"^truoc-2025/(?P<code>[0-9]{2,5})/$", views.legacy_unit_detail_view, name="legacy-unit-detail"),
]

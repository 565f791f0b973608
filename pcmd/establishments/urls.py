from django.urls import path

from pcmd.establishments import views

app_name = "establishments"
urlpatterns = [
    path("", views.establishment_list, name="list"),
    path("xuat-excel/", views.establishment_export, name="export"),
    path("them/", views.establishment_create, name="create"),
    path("loai-hinh/", views.type_list, name="types"),
    path("loai-hinh/<int:type_id>/sua/", views.type_edit, name="type-edit"),
    path("nhap-excel/", views.import_start, name="import"),
    path("nhap-excel/tep-mau/", views.import_template, name="import-template"),
    path("nhap-excel/<int:job_id>/", views.import_job, name="import-job"),
    path("nhap-excel/<int:job_id>/tien-do/", views.import_job_progress, name="import-job-progress"),
    path("<int:establishment_id>/", views.establishment_detail, name="detail"),
    path("<int:establishment_id>/sua/", views.establishment_edit, name="edit"),
    path("<int:establishment_id>/tinh-trang/", views.establishment_status, name="status"),
    path("<int:establishment_id>/nguy-co/", views.establishment_risk, name="risk"),
    path("<int:establishment_id>/xoa/", views.establishment_delete, name="delete"),
    path("<int:establishment_id>/giay-phep/them/", views.licence_add, name="licence-add"),
    path("<int:establishment_id>/cam-ket/them/", views.commitment_add, name="commitment-add"),
    path("<int:establishment_id>/kham-suc-khoe/them/", views.health_check_add, name="health-check-add"),
    path("<int:establishment_id>/tep/them/", views.attachment_add, name="attachment-add"),
    path(
        "<int:establishment_id>/tep/<int:attachment_id>/",
        views.attachment_download,
        name="attachment-download",
    ),
    path(
        "<int:establishment_id>/<slug:kind>/<int:record_id>/xoa/",
        views.record_delete,
        name="record-delete",
    ),
]

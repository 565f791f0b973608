from django.urls import path

from pcmd.legal import views

app_name = "legal"
urlpatterns = [
    path("", views.reference_index, name="index"),
    path("van-ban/them/", views.document_create, name="document-create"),
    path("van-ban/<int:document_id>/", views.document_detail, name="document-detail"),
    path("van-ban/<int:document_id>/sua/", views.document_edit, name="document-edit"),
    path("can-cu/them/", views.provision_create, name="provision-create"),
    path("can-cu/<int:provision_id>/", views.provision_detail, name="provision-detail"),
    path("can-cu/<int:provision_id>/sua/", views.provision_edit, name="provision-edit"),
    path("can-cu/<int:provision_id>/ket-thuc/", views.provision_close, name="provision-close"),
]

from django.urls import path

from pcmd.tips import views

app_name = "tips"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("tiep-nhan/", views.intake, name="intake"),
    path("cau-hinh/", views.config, name="config"),
    path("<int:tip_id>/", views.detail, name="detail"),
    path("<int:tip_id>/chuyen-buoc/", views.transition, name="transition"),
    path("<int:tip_id>/chuyen-don-vi/", views.transfer, name="transfer"),
    path("<int:tip_id>/nhan-tin/", views.message, name="message"),
    path("<int:tip_id>/nguoi-bao-tin/", views.informant, name="informant"),
    path("<int:tip_id>/tep/<int:attachment_id>/", views.attachment, name="attachment"),
    path("<int:tip_id>/tao-diem-phuc-tap/", views.create_hotspot, name="create-hotspot"),
    path("<int:tip_id>/lien-ket-kiem-tra/", views.link_inspection, name="link-inspection"),
    path("<int:tip_id>/lien-ket-vu-an/", views.link_criminal_case, name="link-criminal-case"),
]

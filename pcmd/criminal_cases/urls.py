from django.urls import path

from pcmd.criminal_cases import views

app_name = "criminal_cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("them/", views.case_create, name="create"),
    path("thong-ke/", views.case_statistics, name="statistics"),
    path("<int:case_id>/", views.case_detail, name="detail"),
    path("<int:case_id>/sua/", views.case_edit, name="edit"),
    path("<int:case_id>/giai-doan/", views.case_stage_record, name="stage-record"),
    path("<int:case_id>/doi-tuong/xem/", views.case_offenders_show, name="offenders-show"),
    path("<int:case_id>/doi-tuong/them/", views.case_offender_add, name="offender-add"),
    path(
        "<int:case_id>/doi-tuong/<int:offender_id>/xoa/", views.case_offender_remove, name="offender-remove"
    ),
]

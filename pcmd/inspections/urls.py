from django.urls import path

from pcmd.inspections.views import plans, records, reports, sanctions

app_name = "inspections"
urlpatterns = [
    path("", records.inspection_list, name="index"),
    path("ghi-nhan/", records.inspection_create, name="inspection-create"),
    path("<int:inspection_id>/", records.inspection_detail, name="inspection-detail"),
    path("<int:inspection_id>/sua/", records.inspection_edit, name="inspection-edit"),
    path("<int:inspection_id>/bien-ban.docx", records.inspection_minutes, name="inspection-minutes"),
    path("<int:inspection_id>/anh/", records.photo_add, name="photo-add"),
    path("anh/<int:photo_id>/", records.photo_download, name="photo-download"),
    path("anh/<int:photo_id>/xoa/", records.photo_delete, name="photo-delete"),
    path("<int:inspection_id>/vi-pham/them/", sanctions.violation_create, name="violation-create"),
    path("vi-pham/", sanctions.violation_list, name="violation-list"),
    path("vi-pham/<int:violation_id>/sua/", sanctions.violation_edit, name="violation-edit"),
    path("vi-pham/<int:violation_id>/ket-thuc/", sanctions.violation_close, name="violation-close"),
    path("<int:inspection_id>/quyet-dinh/them/", sanctions.sanction_create, name="sanction-create"),
    path("quyet-dinh/<int:decision_id>/", sanctions.sanction_detail, name="sanction-detail"),
    path("quyet-dinh/<int:decision_id>/nop-phat/", sanctions.sanction_payment, name="sanction-payment"),
    path("chua-nop-phat/", sanctions.unpaid_list, name="unpaid-list"),
    path("hau-kiem/", sanctions.follow_up_list, name="follow-up-list"),
    path("hau-kiem/them/", sanctions.follow_up_create, name="follow-up-create"),
    path("hau-kiem/<int:follow_up_id>/", sanctions.follow_up_detail, name="follow-up-detail"),
    path("hau-kiem/<int:follow_up_id>/ket-qua/", sanctions.follow_up_record, name="follow-up-record"),
    path("ke-hoach/", plans.plan_list, name="plan-list"),
    path("ke-hoach/them/", plans.plan_create, name="plan-create"),
    path("ke-hoach/<int:plan_id>/", plans.plan_detail, name="plan-detail"),
    path("ke-hoach/<int:plan_id>/sua/", plans.plan_edit, name="plan-edit"),
    path("ke-hoach/<int:plan_id>/co-so/", plans.plan_entry_add, name="plan-entry-add"),
    path(
        "ke-hoach/<int:plan_id>/co-so/<int:entry_id>/bo/", plans.plan_entry_remove, name="plan-entry-remove"
    ),
    path("ty-le-kiem-tra/", reports.coverage_report, name="coverage"),
    path("ty-le-kiem-tra.xlsx", reports.coverage_export, name="coverage-export"),
    path("co-so-chua-kiem-tra/", reports.never_inspected, name="never-inspected"),
    path("co-so-kiem-tra-nhieu-lan/", reports.inspected_often, name="inspected-often"),
    path("danh-muc-noi-dung/", records.checklist_list, name="checklist-list"),
    path("danh-muc-noi-dung/them/", records.checklist_create, name="checklist-create"),
    path("danh-muc-noi-dung/<int:item_id>/sua/", records.checklist_edit, name="checklist-edit"),
]

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from pcmd.establishments import services
from pcmd.establishments.models import Establishment, ImportJob, Licence
from pcmd.establishments.spreadsheets import COLUMNS, header_text

D = datetime.date
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


def _form(**values):
    data = {
        "unit": "04105",
        "name": "Nhà nghỉ Hoa Mai",
        "address": "Số 5 đường Tô Hiệu",
        "owner_name": "Lò Văn Mai",
        "owner_phone": "0912 111 222",
        "worker_count": "3",
        "opened_on": "01/02/2020",
        "latitude": "",
        "longitude": "",
        "licence_kind": "",
        "licence_number": "",
    }
    data.update(values)
    return data


# --- list -------------------------------------------------------------------------------------------------


def test_list_shows_the_jurisdiction_with_filters_and_actions(
    login, commune_officer, hoa_hong, muong_bu_guesthouse
):
    response = login(commune_officer).get(reverse("establishments:list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Karaoke Hoa Hồng" in body and "CS-04105-1" in body
    assert "Nhà nghỉ Suối Bú" not in body
    assert "Đăng ký cơ sở" in body and "Nhập từ Excel" in body


def test_list_filters_ignore_diacritics(login, province_officer, hoa_hong, muong_bu_guesthouse):
    response = login(province_officer).get(reverse("establishments:list"), {"q": "suoi bu"})
    body = response.content.decode()
    assert "Nhà nghỉ Suối Bú" in body and "Karaoke Hoa Hồng" not in body
    assert "Đăng ký cơ sở" not in body  # the coordinator only looks


def test_list_filter_by_commune_code_and_status(login, province_officer, hoa_hong, muong_bu_guesthouse):
    response = login(province_officer).get(
        reverse("establishments:list"), {"unit": "04168", "status": "operating"}
    )
    body = response.content.decode()
    assert "Nhà nghỉ Suối Bú" in body and "Karaoke Hoa Hồng" not in body


def test_case_worker_is_refused_the_list(login, case_worker):
    assert login(case_worker).get(reverse("establishments:list")).status_code == 403


def test_anonymous_is_sent_to_login(anonymous):
    response = anonymous.get(reverse("establishments:list"))
    assert response.status_code == 302
    assert "next=/co-so/" in response.url


def test_the_menu_offers_the_registry_to_viewers(login, inspector):
    assert "Cơ sở kinh doanh dịch vụ" in login(inspector).get(reverse("home")).content.decode()


def test_the_menu_hides_the_registry_from_case_workers(login, case_worker):
    assert "Cơ sở kinh doanh dịch vụ" not in login(case_worker).get(reverse("home")).content.decode()


# --- detail -----------------------------------------------------------------------------------------------


def test_detail_shows_licences_history_and_manage_actions(login, commune_officer, hoa_hong):
    services.commitment_add(
        actor=commune_officer,
        establishment=hoa_hong,
        kind="owner_commune",
        signed_on=D(2025, 8, 1),
        party_name="Lò Văn Hồng",
    )
    response = login(commune_officer).get(hoa_hong.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "15/GCN-ANTT" in body and "Lò Văn Hồng" in body
    assert "Đăng ký ban đầu" in body
    assert "Thay đổi tình trạng" in body


def test_provincial_coordinator_sees_the_detail_without_manage_actions(login, province_officer, hoa_hong):
    body = login(province_officer).get(hoa_hong.get_absolute_url()).content.decode()
    assert "15/GCN-ANTT" in body
    assert "Thay đổi tình trạng" not in body and "Thêm giấy phép" not in body


@pytest.mark.parametrize("persona", ["other_commune_officer", "other_province_officer", "case_worker"])
def test_outsiders_get_404_on_the_detail(persona, request, login, hoa_hong):
    user = request.getfixturevalue(persona)
    expected = 403 if persona == "case_worker" else 404
    assert login(user).get(hoa_hong.get_absolute_url()).status_code == expected


def test_outsider_cannot_post_to_an_establishment(login, other_province_officer, hoa_hong):
    response = login(other_province_officer).post(
        reverse("establishments:status", args=[hoa_hong.pk]),
        {"to_status": "closed", "effective_on": "01/10/2025", "reason": "x", "version": "1"},
    )
    assert response.status_code == 404
    hoa_hong.refresh_from_db()
    assert hoa_hong.status == "operating"


def test_viewer_gets_403_on_the_edit_page(login, province_officer, hoa_hong):
    assert login(province_officer).get(reverse("establishments:edit", args=[hoa_hong.pk])).status_code == 403


# --- create with duplicate warning --------------------------------------------------------------------------


def test_officer_registers_an_establishment_with_a_licence(login, commune_officer, commune, guesthouse):
    response = login(commune_officer).post(
        reverse("establishments:create"),
        _form(
            type=guesthouse.pk,
            licence_kind="security_order",
            licence_number="40/GCN-ANTT",
            licence_issued_on="05/05/2020",
        ),
    )
    establishment = Establishment.objects.get(name="Nhà nghỉ Hoa Mai")
    assert response.status_code == 302 and response.url == establishment.get_absolute_url()
    assert establishment.licences.get().number == "40/GCN-ANTT"
    assert establishment.opened_on == D(2020, 2, 1)


def test_a_possible_duplicate_is_shown_and_saved_only_after_confirmation(
    login, commune_officer, karaoke, hoa_hong
):
    client = login(commune_officer)
    data = _form(type=karaoke.pk, name="karaoke hoa hong", address="Số 12 đường Tô Hiệu - tổ 3")
    # when
    response = client.post(reverse("establishments:create"), data)
    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="possible-duplicates"' in body and hoa_hong.registry_code in body
    assert 'name="confirm_duplicates"' in body
    assert Establishment.objects.count() == 1
    # when: the user confirms
    response = client.post(reverse("establishments:create"), {**data, "confirm_duplicates": "on"})
    # then
    assert response.status_code == 302
    assert Establishment.objects.count() == 2


def test_the_confirmation_box_is_hidden_until_there_are_duplicates(login, commune_officer):
    body = login(commune_officer).get(reverse("establishments:create")).content.decode()
    assert 'name="confirm_duplicates"' not in body
    assert "Phường Tô Hiệu (04105)" in body


def test_invalid_form_shows_vietnamese_errors(login, commune_officer, karaoke):
    response = login(commune_officer).post(
        reverse("establishments:create"), _form(type=karaoke.pk, name="", opened_on="31/02/2020")
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Trường này là bắt buộc." in body
    assert "Nhập một ngày hợp lệ." in body
    assert not Establishment.objects.exists()


def test_a_commune_outside_the_jurisdiction_is_not_offered(login, commune_officer, karaoke, other_commune):
    response = login(commune_officer).post(
        reverse("establishments:create"), _form(type=karaoke.pk, unit="04168")
    )
    assert response.status_code == 400
    assert not Establishment.objects.exists()


# --- edit, status, risk, delete -----------------------------------------------------------------------------


def test_a_stale_edit_is_refused_with_an_explanation(login, commune_officer, hoa_hong, karaoke):
    services.establishment_update(
        actor=commune_officer, establishment=hoa_hong, version=1, changes={"worker_count": 7}
    )
    response = login(commune_officer).post(
        reverse("establishments:edit", args=[hoa_hong.pk]),
        _form(type=karaoke.pk, name=hoa_hong.name, address=hoa_hong.address, worker_count="2", version="1"),
    )
    assert response.status_code == 400
    assert "đã được người khác sửa" in response.content.decode()
    hoa_hong.refresh_from_db()
    assert hoa_hong.worker_count == 7


def test_edit_saves_with_the_current_version(login, commune_officer, hoa_hong, karaoke):
    response = login(commune_officer).post(
        reverse("establishments:edit", args=[hoa_hong.pk]),
        _form(type=karaoke.pk, name=hoa_hong.name, address=hoa_hong.address, worker_count="12", version="1"),
    )
    assert response.status_code == 302
    hoa_hong.refresh_from_db()
    assert (hoa_hong.worker_count, hoa_hong.owner_name) == (12, "Lò Văn Mai")


def test_status_change_page_records_history(login, commune_officer, hoa_hong):
    response = login(commune_officer).post(
        reverse("establishments:status", args=[hoa_hong.pk]),
        {"to_status": "suspended", "effective_on": "01/10/2025", "reason": "Sửa chữa", "version": "1"},
    )
    assert response.status_code == 302
    hoa_hong.refresh_from_db()
    assert hoa_hong.status == "suspended"
    body = login(commune_officer).get(hoa_hong.get_absolute_url()).content.decode()
    assert "Sửa chữa" in body and "01/10/2025" in body


def test_status_change_without_reason_is_refused(login, commune_officer, hoa_hong):
    response = login(commune_officer).post(
        reverse("establishments:status", args=[hoa_hong.pk]),
        {"to_status": "closed", "effective_on": "01/10/2025", "reason": "", "version": "1"},
    )
    assert response.status_code == 400
    assert "Phải nêu lý do thay đổi tình trạng." in response.content.decode()


def test_risk_override_page(login, commune_officer, hoa_hong):
    response = login(commune_officer).post(
        reverse("establishments:risk", args=[hoa_hong.pk]),
        {"level": "high", "reason": "Nhiều phản ánh", "version": "1"},
    )
    assert response.status_code == 302
    body = login(commune_officer).get(hoa_hong.get_absolute_url()).content.decode()
    assert "Nhiều phản ánh" in body


def test_delete_page_hides_the_establishment(login, commune_officer, hoa_hong):
    client = login(commune_officer)
    response = client.post(
        reverse("establishments:delete", args=[hoa_hong.pk]), {"reason": "Trùng", "version": "1"}
    )
    assert response.status_code == 302
    assert client.get(hoa_hong.get_absolute_url()).status_code == 404
    assert "Karaoke Hoa Hồng" not in client.get(reverse("establishments:list")).content.decode()


def test_delete_without_reason_is_refused(login, commune_officer, hoa_hong):
    response = login(commune_officer).post(
        reverse("establishments:delete", args=[hoa_hong.pk]), {"reason": ""}
    )
    assert response.status_code == 400
    hoa_hong.refresh_from_db()
    assert not hoa_hong.is_deleted


# --- records on the detail page -----------------------------------------------------------------------------


def test_licence_add_and_delete(login, commune_officer, hoa_hong):
    client = login(commune_officer)
    response = client.post(
        reverse("establishments:licence-add", args=[hoa_hong.pk]),
        {"kind": "karaoke", "number": "8/GP", "issuer": "Sở VHTTDL", "issued_on": "01/01/2024"},
    )
    assert response.status_code == 302
    licence = hoa_hong.licences.get(number="8/GP")
    response = client.post(
        reverse("establishments:record-delete", args=[hoa_hong.pk, "giay-phep", licence.pk])
    )
    assert response.status_code == 302
    assert not Licence.objects.filter(pk=licence.pk).exists()


def test_licence_form_errors_reopen_the_detail_with_the_form(login, commune_officer, hoa_hong):
    response = login(commune_officer).post(
        reverse("establishments:licence-add", args=[hoa_hong.pk]),
        {"kind": "karaoke", "number": "8/GP", "issued_on": "01/01/2024", "expires_on": "01/01/2023"},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Ngày hết hạn không được trước ngày cấp." in body
    assert 'open data-testid="licence_form"' in body


def test_health_check_and_commitment_are_added(login, commune_officer, hoa_hong):
    client = login(commune_officer)
    client.post(
        reverse("establishments:health-check-add", args=[hoa_hong.pk]),
        {"checked_on": "01/09/2025", "workers_checked": "6", "provider": "TTYT thành phố"},
    )
    client.post(
        reverse("establishments:commitment-add", args=[hoa_hong.pk]),
        {"kind": "worker_owner", "signed_on": "02/09/2025", "party_name": "Cầm Thị Hoa"},
    )
    assert hoa_hong.health_checks.get().workers_checked == 6
    assert hoa_hong.commitments.get().party_name == "Cầm Thị Hoa"


def test_attachment_upload_and_scoped_download(login, commune_officer, other_commune_officer, hoa_hong):
    client = login(commune_officer)
    upload = SimpleUploadedFile("cam-ket.pdf", b"%PDF-1.4 ban cam ket", content_type="application/pdf")
    response = client.post(
        reverse("establishments:attachment-add", args=[hoa_hong.pk]),
        {"file": upload, "description": "Cam kết"},
    )
    assert response.status_code == 302
    attachment = hoa_hong.attachments.get()
    url = reverse("establishments:attachment-download", args=[hoa_hong.pk, attachment.pk])
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 ban cam ket"
    assert login(other_commune_officer).get(url).status_code == 404


def test_record_of_another_establishment_cannot_be_deleted_through_this_one(
    login, commune_officer, commune, karaoke, hoa_hong
):
    other = services.establishment_create(
        actor=commune_officer, unit=commune, type=karaoke, name="Karaoke Khác", address="Tổ 9"
    )
    licence = hoa_hong.licences.get()
    response = login(commune_officer).post(
        reverse("establishments:record-delete", args=[other.pk, "giay-phep", licence.pk])
    )
    assert response.status_code == 404
    assert Licence.objects.filter(pk=licence.pk).exists()


# --- Excel --------------------------------------------------------------------------------------------------


def test_export_downloads_the_filtered_list(login, province_officer, hoa_hong, muong_bu_guesthouse):
    response = login(province_officer).get(reverse("establishments:export"), {"unit": "04105"})
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Karaoke Hoa Hồng"]


def test_template_download_needs_the_right_to_manage(login, province_officer, commune_officer):
    assert login(province_officer).get(reverse("establishments:import-template")).status_code == 403
    response = login(commune_officer).get(reverse("establishments:import-template"))
    assert response.status_code == 200 and response["Content-Type"] == XLSX


def _upload(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([header_text(column) for column in COLUMNS])
    for row in rows:
        sheet.append([row.get(column.key) for column in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("co-so.xlsx", buffer.getvalue(), content_type=XLSX)


def test_import_page_runs_the_job_and_shows_the_result(
    login, commune_officer, commune, django_capture_on_commit_callbacks
):
    client = login(commune_officer)
    row = {"name": "Nhà nghỉ Hoa Mai", "type": "Nhà nghỉ", "commune_code": "04105", "address": "Tổ 5"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("establishments:import"), {"file": _upload([row])})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == reverse("establishments:import-job", args=[job.pk])
    body = client.get(response.url).content.decode()
    assert "Đã thêm 1 cơ sở, cập nhật 0 cơ sở, 0 cơ sở không thay đổi." in body
    assert "hx-get" not in body  # finished: no more polling


def test_import_page_lists_every_bad_row(login, commune_officer, commune, django_capture_on_commit_callbacks):
    client = login(commune_officer)
    rows = [
        {"name": "A", "type": "Nhà nghỉ", "commune_code": "04105", "address": "Tổ 1"},
        {"name": "B", "type": "Sòng bạc", "commune_code": "04105", "address": "Tổ 2"},
        {"name": "C", "type": "Nhà nghỉ", "commune_code": "00000", "address": "Tổ 3"},
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("establishments:import"), {"file": _upload(rows)})
    body = client.get(response.url).content.decode()
    assert "Không dòng nào được ghi" in body
    assert "Sòng bạc" in body and "00000" in body
    assert not Establishment.objects.exists()


def test_progress_is_polled_while_the_job_is_pending(login, commune_officer):
    job = ImportJob.objects.create(
        original_name="a.xlsx", file="a.xlsx", created_by=commune_officer, rows_total=10
    )
    response = login(commune_officer).get(reverse("establishments:import-job-progress", args=[job.pk]))
    body = response.content.decode()
    assert 'hx-trigger="every 1s"' in body
    assert "Đang chờ xử lý" in body


def test_another_users_import_job_is_404(login, commune_officer, other_commune_officer):
    job = ImportJob.objects.create(original_name="a.xlsx", file="a.xlsx", created_by=commune_officer)
    assert (
        login(other_commune_officer).get(reverse("establishments:import-job", args=[job.pk])).status_code
        == 404
    )


def test_a_non_excel_upload_is_refused_on_the_page(login, commune_officer):
    upload = SimpleUploadedFile("a.csv", b"a,b", content_type="text/csv")
    response = login(commune_officer).post(reverse("establishments:import"), {"file": upload})
    assert response.status_code == 400
    assert "Chỉ nhận tệp Excel .xlsx" in response.content.decode()


def test_administrator_adds_a_type_on_the_types_page(login, system_admin):
    response = login(system_admin).post(
        reverse("establishments:types"),
        {"code": "quan-nhau", "name": "Quán nhậu", "order": "155", "is_active": "on"},
    )
    assert response.status_code == 302
    assert "Quán nhậu" in login(system_admin).get(reverse("establishments:types")).content.decode()


def test_officers_see_the_types_but_cannot_add(login, commune_officer):
    client = login(commune_officer)
    body = client.get(reverse("establishments:types")).content.decode()
    assert "Karaoke" in body and "Thêm loại hình" not in body
    assert (
        client.post(reverse("establishments:types"), {"code": "x", "name": "X", "order": "1"}).status_code
        == 403
    )


def test_case_worker_cannot_see_the_types(login, case_worker):
    assert login(case_worker).get(reverse("establishments:types")).status_code == 403

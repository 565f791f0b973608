import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from pcmd.establishments import imports
from pcmd.establishments.models import (
    Establishment,
    EstablishmentStatusChange,
    ImportJob,
    Licence,
    StatusChangeSource,
)
from pcmd.establishments.selectors import establishments_visible_to
from pcmd.establishments.spreadsheets import (
    COLUMNS,
    SheetError,
    export_workbook,
    header_text,
    template_workbook,
)
from pcmd.establishments.tests.factories import establishment_type
from pcmd.geography.tests.factories import make_commune

D = datetime.date
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(rows: list[dict], headers: list[str] | None = None) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers or [header_text(column) for column in COLUMNS])
    for row in rows:
        sheet.append([row.get(column.key) for column in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "danh-sach.xlsx"
    return buffer


def _row(**values) -> dict:
    row = {
        "name": "Nhà nghỉ Hoa Mai",
        "type": "Nhà nghỉ",
        "commune_code": "04105",
        "address": "Số 5 đường Tô Hiệu",
        "owner_name": "Lò Văn Mai",
        "owner_phone": "0912 111 222",
        "worker_count": 3,
        "opened_on": "01/02/2020",
        "status": "Đang hoạt động",
    }
    row.update(values)
    return row


GOOD_ROWS = [
    _row(),
    _row(
        name="Karaoke Sao Mai",
        type="karaoke",
        address="Số 9 đường Chu Văn Thịnh",
        licence_kind="Giấy phép kinh doanh karaoke",
        licence_number="20/GP-SVHTTDL",
        licence_issuer="Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La",
        licence_issued_on=datetime.datetime(2022, 5, 1),
        licence_expires_on="30/04/2027",
    ),
    _row(
        name="Massage Thư Giãn",
        type="MASSAGE, XOA BOP",
        commune_code=None,
        commune_name="Tô Hiệu",
        address="Tổ 4 phường Tô Hiệu",
        worker_count=None,
        opened_on=None,
        status="Tạm ngừng hoạt động",
    ),
]


def _counts():
    return (
        Establishment.objects.count(),
        Licence.objects.count(),
        EstablishmentStatusChange.objects.count(),
        LogEntry.objects.count(),
    )


def _import(actor, rows, **kwargs):
    return imports.import_file_now(actor=actor, file=_sheet(rows, **kwargs))


# --- the whole file is checked first ------------------------------------------------------------------------


def test_a_sheet_with_several_bad_rows_writes_nothing_and_lists_every_bad_row(
    commune_officer, commune, other_commune, hoa_hong
):
    # given
    before = _counts()
    rows = [
        _row(),  # row 2: good
        _row(name="Nhà nghỉ A", address="Tổ 1", commune_code="99999"),  # 3: unknown commune
        _row(name="Nhà nghỉ B", address="Tổ 2", commune_code=other_commune.code),  # 4: outside jurisdiction
        _row(name="Nhà nghỉ C", address="Tổ 3", type="Sòng bạc"),  # 5: unknown type
        _row(name="Nhà nghỉ D", address="Tổ 4", opened_on="31/02/2024"),  # 6: impossible date
        _row(name=None, address="Tổ 5"),  # 7: missing required cell
        _row(),  # 8: the same as row 2
        _row(name="Nhà nghỉ E", address="Tổ 6", registry_code="CS-04105-999"),  # 9: unknown registry code
        _row(
            name="Nhà nghỉ F",
            address="Tổ 7",
            licence_kind="Giấy tờ khác",
            licence_number="1/GP",
            licence_issued_on="10/10/2024",
            licence_expires_on="01/01/2024",
        ),  # 10: expiry before issue
    ]
    # when
    plan, counts = _import(commune_officer, rows)
    # then
    assert counts is None
    assert _counts() == before
    by_row: dict[int, list[imports.RowError]] = {}
    for error in plan.errors:
        by_row.setdefault(error.row or 0, []).append(error)
    assert sorted(by_row) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "Không có xã, phường mã «99999»" in by_row[3][0].message
    assert "không thuộc phạm vi của bạn" in by_row[4][0].message
    assert by_row[5][0].column == "Loại hình (*)" and "Sòng bạc" in by_row[5][0].message
    assert "31/02/2024" in by_row[6][0].message and by_row[6][0].column == "Ngày bắt đầu hoạt động"
    assert by_row[7][0].message == "Ô này là bắt buộc." and by_row[7][0].column == "Tên cơ sở (*)"
    assert "Trùng với dòng 2" in by_row[8][0].message
    assert "CS-04105-999" in by_row[9][0].message
    assert "Ngày hết hạn không được trước ngày cấp." in by_row[10][0].message


def test_the_corrected_sheet_imports(commune_officer, commune):
    # when
    plan, counts = _import(commune_officer, GOOD_ROWS)
    # then
    assert plan.errors == []
    assert counts == {"created": 3, "updated": 0, "unchanged": 0}
    massage = Establishment.objects.get(name="Massage Thư Giãn")
    assert massage.unit == commune
    assert massage.type.code == "massage"
    assert massage.status == Establishment.Status.SUSPENDED
    assert massage.status_changes.get().source == StatusChangeSource.IMPORT
    karaoke = Establishment.objects.get(name="Karaoke Sao Mai")
    licence = karaoke.licences.get()
    assert (licence.kind, licence.issued_on, licence.expires_on) == ("karaoke", D(2022, 5, 1), D(2027, 4, 30))
    assert karaoke.registry_code.startswith("CS-04105-")
    assert Establishment.objects.get(name="Nhà nghỉ Hoa Mai").opened_on == D(2020, 2, 1)


def test_a_second_import_of_the_same_file_changes_nothing(commune_officer, commune):
    # given
    _import(commune_officer, GOOD_ROWS)
    before = _counts()
    versions = list(Establishment.objects.order_by("pk").values_list("version", flat=True))
    # when
    _plan, counts = _import(commune_officer, GOOD_ROWS)
    # then
    assert counts == {"created": 0, "updated": 0, "unchanged": 3}
    assert _counts() == before
    assert list(Establishment.objects.order_by("pk").values_list("version", flat=True)) == versions


def test_wrong_headers_are_refused_before_reading_rows(commune_officer):
    headers = [header_text(column) for column in COLUMNS]
    headers[2] = "Loại cơ sở"
    with pytest.raises(SheetError) as caught:
        _import(commune_officer, GOOD_ROWS, headers=headers)
    assert "cột C phải là «Loại hình (*)»" in str(caught.value)
    assert not Establishment.objects.exists()


def test_headers_without_the_required_mark_or_diacritics_are_accepted(commune_officer, commune):
    headers = [column.header.upper() for column in COLUMNS]
    _plan, counts = _import(commune_officer, GOOD_ROWS[:1], headers=headers)
    assert counts == {"created": 1, "updated": 0, "unchanged": 0}


def test_a_file_that_is_not_a_spreadsheet_is_refused(commune_officer):
    with pytest.raises(SheetError, match="Không đọc được tệp"):
        imports.import_file_now(actor=commune_officer, file=io.BytesIO(b"not a workbook"))


def test_an_empty_sheet_is_reported(commune_officer):
    plan, counts = _import(commune_officer, [])
    assert counts is None and plan.errors[0].message == "Tệp không có dòng dữ liệu nào."


def test_a_commune_name_that_does_not_match_its_code_is_refused(commune_officer, commune):
    plan, counts = _import(commune_officer, [_row(commune_name="Xã Mường Bú")])
    assert counts is None
    assert "không khớp với mã 04105" in plan.errors[0].message


def test_rows_without_code_match_by_licence_number_and_update(commune_officer, hoa_hong):
    # given: the same licence, a corrected phone and more workers
    row = _row(
        name="Karaoke Hoa Hồng",
        type="Karaoke",
        address=hoa_hong.address,
        owner_phone="0987 654 321",
        worker_count=10,
        opened_on="01/05/2019",
        licence_number="15/GCN-ANTT",
    )
    # when
    _plan, counts = _import(commune_officer, [row])
    # then
    assert counts == {"created": 0, "updated": 1, "unchanged": 0}
    hoa_hong.refresh_from_db()
    assert (hoa_hong.owner_phone, hoa_hong.worker_count, hoa_hong.version) == ("0987 654 321", 10, 2)
    assert Establishment.objects.count() == 1


def test_registry_code_row_changes_the_status_with_history_from_the_import(commune_officer, hoa_hong):
    row = _row(
        registry_code=hoa_hong.registry_code,
        name=hoa_hong.name,
        type="Karaoke",
        address=hoa_hong.address,
        owner_name=None,
        owner_phone=None,
        worker_count=None,
        opened_on=None,
        status="Đã ngừng hoạt động",
    )
    _plan, counts = _import(commune_officer, [row])
    assert counts == {"created": 0, "updated": 1, "unchanged": 0}
    change = hoa_hong.status_changes.order_by("-id").first()
    assert (change.to_status, change.source) == ("closed", StatusChangeSource.IMPORT)
    assert "danh-sach.xlsx" in change.reason


def test_a_licence_number_recorded_in_another_commune_is_not_silently_moved(
    other_commune_officer, province_officer, other_commune, hoa_hong, system_admin
):
    # given: a provincial manager importing a row of another commune with Hoa Hồng's licence number
    row = _row(
        name="Karaoke Khác",
        type="Karaoke",
        commune_code=other_commune.code,
        address="Bản Bú",
        licence_number="15/GCN-ANTT",
    )
    plan, counts = _import(system_admin, [row])
    assert counts is None
    assert hoa_hong.registry_code in plan.errors[0].message


def test_users_without_the_right_to_manage_cannot_import(province_officer):
    with pytest.raises(PermissionDenied):
        _import(province_officer, GOOD_ROWS)


# --- export -------------------------------------------------------------------------------------------------


def test_export_round_trips_through_import(commune_officer, hoa_hong, karaoke):
    # given: a registry with a second licence, coordinates, a closed establishment
    _import(commune_officer, GOOD_ROWS)
    Establishment.objects.filter(name="Nhà nghỉ Hoa Mai").update(latitude=21.3275, longitude=103.9145)
    before = _counts()
    establishments = establishments_visible_to(commune_officer).prefetch_related("licences")
    content = export_workbook(establishments, [karaoke], [hoa_hong.unit])
    # when
    plan, counts = imports.import_file_now(actor=commune_officer, file=io.BytesIO(content))
    # then
    assert plan.errors == []
    assert counts == {"created": 0, "updated": 0, "unchanged": 4}
    assert _counts() == before


def test_export_writes_vietnamese_headers_dates_and_labels(commune_officer, hoa_hong, karaoke):
    content = export_workbook([hoa_hong], [karaoke], [hoa_hong.unit])
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Mã cơ sở", "Tên cơ sở (*)", "Loại hình (*)"]
    values = dict(zip([c.key for c in COLUMNS], [cell.value for cell in sheet[2]], strict=True))
    assert values["registry_code"] == hoa_hong.registry_code
    assert values["status"] == "Đang hoạt động"
    assert values["opened_on"].date() == D(2019, 5, 1)
    assert values["licence_kind"] == "Giấy chứng nhận đủ điều kiện về an ninh, trật tự"


def test_the_template_has_the_headers_and_lists_the_users_communes(commune, other_commune):
    content = template_workbook([establishment_type("karaoke")], [commune])
    workbook = load_workbook(io.BytesIO(content))
    assert [cell.value for cell in workbook.worksheets[0][1]] == [header_text(c) for c in COLUMNS]
    assert workbook.worksheets[0].max_row == 1
    lists = workbook["Danh mục"]
    assert [lists.cell(row=2, column=i).value for i in (1, 4, 5)] == ["Karaoke", "04105", "Phường Tô Hiệu"]
    assert "Hướng dẫn" in workbook.sheetnames


# --- jobs ---------------------------------------------------------------------------------------------------


def _upload(rows, name="danh-sach.xlsx"):
    return SimpleUploadedFile(name, _sheet(rows).getvalue(), content_type=XLSX)


def test_an_import_job_runs_in_the_background_task_and_records_progress(
    commune_officer, commune, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        job = imports.import_job_start(actor=commune_officer, file=_upload(GOOD_ROWS))
    # then
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert (job.rows_done, job.rows_total) == (3, 3)
    assert job.result == {"errors": [], "created": 3, "updated": 0, "unchanged": 0}
    assert job.finished_at is not None
    assert imports.import_job_progress(job) == 3


def test_a_failed_job_keeps_the_per_row_report(commune_officer, commune, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = imports.import_job_start(actor=commune_officer, file=_upload([_row(), _row(type="?")]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert [error["row"] for error in job.result["errors"]] == [3]
    assert not Establishment.objects.exists()


def test_the_job_uses_the_jurisdiction_chosen_when_it_was_started(
    commune_officer, commune, django_capture_on_commit_callbacks
):
    # given: the membership is withdrawn before the worker picks the job up
    job = imports.import_job_start(actor=commune_officer, file=_upload(GOOD_ROWS))
    commune_officer.memberships.update(is_active=False)
    # when
    imports.import_job_run(job.pk)
    # then
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "không còn hiệu lực" in job.result["errors"][0]["message"]
    assert not Establishment.objects.exists()


def test_a_job_already_started_is_not_run_twice(commune_officer, commune, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = imports.import_job_start(actor=commune_officer, file=_upload(GOOD_ROWS))
    imports.import_job_run(job.pk)
    assert Establishment.objects.count() == 3


def test_a_file_that_is_not_xlsx_is_refused_at_upload(commune_officer):
    with pytest.raises(ValidationError) as caught:
        imports.import_job_start(
            actor=commune_officer, file=SimpleUploadedFile("a.csv", b"ten,dia chi", content_type="text/csv")
        )
    assert caught.value.error_dict["file"][0].code == "not_xlsx"
    assert not ImportJob.objects.exists()


def test_an_upload_with_wrong_headers_fails_with_the_reason(
    commune_officer, django_capture_on_commit_callbacks
):
    file = SimpleUploadedFile("sai.xlsx", _sheet(GOOD_ROWS, headers=["Tên"]).getvalue(), content_type=XLSX)
    with django_capture_on_commit_callbacks(execute=True):
        job = imports.import_job_start(actor=commune_officer, file=file)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "Dòng tiêu đề không đúng mẫu" in job.result["errors"][0]["message"]


def test_a_commune_found_by_name_must_be_unambiguous(system_admin, son_la, commune):
    make_commune(son_la, "04999", "Xã Tô Hiệu")  # a second "Tô Hiệu" in the jurisdiction
    plan, counts = _import(system_admin, [_row(commune_code=None, commune_name="Tô Hiệu")])
    assert counts is None
    assert "hãy ghi mã" in plan.errors[0].message

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions

from pcmd.core.api_errors import INVALID_INPUT, exception_handler


def test_django_validation_error_becomes_400_with_field_errors():
    # when
    response = exception_handler(DjangoValidationError({"code": ["Mã không tồn tại."]}), {})
    # then
    assert response is not None
    assert response.status_code == 400
    assert response.data["detail"] == INVALID_INPUT
    assert response.data["errors"] == {"code": ["Mã không tồn tại."]}


def test_plain_django_validation_error_is_reported_as_non_field_error():
    response = exception_handler(DjangoValidationError("Ngày không hợp lệ."), {})
    assert response is not None
    assert response.data["errors"] == {"non_field_errors": ["Ngày không hợp lệ."]}


def test_http404_has_a_vietnamese_detail():
    response = exception_handler(Http404(), {})
    assert response is not None
    assert response.status_code == 404
    assert response.data == {"detail": "Không tìm thấy.", "code": "not_found", "errors": {}}


def test_permission_denied_from_a_service_is_403_with_vietnamese_detail():
    response = exception_handler(PermissionDenied(), {})
    assert response is not None
    assert response.status_code == 403
    assert response.data["detail"] == "Bạn không có quyền thực hiện thao tác này."


def test_drf_validation_error_keeps_its_field_errors():
    response = exception_handler(exceptions.ValidationError({"level": ["Cấp không hợp lệ."]}), {})
    assert response is not None
    assert response.status_code == 400
    assert response.data["errors"] == {"level": ["Cấp không hợp lệ."]}


def test_unknown_exceptions_are_left_to_django():
    assert exception_handler(RuntimeError("boom"), {}) is None


def test_a_stale_edit_keeps_its_code_so_clients_can_offer_to_reload():
    error = DjangoValidationError({"version": [DjangoValidationError("Đã có người sửa.", code="stale")]})
    response = exception_handler(error, {})
    assert response is not None
    assert response.status_code == 400
    assert response.data["code"] == "stale"
    assert response.data["errors"] == {"version": ["Đã có người sửa."]}


def test_whole_record_errors_of_a_service_are_named_non_field_errors():
    from django.core.exceptions import NON_FIELD_ERRORS

    error = DjangoValidationError({NON_FIELD_ERRORS: ["Kế hoạch đã được ban hành."], "number": ["Nhập số."]})
    response = exception_handler(error, {})
    assert response is not None
    assert response.data["code"] == "invalid"
    assert response.data["errors"] == {
        "non_field_errors": ["Kế hoạch đã được ban hành."],
        "number": ["Nhập số."],
    }


def test_the_whole_api_schema_generates_without_a_warning(capsys):
    from django.core.management import call_command

    call_command("spectacular", "--file", "/dev/null", "--validate", "--fail-on-warn")
    assert "Warning" not in capsys.readouterr().err

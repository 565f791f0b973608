import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pcmd.person_sanctions.models import PersonSanctionTally
from pcmd.person_sanctions.tests.factories import tally_via_services

D = datetime.date
LIST = reverse("person_sanctions:list")


def section(body: str, testid: str, end: str = "</table>") -> str:
    start = body.find(f'data-testid="{testid}"')
    return body[start : body.index(end, start)] if start >= 0 else ""


@pytest.fixture
def tallies(police_officer, commune, buying_sex):
    return [
        tally_via_services(police_officer, commune, buying_sex, note="Đối tượng Lò Văn Ẩn"),
        tally_via_services(
            police_officer,
            commune,
            buying_sex,
            act="selling_sex",
            persons_count=2,
            decisions_count=2,
            total_fines=2_000_000,
        ),
    ]


def form_data(commune, provision, **overrides):
    return {
        "unit": commune.code,
        "period_start": "01/01/2026",
        "period_end": "30/06/2026",
        "act": "buying_sex",
        "provision": provision.pk,
        "persons_count": "6",
        "decisions_count": "5",
        "total_fines": "7500000",
        **overrides,
    }


def test_holders_see_the_totals_and_the_tallies(login, police_officer, tallies):
    response = login(police_officer).get(LIST)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Tô Hiệu" in section(body, "tally-table")
    summary = section(body, "summary-table")
    assert "Bán dâm" in summary and "&lt;5" not in summary
    assert 'data-testid="tally-create"' in body


def test_the_coordinator_sees_only_suppressed_totals(login, province_officer, tallies):
    response = login(province_officer).get(LIST)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="tally-table"' not in body and 'data-testid="tally-create"' not in body
    assert "&lt;5" in section(body, "summary-table") and 'data-testid="suppression-note"' in body


def test_another_province_sees_no_figure(login, other_province_police_officer, tallies):
    body = login(other_province_police_officer).get(LIST).content.decode()
    assert 'data-testid="summary-table"' not in body and "Tô Hiệu" not in body


def test_a_tally_of_another_province_is_not_found(login, other_province_police_officer, tallies):
    client = login(other_province_police_officer)
    assert client.get(reverse("person_sanctions:edit", args=[tallies[0].pk])).status_code == 404
    assert (
        client.post(reverse("person_sanctions:delete", args=[tallies[0].pk]), {"version": 1}).status_code
        == 404
    )


def test_the_coordinator_cannot_open_the_forms(login, province_officer, tallies):
    client = login(province_officer)
    assert client.get(reverse("person_sanctions:create")).status_code == 403
    assert client.get(reverse("person_sanctions:edit", args=[tallies[0].pk])).status_code == 403


def test_a_tally_is_entered_from_the_form(login, police_officer, commune, buying_sex):
    response = login(police_officer).post(reverse("person_sanctions:create"), form_data(commune, buying_sex))
    assert response.status_code == 302
    assert PersonSanctionTally.objects.get().total_fines == 7_500_000


def test_bad_input_gets_vietnamese_field_errors(login, police_officer, commune, buying_sex):
    response = login(police_officer).post(
        reverse("person_sanctions:create"),
        form_data(commune, buying_sex, period_start="01/01/2025", period_end="31/12/2025", total_fines="1"),
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "không được áp dụng trong kỳ 01/01/2025 – 31/12/2025" in body
    assert "phải từ 6.000.000 đến 12.000.000 đồng" in body
    assert not PersonSanctionTally.objects.exists()


def test_a_reversed_period_on_the_form(login, police_officer, commune, buying_sex):
    response = login(police_officer).post(
        reverse("person_sanctions:create"),
        form_data(commune, buying_sex, period_start="30/06/2026", period_end="01/01/2026"),
    )
    assert response.status_code == 400
    assert "Ngày kết thúc kỳ không được trước ngày bắt đầu." in response.content.decode()


def test_a_stale_correction_is_explained(login, police_officer, commune, buying_sex, tallies):
    tally = tallies[0]
    url = reverse("person_sanctions:edit", args=[tally.pk])
    client = login(police_officer)
    assert (
        client.post(
            url,
            {
                **form_data(
                    commune, buying_sex, persons_count="7", decisions_count="7", total_fines="7000000"
                ),
                "version": "1",
            },
        ).status_code
        == 302
    )
    stale = client.post(
        url,
        {
            **form_data(commune, buying_sex, persons_count="8", decisions_count="8", total_fines="8000000"),
            "version": "1",
        },
    )
    assert stale.status_code == 400 and "Bản ghi đã được người khác sửa" in stale.content.decode()
    tally.refresh_from_db()
    assert tally.persons_count == 7


def test_a_tally_is_deleted(login, police_officer, tallies):
    response = login(police_officer).post(
        reverse("person_sanctions:delete", args=[tallies[0].pk]), {"version": "1"}
    )
    assert response.status_code == 302
    assert PersonSanctionTally.objects.count() == 1


def test_the_export_has_no_personal_data(login, police_officer, tallies):
    response = login(police_officer).get(reverse("person_sanctions:export"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Tổng hợp", "Chi tiết theo đơn vị"]
    cells = [
        str(c)
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
        for c in row
        if c is not None
    ]
    assert "Lò Văn Ẩn" not in " ".join(cells)
    detail = list(workbook["Chi tiết theo đơn vị"].iter_rows(values_only=True))
    assert detail[1][1] == "Phường Tô Hiệu" and detail[1][7] in (6, 2)


def test_the_export_for_others_holds_only_suppressed_totals(login, province_officer, tallies):
    response = login(province_officer).get(reverse("person_sanctions:export"))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Tổng hợp"]
    rows = list(workbook["Tổng hợp"].iter_rows(values_only=True))
    selling = next(row for row in rows if row and row[2] == "Bán dâm")
    assert (selling[3], selling[4], selling[5]) == ("<5", "<5", None)


def test_users_without_membership_get_nothing(login, no_membership_user):
    assert login(no_membership_user).get(LIST).status_code == 403
    assert login(no_membership_user).get(reverse("person_sanctions:export")).status_code == 403

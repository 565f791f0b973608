import datetime

from pcmd.legal.tests.factories import LegalDocumentFactory, LegalProvisionFactory

D = datetime.date
URL = "/api/v1/legal-references/"


def test_legal_references_filtered_by_day_subject_and_document_number(api, inspector):
    document = LegalDocumentFactory.create(number="500/2026/NĐ-CP", effective_from=D(2026, 1, 1))
    karaoke = LegalProvisionFactory.create(document=document, act="Karaoke quá giờ")
    client = api(inspector)
    # when
    rows = client.get(URL, {"valid_on": "2026-03-01", "applies_to": "organisation"}).json()["results"]
    # then
    assert [row["id"] for row in rows] == [karaoke.pk]
    assert rows[0]["reference"] == f"Điểm a khoản 1 Điều {karaoke.article} Nghị định 500/2026/NĐ-CP"
    assert rows[0]["fine_min"] == 5_000_000 and rows[0]["document"]["number"] == "500/2026/NĐ-CP"
    by_number = client.get(URL, {"document": "282/2025/nđ-cp"}).json()
    assert by_number["count"] == 2
    before = client.get(URL, {"valid_on": "14/12/2025", "document": "282/2025/NĐ-CP"}).json()
    assert before["count"] == 0


def test_bad_filters_are_400_with_vietnamese_field_errors(api, inspector):
    response = api(inspector).get(URL, {"valid_on": "31/02/2026", "applies_to": "robot", "document": "1/1"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["valid_on"] == ["Ngày không hợp lệ. Dùng dạng dd/mm/yyyy hoặc yyyy-mm-dd."]
    assert errors["applies_to"] == ["«robot» không phải là lựa chọn hợp lệ."]
    assert errors["document"] == ["Không tìm thấy văn bản «1/1»."]


def test_a_case_worker_gets_403_and_anonymous_401(api, case_worker):
    assert api(case_worker).get(URL).status_code == 403
    assert api().get(URL).status_code == 401


def test_detail_of_a_provision(api, police_officer):
    provision = LegalProvisionFactory.create()
    body = api(police_officer).get(f"{URL}{provision.pk}/").json()
    assert body["act"] == provision.act and body["applies_to_display"] == "Tổ chức"
    assert api(police_officer).get(f"{URL}999999/").status_code == 404

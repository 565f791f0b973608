import datetime

from django.urls import reverse

from pcmd.legal.models import LegalProvision
from pcmd.legal.tests.factories import LegalDocumentFactory, LegalProvisionFactory

D = datetime.date


def section(body: str, testid: str) -> str:
    start = body.find(f'data-testid="{testid}"')
    return body[start : body.index("</table>", start)] if start >= 0 else ""


def test_an_inspector_reads_the_documents_and_provisions_without_edit_buttons(login, inspector):
    response = login(inspector).get(reverse("legal:index"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nghị định 282/2025/NĐ-CP" in section(body, "document-table")
    provisions = section(body, "provision-table")
    assert "Điều 32 Nghị định 282/2025/NĐ-CP" in provisions
    assert "1.000.000 – 2.000.000 đồng" in provisions
    assert "Thêm căn cứ xử phạt" not in body


def test_the_provision_list_filters_by_day_and_subject(login, inspector):
    client = login(inspector)
    before = client.get(reverse("legal:index"), {"valid_on": "14/12/2025"}).content.decode()
    assert "Mua dâm" not in section(before, "provision-table")
    organisations = client.get(reverse("legal:index"), {"applies_to": "organisation"}).content.decode()
    assert "Mua dâm" not in section(organisations, "provision-table")
    individuals = client.get(reverse("legal:index"), {"applies_to": "individual"}).content.decode()
    assert "Mua dâm" in section(individuals, "provision-table")


def test_a_case_worker_is_refused_the_legal_pages(login, case_worker):
    provision = LegalProvision.objects.order_by("pk")[0]
    client = login(case_worker)
    assert client.get(reverse("legal:index")).status_code == 403
    assert client.get(provision.get_absolute_url()).status_code == 403


def test_the_menu_offers_legal_references_to_inspectors_not_to_case_workers(login, inspector, case_worker):
    assert "Văn bản pháp luật" in login(inspector).get(reverse("home")).content.decode()
    assert "Văn bản pháp luật" not in login(case_worker).get(reverse("home")).content.decode()


def test_administrator_adds_a_provision_typing_amounts_with_dots(login, system_admin):
    document = LegalDocumentFactory.create(effective_from=D(2026, 1, 1))
    response = login(system_admin).post(
        reverse("legal:provision-create"),
        {
            "document": document.pk,
            "article": "7",
            "clause": "3",
            "point": "",
            "act": "Kinh doanh karaoke quá giờ quy định",
            "applies_to": "organisation",
            "fine_min": "10.000.000",
            "fine_max": "20 000 000",
            "valid_from": "01/01/2026",
            "valid_to": "",
        },
    )
    provision = LegalProvision.objects.get(document=document)
    assert response.status_code == 302 and response["Location"] == provision.get_absolute_url()
    assert (provision.fine_min, provision.fine_max) == (10_000_000, 20_000_000)


def test_a_reversed_fine_range_comes_back_on_the_form_in_vietnamese(login, system_admin):
    document = LegalDocumentFactory.create(effective_from=D(2026, 1, 1))
    response = login(system_admin).post(
        reverse("legal:provision-create"),
        {
            "document": document.pk,
            "article": "7",
            "act": "Hành vi",
            "applies_to": "individual",
            "fine_min": "5.000.000",
            "fine_max": "1.000.000",
            "valid_from": "01/01/2026",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Mức phạt tối đa không được nhỏ hơn mức phạt tối thiểu." in body
    assert not LegalProvision.objects.filter(document=document).exists()


def test_amounts_that_are_not_numbers_are_refused(login, system_admin):
    document = LegalDocumentFactory.create(effective_from=D(2026, 1, 1))
    response = login(system_admin).post(
        reverse("legal:provision-create"),
        {
            "document": document.pk,
            "article": "7",
            "act": "Hành vi",
            "applies_to": "individual",
            "fine_min": "năm triệu",
            "fine_max": "1.000.000",
            "valid_from": "01/01/2026",
        },
    )
    assert "Nhập số tiền bằng chữ số, ví dụ 1.000.000." in response.content.decode()


def test_a_coordinator_cannot_open_the_provision_form(login, province_officer):
    assert login(province_officer).get(reverse("legal:provision-create")).status_code == 403


def test_administrator_closes_a_provision_and_sees_the_change_in_its_history(login, system_admin):
    provision = LegalProvisionFactory.create(
        document=LegalDocumentFactory.create(effective_from=D(2026, 1, 1))
    )
    client = login(system_admin)
    response = client.post(
        reverse("legal:provision-close", args=[provision.pk]),
        {"valid_to": "30/06/2026", "version": provision.version},
    )
    assert response.status_code == 302
    provision.refresh_from_db()
    assert provision.valid_to == D(2026, 6, 30)
    body = client.get(provision.get_absolute_url()).content.decode()
    assert 'data-testid="change-history"' in body
    assert "30/06/2026" in body[body.index('data-testid="change-history"') :]


def test_closing_before_the_start_shows_the_error_on_the_field(login, system_admin):
    provision = LegalProvisionFactory.create(
        document=LegalDocumentFactory.create(effective_from=D(2026, 1, 1))
    )
    response = login(system_admin).post(
        reverse("legal:provision-close", args=[provision.pk]),
        {"valid_to": "31/12/2025", "version": provision.version},
    )
    assert response.status_code == 400
    assert "Ngày kết thúc không được trước ngày bắt đầu." in response.content.decode()


def test_administrator_edits_a_document(login, system_admin):
    document = LegalDocumentFactory.create(effective_from=D(2026, 1, 1))
    response = login(system_admin).post(
        reverse("legal:document-edit", args=[document.pk]),
        {
            "number": document.number,
            "kind": "decree",
            "title": "Trích yếu mới",
            "issuer": "Chính phủ",
            "effective_from": "01/01/2026",
            "version": document.version,
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title, document.version) == ("Trích yếu mới", 2)


def test_administrator_adds_a_document_superseding_nothing(login, system_admin):
    response = login(system_admin).post(
        reverse("legal:document-create"),
        {
            "number": "55/2026/NĐ-CP",
            "kind": "decree",
            "title": "Quy định xử phạt",
            "issuer": "Chính phủ",
            "effective_from": "01/07/2026",
        },
    )
    assert response.status_code == 302
    assert "55/2026/NĐ-CP" in login(system_admin).get(reverse("legal:index")).content.decode()


def test_a_coordinator_reads_a_document_but_cannot_edit_it(login, province_officer):
    document = LegalProvision.objects.order_by("pk")[0].document
    client = login(province_officer)
    body = client.get(document.get_absolute_url()).content.decode()
    assert "Nghị định 282/2025/NĐ-CP" in body and "Thêm căn cứ" not in body
    assert client.get(reverse("legal:document-edit", args=[document.pk])).status_code == 403

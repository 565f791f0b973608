import datetime
from decimal import Decimal

import pytest
from django.http import Http404
from django.utils import timezone

from pcmd.tips import receipts, selectors
from pcmd.tips.models import Tip, TipCategory, TipStatus
from pcmd.tips.tests.factories import submit, walk

S = TipStatus


@pytest.fixture
def all_tips(commune_tip, province_tip, other_commune_tip, other_province_tip):
    return commune_tip, province_tip, other_commune_tip, other_province_tip


def test_a_commune_officer_sees_only_the_communes_tips(commune_officer, all_tips, commune_tip):
    assert list(selectors.tips_visible_to(commune_officer)) == [commune_tip]


def test_the_province_sees_every_tip_of_the_province(province_officer, all_tips):
    commune_tip, province_tip, other_commune_tip, _other = all_tips
    assert set(selectors.tips_visible_to(province_officer)) == {commune_tip, province_tip, other_commune_tip}


@pytest.mark.parametrize(
    "persona", ["case_worker", "inspector", "leader", "no_membership_user", "anonymous_user"]
)
def test_users_who_do_not_handle_tips_see_none(persona, request, all_tips, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    user = AnonymousUser() if persona == "anonymous_user" else request.getfixturevalue(persona)
    assert not selectors.tips_visible_to(user).exists()  # type: ignore[arg-type]


@pytest.mark.parametrize("persona", ["other_commune_officer", "other_province_officer", "case_worker"])
def test_outsiders_get_404_for_a_tip(persona, request, commune_tip):
    with pytest.raises(Http404):
        selectors.tip_get(request.getfixturevalue(persona), commune_tip.pk)


def test_a_province_tip_is_not_shown_to_a_commune(commune_officer, province_tip):
    with pytest.raises(Http404):
        selectors.tip_get(commune_officer, province_tip.pk)


def test_the_system_administrator_sees_every_province(system_admin, all_tips):
    assert selectors.tips_visible_to(system_admin).count() == 4


def test_filters_by_status_unit_category_and_overdue(province_officer, all_tips, other_commune):
    commune_tip, province_tip, other_commune_tip, _other = all_tips
    walk(commune_tip, province_officer, S.VERIFYING)
    Tip.objects.filter(pk=province_tip.pk).update(stage_due_at=timezone.now() - datetime.timedelta(days=1))
    assert list(selectors.tips_visible_to(province_officer, status=S.VERIFYING)) == [commune_tip]
    assert list(selectors.tips_visible_to(province_officer, unit=other_commune)) == [other_commune_tip]
    assert list(selectors.tips_visible_to(province_officer, overdue=True)) == [province_tip]
    assert list(selectors.overdue_tips(province_officer)) == [province_tip]
    assert not selectors.tips_visible_to(province_officer, category=TipCategory.TRAFFICKING).exists()


def test_lists_do_not_load_the_content(province_officer, all_tips):
    tip = selectors.tips_visible_to(province_officer).first()
    assert tip is not None
    assert {"content", "place"} <= tip.get_deferred_fields()


# --- the on-time rate ---------------------------------------------------------------------------------------


def test_the_on_time_rate_counts_handled_tips_and_those_overdue_in_the_period(province_officer, all_tips):
    commune_tip, province_tip, other_commune_tip, _other = all_tips
    today = timezone.localdate()
    # given one tip handled on time, one handled late, one still overdue, one not yet due
    walk(commune_tip, province_officer, S.HANDLED)
    Tip.objects.filter(pk=other_commune_tip.pk).update(
        stage_due_at=timezone.now() - datetime.timedelta(hours=1)
    )
    other_commune_tip.refresh_from_db()
    walk(other_commune_tip, province_officer, S.HANDLED)
    late = submit(province_tip.province, content="Tin quá hạn chưa xử lý.").tip
    Tip.objects.filter(pk=late.pk).update(stage_due_at=timezone.now() - datetime.timedelta(hours=2))
    # when
    rate = selectors.tip_on_time_rate(province_officer, start=today.replace(day=1), end=today)
    # then
    assert (rate.due, rate.on_time, rate.rate) == (3, 1, Decimal("33.3"))


def test_the_on_time_rate_is_scoped_and_none_without_due_tips(
    commune_officer, other_commune_officer, other_commune_tip, no_membership_user
):
    today = timezone.localdate()
    assert selectors.tip_on_time_rate(commune_officer, start=today, end=today).rate is None
    # when another commune handles its tip
    walk(other_commune_tip, other_commune_officer, S.HANDLED)
    # then it counts there only
    assert selectors.tip_on_time_rate(other_commune_officer, start=today, end=today).due == 1
    assert selectors.tip_on_time_rate(commune_officer, start=today, end=today).due == 0
    assert selectors.tip_on_time_rate(no_membership_user, start=today, end=today).due == 0


def test_a_leader_sees_the_rate_of_the_province(leader, province_officer, commune_tip):
    walk(commune_tip, province_officer, S.HANDLED)
    today = timezone.localdate()
    assert selectors.tip_on_time_rate(leader, start=today, end=today).rate == Decimal("100.0")


# --- the receipt --------------------------------------------------------------------------------------------


@pytest.fixture
def hash_checks(monkeypatch):
    calls = []
    real = receipts.check_password

    def counting(raw, encoded):
        calls.append(raw)
        return real(raw, encoded)

    monkeypatch.setattr(receipts, "check_password", counting)
    return calls


def test_the_receipt_finds_its_tip_however_it_is_typed(son_la):
    submitted = submit(son_la)
    code = submitted.receipt
    assert selectors.tip_by_receipt(code) == submitted.tip
    assert selectors.tip_by_receipt(code.lower().replace("-", " ")) == submitted.tip
    assert selectors.tip_by_receipt(code.replace("0", "O").replace("1", "I")) == submitted.tip


def test_a_wrong_an_unknown_and_a_malformed_receipt_all_give_nothing_after_one_hash_check(
    son_la, hash_checks
):
    code = submit(son_la).receipt.replace("-", "")
    wrong = code[:8] + ("0" if code[8] != "0" else "1") + code[9:]
    unknown = ("Z" if code[0] != "Z" else "Y") + code[1:]
    for attempt in (wrong, unknown, "abc", ""):
        hash_checks.clear()
        assert selectors.tip_by_receipt(attempt) is None
        assert len(hash_checks) == 1


def test_receipts_carry_enough_entropy_and_read_in_groups():
    receipt = receipts.new_receipt()
    assert len(receipt.code) == 24 and set(receipt.code) <= set(receipts.ALPHABET)
    assert receipts.SECRET_LENGTH * 5 >= 64
    assert receipt.display.count("-") == 5 and len(receipt.display.split("-")[0]) == 4
    assert len({receipts.new_receipt().code for _ in range(50)}) == 50


# --- the portal's lists -------------------------------------------------------------------------------------


def test_the_portal_lists_a_provinces_communes_only(son_la, commune, other_commune, other_province_commune):
    assert set(selectors.portal_communes("14")) == {commune, other_commune}
    assert not selectors.portal_communes("").exists()
    assert set(selectors.portal_provinces()) >= {son_la}

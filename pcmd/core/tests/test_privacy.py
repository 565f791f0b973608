import pytest
from auditlog.registry import auditlog

from pcmd.core.privacy import SUPPRESSED, encrypted_field_names, show_count, suppress_small
from pcmd.criminal_cases.models import CaseOffender, CriminalCase


@pytest.mark.parametrize(
    ("count", "shown"), [(0, 0), (None, 0), (1, SUPPRESSED), (4, SUPPRESSED), (5, 5), (120, 120)]
)
def test_counts_from_one_to_four_are_suppressed(count, shown):
    assert suppress_small(count) == shown


def test_a_reader_allowed_to_see_the_records_gets_the_exact_count():
    assert show_count(3, suppress=False) == 3
    assert show_count(3, suppress=True) == SUPPRESSED


def test_encrypted_fields_are_kept_out_of_the_change_log():
    assert encrypted_field_names(CaseOffender) == ["full_name"]
    assert "full_name" in auditlog.get_model_fields(CaseOffender)["exclude_fields"]
    assert "summary" in auditlog.get_model_fields(CriminalCase)["exclude_fields"]


def test_no_model_of_any_app_copies_an_encrypted_field_into_the_change_log():
    from django.apps import apps

    checked = 0
    for model in apps.get_models():
        names = encrypted_field_names(model)
        if names and auditlog.contains(model):
            assert set(names) <= set(auditlog.get_model_fields(model)["exclude_fields"]), model
            checked += 1
    assert checked >= 2

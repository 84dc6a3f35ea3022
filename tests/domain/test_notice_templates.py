"""The rules of the notices' templates: any text made of the known fields and plain words is
taken and filled in; a field the notices do not have, or a brace left alone, is refused with
the reason; the setting takes only known kinds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.errors import CounterError
from counter_app.domain.notices import (
    FIELDS,
    SAMPLE_VALUES,
    check_template,
    check_templates,
    preview,
)

WORDS = st.text(st.characters(blacklist_characters="{}"), max_size=20)
PARTS = st.lists(st.one_of(WORDS, st.sampled_from([f"{{{name}}}" for name in FIELDS])))


@given(PARTS)
def test_known_fields_and_words_are_taken_and_filled_in(parts: list[str]) -> None:
    text = "".join(parts)
    check_template(text)
    subject, body = preview(text, text, "Một cửa xã Hoàng Đồng")
    expected = "".join(
        SAMPLE_VALUES.get(part[1:-1], "Một cửa xã Hoàng Đồng")
        if part.startswith("{") and part.endswith("}") and part[1:-1] in FIELDS
        else part
        for part in parts
    )
    assert subject == body == expected


@given(
    st.from_regex(r"[a-z_]{1,12}", fullmatch=True).filter(lambda name: name not in FIELDS),
    WORDS,
)
def test_an_unknown_field_is_refused_with_the_fields_that_exist(name: str, words: str) -> None:
    with pytest.raises(CounterError) as refused:
        check_template(f"{words}{{{name}}} {{code}}")
    assert refused.value.key == "notice.template"
    assert refused.value.params["field"] == name
    assert "{name}, {code}, {procedure}, {due}, {note}, {unit}" in refused.value.message("en")


@pytest.mark.parametrize("text", ["Kính gửi {name", "Hồ sơ } xong", "{{name}"])
def test_a_brace_left_alone_is_refused(text: str) -> None:
    with pytest.raises(CounterError) as refused:
        check_template(text)
    assert refused.value.key == "notice.template_braces"


def test_the_setting_takes_known_kinds_with_known_fields() -> None:
    good = {"refused": {"subject": "Hồ sơ {code}", "body": "Lý do: {note}"}}
    assert check_templates(good) == good
    for bad in (
        {"approved": {"subject": "x", "body": "y"}},
        {"refused": "Lý do: {note}"},
        {"refused": {"subject": "Hồ sơ {code}", "body": "Lý do: {reason}"}},
        ["refused"],
    ):
        with pytest.raises(ValueError):
            check_templates(bad)

"""Notices to the applicant: which moves call for one, the Vietnamese templates the
administrator edits, and how a failed sending is tried again."""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from counter_app.domain.clock import local
from counter_app.domain.dossier import Dossier, HistoryEntry
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action


class NoticeKind(StrEnum):
    RESULT_READY = "result_ready"
    SUPPLEMENT = "supplement"
    REFUSED = "refused"
    DUE_CHANGED = "due_changed"


class NoticeChannel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


class NoticeState(StrEnum):
    WAITING = "waiting"
    SENDING = "sending"  # claimed by a worker; found so after a stop, it may have left
    SENT = "sent"
    FAILED = "failed"


KIND_OF_MOVE = {
    Action.RESOLVE.value: NoticeKind.RESULT_READY,
    Action.REQUEST_SUPPLEMENT.value: NoticeKind.SUPPLEMENT,
    Action.REFUSE.value: NoticeKind.REFUSED,
    Action.RESUBMIT.value: NoticeKind.DUE_CHANGED,  # the supplement came: a new due date
}

# kind -> (subject, body); fields: name, code, procedure, due, note, unit
DEFAULT_TEMPLATES: dict[str, tuple[str, str]] = {
    NoticeKind.RESULT_READY.value: (
        "Hồ sơ {code} đã có kết quả",
        "Kính gửi Ông/Bà {name}. Hồ sơ {code} ({procedure}) đã có kết quả. Mời Ông/Bà đến "
        "{unit} nhận kết quả, mang theo giấy tiếp nhận hồ sơ.",
    ),
    NoticeKind.SUPPLEMENT.value: (
        "Hồ sơ {code} cần bổ sung",
        "Kính gửi Ông/Bà {name}. Hồ sơ {code} ({procedure}) cần bổ sung: {note}. Mời Ông/Bà "
        "liên hệ {unit}.",
    ),
    NoticeKind.REFUSED.value: (
        "Hồ sơ {code} không được giải quyết",
        "Kính gửi Ông/Bà {name}. Hồ sơ {code} ({procedure}) không được giải quyết. Lý do: "
        "{note}. Mời Ông/Bà liên hệ {unit} để biết thêm.",
    ),
    NoticeKind.DUE_CHANGED.value: (
        "Hồ sơ {code} có ngày hẹn trả mới",
        "Kính gửi Ông/Bà {name}. Hồ sơ {code} ({procedure}) có ngày hẹn trả kết quả mới: {due}.",
    ),
}
FIELDS = ("name", "code", "procedure", "due", "note", "unit")  # in the order they are listed
DEFAULT_UNIT = "Bộ phận Một cửa"  # {unit} while the counter has no name
DUE_FORMAT = "%H giờ %M, ngày %d/%m/%Y"
# What the administrator's preview fills a template with: a dossier as a notice would see it.
SAMPLE_VALUES = {
    "name": "Nguyễn Văn An",
    "code": "000.00.12.H37-261125-0001",
    "procedure": "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
    "due": "10 giờ 00, ngày 09/12/2026",
    "note": "Bổ sung bản sao giấy khai sinh có chứng thực",
}

MAX_ATTEMPTS = 6
FIRST_WAIT = timedelta(seconds=30)


def retry_at(attempts: int, at: datetime) -> datetime | None:
    """When to try again after `attempts` failed tries (30 s, doubling), or None: give up."""
    if attempts >= MAX_ATTEMPTS:
        return None
    wait: timedelta = FIRST_WAIT * 2 ** max(attempts - 1, 0)
    return at + wait


def check_template(text: str) -> None:
    """Refuse a template naming a field the notices do not have, or with a broken brace."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        raise CounterError("notice.template_braces") from None
    unknown = [name for name in names if name not in FIELDS]
    if unknown:
        fields = ", ".join(f"{{{name}}}" for name in FIELDS)
        raise CounterError("notice.template", field=unknown[0], fields=fields)


def filled(template: tuple[str, str], values: dict[str, str]) -> tuple[str, str]:
    """(subject, body) with the fields filled in."""
    subject, body = template
    return subject.format(**values), body.format(**values)


def preview(subject: str, body: str, unit: str) -> tuple[str, str]:
    """The template as the sample dossier would receive it; an unknown field is refused."""
    check_template(subject)
    check_template(body)
    return filled((subject, body), {**SAMPLE_VALUES, "unit": unit or DEFAULT_UNIT})


def check_templates(value: object) -> object:
    """`notices.templates` as the settings take it: kind -> {"subject", "body"}, every field
    known (a ValueError says what is wrong)."""
    if not isinstance(value, dict):
        raise ValueError("kind -> {subject, body}")
    for kind, texts in value.items():
        if kind not in DEFAULT_TEMPLATES or not isinstance(texts, dict):
            raise ValueError(f"{kind}: kind -> {{subject, body}}")
        for part in ("subject", "body"):
            try:
                check_template(str(texts.get(part) or ""))
            except CounterError as error:
                raise ValueError(f"{kind}.{part}: {error}") from None
    return value


def templates_from(setting: object) -> dict[str, tuple[str, str]]:
    """The administrator's templates (`notices.templates`: kind -> {subject, body}) over the
    defaults; one that names an unknown field is refused when set, and skipped here."""
    chosen = dict(DEFAULT_TEMPLATES)
    if isinstance(setting, dict):
        for kind, value in setting.items():
            if kind in chosen and isinstance(value, dict):
                subject = str(value.get("subject") or chosen[kind][0])
                body = str(value.get("body") or chosen[kind][1])
                try:
                    check_template(subject)
                    check_template(body)
                except CounterError:
                    continue
                chosen[kind] = (subject, body)
    return chosen


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    channel: NoticeChannel
    recipient: str
    subject: str
    body: str


def notices_for(
    dossier: Dossier,
    entry: HistoryEntry,
    templates: dict[str, tuple[str, str]],
    unit: str,
) -> list[Notice]:
    """The notices a move calls for: one per way of reaching the applicant, only with their
    consent."""
    kind = KIND_OF_MOVE.get(entry.action)
    applicant = dossier.applicant
    if kind is None or not applicant.consents_to_notices:
        return []
    due = local(dossier.due_at).strftime(DUE_FORMAT) if dossier.due_at else ""
    values = {
        "name": applicant.full_name,
        "code": dossier.code or "",
        "procedure": dossier.procedure_name,
        "due": due,
        "note": entry.note,
        "unit": unit,
    }
    subject, body = filled(templates[kind.value], values)
    notices = []
    if applicant.email:
        notices.append(Notice(kind, NoticeChannel.EMAIL, applicant.email, subject, body))
    if applicant.phone:
        notices.append(Notice(kind, NoticeChannel.SMS, applicant.phone, subject, body))
    return notices


def sms_request(template: str, phone: str, text: str) -> str:
    """The gateway's request body: the administrator's template with {phone} and {text}
    filled in, JSON-escaped (so a quote or a newline in the text cannot break the request)."""

    def escaped(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)[1:-1]

    return template.replace("{phone}", escaped(phone)).replace("{text}", escaped(text))

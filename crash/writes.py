"""The writes the crash test drives, one function each.

A write function takes the API client and a random generator, sends one request, and returns
an `Ack` only when the server acknowledged it (201 with an id, or 204 for a removal). Anything
else (a refusal, a dropped connection, a timeout) returns None: its outcome is unknown, and the
test allows either. Each Ack knows how to check, after all the crashes, that what the server
acknowledged is there and intact.

To add a kind of write: write one function like `create_ward` below, decorate it with
`@write("name", weight)`, and it is driven with the rest. A write made as another user takes its
client from `CONTEXT.as_user(email)` (created in `prepare`, before the crashes) and passes it as
the Ack's `reader`, as `raise_enquiry` (a member), `make_complaint` (an officer) and
`make_declaration` (a member) below do. An `expect` key may name a nested field ("service.id"),
and ids compare regardless of case (the server answers some in upper case).

Kinds listed in crash.py's COUPLED are also checked record against audit entry.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
import threading
import uuid
from dataclasses import dataclass, field
from typing import Callable

WRITES: dict[str, tuple[Callable, int]] = {}


def write(name: str, weight: int = 1):
    """Registers a write function under `name`, chosen with relative `weight`."""
    def register(function):
        WRITES[name] = (function, weight)
        return function
    return register


@dataclass
class Ack:
    kind: str
    id: str
    read_path: str | None            # GET this to read the record back (None: use `find`)
    expect: dict                      # fields that must read back exactly as sent
    audit_action: str                 # the audit entry its transaction must have appended
    find: Callable | None = None      # (api, id) -> record dict or None, for kinds without a GET by id
    at: float = 0.0
    superseded: bool = False          # a later write may rightly have replaced it: not checked
    reader: object | None = None      # read back as this user (an `API`) rather than the administrator

    def verify(self, api) -> str | None:
        if self.superseded:
            return None
        api = self.reader or api
        if self.read_path:
            status, body = api.get(self.read_path)
            if status != 200:
                return f"{self.kind} {self.id}: acknowledged, but GET {self.read_path} answers {status}"
            record = body
        else:
            record = self.find(api, self.id)
            if record is None:
                return f"{self.kind} {self.id}: acknowledged, but not in the list"
        for key, value in self.expect.items():
            got = _field(record, key)
            if not _same(got, value):
                return f"{self.kind} {self.id}: {key} reads back {got!r}, acknowledged as {value!r}"
        return None


_ID = re.compile(r"^([a-z]+:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)


def _field(record: dict, key: str):
    """record["a"]["b"] for key "a.b"; None when any part is missing."""
    for part in key.split("."):
        record = record.get(part) if isinstance(record, dict) else None
    return record


def _same(got, sent) -> bool:
    """Equal, except that ids ("5a59ea29-…" or "member:5a59ea29-…") compare regardless of case."""
    if isinstance(got, str) and isinstance(sent, str) and _ID.match(got) and _ID.match(sent):
        return got.lower() == sent.lower()
    return got == sent


@dataclass
class Context:
    """What the write functions share: demo records to refer to, counters for unique values, and
    API clients signed in as other demo users (`as_user`), e.g. a member to raise enquiries."""
    ward_ids: list[str] = field(default_factory=list)
    group_ids: list[str] = field(default_factory=list)
    service_ids: list[str] = field(default_factory=list)
    person_ids: dict = field(default_factory=dict)  # email -> the user's directory person id
    lock: threading.Lock = field(default_factory=threading.Lock)
    closure_dates: itertools.count = field(default_factory=lambda: itertools.count())
    make_api: Callable | None = None  # email -> API with a fresh token of that user (set by crash.py)
    apis: dict = field(default_factory=dict)

    def as_user(self, email: str):
        """An API client for another demo user, e.g. "cllr.okafor@demo.probity.test"; created once,
        before the crashes start (call it from `prepare`)."""
        with self.lock:
            if email not in self.apis:
                self.apis[email] = self.make_api(email)
            return self.apis[email]

    def next_weekday(self) -> str:
        with self.lock:
            while True:
                day = dt.date(2031, 1, 6) + dt.timedelta(days=next(self.closure_dates))
                if day.weekday() < 5:
                    return day.isoformat()


CONTEXT = Context()

ENQUIRER = "cllr.okafor@demo.probity.test"           # a member raises enquiries
COMPLAINANT = "head.highways@demo.probity.test"      # an officer complains about a member's conduct
COMPLAINED_OF = "cllr.hughes@demo.probity.test"
DECLARANT = "cllr.hughes@demo.probity.test"          # a member declares interests


def prepare(api) -> None:
    """Reads what the writes refer to, once, before the crashes start."""
    _, wards = api.get("/api/v1/directory/wards?perPage=200")
    _, groups = api.get("/api/v1/directory/groups?perPage=200")
    _, services = api.get("/api/v1/directory/services?perPage=200")
    CONTEXT.ward_ids = [w["id"] for w in wards["items"]]
    CONTEXT.group_ids = [g["id"] for g in groups["items"]]
    CONTEXT.service_ids = [s["id"] for s in services["items"]]
    for email in (ENQUIRER, COMPLAINANT, COMPLAINED_OF, DECLARANT):
        status, me = CONTEXT.as_user(email).get("/api/v1/me")
        if status != 200:
            raise RuntimeError(f"GET /api/v1/me as {email} answered {status}")
        CONTEXT.person_ids[email] = me["personId"].lower()


def _created(api, path: str, body: dict) -> dict | None:
    status, answer = api.post(path, body)
    if status == 201 and isinstance(answer, dict) and answer.get("id"):
        return answer
    return None


@write("ward", 3)
def create_ward(api, rng) -> Ack | None:
    body = {"name": f"Crash ward {uuid.uuid4().hex[:12]}", "gssCode": f"E05{rng.randint(0, 99_999_999):08d}"[:9]}
    made = _created(api, "/api/v1/directory/wards", body)
    return made and Ack("ward", made["id"], f"/api/v1/directory/wards/{made['id']}", body, "directory.wards.create")


@write("group", 2)
def create_group(api, rng) -> Ack | None:
    body = {"name": f"Crash group {uuid.uuid4().hex[:12]}", "isAdministration": False}
    made = _created(api, "/api/v1/directory/groups", body)
    return made and Ack("group", made["id"], f"/api/v1/directory/groups/{made['id']}", {"name": body["name"]},
                        "directory.groups.create")


@write("member", 3)
def create_member(api, rng) -> Ack | None:
    body = {"name": f"Cllr Crash {uuid.uuid4().hex[:12]}", "position": "councillor", "executiveRole": "none",
            "ward": rng.choice(CONTEXT.ward_ids) if CONTEXT.ward_ids else None,
            "group": rng.choice(CONTEXT.group_ids) if CONTEXT.group_ids else None}
    made = _created(api, "/api/v1/directory/members", body)
    return made and Ack("member", made["id"], f"/api/v1/directory/members/{made['id']}",
                        {"name": body["name"], "ward": body["ward"], "group": body["group"]}, "directory.members.create")


def _find_closure(api, closure_id: str) -> dict | None:
    _, body = api.get("/api/v1/calendar/closures")
    return next((c for c in body.get("items", []) if c["id"].lower() == closure_id.lower()), None)


@write("closure-day", 2)
def create_closure_day(api, rng) -> Ack | None:
    body = {"date": CONTEXT.next_weekday(), "title": f"Crash closure {uuid.uuid4().hex[:8]}"}
    made = _created(api, "/api/v1/calendar/closures", body)  # a bank holiday is refused: no Ack
    return made and Ack("closure-day", made["id"], None, body, "calendar.closure.create", find=_find_closure)


OVERRIDE_RULE = "enquiries.responseDeadline"


def _override_yaml(days: int) -> str:
    return (f'statement: "Full reply within {days} working days."\n'
            f'cite: {{document: "Crash test resolution {days}", paragraphs: ["3"]}}\n'
            f"workingDays: {days}\n")


def _find_override(api, override_id: str) -> dict | None:
    _, body = api.get("/api/v1/protocol/overrides")
    return next((o for o in body.get("items", []) if o["id"].lower() == override_id.lower()), None)


_override_lock = threading.Lock()
_last_override: list[Ack] = []


@write("rule-override", 1)
def create_rule_override(api, rng) -> Ack | None:
    """Overrides one rule, replacing the override an earlier write made (a rule is overridden at
    most once). Overrides are written one at a time; once a later override write has started,
    the earlier acknowledged override may rightly be gone, so only the last one is checked."""
    with _override_lock:
        if _last_override:
            _last_override[-1].superseded = True
        status, current = api.get("/api/v1/protocol/overrides")
        if status != 200:
            return None
        for existing in current.get("items", []):
            if existing["ruleId"] == OVERRIDE_RULE:
                if api.delete(f"/api/v1/protocol/overrides/{existing['id']}")[0] != 204:
                    return None
        body = {"ruleId": OVERRIDE_RULE, "yaml": _override_yaml(rng.randint(5, 30))}
        made = _created(api, "/api/v1/protocol/overrides", body)
        if not made:
            return None
        ack = Ack("rule-override", made["id"], None, body, "protocol.override.create", find=_find_override)
        _last_override.append(ack)
        return ack


@write("enquiry", 3)
def raise_enquiry(api, rng) -> Ack | None:
    """A member raises an enquiry with a service; read back as the member."""
    member = CONTEXT.as_user(ENQUIRER)
    body = {"subject": f"Crash enquiry {uuid.uuid4().hex[:12]}", "details": f"Crash test details {uuid.uuid4().hex}",
            "purpose": rng.choice(["council-business", "policy"]), "service": rng.choice(CONTEXT.service_ids)}
    made = _created(member, "/api/v1/enquiries", body)
    return made and Ack("enquiry", made["id"], f"/api/v1/enquiries/{made['id']}",
                        {"subject": body["subject"], "details": body["details"], "purpose": body["purpose"],
                         "service.id": body["service"]}, "enquiry.create", reader=member)


@write("complaint", 1)
def make_complaint(api, rng) -> Ack | None:
    """An officer complains about a member; read back as the complainant."""
    officer = CONTEXT.as_user(COMPLAINANT)
    body = {"kind": "complaint", "subject": f"member:{CONTEXT.person_ids[COMPLAINED_OF]}",
            "category": rng.choice(["conduct", "behaviour", "bullying-or-harassment", "other"]),
            "details": f"Crash complaint {uuid.uuid4().hex}"}
    made = _created(officer, "/api/v1/complaints", body)
    return made and Ack("complaint", made["id"], f"/api/v1/complaints/{made['id']}",
                        {"kind": body["kind"], "category": body["category"], "details": body["details"],
                         "subject.person": body["subject"],
                         "complainant.person": f"officer:{CONTEXT.person_ids[COMPLAINANT]}"},
                        "complaint.create", reader=officer)


@write("declaration", 2)
def make_declaration(api, rng) -> Ack | None:
    """A member declares a disclosable pecuniary interest; read back as the member."""
    member = CONTEXT.as_user(DECLARANT)
    category, tag = rng.choice([("employment", "bodies"), ("securities", "bodies"), ("land", "land")])
    token = uuid.uuid4().hex[:12]
    body = {"kind": "disclosable-pecuniary", "category": category, "holder": "self",
            "description": f"Crash declaration {token}", tag: [f"Crash {tag} {token}"]}
    made = _created(member, "/api/v1/declarations", body)
    return made and Ack("declaration", made["id"], f"/api/v1/declarations/{made['id']}",
                        {"kind": body["kind"], "category": category, "holder": "self",
                         "description": body["description"], f"tags.{tag}": body[tag],
                         "declarant.person": f"member:{CONTEXT.person_ids[DECLARANT]}"},
                        "declaration.create", reader=member)

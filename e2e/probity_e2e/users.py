"""The demo council's sign-ins (Sources/ProbityServer/Demo/DemoSeeder.swift), by the part they play."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoUser:
    email: str
    display_name: str
    role: str


USERS: dict[str, DemoUser] = {
    "admin": DemoUser("admin@demo.probity.test", "Aisha Khan", "administrator and platform administrator"),
    "monitoring_officer": DemoUser("monitoring.officer@demo.probity.test", "Daniel Reid", "Monitoring Officer"),
    "chief_executive": DemoUser("chief.executive@demo.probity.test", "Margaret Ellison", "Chief Executive"),
    "officer": DemoUser("head.highways@demo.probity.test", "Sam Turner", "Head of Highways"),
    "member": DemoUser("cllr.okafor@demo.probity.test", "Cllr Grace Okafor", "Leader, administration group"),
    "opposition_member": DemoUser("cllr.hughes@demo.probity.test", "Cllr Tom Hughes", "opposition group leader"),
    "assistant": DemoUser("assistant.forward@demo.probity.test", "Tariq Hussain", "political group assistant"),
}

"""`crash/run`: crashes lose nothing.

Starts a demo server, drives concurrent writes (crash/writes.py), kills the server with SIGKILL
at random moments (sometimes while it is still starting), restarts it, and afterwards proves:
- every write the server acknowledged is present and reads back as sent;
- every directory record, closure day, enquiry, complaint and declaration written during the run
  has its audit entry, and every audit entry of such a create names a record that exists (the
  write and its audit entry were one transaction: neither survives without the other);
- `probity audit verify` exits 0.

With --postgres (DATABASE_URL set by crash/run from scripts/postgres.sh), it also restarts
PostgreSQL itself (pg_ctl restart -m fast) under load, and proves the server recovers by
itself: /readyz answers 200 again and acknowledged writes resume, without restarting Probity.

Results are appended to crash/RESULTS.md with the date and the machine.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))
sys.path.insert(0, str(HERE))

from probity_e2e.server import (REPO, ProbityServer, http_status, install_signal_handlers,  # noqa: E402
                                machine_description, resolve_binary)
import writes  # noqa: E402


class API:
    """A tiny JSON client: (status, body); status 0 when the server could not be reached."""

    def __init__(self, base: str, token: str, timeout: float = 10):
        self.base, self.token, self.timeout = base, token, timeout

    def request(self, method: str, path: str, body=None):
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
                return response.status, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as error:
            try:
                return error.code, json.loads(error.read() or b"null")
            except (ValueError, OSError):
                return error.code, None
        except (OSError, ValueError):  # refused, reset, timed out, or cut off mid-body
            return 0, None

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, body):
        return self.request("POST", path, body)

    def delete(self, path):
        return self.request("DELETE", path)


class Writers:
    """Threads that keep writing, whether or not the server is up, and keep every Ack."""

    def __init__(self, api: API, threads: int, seed: int):
        self.api = api
        self.acks: list[writes.Ack] = []
        self.attempts = Counter()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(random.Random(seed + i),), daemon=True)
                        for i in range(threads)]
        names = list(writes.WRITES)
        self.names, self.weights = names, [writes.WRITES[n][1] for n in names]

    def _run(self, rng: random.Random) -> None:
        while not self.stop.is_set():
            name = rng.choices(self.names, self.weights)[0]
            with self.lock:
                self.attempts[name] += 1
            ack = writes.WRITES[name][0](self.api, rng)
            if ack:
                ack.at = time.time()
                with self.lock:
                    self.acks.append(ack)
            else:
                time.sleep(0.02)  # the server is down or refused: do not spin

    def start(self):
        for t in self.threads:
            t.start()

    def finish(self):
        self.stop.set()
        for t in self.threads:
            t.join(30)

    def count(self) -> int:
        with self.lock:
            return len(self.acks)


def kill_loop(server: ProbityServer, writers: Writers, cycles: int, rng: random.Random, log) -> list[dict]:
    history = []
    for cycle in range(1, cycles + 1):
        before = writers.count()
        server.start(wait=False)
        if rng.random() < 0.2:
            delay = rng.uniform(0.0, 1.5)  # during migration and start-up
            time.sleep(delay)
            when = f"{delay:.2f}s after spawn (starting up)"
        else:
            ready = server.wait_ready(120)
            delay = rng.uniform(0.2, 3.0)
            time.sleep(delay)
            when = f"{delay:.2f}s after ready (ready in {ready:.1f}s)"
        server.kill()
        acked = writers.count() - before
        history.append({"cycle": cycle, "killed": when, "acknowledged": acked})
        log(f"crash: cycle {cycle}/{cycles}: SIGKILL {when}; {acked} writes acknowledged in the cycle")
    return history


def pg_ctl_restart(pg_bin: str, pg_dir: str) -> float:
    # -l: the new postmaster logs to the file, not to a pipe this process would wait on.
    command = [f"{pg_bin}/pg_ctl", "-D", f"{pg_dir}/data", "-l", f"{pg_dir}/server.log", "-m", "fast", "-w", "restart"]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--"] + command
    began = time.monotonic()
    subprocess.run(command, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=120)
    return time.monotonic() - began


def postgres_restarts(server: ProbityServer, writers: Writers, restarts: int, rng: random.Random, log) -> list[dict]:
    pg_bin, pg_dir = os.environ["PROBITY_PG_BIN"], os.environ["PROBITY_PG_DIR"]
    server.start()
    history = []
    for n in range(1, restarts + 1):
        time.sleep(rng.uniform(1.0, 3.0))
        before = writers.count()
        took = pg_ctl_restart(pg_bin, pg_dir)
        restarted = time.monotonic()
        # The server must come back by itself: ready again, and writes acknowledged again.
        ready_after = None
        while time.monotonic() - restarted < 60:
            if http_status(server.url + "/readyz") == 200:
                ready_after = time.monotonic() - restarted
                break
            time.sleep(0.1)
        resumed_after = None
        mark = writers.count()
        while ready_after is not None and time.monotonic() - restarted < 60:
            if writers.count() > mark:
                resumed_after = time.monotonic() - restarted
                break
            time.sleep(0.05)
        alive = server.running()
        entry = {"restart": n, "pg_ctl_seconds": round(took, 2),
                 "ready_again_seconds": None if ready_after is None else round(ready_after, 2),
                 "writes_resumed_seconds": None if resumed_after is None else round(resumed_after, 2),
                 "server_process_survived": alive, "acknowledged_around_restart": writers.count() - before}
        history.append(entry)
        log(f"crash: PostgreSQL restart {n}/{restarts}: {entry}")
        if resumed_after is None:
            log("crash: the server did not recover from that restart; no more restarts")
            break
    time.sleep(1.0)
    server.kill()
    return history


ERROR_SIGNATURES = {
    "AsyncKit connectionRequestTimeout (no pooled connection within 10 s)": "connectionRequestTimeout",
    "PostgreSQL 57P01 terminating connection": "57P01",
    "PostgreSQL 57P03 shutting down": "57P03",
    "connection refused": "Connection refused",
    "connection reset": "Connection reset",
    "serverClosedConnection": "serverClosedConnection",
    "readiness check failed": "Readiness check failed",
}


def log_signatures(path: Path) -> str:
    """Counts the kinds of error the server logged, for the record."""
    text = path.read_text(errors="replace") if path.exists() else ""
    counts = {name: text.count(token) for name, token in ERROR_SIGNATURES.items()}
    return ", ".join(f"{n} × {name}" for name, n in counts.items() if n) or "no errors logged"


def audit_creates(api: API, action: str) -> list[dict]:
    entries, page = [], 1
    while True:
        status, body = api.get(f"/api/v1/audit?action={action}&perPage=200&page={page}")
        if status != 200:
            raise RuntimeError(f"GET /api/v1/audit?action={action} answered {status}")
        entries += [e for e in body["items"] if e["action"] == action]
        if page * 200 >= body["page"]["total"]:
            return entries
        page += 1


def list_ids(api: API, path: str) -> set[str]:
    """Every id the list at `path` shows, page by page (a list without "page" comes whole)."""
    ids, page = set(), 1
    separator = "&" if "?" in path else "?"
    while True:
        status, body = api.get(f"{path}{separator}perPage=200&page={page}")
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        ids |= {item["id"].lower() for item in body["items"]}
        if "page" not in body or page * 200 >= body["page"]["total"]:
            return ids
        page += 1


COUPLED = {  # kind: (list path, audit action of its create, user who lists it; None: the administrator)
    "ward": ("/api/v1/directory/wards", "directory.wards.create", None),
    "group": ("/api/v1/directory/groups", "directory.groups.create", None),
    "member": ("/api/v1/directory/members", "directory.members.create", None),
    "closure-day": ("/api/v1/calendar/closures", "calendar.closure.create", None),
    # Written as one demo user each, whose list shows everything they made: only that user's
    # audited creates are compared with it (the demo's seeded records have no create audit entry).
    "enquiry": ("/api/v1/enquiries", "enquiry.create", writes.ENQUIRER),
    "complaint": ("/api/v1/complaints?part=made", "complaint.create", writes.COMPLAINANT),
    "declaration": ("/api/v1/declarations", "declaration.create", writes.DECLARANT),
}


def lister(api: API, kind: str) -> API:
    email = COUPLED[kind][2]
    return writes.CONTEXT.as_user(email) if email else api


def user_id(api: API) -> str:
    status, me = api.get("/api/v1/me")
    if status != 200:
        raise RuntimeError(f"GET /api/v1/me answered {status}")
    return me["id"].lower()


def verify(api: API, acks: list[writes.Ack], before: dict[str, set[str]], log) -> list[str]:
    problems = []
    for ack in acks:
        problem = ack.verify(api)
        if problem:
            problems.append(problem)
    log(f"crash: {len(acks) - len(problems)}/{len(acks)} acknowledged writes present and intact "
        f"({sum(a.superseded for a in acks)} rule overrides rightly replaced by later ones)")
    for kind, (path, action, email) in COUPLED.items():
        now = list_ids(lister(api, kind), path)
        creates = audit_creates(api, action)
        if email:
            writer = user_id(lister(api, kind))
            creates = [e for e in creates if (e.get("actorUserId") or "").lower() == writer]
        audited = {(e.get("resourceId") or "").lower() for e in creates}
        new = now - before[kind]
        without_audit = new - audited
        orphans = audited - now
        if without_audit:
            problems.append(f"{kind}: {len(without_audit)} records without their audit entry, e.g. {sorted(without_audit)[:3]}")
        if orphans:
            problems.append(f"{kind}: {len(orphans)} audit entries of creates whose record is missing, e.g. {sorted(orphans)[:3]}")
        missing_acks = {a.id.lower() for a in acks if a.kind == kind} - audited
        if missing_acks:
            problems.append(f"{kind}: {len(missing_acks)} acknowledged writes without an audit entry")
        log(f"crash: {kind}: {len(new)} written during the run (acknowledged or not), "
            f"{len(audited)} audited creates; records and audit entries match: {not without_audit and not orphans}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(prog="crash/run", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary", nargs="?", help="probity binary (default $PROBITY_BIN or .build/debug/probity)")
    parser.add_argument("--postgres", action="store_true", help="run on PostgreSQL (crash/run starts one)")
    parser.add_argument("--cycles", type=int, default=int(os.environ.get("CRASH_CYCLES", "25")), help="SIGKILLs")
    parser.add_argument("--pg-restarts", type=int, default=3, help="PostgreSQL restarts under load")
    parser.add_argument("--writers", type=int, default=4, help="concurrent writer threads")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--no-record", action="store_true", help="do not append to crash/RESULTS.md")
    args = parser.parse_args()
    if args.postgres and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("--postgres needs DATABASE_URL: run it through crash/run --postgres")
    binary = resolve_binary(args.binary)
    seed = args.seed if args.seed is not None else random.randint(1, 10**6)
    rng = random.Random(seed)
    install_signal_handlers()
    out = Path(os.environ.get("CRASH_ARTIFACTS", REPO / "e2e-artifacts" / "crash")).resolve()
    out.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []

    def log(message: str) -> None:
        print(message, flush=True)
        lines.append(message)

    env = {"PROBITY_JOB_INTERVAL_SECONDS": "0"}
    if args.postgres:
        env["DATABASE_URL"] = os.environ["DATABASE_URL"]
    server = ProbityServer(binary, env=env, log_path=out / ("server-postgres.log" if args.postgres else "server-sqlite.log"))
    (out / server.log_path.name).unlink(missing_ok=True)
    database = "PostgreSQL" if args.postgres else "SQLite (WAL, synchronous=FULL)"
    began = time.monotonic()
    problems: list[str] = []
    history: dict = {}
    writers = None
    try:
        server.start()
        token = server.create_token("admin@demo.probity.test", "crash test")
        api = API(server.url, token)
        writes.CONTEXT.make_api = lambda email: API(server.url, server.create_token(email, "crash test"))
        writes.prepare(api)
        before = {kind: list_ids(lister(api, kind), path) for kind, (path, _, _) in COUPLED.items()}
        server.kill()
        log(f"crash: {database}, {args.cycles} SIGKILLs, {args.writers} writers, writes: {', '.join(writes.WRITES)}; seed {seed}")

        writers = Writers(api, args.writers, seed)
        writers.start()
        history["kills"] = kill_loop(server, writers, args.cycles, rng, log)
        if args.postgres:
            history["postgres_restarts"] = postgres_restarts(server, writers, args.pg_restarts, rng, log)
            for entry in history["postgres_restarts"]:
                if entry["ready_again_seconds"] is None or entry["writes_resumed_seconds"] is None:
                    problems.append(f"PostgreSQL restart {entry['restart']}: the server did not recover by itself: {entry}")
                if not entry["server_process_survived"]:
                    problems.append(f"PostgreSQL restart {entry['restart']}: the server process exited")
            if any(e["writes_resumed_seconds"] is None for e in history["postgres_restarts"]):
                problems.append("the server's log: " + log_signatures(server.log_path))
        writers.finish()

        server.start()
        problems += verify(api, writers.acks, before, log)
        server.stop()
        audit = server.cli("audit", "verify", check=False)
        log(f"crash: probity audit verify exited {audit.returncode}: {audit.stdout.strip()}")
        if audit.returncode != 0:
            problems.append(f"probity audit verify exited {audit.returncode}: {audit.stdout.strip()} {audit.stderr.strip()[-300:]}")
    except KeyboardInterrupt:
        problems.append("interrupted")
    except Exception as error:  # noqa: BLE001 - reported, and the run fails
        problems.append(f"{type(error).__name__}: {error}")
    finally:
        if writers:
            writers.finish()
        server.cleanup()

    seconds = time.monotonic() - began
    acks = writers.acks if writers else []
    attempts = sum(writers.attempts.values()) if writers else 0
    by_kind = Counter(a.kind for a in acks)
    verdict = "PASS" if not problems else "FAIL"
    log(f"crash: {verdict} in {seconds:.0f}s: {len(acks)} acknowledged writes of {attempts} attempted "
        f"({', '.join(f'{k} {v}' for k, v in sorted(by_kind.items()))})")
    for problem in problems[:50]:
        log(f"crash: PROBLEM: {problem}")
    (out / ("history-postgres.json" if args.postgres else "history-sqlite.json")).write_text(json.dumps(history, indent=2))

    if not args.no_record:
        record(verdict, database, args, seed, seconds, acks, attempts, by_kind, history, problems, binary)
    return 0 if not problems else 1


def record(verdict, database, args, seed, seconds, acks, attempts, by_kind, history, problems, binary) -> None:
    kills = history.get("kills", [])
    starting = sum("starting up" in k["killed"] for k in kills)
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "Sources"], capture_output=True, text=True).stdout.strip()
    digest = hashlib.sha256(binary.read_bytes()).hexdigest()[:12]
    built = dt.datetime.fromtimestamp(binary.stat().st_mtime).astimezone().strftime("%Y-%m-%d %H:%M %Z")
    lines = [
        f"### {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}: {database}: **{verdict}**",
        "",
        f"- Machine: {machine_description()}",
        f"- Probity: debug binary built {built} (sha256 {digest}); the repository was at {commit or 'an unknown commit'}"
        f"{' with uncommitted changes to Sources/' if dirty else ''}",
        f"- {len(kills)} SIGKILLs ({starting} while starting up), {args.writers} concurrent writers, seed {seed}, {seconds:.0f} s",
        f"- {len(acks)} writes acknowledged of {attempts} attempted: "
        + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())),
    ]
    for entry in history.get("postgres_restarts", []):
        ready = "never, in 60 s" if entry["ready_again_seconds"] is None else f"after {entry['ready_again_seconds']} s"
        resumed = "never, in 60 s" if entry["writes_resumed_seconds"] is None else f"after {entry['writes_resumed_seconds']} s"
        lines.append(f"- PostgreSQL restart {entry['restart']} under load (pg_ctl {entry['pg_ctl_seconds']} s): /readyz 200 "
                     f"again {ready}; acknowledged writes resumed {resumed}; Probity's process "
                     f"{'kept running' if entry['server_process_survived'] else 'exited'}")
    if problems:
        lines += ["- Problems:"] + [f"  - {p}" for p in problems[:20]]
    else:
        lines.append("- Every acknowledged write present and intact; records and their audit entries match; "
                     "`probity audit verify` passed.")
    results = HERE / "RESULTS.md"
    text = results.read_text() if results.exists() else ""
    marker = "## Runs (newest first)\n"
    if marker not in text:
        text = text.rstrip() + "\n\n" + marker
    head, tail = text.split(marker, 1)
    results.write_text(head + marker + "\n" + "\n".join(lines) + "\n" + tail)
    print(f"crash: recorded in {results}")


if __name__ == "__main__":
    sys.exit(main())

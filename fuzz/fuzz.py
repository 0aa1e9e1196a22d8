"""`fuzz/run`: schemathesis against the published OpenAPI document, then sqlmap at the list and
search endpoints, all against a throwaway demo server on loopback.

Passes when schemathesis reports no failure beyond fuzz/baseline.json (every entry there is a
known, reported problem) for the checks not_a_server_error, response_schema_conformance and
negative_data_rejection, and sqlmap finds nothing injectable at any target.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "e2e"))

from probity_e2e.server import REPO, ProbityServer, install_signal_handlers, resolve_binary  # noqa: E402

CHECKS = "not_a_server_error,response_schema_conformance,negative_data_rejection"
# Revoking the fuzzer's own token (its id is one GET away) would leave the rest of the run
# answering 401: a run that tests nothing.
EXCLUDED_OPERATIONS = ["revokeAnApiToken"]


def api_get(url: str, token: str):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read() or b"null")


def run_schemathesis(server: ProbityServer, token: str, out: Path, max_examples: int, seed: int) -> int:
    args = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(HERE / "schemathesis.toml"), "--no-color",
            "run", f"{server.url}/api/v1/openapi.json",
            "--header", f"Authorization: Bearer {token}",
            "--checks", CHECKS,
            "--max-examples", str(max_examples), "--seed", str(seed), "--workers", "2",
            "--request-timeout", "30",
            "--baseline", str(HERE / "baseline.json"),
            "--report", "junit,ndjson", "--report-dir", str(out / "schemathesis"),
            "--output-truncate", "true"]
    if os.environ.get("FUZZ_BASELINE_UPDATE") == "1":
        args.append("--baseline-update")  # record this run's failures as known (review the diff!)
    for operation in EXCLUDED_OPERATIONS:
        args += ["--exclude-operation-id", operation]
    print(f"fuzz: schemathesis, {max_examples} examples per operation, seed {seed}", flush=True)
    env = dict(os.environ, NO_COLOR="1", SCHEMATHESIS_HOOKS="")
    with open(out / "schemathesis.log", "w") as log:
        # In the report folder, so that schemathesis's own cache (.schemathesis/) stays out of the clone.
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=out)
        for line in process.stdout:
            log.write(line)
            sys.stdout.write(line)
        return process.wait()


def sqlmap_targets(server: ProbityServer, token: str) -> list[tuple[str, str]]:
    base = server.url + "/api/v1"
    _, members = api_get(base + "/directory/members?perPage=1", token)
    member_id = members["items"][0]["id"]
    return [
        ("audit search", base + "/audit?action=auth&actor=Aisha&outcome=success&resource=user"
                                "&from=2026-01-01&to=2099-12-31&page=1&perPage=5"),
        ("members list", base + "/directory/members?page=1&perPage=5"),
        ("wards list", base + "/directory/wards?page=2&perPage=3"),
        ("users list", base + "/users?page=1&perPage=5"),
        ("messages list", base + "/notifications?page=1&perPage=5&unread=false"),
        ("closure days and holidays", base + "/calendar/england-and-wales/holidays?from=2026-01-01&to=2026-12-31"),
        ("due date", base + "/calendar/due-date?from=2026-12-18&days=10"),
        ("protocol comparison", base + "/protocols/tower-hamlets/compare/hackney?differences=only"),
        ("enquiries list", base + f"/enquiries?status=received&overdue=false&member={member_id}&scope=all&page=1&perPage=5"),
        ("complaints list", base + "/complaints?page=1&perPage=5"),
        ("declarations list", base + "/declarations?scope=mine&page=1&perPage=5"),
        ("documents list", base + "/documents?page=1&perPage=5"),
        ("ward matters list", base + "/ward-matters?page=1&perPage=5"),
        # `*` marks the record id in the path as an injection point.
        ("member by id", base + f"/directory/members/{member_id}*"),
    ]


def run_sqlmap(name: str, url: str, token: str, out: Path) -> tuple[bool, str]:
    sqlmap = shutil.which("sqlmap")
    if sqlmap is None:
        return False, "sqlmap is not installed (Debian package `sqlmap`)"
    folder = out / "sqlmap" / re.sub(r"[^a-z0-9]+", "-", name.lower())
    folder.mkdir(parents=True, exist_ok=True)
    args = [sqlmap, "-u", url, "-H", f"Authorization: Bearer {token}", "--batch",
            "--level", "2", "--risk", "1", "--dbms", "SQLite", "--technique", "BEUT", "--time-sec", "2",
            "--threads", "2", "--timeout", "20", "--retries", "1",
            "--flush-session", "--disable-coloring", "--output-dir", str(folder)]
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=420, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return False, "sqlmap did not finish within 7 minutes"
    text = result.stdout + result.stderr
    (folder / "sqlmap.out").write_text(text)
    logs = [p for p in folder.rglob("log") if p.is_file() and p.stat().st_size > 0]
    if "identified the following injection point" in text or logs:
        return False, "INJECTABLE: " + "; ".join(re.findall(r"Parameter: .*", text)[:5] or [str(p) for p in logs])
    if "all tested parameters do not appear to be injectable" not in text:
        tail = " | ".join(line for line in text.splitlines()[-6:] if line.strip())
        return False, f"sqlmap did not complete its tests: {tail}"
    tested = sorted(set(re.findall(r"parameter '([^']+)' does not seem to be injectable", text)))
    return True, f"nothing injectable ({len(tested)} parameters: {', '.join(tested)})"


def main() -> int:
    parser = argparse.ArgumentParser(prog="fuzz/run", description=__doc__)
    parser.add_argument("binary", nargs="?", help="probity binary (default $PROBITY_BIN or .build/debug/probity)")
    args = parser.parse_args()
    binary = resolve_binary(args.binary)
    max_examples = int(os.environ.get("FUZZ_MAX_EXAMPLES", "25"))
    seed_setting = os.environ.get("FUZZ_SEED", "20261123")
    seed = random.randint(1, 2**31) if seed_setting == "random" else int(seed_setting)
    out = Path(os.environ.get("FUZZ_ARTIFACTS", REPO / "e2e-artifacts" / "fuzz")).resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    install_signal_handlers()

    began = time.monotonic()
    server = ProbityServer(binary, log_path=out / "server.log")
    failures: list[str] = []
    try:
        server.start()
        token = server.create_token("admin@demo.probity.test", "fuzz")
        status, me = api_get(server.url + "/api/v1/me", token)
        print(f"fuzz: demo server ready at {server.url}; token works for {me.get('email', me)}", flush=True)

        code = run_schemathesis(server, token, out, max_examples, seed)
        if code != 0:
            failures.append(f"schemathesis exited {code} (see {out / 'schemathesis.log'})")
        schemathesis_seconds = time.monotonic() - began

        if os.environ.get("FUZZ_SKIP_SQLMAP") != "1":
            # The schemathesis run may have changed or removed records; a fresh token still works.
            for name, url in sqlmap_targets(server, token):
                started = time.monotonic()
                ok, summary = run_sqlmap(name, url, token, out)
                print(f"fuzz: sqlmap {name}: {'ok' if ok else 'FAIL'} in {time.monotonic() - started:.0f}s: {summary}",
                      flush=True)
                if not ok:
                    failures.append(f"sqlmap {name}: {summary}")
        print(f"fuzz: schemathesis took {schemathesis_seconds:.0f}s, everything {time.monotonic() - began:.0f}s")
    except KeyboardInterrupt:
        failures.append("interrupted")
    except Exception as error:  # noqa: BLE001 - reported, then the run fails
        failures.append(f"{type(error).__name__}: {error}")
    finally:
        server.cleanup()

    log = (out / "server.log").read_text(errors="replace") if (out / "server.log").exists() else ""
    errors = [line for line in log.splitlines() if "status=5" in line or "Unhandled error" in line]
    if errors:
        print(f"fuzz: the server logged {len(errors)} server error(s), e.g.:", *errors[:10], sep="\n  ")
    print(f"fuzz: reports in {out}")
    if failures:
        print("fuzz: FAILED:", *failures, sep="\n  ")
        return 1
    print("fuzz: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

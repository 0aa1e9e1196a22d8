"""`e2e/run`: start a throwaway demo server, run the journeys against it, stop it, list the artefacts."""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from probity_e2e.server import REPO, ProbityServer, install_signal_handlers, resolve_binary  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(prog="e2e/run", description=__doc__)
    parser.add_argument("binary", nargs="?", help="probity binary (default $PROBITY_BIN or .build/debug/probity)")
    parser.add_argument("pytest_args", nargs=argparse.REMAINDER, help="after --: passed to pytest")
    args = parser.parse_args()
    extra = [a for a in args.pytest_args if a != "--"]
    binary = resolve_binary(args.binary)
    artifacts = Path(os.environ.get("E2E_ARTIFACTS", REPO / "e2e-artifacts" / "e2e")).resolve()
    shutil.rmtree(artifacts, ignore_errors=True)
    artifacts.mkdir(parents=True)
    install_signal_handlers()

    server = ProbityServer(binary, log_path=artifacts / "server.log")
    began = time.monotonic()
    code = 1
    try:
        server.start()
        print(f"e2e: demo server {binary} ready at {server.url} in {time.monotonic() - began:.1f}s", flush=True)
        env = dict(os.environ, PROBITY_E2E_URL=server.url, E2E_ARTIFACTS=str(artifacts))
        code = subprocess.call([sys.executable, "-m", "pytest", *extra], cwd=HERE, env=env)
    except KeyboardInterrupt:
        print("e2e: interrupted", file=sys.stderr)
        code = 130
    finally:
        server.cleanup()

    log = (artifacts / "server.log").read_text(errors="replace") if (artifacts / "server.log").exists() else ""
    server_errors = [line for line in log.splitlines() if "status=5" in line or "Unhandled error" in line]
    if server_errors:
        print(f"e2e: the server logged {len(server_errors)} server error(s):", *server_errors[:20], sep="\n  ")
    shots = sorted((artifacts / "screenshots").glob("*")) if (artifacts / "screenshots").exists() else []
    if shots:
        print("e2e: failure screenshots and pages:", *map(str, shots), sep="\n  ")
    print(f"e2e: accessibility report {artifacts / 'axe-report.txt'}; server log {artifacts / 'server.log'}")
    print(f"e2e: finished in {time.monotonic() - began:.0f}s with exit code {code}")
    if code == 5:  # pytest collected no tests: that is not a pass
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())

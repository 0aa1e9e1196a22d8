"""Start, stop and kill a real `probity serve` process for the harnesses (e2e, fuzz, crash).

Only loopback addresses are ever used. Each server gets its own data directory (a throwaway
one unless given) so runs never touch a developer's database.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "demo-password-2026"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def resolve_binary(path: str | None = None) -> Path:
    """The server binary: an explicit path, else $PROBITY_BIN, else .build/debug/probity."""
    candidate = Path(path or os.environ.get("PROBITY_BIN") or REPO / ".build/debug/probity")
    if not candidate.is_absolute():
        candidate = (Path.cwd() / candidate).resolve()
    if not (candidate.is_file() and os.access(candidate, os.X_OK)):
        raise SystemExit(f"No probity binary at {candidate}: run `swift build` first, or pass its path.")
    return candidate


def http_status(url: str, timeout: float = 2.0) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError, TimeoutError):
        return None


class ProbityServer:
    """One `probity serve` process on a loopback port.

    `env` is added to the process environment; DATABASE_URL there selects PostgreSQL.
    The log (stdout and stderr) is appended to `log_path`.
    """

    def __init__(self, binary: Path, *, data_dir: Path | None = None, port: int | None = None,
                 demo: bool = True, env: dict[str, str] | None = None, log_path: Path | None = None):
        self.binary = Path(binary)
        self._own_data_dir = data_dir is None
        self.data_dir = Path(data_dir) if data_dir else Path(tempfile.mkdtemp(prefix="probity-data-"))
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.demo = demo
        self.extra_env = dict(env or {})
        self.log_path = Path(log_path) if log_path else self.data_dir / "server.log"
        self.process: subprocess.Popen | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("DATABASE_URL", None)
        env["PROBITY_DATA_DIR"] = str(self.data_dir)
        env.update(self.extra_env)
        return env

    def start(self, wait: bool = True, timeout: float = 180) -> "ProbityServer":
        if self.process and self.process.poll() is None:
            raise RuntimeError("server already running")
        args = [str(self.binary), "serve", "--hostname", HOST, "--port", str(self.port)]
        if self.demo:
            args.append("--demo")
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        log.write(f"\n===== start {self.starts + 1}: {' '.join(args)}\n".encode())
        log.flush()
        # A session of its own: a Ctrl+C at the terminal reaches the harness, which stops the server itself.
        self.process = subprocess.Popen(args, env=self.environment(), stdout=log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, cwd=self.data_dir, start_new_session=True)
        log.close()
        self.starts += 1
        if wait:
            self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout: float = 180) -> float:
        """Waits for /readyz to answer 200; returns the seconds it took."""
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"probity exited with {self.process.returncode} before it was ready:\n{self.log_tail()}")
            if http_status(self.url + "/readyz") == 200:
                return time.monotonic() - began
            time.sleep(0.2)
        raise TimeoutError(f"probity was not ready after {timeout:.0f}s:\n{self.log_tail()}")

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 20) -> int | None:
        """SIGTERM (Vapor finishes in-flight requests), then SIGKILL if it lingers."""
        if not self.process:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def kill(self) -> None:
        """SIGKILL: the process gets no chance to flush or finish anything."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def cli(self, *args: str, input: str | None = None, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
        """Runs another `probity` command against the same database."""
        return subprocess.run([str(self.binary), *args], env=self.environment(), cwd=self.data_dir, input=input,
                              capture_output=True, text=True, check=check, timeout=timeout)

    def create_token(self, email: str = "admin@demo.probity.test", name: str = "harness") -> str:
        out = self.cli("token", "create", "--email", email, "--name", name).stdout.strip().splitlines()
        token = next((line.strip() for line in reversed(out) if line.strip().startswith("pbt_")), None)
        if not token:
            raise RuntimeError(f"`probity token create` printed no token: {out}")
        return token

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def cleanup(self) -> None:
        self.stop()
        if self._own_data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> "ProbityServer":
        return self

    def __exit__(self, *exc) -> None:
        self.cleanup()


def install_signal_handlers() -> None:
    """SIGTERM and SIGHUP end the harness like Ctrl+C does, so `finally` blocks stop the servers."""
    def handler(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, handler)


def machine_description() -> str:
    """`nproc`, `uname -m` and memory, for results files."""
    import platform
    mem = "unknown memory"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB memory"
    except OSError:
        pass
    return f"{os.cpu_count()} cores (nproc), {platform.machine()}, {mem}, {platform.system()} {platform.release()}"


def dump_json(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, sort_keys=True, default=str))

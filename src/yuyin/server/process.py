"""A ``yuyin serve`` subprocess on a loopback port, for the load benchmark and the tests.

The server binds 127.0.0.1 on a free port (``--port 0``); entering the context waits for its
``ready on`` line and exposes ``url``. Leaving it sends SIGTERM and waits for the exit.
"""
from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time
from typing import Sequence

_READY = re.compile(r"yuyin: ready on (http://\S+)")


class ServerProcess:
    """``with ServerProcess(["--voice", pack]) as server: httpx.get(server.url + "/readyz")``."""

    def __init__(self, args: Sequence[str], ready_timeout: float = 180.0, env: dict[str, str] | None = None):
        self.args, self.ready_timeout = list(args), ready_timeout
        self.env = env
        self.url = ""
        self.log: list[str] = []
        self._ready = threading.Event()
        self.process: subprocess.Popen[str] | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def __enter__(self) -> "ServerProcess":
        command = [sys.executable, "-m", "yuyin.cli", "serve", "--host", "127.0.0.1", "--port", "0"] + self.args
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True, env=self.env)  # fmt: skip
        threading.Thread(target=self._read_log, name="yuyin-server-log", daemon=True).start()
        deadline = time.monotonic() + self.ready_timeout
        while not self._ready.wait(0.1):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("yuyin serve did not become ready:\n" + self.log_text())
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30.0) -> int:
        """Signal the server and wait; returns its exit status (killed after ``timeout``)."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def log_text(self) -> str:
        return "".join(self.log)

    def _read_log(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)
            match = _READY.search(line)
            if match:
                self.url = match.group(1)
                self._ready.set()

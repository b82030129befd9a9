"""Stopping the server processes the tests start: politely first, then by force."""

from __future__ import annotations

import subprocess


def stop(proc: subprocess.Popen, grace: float = 10) -> None:
    """Terminate ``proc``; kill it if it has not exited within ``grace`` seconds."""
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)

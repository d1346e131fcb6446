"""Run a command and reap every process it leaves behind: `python reaper.py CMD ...`.

Chromium forks helpers (zygote, renderer, crash handler) that outlive its main process.
Orphans go to the nearest "subreaper", else to PID 1; where PID 1 does not reap (a
container's or a sandbox's init), each PDF left defunct (zombie) processes that lived as
long as the machine. This wrapper makes itself the subreaper of the command (Linux
prctl), waits for the command, then for its orphans (ended after a grace period) and reaps
them all; its exit status is the command's. It runs as its own small process, so reaping
"any child" can never take the exit status of a process another thread of the build is
waiting for. Standalone on purpose (no package imports): it is run by file path.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
GRACE = 5.0  # seconds the command's orphans get to exit by themselves


def follow_parent(every: float = 1.0) -> None:
    """A worker process (a spawned pool's) ends when the process that started it is gone:
    killed by SIGTERM or a closed terminal, the parent cannot stop its pool, and a pool's
    workers hold their own queue's write end, so they would wait on it forever (orphans
    of `make serve` and `make site`, seen here)."""
    import threading

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="lkip-follow-parent", daemon=True).start()


def become_subreaper() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False  # not Linux: nothing is adopted, nothing to reap but the command


def children() -> list[int]:
    """Live processes whose parent is this one (read from /proc)."""
    me, out = os.getpid(), []
    for name in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not name.isdigit():
            continue
        with contextlib.suppress(OSError):
            with open(f"/proc/{name}/stat", encoding="utf-8", errors="replace") as f:
                stat = f.read()
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[1]) == me and fields[0] != "Z":
                out.append(int(name))
    return out


def reap_all(grace: float = GRACE) -> None:
    """Reap every child; those still running after `grace` seconds are killed first. Gives
    up after twice `grace` (a process stuck in the kernel cannot be killed)."""
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline + grace:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return  # no child left
        if pid:
            continue
        if time.monotonic() > deadline:
            for child in children():
                with contextlib.suppress(OSError):
                    os.kill(child, signal.SIGKILL)
        time.sleep(0.02)


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: reaper.py CMD [ARG ...]", file=sys.stderr)
        return 2
    become_subreaper()
    command = subprocess.Popen(argv)
    status = command.wait()
    reap_all()
    return status if status >= 0 else 128 - status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

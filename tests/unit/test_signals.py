"""Signals during a command: SIGINT, SIGTERM and SIGHUP end it as Ctrl-C does, also where CPython
would lose the interrupt, hold the import lock, or exit by SIGINT after it was handled. Each case
runs in an interpreter of its own, as a command does: real signals, and no test runner's threads
and handlers around them."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

_STEPS = """
import time

def steps(seconds=5.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass
"""


def _run(tmp_path: Path, script: str, *, module: bool = False) -> subprocess.CompletedProcess[str]:
    """script run by a fresh interpreter in tmp_path (as ``python -m`` where module is set)."""
    (tmp_path / "case.py").write_text(_STEPS + textwrap.dedent(script))
    command = [sys.executable, "-m", "case"] if module else [sys.executable, "case.py"]
    return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)


def test_the_block_makes_all_three_signals_interrupt_and_puts_the_handlers_back(tmp_path: Path) -> None:
    run = _run(tmp_path, """
        import signal
        from yuyin import signals

        before = {number: signal.getsignal(number) for number in signals.SIGNALS}
        try:
            with signals.terminated_like_interrupted():
                print(all(signal.getsignal(number) is signals._interrupt for number in signals.SIGNALS))
                signal.raise_signal(signal.SIGTERM)
                steps()
        except KeyboardInterrupt:
            print("interrupted", {number: signal.getsignal(number) for number in signals.SIGNALS} == before)
    """)
    assert run.stdout.split() == ["True", "interrupted", "True"], run.stderr


def test_an_interrupt_during_an_import_comes_once_the_import_is_done(tmp_path: Path) -> None:
    """Raised inside the import system it could be lost, leave the import lock held or turn into a TypeError."""
    (tmp_path / "signalled_while_imported.py").write_text(textwrap.dedent("""
        import signal, time
        signal.raise_signal(signal.SIGTERM)
        until = time.monotonic() + 0.05  # 50 ms more of importing
        while time.monotonic() < until:
            pass
        finished = True
    """))
    run = _run(tmp_path, """
        import sys
        from yuyin.signals import terminated_like_interrupted

        try:
            with terminated_like_interrupted():
                import signalled_while_imported
                steps()
        except KeyboardInterrupt:
            print("interrupted", sys.modules["signalled_while_imported"].finished)
    """)
    assert run.stdout.split() == ["interrupted", "True"], run.stderr


def test_an_interrupt_that_a_finaliser_swallowed_comes_again(tmp_path: Path) -> None:
    run = _run(tmp_path, """
        import signal, sys
        from yuyin.signals import terminated_like_interrupted

        class SignalledWhileDeleted:
            def __del__(self):
                signal.raise_signal(signal.SIGTERM)
                steps(0.01)  # the handler runs here, and its KeyboardInterrupt cannot leave __del__

        hook = sys.unraisablehook
        try:
            with terminated_like_interrupted():
                SignalledWhileDeleted()
                steps()
        except KeyboardInterrupt:
            print("interrupted", sys.unraisablehook is hook)
    """)
    assert run.stdout.split() == ["interrupted", "True"] and "Exception ignored" not in run.stderr, run.stderr


def test_a_handled_interrupt_exits_with_its_code_after_an_eval_it_left(tmp_path: Path) -> None:
    """CPython marks a KeyboardInterrupt that leaves eval() unhandled even when it is caught, and
    `python -m` then ends by SIGINT (-2) instead of sys.exit's code; forget_interrupt clears the mark."""
    run = _run(tmp_path, """
        import sys
        from yuyin.signals import forget_interrupt

        def interrupt():
            raise KeyboardInterrupt

        try:
            eval("interrupt()")
        except KeyboardInterrupt:
            forget_interrupt()
            sys.exit(130)
    """, module=True)
    assert run.returncode == 130, run.stderr

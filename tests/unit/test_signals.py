"""Signals during a command: SIGINT, SIGTERM and SIGHUP end it as Ctrl-C does, also where CPython
would lose the interrupt, hold the import lock, or exit by SIGINT after it was handled."""
from __future__ import annotations

import importlib
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from yuyin import signals
from yuyin.signals import terminated_like_interrupted


def _steps(seconds: float = 5.0) -> None:
    """Run Python steps for up to seconds; a pending signal handler runs at one of them."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass


def test_the_block_makes_all_three_signals_interrupt_and_puts_the_handlers_back() -> None:
    before = {number: signal.getsignal(number) for number in signals.SIGNALS}
    with pytest.raises(KeyboardInterrupt), terminated_like_interrupted():
        assert all(signal.getsignal(number) is signals._interrupt for number in signals.SIGNALS)
        signal.raise_signal(signal.SIGTERM)
        _steps()
    assert {number: signal.getsignal(number) for number in signals.SIGNALS} == before


def test_an_interrupt_during_an_import_comes_once_the_import_is_done(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """Raised inside the import system it could be lost, leave the import lock held or turn into a TypeError."""
    (tmp_path / "signalled_while_imported.py").write_text(textwrap.dedent("""
        import signal, time
        signal.raise_signal(signal.SIGTERM)
        until = time.monotonic() + 0.05  # 50 ms more of importing
        while time.monotonic() < until:
            pass
        finished = True
    """))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "signalled_while_imported", raising=False)
    with pytest.raises(KeyboardInterrupt), terminated_like_interrupted():
        importlib.import_module("signalled_while_imported")
        _steps()
    assert sys.modules["signalled_while_imported"].finished


def test_an_interrupt_that_a_finaliser_swallowed_comes_again(capsys: pytest.CaptureFixture[str]) -> None:
    class SignalledWhileDeleted:
        def __del__(self) -> None:
            signal.raise_signal(signal.SIGTERM)
            _steps(0.01)  # the handler runs here, and its KeyboardInterrupt cannot leave __del__

    hook = sys.unraisablehook
    with pytest.raises(KeyboardInterrupt), terminated_like_interrupted():
        SignalledWhileDeleted()
        _steps()
    assert sys.unraisablehook is hook
    assert capsys.readouterr().err == ""  # not "Exception ignored in ..."


def test_a_handled_interrupt_exits_with_its_code_after_an_eval_it_left(tmp_path: Path) -> None:
    """CPython marks a KeyboardInterrupt that leaves eval() unhandled even when it is caught, and
    `python -m` then ends by SIGINT (-2) instead of sys.exit's code; forget_interrupt clears the mark."""
    (tmp_path / "interrupted_eval.py").write_text(textwrap.dedent("""
        import sys
        from yuyin.signals import forget_interrupt

        def interrupt():
            raise KeyboardInterrupt

        try:
            eval("interrupt()")
        except KeyboardInterrupt:
            forget_interrupt()
            sys.exit(130)
    """))
    run = subprocess.run([sys.executable, "-m", "interrupted_eval"], cwd=tmp_path, capture_output=True, timeout=60)
    assert run.returncode == 130, run.stderr

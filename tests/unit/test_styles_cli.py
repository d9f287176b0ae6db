"""`yuyin say --style/--style-intensity/--ssml`: bad values fail in one line with exit 2, before loading."""
from __future__ import annotations

import pytest

from yuyin.cli import main


@pytest.mark.parametrize(("args", "message"), [
    (["--style", "euphoric"], "--style must be one of neutral, happy"),
    (["--style", "sad", "--style-intensity", "3"], "--style-intensity must be between 0.0 and 2.0"),
    (["--ssml"], "--ssml: unsupported tag <foo> at line 1, column 8"),
])  # fmt: skip
def test_say_rejects_bad_style_and_ssml(tmp_path, capsys, args: list[str], message: str) -> None:
    code = main(["say", "<speak><foo/></speak>", "-o", str(tmp_path / "x.wav"), *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1

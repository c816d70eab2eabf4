import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
HTML = sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))


def _cli():
    """The whosaid binary: $WHOSAID_BIN, else the repository's release or debug build."""
    env = os.environ.get("WHOSAID_BIN")
    if env:
        return env
    for profile in ("release", "debug"):
        p = ROOT / "target" / profile / "whosaid"
        if p.exists():
            return str(p)
    return shutil.which("whosaid")


@pytest.fixture(scope="session")
def cli():
    """Runs the CLI from the repository's root; its stdout as str."""
    binary = _cli()
    if binary is None:
        if os.environ.get("WHOSAID_REQUIRE_CLI") == "1":
            pytest.fail("the whosaid binary is required (build it with cargo build --release)")
        pytest.skip("no whosaid binary (cargo build --release)")

    def run(*args, input=None):
        out = subprocess.run([binary, *args], cwd=ROOT, input=input, capture_output=True,
                             text=True, encoding="utf-8")
        assert out.returncode in (0, 2), out.stderr
        return out.stdout

    return run

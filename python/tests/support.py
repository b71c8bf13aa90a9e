"""Where the tests find nomos: $NOMOS_JAR (the build sets it to cli/target/nomos.jar), else the
repository's ./nomos launcher (which builds the jar when the sources changed)."""

import os
import stat
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PONG = [ROOT / "examples" / "pong" / "world.law", ROOT / "examples" / "pong" / "reference.law"]
PONG_TEST = ROOT / "examples" / "pong" / "test.jsonl"

sys.path.insert(0, str(ROOT / "python" / "src"))


def launcher() -> Path:
    jar = os.environ.get("NOMOS_JAR")
    return Path(jar).resolve() if jar else ROOT / "nomos"


def nomos_home(directory: Path) -> Path:
    """A directory whose ``nomos`` runs the nomos under test, for code that finds it by NOMOS_HOME."""
    script = directory / "nomos"
    target = launcher()
    if target.suffix == ".jar":
        java = str(Path(os.environ["JAVA_HOME"]) / "bin" / "java") if os.environ.get("JAVA_HOME") else "java"
        script.write_text(f'#!/bin/sh\nexec "{java}" -jar "{target}" "$@"\n')
    else:
        script.write_text(f'#!/bin/sh\nexec "{target}" "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return directory


def temp_dir(test) -> Path:
    """A temporary directory removed when ``test`` ends."""
    d = tempfile.TemporaryDirectory()
    test.addCleanup(d.cleanup)
    return Path(d.name)

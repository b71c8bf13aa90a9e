import os
import shutil
import subprocess
import unittest

from tests import support


class LauncherFlagsTest(unittest.TestCase):
    """The repository's ./nomos launcher gives `learn` its own JVM flags (docs/learning.md, "The JVM
    that learns") and leaves every other command, and a user's NOMOS_JAVA_OPTS, alone. A `java` that
    prints its arguments stands in for the real one; the jar is a fresh empty file, so nothing is built."""

    LEARN_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC"]

    def setUp(self):
        self.root = support.temp_dir(self) / "nomos-home"
        (self.root / "cli" / "target").mkdir(parents=True)
        shutil.copy2(support.ROOT / "nomos", self.root / "nomos")
        (self.root / "cli" / "target" / "nomos.jar").write_bytes(b"")
        bin_dir = self.root / "bin"
        bin_dir.mkdir()
        java = bin_dir / "java"
        java.write_text('#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n')
        java.chmod(0o755)
        self.env = {k: v for k, v in os.environ.items() if k != "NOMOS_JAVA_OPTS"}
        self.env["PATH"] = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"

    def java_args(self, *args, java_opts=None):
        env = dict(self.env)
        if java_opts is not None:
            env["NOMOS_JAVA_OPTS"] = java_opts
        run = subprocess.run([str(self.root / "nomos"), *args], capture_output=True, text=True, env=env)
        self.assertEqual(0, run.returncode, run.stderr)
        return run.stdout.splitlines()

    def test_learn_runs_with_the_first_jit_tier_and_the_parallel_collector(self):
        args = self.java_args("learn", "examples/pong", "-q")
        self.assertEqual(self.LEARN_FLAGS, args[:2])
        self.assertEqual(["-jar", str(self.root / "cli" / "target" / "nomos.jar"), "learn", "examples/pong", "-q"],
                         args[2:])

    def test_learn_is_found_after_leading_options(self):
        self.assertEqual(self.LEARN_FLAGS, self.java_args("-v", "learn", "w.law")[:2])

    def test_other_commands_keep_the_default_jit(self):
        for command in (["eval", "m.law"], ["bench", "--quick"], ["play", "pong"], ["--version"]):
            args = self.java_args(*command)
            for flag in self.LEARN_FLAGS:
                self.assertNotIn(flag, args, command)

    def test_nomos_java_opts_choose_the_flags_instead(self):
        args = self.java_args("learn", "examples/pong", java_opts="-Xmx1g -XX:+UseG1GC")
        self.assertEqual(["-Xmx1g", "-XX:+UseG1GC", "-jar"], args[:3])
        for flag in self.LEARN_FLAGS:
            self.assertNotIn(flag, args)


if __name__ == "__main__":
    unittest.main()

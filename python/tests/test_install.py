import os
import shutil
import subprocess
import sys
import unittest
import venv

from tests import support


class InstallTest(unittest.TestCase):
    """`pip install` of the package without network access, into a fresh virtual environment that
    sees the interpreter's pip and setuptools (Debian: python3-pip, python3-setuptools)."""

    def test_installs_offline_and_imports(self):
        work = support.temp_dir(self)
        # A copy, so that the build leaves nothing behind in the source tree.
        source = work / "python"
        shutil.copytree(support.ROOT / "python", source,
                        ignore=shutil.ignore_patterns("tests", "build", "*.egg-info", "__pycache__", "pom.xml"))
        venv.create(work / "env", system_site_packages=True, with_pip=False)
        python = str(work / "env" / "bin" / "python")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_FIND_LINKS", "PIP_INDEX_URL")}
        env["PIP_CONFIG_FILE"] = os.devnull  # no index, no mirror: only what is installed already
        install = subprocess.run([python, "-m", "pip", "install", "--no-index", "--no-build-isolation", str(source)],
                                 capture_output=True, text=True, env=env, cwd=work)
        self.assertEqual(0, install.returncode, install.stdout + install.stderr)
        probe = subprocess.run([python, "-c", "import nomos; print(nomos.__file__); print(sorted(nomos.__all__))"],
                               capture_output=True, text=True, env=env, cwd=work)
        self.assertEqual(0, probe.returncode, probe.stderr)
        self.assertIn(str(work / "env"), probe.stdout)
        self.assertIn("'Model', 'ModelEnv'", probe.stdout)
        self.assertIn("'read_trajectories'", probe.stdout)


if __name__ == "__main__":
    unittest.main()

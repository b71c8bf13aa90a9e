import os
import re
import subprocess
import sys
import unittest

from tests import support

DOC = support.ROOT / "docs" / "python.md"
SECTION = "## Example: record, learn, step"


def example_blocks():
    """The fenced python and sh blocks of the doc's example section, in order."""
    text = DOC.read_text()
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    section = text[start:end if end >= 0 else len(text)]
    return re.findall(r"```(python|sh)\n(.*?)```", section, re.S)


class DocsExampleTest(unittest.TestCase):
    """docs/python.md's example, run as written: record, learn, load, step."""

    def test_the_example_is_short(self):
        blocks = example_blocks()
        self.assertEqual(["python", "sh", "python"], [kind for kind, _ in blocks])
        self.assertLess(sum(code.count("\n") for _, code in blocks), 40)

    def test_the_example_runs_as_written(self):
        work = support.temp_dir(self)
        home = support.nomos_home(support.temp_dir(self))
        env = dict(os.environ, NOMOS_HOME=str(home), PATH=f"{home}{os.pathsep}{os.environ['PATH']}",
                   PYTHONPATH=str(support.ROOT / "python" / "src"))
        outputs = []
        for kind, code in example_blocks():
            command = [sys.executable, "-c", code] if kind == "python" else ["sh", "-ec", code]
            run = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=600)
            self.assertEqual(0, run.returncode, f"{kind} block failed:\n{code}\n{run.stderr}")
            outputs.append(run.stdout)
        self.assertTrue((work / "walker.jsonl").is_file())
        self.assertIn("world Walker", (work / "world.law").read_text())
        self.assertIn("law ", (work / "walker.law").read_text())
        self.assertRegex(outputs[2], r"x after RIGHT: \d+ probability (0|1)\.\d+\n"
                         r"x after 3 steps: \d+ reward -?\d+\.0 terminated (True|False)\n")


if __name__ == "__main__":
    unittest.main()

"""Finds the ``nomos`` command that runs ``nomos serve``."""

import os
import shutil
from pathlib import Path
from typing import List, Optional, Sequence, Union

PathLike = Union[str, "os.PathLike[str]"]


def command(nomos: Optional[PathLike] = None, java_options: Sequence[str] = ()) -> List[str]:
    """The command line that starts ``nomos``: ``nomos`` itself when given (the launcher script,
    or a ``nomos.jar`` run with ``java -jar``), else ``$NOMOS_HOME/nomos``, else ``nomos`` on PATH.
    """
    from .errors import NomosError

    if nomos is None:
        home = os.environ.get("NOMOS_HOME")
        if home:
            nomos = Path(home) / "nomos"
            if not nomos.is_file():
                raise NomosError(f"NOMOS_HOME is {home}, but it has no nomos launcher ({nomos} does not exist)")
        else:
            found = shutil.which("nomos")
            if found is None:
                raise NomosError("cannot find nomos: pass nomos=PATH (the launcher or nomos.jar), "
                                 "set NOMOS_HOME to the Nomos directory, or put nomos on PATH")
            nomos = found
    path = Path(nomos)
    if not path.is_file():
        raise NomosError(f"{path}: no such file (nomos= names the nomos launcher or nomos.jar)")
    if path.suffix == ".jar":
        java_home = os.environ.get("JAVA_HOME")
        java = str(Path(java_home) / "bin" / "java") if java_home else (shutil.which("java") or "java")
        return [java, *java_options, "-jar", str(path.resolve())]
    if java_options:
        raise NomosError("java_options apply to nomos.jar; the launcher takes them from NOMOS_JAVA_OPTS")
    return [str(path.resolve())]

"""Nomos trajectory files (JSON Lines, ``.gz`` compressed when the name ends so): one record per
step, ``{"episode", "t", "action", "reward", "done", "objects"}`` (docs/runtime.md)."""

import gzip
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Dict, Iterable, List, Union

PathLike = Union[str, "os.PathLike[str]"]
Record = Dict[str, Any]

_RECORD_FIELDS = ("episode", "t", "action", "reward", "done", "objects")


def read_trajectories(path: PathLike) -> List[List[Record]]:
    """The episodes of a trajectory file, each a list of its records in order. Missing fields take
    the format's defaults (``episode``: the previous record's, or the next after a ``done`` record;
    ``action`` None, ``reward`` 0, ``done`` False); a record that is not a JSON object, or lacks
    ``t`` or ``objects``, raises ``ValueError`` naming the file and line. ``nomos`` itself checks
    every field when it reads the file."""
    path = Path(path)
    opener = gzip.open if path.name.endswith(".gz") else open
    episodes: List[List[Record]] = []
    previous = None
    with opener(path, "rt", encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{number}: malformed JSON at column {e.colno}: {e.msg}") from None
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object, got {type(record).__name__}")
            for required in ("t", "objects"):
                if required not in record:
                    raise ValueError(f"{path}:{number}: field '{required}': missing")
            if "episode" not in record:
                record["episode"] = 0 if previous is None else previous["episode"] + (1 if previous["done"] else 0)
            record.setdefault("action", None)
            record.setdefault("reward", 0.0)
            record.setdefault("done", False)
            if previous is None or record["episode"] != previous["episode"]:
                episodes.append([])
            episodes[-1].append(record)
            previous = record
    return episodes


def write_trajectories(path: PathLike, records: Iterable[Record]) -> None:
    """Writes records to ``path`` atomically (the file appears complete or not at all)."""
    with TrajectoryFile(path) as out:
        for record in records:
            out.write(record)
        out.commit()


class TrajectoryFile:
    """Writes records into a hidden temporary file beside ``path``; :meth:`commit` moves it over
    ``path`` in one step, and closing without a commit deletes it and leaves ``path`` as it was."""

    def __init__(self, path: PathLike):
        self.path = Path(path)
        directory = self.path.parent
        directory.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix="." + self.path.name + ".", suffix=".tmp", dir=directory)
        self._temp = Path(temp)
        raw = os.fdopen(fd, "wb")
        self._raw = raw
        self._text = io.TextIOWrapper(gzip.GzipFile(fileobj=raw, mode="wb") if self.path.name.endswith(".gz") else raw,
                                      encoding="utf-8", newline="\n")
        self._open = True

    def write(self, record: Record) -> None:
        ordered = {k: record[k] for k in _RECORD_FIELDS if k in record}
        self._text.write(json.dumps(ordered, separators=(",", ":")) + "\n")

    def commit(self) -> None:
        self._text.close()  # ends the gzip stream (writing its trailer); gzip leaves the file open
        self._raw.close()
        # As the project's atomic writer: a new file is rw-r--r--, a replaced one keeps its mode.
        os.chmod(self._temp, self.path.stat().st_mode & 0o7777 if self.path.exists() else 0o644)
        os.replace(self._temp, self.path)
        self._open = False

    def close(self) -> None:
        if self._open:
            self._open = False
            try:
                self._text.close()
                self._raw.close()
            finally:
                self._temp.unlink(missing_ok=True)

    def __enter__(self) -> "TrajectoryFile":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


"""Records the episodes of any Gymnasium-style environment as Nomos trajectory JSONL."""

from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Union

from .trajectories import PathLike, Record, TrajectoryFile

ObjectsFn = Callable[[Any], List[Mapping[str, Any]]]


class Recorder:
    """Wraps ``env`` (anything with ``reset(...)`` and ``step(action)`` in the Gymnasium style) and
    writes every step it takes to ``path`` (``.gz`` compresses), in the format ``nomos learn`` reads.

    ``objects(env)`` lists the environment's objects now, each a dict with ``type`` (a string),
    integer ``x`` and ``y`` (top-left corner), optional ``w``/``h`` (default 1), an optional integer
    ``id`` (give ids to all objects or none: Nomos tracks objects without ids), and any other
    attributes as ints, bools or strings. ``actions`` names the environment's actions: a list
    (index -> name, as for a Discrete space) or a function; by default an action is its ``str``.

    Record t holds the objects at step t, the action taken there and the reward it earned; an
    episode's last record (after ``terminated``/``truncated``, a new ``reset``, or :meth:`close`)
    has no action and ``done`` true. The file is written atomically when the recorder is closed (a
    ``with`` block that ends by an exception leaves ``path`` as it was). Every other attribute is
    the wrapped environment's.
    """

    def __init__(self, env: Any, objects: ObjectsFn, path: PathLike,
                 actions: Union[Sequence[str], Callable[[Any], str], None] = None):
        self.env = env
        self._objects = objects
        self._action_name = _namer(actions)
        self._file: Optional[TrajectoryFile] = TrajectoryFile(path)
        self._pending: Optional[Record] = None
        self._episode = -1
        self.path = self._file.path

    def reset(self, *args, **kwargs):
        result = self.env.reset(*args, **kwargs)
        self._end_episode()
        self._episode += 1
        self._pending = self._record(0)
        return result

    def step(self, action):
        if self._pending is None:
            raise RuntimeError("call reset() before step() (the recorder starts an episode at reset)")
        result = self.env.step(action)
        _, reward, terminated, truncated = result[:4]
        pending = self._pending
        pending["action"] = self._action_name(action)
        pending["reward"] = float(reward)
        self._require_open().write(pending)
        self._pending = self._record(pending["t"] + 1)
        if terminated or truncated:
            self._end_episode()
        return result

    def close(self) -> None:
        """Ends the episode under way, writes the file and closes the environment."""
        if self._file is not None:
            self._end_episode()
            self._file.commit()
            self._file = None
        close = getattr(self.env, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> "Recorder":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        elif self._file is not None:
            self._file.close()
            self._file = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.env, name)

    def _end_episode(self) -> None:
        if self._pending is not None:
            self._pending["done"] = True
            self._require_open().write(self._pending)
            self._pending = None

    def _record(self, t: int) -> Record:
        where = f"episode {self._episode}, t {t}"
        listed = self._objects(self.env)
        if not isinstance(listed, (list, tuple)):
            raise TypeError(f"{where}: objects(env) must return a list of dicts, got {type(listed).__name__}")
        objects = [_object(o, f"{where}: objects[{k}]") for k, o in enumerate(listed)]
        with_ids = [o for o in objects if "id" in o]
        if with_ids and len(with_ids) != len(objects):
            raise ValueError(f"{where}: give ids to all objects or to none ({len(with_ids)} of {len(objects)} have one)")
        return {"episode": self._episode, "t": t, "action": None, "reward": 0.0, "done": False, "objects": objects}

    def _require_open(self) -> TrajectoryFile:
        if self._file is None:
            raise RuntimeError(f"the recorder of {self.path} is closed")
        return self._file


def _namer(actions) -> Callable[[Any], str]:
    if actions is None:
        return str
    if callable(actions):
        return lambda a: str(actions(a))
    names = list(actions)

    def by_index(a):
        if isinstance(a, str):
            return a
        if not isinstance(a, int) and hasattr(a, "item"):
            a = a.item()  # a numpy integer, as Gymnasium spaces sample them
        if not isinstance(a, int) or not 0 <= a < len(names):
            raise ValueError(f"action {a!r} is not an index into the {len(names)} action names")
        return names[a]

    return by_index


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _object(o: Any, where: str) -> Dict[str, Any]:
    if not isinstance(o, Mapping):
        raise TypeError(f"{where}: expected a dict, got {type(o).__name__}")
    if not isinstance(o.get("type"), str) or not o.get("type"):
        raise ValueError(f"{where}.type: expected a non-empty string, got {o.get('type')!r}")
    out: Dict[str, Any] = {}
    if "id" in o:
        if not _is_int(o["id"]):
            raise ValueError(f"{where}.id: expected an integer, got {o['id']!r}")
        out["id"] = o["id"]
    out["type"] = o["type"]
    for key in ("x", "y"):
        if not _is_int(o.get(key)):
            raise ValueError(f"{where}.{key}: expected an integer, got {o.get(key)!r}")
        out[key] = o[key]
    for key in ("w", "h"):
        v = o.get(key, 1)
        if not _is_int(v) or v < 0:
            raise ValueError(f"{where}.{key}: expected a non-negative integer, got {v!r}")
        out[key] = v
    for key, v in o.items():
        if key in out or key in ("w", "h"):
            continue
        if not isinstance(v, (int, bool, str)):
            raise ValueError(f"{where}.{key}: expected an integer, a boolean or a string, got {v!r}")
        out[key] = v
    return out

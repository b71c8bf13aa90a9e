"""Frames as packed integers, for ``step_packed`` (docs/serve.md, "Packed steps").

A frame's objects travel as one run of 32-bit integers, its *body*: the object count, then per
object ``id, type, x, y, w, h`` and the type's attributes in declared order (``type`` is the index
of the type in ``Model.info["types"]``; a bool is 0 or 1, a symbol its index). Bodies are ``bytes``
(little-endian), so a batch is built by joining them and its predicted frames come back as bodies
that can be sent again as they are: no frame is turned into dicts unless the caller asks for it
(:meth:`Packer.unpack`).
"""

import base64
import math
import struct
import sys
from array import array
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

Frame = Dict[str, Any]

_INT = next(code for code in "ilh" if array(code).itemsize == 4)
_SWAP = sys.byteorder != "little"  # the wire is little-endian
_PLACES = ("id", "type", "x", "y", "w", "h")


def ints(data: bytes) -> array:
    """The 32-bit integers of little-endian ``data`` (a body, or a decoded column)."""
    out = array(_INT)
    out.frombytes(data)
    if _SWAP:
        out.byteswap()
    return out


def floats(data: bytes) -> array:
    """The 64-bit floats of little-endian ``data``."""
    out = array("d")
    out.frombytes(data)
    if _SWAP:
        out.byteswap()
    return out


def to_bytes(values: array) -> bytes:
    """Little-endian bytes of an ``array`` of 32-bit integers or 64-bit floats."""
    if _SWAP:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


class Packer:
    """Turns frames (trajectory records) into bodies and back, for the world of a model's ``info``."""

    def __init__(self, info: Mapping[str, Any]):
        self.world = info["world"]
        self.actions: List[str] = list(info["actions"])
        self._action_index = {name: k for k, name in enumerate(self.actions)}
        # Each action as it goes on the wire, by name, index and None: a batch looks each one up once.
        self._action_bytes = {None: struct.pack("<i", -1)}
        for k, name in enumerate(self.actions):
            self._action_bytes[name] = self._action_bytes[k] = struct.pack("<i", k)
        self._types = [t["name"] for t in info["types"]]
        self._type_index = {name: k for k, name in enumerate(self._types)}
        # Per type: its attributes as (name, encode, decode), in declared order.
        self._attributes: List[List[Tuple[str, Any, Any]]] = []
        for t in info["types"]:
            attributes = []
            for a in t["attributes"]:
                if a["kind"] == "symbol":
                    symbols = list(a["symbols"])
                    index = {s: k for k, s in enumerate(symbols)}
                    attributes.append((a["name"], index.__getitem__, symbols.__getitem__))
                elif a["kind"] == "bool":
                    attributes.append((a["name"], _bool_to_int, bool))
                else:
                    attributes.append((a["name"], _int, int))
            self._attributes.append(attributes)

    def action(self, action: Any) -> int:
        """An action (a name, an index into the world's actions, or None) as its index (-1 for None)."""
        if action is None:
            return -1
        if isinstance(action, str):
            index = self._action_index.get(action)
            if index is None:
                raise ValueError(f"unknown action {action!r}; world {self.world} declares {', '.join(self.actions)}")
            return index
        if isinstance(action, int) and not isinstance(action, bool) and 0 <= action < len(self.actions):
            return action
        raise ValueError(f"an action is a name, an index 0..{len(self.actions) - 1} or None, got {action!r}")

    def pack(self, frame: Mapping[str, Any]) -> bytes:
        """The body of a frame (a record with ``objects``, every object with its ``id``)."""
        values = [len(frame["objects"])]
        for k, o in enumerate(frame["objects"]):
            at = f"objects[{k}]"
            type_index = self._type_index.get(o.get("type"))
            if type_index is None:
                raise ValueError(f"{at}.type: unknown type {o.get('type')!r}; world {self.world} declares "
                                 f"{', '.join(self._types)}")
            if o.get("id") is None:
                raise ValueError(f"{at}.id: missing; a packed frame needs the ids of its objects")
            attributes = self._attributes[type_index]
            extra = set(o) - set(_PLACES) - {a[0] for a in attributes}
            if extra:
                raise ValueError(f"{at}.{sorted(extra)[0]}: type {o['type']} declares no such attribute")
            values += (o["id"], type_index, o["x"], o["y"], o.get("w", 1), o.get("h", 1))
            for name, encode, _ in attributes:
                if name not in o:
                    raise ValueError(f"{at}.{name}: missing; type {o['type']} declares it")
                try:
                    values.append(encode(o[name]))
                except (KeyError, TypeError, ValueError):
                    raise ValueError(f"{at}.{name}: {o[name]!r} is not a value of {name}") from None
        try:
            return to_bytes(array(_INT, values))
        except (TypeError, OverflowError) as e:
            raise ValueError(f"objects: a position, size or id is not a 32-bit integer ({e})") from None

    def unpack(self, body: bytes, t: Optional[int] = None, episode: Optional[int] = None) -> Frame:
        """A body as a trajectory record (``objects``, and ``t`` and ``episode`` when given)."""
        values = ints(body)
        objects = []
        at = 1
        for _ in range(values[0]):
            type_index = values[at + 1]
            o = {"id": values[at], "type": self._types[type_index], "x": values[at + 2], "y": values[at + 3],
                 "w": values[at + 4], "h": values[at + 5]}
            at += 6
            for name, _, decode in self._attributes[type_index]:
                o[name] = decode(values[at])
                at += 1
            objects.append(o)
        record: Frame = {}
        if episode is not None:
            record["episode"] = episode
        if t is not None:
            record["t"] = t
        record["objects"] = objects
        return record

    def states(self, states: Iterable[Union[bytes, Tuple[int, Sequence[Tuple[Any, bytes]]]]]) -> bytes:
        """The ``states`` column of a request. A state is ``(t, records)``, the records oldest first, each
        ``(action, body)``, the last record's action the one to take and ``t`` its step; or a packed state
        (``bytes``: from :meth:`state`, or a result's ``next_states``)."""
        if not isinstance(states, (list, tuple)):
            states = list(states)
        if states and isinstance(states[0], (bytes, bytearray, memoryview)):
            return b"".join(states)
        header = struct.Struct("<ii").pack
        wire = self._action_bytes
        try:
            # One comprehension, no per-record method calls: this loop is most of a client's work per step.
            return b"".join([header(len(records), t) + b"".join([wire[a] + body for a, body in records])
                             for t, records in states])
        except (KeyError, TypeError):
            for state in states:
                if isinstance(state, (bytes, bytearray, memoryview)):
                    raise TypeError("a batch's states are all (t, records) pairs or all packed states (bytes)") from None
                for a, _ in state[1]:
                    self.action(a)  # raises, naming the bad action
            raise

    def state(self, t: int, records: Sequence[Tuple[Any, bytes]]) -> bytes:
        """One packed state: ``records`` oldest first, each ``(action, body)``, the last one at step ``t``."""
        return self.states([(t, records)])

    def action_column(self, actions: Iterable[Any]) -> bytes:
        """The ``actions`` column: one action per state (names, indexes or None)."""
        if not isinstance(actions, (list, tuple, array)):
            actions = list(actions)
        try:
            return to_bytes(array(_INT, actions))
        except (TypeError, OverflowError):
            return to_bytes(array(_INT, [self.action(a) for a in actions]))


class PackedSteps:
    """The result of ``Model.step_packed``: per state, the most likely next frame as a body
    (:attr:`bodies`), its log-probability, and the reward and episode end when the model predicts
    them (else None). Columns are ``array``s, indexed like the states. With ``next_states=True``,
    :attr:`next_states` holds each state continued by its prediction (packed states, ``bytes``: as many
    records, the oldest dropped, at step t + 1), ready to be stepped again with new ``actions``."""

    def __init__(self, result: Mapping[str, Any], packer: Packer):
        self.count: int = result["count"]
        self._frames = (result["frames"], result["offsets"])
        self._bodies: Optional[List[bytes]] = None
        self.log_probability: array = floats(base64.b64decode(result["log_probability"]))
        self.reward: Optional[array] = _column(result, "reward", ints)
        self.reward_probability: Optional[array] = _column(result, "reward_probability", floats)
        self.terminated: Optional[array] = _column(result, "terminated", ints)
        self.terminated_probability: Optional[array] = _column(result, "terminated_probability", floats)
        self.next_states: Optional[List[bytes]] = None
        if "next_states" in result:
            self.next_states = _split(result["next_states"], result["next_state_offsets"], self.count)
        self._packer = packer

    @property
    def bodies(self) -> List[bytes]:
        """The predicted frames, as bodies (cut from the response when first asked for)."""
        if self._bodies is None:
            self._bodies = _split(*self._frames, self.count)
        return self._bodies

    def __len__(self) -> int:
        return self.count

    def probability(self, k: int) -> float:
        return math.exp(self.log_probability[k])

    def frame(self, k: int, t: Optional[int] = None, episode: Optional[int] = None) -> Frame:
        """Predicted frame ``k`` as a trajectory record (the same as ``step`` returns, given ``t`` and ``episode``)."""
        return self._packer.unpack(self.bodies[k], t=t, episode=episode)


def _split(column: str, offsets_column: str, count: int) -> List[bytes]:
    """The entries of a base64 column of integers, cut at their offsets (in integers)."""
    data = base64.b64decode(column)
    offsets = ints(base64.b64decode(offsets_column))
    return [data[4 * offsets[k]:4 * offsets[k + 1]] for k in range(count)]


def _column(result: Mapping[str, Any], name: str, decode) -> Optional[array]:
    value = result.get(name)
    return None if value is None else decode(base64.b64decode(value))


def _int(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise TypeError(v)
    return v


def _bool_to_int(v: Any) -> int:
    if not isinstance(v, bool):
        raise TypeError(v)
    return int(v)

"""A Nomos world model served by ``nomos serve`` (JSON-RPC 2.0 over the process's stdin/stdout)."""

import base64
import json
import subprocess
import threading
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import launcher
from .errors import NomosError, ServerError
from .packed import Packer, PackedSteps

Frame = Dict[str, Any]
Action = Union[str, int, None]


@dataclass(frozen=True)
class Prediction:
    """A predicted next frame with its probability under the model (its objects'; natural log in
    ``log_probability``). When the model predicts them (``Model.predicts``), also the step's
    ``reward`` (the most likely one, or the drawn one for samples) with ``reward_probability``, and
    whether the episode ends there, ``terminated``, with ``terminated_probability`` (that it ends,
    whatever ``terminated`` says). A model that predicts neither leaves all four None: no reward of 0
    is invented."""

    frame: Frame
    probability: float
    log_probability: float
    reward: Optional[float] = None
    terminated: Optional[bool] = None
    reward_probability: Optional[float] = None
    terminated_probability: Optional[float] = None

    @classmethod
    def of(cls, result: Mapping[str, Any]) -> "Prediction":
        reward = result.get("reward")
        return cls(result["frame"], result["probability"], result["log_probability"],
                   None if reward is None else float(reward), result.get("terminated"),
                   result.get("reward_probability"), result.get("terminated_probability"))


_STDERR_KEPT = 64 * 1024
_PIPE_SIZE = 1 << 20


def _widen_pipes(process: subprocess.Popen) -> None:
    """Lets a whole batch through the pipes at once where Linux allows (F_SETPIPE_SZ): with the default
    64 KiB each batch crosses in many pieces, and on a busy machine every piece waits for the other
    process to be scheduled."""
    try:
        import fcntl
        setpipe = getattr(fcntl, "F_SETPIPE_SZ", 1031)
        for stream in (process.stdin, process.stdout):
            fcntl.fcntl(stream.fileno(), setpipe, _PIPE_SIZE)
    except (ImportError, OSError):
        pass  # not Linux, or a lower limit: the default size works, only slower for big batches


class PendingSteps:
    """A ``step_packed`` request on its way (:meth:`Model.submit_packed`)."""

    def __init__(self, model: "Model", request_id: int):
        self._model = model
        self._id = request_id
        self._result: Optional[PackedSteps] = None
        self._error: Optional[Exception] = None

    def result(self) -> PackedSteps:
        """The answer, waiting for it (and for the answers before it) if need be; raises as
        :meth:`Model.step_packed` does, every time it is asked."""
        if self._result is None and self._error is None:
            try:
                self._result = PackedSteps(self._model._await(self._id), self._model.packer)
            except NomosError as e:
                self._error = e
        if self._error is not None:
            raise self._error
        return self._result


class Model:
    """A model loaded by ``nomos serve``: ``.law`` files or a model jar, as every nomos command
    takes them. Use it as a context manager, or call :meth:`close`.

    ``nomos`` names the launcher (or ``nomos.jar``); without it, ``$NOMOS_HOME/nomos`` or ``nomos``
    on PATH. Actions are names or indexes into :attr:`actions`; frames are trajectory records.
    Every method raises :class:`ServerError` with the server's message when it refuses a request.
    """

    def __init__(self, *model: Union[str, "launcher.os.PathLike[str]"], nomos=None,
                 java_options: Sequence[str] = (), options: Sequence[str] = ()):
        if not model:
            raise ValueError("Model needs the model: .law files or a model jar")
        argv = launcher.command(nomos, java_options) + ["serve", *options, *map(str, model)]
        self._lock = threading.Lock()
        self._next_id = 0
        self._answers: Dict[int, Dict[str, Any]] = {}
        self._stderr: List[str] = []
        try:
            self._process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             stderr=subprocess.PIPE, encoding="utf-8", bufsize=1 << 16)
        except OSError as e:
            raise NomosError(f"cannot start {argv[0]}: {e}") from e
        _widen_pipes(self._process)
        self._stderr_reader = threading.Thread(target=self._drain_stderr, daemon=True)
        self._stderr_reader.start()
        try:
            self.info: Dict[str, Any] = self._call("info", None)
        except NomosError:
            self._process.kill()
            self._process.wait()
            self._release()
            raise
        self.actions: List[str] = list(self.info["actions"])
        self.predicts: Dict[str, bool] = dict(self.info["predicts"])
        self.packer = Packer(self.info)

    # ---- the methods of nomos serve ---------------------------------------------------------------

    def step(self, frame: Frame, action: Action, history: Optional[Sequence[Frame]] = None) -> Prediction:
        """The most likely next frame after taking ``action`` in ``frame`` (``history``: the
        records before it, oldest first), with its probability."""
        return Prediction.of(self._call("step", self._params("step", frame=frame, action=action, history=history)))

    def sample(self, frame: Frame, action: Action, n: int = 1, seed: int = 0,
               history: Optional[Sequence[Frame]] = None) -> List[Prediction]:
        """``n`` next frames drawn from the model (reproducible: the same seed draws the same)."""
        result = self._call("sample", self._params("sample", frame=frame, action=action, n=n, seed=seed,
                                                   history=history))
        return [Prediction.of(s) for s in result["samples"]]

    def score(self, frame: Frame, action: Action, next_frame: Frame,
              history: Optional[Sequence[Frame]] = None) -> float:
        """The log-likelihood (natural log) of ``next_frame`` following ``frame`` under ``action``."""
        result = self._call("score", self._params("score", frame=frame, action=action, next_frame=next_frame,
                                                  history=history))
        return result["log_likelihood"]

    def rollout(self, frame: Frame, actions: Iterable[Action], history: Optional[Sequence[Frame]] = None,
                sample: bool = False, seed: Optional[int] = None) -> List[Prediction]:
        """One predicted frame per action: the most likely ones, or drawn when ``sample``. When the model
        predicts episode ends, the rollout stops at the first predicted end (fewer frames than actions)."""
        result = self._call("rollout", self._params("rollout", frame=frame, actions=actions, history=history,
                                                    sample=sample, seed=seed))
        return [Prediction.of(s) for s in result["steps"]]

    def step_batch(self, requests: Iterable[Mapping[str, Any]], frame: Optional[Frame] = None,
                   history: Optional[Sequence[Frame]] = None) -> List[Prediction]:
        """:meth:`step` for many requests in one round trip; each is a dict of its arguments. With
        ``frame`` (and ``history``), every request starts there and gives only its action."""
        return [Prediction.of(r) for r in self._batch("step", requests, frame, history)]

    def sample_batch(self, requests: Iterable[Mapping[str, Any]], frame: Optional[Frame] = None,
                     history: Optional[Sequence[Frame]] = None) -> List[List[Prediction]]:
        """:meth:`sample` for many requests in one round trip."""
        return [[Prediction.of(s) for s in r["samples"]] for r in self._batch("sample", requests, frame, history)]

    def score_batch(self, requests: Iterable[Mapping[str, Any]], frame: Optional[Frame] = None,
                    history: Optional[Sequence[Frame]] = None) -> List[float]:
        """:meth:`score` for many requests in one round trip."""
        return [r["log_likelihood"] for r in self._batch("score", requests, frame, history)]

    def rollout_batch(self, requests: Iterable[Mapping[str, Any]], frame: Optional[Frame] = None,
                      history: Optional[Sequence[Frame]] = None) -> List[List[Prediction]]:
        """:meth:`rollout` for many requests in one round trip."""
        return [[Prediction.of(s) for s in r["steps"]] for r in self._batch("rollout", requests, frame, history)]

    def step_packed(self, states: Iterable[Union[bytes, Tuple[int, Sequence[Tuple[Action, bytes]]]]],
                    actions: Optional[Iterable[Action]] = None, next_states: bool = False) -> PackedSteps:
        """:meth:`step` for many states in one round trip, with frames packed as integers (``nomos.packed``).
        A state is ``(t, records)``, its records oldest first as ``(action, body)`` pairs, the last one
        the frame with the action to take and ``t`` its step; or a packed state (``bytes``, from
        :meth:`pack_state` or a result's ``next_states``). ``actions`` (one per state) replace the
        last records' actions. With ``next_states``, the result also holds each state continued by its
        prediction: stepping ``result.next_states`` with new ``actions`` runs every state on."""
        return self.submit_packed(states, actions, next_states).result()

    def submit_packed(self, states: Iterable[Union[bytes, Tuple[int, Sequence[Tuple[Action, bytes]]]]],
                      actions: Optional[Iterable[Action]] = None, next_states: bool = False) -> "PendingSteps":
        """:meth:`step_packed` without waiting: sends the request and returns at once; its ``result()``
        waits for the answer. Keeping two batches on the way (send one, then read the other's answer)
        keeps this process busy while the server steps: the server reads ahead, and answers in order."""
        params = '{"states":"' + base64.b64encode(self.packer.states(states)).decode("ascii") + '"'
        if actions is not None:
            params += ',"actions":"' + base64.b64encode(self.packer.action_column(actions)).decode("ascii") + '"'
        if next_states:
            params += ',"next_states":true'
        # Written by hand: json.dumps would scan the long base64 text (which needs no escapes) for escapes.
        return PendingSteps(self, self._submit("step_packed", params + ',"encoding":"base64"}'))

    def pack_state(self, t: int, records: Sequence[Tuple[Action, bytes]]) -> bytes:
        """One packed state for :meth:`step_packed`: ``records`` oldest first as ``(action, body)`` pairs, the
        last one at step ``t``."""
        return self.packer.state(t, records)

    def pack(self, frame: Frame) -> bytes:
        """A frame's objects as a packed body (every object needs its ``id``), for :meth:`step_packed`."""
        return self.packer.pack(frame)

    def unpack(self, body: bytes, t: Optional[int] = None, episode: Optional[int] = None) -> Frame:
        """A packed body as a frame (a trajectory record)."""
        return self.packer.unpack(body, t=t, episode=episode)

    def action_name(self, action: Action) -> Optional[str]:
        """An action as the server names it: a name as it is, an index into :attr:`actions`."""
        if action is None or isinstance(action, str):
            return action
        try:
            index = int(action)
        except (TypeError, ValueError):
            raise ValueError(f"an action is a name or an index, got {action!r}") from None
        if index != action or not 0 <= index < len(self.actions):
            raise ValueError(f"action index {action!r} is not one of 0..{len(self.actions) - 1} ({', '.join(self.actions)})")
        return self.actions[index]

    # ---- lifecycle --------------------------------------------------------------------------------

    def close(self) -> None:
        """Asks the server to shut down and waits for it (killing it if it does not end)."""
        process = self._process
        if process.poll() is None:
            try:
                with self._lock:
                    self._send({"jsonrpc": "2.0", "method": "shutdown"})
                process.wait(timeout=10)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                process.kill()
                process.wait()
        self._release()

    def _release(self) -> None:
        process = self._process
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        self._stderr_reader.join(timeout=5)
        process.stderr.close()

    def __enter__(self) -> "Model":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._process.poll() is not None

    # ---- protocol ---------------------------------------------------------------------------------

    def _params(self, method: str, frame: Optional[Frame] = None, action: Action = None, history=None, n=None,
                seed=None, next_frame=None, actions=None, sample=None, **unknown) -> Dict[str, Any]:
        if unknown:
            raise TypeError(f"{method}: unknown argument(s) {', '.join(sorted(unknown))}")
        params: Dict[str, Any] = {}
        if frame is not None:  # a request of a batch that gives the frame has none of its own
            params["frame"] = frame
        if history is not None:
            params["history"] = list(history)
        if method == "rollout":
            params["actions"] = [self.action_name(a) for a in actions]
            if sample:
                params["sample"] = True
                params["seed"] = 0 if seed is None else seed
            elif seed is not None:
                raise ValueError("rollout: seed only matters with sample=True")
        else:
            params["action"] = self.action_name(action)
        if method == "sample":
            params["n"] = 1 if n is None else n
            params["seed"] = 0 if seed is None else seed
        if method == "score":
            params["next"] = next_frame
        return params

    def _batch(self, method: str, requests: Iterable[Mapping[str, Any]], frame: Optional[Frame],
               history: Optional[Sequence[Frame]]) -> List[Dict[str, Any]]:
        params: Dict[str, Any] = {"requests": [self._params(method, **r) for r in requests]}
        if frame is not None:
            params["frame"] = frame
            if history is not None:
                params["history"] = list(history)
        elif history is not None:
            raise ValueError(f"{method}_batch: history without frame (give both, or each request its own)")
        return self._call(method + "_batch", params)["results"]

    def _call(self, method: str, params: Union[None, str, Dict[str, Any]]) -> Any:
        """Calls ``method``; ``params`` is an object, or its JSON text."""
        return self._await(self._submit(method, params))

    def _submit(self, method: str, params: Union[None, str, Dict[str, Any]]) -> int:
        """Sends a request without waiting for its answer; returns its id for :meth:`_await`."""
        with self._lock:
            self._next_id += 1
            try:
                if isinstance(params, str):
                    self._send_line(f'{{"jsonrpc":"2.0","id":{self._next_id},"method":"{method}","params":{params}}}')
                else:
                    request: Dict[str, Any] = {"jsonrpc": "2.0", "id": self._next_id, "method": method}
                    if params is not None:
                        request["params"] = params
                    self._send(request)
            except (OSError, ValueError):
                raise NomosError(self._exit_message()) from None
            return self._next_id

    def _await(self, request_id: int) -> Any:
        """The result of request ``request_id``; answers read before it (the server answers in order) wait
        for their own callers."""
        with self._lock:
            while request_id not in self._answers:
                try:
                    line = self._process.stdout.readline()
                except (OSError, ValueError):
                    line = ""
                if not line:
                    raise NomosError(self._exit_message())
                response = json.loads(line)
                if response.get("id") is None:  # the server could not tell which request it answers
                    raise NomosError(f"nomos serve: {(response.get('error') or {}).get('message', response)}")
                self._answers[response["id"]] = response
            response = self._answers.pop(request_id)
        error = response.get("error")
        if error is not None:
            field = (error.get("data") or {}).get("field")
            raise ServerError(error["message"], error["code"], field)
        return response["result"]

    def _send(self, request: Dict[str, Any]) -> None:
        self._send_line(json.dumps(request, separators=(",", ":")))

    def _send_line(self, line: str) -> None:
        self._process.stdin.write(line + "\n")
        self._process.stdin.flush()

    def _exit_message(self) -> str:
        try:
            code = self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            code = None
        self._stderr_reader.join(timeout=5)
        said = "".join(self._stderr).strip()
        how = "stopped answering" if code is None else f"exited with code {code}"
        return f"nomos serve {how}" + (f": {said}" if said else "")

    def _drain_stderr(self) -> None:
        # Read continuously so that a chatty server never blocks on a full pipe; keep the tail.
        kept = 0
        for line in self._process.stderr:
            self._stderr.append(line)
            kept += len(line)
            while kept > _STDERR_KEPT and len(self._stderr) > 1:
                kept -= len(self._stderr.pop(0))

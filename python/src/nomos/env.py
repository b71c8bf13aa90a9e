"""A Gymnasium-style environment whose dynamics are a Nomos model."""

import random
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Union

from .model import Frame, Model

try:  # Subclass gymnasium.Env when it is installed, so that its wrappers and checkers accept us.
    import gymnasium as _gym
    from gymnasium import spaces as _spaces

    _EnvBase = _gym.Env
except ImportError:  # pragma: no cover - exercised where gymnasium is missing
    _gym = None
    _spaces = None
    _EnvBase = object

Start = Union[Frame, Sequence[Frame]]
RewardFn = Callable[[Frame, Optional[str], Frame], float]
TerminatedFn = Callable[[Frame], bool]


class Discrete:
    """The actions as indexes 0..n-1, for use without gymnasium (``gymnasium.spaces.Discrete``
    takes its place when gymnasium is installed)."""

    def __init__(self, n: int, seed: Optional[int] = None):
        self.n = n
        self._random = random.Random(seed)

    def sample(self) -> int:
        return self._random.randrange(self.n)

    def contains(self, x: Any) -> bool:
        return isinstance(x, int) and not isinstance(x, bool) and 0 <= x < self.n

    def seed(self, seed: Optional[int] = None) -> None:
        self._random.seed(seed)

    def __repr__(self) -> str:
        return f"Discrete({self.n})"


class ModelEnv(_EnvBase):
    """``reset(seed=..., options=...)`` -> ``(obs, info)`` and ``step(action)`` -> ``(obs, reward,
    terminated, truncated, info)``, with the model as the dynamics. An observation is the frame, a
    trajectory record; an action is an index into ``model.actions`` (``action_space``) or a name.

    ``starts`` are the frames episodes start from: records, or lists of records (the history and,
    last, the start), e.g. from :func:`nomos.read_trajectories`; ``reset`` picks one at random, or
    takes ``options={"start": ...}``. Steps are drawn from the model (``sample=True``, seeded by
    ``reset``'s seed) or its most likely frames.

    Reward and episode end come from the model when it predicts them (``model.predicts``: its laws
    state ``reward :=`` or ``end :=``). Otherwise ``reward_fn(obs, action_name, next_obs)`` is
    required (no reward is invented), and ``terminated_fn(next_obs)`` ends episodes (without it, and
    without end laws, the model's episodes never terminate). Giving a function for what the model
    predicts is an error: it would be silently ignored. ``max_episode_steps`` truncates episodes.
    ``info`` holds the frame's ``probability`` and ``log_probability`` and, when the model predicts
    them, ``reward_probability`` and ``terminated_probability``.
    """

    metadata = {"render_modes": []}

    def __init__(self, model: Model, starts: Sequence[Start], reward_fn: Optional[RewardFn] = None,
                 terminated_fn: Optional[TerminatedFn] = None, max_episode_steps: Optional[int] = None,
                 sample: bool = True):
        if not starts:
            raise ValueError("ModelEnv needs at least one start frame")
        predicts_reward, predicts_end = bool(model.predicts.get("reward")), bool(model.predicts.get("terminated"))
        if reward_fn is None and not predicts_reward:
            raise ValueError("the model predicts no reward (none of its laws states `reward :=`): "
                             "give reward_fn(obs, action, next_obs)")
        if reward_fn is not None and predicts_reward:
            raise ValueError("the model predicts the reward itself; reward_fn would be ignored: leave it out")
        if terminated_fn is not None and predicts_end:
            raise ValueError("the model predicts the episode's end itself; terminated_fn would be ignored: "
                             "leave it out")
        self.model = model
        self.starts = [_as_history(s) for s in starts]
        self.reward_fn = reward_fn
        self.terminated_fn = terminated_fn
        self.max_episode_steps = max_episode_steps
        self.sample = sample
        self.action_space = _spaces.Discrete(len(model.actions)) if _spaces else Discrete(len(model.actions))
        self._max_history = int(model.info["max_history"])
        self._random = random.Random()
        self._history: List[Frame] = []
        self._frame: Optional[Frame] = None
        self._steps = 0

    def reset(self, *, seed: Optional[int] = None, options: Optional[Mapping[str, Any]] = None):
        if _gym is not None:
            super().reset(seed=seed)
        if seed is not None:
            self._random.seed(seed)
        options = dict(options or {})
        start = options.pop("start", None)
        if options:
            raise ValueError(f"unknown reset option(s): {', '.join(sorted(options))} (ModelEnv takes start)")
        records = _as_history(start) if start is not None else self._random.choice(self.starts)
        *self._history, self._frame = [_state(r) for r in records]
        self._history = self._history[-self._max_history:]
        self._steps = 0
        return self._frame, {}

    def step(self, action):
        if self._frame is None:
            raise RuntimeError("call reset() before step()")
        name = self.model.action_name(action.item() if hasattr(action, "item") else action)
        frame, history = self._frame, self._history
        if self.sample:
            prediction = self.model.sample(frame, name, n=1, seed=self._random.getrandbits(63), history=history)[0]
        else:
            prediction = self.model.step(frame, name, history=history)
        obs = prediction.frame
        reward = prediction.reward if prediction.reward is not None else float(self.reward_fn(frame, name, obs))
        if prediction.terminated is not None:
            terminated = prediction.terminated
        else:
            terminated = bool(self.terminated_fn(obs)) if self.terminated_fn is not None else False
        self._steps += 1
        truncated = self.max_episode_steps is not None and self._steps >= self.max_episode_steps and not terminated
        self._history = (history + [dict(frame, action=name)])[-self._max_history:]
        self._frame = obs
        info: Dict[str, Any] = {"probability": prediction.probability, "log_probability": prediction.log_probability}
        if prediction.reward_probability is not None:
            info["reward_probability"] = prediction.reward_probability
        if prediction.terminated_probability is not None:
            info["terminated_probability"] = prediction.terminated_probability
        return obs, reward, terminated, truncated, info

    def close(self) -> None:
        """Leaves the model open: the caller who opened it closes it."""


def _as_history(start: Start) -> List[Frame]:
    if isinstance(start, Mapping):
        return [dict(start)]
    records = [dict(r) for r in start]
    if not records or not all(isinstance(r, Mapping) for r in records):
        raise ValueError("a start is a record (a dict) or a non-empty list of records")
    return records


def _state(record: Mapping[str, Any]) -> Frame:
    # A recorded start may carry its reward and done: they are the recording's, not the model's state.
    return {k: record[k] for k in ("episode", "t", "action", "objects") if k in record}

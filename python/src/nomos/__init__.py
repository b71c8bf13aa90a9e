"""Nomos world models from Python.

* :class:`Model` starts ``nomos serve`` on a model and steps, samples, scores and rolls out frames;
  ``Model.step_packed`` steps many at once with frames packed as integers (:mod:`nomos.packed`).
* :class:`ModelEnv` is a Gymnasium-style environment whose dynamics are a model.
* :class:`Recorder` wraps an environment and writes its episodes as Nomos trajectory JSONL.
* :func:`read_trajectories` reads such files back.

A frame is a trajectory record as a ``dict``: ``{"t": 0, "objects": [{"id": 1, "type": "Ball",
"x": 3, "y": 4, "w": 1, "h": 1, ...}]}`` (docs/runtime.md, docs/serve.md).
"""

from .errors import NomosError, ServerError
from .model import Model, PendingSteps, Prediction
from .packed import PackedSteps
from .env import ModelEnv
from .recorder import Recorder
from .trajectories import read_trajectories, write_trajectories

__all__ = [
    "Model",
    "ModelEnv",
    "NomosError",
    "PackedSteps",
    "PendingSteps",
    "Prediction",
    "Recorder",
    "ServerError",
    "read_trajectories",
    "write_trajectories",
]

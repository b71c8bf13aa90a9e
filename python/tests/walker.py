"""A tiny Gymnasium-style environment for the tests: a walker on a line of 8 cells between two
walls, moved by LEFT and RIGHT, rewarded for reaching the right end."""

import random


class Walker:
    actions = ["LEFT", "RIGHT"]

    def __init__(self):
        self.x = 0
        self.t = 0
        self._random = random.Random()

    def reset(self, seed=None, options=None):
        if seed is not None:
            self._random.seed(seed)
        self.x = self._random.randrange(1, 7)
        self.t = 0
        return self.x, {}

    def step(self, action):
        self.x = max(1, min(6, self.x + (1 if action == 1 else -1)))
        self.t += 1
        terminated = self.x == 6
        return self.x, (1.0 if terminated else 0.0), terminated, self.t >= 20, {}


def objects(env):
    return [{"id": 1, "type": "Walker", "x": env.x, "y": 0},
            {"id": 2, "type": "Wall", "x": 0, "y": 0},
            {"id": 3, "type": "Wall", "x": 7, "y": 0}]

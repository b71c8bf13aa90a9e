import unittest
from pathlib import Path

from tests import support
from tests.walker import Walker, objects

import nomos
from nomos.env import Discrete

WALKER_MODEL = Path(__file__).with_name("walker.law")
GOAL_WALKER_MODEL = Path(__file__).with_name("goal_walker.law")


def at_right_end(frame, action, next_frame):
    return 1.0 if walker_x(next_frame) == 6 else 0.0


def walker_x(frame):
    return next(o["x"] for o in frame["objects"] if o["type"] == "Walker")


class ModelEnvTest(unittest.TestCase):
    """ModelEnv on a hand-written model of tests/walker.py's walker (exact, so steps are certain)."""

    @classmethod
    def setUpClass(cls):
        cls.model = nomos.Model(WALKER_MODEL, nomos=support.launcher())
        cls.start = {"t": 0, "objects": objects(type("At", (), {"x": 3})())}

    @classmethod
    def tearDownClass(cls):
        cls.model.close()

    def env(self, **kwargs):
        kwargs.setdefault("reward_fn", at_right_end)
        return nomos.ModelEnv(self.model, [self.start], **kwargs)

    def test_steps_follow_the_model_and_return_the_gymnasium_five_tuple(self):
        env = self.env(terminated_fn=lambda f: walker_x(f) == 6)
        obs, info = env.reset(seed=0)
        self.assertEqual(3, walker_x(obs))
        xs, rewards, ends = [], [], []
        for action in [1, "RIGHT", 0, 1, 1, 1]:
            obs, reward, terminated, truncated, info = env.step(action)
            xs.append(walker_x(obs))
            rewards.append(reward)
            ends.append(terminated)
            self.assertFalse(truncated)
            self.assertGreater(info["probability"], 0.99)
        self.assertEqual([4, 5, 4, 5, 6, 6], xs)
        self.assertEqual([0.0, 0.0, 0.0, 0.0, 1.0, 1.0], rewards)
        self.assertEqual([False, False, False, False, True, True], ends)

    def test_without_a_reward_function_a_model_that_predicts_no_reward_is_refused(self):
        with self.assertRaises(ValueError) as caught:
            nomos.ModelEnv(self.model, [self.start])
        self.assertIn("give reward_fn", str(caught.exception))

    def test_max_episode_steps_truncates(self):
        env = self.env(max_episode_steps=3)
        env.reset(seed=1)
        self.assertEqual([False, False, True], [env.step(0)[3] for _ in range(3)])

    def test_the_history_reaches_the_model(self):
        # Feed the env a start whose history says the walker came from the left; a model reading
        # history would see it, and the server must accept the history the env keeps sending.
        env = self.env(max_episode_steps=40)
        history = [{"t": 0, "action": "RIGHT", "objects": objects(type("At", (), {"x": 2})())},
                   dict(self.start, t=1)]
        obs, _ = env.reset(options={"start": history})
        self.assertEqual(1, obs["t"])
        for _ in range(30):
            obs, *_ = env.step(1)
        self.assertEqual(31, obs["t"])
        self.assertEqual(6, walker_x(obs))

    def test_seeded_resets_repeat_episodes(self):
        starts = [dict(self.start, objects=objects(type("At", (), {"x": x})())) for x in range(1, 7)]
        env = nomos.ModelEnv(self.model, starts, reward_fn=at_right_end)

        def episode(seed):
            obs, _ = env.reset(seed=seed)
            return [walker_x(obs)] + [walker_x(env.step(env.action_space.sample())[0]) for _ in range(4)]

        env.action_space.seed(5)
        first = episode(11)
        env.action_space.seed(5)
        self.assertEqual(first, episode(11))

    def test_action_space_and_unknown_options(self):
        env = self.env()
        self.assertEqual(2, env.action_space.n)
        with self.assertRaises(ValueError):
            env.reset(options={"level": 2})
        with self.assertRaises(RuntimeError):
            self.env().step(0)
        with self.assertRaises(ValueError):
            env.reset(seed=0)
            env.step(2)

    def test_discrete_without_gymnasium(self):
        space = Discrete(3, seed=1)
        self.assertTrue(all(space.contains(space.sample()) for _ in range(20)))
        self.assertFalse(space.contains(3))
        self.assertFalse(space.contains(True))


if __name__ == "__main__":
    unittest.main()


class GoalModelEnvTest(unittest.TestCase):
    """ModelEnv on tests/goal_walker.law, whose laws state the reward (1 at cell 6, else -1) and the end."""

    @classmethod
    def setUpClass(cls):
        cls.model = nomos.Model(GOAL_WALKER_MODEL, nomos=support.launcher())
        cls.start = {"t": 0, "objects": [{"id": 1, "type": "Walker", "x": 3, "y": 0}]}

    @classmethod
    def tearDownClass(cls):
        cls.model.close()

    def test_reward_and_end_come_from_the_model(self):
        self.assertEqual({"reward": True, "terminated": True}, self.model.predicts)
        env = nomos.ModelEnv(self.model, [self.start], sample=False)
        env.reset(seed=0)
        steps = [env.step(a) for a in ["RIGHT", "LEFT", "RIGHT", "RIGHT", "RIGHT"]]
        self.assertEqual([4, 3, 4, 5, 6], [walker_x(obs) for obs, *_ in steps])
        self.assertEqual([-1.0, -1.0, -1.0, -1.0, 1.0], [reward for _, reward, *_ in steps])
        self.assertEqual([False, False, False, False, True], [terminated for _, _, terminated, *_ in steps])
        info = steps[-1][4]
        self.assertGreater(info["terminated_probability"], 0.5)
        self.assertGreater(info["reward_probability"], 0.5)

    def test_functions_for_what_the_model_predicts_are_refused(self):
        with self.assertRaises(ValueError) as caught:
            nomos.ModelEnv(self.model, [self.start], reward_fn=at_right_end)
        self.assertIn("predicts the reward itself", str(caught.exception))
        with self.assertRaises(ValueError) as caught:
            nomos.ModelEnv(self.model, [self.start], terminated_fn=lambda f: False)
        self.assertIn("predicts the episode's end itself", str(caught.exception))

    def test_a_rollout_stops_at_the_predicted_end(self):
        steps = self.model.rollout(self.start, ["RIGHT"] * 5)
        self.assertEqual([-1.0, -1.0, 1.0], [s.reward for s in steps])
        self.assertEqual([False, False, True], [s.terminated for s in steps])

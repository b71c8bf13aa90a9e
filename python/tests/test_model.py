import math
import unittest

from tests import support

import nomos


class ModelTest(unittest.TestCase):
    """nomos.Model against a real nomos serve on the Pong reference model."""

    @classmethod
    def setUpClass(cls):
        cls.model = nomos.Model(*support.PONG, nomos=support.launcher())
        cls.episode = nomos.read_trajectories(support.PONG_TEST)[0]

    @classmethod
    def tearDownClass(cls):
        cls.model.close()

    def at(self, t):
        """Record t of the first test episode and its history."""
        return self.episode[t], self.episode[max(0, t - 16):t]

    def test_info_lists_the_world_and_its_actions_in_declared_order(self):
        info = self.model.info
        self.assertEqual("Pong", info["world"])
        self.assertEqual(["NOOP", "FIRE", "UP", "DOWN", "UPFIRE", "DOWNFIRE"], self.model.actions)
        self.assertEqual({"Player", "Enemy", "Ball", "Wall", "Zone", "EnemyScore", "PlayerScore"},
                         {t["name"] for t in info["types"]})
        # The reference model states the points scored and the end of a game (the scores are in the frame).
        self.assertEqual({"reward": True, "terminated": True}, self.model.predicts)

    def test_step_predicts_the_next_frame_with_its_probability(self):
        frame, history = self.at(10)
        p = self.model.step(frame, frame["action"], history=history)
        self.assertEqual(frame["t"] + 1, p.frame["t"])
        self.assertEqual(sorted(o["id"] for o in frame["objects"]), sorted(o["id"] for o in p.frame["objects"]))
        self.assertGreater(p.probability, 0)
        self.assertLessEqual(p.probability, 1)
        self.assertAlmostEqual(math.exp(p.log_probability), p.probability, places=12)
        # The model predicts the step's reward and that the game goes on.
        self.assertEqual(0.0, p.reward)
        self.assertGreater(p.reward_probability, 0.5)
        self.assertFalse(p.terminated)
        self.assertLess(p.terminated_probability, 0.5)

    def test_step_predicts_the_end_of_the_game(self):
        last = self.episode[-1]
        self.assertTrue(last["done"] and not last.get("truncated", False), "the test episode is not played to five")
        frame, history = self.at(len(self.episode) - 2)
        p = self.model.step(frame, frame["action"], history=history)
        self.assertTrue(p.terminated)
        self.assertGreater(p.terminated_probability, 0.5)

    def test_step_predicts_the_recorded_points(self):
        scored = [t for t in range(1, len(self.episode) - 1) if self.episode[t].get("reward", 0) != 0]
        self.assertTrue(scored, "the test episode scores no point")
        for t in scored:
            frame, history = self.at(t)
            p = self.model.step(frame, frame["action"], history=history)
            self.assertEqual(float(frame["reward"]), p.reward, f"t {t}")

    def test_score_of_the_predicted_frame_is_its_log_probability(self):
        frame, history = self.at(20)
        p = self.model.step(frame, "DOWN", history=history)
        self.assertAlmostEqual(p.log_probability, self.model.score(frame, "DOWN", p.frame, history=history), places=12)

    def test_the_recorded_next_frame_scores_no_better_than_the_most_likely_one(self):
        frame, history = self.at(30)
        best = self.model.step(frame, frame["action"], history=history).log_probability
        observed = self.model.score(frame, frame["action"], self.episode[31], history=history)
        self.assertLessEqual(observed, best + 1e-9)

    def test_actions_are_names_or_indexes(self):
        frame, history = self.at(5)
        by_name = self.model.step(frame, "DOWN", history=history)
        by_index = self.model.step(frame, self.model.actions.index("DOWN"), history=history)
        self.assertEqual(by_name, by_index)
        with self.assertRaises(ValueError):
            self.model.step(frame, 6, history=history)

    def test_sample_is_reproducible_by_seed(self):
        frame, history = self.at(40)
        a = self.model.sample(frame, "UP", n=5, seed=7, history=history)
        b = self.model.sample(frame, "UP", n=5, seed=7, history=history)
        self.assertEqual(5, len(a))
        self.assertEqual(a, b)
        for s in a:
            self.assertAlmostEqual(s.log_probability, self.model.score(frame, "UP", s.frame, history=history), places=9)

    def test_rollout_chains_steps(self):
        frame, history = self.at(50)
        steps = self.model.rollout(frame, ["UP", "UP", "DOWN"], history=history)
        self.assertEqual([frame["t"] + 1, frame["t"] + 2, frame["t"] + 3], [s.frame["t"] for s in steps])
        self.assertEqual(self.model.step(frame, "UP", history=history).frame, steps[0].frame)
        second = self.model.step(steps[0].frame, "UP", history=history + [dict(frame, action="UP")])
        self.assertEqual(second.frame, steps[1].frame)
        self.assertAlmostEqual(second.log_probability, steps[1].log_probability, places=12)

    def test_batch_forms_answer_as_the_single_calls(self):
        requests = [{"frame": self.episode[t], "action": "UP", "history": self.episode[max(0, t - 3):t]} for t in range(1, 8)]
        self.assertEqual([self.model.step(**r) for r in requests], self.model.step_batch(requests))
        scored = [dict(r, next_frame=self.episode[r["frame"]["t"] + 1]) for r in requests]
        self.assertEqual([self.model.score(**r) for r in scored], self.model.score_batch(scored))
        sampled = [dict(r, n=2, seed=3) for r in requests]
        self.assertEqual([self.model.sample(**r) for r in sampled], self.model.sample_batch(sampled))
        rolled = [{"frame": r["frame"], "actions": ["UP", "NOOP"], "history": r["history"]} for r in requests]
        self.assertEqual([self.model.rollout(**r) for r in rolled], self.model.rollout_batch(rolled))

    def test_a_batch_may_share_one_frame(self):
        frame, history = self.at(12)
        shared = self.model.step_batch([{"action": a} for a in self.model.actions], frame=frame, history=history)
        self.assertEqual([self.model.step(frame, a, history=history) for a in self.model.actions], shared)
        with self.assertRaises(ValueError):
            self.model.step_batch([{"action": "UP"}], history=history)

    def test_server_errors_are_exceptions_with_its_message_and_the_server_goes_on(self):
        frame, history = self.at(3)
        wrong_world = {"t": 0, "objects": [{"id": 1, "type": "avatar", "x": 1, "y": 2}]}
        with self.assertRaises(nomos.ServerError) as caught:
            self.model.step(wrong_world, "UP")
        self.assertEqual(-32602, caught.exception.code)
        self.assertEqual("params.frame.objects[0].type", caught.exception.field)
        self.assertIn('unknown type "avatar"; world Pong declares', str(caught.exception))
        with self.assertRaises(nomos.ServerError) as caught:
            self.model.step(frame, "JUMP", history=history)
        self.assertEqual("params.action", caught.exception.field)
        self.assertIn("declares NOOP, FIRE, UP, DOWN, UPFIRE, DOWNFIRE", str(caught.exception))
        with self.assertRaises(nomos.ServerError) as caught:
            self.model.step_batch([{"frame": frame, "action": "UP"}, {"frame": dict(frame, t="x"), "action": "UP"}])
        self.assertEqual("params.requests[1].frame.t", caught.exception.field)
        self.assertFalse(self.model.closed)
        self.assertEqual(frame["t"] + 1, self.model.step(frame, "UP", history=history).frame["t"])


class ModelLifecycleTest(unittest.TestCase):

    def test_a_model_that_does_not_compile_raises_with_the_servers_message(self):
        bad = support.temp_dir(self) / "bad.law"
        bad.write_text("world W { screen 10 x 10 }\nlaw broken { then nonsense }\n")
        with self.assertRaises(nomos.NomosError) as caught:
            nomos.Model(bad, nomos=support.launcher())
        self.assertIn("nomos serve exited with code 1", str(caught.exception))
        self.assertIn("bad.law:2", str(caught.exception))

    def test_the_context_manager_shuts_the_server_down(self):
        with nomos.Model(*support.PONG, nomos=support.launcher()) as model:
            self.assertFalse(model.closed)
        self.assertTrue(model.closed)
        self.assertEqual(0, model._process.returncode)
        with self.assertRaises(nomos.NomosError):
            model.step(nomos.read_trajectories(support.PONG_TEST)[0][0], "UP")

    def test_the_launcher_is_found_by_nomos_home(self):
        home = support.nomos_home(support.temp_dir(self))
        from unittest import mock
        with mock.patch.dict("os.environ", {"NOMOS_HOME": str(home)}):
            with nomos.Model(*support.PONG) as model:
                self.assertEqual("Pong", model.info["world"])
        with mock.patch.dict("os.environ", {"NOMOS_HOME": str(home / "missing")}):
            with self.assertRaises(nomos.NomosError) as caught:
                nomos.Model(*support.PONG)
            self.assertIn("has no nomos launcher", str(caught.exception))


if __name__ == "__main__":
    unittest.main()

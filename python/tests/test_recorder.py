import gzip
import json
import subprocess
import unittest

from tests import support
from tests.walker import Walker, objects

import nomos


class RecorderTest(unittest.TestCase):

    def record(self, path, episodes=3, seed=1):
        rewards = []
        with nomos.Recorder(Walker(), objects, path, actions=Walker.actions) as env:
            for e in range(episodes):
                env.reset(seed=seed + e)
                done = False
                while not done:
                    _, reward, terminated, truncated, _ = env.step(env._random.choice([0, 1]))
                    rewards.append(reward)
                    done = terminated or truncated
        return rewards

    def test_records_each_step_with_its_action_and_reward_and_ends_episodes_with_done(self):
        path = support.temp_dir(self) / "walker.jsonl"
        rewards = self.record(path)
        episodes = nomos.read_trajectories(path)
        self.assertEqual(3, len(episodes))
        self.assertEqual(sum(len(e) - 1 for e in episodes), len(rewards))
        self.assertEqual(rewards, [r["reward"] for e in episodes for r in e[:-1]])
        for number, episode in enumerate(episodes):
            self.assertEqual(list(range(len(episode))), [r["t"] for r in episode])
            self.assertEqual({number}, {r["episode"] for r in episode})
            self.assertTrue(all(r["action"] in Walker.actions and not r["done"] for r in episode[:-1]))
            self.assertIsNone(episode[-1]["action"])
            self.assertTrue(episode[-1]["done"])
            # Record t holds the position before the action taken at t.
            for before, after in zip(episode, episode[1:]):
                step = 1 if before["action"] == "RIGHT" else -1
                self.assertEqual(max(1, min(6, before["objects"][0]["x"] + step)), after["objects"][0]["x"])

    def test_writes_the_canonical_record_layout(self):
        path = support.temp_dir(self) / "walker.jsonl"
        self.record(path, episodes=1)
        first = path.read_text().splitlines()[0]
        self.assertEqual(["episode", "t", "action", "reward", "done", "objects"], list(json.loads(first)))
        self.assertEqual(["id", "type", "x", "y", "w", "h"], list(json.loads(first)["objects"][0]))

    def test_gz_paths_are_compressed(self):
        path = support.temp_dir(self) / "walker.jsonl.gz"
        self.record(path, episodes=2)
        with gzip.open(path, "rt") as f:
            self.assertTrue(f.readline().startswith('{"episode":0,"t":0,'))
        self.assertEqual(2, len(nomos.read_trajectories(path)))

    def test_nomos_reads_the_recording(self):
        directory = support.temp_dir(self)
        path = directory / "walker_train.jsonl"
        self.record(path, episodes=4)
        home = support.nomos_home(directory)
        world = subprocess.run([str(home / "nomos"), "init", "--data", str(path)], capture_output=True, text=True)
        self.assertEqual(0, world.returncode, world.stderr)
        self.assertIn("actions LEFT, RIGHT", world.stdout)
        self.assertIn("entity Walker", world.stdout)

    def test_an_exception_in_the_block_leaves_the_target_untouched(self):
        directory = support.temp_dir(self)
        path = directory / "walker.jsonl"
        path.write_text("old\n")
        with self.assertRaises(KeyError):
            with nomos.Recorder(Walker(), objects, path, actions=Walker.actions) as env:
                env.reset(seed=0)
                env.step(1)
                raise KeyError("stop")
        self.assertEqual("old\n", path.read_text())
        self.assertEqual(["walker.jsonl"], [p.name for p in directory.iterdir()])

    def test_bad_objects_are_refused_naming_the_step_and_field(self):
        bad = lambda env: [{"type": "Walker", "x": "left", "y": 0}]
        with self.assertRaises(ValueError) as caught:
            with nomos.Recorder(Walker(), bad, support.temp_dir(self) / "w.jsonl") as env:
                env.reset(seed=0)
        self.assertEqual("episode 0, t 0: objects[0].x: expected an integer, got 'left'", str(caught.exception))
        some_ids = lambda env: [{"id": 1, "type": "Walker", "x": 1, "y": 0}, {"type": "Wall", "x": 0, "y": 0}]
        with self.assertRaises(ValueError) as caught:
            with nomos.Recorder(Walker(), some_ids, support.temp_dir(self) / "w.jsonl") as env:
                env.reset(seed=0)
        self.assertIn("give ids to all objects or to none", str(caught.exception))

    def test_the_wrapped_environment_shows_through(self):
        with nomos.Recorder(Walker(), objects, support.temp_dir(self) / "w.jsonl", actions=Walker.actions) as env:
            self.assertEqual(["LEFT", "RIGHT"], env.actions)
            obs, info = env.reset(seed=4)
            self.assertEqual(env.env.x, obs)
            self.assertEqual(env.env.x, env.x)


class ReadTrajectoriesTest(unittest.TestCase):

    def test_applies_the_formats_defaults(self):
        path = support.temp_dir(self) / "d.jsonl"
        path.write_text('{"t": 0, "action": "A", "objects": []}\n\n{"t": 1, "done": true, "objects": []}\n'
                        '{"t": 0, "objects": []}\n')
        episodes = nomos.read_trajectories(path)
        self.assertEqual([[0, 0], [1]], [[r["episode"] for r in e] for e in episodes])
        self.assertEqual({"episode": 0, "t": 0, "action": "A", "reward": 0.0, "done": False, "objects": []}, episodes[0][0])

    def test_names_file_and_line_of_a_bad_record(self):
        path = support.temp_dir(self) / "d.jsonl"
        path.write_text('{"t": 0, "objects": []}\n{"t": 1,\n')
        with self.assertRaises(ValueError) as caught:
            nomos.read_trajectories(path)
        self.assertTrue(str(caught.exception).startswith(f"{path}:2: malformed JSON"), str(caught.exception))
        path.write_text('{"objects": []}\n')
        with self.assertRaises(ValueError) as caught:
            nomos.read_trajectories(path)
        self.assertEqual(f"{path}:1: field 't': missing", str(caught.exception))


if __name__ == "__main__":
    unittest.main()

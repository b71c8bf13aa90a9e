import struct
import unittest

from tests import support

import nomos

KEYDOOR = [support.ROOT / "examples" / "keydoor" / "world.law", support.ROOT / "examples" / "keydoor" / "reference.law"]
KEYDOOR_TEST = support.ROOT / "examples" / "keydoor" / "test.jsonl"
GOAL_WALKER = support.ROOT / "python" / "tests" / "goal_walker.law"


class PackedStepTest(unittest.TestCase):
    """Model.step_packed and the packed frames of nomos.packed, against step on the same frames."""

    @classmethod
    def setUpClass(cls):
        cls.model = nomos.Model(*support.PONG, nomos=support.launcher())
        cls.episode = nomos.read_trajectories(support.PONG_TEST)[0]

    @classmethod
    def tearDownClass(cls):
        cls.model.close()

    def state(self, t, history=1, action=None):
        records = self.episode[t - history:t + 1]
        packed = [(r["action"], self.model.pack(r)) for r in records]
        if action is not None:
            packed[-1] = (action, packed[-1][1])
        return self.episode[t]["t"], packed

    def test_packed_steps_are_the_steps_of_the_same_frames(self):
        steps = range(1, 60)
        result = self.model.step_packed([self.state(t) for t in steps])
        self.assertEqual(len(steps), len(result))
        for k, t in enumerate(steps):
            frame = self.episode[t]
            p = self.model.step(frame, frame["action"], history=[self.episode[t - 1]])
            self.assertEqual(p.frame, result.frame(k, t=t + 1, episode=0), f"t {t}")
            self.assertAlmostEqual(p.log_probability, result.log_probability[k], places=12)
            self.assertAlmostEqual(p.probability, result.probability(k), places=12)
            self.assertEqual(p.reward, result.reward[k])
            self.assertAlmostEqual(p.reward_probability, result.reward_probability[k], places=12)
            # The reference model states the end (a side reaching five points): the columns are step's.
            self.assertEqual(p.terminated, bool(result.terminated[k]))
            self.assertAlmostEqual(p.terminated_probability, result.terminated_probability[k], places=12)

    def test_a_predicted_body_continues_its_state_as_it_is(self):
        t, records = self.state(20, action="UP")
        first = self.model.step_packed([(t, records)])
        second = self.model.step_packed([(t + 1, records + [("DOWN", first.bodies[0])])])
        frame, history = self.episode[20], [self.episode[19]]
        rolled = self.model.rollout(frame, ["UP", "DOWN"], history=history)
        self.assertEqual(rolled[1].frame, second.frame(0, t=22, episode=0))
        self.assertAlmostEqual(rolled[1].log_probability, second.log_probability[0], places=12)

    def test_next_states_run_every_state_on_under_new_actions(self):
        steps = [10, 30, 70]
        states = [self.state(t) for t in steps]
        first = self.model.step_packed(states, actions=["UP"] * 3, next_states=True)
        self.assertEqual(3, len(first.next_states))
        second = self.model.step_packed(first.next_states, actions=[self.model.actions.index("DOWN")] * 3)
        self.assertIsNone(second.next_states)
        for k, t in enumerate(steps):
            rolled = self.model.rollout(self.episode[t], ["UP", "DOWN"], history=[self.episode[t - 1]])
            self.assertEqual(rolled[1].frame, second.frame(k, t=t + 2, episode=0), f"t {t}")
            self.assertAlmostEqual(rolled[1].log_probability, second.log_probability[k], places=12)
        # A packed state made by hand is the same as one made from (t, records).
        t, records = states[0]
        self.assertEqual(self.model.step_packed([states[0]]).bodies, self.model.step_packed([self.model.pack_state(t, records)]).bodies)

    def test_requests_on_the_way_at_once_are_answered_each_to_its_own(self):
        a = self.model.submit_packed([self.state(10)], actions=["UP"])
        b = self.model.submit_packed([self.state(20), self.state(30)], actions=["DOWN", "NOOP"])
        bad = self.model.submit_packed([self.state(40)], actions=[9])
        # Asked for out of order: the answers before are kept for their own callers.
        self.assertEqual(2, len(b.result()))
        self.assertEqual(self.model.step_packed([self.state(10)], actions=["UP"]).bodies, a.result().bodies)
        for _ in range(2):  # an error is raised each time the result is asked for
            with self.assertRaises(nomos.ServerError):
                bad.result()
        self.assertEqual(b.result().bodies, self.model.step_packed([self.state(20), self.state(30)],
                                                                   actions=["DOWN", "NOOP"]).bodies)

    def test_bad_actions_are_refused(self):
        states = [self.state(5), self.state(6)]
        with self.assertRaises(ValueError) as caught:
            self.model.step_packed(states, actions=["UP", "JUMP"])
        self.assertIn("unknown action 'JUMP'", str(caught.exception))
        with self.assertRaises(nomos.ServerError) as caught:
            self.model.step_packed(states, actions=["UP"])
        self.assertEqual("params.actions", caught.exception.field)
        self.assertIn("1 actions for 2 states", str(caught.exception))
        with self.assertRaises(nomos.ServerError) as caught:
            self.model.step_packed(states, actions=[0, 9])
        self.assertIn("(the action of state 1): expected -1 (none) or an action index 0 to 5, got 9", str(caught.exception))

    def test_pack_and_unpack_are_inverse(self):
        for record in self.episode[:5]:
            body = self.model.pack(record)
            # Seven objects of six integers, the two scores with their value, and the count.
            self.assertEqual(7 * 6 + 2 * 7 + 1, len(body) // 4)
            back = self.model.unpack(body, t=record["t"])
            self.assertEqual({"t": record["t"], "objects": record["objects"]}, back)

    def test_frames_the_packer_cannot_pack_are_refused_naming_the_field(self):
        ball = {"id": 3, "type": "Ball", "x": 1, "y": 2}
        cases = [
            ({"objects": [dict(ball, type="avatar")]}, "objects[0].type: unknown type 'avatar'; world Pong declares"),
            ({"objects": [{k: v for k, v in ball.items() if k != "id"}]}, "objects[0].id: missing"),
            ({"objects": [dict(ball, hp=3)]}, "objects[0].hp: type Ball declares no such attribute"),
            ({"objects": [dict(ball, x=2 ** 40)]}, "objects: a position, size or id is not a 32-bit integer"),
        ]
        for frame, message in cases:
            with self.assertRaises(ValueError) as caught:
                self.model.pack(frame)
            self.assertTrue(str(caught.exception).startswith(message), str(caught.exception))
        with self.assertRaises(ValueError):
            self.model.step_packed([(0, [("JUMP", self.model.pack({"objects": [ball]}))])])

    def test_a_bad_state_is_a_server_error_and_the_server_goes_on(self):
        bad_type = struct.pack("<iiiiiiiiii", 1, 0, 2, 1, 3, 9, 80, 100, 2, 4)
        with self.assertRaises(nomos.ServerError) as caught:
            self.model.step_packed([(0, [("UP", bad_type[8 + 4:])])])
        self.assertEqual(-32602, caught.exception.code)
        self.assertEqual("params.states", caught.exception.field)
        self.assertIn("(state 0, record 0, objects[0].type): expected a type index 0 to 6", str(caught.exception))
        self.assertEqual(1, len(self.model.step_packed([self.state(5)])))


class PackedAttributesTest(unittest.TestCase):

    def test_ints_bools_and_symbols_travel_as_indexes(self):
        records = nomos.read_trajectories(KEYDOOR_TEST)[0]
        with nomos.Model(*KEYDOOR, nomos=support.launcher()) as model:
            states = [(r["t"], [(r["action"], model.pack(r))]) for r in records[:10]]
            result = model.step_packed(states)
            for k, r in enumerate(records[:10]):
                self.assertEqual({"t": r["t"], "objects": r["objects"]}, model.unpack(model.pack(r), t=r["t"]))
                p = model.step(dict(r, t=r["t"]), r["action"])
                self.assertEqual(p.frame["objects"], result.frame(k)["objects"])
            with self.assertRaises(ValueError) as caught:
                model.pack({"objects": [dict(records[0]["objects"][2], state="ajar")]})
            self.assertEqual("objects[0].state: 'ajar' is not a value of state", str(caught.exception))

    def test_predicted_ends_are_a_column(self):
        with nomos.Model(GOAL_WALKER, nomos=support.launcher()) as model:
            body = model.pack({"objects": [{"id": 1, "type": "Walker", "x": 5, "y": 0}]})
            result = model.step_packed([(0, [("RIGHT", body)]), (0, [("LEFT", body)])])
            self.assertEqual([1, 0], list(result.terminated))
            self.assertEqual([1, -1], list(result.reward))
            self.assertEqual(6, result.frame(0)["objects"][0]["x"])


if __name__ == "__main__":
    unittest.main()

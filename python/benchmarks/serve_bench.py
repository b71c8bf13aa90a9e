#!/usr/bin/env python3
"""Round-trip speed of `nomos serve` as a Python client sees it, on the Pong reference model.

Latency: single `step` calls (frame with history -> most likely next frame and its probability),
each timed from the request's encoding to the decoded result. Throughput: `step_batch` calls of
--batch requests, and `step_packed` calls (frames packed as integers) of --batch states: once for
recorded frames packed from their dicts in the timed loop, once for --batch environments stepped
together, each from the frame predicted for it by the call before (under actions drawn in Python),
the way a vectorized environment or a planner's rollouts run, and once more with the environments
in two halves, one half's request on its way while Python reads the other's answer. Frames and histories come from
examples/pong/test.jsonl; each request carries the --history records before its frame (the model
reads the frame before for velocities; ModelEnv sends up to 16).

    python3 python/benchmarks/serve_bench.py [--nomos PATH] [--steps N] [--history K] [--format json]
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python" / "src"))

import nomos  # noqa: E402

PONG = [ROOT / "examples" / "pong" / "world.law", ROOT / "examples" / "pong" / "reference.law"]
DATA = ROOT / "examples" / "pong" / "test.jsonl"


def requests(history):
    out = []
    for episode in nomos.read_trajectories(DATA):
        for t in range(history, len(episode) - 1):
            out.append({"frame": episode[t], "action": episode[t]["action"], "history": episode[t - history:t]})
    return out


def server_cpu_seconds(model):
    """The server process's CPU time so far (user + system, all its threads), from /proc (Linux)."""
    try:
        fields = Path(f"/proc/{model._process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Meter:
    """Wall-clock and CPU time (server and client) of a timed stretch of steps."""

    def __init__(self, model):
        self.model = model

    def __enter__(self):
        self.server, self.client, self.start = server_cpu_seconds(self.model), time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.elapsed = time.perf_counter() - self.start
        self.client = time.process_time() - self.client
        after = server_cpu_seconds(self.model)
        self.server = None if after is None else after - self.server

    def report(self, steps, prefix):
        out = {f"{prefix}_steps_per_second": steps / self.elapsed, f"{prefix}_client_cpu_us_per_step": self.client / steps * 1e6}
        if self.server is not None:
            out[f"{prefix}_server_cpu_us_per_step"] = self.server / steps * 1e6
        return out


def packed_recorded(model, batches):
    """step_packed of recorded frames: each batch packed from its dicts, stepped, its results read."""
    total = 0.0
    for batch in batches:
        states = [(r["frame"]["t"], [(h.get("action"), model.pack(h)) for h in r["history"]]
                   + [(r["action"], model.pack(r["frame"]))]) for r in batch]
        result = model.step_packed(states)
        total += sum(result.log_probability)
    return total


def packed_environments(model, work, size, history):
    """`size` environments, each a recorded frame packed with its history: (t, history, body)."""
    envs = []
    for k in range(size):
        r = work[k % len(work)]
        envs.append((r["frame"]["t"], [(h.get("action"), model.pack(h)) for h in r["history"]], model.pack(r["frame"])))
    return envs


def step_environments(model, envs, calls, seed):
    """Steps all `envs` together for `calls` calls of step_packed, each from the frame the call before
    predicted for it (the server hands each state back continued by its prediction) under actions
    drawn here; returns the total reward predicted."""
    policy = random.Random(seed)
    choices = range(len(model.actions))
    states = [model.pack_state(t, past + [(None, body)]) for t, past, body in envs]
    rewards = 0
    for _ in range(calls):
        result = model.step_packed(states, actions=policy.choices(choices, k=len(states)), next_states=True)
        states = result.next_states
        if result.reward is not None:
            rewards += sum(result.reward)
    return rewards


def step_environments_pipelined(model, envs, calls, seed):
    """step_environments with the environments in two halves, one half's request on its way while
    this process reads the other's answer and sends its next request (Model.submit_packed)."""
    policy = random.Random(seed)
    choices = range(len(model.actions))
    states = [model.pack_state(t, past + [(None, body)]) for t, past, body in envs]
    halves = [states[:len(states) // 2], states[len(states) // 2:]]
    pending = [model.submit_packed(h, actions=policy.choices(choices, k=len(h)), next_states=True) for h in halves]
    rewards = 0
    for call in range(calls):
        for k in (0, 1):
            result = pending[k].result()
            if call < calls - 1:
                pending[k] = model.submit_packed(result.next_states, actions=policy.choices(choices, k=result.count),
                                                 next_states=True)
            if result.reward is not None:
                rewards += sum(result.reward)
    return rewards


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nomos", default=os.environ.get("NOMOS_JAR") or str(ROOT / "nomos"),
                        help="the nomos launcher or nomos.jar (default: $NOMOS_JAR, else the repository's ./nomos)")
    parser.add_argument("--steps", type=int, default=20000, help="timed single steps (default 20000)")
    parser.add_argument("--warmup", type=int, default=20000, help="untimed steps first, for the JIT (default 20000)")
    parser.add_argument("--batch", type=int, default=1000, help="requests per step_batch (default 1000)")
    parser.add_argument("--batches", type=int, default=50, help="timed step_batch calls (default 50)")
    parser.add_argument("--history", type=int, default=1, help="records of history per request (default 1)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    args = parser.parse_args()

    work = requests(args.history)
    with nomos.Model(*PONG, nomos=args.nomos) as model:
        for k in range(args.warmup):
            model.step(**work[k % len(work)])
        for k in range(0, args.warmup, args.batch):
            model.step_batch([work[(k + j) % len(work)] for j in range(args.batch)])

        latencies = []
        for k in range(args.steps):
            r = work[k % len(work)]
            start = time.perf_counter_ns()
            model.step(**r)
            latencies.append(time.perf_counter_ns() - start)

        batches = [[work[(b * args.batch + j) % len(work)] for j in range(args.batch)] for b in range(args.batches)]
        server_before, client_before = server_cpu_seconds(model), time.process_time()
        start = time.perf_counter()
        for batch in batches:
            model.step_batch(batch)
        elapsed = time.perf_counter() - start
        server_after, client_after = server_cpu_seconds(model), time.process_time()

        # The planner's question: every action one step ahead of one frame, the frame read once.
        actions = [{"action": a} for a in model.actions]
        shared = [(work[b % len(work)], (actions * (args.batch // len(actions) + 1))[:args.batch])
                  for b in range(args.batches)]
        start = time.perf_counter()
        for r, requests_of_frame in shared:
            model.step_batch(requests_of_frame, frame=r["frame"], history=r["history"])
        shared_elapsed = time.perf_counter() - start

        with Meter(model) as packed_meter:
            packed_recorded(model, batches)
        envs = packed_environments(model, work, args.batch, args.history)
        step_environments(model, envs, args.batches, seed=1)  # warm-up
        with Meter(model) as env_meter:
            step_environments(model, envs, args.batches, seed=2)
        step_environments_pipelined(model, envs, args.batches, seed=1)  # warm-up
        with Meter(model) as pipelined_meter:
            step_environments_pipelined(model, envs, args.batches, seed=2)

    latencies.sort()
    result = {
        "model": "examples/pong reference",
        "history_records": args.history,
        "steps": args.steps,
        "median_latency_us": statistics.median(latencies) / 1000,
        "p90_latency_us": latencies[int(0.9 * len(latencies))] / 1000,
        "p99_latency_us": latencies[int(0.99 * len(latencies))] / 1000,
        "batch": args.batch,
        "batched_steps": args.batch * args.batches,
        "batched_steps_per_second": args.batch * args.batches / elapsed,
        "batched_client_cpu_us_per_step": (client_after - client_before) / (args.batch * args.batches) * 1e6,
        "shared_frame_batched_steps_per_second": args.batch * args.batches / shared_elapsed,
        **packed_meter.report(args.batch * args.batches, "packed_recorded"),
        **env_meter.report(args.batch * args.batches, "packed_environments"),
        **pipelined_meter.report(args.batch * args.batches, "packed_environments_pipelined"),
        "load_average": os.getloadavg()[0],
        "cores": os.cpu_count(),
    }
    if server_before is not None:
        server_cpu = (server_after - server_before) / (args.batch * args.batches)
        result["batched_server_cpu_us_per_step"] = server_cpu * 1e6
        # Client and server take turns on a batch, so on an idle machine a step costs about the sum.
        result["batched_steps_per_cpu_second"] = 1 / (server_cpu + result["batched_client_cpu_us_per_step"] / 1e6)
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        print(f"nomos serve, Pong reference model, {args.history} history record(s) per request")
        print(f"step round trip: median {result['median_latency_us']:.0f} us, p90 {result['p90_latency_us']:.0f} us, "
              f"p99 {result['p99_latency_us']:.0f} us ({args.steps} steps)")
        print(f"step_batch of {args.batch}: {result['batched_steps_per_second']:,.0f} steps/s "
              f"({result['batched_steps']} steps in {elapsed:.2f} s)")
        if "batched_server_cpu_us_per_step" in result:
            print(f"  CPU per step: server {result['batched_server_cpu_us_per_step']:.1f} us, client "
                  f"{result['batched_client_cpu_us_per_step']:.1f} us: {result['batched_steps_per_cpu_second']:,.0f} "
                  f"steps per CPU second")
        print(f"step_batch of {args.batch} actions from one frame: "
              f"{result['shared_frame_batched_steps_per_second']:,.0f} steps/s")
        for prefix, what in (("packed_recorded", f"step_packed of {args.batch} recorded frames, packed from dicts"),
                             ("packed_environments", f"step_packed of {args.batch} environments, each from its last prediction"),
                             ("packed_environments_pipelined", "  the same, two halves on the way at once (submit_packed)")):
            cpu = f"client {result[prefix + '_client_cpu_us_per_step']:.1f} us"
            if prefix + "_server_cpu_us_per_step" in result:
                server = result[prefix + "_server_cpu_us_per_step"]
                cpu = f"server {server:.1f} us, " + cpu + \
                    f": {1e6 / (server + result[prefix + '_client_cpu_us_per_step']):,.0f} steps per CPU second"
            print(f"{what}: {result[prefix + '_steps_per_second']:,.0f} steps/s")
            print(f"  CPU per step: {cpu}")
        print(f"load average {result['load_average']:.1f} on {result['cores']} cores while measuring")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Records the Arena of world.law played by a seeded random policy, as trajectory JSONL.

The rules below are the ones reference.law states; the recordings exist so that every time form
of the language (age, present@-k, touching@-k, step, seq ... after) fires on real frames.
Usage: python3 record.py SEED > FILE.jsonl (deterministic: the same file byte for byte);
train.jsonl is seed 11, test.jsonl seed 12.
"""
import json
import random
import sys

ACTIONS = ["NOOP", "LEFT", "RIGHT", "JUMP", "SWING"]
WEIGHTS = [0.2, 0.25, 0.25, 0.15, 0.15]
JUMP_ARC = [-6, -4, -2, 0, 2, 4, 6]
CONTACT_GAP = 0


def gap(p, lp, q, lq):
    return max(q - (p + lp), p - (q + lq))


def touching(a, b):
    gx = gap(a["x"], a["w"], b["x"], b["w"])
    gy = gap(a["y"], a["h"], b["y"], b["h"])
    return (gx <= CONTACT_GAP and gy < 0) or (gy <= CONTACT_GAP and gx < 0)


def side(a, b):
    """The side of a that b touches, as Geometry.side: TOP, BOTTOM, LEFT, RIGHT or NONE."""
    if not touching(a, b):
        return "NONE"
    from_top = b["y"] + b["h"] - a["y"]
    from_bottom = a["y"] + a["h"] - b["y"]
    from_left = b["x"] + b["w"] - a["x"]
    from_right = a["x"] + a["w"] - b["x"]
    if min(from_top, from_bottom) <= min(from_left, from_right):
        return "TOP" if from_top <= from_bottom else "BOTTOM"
    return "LEFT" if from_left <= from_right else "RIGHT"


def obj(i, kind, x, y, w, h):
    return {"id": i, "type": kind, "x": x, "y": y, "w": w, "h": h}


def of(frame, kind):
    return [o for o in frame["objects"] if o["type"] == kind]


def back(history, o, k):
    """o as it was k steps ago if it was present in every frame since, else None (Frame.indexBack)."""
    if k >= len(history):
        return None
    for j in range(1, k + 1):
        if not any(p["id"] == o["id"] for p in history[-1 - j]["objects"]):
            return None
    return next(p for p in history[-1 - k]["objects"] if p["id"] == o["id"])


def step(history, ages, next_id):
    now = history[-1]
    t, action = now["t"], now["action"]
    nxt = []
    hero = of(now, "Hero")[0]
    ground = of(now, "Ground")[0]
    for o in now["objects"]:
        if o["type"] in ("Ground", "Wall", "Portal"):
            nxt.append(dict(o))
    # The hero: stunned by a bat that touched it one or two steps ago, else walking.
    stunned = False
    for b in of(now, "Bat"):
        for k in (1, 2):
            hb, bb = back(history, hero, k), back(history, b, k)
            if hb is not None and bb is not None and touching(hb, bb):
                stunned = True
    vx = 0
    if not stunned:
        if action == "LEFT" and hero["x"] > 4:
            vx = -2
        elif action == "RIGHT" and hero["x"] < 80:
            vx = 2
    vy = None
    for j, v in enumerate(JUMP_ARC):
        hj, gj = back(history, hero, j), back(history, ground, j)
        if hj is not None and gj is not None and history[-1 - j]["action"] == "JUMP" and side(hj, gj) == "BOTTOM":
            vy = v
            break
    if vy is None:
        assert side(hero, ground) == "BOTTOM", "the hero is in the air without a jump"
        vy = 0
    nxt.append(dict(hero, x=hero["x"] + vx, y=hero["y"] + vy))
    swords = of(now, "Sword")
    for s in swords:
        if ages[s["id"]] < 5:
            nxt.append(dict(s))
    if action == "SWING" and not swords:
        nxt.append(obj(next_id, "Sword", hero["x"] + 8, hero["y"] + 2, 8, 4))
        next_id += 1
    walls = of(now, "Wall")
    for b in of(now, "Bat"):
        if any(side(b, w) == "LEFT" for w in walls) or any(touching(b, s) for s in swords):
            continue
        nxt.append(dict(b, x=b["x"] + (-2 if ages[b["id"]] >= 1 else 0)))
    if t % 8 == 0:
        for p in of(now, "Portal"):
            nxt.append(obj(next_id, "Bat", p["x"], p["y"] + 2, 4, 4))
            next_id += 1
    return nxt, next_id


def episode(number, first_t, steps, rng, out):
    objects = [obj(1, "Ground", 0, 56, 96, 8), obj(2, "Wall", 0, 0, 4, 56), obj(3, "Wall", 92, 0, 4, 56),
               obj(4, "Portal", 88, 48, 4, 8), obj(5, "Hero", 40, 48, 8, 8)]
    ages = {o["id"]: 0 for o in objects}
    next_id = 6
    history = []
    for k in range(steps + 1):
        last = k == steps
        frame = {"episode": number, "t": first_t + k, "action": None if last else rng.choices(ACTIONS, WEIGHTS)[0],
                 "reward": 0.0, "done": last}
        if last:
            frame["truncated"] = True  # the arena has no end: the recording cuts each episode
        frame["objects"] = sorted(objects, key=lambda o: o["id"])
        out.append(frame)
        history.append(frame)
        if last:
            break
        objects, next_id = step(history, ages, next_id)
        ages = {o["id"]: ages[o["id"]] + 1 if o["id"] in ages else 0 for o in objects}


def main():
    rng = random.Random(int(sys.argv[1]))
    frames = []
    episode(0, 0, 200, rng, frames)
    episode(1, 5, 100, rng, frames)  # a recording that starts at step 5 of its episode
    for f in frames:
        print(json.dumps(f, separators=(",", ":")))


if __name__ == "__main__":
    main()

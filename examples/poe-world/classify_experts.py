#!/usr/bin/env python3
"""Counts the expert shapes of PoE-World's shipped models, as tabled in README.md.

Usage: python3 classify_experts.py pong_world_model_seed0.txt mr_world_model_seed0.txt
(the two files of github.com/topwasu/poe-world). A shape is recognised from the expert's code; one
expert can have several shapes (a velocity-history condition that deletes the player is both)."""
import collections
import re
import sys

HEADER = re.compile(r"(Expert|Constraint) #(\d+) for obj_type (\w+)(?: with weight = ([-\d.]+))?")


def experts(path):
    text = open(path).read()
    for part in re.split(r"\n(?=Expert #|Constraint #|-{10,} Object type)", text):
        m = HEADER.match(part)
        if m:
            yield {"kind": m.group(1), "n": int(m.group(2)), "type": m.group(3),
                   "weight": float(m.group(4)) if m.group(4) else None, "code": part}


def shapes(e):
    code = e["code"]
    if e["kind"] == "Constraint":
        return {"constraint on the next frame"}
    found = set()
    anything = "in obj_list.objs" in code
    if "create_object" in code:
        found.add("creation")
    if "history['deleted']" in code:
        found.add("presence history")
    if re.search(r"history\['velocity_[xy]'\]", code):
        found.add("velocity history")
    if "SeqValues" in code:
        if anything:
            found.add("value sequence after touching anything")
        elif ".touches(" in code:
            found.add("value sequence after a contact")
        else:
            found.add("value sequence")
    if re.search(r"RandomValues\(\[[^\]]*,", code):
        found.add("choice of values")
    if anything:
        found.add("touching anything (or nothing)")
    elif ".touches(" in code:
        found.add("contact with a type, side and percent")
    if re.search(r"\.deleted = RandomValues", code):
        found.add("presence effect")
    if "new_" in code:
        found.add("another object's next position")
    if e["weight"] is not None and e["weight"] < 0:
        found.add("negative weight")
    if not found & {"creation", "presence history", "velocity history", "choice of values", "presence effect",
                    "value sequence", "value sequence after a contact", "value sequence after touching anything",
                    "another object's next position"}:
        found.add("plain effect")
    return found


for path in sys.argv[1:]:
    counts = collections.Counter()
    total = 0
    for e in experts(path):
        total += 1
        counts.update(shapes(e))
    print(f"{path}: {total} experts and constraints")
    for shape, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {n:4d}  {shape}")

#!/usr/bin/env python3
"""Writes pong/fires.jsonl and montezuma/fires.jsonl: short scripted episodes, one or more per
translated expert, on which that expert's law (or constraint) fires. Run from this directory:
`python3 make_trajectories.py`. The files are committed; PoeWorldExamplesTest checks them.

Positions are chosen to make conditions hold, not to replay the games: an episode is a few frames
of the objects a scenario needs, with the velocities (displacements) its condition reads."""
import json

def box(kind, oid, x, y, w, h):
    return {"id": oid, "type": kind, "x": x, "y": y, "w": w, "h": h}

def write(path, episodes):
    lines = []
    for number, frames in enumerate(episodes):
        for t, (action, objects) in enumerate(frames):
            lines.append(json.dumps({"episode": number, "t": t, "action": action, "objects": objects},
                                    separators=(",", ":")))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")

# ---- Pong -----------------------------------------------------------------------------------

def pong_scene(player=(140, 100), enemy=(16, 100), ball=(80, 100)):
    return [box("wall", 1, 0, 24, 160, 10), box("wall", 2, 0, 194, 160, 16),
            box("zone", 3, 0, 34, 4, 160), box("zone", 4, 156, 34, 4, 160),
            box("player", 5, player[0], player[1], 4, 15), box("enemy", 6, enemy[0], enemy[1], 4, 15),
            box("ball", 7, ball[0], ball[1], 2, 4)]

pong = [
    # player #1, #2, #57, wall #1, zone #1, ball #1: NOOP with everything at rest.
    [("NOOP", pong_scene()), ("NOOP", pong_scene()), ("NOOP", pong_scene())],
    # player #3 (LEFT moves down 5) and #58 (moving down, touching nothing).
    [("LEFT", pong_scene()), ("LEFT", pong_scene(player=(140, 105))), ("NOOP", pong_scene(player=(140, 110)))],
    # player #88: RIGHT standing on the bottom wall, then the run of speeds.
    [("RIGHT", pong_scene(player=(140, 179))), ("NOOP", pong_scene(player=(140, 164))),
     ("NOOP", pong_scene(player=(140, 153))), ("NOOP", pong_scene(player=(140, 136)))],
    # ball #7: the paddle on the ball's right.
    [("NOOP", pong_scene(ball=(138, 105))), ("NOOP", pong_scene(ball=(137, 105)))],
    # ball #18: the top wall above the ball.
    [("NOOP", pong_scene(ball=(80, 34))), ("NOOP", pong_scene(ball=(82, 36)))],
    # ball #19: rising into the top rows.
    [("NOOP", pong_scene(ball=(80, 44))), ("NOOP", pong_scene(ball=(80, 38))), ("NOOP", pong_scene(ball=(80, 32))),
     ("NOOP", pong_scene(ball=(80, 34)))],
    # ball #65: falling into the low rows, pausing, rising.
    [("NOOP", pong_scene(ball=(80, 164))), ("NOOP", pong_scene(ball=(80, 172))), ("NOOP", pong_scene(ball=(80, 172))),
     ("NOOP", pong_scene(ball=(80, 166)))],
    # enemy #4: the ball on the enemy's right.
    [("NOOP", pong_scene(ball=(20, 105))), ("NOOP", pong_scene(enemy=(16, 96), ball=(22, 105)))],
    # enemy #21: rising into the top third, then slowing and turning.
    [("NOOP", pong_scene(enemy=(16, 70))), ("NOOP", pong_scene(enemy=(16, 64))), ("NOOP", pong_scene(enemy=(16, 64))),
     ("NOOP", pong_scene(enemy=(16, 65))), ("NOOP", pong_scene(enemy=(16, 67)))],
    # enemy #22: falling into the bottom rows, then going up; enemy #78, #80 (falling, touching nothing).
    [("NOOP", pong_scene(enemy=(16, 150))), ("NOOP", pong_scene(enemy=(16, 156))), ("NOOP", pong_scene(enemy=(16, 150)))],
    # ball #64 and enemy #26: the ball falling and the enemy rising in mid-air, then pausing.
    [("NOOP", pong_scene()), ("NOOP", pong_scene(enemy=(16, 96), ball=(80, 104))),
     ("NOOP", pong_scene(enemy=(16, 96), ball=(80, 104)))],
    # ball #105: falling in the bottom rows.
    [("NOOP", pong_scene(ball=(80, 170))), ("NOOP", pong_scene(ball=(80, 175))), ("NOOP", pong_scene(ball=(80, 172)))],
]
# player #56, #125 fire with #58 (moving down, touching nothing); ball #60, #78, #107 in the first
# episode (a ball at rest in mid-air).

# ---- Montezuma's Revenge --------------------------------------------------------------------

PLAYER_W, PLAYER_H = 7, 20

def room(player=None, skull=None, extra=()):
    """The static room (platforms, ladder, rope, belt, barrier, key, wall), plus a player and a skull."""
    objects = [box("platform", 1, 0, 93, 70, 6), box("platform", 9, 90, 93, 70, 6), box("platform", 2, 0, 148, 50, 6),
               box("ladder", 3, 72, 93, 16, 43), box("rope", 4, 110, 96, 3, 40),
               box("conveyer_belt", 5, 60, 136, 40, 5), box("barrier", 6, 20, 50, 4, 40),
               box("key", 7, 15, 100, 7, 15), box("wall", 8, 0, 190, 160, 20)]
    if player is not None:
        objects.append(box("player", 10, player[0], player[1], PLAYER_W, PLAYER_H))
    if skull is not None:
        objects.append(box("skull", 11, skull[0], skull[1], 8, 13))
    objects.extend(extra)
    return objects

ON_PLATFORM_Y = 93 - PLAYER_H          # bottom on the upper platform's top
ON_BELT_Y = 136 - PLAYER_H             # bottom on the belt's top
LADDER_X = 72 + 16 // 2 - PLAYER_W // 2  # centred on the ladder
ON_LADDER_Y = 93 - PLAYER_H + 1        # at the ladder's top, which covers the player's bottom

montezuma = [
    # player #2, #3: LEFTFIRE on the platform starts the jump (x and y runs); constraint #3 holds
    # on the platform; every static object's "stays" law (key, barrier, rope, platform, ladder,
    # conveyer_belt, wall #1) fires on every frame.
    [("LEFTFIRE", room(player=(40, ON_PLATFORM_Y))), ("NOOP", room(player=(38, ON_PLATFORM_Y - 6))),
     ("NOOP", room(player=(35, ON_PLATFORM_Y - 13))), ("NOOP", room(player=(32, ON_PLATFORM_Y - 17)))],
    # player #14 (DOWN centres on the ladder), #17 (rising on a ladder), constraint #4 (ladder centre).
    [("NOOP", room(player=(LADDER_X, ON_LADDER_Y + 3))), ("DOWN", room(player=(LADDER_X, ON_LADDER_Y))),
     ("NOOP", room(player=(LADDER_X, ON_LADDER_Y)))],
    # player #22: UP on the ladder.
    [("UP", room(player=(LADDER_X, ON_LADDER_Y))), ("NOOP", room(player=(LADDER_X, 99 - PLAYER_H)))],
    # player #46: rising in mid-air, touching nothing.
    [("NOOP", room(player=(130, 60))), ("NOOP", room(player=(130, 55))), ("NOOP", room(player=(130, 55)))],
    # player #50: NOOP with the rope on the right.
    [("NOOP", room(player=(103, 100))), ("NOOP", room(player=(103, 106))), ("NOOP", room(player=(103, 112)))],
    # constraint #1: hanging under the rope's end, at its centre x.
    [("NOOP", room(player=(108, 134))), ("NOOP", room(player=(108, 134)))],
    # player #174, #351: five steps falling at 6 onto the lower platform.
    [("NOOP", room(player=(30, 98))), ("NOOP", room(player=(30, 104))), ("NOOP", room(player=(30, 110))),
     ("NOOP", room(player=(30, 116))), ("NOOP", room(player=(30, 122))), ("NOOP", room(player=(30, 128))),
     ("NOOP", room(extra=[box("player", 12, 76, 73, PLAYER_W, PLAYER_H)]))],
    # player #175: a fall at 6 then 4 onto the lower platform.
    [("NOOP", room(player=(30, 118))), ("NOOP", room(player=(30, 124))), ("NOOP", room(player=(30, 128))),
     ("NOOP", room())],
    # player #182 and constraint #2: five steps still on the conveyer belt.
    [("NOOP", room(player=(92, ON_BELT_Y)))] * 6 + [("NOOP", room())],
    # constraint #2 decided on the next frame: walking on the belt, so that player #182 does not
    # predict the player gone (its first frame has no speed, and history clamps to it).
    [("NOOP", room(player=(90, ON_BELT_Y))), ("NOOP", room(player=(91, ON_BELT_Y))), ("NOOP", room(player=(92, ON_BELT_Y)))],
    # player #356, #359: jumping up into a skull on the left; skull #1 (rolls left).
    [("NOOP", room(player=(121, 80), skull=(113, 82))), ("NOOP", room(player=(121, 74), skull=(112, 82))),
     ("NOOP", room(skull=(111, 82), extra=[box("player", 12, 76, 73, PLAYER_W, PLAYER_H)]))],
    # skull #2: rolling left past x 54, pausing, turning.
    [("NOOP", room(skull=(56, 80))), ("NOOP", room(skull=(54, 80))), ("NOOP", room(skull=(54, 80))),
     ("NOOP", room(skull=(54, 80))), ("NOOP", room(skull=(55, 80)))],
    # skull #3, #5: a skull rolling right in mid-air; #8, #41, #50: rolling left.
    [("NOOP", room(skull=(129, 40))), ("NOOP", room(skull=(130, 40))), ("NOOP", room(skull=(131, 40)))],
    [("NOOP", room(skull=(131, 40))), ("NOOP", room(skull=(130, 40))), ("NOOP", room(skull=(129, 40)))],
    # skull #6, #19: a skull that has just become visible.
    [("NOOP", room()), ("NOOP", room(skull=(90, 80))), ("NOOP", room(skull=(90, 80))), ("NOOP", room(skull=(91, 80)))],
]

write("pong/fires.jsonl", pong)
write("montezuma/fires.jsonl", montezuma)

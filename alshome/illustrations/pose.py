"""Exercise poses and the figure geometry they give, without Qt.

Each exercise is described by two keyframes of joint angles (start and end) in one of
three views: "side" (bending forward and back), "front" (tilting and raising to the
side; lying exercises are then seen from above) and "hand" (a close-up of the forearm
and hand). One set of body proportions and one set of rules turn any angles into
capsules and discs, so every illustration shares a style and a renderer. The result is
a `Scene` in a unit box (x right, y down), fitted once over the whole movement so the
figure does not jump in size while it moves.

Angles are in degrees. Unset joints take the posture's rest angle, so a pose names only
what moves or what differs from sitting, standing or lying still.

A small movement (a chin tuck, a heel raise) can be hard to see from across a room, so a
pose may also carry a still arrow along the path one joint takes, and may keep the toes
planted on the floor while the ankle tilts the foot.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from alshome.platform.resources import resource

POSES_FILE = resource("illustrations", "poses.json")

VIEWS = ("side", "front", "hand")
POSTURES = ("lying", "sitting", "standing")
HELPERS = ("ankle", "wrist", "elbow", "knee", "head", "shoulder", "hand", "thumb")
CYCLES = ("arms", "legs", "ankle", "shoulders")
PROPS = ("chair_ahead",)
# Points a figure names, for a helper's hands or a motion arrow to follow.
NAMED = ("head", "shoulder", "elbow", "wrist", "knee", "ankle", "heel", "toe", "hand", "thumb")
JOINTS = (
    "neck",
    "trunk",
    "shoulder",
    "elbow",
    "hip",
    "knee",
    "ankle",
    "wrist",
    "fingers",
    "thumb",
    "head_turn",
    "trunk_turn",
    "shrug",
    "tuck",
    "roll",
    "rotation",
    "turn",
    "crank",
)
_STILL = dict.fromkeys(JOINTS, 0.0) | {"elbow": 8.0, "fingers": 15.0}
REST = {
    "standing": _STILL,
    "sitting": _STILL | {"hip": 90.0, "knee": 90.0, "trunk": -4.0},
    "lying": _STILL,
}

Point = tuple[float, float]

# Body proportions, as parts of a standing height of 1.
HEAD_R = 0.068
NECK = 0.05
TRUNK = 0.30
UPPER_ARM = 0.16
FOREARM = 0.19  # forearm and hand as one capsule
THIGH = 0.24
SHANK = 0.24
FOOT = 0.12
LIMB_W = 0.09  # capsule width: about 9 % of the figure's height
FOOT_W = LIMB_W * 0.8
TRUNK_W = 0.14
PROP_W = 0.016
FLOOR_Y = 0.0
FLOOR_LINE = FLOOR_Y - 0.03  # where the floor is drawn, a little below the feet at rest
SHRUG = 0.07  # how far a full shrug lifts the shoulders
SHOULDER_ROLL = 0.04  # the radius of the circle a rolling shoulder draws
ARROW_W = 0.022
ARROW_HEAD = 0.045


@dataclass(frozen=True)
class Stroke:
    """A thick polyline with round ends: a limb, a trunk or a piece of furniture."""

    layer: str  # "helper", "prop", "far", "near" or "mark"
    width: float
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Disc:
    layer: str
    center: Point
    radius: float


@dataclass(frozen=True)
class Scene:
    """What to paint, in draw order, in a unit box with y pointing down."""

    strokes: tuple[Stroke, ...]
    discs: tuple[Disc, ...]

    def points(self) -> list[Point]:
        return [p for stroke in self.strokes for p in stroke.points] + [
            d.center for d in self.discs
        ]


def ease(t: float) -> float:
    """Ease in and out: slow at both ends, like a careful movement; ease(1-t) = 1-ease(t)."""
    t = min(1.0, max(0.0, t))
    return (1.0 - math.cos(math.pi * t)) / 2.0


MOVE_SECONDS = 1.8  # one way, from the start position to the end or back
PAUSE_SECONDS = 0.8  # resting at each end
TURN_SECONDS = 3.0  # one turn of pedalling


def timeline(elapsed: float, move: float = MOVE_SECONDS, pause: float = PAUSE_SECONDS) -> float:
    """Where a to-and-fro animation is after `elapsed` seconds: start, pause, end, pause."""
    period = 2 * (move + pause)
    phase = elapsed % period
    if phase < move:
        return phase / move
    if phase < move + pause:
        return 1.0
    if phase < 2 * move + pause:
        return 1.0 - (phase - move - pause) / move
    return 0.0


def rest_left(elapsed: float, move: float = MOVE_SECONDS, pause: float = PAUSE_SECONDS) -> float:
    """How long a to-and-fro animation still rests at an end after `elapsed`; 0 if moving.

    Nothing on screen changes meanwhile, so a painter can wait that long.
    """
    phase = elapsed % (move + pause)  # the two halves of the period are alike
    return move + pause - phase if phase >= move else 0.0


def loop_timeline(elapsed: float, turn: float = TURN_SECONDS) -> float:
    """Where a pedalling animation is: round and round at an easy, steady pace."""
    return (elapsed % turn) / turn


@dataclass(frozen=True)
class Pose:
    view: str
    posture: str
    start: tuple[tuple[str, float], ...]
    end: tuple[tuple[str, float], ...]
    helper: str | None = None
    both: bool = False  # both sides move together (shrugs, knees to the side)
    cycle: str | None = None  # what a "crank" angle drives
    prop: str | None = None
    focus: tuple[float, float, float, float] | None = None  # a close-up, in world units
    planted: bool = False  # the toes stay where they rest (heel raises)
    # A named point's path, shifted by (x, y) and scaled about its middle: (name, x, y, scale).
    arrow: tuple[str, float, float, float] | None = None

    @property
    def loops(self) -> bool:
        """Pedalling goes round in one direction instead of to and fro."""
        return self.cycle is not None

    def angles(self, t: float) -> dict[str, float]:
        rest = REST[self.posture]
        start, end = dict(self.start), dict(self.end)
        eased = t if self.loops else ease(t)
        angles = {}
        for joint in JOINTS:
            first, last = start.get(joint, rest[joint]), end.get(joint, rest[joint])
            angles[joint] = first + (last - first) * (t if joint == "crank" else eased)
        return angles


def parse_pose(entry: Mapping[str, object]) -> Pose:
    """One entry of poses.json, checked so a typo fails loudly instead of drawing a rest pose."""
    known = {"view", "posture", "start", "end", "helper", "both", "cycle", "prop", "focus"}
    known |= {"planted", "arrow"}
    if unknown := set(entry) - known:
        raise ValueError(f"unknown pose fields: {sorted(unknown)}")
    view, posture = entry["view"], entry["posture"]
    if view not in VIEWS or posture not in POSTURES:
        raise ValueError(f"unknown view or posture: {view}, {posture}")
    frames = []
    for key in ("start", "end"):
        frame = entry[key]
        if not isinstance(frame, dict) or set(frame) - set(JOINTS):
            raise ValueError(f"{key}: unknown joints {sorted(set(frame) - set(JOINTS))}")
        frames.append(tuple(sorted((k, float(v)) for k, v in frame.items())))
    helper, cycle, prop = entry.get("helper"), entry.get("cycle"), entry.get("prop")
    if helper is not None and helper not in HELPERS:
        raise ValueError(f"unknown helper: {helper}")
    if cycle is not None and cycle not in CYCLES:
        raise ValueError(f"unknown cycle: {cycle}")
    if prop is not None and prop not in PROPS:
        raise ValueError(f"unknown prop: {prop}")
    focus = entry.get("focus")
    if focus is not None and (len(focus) != 4 or focus[0] >= focus[2] or focus[1] >= focus[3]):
        raise ValueError(f"focus must be [left, bottom, right, top]: {focus}")
    return Pose(
        view,
        posture,
        frames[0],
        frames[1],
        helper,
        bool(entry.get("both")),
        cycle,
        prop,
        tuple(map(float, focus)) if focus else None,
        bool(entry.get("planted")),
        _parse_arrow(entry.get("arrow")),
    )


def _parse_arrow(arrow: object) -> tuple[str, float, float, float] | None:
    """{"at": a named point, "shift": [x, y], "scale": s} as (name, x, y, s), or refused."""
    if arrow is None:
        return None
    if (
        not isinstance(arrow, dict)
        or set(arrow) - {"at", "shift", "scale"}
        or arrow.get("at") not in NAMED
        or len(arrow.get("shift", ())) != 2
    ):
        raise ValueError(f"arrow must be {{'at': a named point, 'shift': [x, y]}}: {arrow}")
    x, y = map(float, arrow["shift"])
    return arrow["at"], x, y, float(arrow.get("scale", 1.0))


def load_poses(path: Path = POSES_FILE) -> dict[str, Pose]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return {exercise_id: parse_pose(entry) for exercise_id, entry in document["poses"].items()}


@cache
def stock_poses() -> dict[str, Pose]:
    return load_poses()


# --- small vector helpers (world coordinates: x right, y up) ---------------------------


def direction(angle: float) -> Point:
    """A unit vector: 0 points down, 90 forward (+x), 180 up."""
    r = math.radians(angle)
    return (math.sin(r), -math.cos(r))


def along(p: Point, angle: float, length: float) -> Point:
    d = direction(angle)
    return (p[0] + d[0] * length, p[1] + d[1] * length)


def bearing(a: Point, b: Point) -> float:
    """The angle `direction` gives for the way from a to b."""
    return math.degrees(math.atan2(b[0] - a[0], a[1] - b[1]))


def two_link(a: Point, b: Point, first: float, second: float, bend: int) -> Point:
    """The middle joint of a two-link limb from a reaching for b (law of cosines).

    `bend` +1 puts the joint to the left of the line a->b, -1 to the right. Out of
    reach, the limb points straight at b.
    """
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = max(abs(first - second) + 1e-6, min(math.hypot(dx, dy), first + second - 1e-6))
    cos_a = (first * first + d * d - second * second) / (2 * first * d)
    angle = math.atan2(dy, dx) + bend * math.acos(max(-1.0, min(1.0, cos_a)))
    return (a[0] + first * math.cos(angle), a[1] + first * math.sin(angle))


def _mirror(points: tuple[Point, ...], x0: float) -> tuple[Point, ...]:
    return tuple((2 * x0 - x, y) for x, y in points)


class _Canvas:
    """Collects strokes and discs in draw order, with named points for the helper."""

    def __init__(self) -> None:
        self.strokes: list[Stroke] = []
        self.discs: list[Disc] = []
        self.marks: list[Disc] = []
        self.named: dict[str, Point] = {}

    def line(self, layer: str, width: float, *points: Point) -> None:
        self.strokes.append(Stroke(layer, width, tuple(points)))

    def polygon(self, layer: str, points: list[Point]) -> None:
        self.line(layer, PROP_W, *points, points[0])

    def circle(self, layer: str, center: Point, radius: float, width: float = PROP_W) -> None:
        ring = [
            (
                center[0] + radius * math.cos(a * math.pi / 16),
                center[1] + radius * math.sin(a * math.pi / 16),
            )
            for a in range(32)
        ]
        self.polygon(layer, ring)


# --- side view ---------------------------------------------------------------------------

_SIDE_BASE = {
    "standing": (0.0, (0.0, 0.52)),
    "sitting": (0.0, (0.0, 0.31)),
    "lying": (90.0, (0.0, 0.45)),
}


def _leg_points(a: dict[str, float], frame: float, hip: Point) -> tuple[Point, Point, Point]:
    """Knee, ankle and toe of a leg set by its hip, knee and ankle angles."""
    thigh = frame + a["hip"]
    knee = along(hip, thigh, THIGH)
    shank = thigh - a["knee"]
    ankle = along(knee, shank, SHANK)
    toe = along(ankle, shank + 90 + a["ankle"], FOOT * a.get("_foot", 1.0))
    return knee, ankle, toe


def _side_leg(
    canvas: _Canvas,
    a: dict[str, float],
    frame: float,
    hip: Point,
    layer: str,
    toe: Point | None = None,
) -> None:
    """A leg from its angles or, given where its `toe` stays, with the foot tilted by the
    ankle angle and the knee finding its own place: a heel raise lifts the heel and the
    knee, not the toes."""
    if toe is None:
        knee, ankle, toe = _leg_points(a, frame, hip)
    else:
        ankle = along(toe, frame + 90 + a["ankle"], -FOOT)
        knee = two_link(hip, ankle, THIGH, SHANK, +1)
    heel = along(ankle, bearing(ankle, toe), -0.025)
    points = [hip, knee, ankle, heel, toe]
    if a["roll"]:
        squash = math.cos(math.radians(a["roll"]))
        points = [(x, hip[1] + (y - hip[1]) * squash) for x, y in points]
    canvas.line(layer, LIMB_W, *points[:3])
    canvas.line(layer, FOOT_W, *points[3:])
    if layer == "near":
        canvas.named.update(zip(("knee", "ankle", "heel", "toe"), points[1:], strict=True))


def _cycled_leg(canvas: _Canvas, hip: Point, pedal: Point, layer: str) -> None:
    ankle = (pedal[0] - 0.03, pedal[1] + 0.03)
    knee = two_link(hip, ankle, THIGH, SHANK, +1)
    canvas.line(layer, LIMB_W, hip, knee, ankle)
    canvas.line(
        layer, LIMB_W * 0.8, (ankle[0] - 0.02, ankle[1]), (ankle[0] + FOOT, ankle[1] - 0.01)
    )


def _side_arm(
    canvas: _Canvas, a: dict[str, float], frame: float, shoulder: Point, layer: str
) -> None:
    upper = frame - a["trunk"] + a["shoulder"]
    elbow = along(shoulder, upper, UPPER_ARM)
    wrist = along(elbow, upper + a["elbow"] + a["rotation"], FOREARM)
    canvas.line(layer, LIMB_W, shoulder, elbow, wrist)
    if layer == "near":
        canvas.named.update(elbow=elbow, wrist=wrist, shoulder=shoulder)


def _side_head(
    canvas: _Canvas, a: dict[str, float], neck: Point, neck_dir: float, layer: str
) -> None:
    head_dir = neck_dir - a["neck"]
    face = head_dir - 90
    base = along(neck, face + 180, 0.05 * a["tuck"])
    head = along(base, head_dir, NECK + HEAD_R)
    canvas.line(layer, LIMB_W * 0.8, neck, along(head, head_dir, -HEAD_R * 0.5))
    canvas.discs.append(Disc(layer, head, HEAD_R))
    canvas.line(
        layer, HEAD_R * 0.45, along(head, face, HEAD_R * 0.8), along(head, face, HEAD_R * 1.15)
    )
    eye = along(along(head, face, HEAD_R * 0.5), head_dir, HEAD_R * 0.2)
    canvas.marks.append(Disc("mark", eye, HEAD_R * 0.14))
    canvas.named["head"] = head


def _furniture(canvas: _Canvas, posture: str, prop: str | None) -> None:
    ends = {"lying": (-0.62, 0.7), "sitting": (-0.25, 0.6), "standing": (-0.25, 0.7)}[posture]
    canvas.line("prop", PROP_W, (ends[0], FLOOR_LINE), (ends[1], FLOOR_LINE))
    if posture == "lying":
        top = _SIDE_BASE["lying"][1][1] - 0.06
        canvas.polygon("prop", [(-0.55, top), (0.62, top), (0.62, top - 0.1), (-0.55, top - 0.1)])
        canvas.line("prop", PROP_W, (-0.5, top - 0.1), (-0.5, FLOOR_LINE))
        canvas.line("prop", PROP_W, (0.57, top - 0.1), (0.57, FLOOR_LINE))
    elif posture == "sitting":
        seat = _SIDE_BASE["sitting"][1][1] - 0.05
        canvas.line("prop", PROP_W * 1.6, (-0.12, 0.66), (-0.1, seat), (0.2, seat))
        canvas.line("prop", PROP_W, (-0.1, seat), (-0.1, FLOOR_LINE))
        canvas.line("prop", PROP_W, (0.18, seat), (0.18, FLOOR_LINE))
    if prop == "chair_ahead":
        canvas.line("prop", PROP_W * 1.6, (0.36, 0.72), (0.38, 0.27), (0.62, 0.27))
        canvas.line("prop", PROP_W, (0.38, 0.27), (0.38, FLOOR_LINE))
        canvas.line("prop", PROP_W, (0.6, 0.27), (0.6, FLOOR_LINE))


def _side_figure(pose: Pose, a: dict[str, float]) -> _Canvas:
    canvas = _Canvas()
    frame, hip = _SIDE_BASE[pose.posture]
    _furniture(canvas, pose.posture, pose.prop)
    neck_dir = 180 - a["trunk"] + frame
    neck = along(hip, neck_dir, TRUNK)
    shoulder = along(hip, neck_dir, TRUNK - 0.03 + SHRUG * a["shrug"])
    shoulder = along(shoulder, neck_dir - 90, a.get("_forward", 0.0))
    rest = dict(a, **{k: v for k, v in REST[pose.posture].items() if k not in ("trunk", "shrug")})
    far = a if pose.both else rest
    toe = None
    if pose.planted:  # the toes on the floor, where the resting foot has them
        toe = (
            _leg_points(REST[pose.posture], frame, hip)[2][0],
            FLOOR_LINE + (PROP_W + FOOT_W) / 2,
        )
    if pose.cycle == "legs":
        centre, radius = (0.44, 0.14), 0.075
        _pedals(canvas, centre, radius, a["crank"])
        _cycled_leg(canvas, hip, _pedal(centre, radius, a["crank"] + 180), "far")
        _side_arm(canvas, rest, frame, shoulder, "far")
        _cycled_leg(canvas, hip, _pedal(centre, radius, a["crank"]), "near")
    elif pose.cycle == "arms":
        table = 0.5
        canvas.line("prop", PROP_W * 1.6, (0.2, table), (0.72, table))
        canvas.line("prop", PROP_W, (0.66, table), (0.66, FLOOR_LINE))
        centre, radius = (0.33, table + 0.1), 0.06
        canvas.line("prop", PROP_W, (centre[0] - 0.05, table), centre, (centre[0] + 0.05, table))
        _pedals(canvas, centre, radius, a["crank"])
        _cycled_arm(canvas, shoulder, _pedal(centre, radius, a["crank"] + 180), "far")
        _side_leg(canvas, rest, frame, hip, "far")
    else:
        _side_leg(canvas, far, frame, hip, "far", toe if pose.both else None)
        _side_arm(canvas, far, frame, shoulder, "far")
    canvas.line("near", TRUNK_W, hip, along(hip, neck_dir, TRUNK - 0.04))
    _side_head(canvas, a, neck, neck_dir, "near")
    if pose.cycle == "arms":
        _cycled_arm(canvas, shoulder, _pedal(centre, radius, a["crank"]), "near")
    else:
        _side_arm(canvas, a, frame, shoulder, "near")
    if pose.cycle != "legs":
        _side_leg(canvas, a, frame, hip, "near", toe)
    return canvas


def _pedal(centre: Point, radius: float, crank: float) -> Point:
    return along(centre, crank, radius)


def _pedals(canvas: _Canvas, centre: Point, radius: float, crank: float) -> None:
    canvas.circle("prop", centre, radius + 0.02)
    canvas.line(
        "prop", PROP_W * 1.5, _pedal(centre, radius, crank + 180), _pedal(centre, radius, crank)
    )


def _cycled_arm(canvas: _Canvas, shoulder: Point, pedal: Point, layer: str) -> None:
    elbow = two_link(shoulder, pedal, UPPER_ARM, FOREARM, -1)
    canvas.line(layer, LIMB_W, shoulder, elbow, pedal)


def _side_helper(canvas: _Canvas, target: Point, base_x: float, facing: int, low: bool) -> None:
    """A standing (or, for a low hold, kneeling) helper leaning until both hands reach."""
    hip_y = 0.34 if low else 0.52
    hip = (base_x, hip_y)
    reach = (UPPER_ARM + FOREARM) * 0.97
    local = ((target[0] - base_x) * facing + base_x, target[1])
    for lean in range(0, 80, 4):
        shoulder = along(hip, 180 - lean, TRUNK - 0.03)
        if math.dist(shoulder, local) <= reach:
            break
    strokes = _Canvas()
    if low:
        knee = (base_x + 0.02, FLOOR_Y + 0.05)
        strokes.line("helper", LIMB_W, hip, knee, (base_x - 0.22, FLOOR_Y + 0.04))
    else:
        strokes.line(
            "helper", LIMB_W, hip, (base_x + 0.01, 0.28), (base_x, 0.04), (base_x + 0.09, 0.03)
        )
    strokes.line("helper", TRUNK_W, hip, along(hip, 180 - lean, TRUNK - 0.04))
    neck = along(hip, 180 - lean, TRUNK)
    head = along(neck, 180 - lean * 0.6, NECK + HEAD_R)
    strokes.line("helper", LIMB_W * 0.8, neck, head)
    for offset in (-0.02, 0.02):
        hand = (local[0] + offset, local[1])
        elbow = two_link(shoulder, hand, UPPER_ARM, FOREARM, -1)
        strokes.line("helper", LIMB_W * 0.9, shoulder, elbow, hand)
    canvas.strokes[0:0] = [
        Stroke(s.layer, s.width, s.points if facing > 0 else _mirror(s.points, base_x))
        for s in strokes.strokes
    ]
    centre = head if facing > 0 else (2 * base_x - head[0], head[1])
    canvas.discs.insert(0, Disc("helper", centre, HEAD_R))


# --- front view ----------------------------------------------------------------------------

SHOULDER_HALF = 0.12
HIP_HALF = 0.06


def _front_figure(pose: Pose, a: dict[str, float]) -> _Canvas:
    """Facing the viewer; the moving side is on the viewer's right (+x)."""
    canvas = _Canvas()
    sitting = pose.posture == "sitting"
    hip = (0.0, 0.31 if sitting else 0.52)
    if pose.posture == "standing":
        canvas.line("prop", PROP_W, (-0.4, FLOOR_LINE), (0.4, FLOOR_LINE))
    elif sitting:
        canvas.line("prop", PROP_W, (-0.45, FLOOR_LINE), (0.45, FLOOR_LINE))
        canvas.polygon(
            "prop", [(-0.16, hip[1] - 0.05), (0.16, hip[1] - 0.05), (0.15, 0.66), (-0.15, 0.66)]
        )
        canvas.line("prop", PROP_W * 3, (-0.22, hip[1] - 0.06), (0.22, hip[1] - 0.06))
        for x in (-0.2, 0.2):
            canvas.line("prop", PROP_W, (x, hip[1] - 0.05), (x, FLOOR_LINE))
    bend = a["trunk"]
    up = (math.sin(math.radians(bend)), math.cos(math.radians(bend)))
    across = (up[1], -up[0])
    width = SHOULDER_HALF * (0.55 + 0.45 * math.cos(math.radians(a["trunk_turn"])))
    neck = (hip[0] + up[0] * TRUNK, hip[1] + up[1] * TRUNK)
    lift = TRUNK - 0.035 + SHRUG * a["shrug"]
    mid = (hip[0] + up[0] * lift, hip[1] + up[1] * lift)
    shoulders = {
        s: (mid[0] + s * width * across[0], mid[1] + s * width * across[1]) for s in (-1, 1)
    }
    rest = REST[pose.posture]
    for side, layer in ((-1, "far"), (1, "near")):
        angles = (
            a if (side == 1 or pose.both) else dict(a, shoulder=rest["shoulder"], hip=rest["hip"])
        )
        _front_leg(canvas, angles, hip, side, sitting, layer)
        if side == -1:
            _front_arm(canvas, angles, shoulders[side], side, layer)
    canvas.line(
        "near",
        TRUNK_W * 1.2,
        (hip[0] + up[0] * 0.05, hip[1] + up[1] * 0.05),
        (hip[0] + up[0] * (TRUNK - 0.06), hip[1] + up[1] * (TRUNK - 0.06)),
    )
    canvas.line("near", LIMB_W, shoulders[-1], shoulders[1])
    tilt = bend + a["neck"]
    head = (
        neck[0] + math.sin(math.radians(tilt)) * (NECK + HEAD_R),
        neck[1] + math.cos(math.radians(tilt)) * (NECK + HEAD_R),
    )
    canvas.line("near", LIMB_W * 0.8, neck, head)
    canvas.discs.append(Disc("near", head, HEAD_R))
    canvas.named["head"] = head
    turn = math.sin(math.radians(a["head_turn"] + a["trunk_turn"] * 0.5))
    side_x, side_y = math.cos(math.radians(tilt)), -math.sin(math.radians(tilt))
    for eye in (-0.35, 0.35):
        offset = HEAD_R * (0.75 * turn + eye * math.cos(math.asin(max(-1, min(1, turn)))))
        if abs(0.75 * turn + eye) < 1.0:
            centre = (
                head[0] + side_x * offset + math.sin(math.radians(tilt)) * HEAD_R * 0.15,
                head[1] + side_y * offset + math.cos(math.radians(tilt)) * HEAD_R * 0.15,
            )
            canvas.marks.append(Disc("mark", centre, HEAD_R * 0.13))
    _front_arm(canvas, a, shoulders[1], 1, "near")
    return canvas


def _front_arm(
    canvas: _Canvas, a: dict[str, float], shoulder: Point, side: int, layer: str
) -> None:
    raise_angle = a["shoulder"]
    elbow = (
        shoulder[0] + side * math.sin(math.radians(raise_angle)) * UPPER_ARM,
        shoulder[1] - math.cos(math.radians(raise_angle)) * UPPER_ARM,
    )
    forearm = raise_angle - 6
    wrist = (
        elbow[0] + side * math.sin(math.radians(forearm)) * FOREARM,
        elbow[1] - math.cos(math.radians(forearm)) * FOREARM,
    )
    canvas.line(layer, LIMB_W, shoulder, elbow, wrist)
    if layer == "near":
        canvas.named.update(elbow=elbow, wrist=wrist, shoulder=shoulder)


def _front_leg(
    canvas: _Canvas, a: dict[str, float], hip: Point, side: int, sitting: bool, layer: str
) -> None:
    top = (hip[0] + side * HIP_HALF, hip[1])
    if sitting:
        knee = (top[0] + side * 0.02, top[1] - 0.02)
        ankle = (knee[0], FLOOR_Y + 0.05)
        canvas.line(layer, LIMB_W, top, knee, ankle)
        canvas.line(layer, LIMB_W * 0.8, ankle, (ankle[0] + side * 0.02, FLOOR_Y + 0.03))
    else:
        spread = a["hip"]
        knee = (
            top[0] + side * math.sin(math.radians(spread)) * THIGH,
            top[1] - math.cos(math.radians(spread)) * THIGH,
        )
        ankle = (
            knee[0] + side * math.sin(math.radians(spread)) * SHANK,
            knee[1] - math.cos(math.radians(spread)) * SHANK,
        )
        toe = (
            ankle[0] + side * math.sin(math.radians(spread)) * 0.05,
            ankle[1] - math.cos(math.radians(spread)) * 0.05,
        )
        canvas.line(layer, LIMB_W, top, knee, ankle)
        canvas.line(layer, LIMB_W * 0.8, ankle, toe)
        if layer == "near":
            canvas.named.update(knee=knee, ankle=ankle)


def _top_view(pose: Pose, a: dict[str, float]) -> _Canvas:
    """Lying on the back seen from above: the front figure turned to lie head-left on a bed."""
    standing = Pose("front", "standing", pose.start, pose.end, pose.helper, pose.both)
    figure = _front_figure(standing, a)
    figure.strokes = [s for s in figure.strokes if s.layer != "prop"]

    def turn(p: Point) -> Point:
        return (0.52 - p[1], p[0])

    canvas = _Canvas()
    canvas.polygon("prop", [(-0.58, -0.25), (0.62, -0.25), (0.62, 0.25), (-0.58, 0.25)])
    canvas.polygon("prop", [(-0.55, -0.12), (-0.4, -0.12), (-0.4, 0.12), (-0.55, 0.12)])
    canvas.strokes += [Stroke(s.layer, s.width, tuple(map(turn, s.points))) for s in figure.strokes]
    canvas.discs += [Disc(d.layer, turn(d.center), d.radius) for d in figure.discs]
    canvas.named = {name: turn(p) for name, p in figure.named.items()}
    return canvas


def _top_helper(canvas: _Canvas, target: Point, base_x: float) -> None:
    """A helper beside the bed, seen from above: shoulders, head and both arms."""
    y = 0.42
    head = (base_x, y)
    parts: list[Stroke] = [
        Stroke("helper", LIMB_W, ((base_x - SHOULDER_HALF, y), (base_x + SHOULDER_HALF, y)))
    ]
    for side in (-1, 1):
        shoulder = (base_x + side * SHOULDER_HALF, y)
        hand = (target[0] + side * 0.025, target[1])
        elbow = two_link(shoulder, hand, UPPER_ARM, FOREARM, side)
        parts.append(Stroke("helper", LIMB_W * 0.9, (shoulder, elbow, hand)))
    canvas.strokes[0:0] = parts
    canvas.discs.insert(0, Disc("helper", head, HEAD_R))


# --- hand close-up -------------------------------------------------------------------------


def _hand_figure(pose: Pose, a: dict[str, float]) -> _Canvas:
    canvas = _Canvas()
    canvas.line("prop", PROP_W * 1.5, (-0.4, -0.075), (-0.03, -0.075), (-0.03, -0.16))
    wrist = (0.0, 0.0)
    w = a["wrist"]
    canvas.line("near", 0.11, (-0.34, 0.0), wrist)
    palm_end = (0.15 * math.cos(math.radians(w)), 0.15 * math.sin(math.radians(w)))
    # Turned palm up, the fingers curl up and the thumb swings over to the top.
    turn = math.cos(math.radians(a["turn"]))
    curl = a["fingers"] * turn
    for lift in (0.036, 0.024, 0.012):
        _finger(canvas, curl, (palm_end[0], palm_end[1] + lift * turn), w, "far", 0.92)
    canvas.line("near", 0.1, wrist, palm_end)
    canvas.named["hand"] = _finger(canvas, curl, palm_end, w, "near", 1.0)
    angle = math.radians(-(30 + a["thumb"]))
    base = (0.035 * math.cos(math.radians(w)), 0.035 * math.sin(math.radians(w)) - 0.015 * turn)
    local = (math.cos(angle), math.sin(angle) * turn)
    rotate = math.radians(w)
    first = (
        local[0] * math.cos(rotate) - local[1] * math.sin(rotate),
        local[0] * math.sin(rotate) + local[1] * math.cos(rotate),
    )
    joint = (base[0] + first[0] * 0.075, base[1] + first[1] * 0.075)
    bent = math.atan2(first[1], first[0]) + math.radians(15) * (1 if turn >= 0 else -1)
    tip = (joint[0] + 0.055 * math.cos(bent), joint[1] + 0.055 * math.sin(bent))
    canvas.line("near", 0.05, base, joint, tip)
    canvas.named["thumb"] = tip
    return canvas


def _finger(
    canvas: _Canvas, curl: float, start: Point, w: float, layer: str, scale: float
) -> Point:
    points = [start]
    angle = w
    for length, share in ((0.08, 1.0), (0.05, 1.1), (0.04, 0.8)):
        angle -= curl * share
        p = points[-1]
        points.append(
            (
                p[0] + scale * length * math.cos(math.radians(angle)),
                p[1] + scale * length * math.sin(math.radians(angle)),
            )
        )
    canvas.line(layer, 0.045, *points)
    return points[1]


def _hand_helper(canvas: _Canvas, target: Point, below: bool) -> None:
    """The helper's forearm and hand, reaching in from above (or below, for the thumb)."""
    shoulder = (0.3, -0.6) if below else (0.5, 0.45)
    elbow = two_link(shoulder, target, 0.3, 0.3, 1 if below else -1)
    canvas.strokes.insert(0, Stroke("helper", 0.08, (shoulder, elbow, target)))
    canvas.discs.insert(0, Disc("helper", target, 0.045))


# --- fitting into the unit box -------------------------------------------------------------


def _figure(pose: Pose, t: float) -> _Canvas:
    """The figure and its furniture at moment t, without a helper or an arrow."""
    a = pose.angles(t)
    crank = math.radians(a["crank"])
    if pose.cycle == "ankle":
        a["ankle"] = 22 * math.cos(crank)
        a["_foot"] = 0.7 + 0.3 * abs(math.cos(crank))
    elif pose.cycle == "shoulders":
        # Up, back, down and forward again: a circle starting and ending at rest.
        a["shrug"] = SHOULDER_ROLL * (1 - math.cos(crank)) / SHRUG
        a["_forward"] = SHOULDER_ROLL * math.sin(crank)
    if pose.view == "hand":
        return _hand_figure(pose, a)
    if pose.view == "front" and pose.posture == "lying":
        return _top_view(pose, a)
    if pose.view == "front":
        return _front_figure(pose, a)
    return _side_figure(pose, a)


def _world(pose: Pose, t: float) -> _Canvas:
    canvas = _figure(pose, t)
    if pose.helper:
        _add_helper(pose, canvas)
    canvas.strokes += _arrow(pose)
    return canvas


@cache
def _arrow(pose: Pose) -> tuple[Stroke, ...]:
    """A still arrow beside the figure along the path one named point takes, pointing the
    way it goes from the start position: it says which way to move when the motion is
    small or the figure stands still. A pedalling loop leaves a gap so its head shows."""
    if pose.arrow is None:
        return ()
    name, dx, dy, scale = pose.arrow
    first, last = (0.04, 0.92) if pose.loops else (0.0, 1.0)
    moments = [first + (last - first) * i / 24 for i in range(25)]
    points = [_figure(pose, t).named[name] for t in moments]
    mx, my = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    path = [(mx + dx + (x - mx) * scale, my + dy + (y - my) * scale) for x, y in points]
    tip = path[-1]
    behind = next((p for p in reversed(path) if math.dist(p, tip) > ARROW_HEAD / 2), path[0])
    back = bearing(tip, behind)
    head = (along(tip, back - 30, ARROW_HEAD), tip, along(tip, back + 30, ARROW_HEAD))
    return (Stroke("prop", ARROW_W, tuple(path)), Stroke("prop", ARROW_W, head))


def _add_helper(pose: Pose, canvas: _Canvas) -> None:
    target = canvas.named[pose.helper]
    if pose.view == "hand":
        _hand_helper(canvas, target, below=pose.helper == "thumb")
        return
    held = [_named_at(pose, t) for t in (0.0, 1.0)]
    middle = (held[0][0] + held[1][0]) / 2
    if pose.view == "front":
        _top_helper(canvas, target, middle)
        return
    gap = 0.34 if pose.posture == "sitting" else 0.16
    facing = -1 if middle >= 0 else 1
    _side_helper(canvas, target, middle - facing * gap, facing, low=min(p[1] for p in held) < 0.3)


def _named_at(pose: Pose, t: float) -> Point:
    return _figure(pose, t).named[pose.helper]


def _bounds(pose: Pose) -> tuple[list[float], list[float]]:
    """The room the whole movement takes, with the width of every capsule."""
    lows, highs = [math.inf, math.inf], [-math.inf, -math.inf]
    for step in range(13):
        canvas = _world(pose, step / 12)
        shapes = [(p, s.width / 2) for s in canvas.strokes for p in s.points]
        shapes += [(d.center, d.radius) for d in canvas.discs]
        for (x, y), r in shapes:
            lows = [min(lows[0], x - r), min(lows[1], y - r)]
            highs = [max(highs[0], x + r), max(highs[1], y + r)]
    return lows, highs


def _clip_segment(a: Point, b: Point) -> tuple[Point, Point] | None:
    """The part of segment a-b inside the unit box (Liang-Barsky), or None."""
    low, high = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0]), (dx, 1 - a[0]), (-dy, a[1]), (dy, 1 - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        r = q / p
        if p < 0:
            low = max(low, r)
        else:
            high = min(high, r)
    if low > high:
        return None

    def inside(share: float) -> Point:
        return (min(1.0, max(0.0, a[0] + share * dx)), min(1.0, max(0.0, a[1] + share * dy)))

    return inside(low), inside(high)


def _clip(stroke: Stroke) -> list[Stroke]:
    """A close-up cuts strokes at the box edge, so every point stays inside it."""
    pieces: list[list[Point]] = []
    for a, b in zip(stroke.points, stroke.points[1:], strict=False):
        part = _clip_segment(a, b)
        if part is None:
            continue
        if pieces and pieces[-1][-1] == part[0]:
            pieces[-1].append(part[1])
        else:
            pieces.append(list(part))
    return [Stroke(stroke.layer, stroke.width, tuple(piece)) for piece in pieces]


class Illustration:
    """One exercise's figure at any moment of its movement, fitted once into a unit box."""

    MARGIN = 0.03

    def __init__(self, pose: Pose) -> None:
        self.pose = pose
        if pose.focus:
            lows, highs = [pose.focus[0], pose.focus[1]], [pose.focus[2], pose.focus[3]]
        else:
            lows, highs = _bounds(pose)
        room = 1 - 2 * self.MARGIN
        self.scale = min(room / (highs[0] - lows[0]), room / (highs[1] - lows[1]))
        self.offset = (
            (1 - (highs[0] - lows[0]) * self.scale) / 2 - lows[0] * self.scale,
            (1 - (highs[1] - lows[1]) * self.scale) / 2 + highs[1] * self.scale,
        )

    def _box(self, p: Point) -> Point:
        return (p[0] * self.scale + self.offset[0], self.offset[1] - p[1] * self.scale)

    def scene(self, t: float) -> Scene:
        canvas = _world(self.pose, t)
        strokes = tuple(
            Stroke(s.layer, s.width * self.scale, tuple(map(self._box, s.points)))
            for s in canvas.strokes
        )
        discs = tuple(
            Disc(d.layer, self._box(d.center), d.radius * self.scale)
            for d in canvas.discs + canvas.marks
        )
        if self.pose.focus:
            strokes = tuple(piece for stroke in strokes for piece in _clip(stroke))
            discs = tuple(d for d in discs if all(0 <= c <= 1 for c in d.center))
        return Scene(strokes, discs)

    @cached_property
    def frame(self) -> tuple[float, float, float, float]:
        """The part of the unit box the whole movement uses (left, top, right, bottom).

        A figure lying down fills the box's width but not its height; painted by its frame,
        it can grow to the room a wide, low place on screen offers.
        """
        lows, highs = [1.0, 1.0], [0.0, 0.0]
        for step in range(13):
            scene = self.scene(step / 12)
            shapes = [(p, s.width / 2) for s in scene.strokes for p in s.points]
            shapes += [(d.center, d.radius) for d in scene.discs]
            for (x, y), r in shapes:
                lows = [min(lows[0], x - r), min(lows[1], y - r)]
                highs = [max(highs[0], x + r), max(highs[1], y + r)]
        m = self.MARGIN
        return (
            max(0.0, lows[0] - m),
            max(0.0, lows[1] - m),
            min(1.0, highs[0] + m),
            min(1.0, highs[1] + m),
        )

    def named(self, t: float) -> dict[str, Point]:
        """The figure's named points at moment t, in the unit box: where a joint really goes."""
        return {name: self._box(p) for name, p in _figure(self.pose, t).named.items()}


@cache
def illustration(exercise_id: str) -> Illustration:
    return Illustration(stock_poses()[exercise_id])

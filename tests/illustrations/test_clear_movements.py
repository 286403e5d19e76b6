"""Small movements drawn big enough to read from across a room, with an arrow saying which way.

Distances are in the unit box the figure is painted in (y down), so "rises by 0.08" means
by 8 % of the picture's height, whatever its size on screen.
"""

from __future__ import annotations

import math

import pytest

from alshome.illustrations.pose import illustration, parse_pose, stock_poses


def angle_at(middle, a, b) -> float:
    """The angle at `middle` between the lines to a and b, in degrees."""
    first = math.atan2(a[1] - middle[1], a[0] - middle[0])
    second = math.atan2(b[1] - middle[1], b[0] - middle[0])
    return abs(math.degrees((first - second + math.pi) % (2 * math.pi) - math.pi))


def test_chin_tuck_glides_the_head_straight_back():
    figure = illustration("chin_tuck")
    start, end = figure.named(0.0)["head"], figure.named(1.0)["head"]
    back = start[0] - end[0]
    assert back >= 0.08  # the figure faces +x: back is to the left
    assert abs(end[1] - start[1]) < back / 2  # back, not down


def test_shoulder_rolls_go_up_back_and_down_in_a_circle():
    figure = illustration("shoulder_rolls")
    assert figure.pose.loops
    rest, up_front, top, up_back = (figure.named(t)["shoulder"] for t in (0, 0.25, 0.5, 0.75))
    assert rest[1] - top[1] >= 0.1  # lifted toward the ears (y grows downward)
    assert up_front[0] - up_back[0] >= 0.08  # and carried round, from the front to the back
    assert figure.named(1.0)["shoulder"] == pytest.approx(rest)


def test_forearm_turn_flips_the_thumb_and_fingers_from_under_to_over():
    figure = illustration("forearm_turn_rom")
    down, up = figure.named(0.0), figure.named(1.0)
    assert down["thumb"][1] > down["hand"][1]  # palm down: the thumb under the fingers
    assert up["thumb"][1] < up["hand"][1]  # palm up: over them
    assert down["thumb"][1] - up["thumb"][1] >= 0.12
    assert down["hand"][1] - up["hand"][1] >= 0.08  # the fingers curl up instead of down


def test_hip_lift_raises_the_whole_leg_from_the_hip():
    figure = illustration("hip_lift_weight")
    start, end = figure.named(0.0), figure.named(1.0)
    assert start["knee"][1] - end["knee"][1] >= 0.08
    assert start["toe"][1] - end["toe"][1] >= 0.08  # the foot leaves the floor too
    start_knee = angle_at(start["knee"], figure.named(0.0)["ankle"], _hip(figure, 0.0))
    end_knee = angle_at(end["knee"], end["ankle"], _hip(figure, 1.0))
    assert abs(start_knee - end_knee) <= 10  # a hip movement, not a knee movement


def _hip(figure, t):
    """The top of the near thigh: the point the knee swings around."""
    near = [s for s in figure.scene(t).strokes if s.layer == "near" and len(s.points) == 3]
    return next(s.points[0] for s in near if s.points[1] == figure.named(t)["knee"])


def test_heel_raise_lifts_the_heel_while_the_toes_stay_on_the_floor():
    figure = illustration("seated_heel_raise_weight")
    start, end = figure.named(0.0), figure.named(1.0)
    assert start["heel"][1] - end["heel"][1] >= 0.08
    assert math.dist(start["toe"], end["toe"]) < 0.005
    assert abs(start["heel"][1] - start["toe"][1]) < 0.02  # the foot starts flat


def step(a, b):
    return (b[0] - a[0], b[1] - a[1])


def arrow_strokes(scene):
    """The last two prop strokes: the arrow's shaft and its head."""
    props = [s for s in scene.strokes if s.layer == "prop"]
    return props[-2:]


@pytest.mark.parametrize(
    "exercise_id", sorted(e for e, pose in stock_poses().items() if pose.arrow)
)
def test_an_arrow_points_the_way_its_point_moves_and_stands_still(exercise_id):
    figure = illustration(exercise_id)
    shaft, head = arrow_strokes(figure.scene(0.0))
    assert arrow_strokes(figure.scene(0.6)) == [shaft, head]
    assert head.points[1] == shaft.points[-1]
    name = figure.pose.arrow[0]
    ahead = 0.25 if figure.pose.loops else 1.0
    moved = step(figure.named(0.0)[name], figure.named(ahead)[name])
    drawn = step(shaft.points[0], shaft.points[6 if figure.pose.loops else -1])
    assert moved[0] * drawn[0] + moved[1] * drawn[1] > 0


def test_the_five_small_movements_carry_an_arrow():
    for exercise_id in (
        "chin_tuck",
        "shoulder_rolls",
        "forearm_turn_rom",
        "hip_lift_weight",
        "seated_heel_raise_weight",
    ):
        assert stock_poses()[exercise_id].arrow, exercise_id


def test_an_arrow_must_follow_a_named_point():
    good = {"view": "side", "posture": "sitting", "start": {}, "end": {"knee": 5}}
    pose = parse_pose(good | {"arrow": {"at": "ankle", "shift": [0, 0.1]}})
    assert pose.arrow == ("ankle", 0.0, 0.1, 1.0)
    for bad in (
        {"at": "nose", "shift": [0, 0]},
        {"at": "ankle", "shift": [0]},
        {"at": "ankle", "shift": [0, 0], "size": 2},
    ):
        with pytest.raises(ValueError, match="arrow"):
            parse_pose(good | {"arrow": bad})

"""The exercise poses: one per library exercise, each a visible movement that stays in its box."""

from __future__ import annotations

import math

import pytest

from alshome.illustrations.pose import (
    Illustration,
    ease,
    illustration,
    loop_timeline,
    parse_pose,
    rest_left,
    stock_poses,
    timeline,
    two_link,
)
from alshome.programs.library import stock_library

LIBRARY = stock_library()
MOMENTS = (0.0, 0.25, 0.5, 0.75, 1.0)


def test_every_library_exercise_has_a_pose_and_nothing_else_does():
    assert set(stock_poses()) == set(LIBRARY)


@pytest.mark.parametrize("exercise_id", sorted(LIBRARY))
def test_the_figure_stays_finite_and_inside_its_box(exercise_id):
    figure = illustration(exercise_id)
    for t in MOMENTS:
        scene = figure.scene(t)
        assert any(stroke.layer == "near" for stroke in scene.strokes)
        for x, y in scene.points():
            assert math.isfinite(x) and math.isfinite(y)
            assert 0.0 <= x <= 1.0 and 0.0 <= y <= 1.0, (t, x, y)


@pytest.mark.parametrize("exercise_id", sorted(LIBRARY))
def test_every_pose_shows_a_movement(exercise_id):
    pose = stock_poses()[exercise_id]
    assert pose.start != pose.end
    figure = illustration(exercise_id)
    other = 0.5 if pose.loops else 1.0
    assert figure.scene(0.0).points() != figure.scene(other).points()


def test_caregiver_stretches_show_the_helper():
    stretches = [e for e in LIBRARY.values() if e.kind.value == "passive_stretch"]
    assert len(stretches) >= 5
    for exercise in stretches:
        assert exercise.caregiver_instruction
        layers = {s.layer for s in illustration(exercise.id).scene(0.5).strokes}
        assert "helper" in layers, exercise.id


def test_exercises_done_alone_show_no_helper():
    figure = illustration("knee_extension_weight")
    assert "helper" not in {s.layer for s in figure.scene(0.5).strokes}


def test_easing_is_smooth_and_symmetric():
    assert ease(0.0) == 0.0 and ease(1.0) == pytest.approx(1.0)
    for step in range(101):
        t = step / 100
        assert ease(1 - t) == pytest.approx(1 - ease(t))
    assert ease(0.02) < 0.02 and ease(0.98) > 0.98  # slow at both ends
    steps = [ease((i + 1) / 100) - ease(i / 100) for i in range(100)]
    assert max(steps) < 0.02  # no jumps


def test_the_timeline_goes_there_pauses_and_comes_back():
    assert timeline(0.0) == 0.0
    assert timeline(0.9, move=1.8, pause=0.8) == pytest.approx(0.5)
    assert timeline(2.0, move=1.8, pause=0.8) == 1.0  # resting at the end
    assert timeline(3.5, move=1.8, pause=0.8) == pytest.approx(0.5)
    assert timeline(5.0, move=1.8, pause=0.8) == 0.0  # resting at the start
    assert loop_timeline(1.5, turn=3.0) == pytest.approx(0.5)


def test_the_rest_at_each_end_is_known_ahead():
    assert rest_left(0.9, move=1.8, pause=0.8) == 0.0  # moving
    assert rest_left(2.0, move=1.8, pause=0.8) == pytest.approx(0.6)  # at the end
    assert rest_left(5.0, move=1.8, pause=0.8) == pytest.approx(0.2)  # back at the start
    for elapsed in (1.8, 2.0, 2.5, 4.4, 4.9):
        assert timeline(elapsed + rest_left(elapsed) - 0.001) in (0.0, 1.0)
        assert timeline(elapsed + rest_left(elapsed) + 0.01) not in (0.0, 1.0)


def test_joints_move_between_the_keyframes():
    pose = stock_poses()["knee_extension_weight"]
    assert pose.angles(0.0)["knee"] == 90.0
    assert pose.angles(0.5)["knee"] == pytest.approx(47.5)
    assert pose.angles(1.0)["knee"] == pytest.approx(5.0)
    assert pose.angles(0.5)["hip"] == 90.0  # unset joints keep the posture's rest angle


def test_pedalling_turns_at_a_steady_pace():
    pose = stock_poses()["leg_cycle"]
    assert pose.loops
    assert pose.angles(0.25)["crank"] == pytest.approx(90.0)


def test_the_two_link_limb_reaches_a_point_in_range():
    joint = two_link((0.0, 0.0), (0.3, 0.0), 0.2, 0.2, 1)
    assert math.dist((0.0, 0.0), joint) == pytest.approx(0.2)
    assert math.dist(joint, (0.3, 0.0)) == pytest.approx(0.2)
    assert joint[1] > 0  # bent to the left of the line


def test_a_typo_in_a_pose_is_refused():
    good = {"view": "side", "posture": "sitting", "start": {}, "end": {"knee": 5}}
    assert Illustration(parse_pose(good)).scene(0.5).strokes
    with pytest.raises(ValueError, match="unknown joints"):
        parse_pose(good | {"end": {"kne": 5}})
    with pytest.raises(ValueError, match="view or posture"):
        parse_pose(good | {"view": "top"})
    with pytest.raises(ValueError, match="helper"):
        parse_pose(good | {"helper": "foot"})


@pytest.mark.parametrize("exercise_id", sorted(stock_poses()))
def test_the_frame_holds_the_whole_movement(exercise_id):
    figure = illustration(exercise_id)
    left, top, right, bottom = figure.frame
    assert 0 <= left < right <= 1 and 0 <= top < bottom <= 1
    for step in range(13):
        for x, y in figure.scene(step / 12).points():
            assert left <= x <= right and top <= y <= bottom, (exercise_id, step, x, y)


def test_a_figure_lying_down_has_a_wide_low_frame():
    left, top, right, bottom = illustration("heel_slide_rom").frame
    assert (right - left) > 1.5 * (bottom - top), "so a wide place on screen can show it larger"

"""A program with the therapist's pictures and video, published to a patient: the command
and the dashboard's form take a bundle, the clinic keeps it whole, and only the patient's
own device can fetch it."""

from __future__ import annotations

import pytest

from alshome.cli import main
from alshome.clinic.api import MAX_BODY_BYTES
from alshome.clinic.errors import ClinicError
from alshome.clinic.publishing import publish
from alshome.programs.bundle import bundle_bytes, bundle_from_bytes, read_program_source
from tests.clinic.conftest import pair
from tests.programs.bundles import custom_document, picture, putty_media, write_bundle

pytestmark = pytest.mark.databases("sqlite", "postgresql")

PROGRAM = "/api/v1/program"


@pytest.fixture
def bundle(tmp_path):
    """Putty squeeze with its picture and video, as another tool might have zipped it."""
    return write_bundle(tmp_path / "putty.alshome", {**custom_document(), "version": 2})


def test_the_device_fetches_the_bundle_the_clinic_kept_whole(client, clinic, patient, bundle):
    checked = read_program_source(bundle)
    assert publish(clinic, patient.patient_id, checked, "command:test")
    device = pair(client, patient.pairing_code)
    published = client.get(PROGRAM, headers=device).json()
    assert published["bundle"].startswith("/program/")
    fetched = client.get(f"/api/v1{published['bundle']}", headers=device)
    assert fetched.status_code == 200
    assert fetched.headers["content-type"] == "application/zip"
    assert fetched.content == bundle_bytes(checked.document, checked.media)
    assert bundle_from_bytes(fetched.content, "putty.alshome").media == putty_media()


def test_a_program_without_media_names_no_bundle(client, clinic, patient, tmp_path):
    document = {**custom_document(), "version": 2}
    for exercise in document["custom_exercises"]:
        del exercise["picture"], exercise["video"]
    plain = read_program_source(write_bundle(tmp_path / "plain.alshome", document, media={}))
    publish(clinic, patient.patient_id, plain, "command:test")
    device = pair(client, patient.pairing_code)
    assert client.get(PROGRAM, headers=device).json()["bundle"] is None


def test_another_patients_device_and_no_token_get_no_bundle(
    client, clinic, patient, other_patient, bundle
):
    publish(clinic, patient.patient_id, read_program_source(bundle), "command:test")
    own = pair(client, patient.pairing_code)
    path = f"/api/v1{client.get(PROGRAM, headers=own).json()['bundle']}"
    other = pair(client, other_patient.pairing_code, "Alex's tablet")
    assert client.get(path, headers=other).status_code == 404
    assert client.get(path).status_code == 401
    assert client.get("/api/v1/program/999999/bundle", headers=own).status_code == 404


def test_the_same_version_with_another_picture_is_refused(clinic, patient, tmp_path, bundle):
    publish(clinic, patient.patient_id, read_program_source(bundle), "command:test")
    changed = write_bundle(
        tmp_path / "changed.alshome",
        {**custom_document(), "version": 2},
        {**putty_media(), "media/putty.png": picture(size=(40, 30))},
    )
    with pytest.raises(ClinicError, match="new version number"):
        publish(clinic, patient.patient_id, read_program_source(changed), "command:test")


def test_the_publish_command_takes_a_bundle(clinic_url, clinic, patient, bundle, capsys):
    arguments = ["clinic", "publish", patient.patient_id, str(bundle)]
    status = main([*arguments, "--database-url", clinic_url])
    assert (status, capsys.readouterr().err) == (0, "")


def test_only_the_dashboards_program_form_may_carry_a_whole_bundle(client):
    body = b"x" * (MAX_BODY_BYTES + 1)
    headers = {"content-type": "multipart/form-data; boundary=x"}
    assert client.post("/api/v1/upload", content=body, headers=headers).status_code == 413
    assert client.post("/patients/p/program", content=body, headers=headers).status_code != 413

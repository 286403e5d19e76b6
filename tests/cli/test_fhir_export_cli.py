"""`alshome export --format fhir`: a valid bundle, private, naming the person only by the
identifier given; refused without one; and FHIR's models loaded only when asked for."""

from __future__ import annotations

import stat
import subprocess
import sys

from fhir.resources.R4B.bundle import Bundle

from alshome.cli import main
from alshome.operations.fhir import codes


def test_a_fhir_export_writes_a_private_valid_bundle(history_dir, tmp_path, capsys):
    output = tmp_path / "history.fhir.json"
    arguments = ["--data-dir", str(history_dir), "export", "--format", "fhir"]
    code = main([*arguments, "--output", str(output), "--patient-id", "MRN-7"])
    captured = capsys.readouterr()
    assert (code, captured.err) == (0, "")
    assert captured.out == f"Exported 2 sessions to {output} as FHIR.\n"
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    bundle = Bundle.model_validate_json(output.read_text(encoding="utf-8"))
    patient = bundle.entry[0].resource
    assert [(i.system, i.value) for i in patient.identifier] == [
        (codes.PATIENT_IDENTIFIER, "MRN-7")
    ]
    assert patient.name is None
    assert '"Sam"' not in output.read_text(encoding="utf-8")  # the profile's name
    sessions = [
        entry.resource
        for entry in bundle.entry
        if entry.resource.get_resource_type() == "Observation"
        and entry.resource.code.coding[0].code == "55411-3"
    ]
    assert len(sessions) == 2


def test_a_fhir_export_needs_the_patient_id(history_dir, tmp_path, capsys):
    output = tmp_path / "history.fhir.json"
    arguments = ["--data-dir", str(history_dir), "export", "--format", "fhir"]
    code = main([*arguments, "--output", str(output)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err == (
        "A FHIR export needs --patient-id: the identifier the clinic's record system "
        "knows the person by.\n"
    )
    assert not output.exists()


def test_fhir_models_load_only_for_a_fhir_export():
    probe = (
        "import sys, alshome.cli.commands, alshome.operations.exchange;"
        "print(sorted(m for m in sys.modules if m.startswith('fhir')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout == "[]\n"

"""`alshome export` and `alshome import`: the whole history to a file, and a file merged in."""

from __future__ import annotations

from argparse import Namespace

from alshome.cli.passphrase import asked_passphrase
from alshome.platform.paths import Locations


def export_history(locations: Locations, options: Namespace) -> str:
    if options.format == "fhir":
        return _export_fhir(locations, options)
    from alshome.operations.exchange import export_history_file

    count = export_history_file(
        locations.database_url, asked_passphrase(locations), options.output, options.format
    )
    return f"Exported {_sessions(count)} to {options.output}."


def _export_fhir(locations: Locations, options: Namespace) -> str:
    """A FHIR bundle names the person only by the identifier the clinic gives them."""
    from alshome.platform.errors import QT_TRANSLATE_NOOP, DocumentError

    if not options.patient_id:
        raise DocumentError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A FHIR export needs --patient-id: the identifier the clinic's record system "
                "knows the person by.",
            )
        )
    from alshome.operations.fhir.bundle import PatientIdentity, export_fhir_file

    count = export_fhir_file(
        locations.database_url,
        asked_passphrase(locations),
        options.output,
        PatientIdentity(options.patient_id),
    )
    return f"Exported {_sessions(count)} to {options.output} as FHIR."


def import_history(locations: Locations, options: Namespace) -> str:
    """Merge an export into the history here; sessions already saved are counted, not copied."""
    from alshome.operations.exchange import merge_export, read_export

    history = read_export(options.file)
    result = merge_export(history, locations.database_url, asked_passphrase(locations))
    imported = f"Imported {_sessions(result.added)} from {options.file}"
    if not result.already_here:
        return f"{imported}."
    verb = "was" if result.already_here == 1 else "were"
    return f"{imported}; {result.already_here} {verb} already here."


def _sessions(count: int) -> str:
    return f"{count} session" if count == 1 else f"{count} sessions"

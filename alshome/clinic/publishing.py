"""Programs the therapist publishes to a patient, for the patient's app to take.

A program is checked whole with the app's own rules (`alshome.programs.transfer`) before
it is published, so the app is never offered one it would refuse. A name and version
name one document for good, as in the app: publishing the same document again changes
nothing, a different one needs a new version. A program whose own exercises have a
picture or video is kept with them as one bundle, in the bundle's one byte form
(`alshome.programs.bundle`), which the app fetches and checks again as it would a file.
"""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from alshome.clinic.accounts import patient_named
from alshome.clinic.audit import record_access
from alshome.clinic.errors import ClinicError
from alshome.clinic.models import PublishedProgram, utc_now
from alshome.programs.bundle import bundle_bytes
from alshome.programs.transfer import CheckedProgram


def publish(engine: Engine, patient_id: str, checked: CheckedProgram, actor: str) -> bool:
    """Publish the program to the patient; False when it was published already."""
    document = checked.document
    bundle = bundle_bytes(document, checked.media) if checked.media else None
    with Session(engine) as db, db.begin():
        patient_named(db, patient_id)
        held = db.scalar(
            select(PublishedProgram).where(
                PublishedProgram.patient_id == patient_id,
                PublishedProgram.name == document["name"],
                PublishedProgram.version == document["version"],
            )
        )
        if held is not None:
            if held.document != document or held.bundle != bundle:
                raise ClinicError(
                    f"A different program named {document['name']!r}, version "
                    f"{document['version']}, was already published to this patient; "
                    "give this one a new version number."
                )
            return False
        db.add(
            PublishedProgram(
                patient_id=patient_id,
                name=document["name"],
                version=document["version"],
                document=document,
                bundle=bundle,
                published_at=utc_now(),
                published_by=actor,
            )
        )
        what = f"published program {document['name']!r} version {document['version']}"
        record_access(db, actor, patient_id, "change", what)
        return True


def published_bundle(db: Session, patient_id: str, program_id: int) -> bytes | None:
    """The bundle of a program published to this patient; None for another patient's
    program, one not published, or one without media (all the same to the asker)."""
    return db.scalar(
        select(PublishedProgram.bundle).where(
            PublishedProgram.id == program_id, PublishedProgram.patient_id == patient_id
        )
    )


def latest_published(db: Session, patient_id: str) -> PublishedProgram | None:
    """The program published to the patient last; the app offers it once it is new."""
    return db.scalar(
        select(PublishedProgram)
        .where(PublishedProgram.patient_id == patient_id)
        .order_by(PublishedProgram.published_at.desc(), PublishedProgram.id.desc())
        .limit(1)
    )

"""What the clinic's API reads and writes: the upload batch is made of the app's own
export models (`alshome.operations.exchange`), so a record is checked by the same rules
whether it arrives in a file or over the network.

No model has a patient field: the patient a request reads or writes is the one its
token was paired for, and a body that names one is refused as having an unknown field.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictStr, StringConstraints, model_validator

from alshome.operations.exchange import (
    AlsfrsDoc,
    CarryOverDoc,
    ProfileDoc,
    ProgramEntryDoc,
    SessionDoc,
)

MAX_SESSIONS = 2_000
MAX_PROGRAMS = 200
MAX_CHECKS = 5_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UploadBatch(_Strict):
    """Records of the history to store; each may have been sent before (then it is a
    no-op). A session may come with some of its sets now and the rest later."""

    programs: Annotated[list[ProgramEntryDoc], Field(max_length=MAX_PROGRAMS)] = []
    profile: ProfileDoc | None = None
    carry_over_checks: Annotated[list[CarryOverDoc], Field(max_length=MAX_CHECKS)] = []
    sessions: Annotated[list[SessionDoc], Field(max_length=MAX_SESSIONS)] = []
    alsfrs: Annotated[list[AlsfrsDoc], Field(max_length=MAX_CHECKS)] = []

    @model_validator(mode="after")
    def _distinct(self) -> UploadBatch:
        if len({session.uuid for session in self.sessions}) != len(self.sessions):
            raise ValueError("sessions must not repeat a uuid")
        if sum(entry.active for entry in self.programs) > 1:
            raise ValueError("programs must have at most one active program")
        return self


class Counts(BaseModel):
    stored: int = 0
    already_held: int = 0


class UploadReceipt(BaseModel):
    """What the clinic now holds of the batch: every record in it, stored now or before."""

    programs: Counts
    profile: Counts
    carry_over_checks: Counts
    sessions: Counts
    sets: Counts
    lift_checks: Counts
    alsfrs: Counts
    completed: int = Field(description="stored sessions whose end or ratings this batch added")


class PairRequest(_Strict):
    code: Annotated[StrictStr, StringConstraints(max_length=40)]
    device_name: Annotated[StrictStr, StringConstraints(min_length=1, max_length=200)]


class PairResponse(BaseModel):
    token: str
    patient_id: str


class PublishedProgramResponse(BaseModel):
    name: str
    version: int
    published_at: str
    document: dict[str, Any]
    # Where the program's bundle is (under the API), when its own exercises have a
    # picture or video; None for a program that is its document alone.
    bundle: str | None = None


class HeldSummary(BaseModel):
    """What the clinic holds of the token's patient: for the app's "share status"."""

    patient_id: str
    device_id: int
    sessions: int
    sets: int
    last_upload: str | None = Field(description="this device's last upload, ISO 8601 UTC")

"""The FHIR R4 export of one patient's history, for a clinic's record system.

`bundle` makes it from the JSON export's models and `check` checks it whole with the
`fhir.resources` models; what goes in it is in `activity` (sessions, sets, fatigue,
symptoms), `safety` (the carry-over and lift checks), `weeks` (the weekly measures) and
`alsfrs` (the self-ratings), built of `codes` and `components` and filed by `entries`.
Importing the bundle loads `fhir.resources`, so the front ends import it only when a FHIR
export is asked for.
"""

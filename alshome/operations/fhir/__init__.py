"""The FHIR R4 export of one patient's history, for a clinic's record system.

`bundle` makes it (from the JSON export's models), `activity` and `alsfrs` hold what goes
in it, `codes` every code it writes. Importing this package loads `fhir.resources`, so the
front ends import it only when a FHIR export is asked for.
"""

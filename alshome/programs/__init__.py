"""The program file and the exercise library: untrusted JSON in, domain objects out.

Everything read from a file is validated whole (pydantic, unknown fields refused,
numbers bounded) before anything else sees it, and errors name the field in plain words.
"""

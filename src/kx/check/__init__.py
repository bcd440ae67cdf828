"""Checking: value types and formats, cross-flag rules, suggestions, and the validator."""

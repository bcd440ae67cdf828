"""Specs: the model of a command's flags, and the loader that finds and caches spec files."""

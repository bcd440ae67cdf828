"""The command builder: canonical argv from a spec and user values, shell quoting, offline objects."""

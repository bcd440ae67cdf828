"""Parsing: shell words with source spans, tool/subcommand resolution, pflag-faithful argv parsing."""

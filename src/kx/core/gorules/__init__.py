"""Go standard-library parsing rules the clients rely on, re-stated in Python (one home for each).

``strconv`` (numbers, booleans), ``csv`` (encoding/csv's first record: pflag slices, docker's
``--mount``), ``duration`` (time.ParseDuration), ``net`` (ParseIP, ParseMAC, SplitHostPort),
``strings`` (TrimSpace), ``json`` (encoding/json: the syntax, and values as Go decodes them).
Each answers what its Go namesake answers; none copies Go code. None imports ``re`` when loaded:
``kx check`` calls them on its hot path.
"""

"""Go standard-library parsing rules the clients rely on, re-stated in Python (one home for each).

``strconv`` (numbers, booleans), ``csv`` (encoding/csv's first record: pflag slices, docker's
``--mount``), ``duration`` (time.ParseDuration), ``net`` (ParseIP, ParseMAC, SplitHostPort,
strings.TrimSpace), ``json`` (encoding/json's syntax). Each answers what its Go namesake answers;
none copies Go code. They import no ``re``: ``kx check`` calls them on its hot path.
"""

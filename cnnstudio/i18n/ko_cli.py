"""Korean: placeholder being written."""

ENTRIES = ()

"""The document kinds `ingest --kind` takes (on their own, so that the command line's help needs no parser)."""

KINDS = ("auto", "sanding", "power", "boundary", "supervision", "split", "territorial")

"""Named queries: one .cypher file each (a header states parameters and columns), run by `catalog`."""

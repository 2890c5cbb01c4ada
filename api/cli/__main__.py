"""`python -m api.cli`: the `dutygraph` command."""

from api.cli import main

main()

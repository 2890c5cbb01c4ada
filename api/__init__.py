"""The user-facing surfaces of dutygraph: the command line, and (later) the HTTP API and web page."""

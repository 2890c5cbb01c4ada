"""docker-compose.yml is valid (checked by Debian's docker-compose without a Docker engine) and runs Neo4j
with a volume and a health check, and the API against it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_compose_file_validates() -> None:
    compose = shutil.which("docker-compose")
    if compose is None:
        pytest.skip("Debian's docker-compose is not installed (make test installs it)")
    env = {**os.environ, "NEO4J_PASSWORD": "a-password-of-ones-own"}
    unset = {key: value for key, value in env.items() if key != "NEO4J_PASSWORD"}
    # No default password (ops user test: `dutygraph-secret`, with Neo4j's ports open on every interface).
    refused = subprocess.run([compose, "-f", str(REPO / "docker-compose.yml"), "config", "-q"], capture_output=True,
                             text=True, cwd=REPO, env=unset)
    assert refused.returncode != 0 and "set NEO4J_PASSWORD in .env" in refused.stderr
    checked = subprocess.run([compose, "-f", str(REPO / "docker-compose.yml"), "config", "-q"], capture_output=True,
                             text=True, cwd=REPO, env=env)
    assert checked.returncode == 0, checked.stderr
    rendered = subprocess.run([compose, "-f", str(REPO / "docker-compose.yml"), "config"], capture_output=True,
                              text=True, cwd=REPO, check=True, env=env).stdout
    assert "127.0.0.1:7687:7687" in rendered
    assert "image: neo4j:5" in rendered
    assert "neo4j-data:/data" in rendered
    assert "condition: service_healthy" in rendered
    assert "DUTYGRAPH_STORE: neo4j://neo4j:7687" in rendered
    assert "serve" in rendered

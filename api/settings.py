"""The one place that reads the environment: every setting, with the variable that sets it."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.store import DEFAULT_STORE


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", populate_by_name=True)

    store: str = Field(default=DEFAULT_STORE, validation_alias="DUTYGRAPH_STORE")
    aliases: str | None = Field(default=None, validation_alias="DUTYGRAPH_ALIASES")
    neo4j_user: str | None = Field(default=None, validation_alias="NEO4J_USER")
    neo4j_password: str | None = Field(default=None, validation_alias="NEO4J_PASSWORD")
    # Used by the test suite: when set, every store test also runs on this Neo4j server.
    neo4j_uri: str | None = Field(default=None, validation_alias="NEO4J_URI")


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings()

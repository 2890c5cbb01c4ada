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
    # API keys for the write and ad-hoc endpoints: comma-separated, and/or a file with one key a line.
    api_keys: str | None = Field(default=None, validation_alias="DUTYGRAPH_API_KEYS")
    api_keys_file: str | None = Field(default=None, validation_alias="DUTYGRAPH_API_KEYS_FILE")
    cypher_timeout_ms: int = Field(default=5000, ge=1, validation_alias="DUTYGRAPH_CYPHER_TIMEOUT_MS")
    cypher_row_limit: int = Field(default=1000, validation_alias="DUTYGRAPH_CYPHER_ROW_LIMIT")
    # Ad-hoc queries one worker process runs at once. FalkorDB runs reads on one thread per core: two slow
    # ad-hoc queries at once held both and stalled every other endpoint (readiness included) for their limit.
    cypher_concurrency: int = Field(default=1, ge=1, validation_alias="DUTYGRAPH_CYPHER_CONCURRENCY")
    # Origins (https://host[:port], comma-separated, or *) whose pages may call the API from the browser.
    # The largest request body the service reads, in MB: an upload's files together (POST /api/documents) or a
    # hotline's file (POST /api/dispatch/file). Anything larger is refused (413) before its body is read: an upload
    # of any size was taken whole onto the server's disk, while the largest real list is under 2 MB.
    max_upload_mb: float = Field(default=20, gt=0, validation_alias="DUTYGRAPH_MAX_UPLOAD_MB")
    cors_origins: str | None = Field(default=None, validation_alias="DUTYGRAPH_CORS_ORIGINS")
    neo4j_user: str | None = Field(default=None, validation_alias="NEO4J_USER")
    neo4j_password: str | None = Field(default=None, validation_alias="NEO4J_PASSWORD")
    # The reproducible-builds convention: exported files (their 导出时间 and metadata times) carry this time, seconds
    # since 1970 UTC, instead of the current one, so that two exports of one answer are the same bytes
    # (queries.asked.export_time reads and checks it).
    source_date_epoch: str | None = Field(default=None, validation_alias="SOURCE_DATE_EPOCH")
    # Used by the test suite: when set, every store test also runs on this Neo4j server.
    neo4j_uri: str | None = Field(default=None, validation_alias="NEO4J_URI")


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings()

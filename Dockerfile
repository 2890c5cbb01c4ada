# The service's image: dutygraph installed as `make install` installs it, a copy of the product pinned by
# constraints.txt (not an editable link to the sources), built in a stage of its own so that neither Node nor the
# sources are in the image.
FROM python:3.11-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml constraints.txt README.md ./
COPY graph graph
COPY ingest ingest
COPY queries queries
COPY api api
# The page's ECharts and Swagger UI from their lock file and without install scripts, as the Makefile installs them
# (swagger-ui-dist's @scarf/scarf would report the install home); the wheel carries their files (pyproject's package
# data).
RUN npm ci --prefix api/web --no-audit --no-fund --ignore-scripts \
    && pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
COPY constraints.txt /tmp/constraints.txt
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --constraint /tmp/constraints.txt /wheels/*.whl \
    && rm -rf /wheels /tmp/constraints.txt \
    && python -c "from api.routes.pages import missing_files; assert not missing_files(), missing_files()"
WORKDIR /app
COPY examples examples
# The default store, embedded:./data, is served from here when DUTYGRAPH_STORE names none (mount a volume to keep it).
RUN mkdir data
EXPOSE 8000
CMD ["dutygraph", "serve", "--host", "0.0.0.0", "--port", "8000"]

FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY graph graph
COPY ingest ingest
COPY queries queries
COPY api api
COPY examples examples
# Editable, so that the app finds api/web/node_modules (ECharts) where npm put it. From the lock file and without
# install scripts, as the Makefile installs them (swagger-ui-dist's @scarf/scarf would report the install home).
RUN npm ci --prefix api/web --no-audit --no-fund --ignore-scripts && pip install --no-cache-dir --constraint constraints.txt -e .
EXPOSE 8000
CMD ["dutygraph", "serve", "--host", "0.0.0.0", "--port", "8000"]

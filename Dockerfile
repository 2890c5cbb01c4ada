FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY graph graph
COPY ingest ingest
COPY queries queries
COPY api api
COPY examples examples
RUN pip install --no-cache-dir --constraint constraints.txt .
ENTRYPOINT []
CMD ["dutygraph", "--help"]

"""Graph storage for dutygraph: the schema, the store protocol and its FalkorDB and Neo4j backends."""

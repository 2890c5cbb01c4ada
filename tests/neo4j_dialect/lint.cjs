// Lints Cypher statements with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support).
// stdin: {"functions": [names of Neo4j's built-in functions], "statements": [{"cypher": ..., "parameters": [...]}]}
// stdout: one entry per statement, in order: [{"severity": 1 error | 2 warning, "message": ...}, ...]
'use strict';
const { lintCypherQuery } = require('@neo4j-cypher/language-support');

const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const functions = {};
for (const name of input.functions) {
  functions[name] = {
    name, category: '', description: '', isBuiltIn: true, argumentDescription: [], returnDescription: '',
    signature: '', aggregating: false, isDeprecated: false,
  };
}
const results = input.statements.map(({ cypher, parameters }) => {
  const schema = {
    parameters: Object.fromEntries(parameters.map((name) => [name, null])),
    functions: { 'CYPHER 5': functions },
    defaultLanguage: 'CYPHER 5',
  };
  return lintCypherQuery(cypher, schema).diagnostics.map((d) => ({ severity: d.severity, message: d.message }));
});
process.stdout.write(JSON.stringify(results));

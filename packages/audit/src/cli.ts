#!/usr/bin/env node
/**
 * `mandate-audit <bundle.json> <verifier key>`: checks an offline audit bundle and prints what it
 * proves (exit 0), or why it is rejected (exit 1); exit 2 for a wrong invocation.
 */
import { readFileSync } from 'node:fs';
import { describeProof, verifyAuditBundle } from './verify-bundle.js';

const [file, key] = process.argv.slice(2);
if (file === undefined || key === undefined) {
  process.stderr.write('usage: mandate-audit <bundle.json> <verifier key>\n');
  process.exit(2);
}
let bundle: unknown;
try {
  bundle = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  process.stderr.write(`Rejected: ${file} is not a readable JSON file (${String(error)})\n`);
  process.exit(1);
}
const result = verifyAuditBundle(bundle, key);
if (result.ok) {
  process.stdout.write(`Verified.\n${describeProof(result.proof).join('\n')}\n`);
} else {
  process.stderr.write(`Rejected: ${result.problem.message}\n`);
  process.exit(1);
}

#!/usr/bin/env node
// Prints vitest's totals as one plain closing line ("N passed, N failed, N skipped") for CI logs.
import fs from 'node:fs';

const file = process.argv[2] ?? '.cache/vitest-results.json';
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
process.stdout.write(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped\n`);
process.exitCode = r.numFailedTests > 0 || r.numTotalTests === 0 ? 1 : 0;

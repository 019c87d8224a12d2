#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): node starts the command without its ES-module loader (issue 21).
const fs = require('node:fs');
const path = require('node:path');

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // The package's version, as src/cli/entry.ts version() gives it, without loading the program.
  process.stdout.write(`${JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
} else {
  // The start-up bundle (bin/bundle.cjs) when `npm run build` made one, else dist/'s ES modules.
  const bundled = require('./bundle.cjs').load();
  (bundled ? Promise.resolve(bundled) : import('../dist/src/cli/entry.js')).then(({ run }) => run(argv));
}

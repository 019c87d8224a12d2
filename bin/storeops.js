#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): node starts it without its ES-module loader (issue 21).
const argv = process.argv.slice(2);
// --version answers from dist/ without reading the bundle; any other run uses the start-up bundle
// (bin/bundle.cjs) when `npm run build` made one, else dist/'s ES modules.
const bundled = argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V') ? null : require('./bundle.cjs').load();
(bundled ? Promise.resolve(bundled) : import('../dist/src/cli/entry.js')).then(({ run }) => run(argv));

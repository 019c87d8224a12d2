#!/usr/bin/env node
import { createRequire } from 'node:module';

const argv = process.argv.slice(2);
// --version answers from dist/ without reading the bundle; any other run uses the start-up bundle
// (bin/bundle.cjs) when `npm run build` made one, else dist/'s ES modules.
const bundled = argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V') ? null : createRequire(import.meta.url)('./bundle.cjs').load();
const { run } = bundled ?? (await import('../dist/src/cli/entry.js'));
await run(argv);

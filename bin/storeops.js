#!/usr/bin/env node
import { run } from '../dist/src/cli/entry.js';
await run(process.argv.slice(2));

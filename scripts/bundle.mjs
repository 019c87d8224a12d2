#!/usr/bin/env node
// The start-up bundle (issue 21, the 10k-row target; docs/performance.md, twentieth round): after
// `tsc`, dist/ is joined into one CommonJS file, dist/src/cli/storeops.cjs, and V8's code cache of
// it is written next to it (storeops.cjs.cache). bin/storeops.js runs the bundle through
// bin/bundle.cjs, which hands V8 that cache: the modules are neither resolved one by one by the ESM
// loader nor parsed and compiled again at every start. The bundle lives in dist/src/cli/ so that
// every `import.meta.url` path in it (package.json, templates/, the roster worker) points where it
// points from the modules themselves.
//
// rolldown comes with vitest (a devDependency). Where it is not installed (a production install
// built elsewhere), no bundle is made, any old one is removed, and bin/storeops.js runs dist/ as
// ES modules, as before: the same program, only slower to start.
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'dist', 'src', 'cli', 'storeops.cjs');
const cacheFile = `${out}.cache`;
for (const f of [out, cacheFile]) fs.rmSync(f, { force: true });

let rolldown;
try {
  ({ rolldown } = await import('rolldown'));
} catch {
  process.stderr.write('scripts/bundle.mjs: rolldown is not installed: no start-up bundle (bin/storeops.js runs dist/ as ES modules)\n');
  process.exit(0);
}

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
// Outside the bundle, loaded from node_modules as before: the packages only some commands use,
// iconv-lite (required through createRequire) and commander, which is CommonJS (in the bundle
// it would run in strict mode, which it was not written for). Inside: dist/ and the ES-module
// packages (csv-parse, decimal.js, chalk, fast-string-width), strict as ES modules are.
const external = (id) => builtins.has(id) || /^(better-sqlite3|exceljs|highs|@inquirer\/prompts|iconv-lite|commander)(\/|$)/.test(id);

const bundle = await rolldown({ input: path.join(root, 'dist', 'src', 'cli', 'entry.js'), platform: 'node', external, logLevel: 'warn' });
await bundle.write({ file: out, format: 'cjs', strict: true, codeSplitting: false, dynamicImportInCjs: false, sourcemap: false });
await bundle.close();

// The cache as compiled (no run): what V8 compiles eagerly, the module bodies and the functions it
// expects to be called at once. Compiled with the wrapper bin/bundle.cjs uses, else V8 rejects it.
// The file name given here is kept in the cache, and node 20's V8 names the bundle by it in every
// stack trace of a run that takes the cache, whatever file name bin/bundle.cjs passes: with `out`,
// an installed copy's --debug traces pointed into the machine that ran `npm pack`
// (/home/…/storeops/dist/src/cli/storeops.cjs, no such file here). So the cache is made with the
// bundle's path inside the package, the same on every machine.
const { wrapSource } = createRequire(import.meta.url)('../bin/bundle.cjs');
const script = new vm.Script(wrapSource(fs.readFileSync(out, 'utf8')), { filename: path.relative(root, out).split(path.sep).join('/') });
fs.writeFileSync(cacheFile, script.createCachedData());
process.stderr.write(`scripts/bundle.mjs: ${path.relative(root, out)} ${fs.statSync(out).size} bytes, code cache ${fs.statSync(cacheFile).size} bytes\n`);

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
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Module, { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
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
// Outside the bundle, loaded from node_modules as before: the packages only some commands use and
// iconv-lite (required through createRequire). Inside: dist/ and the ES-module packages
// (csv-parse, decimal.js, chalk, fast-string-width), strict as ES modules are, and commander, which
// is CommonJS: in the bundle it runs in strict mode too. Its files compile as strict code and most
// of it is class bodies, strict anyway; test/cli/bundle.test.ts runs commands, usage errors and
// help both ways. Outside, its ~2,000 lines were parsed and its functions compiled at every start,
// with no code cache (node 20 has none for require()), and it loaded child_process (see below):
// ~36 M instructions of every run's main thread, ~2 % of a 10k-row export's (issue 21).
const external = (id) => builtins.has(id) || /^(better-sqlite3|exceljs|highs|@inquirer\/prompts|iconv-lite)(\/|$)/.test(id);

const bundle = await rolldown({ input: path.join(root, 'dist', 'src', 'cli', 'entry.js'), platform: 'node', external, logLevel: 'warn' });
await bundle.write({ file: out, format: 'cjs', charset: 'ascii', comments: { legal: true, annotation: false, jsdoc: false }, strict: true, codeSplitting: false, dynamicImportInCjs: false, sourcemap: false });
await bundle.close();

// rolldown hoists every external `import` to a `require()` at the bundle's top, also those of the
// modules it wraps to run only when first imported (the notices, xlsx, the roster worker, chalk's
// colour check, the zhenjian ledger): a compensate run loaded http, https, tls, zlib, readline,
// worker_threads, tty and iconv-lite that it never used (159 of node's own modules against 131
// from dist/'s ES modules). These are loaded on first use instead, through an object that requires
// the module when one of its properties is first read; the bundle only ever reads their properties
// (`node_http.default.request`, `(0, node_worker_threads.Worker)`), which the check below enforces.
// node:v8 serves only orders/heldgroups.ts (an order's rows held on disk across line-grain files);
// loaded at the start it brought 7 of node's modules and bindings (serdes, heap_utils, promise_hooks…)
// into every run (issue 21, thirty-first round).
// node:net and node:tls serve only the alerts' proxy tunnel (notify/post.ts, the forty-fifth round):
// loaded at the top they put tls back into every compensate run (test/cli/bundle).
const LAZY = new Set(['node:tty', 'node:zlib', 'node:readline', 'node:http', 'node:https', 'node:net', 'node:tls', 'node:worker_threads', 'node:stream/promises', 'node:v8', 'iconv-lite']);
let code = fs.readFileSync(out, 'utf8');
const lazyNames = [];
code = code.replace(/^let (\w+) = require\("([^"]+)"\);\n(\1 = __toESM\(\1, 1\);\n)?/gm, (line, name, id, esm) => {
  if (!LAZY.has(id)) return line;
  lazyNames.push(name);
  return `let ${name} = __lazyModule(() => ${esm ? `__toESM(require(${JSON.stringify(id)}), 1)` : `require(${JSON.stringify(id)})`});\n`;
});
if (lazyNames.length !== LAZY.size) throw new Error(`scripts/bundle.mjs: expected ${LAZY.size} lazy requires at the bundle's top, found ${lazyNames.length} (${lazyNames.join(', ')})`);
for (const name of lazyNames) {
  const uses = [...code.matchAll(new RegExp(`(?<![\\w$.])${name}\\b(.?)`, 'g'))].slice(1);
  const bad = uses.filter((m) => m[1] !== '.');
  if (bad.length) throw new Error(`scripts/bundle.mjs: ${name} is used other than by reading a property; it cannot be loaded lazily`);
}
// commander (bundled: its functions are then in the code cache, not parsed and compiled at each
// start) requires child_process at its top for executable subcommands, which storeops has none
// of: ~12 M instructions of every run's main thread. Loaded on first use, as above.
const CHILD = '\tconst childProcess = require("node:child_process");\n';
if (code.split(CHILD).length !== 2) throw new Error('scripts/bundle.mjs: expected commander\'s one require of node:child_process in the bundle');
code = code.replace(CHILD, '\tconst childProcess = __lazyModule(() => require("node:child_process"));\n');
{
  const uses = [...code.matchAll(/(?<![\w$.])childProcess\b(.?)/g)].slice(1);
  if (uses.some((m) => m[1] !== '.')) throw new Error('scripts/bundle.mjs: commander uses childProcess other than by reading a property; it cannot be loaded lazily');
}
const first = code.search(/^let \w+ = (require|__lazyModule)\(/m);
code = `${code.slice(0, first)}var __lazyModule = (load) => {\n\tlet m;\n\treturn new Proxy({}, { get: (_, key) => (m ??= load())[key] });\n};\n${code.slice(first)}`;
// Every character in the bundle is ASCII (`charset: 'ascii'` escapes the zh texts in strings and
// regular expressions, and the JSDoc comments, the only other non-ASCII text, are left out), so
// bin/bundle.cjs reads it as latin1, a plain copy into a one-byte string: as UTF-8 with its zh
// text V8 decoded 1.2 MB into a two-byte string at every start (~31 M instructions).
if (/[^\x00-\x7f]/.test(code)) throw new Error('scripts/bundle.mjs: the bundle is not pure ASCII; bin/bundle.cjs reads it as latin1');
// Written wrapped as node wraps a CommonJS file (bin/bundle.cjs wrapSource then compiles it as it
// is read: one flat string, not the two-part one a wrapper joined on at each start made, which V8
// copied whole before compiling it).
fs.writeFileSync(out, Module.wrap(code));

// The cache as compiled (no run): what V8 compiles eagerly, the module bodies and the functions it
// expects to be called at once. Compiled with the wrapper bin/bundle.cjs uses, else V8 rejects it.
// The file name given here is kept in the cache, and node 20's V8 names the bundle by it in every
// stack trace of a run that takes the cache, whatever file name bin/bundle.cjs passes: with `out`,
// an installed copy's --debug traces pointed into the machine that ran `npm pack`
// (/home/…/storeops/dist/src/cli/storeops.cjs, no such file here). So the cache is made with the
// bundle's path inside the package, the same on every machine.
const { wrapSource } = createRequire(import.meta.url)('../bin/bundle.cjs');
const script = new vm.Script(wrapSource(fs.readFileSync(out, 'latin1')), { filename: path.relative(root, out).split(path.sep).join('/') });
fs.writeFileSync(cacheFile, script.createCachedData());
const cold = fs.statSync(cacheFile).size;

// Then a warm cache: the cache above holds only what V8 compiles eagerly, so every function a run
// calls is still parsed and compiled on its first call (~0.14 G instructions of a 10k-row run). A
// child node (this node, no flags of its own: V8 refuses a cache made under other flags) loads the
// bundle as bin/bundle.cjs does, with the cache above, runs `compensate` on the 10-row GBK example
// export, and at its exit writes the cache of the script as it then stands, which holds the
// functions that run compiled (V8's ScriptCompiler::CreateCodeCache after execution: bytecode only,
// no feedback, no optimised code, nothing of the run's data). Its home, config and output are a
// temporary folder's; stdout and stderr are dropped. If anything goes wrong the cold cache stays.
const example = path.join(root, 'examples', 'ExportOrderList202611.csv');
if (fs.existsSync(example)) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storeops-bundle-'));
  const warm = path.join(tmp, 'warm.cache');
  const child = `const fs = require('node:fs'), path = require('node:path'), vm = require('node:vm'), Module = require('node:module');
    const FILE = ${JSON.stringify(out)};
    const script = new vm.Script(require(${JSON.stringify(path.join(root, 'bin', 'bundle.cjs'))}).wrapSource(fs.readFileSync(FILE, 'latin1')), { filename: ${JSON.stringify(path.relative(root, out).split(path.sep).join('/'))}, cachedData: fs.readFileSync(FILE + '.cache') });
    if (script.cachedDataRejected) process.exit(3);
    const mod = { exports: {}, filename: FILE, id: FILE, loaded: false };
    script.runInThisContext()(mod.exports, Module.createRequire(FILE), mod, FILE, path.dirname(FILE));
    process.on('exit', (code) => { if (code === 0) fs.writeFileSync(${JSON.stringify(warm)}, script.createCachedData()); });
    mod.exports.run(['compensate', ${JSON.stringify(example)}, '--as-of', '2026-12-01 00:00:00', '-q']);`;
  const r = spawnSync(process.execPath, ['-e', child], {
    cwd: tmp,
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', TZ: 'UTC', LANG: 'C', HOME: tmp, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data'), TMPDIR: tmp },
    timeout: 60_000,
  });
  if (r.status === 0 && fs.existsSync(warm) && fs.statSync(warm).size > cold) fs.copyFileSync(warm, cacheFile);
  else process.stderr.write(`scripts/bundle.mjs: the warm-up run failed (exit ${r.status ?? r.signal}): the code cache is the cold one\n`);
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.stderr.write(`scripts/bundle.mjs: ${path.relative(root, out)} ${fs.statSync(out).size} bytes, code cache ${fs.statSync(cacheFile).size} bytes (${cold} before the warm-up run)\n`);

'use strict';
// Runs the start-up bundle made by scripts/bundle.mjs (dist/src/cli/storeops.cjs) with its V8 code
// cache (issue 21; docs/performance.md, twentieth round). load() gives the bundle's exports (run,
// version, endNow of src/cli/entry.ts), or null when there is no bundle or it is older than
// dist/src/cli/entry.js (dist/ rebuilt by `tsc` alone; not asked in node_modules): bin/storeops.js then imports dist/ as
// before. A cache V8 does not accept (another node, other V8 flags, a changed bundle) is ignored
// by V8 itself, which then compiles the source as usual.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const FILE = path.join(__dirname, '..', 'dist', 'src', 'cli', 'storeops.cjs');
const ENTRY = path.join(__dirname, '..', 'dist', 'src', 'cli', 'entry.js');
// An installed package (npm install -g storeops-x.tgz, npm install storeops): npm unpacks the files
// with the time of unpacking, in the tarball's order, in which storeops.cjs comes before entry.js,
// so the bundle always looked older than dist/ and was never used. Nobody runs `tsc` alone inside
// node_modules, so there the times are not compared. (A clone, and `npm link` / `npm install -g .`,
// which link to the clone, keep the check.)
const INSTALLED = path.resolve(__dirname).split(path.sep).includes('node_modules');

/**
 * The bundle as a function of (exports, require, module, __filename, __dirname), as node wraps a
 * CommonJS file. scripts/bundle.mjs writes the bundle wrapped already: the wrapper joined on here
 * made a two-part string, which V8 copied into one flat string of the bundle's 1.5 MB before
 * compiling it (~400 page faults of a run; docs/performance.md, thirty-second round). A source not
 * wrapped yet (a bundle an older build made) is wrapped here.
 */
function wrapSource(src) {
  return src.startsWith(Module.wrapper[0]) && src.endsWith(Module.wrapper[1]) ? src : Module.wrap(src);
}

function load() {
  let src;
  try {
    if (!INSTALLED && fs.statSync(FILE).mtimeMs < fs.statSync(ENTRY).mtimeMs) return null;
    src = fs.readFileSync(FILE, 'latin1'); // pure ASCII (scripts/bundle.mjs checks): a one-byte string, no UTF-8 decoding
  } catch {
    return null;
  }
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${FILE}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(wrapSource(src), {
    filename: FILE,
    cachedData,
  });
  const mod = { exports: {}, filename: FILE, id: FILE, loaded: false };
  script.runInThisContext()(mod.exports, Module.createRequire(FILE), mod, FILE, path.dirname(FILE));
  mod.loaded = true;
  return mod.exports;
}

module.exports = { load, wrapSource };

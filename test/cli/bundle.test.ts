// The start-up bundle (issue 21, the 10k-row target; docs/performance.md, twentieth round):
// `npm run build` joins dist/ into dist/src/cli/storeops.cjs with V8's code cache beside it, and
// bin/storeops.js runs that instead of dist/'s ES modules. It must be the same program: these
// tests run the same commands both ways (the bundle through bin/storeops.js, the modules through
// dist/src/cli/entry.js) and require the same bytes on stdout and stderr and the same exit code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, tmpDir } from '../helpers.js';

const ENTRY = path.join(ROOT, 'dist', 'src', 'cli', 'entry.js');
const BUNDLE = path.join(ROOT, 'dist', 'src', 'cli', 'storeops.cjs');
const AS_OF = ['--as-of', '2026-12-01 00:00:00'];

function run(how: 'bundle' | 'modules', args: string[], home: string) {
  const argv =
    how === 'bundle'
      ? [BIN, ...args]
      : ['--input-type=module', '-e', `import { run } from ${JSON.stringify(ENTRY)}; await run(process.argv.slice(1));`, '--', ...args];
  const r = spawnSync(process.execPath, argv, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', TZ: 'UTC', LANG: 'C', HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share') },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

describe('start-up bundle', () => {
  it('npm run build made it, and this node takes its code cache', () => {
    expect(fs.existsSync(BUNDLE)).toBe(true);
    expect(fs.existsSync(`${BUNDLE}.cache`)).toBe(true);
    // the same wrapper and file name bin/bundle.cjs compiles it with
    const probe = `const fs = require('node:fs'), vm = require('node:vm'); const { wrapSource } = require(${JSON.stringify(path.join(ROOT, 'bin', 'bundle.cjs'))});
      const s = new vm.Script(wrapSource(fs.readFileSync(${JSON.stringify(BUNDLE)}, 'utf8')), { filename: ${JSON.stringify(BUNDLE)}, cachedData: fs.readFileSync(${JSON.stringify(`${BUNDLE}.cache`)}) });
      process.stdout.write(String(s.cachedDataRejected));`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(r.stdout).toBe('false');
  });

  // scripts/bundle.mjs writes the bundle wrapped as node wraps a CommonJS file, and wrapSource hands
  // the text read on as it is. With the wrapper joined on at each start, V8 got a two-part string and
  // copied it into one flat 1.5 MB string on the heap before compiling it: ~1,400 more page faults a
  // run (docs/performance.md, thirty-second round). A source not wrapped yet is still wrapped.
  it('the bundle is written wrapped, and compiled from the text as read', () => {
    const probe = `const fs = require('node:fs'), Module = require('node:module'); const { wrapSource } = require(${JSON.stringify(path.join(ROOT, 'bin', 'bundle.cjs'))});
      const src = fs.readFileSync(${JSON.stringify(BUNDLE)}, 'latin1');
      process.stdout.write(JSON.stringify([src.startsWith(Module.wrapper[0]), src.endsWith(Module.wrapper[1]), wrapSource(src) === src, wrapSource('1;') === Module.wrapper[0] + '1;' + Module.wrapper[1]]));`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(r.stdout).toBe('[true,true,true,true]');
  });

  // scripts/bundle.mjs writes the cache after a warm-up run of compensate on the 10-row example, so
  // that it holds the functions a run calls, not only what V8 compiles before running anything
  // (the twentieth round's cache, 161 KB; warm ~609 KB). A warm-up that failed silently (the example
  // moved, the run refused) would leave the cold cache: the built cache must be larger than the one
  // V8 makes of the bundle without running it.
  it('the code cache was written after a warm-up run', () => {
    const probe = `const fs = require('node:fs'), vm = require('node:vm'); const { wrapSource } = require(${JSON.stringify(path.join(ROOT, 'bin', 'bundle.cjs'))});
      process.stdout.write(String(new vm.Script(wrapSource(fs.readFileSync(${JSON.stringify(BUNDLE)}, 'latin1')), { filename: 'dist/src/cli/storeops.cjs' }).createCachedData().length));`;
    const cold = Number(spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).stdout);
    expect(cold).toBeGreaterThan(0);
    expect(fs.statSync(`${BUNDLE}.cache`).size).toBeGreaterThan(2 * cold);
  });

  // npm unpacks a tarball with the time of unpacking and in the tarball's order, which puts
  // dist/src/cli/storeops.cjs before dist/src/cli/entry.js: in every installed package the bundle
  // was older than entry.js by some milliseconds, and bin/bundle.cjs, taking that for "dist/ rebuilt
  // by tsc alone", ran dist/'s modules. Laid out as npm leaves it (bundle 1 s older than entry.js):
  // under node_modules load() gives the bundle; in a clone the older bundle is still passed over.
  function layout(under: string) {
    const pkg = path.join(tmpDir(), under, 'storeops');
    fs.mkdirSync(path.join(pkg, 'bin'), { recursive: true });
    fs.mkdirSync(path.join(pkg, 'dist', 'src', 'cli'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'bin', 'bundle.cjs'), path.join(pkg, 'bin', 'bundle.cjs'));
    for (const f of ['storeops.cjs', 'storeops.cjs.cache', 'entry.js']) fs.copyFileSync(path.join(ROOT, 'dist', 'src', 'cli', f), path.join(pkg, 'dist', 'src', 'cli', f));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
    fs.symlinkSync(path.join(ROOT, 'templates'), path.join(pkg, 'templates'));
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
    const t = Date.now() / 1000;
    fs.utimesSync(path.join(pkg, 'dist', 'src', 'cli', 'storeops.cjs'), t - 1, t - 1);
    fs.utimesSync(path.join(pkg, 'dist', 'src', 'cli', 'entry.js'), t, t);
    const probe = `const m = require(${JSON.stringify(path.join(pkg, 'bin', 'bundle.cjs'))}).load(); process.stdout.write(m ? typeof m.run : 'null');`;
    return Object.assign(spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' }), { pkg });
  }
  it('an installed package (under node_modules) runs the bundle though npm unpacked it before entry.js', () => {
    const r = layout('node_modules');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('function');
  });
  // node 20's V8 keeps the file name the code cache was made with and names the bundle by it in
  // stack traces of every run that takes the cache: an installed copy's --debug trace pointed into
  // the machine that ran `npm pack` (here ROOT). An internal error (Array.prototype.sort made to
  // throw once the bundle is loaded) in a copy elsewhere: its frames name the bundle by its path in
  // the package.
  it('an installed copy\'s --debug stack trace does not point into the machine that built it', () => {
    const { pkg } = layout('node_modules');
    const probe = `const m = require(${JSON.stringify(path.join(pkg, 'bin', 'bundle.cjs'))}).load();
      Array.prototype.sort = function () { throw new TypeError('injected'); };
      m.run(['rules', 'list', '--debug']).then(() => process.exit(process.exitCode));`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C', HOME: tmpDir() } });
    expect(r.status).toBe(70);
    expect(r.stderr).toContain('internal error: injected');
    expect(r.stderr).toMatch(/^ {4}at .*\(dist\/src\/cli\/storeops\.cjs:\d+:\d+\)$/m);
    expect(r.stderr).not.toContain(path.join(ROOT, 'dist'));
  });
  it('in a clone, a bundle older than entry.js (tsc run alone) is still passed over', () => {
    expect(layout('clone').stdout).toBe('null');
  });

  // rolldown puts every external import at the bundle's top, those of the parts that start only
  // when asked (the notices' http/https, xlsx's zlib and readline, the roster's worker_threads,
  // chalk's tty check, the ledger's iconv-lite) too; scripts/bundle.mjs makes them load on first
  // use. A plain compensate run (csv in, csv to a pipe) must load none of them: before the change
  // it loaded all eight (tls through https); the xlsx export, which uses zlib through exceljs, still works (cases below).
  // node:v8 too (the thirty-first round): only orders/heldgroups.ts uses it, for line-grain files held on disk.
  it('a compensate run does not load the modules only other parts use', () => {
    const probe = path.join(tmpDir(), 'probe.cjs');
    fs.writeFileSync(probe, `process.on('exit', () => {
      const node = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
      const ours = Object.keys(require.cache).filter((f) => f.includes('iconv-lite')).length ? ['iconv-lite'] : [];
      process.stderr.write('LOADED ' + JSON.stringify([...node, ...ours]) + '\\n');
    });`);
    const r = spawnSync(process.execPath, ['-r', probe, BIN, 'compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), ...AS_OF, '-q'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C', HOME: tmpDir() } });
    expect(r.status).toBe(0);
    const loaded: string[] = JSON.parse(/^LOADED (.*)$/m.exec(r.stderr)![1]!);
    expect(loaded).toContain('crypto'); // the voucher ids' sha256: the probe sees what the run loads
    expect(loaded.filter((m) => ['http', 'https', 'tls', 'zlib', 'readline', 'worker_threads', 'tty', 'v8', 'iconv-lite'].includes(m))).toEqual([]);
  });

  // commander is in the bundle (its functions in the code cache, not parsed and compiled again at
  // every start), and the child_process it requires at its top (for executable subcommands, which
  // storeops has none of) loads on first use. Before: commander's files came from node_modules and
  // child_process was loaded by every run.
  it('a compensate run takes commander from the bundle and does not load child_process', () => {
    const probe = path.join(tmpDir(), 'probe.cjs');
    fs.writeFileSync(probe, `process.on('exit', () => {
      const node = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
      const files = Object.keys(require.cache).filter((f) => f.includes('node_modules'));
      process.stderr.write('LOADED ' + JSON.stringify({ node, files }) + '\\n');
    });`);
    const r = spawnSync(process.execPath, ['-r', probe, BIN, 'compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), ...AS_OF, '-q'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C', HOME: tmpDir() } });
    expect(r.status).toBe(0);
    const loaded: { node: string[]; files: string[] } = JSON.parse(/^LOADED (.*)$/m.exec(r.stderr)![1]!);
    expect(loaded.node).toContain('crypto'); // the probe sees what the run loads
    expect(loaded.node).not.toContain('child_process');
    expect(loaded.files).toEqual([]);
  });

  // Run as cron and the bench run it (stdin /dev/null, stdout a file): Node makes process.stdin at
  // its first use, a ReadStream on fd 0, and reading `fs.WriteStream` loads the same fs stream
  // modules, with fs/promises and readline behind them (~10 of Node's modules). A run that reads
  // its export by name and writes csv needs none of them: before, both were asked for at every
  // start (main.ts defaultIo, sink.ts fileFd), and this test failed naming all three.
  it('a compensate run with stdin /dev/null and stdout a file does not load the fs stream modules', () => {
    const dir = tmpDir();
    const probe = path.join(dir, 'probe.cjs');
    fs.writeFileSync(probe, `process.on('exit', () => {
      const node = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
      process.stderr.write('LOADED ' + JSON.stringify(node) + '\\n');
    });`);
    const out = path.join(dir, 'out.csv');
    const outFd = fs.openSync(out, 'w');
    const nullFd = fs.openSync('/dev/null', 'r');
    const r = spawnSync(process.execPath, ['-r', probe, BIN, 'compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), ...AS_OF, '-q'], { encoding: 'utf8', stdio: [nullFd, outFd, 'pipe'], env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C', HOME: tmpDir() } });
    fs.closeSync(outFd);
    fs.closeSync(nullFd);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^[^\n]+\n.+/); // the vouchers reached the file
    const loaded: string[] = JSON.parse(/^LOADED (.*)$/m.exec(r.stderr)![1]!);
    expect(loaded).toContain('internal/fs/sync_write_stream'); // stdout a file: the probe sees what the run loads
    expect(loaded.filter((m) => ['internal/fs/streams', 'internal/fs/promises', 'internal/readline/interface'].includes(m))).toEqual([]);
  });

  // `-` still reads standard input, from a file and from a pipe, as before.
  it('compensate - reads standard input from a file and from a pipe', () => {
    const file = path.join(EXAMPLES, 'ExportOrderList202611.csv');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C', HOME: tmpDir() };
    const named = spawnSync(process.execPath, [BIN, 'compensate', file, ...AS_OF, '-q'], { encoding: 'utf8', env });
    expect(named.status).toBe(0);
    const inFd = fs.openSync(file, 'r');
    const fromFile = spawnSync(process.execPath, [BIN, 'compensate', '-', ...AS_OF, '-q'], { encoding: 'utf8', stdio: [inFd, 'pipe', 'pipe'], env });
    fs.closeSync(inFd);
    const fromPipe = spawnSync(process.execPath, [BIN, 'compensate', '-', ...AS_OF, '-q'], { encoding: 'utf8', input: fs.readFileSync(file), env });
    expect(fromFile.status).toBe(0);
    expect(fromPipe.status).toBe(0);
    expect(named.stdout.length).toBeGreaterThan(0);
    expect(fromFile.stdout).toBe(named.stdout);
    expect(fromPipe.stdout).toBe(named.stdout);
  });

  const cases: [string, string[]][] = [
    ['compensate, csv, json', ['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), ...AS_OF, '-f', 'json', '--lang', 'en']],
    ['compensate, xlsx, zh', ['compensate', path.join(EXAMPLES, 'ExportOrderList202611.xlsx'), ...AS_OF, '--lang', 'zh']],
    ['compensate --record (better-sqlite3, loaded when asked)', ['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), ...AS_OF, '--record', '-q']],
    ['compensate -o xlsx (exceljs)', ['compensate', path.join(EXAMPLES, 'douyin-orders-202611.csv'), ...AS_OF, '-q', '-o', '@OUT@/v.xlsx']],
    ['reviews queue', ['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--as-of', '2026-11-21 10:00:00', '-f', 'json']],
    ['a usage error', ['compensate', '--no-such-option']],
    ['a missing file', ['compensate', path.join(EXAMPLES, 'no-such-file.csv'), ...AS_OF]],
    ['help', ['--help']],
    ['a command\'s help', ['compensate', '--help']],
  ];
  for (const [name, args] of cases) {
    it(`${name}: the same output either way`, () => {
      const out = [tmpDir(), tmpDir()];
      const a = run('bundle', args.map((x) => x.replace('@OUT@', out[0]!)), tmpDir('storeops-home-'));
      const b = run('modules', args.map((x) => x.replace('@OUT@', out[1]!)), tmpDir('storeops-home-'));
      expect(a.code).toBe(b.code);
      expect(a.stderr.replaceAll(out[0]!, '@OUT@')).toBe(b.stderr.replaceAll(out[1]!, '@OUT@'));
      expect(a.stdout.equals(b.stdout)).toBe(true);
      for (const f of fs.readdirSync(out[1]!)) expect(fs.existsSync(path.join(out[0]!, f))).toBe(true);
    });
  }
});

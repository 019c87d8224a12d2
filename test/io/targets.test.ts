// Issue 15, "-o and --rejects must never destroy what they point at". Devices are tested on nodes
// made in a temporary folder (never on the system's /dev): as root, the old code replaced them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, runCli, tmpDir } from '../helpers.js';
import { bigExport, spawnCli, waitFor } from '../hardening/hostile.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const RUN = ['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '-q'];
const HEADER = 'voucherKey,buyer,rules,windowStart,orderIds,lateOrders';
const isRoot = process.getuid?.() === 0;

function mkfifo(p: string): void {
  const r = spawnSync('mkfifo', [p]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
}

describe('-o onto something that is not a regular file', () => {
  it('a FIFO is written directly and stays a FIFO', async () => {
    const dir = tmpDir();
    const fifo = path.join(dir, 'pipe');
    mkfifo(fifo);
    const chunks: Buffer[] = [];
    const reader = new Promise<string>((resolve) => {
      const rs = fs.createReadStream(fifo);
      rs.on('data', (d) => chunks.push(d as Buffer));
      rs.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    const w = spawnCli([...RUN, '-o', fifo, '-f', 'csv']);
    const r = await w.done;
    expect(r.code).toBe(0);
    expect(await reader).toContain(HEADER);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['pipe']);
  });

  // Opened plainly, the FIFO's open waited in a node worker thread for a reader; SIGTERM printed its
  // line, but node's exit waited for that thread: the run never ended (only kill -9 did). Found by
  // hostile40.
  it('a FIFO nobody reads yet: SIGTERM still ends the run (143, its line said), and a reader that comes later gets every row', async () => {
    const dir = tmpDir();
    const fifo = path.join(dir, 'pipe');
    mkfifo(fifo);
    const w = spawnCli([...RUN, '-o', fifo, '-f', 'csv']);
    await new Promise((r) => setTimeout(r, 1500));
    w.proc.kill('SIGTERM');
    const ended = await Promise.race([w.done, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5000))]);
    if (ended === 'hung') w.proc.kill('SIGKILL');
    expect(ended).not.toBe('hung');
    expect((ended as { code: number }).code).toBe(143);
    expect((ended as { stderr: string }).stderr).toContain('storeops: stopped by SIGTERM before the run finished');
    // A reader 1 s after the run starts: the whole result, as to a file.
    const late = spawnCli([...RUN, '-o', fifo, '-f', 'csv']);
    await new Promise((r) => setTimeout(r, 1000));
    const got = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      fs.createReadStream(fifo)
        .on('data', (d) => chunks.push(d as Buffer))
        .on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    expect((await late.done).code).toBe(0);
    // The same bytes as -o to a file (BOM and text ids on, as with any -o).
    const file = path.join(tmpDir(), 'vouchers.csv');
    expect(runCli([...RUN, '-o', file, '-f', 'csv']).code).toBe(0);
    expect(got).toBe(fs.readFileSync(file, 'utf8'));
    expect(fs.readdirSync(dir)).toEqual(['pipe']);
  });

  it.skipIf(!isRoot)('a character device (a /dev/null made with mknod in a temp folder) stays a device', () => {
    const dir = tmpDir();
    const dev = path.join(dir, 'null');
    expect(spawnSync('mknod', [dev, 'c', '1', '3']).status).toBe(0);
    const r = runCli([...RUN, '-o', dev, '-f', 'csv']);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(fs.lstatSync(dev).isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['null']);
    // --rejects onto the same kind of target.
    const r2 = runCli([...RUN, '--rejects', dev]);
    expect(r2.code).toBe(0);
    expect(fs.lstatSync(dev).isCharacterDevice()).toBe(true);
  });

  it('a link to standard output (like /dev/stdout) writes to the pipe; the link stays', () => {
    const dir = tmpDir();
    const link = path.join(dir, 'stdout');
    fs.symlinkSync('/proc/self/fd/1', link);
    const r = runCli([...RUN, '-o', link, '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(HEADER);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe('/proc/self/fd/1');
  });

  it('a symbolic link to a file: the file gets the result, the link stays a link, nothing is left beside either', () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'real'));
    const target = path.join(dir, 'real', 'result.csv');
    fs.writeFileSync(target, 'old');
    const link = path.join(dir, 'latest.csv');
    fs.symlinkSync(path.join('real', 'result.csv'), link);
    const r = runCli([...RUN, '-o', link]);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toContain(HEADER);
    expect(fs.readdirSync(dir).sort()).toEqual(['latest.csv', 'real']);
    expect(fs.readdirSync(path.join(dir, 'real'))).toEqual(['result.csv']);
  });

  it('refused with exit 2, nothing created: a link that leads nowhere, a folder, a socket', async () => {
    const dir = tmpDir();
    const dangling = path.join(dir, 'gone.csv');
    fs.symlinkSync(path.join(dir, 'missing', 'x.csv'), dangling);
    const r = runCli([...RUN, '-o', dangling]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`will not write to ${dangling}: it is a symbolic link that leads nowhere`);
    expect(fs.lstatSync(dangling).isSymbolicLink()).toBe(true);
    const folder = runCli([...RUN, '-o', path.join(dir)]);
    expect(folder.code).toBe(2);
    const sock = path.join(dir, 's.sock');
    const server = net.createServer().listen(sock);
    await new Promise((r) => server.once('listening', r));
    const s = runCli([...RUN, '-o', sock, '-f', 'csv']);
    server.close();
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('it is a socket');
  });

  // An existing folder was refused by the writer, after the whole export had been read and judged
  // (a million-row run's warnings, then "it is a folder"): now before anything is read, as a
  // missing folder is. Only roster's -o takes a folder (-f ics: a calendar per agent).
  it('-o or --rejects naming an existing folder is refused before the export is read (exit 2, no warning); roster -f ics still writes into one', () => {
    const dir = tmpDir();
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '-o', dir]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `storeops: error: will not write to ${dir}: it is a folder\n  hint: give a file name, e.g. -o result.csv.\n`]);
    // The export is not opened: a file that does not exist is not what the run stops on.
    const unread = runCli(['compensate', path.join(dir, 'no-such-export.csv'), '--as-of', '2026-11-20 12:00:00', '--rejects', dir, '--lang', 'zh']);
    expect([unread.code, unread.stderr]).toEqual([2, `storeops: 错误: 不能写入 ${dir}: 它是文件夹\n  提示: 给出文件名, 例如 -o 结果.csv。\n`]);
    const cal = runCli(['roster', 'plan', '--month', '2026-11', '--agents', '小王,小李,小张,小赵,小陈', '-f', 'ics', '-o', dir, '-q']);
    expect(cal.code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['小张.ics', '小李.ics', '小王.ics', '小赵.ics', '小陈.ics']);
  });

  // A link that leads nowhere was refused by the writer only after the export was read and judged
  // (its warnings first; a million-row run's minutes), and a link going round in a loop was called
  // one that "leads nowhere". Found by hostile40.
  it('-o or --rejects onto a dangling link or a link loop is refused before the export is read, the loop named as one (zh and en)', async () => {
    const dir = tmpDir();
    const [a, b] = [path.join(dir, 'a.csv'), path.join(dir, 'b.csv')];
    fs.symlinkSync(b, a);
    fs.symlinkSync(a, b);
    const loop = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '-o', a]);
    expect([loop.code, loop.stdout, loop.stderr]).toEqual([
      2,
      '',
      `storeops: error: will not write to ${a}: it is a symbolic link that goes round in a loop (it leads to itself)\n  hint: remove or correct the link, or give the real path.\n`,
    ]);
    const zh = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--rejects', b, '--lang', 'zh']);
    expect([zh.code, zh.stderr]).toEqual([2, `storeops: 错误: 不能写入 ${b}: 它是绕成环的符号链接 (链接指向自己或互相指向)\n  提示: 删除或改正这个链接, 或直接给出真实路径。\n`]);
    // The export is not opened: a file that does not exist is not what the run stops on.
    const dangling = path.join(dir, 'gone.csv');
    fs.symlinkSync(path.join(dir, 'missing', 'x.csv'), dangling);
    const r = runCli(['compensate', path.join(dir, 'no-such-export.csv'), '--record', '--state', path.join(dir, 's.db'), '-o', dangling]);
    expect([r.code, r.stderr]).toEqual([2, `storeops: error: will not write to ${dangling}: it is a symbolic link that leads nowhere\n  hint: point the link at an existing file, or give the real path.\n`]);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv', 'gone.csv']);
  });

  // `-o out/` for a folder that does not exist said "part of the path <cwd> is not a folder" (the
  // current folder is one), and a file that cannot be made in an existing folder (/proc) was told
  // as "the folder /proc does not exist".
  it('-o out/ (a folder that does not exist) is refused naming it as a folder; a missing folder is told only when missing', () => {
    const dir = tmpDir();
    const r = runCli([...RUN, '-o', 'out/'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('storeops: error: will not write to out/: it names a folder (it ends in /)');
    const zh = runCli([...RUN, '-o', 'out/', '--lang', 'zh'], { cwd: dir });
    expect(zh.stderr).toContain('不能写入 out/: 它指的是一个文件夹 (以 / 结尾)');
    const missing = runCli([...RUN, '-o', 'nodir/x.csv'], { cwd: dir });
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain(`cannot write output file nodir/x.csv: the folder ${fs.realpathSync(dir)}/nodir does not exist`);
    const proc = runCli([...RUN, '-o', '/proc/version']);
    expect(proc.code).toBe(5);
    expect(proc.stderr).not.toContain('the folder /proc does not exist');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('-o or --rejects onto one of the inputs', () => {
  it('is refused before reading (exit 2), naming the real path and inode; the input is untouched', () => {
    const dir = tmpDir();
    const input = path.join(dir, 'in.csv');
    fs.copyFileSync(ORDERS, input);
    const before = fs.readFileSync(input);
    const ino = fs.statSync(input).ino;
    const alias = path.join(dir, 'alias.csv');
    fs.symlinkSync(input, alias);
    const hard = path.join(dir, 'hard.csv');
    fs.linkSync(input, hard);
    for (const args of [
      ['-o', input],
      ['--rejects', input],
      ['-o', alias],
      ['-o', hard],
      ['-o', path.join(dir, '.', 'in.csv')],
    ]) {
      const r = runCli(['compensate', input, '--as-of', '2026-11-20 12:00:00', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`is the same file as input ${input} (${input}, inode ${ino}); writing there would destroy it, so nothing was read or written`);
      expect(fs.readFileSync(input).equals(before)).toBe(true);
    }
    // In zh the input is 输入文件, not the English word.
    const zh = runCli(['compensate', input, '--as-of', '2026-11-20 12:00:00', '-o', input, '--lang', 'zh']);
    expect(zh.stderr).toContain(`-o ${input} 与输入文件 ${input} 是同一个文件 (${input}, inode ${ino})`);
    // A side input (an option's file) counts too, and so does the state database.
    const ex = path.join(dir, 'exclude.csv');
    fs.writeFileSync(ex, 'orderId\n1\n');
    const side = runCli(['compensate', input, '--exclude', ex, '-o', ex]);
    expect(side.code).toBe(2);
    expect(side.stderr).toContain('is the same file as --exclude');
    expect(fs.readFileSync(ex, 'utf8')).toBe('orderId\n1\n');
    // -o and --rejects naming the same file.
    const out = path.join(dir, 'out.csv');
    fs.writeFileSync(out, '');
    expect(runCli(['compensate', input, '-o', out, '--rejects', out]).code).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual(['alias.csv', 'exclude.csv', 'hard.csv', 'in.csv', 'out.csv']);
  });

  it('standard input redirected from the file (`- < in.csv -o in.csv`) is refused; the export survives', () => {
    const dir = tmpDir();
    const input = path.join(dir, 'in.csv');
    fs.copyFileSync(ORDERS, input);
    const before = fs.readFileSync(input);
    const fd = fs.openSync(input, 'r');
    try {
      const r = spawnSync(process.execPath, [BIN, 'compensate', '-', '--as-of', '2026-11-20 12:00:00', '-q', '-o', input], {
        stdio: [fd, 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1', LANG: 'C', HOME: dir },
      });
      expect(r.status).toBe(2);
      expect(r.stderr.toString()).toContain(`-o ${input} is the same file as input - (${input}, inode ${fs.statSync(input).ino}); writing there would destroy it`);
    } finally {
      fs.closeSync(fd);
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    // -o - is standard output, never the file standard input comes from.
    const fd2 = fs.openSync(input, 'r');
    try {
      const r = spawnSync(process.execPath, [BIN, 'compensate', '-', '--as-of', '2026-11-20 12:00:00', '-q', '-o', '-'], { stdio: [fd2, 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', LANG: 'C', HOME: dir } });
      expect(r.status).toBe(0);
      expect(r.stdout.toString()).toContain(HEADER);
    } finally {
      fs.closeSync(fd2);
    }
    // From a pipe, standard input is no file: -o is written as usual.
    const piped = runCli(['compensate', '-', '--as-of', '2026-11-20 12:00:00', '-q', '-o', path.join(dir, 'out.csv')], { input: before });
    expect(piped.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8')).toContain(HEADER);
  });

  it('-o and --rejects naming one file that does not exist yet are refused (one would overwrite the other)', () => {
    const dir = tmpDir();
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '-o', path.join(dir, 'same.csv'), '--rejects', path.join(dir, '.', 'same.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`-o and --rejects name the same file, ${fs.realpathSync(dir)}/same.csv; one would overwrite the other, so nothing was read or written`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  // The tables and the rule file a config names are read by the commands as much as a flag's file:
  // `zhenjian estimate -o storeops-templates/zhenjian/categories.json` replaced the category table
  // `init` wrote (exit 0), `reviews queue -o …/keywords.json` the keyword list, `compensate -o
  // my-rules.json` the shop's own rule set that config compensate.rules names. Found by hostile40.
  it('-o or --rejects naming a file the config names (compensate.rules, reviews.keywords, zhenjian.categories) is refused; the file is untouched', () => {
    const dir = tmpDir();
    expect(runCli(['init', '-q'], { cwd: dir }).code).toBe(0);
    const config = path.join(dir, 'storeops.config.json');
    const rules = JSON.parse(fs.readFileSync(path.join(dir, 'storeops-templates', 'rules', 'tmall-2026.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'my-rules.json'), JSON.stringify({ ...rules, id: 'my-2026' }, null, 2));
    const cfg = JSON.parse(fs.readFileSync(config, 'utf8'));
    cfg.compensate.rules = 'my-rules.json';
    fs.writeFileSync(config, JSON.stringify(cfg, null, 2));
    const files = ['my-rules.json', 'storeops-templates/reviews/keywords.json', 'storeops-templates/zhenjian/categories.json'].map((f) => path.join(dir, f));
    const before = files.map((f) => fs.readFileSync(f, 'utf8'));
    const runs: Array<[string[], string]> = [
      [['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '-o', 'my-rules.json', '-f', 'csv'], `-o my-rules.json is the same file as config compensate.rules ${fs.realpathSync(dir)}/my-rules.json`],
      [['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '-o', './storeops-templates/reviews/keywords.json', '-f', 'csv'], 'is the same file as config reviews.keywords'],
      [['zhenjian', 'estimate', path.join(EXAMPLES, 'zhenjian-products.csv'), '--rejects', 'storeops-templates/zhenjian/categories.json'], '--rejects storeops-templates/zhenjian/categories.json is the same file as config zhenjian.categories'],
    ];
    for (const [args, said] of runs) {
      const r = runCli([...args, '-q'], { cwd: dir });
      expect(r.stderr).toContain(said);
      expect(r.stderr).toContain('writing there would destroy it, so nothing was read or written');
      expect(r.code).toBe(2);
    }
    // From another folder, the config named with --config: the same files, relative to it.
    const other = runCli(['compensate', ORDERS, '--config', config, '-o', path.join(dir, 'my-rules.json'), '-f', 'csv', '--lang', 'zh']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('与配置项 compensate.rules 指定的文件');
    expect(files.map((f) => fs.readFileSync(f, 'utf8'))).toEqual(before);
  });

  // rev36: compensate.rules "auto" (init's) or a rule set's id is no file (request.ts reads it as a path
  // only when it ends in .json or holds a slash): an output called "auto" in the config's folder was
  // written by the first run and refused by the next (exit 2, "the same file as config
  // compensate.rules …/auto"), as was -o tmall-2023 under "rules": "tmall-2023". Both write, exit 0.
  it('an output named like a rules value that is no file (auto, a rule set id) is written every time', () => {
    const dir = tmpDir();
    expect(runCli(['init', '-q'], { cwd: dir }).code).toBe(0);
    const config = path.join(dir, 'storeops.config.json');
    for (const name of ['auto', 'tmall-2023']) {
      const cfg = JSON.parse(fs.readFileSync(config, 'utf8'));
      cfg.compensate.rules = name;
      fs.writeFileSync(config, JSON.stringify(cfg, null, 2));
      for (let k = 0; k < 2; k++) {
        const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '-o', name, '-f', 'csv', '-q'], { cwd: dir });
        expect(r.stderr).not.toContain('is the same file as config');
        expect(r.code).toBe(0);
        expect(fs.readFileSync(path.join(dir, name), 'utf8')).toMatch(/^\uFEFF?voucherKey,/);
      }
    }
  });

  // `--record --state new.db -o new.db` with no database yet: the run created the database, recorded
  // the voucher, then renamed its csv over it (exit 0). The recorded voucher was left only in
  // new.db-wal (the next checkpoint writes the database's pages over the csv; removing the "csv" and
  // its side files empties the ledger, and the next run pays the voucher again). Found by hostile40.
  it('-o, --rejects or --duplicates naming the state database that does not exist yet, or its -wal/-shm/-journal, is refused; no database made', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'new.db');
    const cases: Array<[string[], string]> = [
      [['-o', state, '-f', 'csv'], `-o ${state} is the state database (--state ${state}); writing there would destroy the recorded vouchers`],
      [['-o', path.join(dir, 'sub', '..', 'new.db'), '-f', 'csv'], 'is the state database (--state'],
      [['--rejects', state], `--rejects ${state} is the state database (--state ${state})`],
      [['-o', `${state}-wal`, '-f', 'csv'], `is the state database's write-ahead log (-wal) (${state}-wal, --state ${state})`],
      [['-o', path.join(dir, 'v.csv'), '--duplicates', `${state}-shm`], "--duplicates"],
      [['-o', `${state}-journal`, '-f', 'csv'], "rollback journal (-journal)"],
    ];
    fs.mkdirSync(path.join(dir, 'sub'));
    for (const [extra, said] of cases) {
      const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, ...extra]);
      expect(r.stderr).toContain(said);
      expect(r.stderr).toContain('and a later run would pay them again, so nothing was read or written');
      expect(r.code).toBe(2);
      expect(fs.readdirSync(dir)).toEqual(['sub']);
    }
    const zh = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-o', state, '-f', 'csv', '--lang', 'zh']);
    expect(zh.stderr).toContain(`-o ${state} 是状态数据库 (--state ${state}); 写入会毁掉已记录的红包和联系记录, 下次运行会重复发放; 未读取也未写入任何内容`);
    expect(zh.stderr).toContain('把结果写到另一个文件');
    expect(zh.code).toBe(2);
  });
});

describe('standard output redirected onto one of the inputs', () => {
  // `storeops orders normalize in.csv >> in.csv` appended the result to the export while reading it
  // (a 300,000-row export grew from 128 MB to 233 MB, then failed on its own output). GNU cat refuses
  // the same ("input file is output file").
  it('>> in.csv and >> the state database are refused (exit 2) before anything is read; the file is untouched', () => {
    const dir = tmpDir();
    const input = path.join(dir, 'in.csv');
    fs.copyFileSync(ORDERS, input);
    const before = fs.readFileSync(input);
    const ino = fs.statSync(input).ino;
    const env = { ...process.env, NO_COLOR: '1', LANG: 'C', HOME: dir };
    const appendTo = (file: string, args: string[], stdin: 'ignore' | number = 'ignore') => {
      const fd = fs.openSync(file, 'a');
      try {
        return spawnSync(process.execPath, [BIN, ...args], { stdio: [stdin, fd, 'pipe'], env, encoding: 'utf8' });
      } finally {
        fs.closeSync(fd);
      }
    };
    const r = appendTo(input, ['orders', 'normalize', input, '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`standard output is the same file as input ${input} (${input}, inode ${ino}); writing there would destroy it, so nothing was read or written`);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    // The same export read as standard input (`- < in.csv >> in.csv`).
    const inFd = fs.openSync(input, 'r');
    try {
      expect(appendTo(input, ['orders', 'normalize', '-', '-q'], inFd).status).toBe(2);
    } finally {
      fs.closeSync(inFd);
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    // The state database is read by every command that records.
    const state = path.join(dir, 'state.db');
    fs.writeFileSync(state, 'not touched');
    const s = appendTo(state, ['ledger', 'export', '--state', state]);
    expect(s.status).toBe(2);
    expect(s.stderr).toContain(`standard output is the same file as --state ${state}`);
    expect(fs.readFileSync(state, 'utf8')).toBe('not touched');
    // zh.
    const zh = appendTo(input, ['orders', 'normalize', input, '-q', '--lang', 'zh']);
    expect(zh.stderr).toContain(`标准输出就是输入文件 ${input}`);
    // Another file is written as usual; so is -o elsewhere while stdout points at the input.
    const other = path.join(dir, 'other.csv');
    expect(appendTo(other, ['orders', 'normalize', input, '-q']).status).toBe(0);
    expect(fs.readFileSync(other, 'utf8')).toContain('3515313147329357901');
    expect(appendTo(input, ['orders', 'normalize', input, '-q', '-o', path.join(dir, 'out.csv')]).status).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  // `--rejects out.csv > out.csv`: the rejects list was renamed over the file the result was being
  // written to: out.csv held the rejects header only, the 9 orders were gone (exit 0).
  // `orders normalize x.csv --rejects /dev/stdout | next-step`: the result and the list of rejected
  // rows went down one pipe (exit 1), the list's header `file,line,column,value,reason` and its
  // rows read by the next program as orders. Found by hostile40.
  it('--rejects or --duplicates onto /dev/stdout while the result goes down the same pipe is refused (exit 2, zh and en)', () => {
    const dir = tmpDir();
    const ragged = path.join(dir, 'ragged.csv');
    // The example's header and first order, then a row of two cells: one rejected row.
    const lines = fs.readFileSync(ORDERS).toString('latin1').split(/\r?\n/);
    fs.writeFileSync(ragged, Buffer.from(`${lines[0]}\n${lines[1]}\n1,2\n`, 'latin1'));
    const r = runCli(['orders', 'normalize', ragged, '-f', 'csv', '--rejects', '/dev/stdout']);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      'storeops: error: --rejects /dev/stdout is standard output, where the result goes too: the two tables would be mixed in one pipe, the list read as rows of the result; nothing was read or written\n' +
        '  hint: write --rejects to a file (--rejects rejects.csv); --rejects - writes it to standard error.\n',
    ]);
    const both = runCli(['orders', 'normalize', ragged, '-o', '-', '--duplicates', '/dev/fd/1', '--lang', 'zh']);
    expect([both.code, both.stdout]).toEqual([2, '']);
    expect(both.stderr).toContain('storeops: 错误: --duplicates /dev/fd/1 是标准输出, 而结果也写到标准输出: 两个表格会混在同一个管道里');
    // Alone on standard output (the result in a file), or `--rejects -` (standard error): written.
    const alone = runCli(['orders', 'normalize', ragged, '-o', path.join(dir, 'out.csv'), '--rejects', '/dev/stdout', '-q']);
    expect([alone.code, alone.stdout.replace(/^\uFEFF/, '').split('\n')[0]]).toEqual([1, 'file,line,column,value,reason']);
    const dash = runCli(['orders', 'normalize', ragged, '-f', 'csv', '--rejects', '-', '-q']);
    expect(dash.code).toBe(1);
    expect(dash.stdout).not.toContain('file,line,column,value,reason');
  });

  it('--rejects or --duplicates naming the file standard output goes to is refused (exit 2)', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out.csv');
    for (const flag of ['--rejects', '--duplicates']) {
      fs.writeFileSync(out, '');
      const fd = fs.openSync(out, 'a');
      let r;
      try {
        r = spawnSync(process.execPath, [BIN, 'orders', 'normalize', ORDERS, flag, out, '-q'], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1', LANG: 'C', HOME: dir }, encoding: 'utf8' });
      } finally {
        fs.closeSync(fd);
      }
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`${flag} ${out} is the file standard output is redirected to (${out}); one would overwrite the other, so nothing was read or written`);
      expect(fs.readFileSync(out, 'utf8')).toBe('');
    }
  });
});

describe('--duplicates onto one of the inputs or another target', () => {
  // The same file given twice has 9 duplicate orders, so --duplicates is written: before, it was not
  // checked at all and `--duplicates in.csv` replaced the export with the duplicate list.
  it('is refused before reading (exit 2); the export, -o and --rejects files are untouched', () => {
    const dir = tmpDir();
    const input = path.join(dir, 'in.csv');
    fs.copyFileSync(ORDERS, input);
    const before = fs.readFileSync(input);
    const ino = fs.statSync(input).ino;
    const onInput = runCli(['orders', 'normalize', input, input, '--duplicates', input, '-q']);
    expect(onInput.code).toBe(2);
    expect(onInput.stdout).toBe('');
    expect(onInput.stderr).toContain(`--duplicates ${input} is the same file as input ${input} (${input}, inode ${ino}); writing there would destroy it, so nothing was read or written`);
    expect(onInput.stderr).toContain('--duplicates duplicates.csv');
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    // An existing -o file named again by --duplicates.
    const out = path.join(dir, 'out.csv');
    fs.writeFileSync(out, 'kept');
    expect(runCli(['orders', 'normalize', input, '-o', out, '--duplicates', out]).code).toBe(2);
    expect(fs.readFileSync(out, 'utf8')).toBe('kept');
    // A file that does not exist yet, named by --duplicates and by -o or --rejects.
    for (const flag of ['-o', '--rejects']) {
      const r = runCli(['orders', 'normalize', input, flag, path.join(dir, 'same.csv'), '--duplicates', path.join(dir, '.', 'same.csv')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${flag} and --duplicates name the same file, ${fs.realpathSync(dir)}/same.csv; one would overwrite the other, so nothing was read or written`);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['in.csv', 'out.csv']);
  });
});

describe('an empty file name (`-o "$OUT"` with OUT unset)', () => {
  // -o "" wrote the result to standard output with exit 0 (the file cron expected was never
  // written); --rejects "" and --duplicates "" silently wrote no list.
  it('is a usage error (exit 2) for -o, --rejects and --duplicates, nothing written (zh and en)', () => {
    const dir = tmpDir();
    for (const flag of ['-o', '--rejects', '--duplicates']) {
      const r = runCli([...RUN, flag, ''], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`storeops: error: ${flag} was given an empty file name`);
    }
    const zh = runCli([...RUN, '-o', ' ', '--lang', 'zh'], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('-o 的文件名是空的');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('a read-only (write-protected) target', () => {
  // The rename that makes -o atomic needs only the folder's permission: a file the operator made
  // read-only (chmod 444, last month's final list) was replaced, where `>` and `cp` refuse. Root
  // may write anything, so as root the run is made as the user nobody (uid 65534).
  const asUser = isRoot ? { uid: 65534, gid: 65534 } : {};
  const run = (dir: string, args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', LANG: 'C', TZ: 'UTC', HOME: dir }, encoding: 'utf8', ...asUser });

  it('is refused with exit 5, left as it was, no temporary file; -o, --rejects and xlsx alike (zh and en)', () => {
    const dir = tmpDir();
    fs.chmodSync(dir, 0o777);
    const target = path.join(dir, 'final.csv');
    fs.writeFileSync(target, 'last month');
    fs.chmodSync(target, 0o444);
    const r = run(dir, [...RUN, '-o', target]);
    expect(r.status).toBe(5);
    expect(r.stderr).toContain(`storeops: error: cannot write output file ${target}: the file is read-only (write-protected); it was left as it was`);
    expect(fs.readFileSync(target, 'utf8')).toBe('last month');
    const zh = run(dir, [...RUN, '-o', target, '--lang', 'zh']);
    expect(zh.status).toBe(5);
    expect(zh.stderr).toContain(`无法写入输出文件 ${target}: 该文件是只读的 (写保护), 保持不变`);
    const book = path.join(dir, 'final.xlsx');
    fs.writeFileSync(book, 'old book');
    fs.chmodSync(book, 0o444);
    expect(run(dir, [...RUN, '-o', book]).status).toBe(5);
    expect(fs.readFileSync(book, 'utf8')).toBe('old book');
    const rejects = path.join(dir, 'rejects.csv');
    fs.writeFileSync(rejects, 'old rejects');
    fs.chmodSync(rejects, 0o444);
    expect(run(dir, [...RUN, '--rejects', rejects, '-o', path.join(dir, 'out.csv')]).status).toBe(5);
    expect(fs.readFileSync(rejects, 'utf8')).toBe('old rejects');
    expect(fs.readdirSync(dir).sort()).toEqual(['final.csv', 'final.xlsx', 'rejects.csv']);
    // Made writable again, it is written as usual.
    fs.chmodSync(target, 0o666);
    expect(run(dir, [...RUN, '-o', target]).status).toBe(0);
    expect(fs.readFileSync(target, 'utf8')).toContain(HEADER);
  });
});

describe('a read-only target, run as whoever runs the tests (root on CI: a cron job run as root)', () => {
  // Root may write any file (access() says yes), so the write-protection was not seen and a
  // chmod 444 file was replaced. No write bit at all is write-protected, whoever runs.
  it('is refused with exit 5 and left as it was; a file writable by its owner only is still written', () => {
    const dir = tmpDir();
    const target = path.join(dir, 'final.csv');
    fs.writeFileSync(target, 'last month');
    fs.chmodSync(target, 0o444);
    const run = () => spawnSync(process.execPath, [BIN, ...RUN, '-o', target], { cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', LANG: 'C', TZ: 'UTC', HOME: dir }, encoding: 'utf8' });
    const r = run();
    expect(r.status).toBe(5);
    expect(r.stderr).toContain(`cannot write output file ${target}: the file is read-only (write-protected); it was left as it was`);
    expect(fs.readFileSync(target, 'utf8')).toBe('last month');
    expect(fs.readdirSync(dir)).toEqual(['final.csv']);
    fs.chmodSync(target, 0o600);
    const ok = run();
    expect(ok.status).toBe(0);
    expect(fs.readFileSync(target, 'utf8')).toContain(HEADER);
  });
});

describe('--show-pii outputs are private', () => {
  it('-o and --rejects written with --show-pii are created 0600 (0644 without)', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out.csv');
    const rej = path.join(dir, 'rejects.csv');
    expect(runCli([...RUN, '--show-pii', '-o', out, '--rejects', rej]).code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(fs.statSync(rej).mode & 0o777).toBe(0o600);
    const xlsx = path.join(dir, 'out.xlsx');
    expect(runCli([...RUN, '--show-pii', '-o', xlsx]).code).toBe(0);
    expect(fs.statSync(xlsx).mode & 0o777).toBe(0o600);
    const plain = path.join(dir, 'plain.csv');
    expect(runCli([...RUN, '-o', plain]).code).toBe(0);
    expect(fs.statSync(plain).mode & 0o777).toBe(0o644);
  });

  // The rename put a new 0644 file in place of one the operator had made private: buyer names and
  // amounts came back readable by every user of the machine.
  it('a file replaced keeps its permissions (0600 and 0640 stay; 0644 becomes 0600 with --show-pii)', () => {
    const dir = tmpDir();
    for (const [name, before, extra, after] of [
      ['private.csv', 0o600, [], 0o600],
      ['group.csv', 0o640, [], 0o640],
      ['group.xlsx', 0o640, [], 0o640],
      ['open.csv', 0o644, ['--show-pii'], 0o600],
      ['group-pii.csv', 0o640, ['--show-pii'], 0o600],
    ] as Array<[string, number, string[], number]>) {
      const target = path.join(dir, name);
      fs.writeFileSync(target, 'old');
      fs.chmodSync(target, before);
      expect(runCli([...RUN, ...extra, '-o', target]).code).toBe(0);
      expect(fs.readFileSync(target).length).toBeGreaterThan(3);
      expect((fs.statSync(target).mode & 0o777).toString(8)).toBe(after.toString(8));
    }
    const rej = path.join(dir, 'rejects.csv');
    fs.writeFileSync(rej, 'old');
    fs.chmodSync(rej, 0o600);
    expect(runCli([...RUN, '--rejects', rej]).code).toBe(0);
    expect(fs.statSync(rej).mode & 0o777).toBe(0o600);
  });

  // Root (a system cron job) replacing a user's file made it root's: the user could no longer change it.
  it.skipIf(!isRoot)("as root, a user's file replaced stays the user's", () => {
    const dir = tmpDir();
    const target = path.join(dir, 'theirs.csv');
    fs.writeFileSync(target, 'old');
    fs.chownSync(target, 65534, 65534);
    expect(runCli([...RUN, '-o', target]).code).toBe(0);
    expect(fs.readFileSync(target, 'utf8')).toContain(HEADER);
    expect([fs.statSync(target).uid, fs.statSync(target).gid]).toEqual([65534, 65534]);
  });
});

describe('every exit path removes what it started', () => {
  // orders normalize streams: with stdin held open the run sits mid-output with its temporary file.
  for (const [signal, code] of [
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal}: exit ${code}, no temporary file, no partial output`, async () => {
      const dir = tmpDir();
      const out = path.join(dir, 'out.csv');
      const w = spawnCli(['orders', 'normalize', '-', '-o', out]);
      w.proc.stdin!.write(bigExport(20_000));
      await waitFor(() => fs.readdirSync(dir).some((f) => f.endsWith('.tmp')));
      w.proc.kill(signal);
      const r = await w.done;
      expect(r.code).toBe(code);
      expect(fs.readdirSync(dir)).toEqual([]);
      // A cron log (2>>log) shows why the run ended and what to do: a SIGTERM from `timeout` or
      // systemd used to leave no line at all.
      expect(r.stderr).toMatch(new RegExp(`^storeops: .*${signal}.*as they were.*run the command again`, 'm'));
    }, 60_000);
  }

  it('the signal line is in the run\'s language', async () => {
    const dir = tmpDir();
    const w = spawnCli(['orders', 'normalize', '-', '-o', path.join(dir, 'out.csv'), '--lang', 'zh']);
    w.proc.stdin!.write(bigExport(20_000));
    await waitFor(() => fs.readdirSync(dir).some((f) => f.endsWith('.tmp')));
    w.proc.kill('SIGTERM');
    const r = await w.done;
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(/^storeops: 运行未完成即被 SIGTERM 终止.*保持原样.*请重新运行该命令/m);
  }, 60_000);

  it('xlsx: the temporary workbook in the temp folder is removed on SIGHUP', async () => {
    const dir = tmpDir();
    const tmp = tmpDir('storeops-tmpdir-');
    const w = spawnCli(['orders', 'normalize', '-', '-o', path.join(dir, 'out.xlsx')], { TMPDIR: tmp });
    w.proc.stdin!.write(bigExport(5_000));
    await waitFor(() => fs.readdirSync(tmp).some((f) => f.endsWith('.xlsx')));
    w.proc.kill('SIGHUP');
    expect((await w.done).code).toBe(129);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('a closed stderr is not an error: the result is written and the exit code stands', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out.csv');
    const w = spawnCli([...RUN.slice(0, -1), '-o', out]);
    w.proc.stderr!.destroy();
    w.proc.stdin!.end();
    const r = await w.done;
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain(HEADER);
  });

  it.skipIf(!isRoot)('disk full while writing --rejects: exit 5, no temporary file left, the result not written', () => {
    const dir = tmpDir();
    const small = path.join(dir, 'small');
    fs.mkdirSync(small);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small]).status !== 0) return; // no mount here
    try {
      // 3,000 rows whose paid time is not a time: every one is rejected, ~300 KB of --rejects.
      const lines = bigExport(3000).split('\n');
      const bad = lines.map((l, i) => (i === 0 ? l : l.replace('2026-11-10 09:00:00', 'not-a-time')));
      const input = path.join(dir, 'in.csv');
      fs.writeFileSync(input, bad.join('\n'));
      const r = runCli(['orders', 'normalize', input, '-o', path.join(dir, 'out.csv'), '--rejects', path.join(small, 'rejects.csv')]);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('cannot write output file');
      expect(fs.readdirSync(small)).toEqual([]);
      expect(fs.readdirSync(dir).sort()).toEqual(['in.csv', 'small']);
    } finally {
      spawnSync('umount', [small]);
    }
  });
});

// Interactive mode through @inquirer/prompts with injected input/output streams: the whole CLI
// (src/cli/main.ts run) with fake terminal streams, answers typed one prompt at a time.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/context.js';
// The built shell (npx tsc -p . first): version() reads package.json relative to dist/.
// @ts-expect-error the build emits no declarations (tsconfig declaration: false); typed as the source below
import { run as builtRun } from '../../dist/src/cli/main.js';
import { tmpDir } from '../helpers.js';
const run: typeof import('../../src/cli/main.js').run = builtRun;

const strip = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

class Screen extends Writable {
  text = '';
  isTTY = true;
  columns = 200;
  rows = 50;
  override _write(chunk: Buffer, _enc: string, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

function fakeTerminal(cwd: string) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  const stdout = new Screen();
  const stderr = new Screen();
  const io: Io = { stdin, stdout, stderr, env: { LANG: 'C', NO_COLOR: '1', HOME: cwd }, cwd, now: () => Date.UTC(2026, 10, 20, 3) };
  return { io, stdin, stdout, stderr };
}

/** Wait for `text` to appear on screen after position `from`; returns the position after it. */
async function waitFor(screen: Screen, text: string, from: number): Promise<number> {
  // Up to 30 s (returns as soon as the text shows): the first prompt waits for @inquirer/prompts to
  // load, which took over the old 1 s on a loaded machine (load average 12 on 2 cores) and failed
  // the first test now and then; 5 s left a busier CI machine the same chance.
  const start = Date.now();
  while (Date.now() - start < 30_000) {
    const at = strip(screen.text).indexOf(text, from);
    if (at >= 0) return at + text.length;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for "${text}"; screen:\n${strip(screen.text).slice(from)}`);
}

/** The run's exit code, or the screen when it does not end. */
async function finish(done: Promise<number>, t: ReturnType<typeof fakeTerminal>): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the run did not end; screen:\n${strip(t.stdout.text).slice(-800)}\nstderr:\n${t.stderr.text}`)), 30_000);
  });
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Answer each prompt when its message shows up. */
async function answer(t: ReturnType<typeof fakeTerminal>, steps: [string, string][]): Promise<void> {
  let pos = 0;
  for (const [prompt, reply] of steps) {
    pos = await waitFor(t.stdout, prompt, pos);
    t.stdin.write(reply + '\r');
  }
}

const PRODUCT: [string, string][] = [
  ['item id', '680099'],
  ['title', 'Silk dress'],
  ['category', '女装'],
  ['list price', '299'],
  ['deal price', '199'],
  ['unit cost', '80'],
  ['service fee', '450'],
  ['samples', ''],
  ['display period', '180'],
  ['auto-renew', 'y'],
  ['commission rate', '5%'],
  ['shipping per sample', '8'],
  ['signed at', '2026-11-20 10:00'],
  ['SKUs differ', 'colour;size'],
];

describe('zhenjian estimate (interactive)', () => {
  it('asks every field, validates, shows the estimate, appends to a new csv', async () => {
    const dir = tmpDir();
    const t = fakeTerminal(dir);
    const done = run(['zhenjian', 'estimate'], t.io, false);
    // A bad list price and a bad period are refused with the reason, then corrected.
    const steps: [string, string][] = [];
    for (const s of PRODUCT) {
      if (s[0] === 'list price') steps.push(['list price', '0'], ['must be more than 0', '\u0015299']);
      else if (s[0] === 'display period') steps.push(['display period', '\u007f\u007f90'], ['the display period is 30 or 180 days', '\u0015180']);
      else steps.push(s);
    }
    steps.push(['append this product', 'y'], ['file to append to', '']);
    await answer(t, steps);
    expect(await finish(done, t)).toBe(0);
    const screen = strip(t.stdout.text);
    // the compact table: 5×199+450 = 1445 charged max; real (80+8+9.95)×5+450 = 939.75; 3 tests → 4335
    const tableLine = screen.split('\n').find((l) => l.startsWith('680099'))!;
    expect(tableLine).toMatch(/Silk dress\s+女装\s+3\s+5\s+749\.00\s+1445\.00\s+939\.75\s+1445\.00\s+3\s+4335\.00/);
    expect(screen).toMatch(/TOTAL \(1 product\)/);
    const csv = fs.readFileSync(path.join(dir, 'zhenjian-products.csv'), 'utf8');
    const [head, row] = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(head).toBe('itemId,title,category,industry,listPrice,dealPrice,unitCost,serviceFee,samples,periodDays,autoRenew,commissionRate,shippingPerSample,signedAt,displayFrom,expiresAt,stoppedAt,skuDiffers');
    expect(row).toBe('680099,Silk dress,女装,,299,199,80,450,,180,yes,5%,8,2026-11-20 10:00,,,,colour;size');
  });

  it('a refused answer is cleared: the correction typed after it is what is read', async () => {
    // Typing 0 at list price (refused: must be more than 0) then 99 read 099 — inquirer put the
    // refused text back in the box. Now the box is empty after a refusal, the message names "0",
    // and the file gets the corrected values: list price 99 (not 099), p.csv (not a.txtp.csv).
    const dir = tmpDir();
    const t = fakeTerminal(dir);
    const done = run(['zhenjian', 'estimate'], t.io, false);
    const steps: [string, string][] = [];
    for (const s of PRODUCT) {
      if (s[0] === 'list price') steps.push(['list price', '0'], ['must be more than 0', '99']);
      else steps.push(s);
    }
    steps.push(['append this product', 'y'], ['file to append to', 'a.txt'], ['only a .csv file', 'p.csv']);
    await answer(t, steps);
    expect(await finish(done, t)).toBe(0);
    const csv = fs.readFileSync(path.join(dir, 'p.csv'), 'utf8');
    expect(csv.replace(/^\uFEFF/, '').trim().split('\n')[1]).toBe('680099,Silk dress,女装,,99,199,80,450,,180,yes,5%,8,2026-11-20 10:00,,,,colour;size');
    const screen = strip(t.stdout.text);
    expect(screen).toContain('"0" must be more than 0');
    expect(screen).toContain('"a.txt": only a .csv file can be appended to');
  });

  it('numbers typed full-width (a Chinese input method) are accepted and appended in ASCII', async () => {
    // ２９９ = 299, １９９．００ = 199.00, ５％ = 5 %: the same estimate as the first test (749.00,
    // 1445.00, 939.75), and the row is written as the file reader reads it.
    const dir = tmpDir();
    const t = fakeTerminal(dir);
    const done = run(['zhenjian', 'estimate'], t.io, false);
    const wide: Record<string, string> = { 'list price': '２９９', 'deal price': '１９９．００', 'display period': '１８０', 'commission rate': '５％', 'signed at': '２０２６－１１－２０ １０：００' };
    const steps: [string, string][] = PRODUCT.map(([q, a]) => [q, wide[q] ?? a]);
    steps.push(['append this product', 'y'], ['file to append to', '']);
    await answer(t, steps);
    expect(await finish(done, t)).toBe(0);
    const tableLine = strip(t.stdout.text).split('\n').find((l) => l.startsWith('680099'))!;
    expect(tableLine).toMatch(/Silk dress\s+女装\s+3\s+5\s+749\.00\s+1445\.00\s+939\.75\s+1445\.00\s+3\s+4335\.00/);
    const csv = fs.readFileSync(path.join(dir, 'zhenjian-products.csv'), 'utf8');
    expect(csv.replace(/^\uFEFF/, '').trim().split('\n')[1]).toBe('680099,Silk dress,女装,,299,199.00,80,450,,180,yes,5%,8,2026-11-20 10:00,,,,colour;size');
  });

  it('a yes/no answer appended under a Chinese header is written 是/否, like the rows above it', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'mine.csv');
    // an operator's file in Chinese; the run itself is in English (LANG=C)
    fs.writeFileSync(file, '\uFEFF商品ID,类目,一口价,成本,服务费,展示周期,自动续费\r\n1,女装,10,1,5,30,否\r\n');
    const t = fakeTerminal(dir);
    const done = run(['zhenjian', 'estimate', '-f', 'csv'], t.io, false);
    const steps: [string, string][] = PRODUCT.map(([q, a]) => (q === 'title' ? [q, ''] : [q, a]));
    steps.push(['append this product', 'y'], ['file to append to', '\u0015mine.csv']);
    await answer(t, steps);
    expect(await finish(done, t)).toBe(0);
    // auto-renew answered y → 是 (it was written "yes" among 否); the other answers as typed
    expect(fs.readFileSync(file, 'utf8')).toBe('\uFEFF商品ID,类目,一口价,成本,服务费,展示周期,自动续费\r\n1,女装,10,1,5,30,否\r\n680099,女装,299,80,450,180,是\r\n');
  });

  it('defaults: deal price = list price, period 30, no auto-renew; appends to an existing Chinese-header file', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'mine.csv');
    fs.writeFileSync(file, '\uFEFF商品ID,类目,一口价,成本,服务费\r\n1,护肤,10,1,5\r\n');
    const t = fakeTerminal(dir);
    const done = run(['zhenjian', 'estimate', '-f', 'csv'], t.io, false);
    await answer(t, [
      ['item id', '2'],
      ['title', ''],
      ['category', '\u0015隐形眼镜'],
      ['list price', '128'],
      ['deal price', ''],
      ['unit cost', '30'],
      ['service fee', '600'],
      ['this category: 20+', ''],
      ['display period', ''],
      ['auto-renew', ''],
      ['commission rate', ''],
      ['shipping per sample', ''],
      ['signed at', ''],
      ['SKUs differ', ''],
      ['append this product', 'y'],
      ['file to append to', '\u0015mine.csv'],
    ]);
    expect(await finish(done, t)).toBe(0);
    // -f csv: all columns; 20 × 128 + 600 = 3160; real 20 × 30 + 600 = 1200 (commission 0, shipping 0)
    const csvOut = strip(t.stdout.text);
    expect(csvOut).toContain('product,2,,隐形眼镜,健康,yes,20,20,128.00,128.00,0,728.00,3160.00,3160.00,1200.00,1200.00,3160.00,30,no,1,3160.00,1200.00');
    expect(csvOut).toContain('the real charge can reach 3160.00');
    expect(fs.readFileSync(file, 'utf8')).toBe('\uFEFF商品ID,类目,一口价,成本,服务费\r\n1,护肤,10,1,5\r\n2,隐形眼镜,128,30,600\r\n');
    // every answer the file has no column for was left at its default: nothing lost, no warning
    expect(strip(t.stderr.text)).not.toContain('has no column');
  });

  it('on one terminal the last answer is shown done, and the note after it starts on its own line', async () => {
    const dir = tmpDir();
    const t = fakeTerminal(dir);
    // stdout and stderr on one screen, as in a terminal: the order of what each wrote shows.
    const io = { ...t.io, stderr: t.stdout };
    const done = run(['zhenjian', 'estimate'], io, false);
    await answer(t, [...PRODUCT, ['append this product', 'y'], ['file to append to', '']]);
    expect(await finish(done, t)).toBe(0);
    const screen = strip(t.stdout.text);
    // Was `? file to append to zhenjian-products.csvappended to …`: the prompt's final render (✔
    // and its newline) waited in the stream wrapper while the note went out on stderr.
    expect(screen).toContain(`✔ file to append to zhenjian-products.csv\nstoreops: appended to ${path.join(dir, 'zhenjian-products.csv')}\n`);
    // and the estimate after the last product question starts on the next line, with no blank one
    // (inquirer breaks the 83-character line at 80 columns)
    expect(screen).toContain('✔ how the SKUs differ, if several (e.g. colour;size; empty for one SKU) colour;s\nize\nitemId ');
  });

  it('declining the append writes nothing', async () => {
    const dir = tmpDir();
    const t = fakeTerminal(dir);
    const done = run(['zhenjian', 'estimate', '--commission', '0.02'], t.io, false);
    await answer(t, [...PRODUCT.slice(0, 10), ['commission rate', ''], ...PRODUCT.slice(11), ['append this product', 'n']]);
    expect(await finish(done, t)).toBe(0);
    // commission default from the flag: real per sample 80 + 8 + 199×0.02 (3.98) = 91.98; ×5 + 450 = 909.90
    expect(strip(t.stdout.text)).toMatch(/909\.90/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.csv'))).toEqual([]);
  });

  it('Ctrl-C at a prompt ends the run with exit 130 and no output', async () => {
    const dir = tmpDir();
    const t = fakeTerminal(dir);
    const done = run(['zhenjian', 'estimate'], t.io, false);
    await answer(t, [['item id', '1'], ['title', '\u0003']]);
    expect(await finish(done, t)).toBe(130);
    expect(strip(t.stderr.text)).toContain('interrupted');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.csv'))).toEqual([]);
  });
});

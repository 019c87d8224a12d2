// appendProduct rewrites the whole file to add one row: it must never rewrite a file it cannot
// write back byte for byte, nor add a row to a file that is not a 甄检 product list.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/context.js';
import { appendProduct } from '../../src/zhenjian/append.js';
import { runCli, tmpDir } from '../helpers.js';

function fakeCtx(cwd: string, lang: 'zh' | 'en' = 'en'): { ctx: Ctx; warnings: string[] } {
  const warnings: string[] = [];
  const ctx = { io: { cwd }, lang, formulaEscape: true, warn: (m: { en: string }) => warnings.push(m.en) } as unknown as Ctx;
  return { ctx, warnings };
}

const ANSWERS = { itemId: '680099', category: '女装', listPrice: '299', unitCost: '80', serviceFee: '450' } as const;

async function refused(file: string, bytes: Buffer, reason: RegExp): Promise<void> {
  const dir = path.dirname(file);
  fs.writeFileSync(file, bytes);
  const { ctx } = fakeCtx(dir);
  const err = await appendProduct(ctx, path.basename(file), { ...ANSWERS }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  expect((err as { exitCode?: number }).exitCode).toBe(3);
  expect(String((err as Error).message)).toMatch(reason);
  expect(String((err as Error).message)).toMatch(/left as it was/);
  expect(fs.readFileSync(file).equals(bytes)).toBe(true);
}

describe('zhenjian interactive append: files it cannot write back are left alone', () => {
  it('an xlsx workbook named .csv is refused, not decoded as GBK and rewritten', async () => {
    const dir = tmpDir();
    // the zip signature, then bytes no text encoding round-trips
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x14, 0x00, 0x80, 0xff, 0xfe, 0x81, 0x30])]);
    await refused(path.join(dir, 'products.csv'), bytes, /xlsx workbook or a zip archive/);
  });

  it('a UTF-16 product csv (which the reader reads) is refused, not rewritten as GBK (was: internal error, exit 70)', async () => {
    const dir = tmpDir();
    const text = '商品ID,一口价,成本,服务费\r\n1,10,1,5\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await refused(path.join(dir, 'p16.csv'), bytes, /UTF-16/);
  });

  it('a file with bytes that are neither UTF-8 nor GBK is refused (they would turn into replacement characters)', async () => {
    const dir = tmpDir();
    const bytes = Buffer.concat([iconv.encode('商品ID,一口价,成本,服务费\r\n1,10,1,5\r\n', 'gbk'), Buffer.from([0xff, 0x0d, 0x0a])]);
    await refused(path.join(dir, 'bad.csv'), bytes, /neither UTF-8 nor GBK/);
  });

  it('a csv that is not a product list (an order export picked by mistake) gets no row of empty cells', async () => {
    const dir = tmpDir();
    const bytes = Buffer.from('\uFEFF订单编号,买家会员名,买家实际支付金额\r\n="3515313147329357901",小明,12.00\r\n');
    await refused(path.join(dir, 'orders.csv'), bytes, /not a 甄检 product list/);
  });

  it('a GBK product list with a title line above its header is appended to, in GBK, its bytes kept', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'gbk.csv');
    const before = iconv.encode('甄检商品表 2026-11\r\n商品ID,类目,一口价,成本,服务费\r\n1,女装,10,1,5\r\n', 'gbk');
    fs.writeFileSync(file, before);
    const { ctx } = fakeCtx(dir);
    await appendProduct(ctx, 'gbk.csv', { ...ANSWERS });
    const after = fs.readFileSync(file);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(iconv.decode(after.subarray(before.length), 'gbk')).toBe('680099,女装,299,80,450\r\n');
  });

  // review18: a title line starting with "PK" (PK赛) is text, not a zip: it was refused as an xlsx workbook.
  it('a UTF-8 product list whose title line starts with PK is appended to, its bytes kept', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'pk.csv');
    const before = Buffer.from('PK赛商品清单\n商品ID,类目,一口价,成本,服务费\n1,女装,10,1,5\n');
    fs.writeFileSync(file, before);
    const { ctx } = fakeCtx(dir);
    await appendProduct(ctx, 'pk.csv', { ...ANSWERS });
    const after = fs.readFileSync(file);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString('utf8')).toBe('680099,女装,299,80,450\n');
  });

  // ... and read back: every reader refused a text file starting with "PK" as a zip archive.
  it('a product list starting with PK (no BOM) is read by zhenjian estimate, not refused as a zip', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'pk-read.csv');
    fs.writeFileSync(file, 'PK赛商品清单\n商品ID,类目,一口价,成本,服务费\n1,女装,10,1,5\n');
    const r = runCli(['zhenjian', 'estimate', file, '--avg-order', '100', '-f', 'csv']);
    expect(r.stderr).not.toContain('zip archive');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('product,1,,女装');
  });

  // desk40: an old Mac product list (bare CR line ends, no final line end) got its new row joined
  // by an LF (a file mixing line ends) — with a final CR it was "…5\r680099,…\n". Now the file's own
  // bare CR: the bytes kept, then a CR (the last row had none), the row, a CR.
  it('a product list with bare CR line ends gets its row with a CR, its bytes kept', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'mac.csv');
    const before = Buffer.from('商品ID,类目,一口价,成本,服务费\r1,女装,10,1,5');
    fs.writeFileSync(file, before);
    const { ctx } = fakeCtx(dir);
    await appendProduct(ctx, 'mac.csv', { ...ANSWERS });
    const after = fs.readFileSync(file);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString('utf8')).toBe('\r680099,女装,299,80,450\r');
  });
});

// Issue 14 item 13: xlsx text must not break where a decompressed chunk ends inside a UTF-8
// character (exceljs 4.4 decoded every chunk on its own: 卖家已发货，等待���家确认).
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { streamingParseSax } from '../../src/io/exceljs.js';
import { runCli, tmpDir } from '../helpers.js';

async function* chunks(...parts: Buffer[]): AsyncGenerator<Buffer> {
  yield* parts;
}

const STATUSES = ['买家已付款，等待卖家发货', '卖家已发货，等待买家确认', '交易成功'];
const ROWS = 3000;
const idOf = (i: number) => String(3515313147329350000n + BigInt(i));
// Distinct strings, so the shared-strings part is long (about 300 KB of mostly 3-byte characters).
const addressOf = (i: number) => `山东省 青岛市 市南区 香港中路${i}号 青岛啤酒城第${i % 97}栋 收货请致电`;

async function makeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('export');
  ws.addRow(['订单编号', '买家会员名', '买家应付货款', '买家应付邮费', '买家实际支付金额', '订单状态', '收货人姓名', '收货地址', '订单付款时间', '宝贝标题']);
  for (let i = 0; i < ROWS; i++) {
    ws.addRow([idOf(i), `买家${i}`, '10.00', '0.00', '10.00', STATUSES[i % 3], '王小明', addressOf(i), '2026-11-10 09:00:00', `羊毛围巾 第${i}款`]);
  }
  await wb.xlsx.writeFile(file);
}

/** Chunks of the decompressed shared strings (as exceljs's unzipper yields them) that end inside a character. */
async function splitCharacters(file: string): Promise<{ chunks: number; split: number }> {
  const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
  const unzipper = fromExceljs('unzipper') as { Open: { file(f: string): Promise<{ files: { path: string; stream(): NodeJS.ReadableStream }[] }> } };
  const dir = await unzipper.Open.file(file);
  const entry = dir.files.find((f) => f.path === 'xl/sharedStrings.xml')!;
  let chunks = 0;
  let split = 0;
  for await (const c of entry.stream() as AsyncIterable<Buffer>) {
    chunks++;
    // A chunk ends inside a character when one of its last three bytes is a lead byte whose
    // sequence runs past the end.
    for (let back = 1; back <= 3 && back <= c.length; back++) {
      const b = c[c.length - back]!;
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (need > back) split++;
      break;
    }
  }
  return { chunks, split };
}

describe('xlsx text across decompression chunks', () => {
  it('a 3,000-row export whose shared strings straddle many chunk boundaries reads exactly', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'ExportOrderList202611201200.xlsx');
    await makeWorkbook(file);
    const { chunks, split } = await splitCharacters(file);
    // The proof is only a proof if characters really are cut: many chunks, many of them mid-character.
    expect(chunks).toBeGreaterThan(10);
    expect(split).toBeGreaterThan(5);

    const r = runCli(['orders', 'normalize', file, '-f', 'json', '--show-pii', '--as-of', '2026-11-25 12:00:00']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { orderId: string; statusRaw: string; address: string; buyer: string; title: string }[];
    expect(rows).toHaveLength(ROWS);
    expect(r.stdout).not.toContain('\uFFFD');
    rows.forEach((o, i) => {
      expect(o.orderId).toBe(idOf(i));
      expect(o.statusRaw).toBe(STATUSES[i % 3]);
      expect(o.address).toBe(addressOf(i));
      expect(o.buyer).toBe(`买家${i}`);
      expect(o.title).toBe(`羊毛围巾 第${i}款`);
    });
  }, 60_000);

  it('the parser gives the same text whatever byte the input is cut at', async () => {
    const { SaxesParser } = createRequire(createRequire(import.meta.url).resolve('exceljs'))('saxes') as { SaxesParser: new () => never };
    const xml = Buffer.from('<sst><si><t>卖家已发货，等待买家确认</t></si><si><t>山东省 青岛市 😀</t></si></sst>');
    const parse = streamingParseSax(SaxesParser, () => {
      throw new Error('not a stream');
    });
    for (let cut = 1; cut < xml.length; cut++) {
      const texts: string[] = [];
      for await (const events of parse(chunks(xml.subarray(0, cut), xml.subarray(cut)))) for (const e of events) if (e.eventType === 'text') texts.push(e.value as string);
      expect(texts.join('|')).toBe('卖家已发货，等待买家确认|山东省 青岛市 😀');
    }
  });
});

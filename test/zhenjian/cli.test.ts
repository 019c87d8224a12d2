// `storeops zhenjian estimate` end to end: the built binary, minimal env, TZ=UTC, stdin closed.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EX = path.join(EXAMPLES, 'zhenjian-products.csv');
type Row = Record<string, unknown>;
const json = (out: string) => JSON.parse(out) as Row[];

describe('zhenjian estimate (batch)', () => {
  let rows: Row[];
  let stderr: string;
  beforeAll(() => {
    const r = runCli(['zhenjian', 'estimate', EX, '-f', 'json', '--as-of', '2026-11-20 11:00:00', '--balance', '3000', '--avg-order', '150']);
    expect(r.code).toBe(0);
    rows = json(r.stdout);
    stderr = r.stderr;
  });

  it('one row per product and a total row', () => {
    expect(rows.map((r) => r.kind)).toEqual(['product', 'product', 'product', 'product', 'total']);
    expect(rows.map((r) => r.itemId)).toEqual(['680012345678', '680012345679', '680012345680', '680012345681', null]);
    expect(stderr).toContain('4 products');
  });

  it('the dress (女装, 180 days, auto-renew): numbers worked by hand', () => {
    const d = rows[0]!;
    // registration 299 + 450; charged 3×199+450, 5×199+450; real (80+8+9.95)×3+450, ×5+450
    expect([d.registrationEstimate, d.chargedMin, d.chargedMax, d.realCostMin, d.realCostMax]).toEqual(['749.00', '1047.00', '1445.00', '743.85', '939.75']);
    // 3 tests a year: 3×1445, 3×939.75
    expect([d.testsPerYear, d.annualChargedMax, d.annualRealCostMax]).toEqual([3, '4335.00', '2819.25']);
    // signed 10:00 Beijing → cancel by 12:00; display from 12-05 (a date) + 180 days → expires
    // 2027-06-03 (Dec 26 + Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 = 177, + 3), renew from 05-19
    // (− 15 days): dates, as the display start was typed (no 00:00:00 that nobody typed).
    expect([d.signedAt, d.cancelBy, d.cancellable]).toEqual(['2026-11-20T10:00:00+08:00', '2026-11-20T12:00:00+08:00', true]);
    expect([d.expiresAt, d.renewFrom]).toEqual(['2027-06-03', '2027-05-19']);
    expect(d.rules).toBe('zhenjian-2022');
    expect(d.commissionRate).toBe('0.05');
    expect(d.warningCodes).toEqual([]);
  });

  it('the contact lenses: at least 20 pairs, 7 boxes of 6, 13 tests a year', () => {
    const c = rows[1]!;
    // seed 002 Q5 "隐形眼镜最少20副": 20 pairs = 40 lenses; 月抛隐形眼镜 6片装 holds 6: ceil(40 / 6) = 7 boxes
    // (until 2026-12, 20 boxes: 2580.00 / 1299.00 / 33540.00 / 16887.00).
    // 7×99 + 600 = 1293; real 7×(30+0+4.95) + 600 = 244.65 + 600 = 844.65; 13×1293 = 16809; 13×844.65 = 10980.45
    expect([c.samplesMin, c.samplesMax, c.chargedMax, c.realCostMax, c.testsPerYear, c.annualChargedMax, c.annualRealCostMax]).toEqual([7, 7, '1293.00', '844.65', 13, '16809.00', '10980.45']);
    // 1293 is not more than 2 × 728 = 1456: no far-above explanation
    expect(c.warningCodes).toEqual(['samples_from_pack', 'samples_open_ended']);
  });

  it('kids down jacket: deal price defaults to list, material SKUs refused; sofa: ineligible', () => {
    const k = rows[2]!;
    // 4 × 459 + 380 = 2216; real 4 × (150 + 8 + 22.95) + 380 = 723.80 + 380 = 1103.80
    expect([k.dealPrice, k.chargedMax, k.realCostMax, k.testsPerYear]).toEqual(['459.00', '2216.00', '1103.80', 1]);
    // 2216 > 2 × (459 + 380) = 1678 → explained
    expect(k.warningCodes).toEqual(['charge_far_above_estimate', 'sku_type_or_material']);
    const s = rows[3]!;
    // 3 × 2599 + 800 = 8597; real 3 × (1200 + 120 + 77.97) + 800 = 4193.91 + 800 = 4993.91
    expect([s.chargedMax, s.realCostMax, s.eligible]).toEqual(['8597.00', '4993.91', false]);
    // 8597 > 2 × 3799 = 7598 → explained; 3000 < 8597 → balance short
    expect(s.warningCodes).toEqual(['ineligible_industry', 'charge_far_above_estimate', 'balance_below_charge']);
  });

  it('total row: sums, and the balance needed for all products at once — the ineligible sofa left out', () => {
    const t = rows[4]!;
    // RULES §3 (三): 甄检 is open to six industries; the sofa (家具 → home) cannot register, so it is
    // never bought or charged and is not in the sums (until 2026-12 it was: 14838.00 / 8336.46 / 14988.00).
    // charged max 1445 + 1293 + 2216 = 4954; real max 939.75 + 844.65 + 1103.80 = 2888.20
    // balance needed: Σ chargedMax 4954.00 + --avg-order 150.00 left after it = 5104.00
    // (the lenses at 20 boxes until 2026-12: 6241.00 / 3342.55 / 6391.00)
    expect([t.chargedMax, t.realCostMax, t.balanceNeeded]).toEqual(['4954.00', '2888.20', '5104.00']);
    // charged min 1047 + 1293 + 2216 = 4556; real min 743.85 + 844.65 + 1103.80 = 2692.30; samples 3+7+4, 5+7+4
    expect([t.chargedMin, t.realCostMin, t.samplesMin, t.samplesMax]).toEqual(['4556.00', '2692.30', 14, 16]);
    // registration 749 + 728 + 839 = 2316; tests 3 + 13 + 1 = 17; yearly 4335 + 16809 + 2216 = 23360
    expect([t.registrationEstimate, t.testsPerYear, t.annualChargedMax, t.rules]).toEqual(['2316.00', 17, '23360.00', 'zhenjian-2022']);
    // 3000 < 5104: still short; the first warning names the product left out
    expect(t.warningCodes).toEqual(['ineligible_not_counted', 'balance_below_charge']);
    expect((t.warnings as string[])[0]).toContain('leave out 1 product of an industry 甄检 is not open to (680012345681)');
    expect(t.title).toBe('TOTAL (3 of 4 products)');
    expect(stderr).toContain('4 products; 1 of an ineligible industry (cannot register), not in the totals; registration estimate 2316.00, charged 4556.00–4954.00');
  });

  it('zh: the total row and summary say the ineligible product is not counted', () => {
    const r = runCli(['zhenjian', 'estimate', EX, '-f', 'json', '--as-of', '2026-11-20 11:00:00', '--balance', '3000', '--avg-order', '150', '--lang', 'zh']);
    const t = json(r.stdout)[4]!;
    expect(t.title).toBe('合计 (4 个商品中的 3 个)');
    expect((t.warnings as string[])[0]).toContain('合计与所需余额不含 1 个行业不适用的商品 (680012345681)');
    expect(r.stderr).toContain('甄检估算: 4 个商品; 1 个行业不适用 (无法报名), 未计入合计; 报名页预估合计 2316.00');
  });
});

describe('zhenjian estimate: inputs and options', () => {
  it('English headers, commission from config, csv output with times in Beijing time under TZ=UTC', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'p.csv');
    fs.writeFileSync(f, 'itemId,title,category,listPrice,dealPrice,unitCost,serviceFee,periodDays,autoRenew,signedAt\n1,Dress,womenswear,100,80,30,200,30,yes,2026-11-20 23:30:00\n');
    const cfg = path.join(dir, 'c.json');
    fs.writeFileSync(cfg, JSON.stringify({ zhenjian: { commissionRate: '5%', shippingPerSample: 10 } }));
    const r = runCli(['zhenjian', 'estimate', f, '--config', cfg, '-f', 'csv', '--as-of', '2026-11-21 00:00:00']);
    expect(r.code).toBe(0);
    const [head, line] = r.stdout.trim().split('\n');
    const cols = head!.split(',');
    const v = Object.fromEntries(line!.split(',').map((x, i) => [cols[i], x]));
    // charged 5 × 80 + 200 = 600; real per sample 30 + 10 + 80×0.05 = 44; 5 × 44 + 200 = 420; 13 tests
    expect([v.chargedMax, v.realCostMax, v.testsPerYear, v.annualChargedMax]).toEqual(['600.00', '420.00', '13', '7800.00']);
    expect([v.signedAt, v.cancelBy, v.cancellable]).toEqual(['2026-11-20 23:30:00', '2026-11-21 01:30:00', 'yes']);
    expect(r.stderr).not.toContain('no commission rate');
  });

  it('--commission beats the config; no rate at all warns once', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'p.csv');
    fs.writeFileSync(f, 'listPrice,unitCost,serviceFee\n100,30,200\n100,30,200\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/no commission rate/g)).toHaveLength(1);
    // 5 × 30 + 200 = 350 without commission
    expect(json(r.stdout)[0]!.realCostMax).toBe('350.00');
    const c = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0.1']);
    // 5 × (30 + 10) + 200 = 400
    expect(json(c.stdout)[0]!.realCostMax).toBe('400.00');
  });

  it('Chinese headers in the output with --lang zh', () => {
    const r = runCli(['zhenjian', 'estimate', EX, '--lang', 'zh', '-f', 'csv', '--commission', '5%']);
    expect(r.code).toBe(0);
    const head = r.stdout.split('\n')[0]!;
    expect(head.startsWith('行类型,商品ID,商品标题,类目')).toBe(true);
    expect(head).toContain('报名页预估');
    expect(r.stdout).toContain('合计 (4 个商品中的 3 个)');
  });

  it('xlsx input with Chinese headers', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('商品');
    ws.addRow(['商品ID', '类目', '一口价', '成本', '服务费', '展示周期', '自动续费']);
    ws.addRow(['680000000001', '护肤', 59.9, 12, 300, 180, '否']);
    const dir = tmpDir();
    const f = path.join(dir, 'p.xlsx');
    await wb.xlsx.writeFile(f);
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0']);
    expect(r.code).toBe(0);
    const p = json(r.stdout)[0]!;
    // registration 59.90 + 300 = 359.90; charged 5 × 59.90 + 300 = 599.50; real 5 × 12 + 300 = 360
    expect([p.itemId, p.registrationEstimate, p.chargedMax, p.realCostMax, p.testsPerYear]).toEqual(['680000000001', '359.90', '599.50', '360.00', 1]);
  });

  it('the xlsx example gives the same estimate as the csv one', () => {
    const args = ['-f', 'csv', '--as-of', '2026-11-20 11:00:00'];
    const a = runCli(['zhenjian', 'estimate', path.join(EXAMPLES, 'zhenjian-products.xlsx'), ...args]);
    const b = runCli(['zhenjian', 'estimate', EX, ...args]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('bad rows are rejected with file, line and column; exit 1; --strict exit 3', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'p.csv');
    fs.writeFileSync(f, '一口价,成本,服务费,展示周期,SKU差异\n100,30,200,30,\n0,30,200,30,\n100,30,200,90,\n100,30,200,30,颜色;重量\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).map((x) => x.kind)).toEqual(['product', 'total']);
    expect(r.stderr).toContain('p.csv:3 [一口价]: "0" must be more than 0');
    expect(r.stderr).toContain('p.csv:4 [展示周期]: "90" the display period is 30 or 180 days');
    expect(r.stderr).toContain('p.csv:5 [SKU差异]');
    expect(r.stderr).toContain('unknown SKU difference "重量"');
    const s = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--strict']);
    expect(s.code).toBe(3);
    expect(s.stdout).toBe('');
  });

  it('a missing required column is exit 3 naming the column', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'p.csv');
    fs.writeFileSync(f, '一口价,成本\n100,30\n');
    const r = runCli(['zhenjian', 'estimate', f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('required column "serviceFee" is missing');
  });

  it('no file and no terminal: exit 2 naming the file argument (also with --no-input)', () => {
    for (const extra of [[], ['--no-input']]) {
      const r = runCli(['zhenjian', 'estimate', ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('missing argument [file]');
      expect(r.stdout).toBe('');
    }
    const z = runCli(['zhenjian', 'estimate', '--lang', 'zh']);
    expect(z.stderr).toContain('缺少参数 [文件]: 商品表 (csv/xlsx)'); // as zh help names it (参数: 文件)
  });

  it('bad option values are usage errors (exit 2)', () => {
    expect(runCli(['zhenjian', 'estimate', EX, '--balance', 'lots']).code).toBe(2);
    expect(runCli(['zhenjian', 'estimate', EX, '--commission', '5']).stderr).toContain('must be below 1');
    expect(runCli(['zhenjian', 'estimate', EX, '--far-above', '-1']).code).toBe(2);
  });

  it('reads the product file from stdin', () => {
    const r = runCli(['zhenjian', 'estimate', '-', '-f', 'json', '--commission', '0'], { input: 'listPrice,unitCost,serviceFee,category\n10,1,5,contact lenses\n' });
    expect(r.code).toBe(0);
    // 20 × 10 + 5 = 205; real 20 × 1 + 5 = 25
    expect([json(r.stdout)[0]!.chargedMax, json(r.stdout)[0]!.realCostMax]).toEqual(['205.00', '25.00']);
  });

  it('--labels checks the selection per product', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'labels.csv');
    fs.writeFileSync(
      f,
      '商品ID,检测项目,必检,展示,检测\n' +
        '680012345678,*甲醛,,否,否\n680012345678,色牢度,是,是,\n680012345678,起球,否,是,\n680012345678,缩水率,否,是,\n' +
        '680012345679,含水量,是,是,\n',
    );
    const r = runCli(['zhenjian', 'estimate', EX, '-f', 'json', '--commission', '0', '--labels', f]);
    expect(r.code).toBe(0);
    const rows = json(r.stdout);
    // dress: 3 displayed (色牢度, 起球, 缩水率); tested = mandatory 甲醛 + the three displayed
    expect(rows[0]!.labelsShown).toEqual(['色牢度', '起球', '缩水率']);
    expect(rows[0]!.labelsTested).toEqual(['甲醛', '色牢度', '起球', '缩水率']);
    expect(rows[0]!.warningCodes).toEqual(['label_mandatory_always_tested']);
    // lenses: only 1 displayed
    expect(rows[1]!.warningCodes).toContain('labels_not_three');
    // the kids jacket has no rows in the labels file
    expect(rows[2]!.warningCodes).toContain('labels_missing');
  });

  it('a custom category table changes the sample counts', () => {
    const dir = tmpDir();
    const t = path.join(dir, 'cat.json');
    fs.writeFileSync(t, JSON.stringify({ ordinary: { samplesMin: 2, samplesMax: 2 }, industries: [{ id: 'apparel', zh: '服饰', eligible: true }], categories: [{ id: 'x', zh: '女装', industry: 'apparel', samplesMin: 6, samplesMax: 8 }] }));
    const f = path.join(dir, 'p.csv');
    fs.writeFileSync(f, '类目,一口价,成本,服务费\n女装,10,1,5\n宠物,10,1,5\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0', '--categories', t]);
    const rows = json(r.stdout);
    // 女装 6–8: 6×10+5 = 65, 8×10+5 = 85; unknown → ordinary 2: 2×10+5 = 25
    expect([rows[0]!.chargedMin, rows[0]!.chargedMax, rows[1]!.chargedMax]).toEqual(['65.00', '85.00', '25.00']);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ordinary: { samplesMin: 5, samplesMax: 3 }, industries: [], categories: [] }));
    const b = runCli(['zhenjian', 'estimate', f, '--categories', bad]);
    expect(b.code).toBe(3);
    expect(b.stderr).toContain('samplesMax must be a whole number ≥ samplesMin');
  });

  it('table format on request shows the compact columns', () => {
    const r = runCli(['zhenjian', 'estimate', EX, '-f', 'table', '--commission', '0.05']);
    expect(r.code).toBe(0);
    const head = r.stdout.split('\n')[0]!;
    expect(head.split(/\s{2,}/)).toEqual(['itemId', 'title', 'category', 'samplesMin', 'samplesMax', 'registrationEstimate', 'chargedMax', 'realCostMax', 'balanceNeeded', 'testsPerYear', 'annualChargedMax', 'warningCodes']);
    // the explanations go to stderr, one per line, named by item id
    expect(r.stderr).toContain("warning: 680012345680: the real charge can reach 2216.00, 2.6× the registration page's 839.00");
  });
});

describe('a product listed twice', () => {
  it('is counted once, by its later row (a correction appended last); the earlier row is rejected as replaced', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'dup.csv');
    fs.writeFileSync(f, 'itemId,title,category,listPrice,unitCost,serviceFee\nD1,t,女装,100,10,100\nD1,t,女装,100,10,500\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json']);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    // One product, the later row: 3–5 samples at 100.00 plus the 500.00 fee = 800.00–1,000.00
    // (the two rows summed gave 1,200.00–1,600.00).
    expect(rows.filter((x) => x.kind === 'total').map((x) => [x.title, x.chargedMin, x.chargedMax])).toEqual([['TOTAL (1 product)', '800.00', '1000.00']]);
    expect(r.stderr).toContain(`${f}:2 [itemId]: "D1" product D1 is listed again on line 3, and that later row is used; a product is counted once`);
  });

  it('a bad first row followed by a good one of the same product: the good one is used', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'fix.csv');
    fs.writeFileSync(f, 'itemId,title,category,listPrice,unitCost,serviceFee\nD1,t,女装,abc,10,100\nD1,t,女装,100,10,100\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json']);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.filter((x) => x.kind === 'total').map((x) => [x.title, x.chargedMin, x.chargedMax])).toEqual([['TOTAL (1 product)', '400.00', '600.00']]);
    expect(r.stderr).toContain(`${f}:2 [`);
    expect(r.stderr).not.toContain('listed again');
  });
});

describe('rows whose cells do not line up with the header', () => {
  it('a row with a data cell past the header (an unquoted comma in a title) is rejected, not read shifted', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'shifted.csv');
    // Row 2 read shifted would price "Socks" at list 20, cost 199, fee 80 (and drop the 450.00).
    // Row 3: 3–5 samples at its list price 20.00 plus the 80.00 fee = 140.00–180.00.
    fs.writeFileSync(f, '商品ID,商品标题,一口价,成本,服务费\n100000000001,Socks,10,20,199.00,80.00,450.00\n100000000002,Hat,20,8.00,80.00\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0']);
    expect(r.code).toBe(1);
    const rows = json(r.stdout);
    expect(rows.map((x) => [x.kind, x.itemId, x.chargedMin, x.chargedMax])).toEqual([
      ['product', '100000000002', '140.00', '180.00'],
      ['total', null, '140.00', '180.00'],
    ]);
    expect(r.stderr).toContain(`${f}:2: this row has 7 cells but the header has 5 (extra cells hold data)`);
  });

  it('two columns of one name that disagree reject the row; agreeing ones are fine', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'twins.csv');
    // Row 3: the two 一口价 agree (299): 3–5 samples × 299.00 + 450.00 = 1347.00–1945.00.
    fs.writeFileSync(f, '商品ID,一口价,成本,服务费,一口价\n1,299,80,450,29.9\n2,299,80,450,299\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0']);
    expect(r.code).toBe(1);
    const rows = json(r.stdout);
    expect(rows.map((x) => [x.kind, x.itemId, x.chargedMin, x.chargedMax])).toEqual([
      ['product', '2', '1347.00', '1945.00'],
      ['total', null, '1347.00', '1945.00'],
    ]);
    expect(r.stderr).toContain(`${f}:2 [一口价]: two columns are named "一口价" (columns 2 and 5) and their values differ in this row ("299" / "29.9"); which one is right cannot be told, so the row was not used`);
  });

  it('--labels: a ragged label row is rejected; a label listed twice counts once (the later row)', () => {
    const dir = tmpDir();
    const p = path.join(dir, 'p.csv');
    fs.writeFileSync(p, '商品ID,一口价,成本,服务费,类目\n680012345678,299,80,450,女装\n');
    const l = path.join(dir, 'l.csv');
    fs.writeFileSync(l, '商品ID,检测项目,必检,展示\n680012345678,*甲醛,,是\n680012345678,*甲醛,,是\n680012345678,色牢度,否,是\n680012345678,起球,否,是,是\n');
    const r = runCli(['zhenjian', 'estimate', p, '--labels', l, '-f', 'json', '--commission', '0']);
    expect(r.code).toBe(1);
    const rows = json(r.stdout);
    // Two distinct labels displayed, not three.
    expect(rows[0]!.labelsShown).toEqual(['甲醛', '色牢度']);
    expect(rows[0]!.warningCodes).toContain('labels_not_three');
    expect(r.stderr).toContain(`${l}:2 [检测项目]: product 680012345678's label "甲醛" is listed again on line 3, and that later row is used; a label is counted once`);
    expect(r.stderr).toContain(`${l}:5: this row has 5 cells but the header has 4 (extra cells hold data)`);
  });

  it('a platform price with a third decimal is refused, never charged unrounded under a rounded display', () => {
    // Item 1: deal 1.005 was shown as 1.01 while the charge was 3 × 1.005 + 0 = 3.015 → 3.02, not
    // the 3 × 1.01 = 3.03 the row showed; a list price or service fee likewise. Refused, with the
    // column. Item 4: a cost per sample may be an average: 3 × (0.335 + 0) = 1.005 → 1.01 (half-up
    // once), charged 3 × 1.00 + 0 = 3.00.
    const dir = tmpDir();
    const f = path.join(dir, 'fen.csv');
    fs.writeFileSync(f, 'itemId,listPrice,dealPrice,unitCost,serviceFee,samples\n1,1.01,1.005,0,0,3\n2,1.005,1.00,0,0,3\n3,1.00,1.00,0,0.125,3\n4,1.00,1.000,0.335,0,3\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0']);
    expect(r.code).toBe(1);
    const rows = json(r.stdout);
    expect(rows.map((x) => [x.kind, x.itemId, x.dealPrice, x.chargedMax, x.realCostMax])).toEqual([
      ['product', '4', '1.00', '3.00', '1.01'],
      ['total', null, null, '3.00', '1.01'],
    ]);
    const why = 'is a platform price, at most two decimals (whole fen): write it as the product or registration page shows it';
    expect(r.stderr).toContain(`${f}:2 [dealPrice]: "1.005" ${why}`);
    expect(r.stderr).toContain(`${f}:3 [listPrice]: "1.005" ${why}`);
    expect(r.stderr).toContain(`${f}:4 [serviceFee]: "0.125" ${why}`);
  });

  it('a sample count above 1000 is refused, never read inexactly', () => {
    const dir = tmpDir();
    const f = path.join(dir, 's.csv');
    fs.writeFileSync(f, 'itemId,listPrice,unitCost,serviceFee,samples,dealPrice\n1,299,80,450,9007199254740993,1\n2,299,80,450,1000,1\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0']);
    expect(r.code).toBe(1);
    const rows = json(r.stdout);
    // Item 2: 1000 samples at the 1.00 deal price + 450.00 = 1450.00.
    expect(rows.map((x) => [x.kind, x.itemId, x.chargedMax])).toEqual([
      ['product', '2', '1450.00'],
      ['total', null, '1450.00'],
    ]);
    expect(r.stderr).toContain(`${f}:2 [samples]: "9007199254740993" samples must be a whole number from 1 to 1000`);
  });

  it('--labels: rows naming a product that is not in the product file are listed as not used', () => {
    // Every input row is used or reported: a label file keyed by a mistyped id (68001234567 for
    // 680012345678) used to leave the product "without labels" and say nothing of the rows.
    const dir = tmpDir();
    const p = path.join(dir, 'p.csv');
    fs.writeFileSync(p, '商品ID,一口价,成本,服务费,类目\n680012345678,299,80,450,女装\n');
    const l = path.join(dir, 'l.csv');
    fs.writeFileSync(l, '商品ID,检测项目,必检,展示\n68001234567,*甲醛,,是\n680012345678,色牢度,否,是\n68001234567,起球,否,是\n');
    const r = runCli(['zhenjian', 'estimate', p, '--labels', l, '-f', 'json', '--commission', '0', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(json(r.stdout)[0]!.labelsShown).toEqual(['色牢度']);
    expect(r.stderr.split('\n').filter((x) => x.includes('--labels'))).toEqual([
      `storeops: warning: 2 row(s) of --labels name a product that is not in the product file and are not used: ${l}:2 (68001234567), ${l}:4 (68001234567); check the product ids`,
    ]);
    const zh = runCli(['zhenjian', 'estimate', p, '--labels', l, '-f', 'json', '--commission', '0', '--lang', 'zh']);
    expect(zh.stderr).toContain(`storeops: 警告: --labels 中有 2 行的商品ID不在商品表里, 未使用: ${l}:2 (68001234567), ${l}:4 (68001234567); 请核对商品ID`);
  });

  it('--labels: a 商品ID Excel saved as 6.80012E+11 is rejected as in the product file, not called "not in the product file"', () => {
    // A 12-digit id in a General cell is shown 6.80012E+11 and a csv saved from Excel keeps only that:
    // the product file's row is rejected for it (fields.ts); the label rows were read as the id
    // "6.80012E+11", said to be no product's with "check the product ids" (exit 0), and the product's
    // labels were silently missing. Now each such row is rejected (file:line [商品ID]), exit 1.
    const dir = tmpDir();
    const p = path.join(dir, 'p.csv');
    fs.writeFileSync(p, '商品ID,一口价,成本,服务费,类目\n680012345678,299,80,450,女装\n');
    const l = path.join(dir, 'l.csv');
    fs.writeFileSync(l, '商品ID,检测项目,必检,展示\n6.80012E+11,*甲醛,,是\n680012345678,色牢度,否,是\n6.80012E+11,起球,否,是\n');
    const r = runCli(['zhenjian', 'estimate', p, '--labels', l, '-f', 'json', '--commission', '0', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(json(r.stdout)[0]!.labelsShown).toEqual(['色牢度']);
    expect(r.stderr).toContain(`${l}:2 [商品ID]: "6.80012E+11" the itemId was rounded into scientific notation by a spreadsheet program (Excel, WPS, LibreOffice …) and cannot be recovered; export again and open it as text\n`);
    expect(r.stderr).toContain(`${l}:4 [商品ID]: "6.80012E+11" the itemId was rounded into scientific notation by a spreadsheet program (Excel, WPS, LibreOffice …) and cannot be recovered; export again and open it as text\n`);
    expect(r.stderr).not.toContain('not in the product file');
    const zh = runCli(['zhenjian', 'estimate', p, '--labels', l, '-f', 'json', '--commission', '0', '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`${l}:2 [商品ID]: "6.80012E+11" 商品ID被电子表格软件 (Excel、WPS、LibreOffice 等) 改成了科学计数法, 已无法还原; 重新导出并以文本方式打开\n`);
    expect(zh.stderr).not.toContain('不在商品表里');
  });
});

describe('a bad zhenjian value in the config, in zh', () => {
  it('names the config in Chinese (it said "config zhenjian.commissionRate" in zh) and says what to write', () => {
    // commissionRate 5 means 5 %: 5 would be 5 × 100 = 500 %; 5 % is 0.05.
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'storeops.config.json'), '{"zhenjian": {"commissionRate": 5}}');
    const r = runCli(['zhenjian', 'estimate', path.join(EXAMPLES, 'zhenjian-products.csv'), '--lang', 'zh'], { cwd: dir });
    expect(r.code).toBe(2);
    // The file is named too (before: '配置 zhenjian.commissionRate 的值 …', which file not said).
    expect(r.stderr).toContain(`配置文件 ${path.join(dir, 'storeops.config.json')} 中的 zhenjian.commissionRate 的值 "5" 须小于 1: 5 是 500%; 若是 5%, 写 0.05 或 5%`);
  });
});

describe('a product file without a product is unusable (exit 3), not "0 products, 0.00"', () => {
  // README exit codes: 3 = input unusable. A header-only file (an export with nothing in it, or a
  // template not filled in) gave a TOTAL (0 products) row of 0.00 and exit 0, as if testing cost
  // nothing; a file whose every row was rejected gave the same with exit 1.
  const dir = tmpDir();
  const header = fs.readFileSync(EX, 'utf8').split('\n')[0]!;
  it('header only: says there are no products and what to write', () => {
    const f = path.join(dir, 'header-only.csv');
    fs.writeFileSync(f, `${header}\n`);
    const en = runCli(['zhenjian', 'estimate', f, '-f', 'csv', '--lang', 'en']);
    expect(en.code).toBe(3);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('header-only.csv has no products (a header and no product rows)');
    expect(en.stderr).toContain('hint: add one row per product');
    const zh = runCli(['zhenjian', 'estimate', f, '-f', 'csv', '--lang', 'zh']);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain('header-only.csv 里没有商品 (只有表头)');
  });
  it('every row rejected: exit 3, the rejects file still written', () => {
    const f = path.join(dir, 'all-bad.csv');
    const row = fs.readFileSync(EX, 'utf8').split('\n')[1]!.replace(',299.00,', ',abc,');
    fs.writeFileSync(f, `${header}\n${row}\n`);
    const rj = path.join(dir, 'rj.csv');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'csv', '--lang', 'en', '--rejects', rj]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('all-bad.csv has no usable product: all 1 row(s) were rejected (see above)');
    expect(fs.readFileSync(rj, 'utf8')).toContain('all-bad.csv,2,一口价,abc,');
  });
});

describe('the zh label of sku_type_or_material names type and material, not style', () => {
  // examples/zhenjian-products.csv: 680012345680 儿童羽绒服 has SKUs differing in 材质 (material),
  // which is refused; style (款式) is accepted. Its zh label read "SKU 按款式或材质" (by style or
  // material), telling a zh user a style difference was a problem.
  it('zh csv: SKU 类型或材质不同', () => {
    const r = runCli(['zhenjian', 'estimate', EX, '--as-of', '2026-11-20 11:00', '-f', 'csv', '--lang', 'zh']);
    const row = r.stdout.split('\n').find((l) => l.includes('680012345680'))!;
    expect(row).toContain('扣款远超预估;SKU 类型或材质不同,');
    expect(row).not.toContain('SKU 按款式');
  });
});

describe('zhenjian estimate: a signing time typed without seconds (docs/rules.md §3, §1.7 reading)', () => {
  // Cancel in the system within 2 hours of signing (rules.md §3). `2026-11-20 10:00` is any second
  // from 10:00:00 to 10:00:59 (as a review time without seconds, rules.md §2.3), so the window ends
  // between 12:00:00 and 12:00:59. By hand: cancelBy is shown from the earliest, 12:00:00 (cancel by
  // then and it is in time whatever the second); `cancellable` turns false, and the
  // cancel_window_closed warning is given, only once the latest, 12:00:59, has passed. The old code
  // read 10:00 as exactly 10:00:00: as of 12:00:30 not cancellable and "will be charged", though the
  // signing may have been at 10:00:59 (still 29 s to cancel); and it showed 10:00:00, not as typed.
  const dir = tmpDir();
  const f = path.join(dir, 'p.csv');
  fs.writeFileSync(f, 'itemId,listPrice,unitCost,serviceFee,signedAt\n1,100,30,200,2026-11-20 10:00\n2,100,30,200,2026-11-20 10:00:00\n');
  const run = (asOf: string, tz: string, fmt = 'json') => runCli(['zhenjian', 'estimate', f, '-f', fmt, '--as-of', asOf, '--commission', '0'], { tz });

  it.each(['UTC', 'America/Los_Angeles'])('cancellable until 12:00:59, cancelBy 12:00:00, signedAt shown to the minute (machine TZ=%s)', (tz) => {
    // [signedAt, cancelBy, cancellable, warned that the window has closed]
    const at = (asOf: string) =>
      json(run(asOf, tz).stdout)
        .filter((r) => r.kind === 'product')
        .map((r) => [r.signedAt, r.cancelBy, r.cancellable, (r.warningCodes as string[]).includes('cancel_window_closed')]);
    expect(at('2026-11-20 12:00:30')).toEqual([
      ['2026-11-20T10:00+08:00', '2026-11-20T12:00:00+08:00', true, false],
      // Typed with its seconds: exact, as before (12:00:30 > 12:00:00).
      ['2026-11-20T10:00:00+08:00', '2026-11-20T12:00:00+08:00', false, true],
    ]);
    expect(at('2026-11-20 12:00:59')[0]).toEqual(['2026-11-20T10:00+08:00', '2026-11-20T12:00:00+08:00', true, false]);
    expect(at('2026-11-20 12:01:00')[0]).toEqual(['2026-11-20T10:00+08:00', '2026-11-20T12:00:00+08:00', false, true]);
    const [head, one, two] = run('2026-11-20 12:00:30', tz, 'csv').stdout.trim().split('\n');
    const cols = head!.split(',');
    const pick = (line: string) => {
      const v = Object.fromEntries(line.split(',').map((x, i) => [cols[i], x]));
      return [v.signedAt, v.cancelBy, v.cancellable];
    };
    expect(pick(one!)).toEqual(['2026-11-20 10:00', '2026-11-20 12:00:00', 'yes']);
    expect(pick(two!)).toEqual(['2026-11-20 10:00:00', '2026-11-20 12:00:00', 'no']);
  });

  it('--tz America/Los_Angeles: the minute is shown in that zone as typed, the verdict the same', () => {
    // 10:00 typed with --tz America/Los_Angeles is 10:00 in Los Angeles (18:00 Beijing): the window
    // ends 12:00:00–12:00:59 there; as of 12:00:30 it may still be open.
    const fL = path.join(dir, 'la.csv');
    fs.writeFileSync(fL, 'itemId,listPrice,unitCost,serviceFee,signedAt\n1,100,30,200,2026-11-20 10:00\n');
    const la = json(runCli(['zhenjian', 'estimate', fL, '-f', 'json', '--as-of', '2026-11-20 12:00:30', '--commission', '0', '--tz', 'America/Los_Angeles']).stdout)[0]!;
    expect([la.signedAt, la.cancelBy, la.cancellable]).toEqual(['2026-11-20T10:00-08:00', '2026-11-20T12:00:00-08:00', true]);
  });
});

describe('zhenjian estimate: a signing date typed into Excel (a date cell, no time of day)', () => {
  // An xlsx date cell (2026-11-20 typed into Excel) is read as `2026-11-20 00:00:00`, as in a
  // review file (docs/rules.md §2.3): it is the date alone, as `2026-11-20` in a csv is. The old
  // code took it for exactly 00:00:00: shown as 2026-11-20T00:00:00+08:00 (a time never typed) and
  // not cancellable from 02:00:01 with 'will be charged', though the csv row with the same date was
  // cancellable until the latest second of the day + 2 h. By hand (rules.md §3, cancel within 2 h):
  // the signing is any second of 11-20, so as of 11-20 20:00 the window (ends between 11-20 02:00:00
  // and 11-21 01:59:59) may still be open: cancellable, no warning; cancelBy from the earliest,
  // 02:00:00; as of 11-21 02:00:00 it has closed from the latest. A date-time cell (10:00:30) is exact.
  it.each(['UTC', 'America/Los_Angeles'])('read as the date alone, as in a csv (machine TZ=%s)', async (tz) => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('p');
    ws.addRow(['itemId', 'listPrice', 'unitCost', 'serviceFee', 'signedAt']);
    ws.addRow(['1', 100, 30, 200, new Date(Date.UTC(2026, 10, 20))]);
    ws.getCell('E2').numFmt = 'yyyy-mm-dd';
    ws.addRow(['2', 100, 30, 200, new Date(Date.UTC(2026, 10, 20, 10, 0, 30))]);
    ws.getCell('E3').numFmt = 'yyyy-mm-dd hh:mm:ss';
    const dir = tmpDir();
    const f = path.join(dir, 'p.xlsx');
    await wb.xlsx.writeFile(f);
    const at = (asOf: string) =>
      json(runCli(['zhenjian', 'estimate', f, '-f', 'json', '--as-of', asOf, '--commission', '0'], { tz }).stdout)
        .filter((r) => r.kind === 'product')
        .map((r) => [r.signedAt, r.cancelBy, r.cancellable, (r.warningCodes as string[]).includes('cancel_window_closed')]);
    expect(at('2026-11-20 20:00:00')).toEqual([
      ['2026-11-20', '2026-11-20T02:00:00+08:00', true, false],
      ['2026-11-20T10:00:30+08:00', '2026-11-20T12:00:30+08:00', false, true],
    ]);
    expect(at('2026-11-21 01:59:59')[0]).toEqual(['2026-11-20', '2026-11-20T02:00:00+08:00', true, false]);
    expect(at('2026-11-21 02:00:00')[0]).toEqual(['2026-11-20', '2026-11-20T02:00:00+08:00', false, true]);
  });
});

describe('--tz: the display period and the next day after a stop are Beijing calendar days (found by hunt14)', () => {
  it('expiresAt, renewFrom and reapplyFrom with --tz America/Los_Angeles', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'p.csv');
    fs.writeFileSync(f, 'itemId,listPrice,unitCost,serviceFee,displayFrom,stoppedAt\n1,100,10,50,2026-03-01 10:00:00,2026-03-07 23:30:00\n2,100,10,50,2026-11-20 10:00:00,2026-11-20 23:30:00\n');
    const rows = json(runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0', '--tz', 'America/Los_Angeles']).stdout);
    // Product 1. displayFrom 2026-03-01 10:00 PST (UTC−8) = 18:00 UTC = 03-02 02:00 Beijing; + 30
    // Beijing days = 04-01 02:00 Beijing = 03-31 18:00 UTC = 11:00 PDT (UTC−7 from 03-08). Before:
    // 30 LA wall days, 03-31 10:00 PDT, an hour short of 30 days. renewFrom − 15 days: 03-17 02:00
    // Beijing = 03-16 11:00 PDT. stoppedAt 03-07 23:30 PST = 03-08 15:30 Beijing: the next day is
    // 03-09 00:00 Beijing = 03-08 16:00 UTC = 09:00 PDT (before: LA's midnight 03-08 00:00 PST,
    // 03-08 16:00 Beijing, the stop's own Beijing day).
    expect(rows[0]).toMatchObject({ expiresAt: '2026-03-31T11:00:00-07:00', renewFrom: '2026-03-16T11:00:00-07:00', reapplyFrom: '2026-03-08T09:00:00-07:00' });
    // Product 2. stoppedAt 11-20 23:30 PST = 11-21 15:30 Beijing → 11-22 00:00 Beijing = 11-21 08:00 PST
    // (before: 11-21 00:00 PST = 11-21 16:00 Beijing, half an hour after the stop). No clock change
    // in the period: 11-20 10:00 + 30 days = 12-20 10:00 PST either way.
    expect(rows[1]).toMatchObject({ expiresAt: '2026-12-20T10:00:00-08:00', renewFrom: '2026-12-05T10:00:00-08:00', reapplyFrom: '2026-11-21T08:00:00-08:00' });
  });
});

describe('--tz: a stop typed as a date alone is any second of that day in --tz (found by review13)', () => {
  it('reapplyFrom is the Beijing day after the last second of the typed day', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'p.csv');
    fs.writeFileSync(f, 'itemId,listPrice,unitCost,serviceFee,stoppedAt\n1,100,10,50,2026-11-20\n2,100,10,50,2026-11-20 07:59\n');
    const run = (tz: string[]) => json(runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0', ...tz]).stdout).filter((r) => r.kind === 'product').map((r) => r.reapplyFrom as string);
    // Los Angeles, 1: the typed day 11-20 00:00–23:59:59 PST is 11-20 16:00 – 11-21 15:59:59 Beijing;
    // its last second is on Beijing 11-21, so the next day is 11-22 00:00 Beijing = 11-21 16:00 UTC
    // = 11-21 08:00 PST. Before: from 11-20 00:00 PST (11-20 16:00 Beijing) → 11-21 00:00 Beijing =
    // 11-20 08:00 PST, before a stop at 10:00 that day had even happened.
    // 2: 07:59 PST = 11-20 23:59 Beijing, any second of it still 11-20 → 11-21 00:00 Beijing = 11-20 08:00 PST.
    expect(run(['--tz', 'America/Los_Angeles'])).toEqual(['2026-11-21T08:00:00-08:00', '2026-11-20T08:00:00-08:00']);
    // London, 1: 11-20 00:00–23:59:59 GMT = 11-20 08:00 – 11-21 07:59:59 Beijing → 11-22 00:00 Beijing
    // = 11-21 16:00 GMT (before: 11-20 16:00 GMT). 2: 07:59 GMT = 15:59 Beijing → 11-21 00:00 Beijing = 11-20 16:00 GMT.
    expect(run(['--tz', 'Europe/London'])).toEqual(['2026-11-21T16:00:00+00:00', '2026-11-20T16:00:00+00:00']);
    // Beijing (no --tz): the typed day is one Beijing day, 11-20 → 11-21 00:00 either way.
    expect(run([])).toEqual(['2026-11-21T00:00:00+08:00', '2026-11-21T00:00:00+08:00']);
  });
});

describe('an expiry typed as a date is shown as a date (desk3)', () => {
  it('到期时间 or 透标开始 typed as a date alone: expiresAt and renewFrom are dates in every format and zone', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'p.csv');
    // 1: 到期时间 2027-06-03 → renew from 06-03 − 15 days = 05-19.
    // 2: 透标开始 2026-12-05, 30 days → 2027-01-04 (Dec 26 days left + 4); renew 2026-12-20.
    // 3: 透标开始 with a time: shown with it, as before (12-05 10:00 + 30 days = 2027-01-04 10:00).
    fs.writeFileSync(f, '商品ID,一口价,成本,服务费,透标开始,到期时间,展示周期\n1,100,10,50,,2027-06-03,180\n2,100,10,50,2026-12-05,,30\n3,100,10,50,2026-12-05 10:00:00,,30\n');
    for (const tz of [[], ['--tz', 'America/Los_Angeles']]) {
      const rows = json(runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0', ...tz], { tz: 'UTC' }).stdout);
      expect(rows.slice(0, 2).map((r) => [r.expiresAt as string, r.renewFrom as string])).toEqual([
        ['2027-06-03', '2027-05-19'],
        ['2027-01-04', '2026-12-20'],
      ]);
    }
    const csv = runCli(['zhenjian', 'estimate', f, '--commission', '0'], { tz: 'America/Los_Angeles' }).stdout;
    expect(csv).toContain(',2027-06-03,2027-05-19,');
    expect(csv).toContain(',2027-01-04,2026-12-20,');
    expect(csv).toContain(',2027-01-04 10:00:00,2026-12-20 10:00:00,');
    expect(csv).not.toContain('00:00:00');
  });
});

describe('a 合计 row below the products (desk3)', () => {
  it('is skipped at the end, rejected before more rows, and a product titled 合计… is a product', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'p.csv');
    // registration 100 + 50 = 150.00 per product (list price × 1 + service fee); two products: 300.00.
    const head = '商品ID,商品标题,一口价,成本,服务费\n1000000001,围巾,100,10,50\n1000000002,帽子,100,10,50\n';
    fs.writeFileSync(f, head + '合计,,200,20,100\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${f}:4: summary line, skipped`);
    const rows = json(r.stdout) as { kind: string; registrationEstimate: string }[];
    expect(rows.map((x) => [x.kind, x.registrationEstimate])).toEqual([['product', '150.00'], ['product', '150.00'], ['total', '300.00']]);
    // Before more rows: rejected (exit 1), the rows after it are read.
    fs.writeFileSync(f, '商品ID,商品标题,一口价,成本,服务费\n1000000001,围巾,100,10,50\n合计,,100,10,50\n1000000002,帽子,100,10,50\n');
    const m = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0', '--lang', 'zh']);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain(`${f}:3: 合计行, 但后面还有数据行 (第 4 行)`);
    expect((json(m.stdout) as { kind: string }[]).filter((x) => x.kind === 'product')).toHaveLength(2);
    // A product whose title starts with 合计 (no 商品ID): a product.
    fs.writeFileSync(f, '商品标题,商品ID,一口价,成本,服务费\n合计3件套,,100,10,50\n');
    const t = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0']);
    expect(t.code, t.stderr).toBe(0);
    expect((json(t.stdout) as { title: string }[])[0]!.title).toBe('合计3件套');
  });
});

describe('a product row is never a summary line (review19)', () => {
  it('a product coded SUM24-001 or Total 2 (with a title) at the end is estimated, not skipped', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'p.csv');
    // registration 100 + 50 = 150.00 per product (list price × 1 + service fee); three products: 450.00.
    // Before: the last two were skipped as 合计 rows (their 商品ID is no order id) and the total was 150.00.
    fs.writeFileSync(f, '商品ID,商品标题,一口价,成本,服务费\n1000000001,围巾,100,10,50\nSUM24-001,夏季T恤,100,10,50\nTotal 2,托特包,100,10,50\n');
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0'], { tz });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('summary line');
      const rows = json(r.stdout) as { kind: string; itemId: string | null; registrationEstimate: string }[];
      expect(rows.map((x) => [x.kind, x.itemId, x.registrationEstimate])).toEqual([
        ['product', '1000000001', '150.00'],
        ['product', 'SUM24-001', '150.00'],
        ['product', 'Total 2', '150.00'],
        ['total', null, '450.00'],
      ]);
    }
    // A 合计 row with its 商品ID filled in (a product with a broken id?) is not skipped either: it is read as a row.
    fs.writeFileSync(f, '类目,商品ID,商品标题,一口价,成本,服务费\n女装,1000000001,围巾,100,10,50\n合计,SUM24-001,,100,10,50\n');
    const s = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--commission', '0']);
    expect(s.stderr).not.toContain('summary line');
  });
});

describe('a 签约时间 typed full-width in an hour a clock change skipped', () => {
  it('the message quotes the cell as typed, not its half-width reading (zh and en)', () => {
    // 2026-03-08 02:00–03:00 does not exist in America/Los_Angeles (clocks forward); the offset a day
    // after is -07:00. Before, the zh line read: "２０２６…" "2026-03-08 02:30:00" 在时区 … — ASCII text
    // inside the Chinese sentence that is nowhere in the file.
    const dir = tmpDir();
    const f = path.join(dir, 'products.csv');
    fs.writeFileSync(f, '商品ID,商品标题,类目,一口价,成本,服务费,签约时间\n680012345678,围巾,女装,100.00,10.00,50.00,２０２６－０３－０８ ０２：３０：００\n');
    const zh = runCli(['zhenjian', 'estimate', f, '-f', 'csv', '--tz', 'America/Los_Angeles', '--lang', 'zh']);
    expect(zh.stderr.split('\n')[0]).toBe(
      `${f}:2 [签约时间]: "２０２６－０３－０８ ０２：３０：００" 在时区 America/Los_Angeles 中不存在 (夏令时开始时钟拨快, 跳过了这段时间); 核对这个时间, 或写明时差, 例如 "2026-03-08 02:30:00 -07:00"`,
    );
    const en = runCli(['zhenjian', 'estimate', f, '-f', 'csv', '--tz', 'America/Los_Angeles', '--lang', 'en']);
    expect(en.stderr.split('\n')[0]).toBe(
      `${f}:2 [签约时间]: "２０２６－０３－０８ ０２：３０：００" does not exist in America/Los_Angeles (the clocks skipped it going forward); check the time, or write its offset, e.g. "2026-03-08 02:30:00 -07:00"`,
    );
  });

  it('--as-of typed full-width: the hint quotes it as typed', () => {
    const r = runCli(['rules', 'list', '--as-of', '２０２６－０３－０８ ０２：３０', '--tz', 'America/Los_Angeles', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'storeops: 错误: --as-of 不是有效时间: "２０２６－０３－０８ ０２：３０"\n' +
        '  提示: "２０２６－０３－０８ ０２：３０" 在时区 America/Los_Angeles 中不存在 (夏令时开始时钟拨快, 跳过了这段时间); 核对这个时间, 或写明时差, 例如 "2026-03-08 02:30:00 -07:00"\n',
    );
  });
});

describe('an amount or sample count typed with a full-width comma', () => {
  it('is rejected saying what was typed and what to write, never read as a guess', () => {
    // Before: '"1，299.00" 不是金额' and '"1，0" 样品数须为 1 到 1000 之间的整数', no hint. 1，299.00 may be
    // 1299.00 or 1.29900; amounts are never guessed.
    const dir = tmpDir();
    const f = path.join(dir, 'products.csv');
    fs.writeFileSync(f, '商品ID,商品标题,类目,一口价,成本,服务费,样品数\n680012345678,围巾,女装,1，299.00,10.00,50.00,\n680012345679,帽子,女装,100.00,10.00,50.00,1，0\n680012345670,手套,女装,100.00,10.00,50.00,\n');
    const zh = runCli(['zhenjian', 'estimate', f, '-f', 'csv', '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`${f}:2 [一口价]: "1，299.00" 不是金额: 全角逗号 "，" 可能是千位分隔也可能是小数点, 不猜测; 请写成不带逗号的数字, 如 1234.50\n`);
    expect(zh.stderr).toContain(`${f}:3 [样品数]: "1，0" 样品数须为 1 到 1000 之间的整数: 全角逗号 "，" 可能是千位分隔也可能是小数点, 不猜测; 请写成不带逗号的整数, 如 5\n`);
    const en = runCli(['zhenjian', 'estimate', f, '-f', 'csv', '--lang', 'en']);
    expect(en.stderr).toContain(`${f}:2 [一口价]: "1，299.00" is not an amount: a full-width comma "，" may be a thousands separator or a decimal point, which is not guessed; write it without the comma, e.g. 1234.50\n`);
  });
});

// Does an existing `-o` target of `compensate --record` list vouchers an earlier run recorded as new?
// The README's hourly recipe names its file by the hour (`out/vouchers-20261207-10.xlsx`) so that the
// next run, which shows those vouchers `already_recorded` with toIssue 0.00, does not replace the list
// of what to issue. A second run in the same hour (the crontab line run by hand to try it, or again
// after a fresh download) replaces it, one after the other, not at once (sink.ts atStart catches
// only a run that wrote the file while this one was going): the first run's log line, "see
// out/vouchers-20261207-10.xlsx, rows with recorded = new", then pointed to a file where every row
// said already_recorded, without a word (user17, 小林's snack shop: 4 vouchers, 83.50 to issue, gone from the file).
// The target is still replaced, as every run's own earlier output is (a fixed `-o 赔付.xlsx` every hour
// is the operator's choice, README "Running from cron"), but the run says what the file it replaced
// listed, where those vouchers are now (`storeops ledger list`), and how to keep each run's list.
import fs from 'node:fs';
import readline from 'node:readline';
import { RECORDED_ZH } from './codes.js';

const NEW = new Set(['new', RECORDED_ZH.new!]);
const KEY_HEADERS = new Set(['voucherkey', '红包编号']);
const RECORDED_HEADERS = new Set(['recorded', '记录']);

/**
 * The voucher keys of the rows of `target` that say `recorded` = `new` / 新记录, when it is a
 * compensate voucher table (csv, tsv, txt, xlsx, json, ndjson; either language). Anything else, or
 * a file that cannot be read, lists none.
 */
export async function newVouchersListed(target: string): Promise<string[]> {
  try {
    const st = fs.statSync(target);
    if (!st.isFile() || st.size === 0) return [];
  } catch {
    return [];
  }
  try {
    if (/\.(json|ndjson|jsonl)$/i.test(target)) return await jsonListsNew(target);
    if (!/\.(csv|tsv|txt|xlsx|xlsm)$/i.test(target)) return [];
    const { openTable, normHeader } = await import('../io/table.js');
    const t = await openTable(target, () => {
      throw new Error('no standard input here');
    });
    try {
      const heads = t.headers.map((h) => normHeader(h).toLowerCase());
      const r = heads.findIndex((h) => RECORDED_HEADERS.has(h));
      const k = heads.findIndex((h) => KEY_HEADERS.has(h));
      if (r < 0 || k < 0) return [];
      t.project([r, k]);
      const keys: string[] = [];
      for await (const batch of t.batches) {
        for (const rec of batch) if (NEW.has((rec.cells[r] ?? '').trim())) keys.push((rec.cells[k] ?? '').trim());
      }
      return keys;
    } finally {
      await t.close();
    }
  } catch {
    return [];
  }
}

/** compensate's json and ndjson write one voucher a line, its keys in English whatever the language. */
async function jsonListsNew(target: string): Promise<string[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(target, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    const keys: string[] = [];
    for await (const line of lines) {
      if (line.includes('"voucherKey"') && /"recorded"\s*:\s*"new"/.test(line)) keys.push(/"voucherKey"\s*:\s*"([^"]*)"/.exec(line)?.[1] ?? '');
    }
    return keys;
  } finally {
    lines.close();
  }
}

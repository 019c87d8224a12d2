// compensate --record's output-pending markers (ledger.ts endRecording `pending`): a run that
// recorded vouchers and stopped before its output was in place. Said by the next recording run
// (record.ts) and by `storeops ledger list` / `ledger export` (run.ts), which only read.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Msg, msg, plural } from '../errors.js';
import { ZERO, fmtMoney } from '../money.js';
import { hostName, processAlive } from '../proc.js';
import { PLATFORM_TZ } from '../time.js';
import type { PendingOutput } from './ledger.js';

interface Where {
  output?: string;
  temp?: string;
  staged?: string;
  pid?: unknown;
  host?: unknown;
  start?: unknown;
}

function whereOf(key: string): Where {
  try {
    const w = JSON.parse(key) as unknown;
    return typeof w === 'object' && w !== null ? (w as Where) : {};
  } catch {
    return {}; // a marker of another shape: said without its file
  }
}

/** The complete file a marker names (the `-o` target's `.complete.tmp`, or the staged copy's), if any. */
export function markerTemp(key: string): string | undefined {
  const t = whereOf(key).temp;
  return typeof t === 'string' ? t : undefined;
}

/**
 * The `notified` target under which the complete files of runs whose markers were said and dropped
 * are kept named (item_key the path): each still holds recorded vouchers and is never removed as
 * unrecorded (sink.ts sweepUnrecorded). No schema change.
 */
export const KEPT_OUTPUT_TARGET = 'run:output_kept';

/**
 * Which state database a recording run commits to, as 8 hex digits in its complete file's name
 * (sink.ts KEPT_EXT): a run into another database (another shop's, `--state`) never takes the files
 * of this one for unrecorded, whatever its own ledger says.
 */
export function ledgerTag(statePath: string): string {
  let p = path.resolve(statePath);
  try {
    p = fs.realpathSync(p);
  } catch {
    /* not there yet: its path */
  }
  return crypto.createHash('sha256').update(p).digest('hex').slice(0, 8);
}

/**
 * True when the run that left this marker is still running: the marker names its process (pid,
 * its start time where the system tells it) on this machine, and that process is alive. A marker
 * of an older storeops (no pid), of another machine sharing the ledger (which cannot be checked), or
 * of this very process (an earlier run in it) is not.
 */
export function markerRunning(key: string): boolean {
  const who = whereOf(key);
  if (typeof who.pid !== 'number' || who.pid === process.pid) return false;
  if (typeof who.host !== 'string' || who.host !== hostName()) return false;
  return processAlive(who.pid, typeof who.start === 'string' ? who.start : undefined);
}

/**
 * Runs recorded before whose output was not known to be in place when they stopped (killed, or the
 * machine lost power, between committing and putting the file in place; or the file could not be
 * renamed): their vouchers are recorded, so a recording run does not list them as new, and whether
 * they were issued must be checked by hand. `by`: who says it, the next recording run ('record') or
 * `ledger list` ('list', which lists those vouchers itself).
 */
export function pendingWarning(p: PendingOutput, by: 'record' | 'list' = 'record'): Msg {
  const where = whereOf(p.key);
  const total = p.vouchers.reduce((s, v) => s.plus(v.amount), ZERO);
  const keys = p.vouchers.slice(0, 10).map((v) => v.voucherKey).join(', ') + (p.vouchers.length > 10 ? ', …' : '');
  const at = `${PLATFORM_TZ.format(p.at)} (北京时间)`;
  const atEn = `${PLATFORM_TZ.format(p.at)} Beijing time`;
  // The file holding the rows: the temporary file, or (standard output) the copy it was renamed to.
  const temp = [where.temp, where.staged].find((t) => typeof t === 'string' && fs.existsSync(t));
  const file = typeof where.output === 'string' ? where.output : '?';
  // English agrees with the count: one voucher is "it", not "them" (the Chinese has no plural).
  const one = p.vouchers.length === 1;
  const them = one ? 'it' : 'them';
  const they = one ? 'It is' : 'They are';
  const were = one ? 'it was' : 'they were';
  const these = one ? '该红包' : '这些红包';
  const recorded =
    by === 'record'
      ? { zh: `${these}已记录, 本次不再列为新红包; 请核对是否已发放: `, en: `${they} recorded, so this run does not list ${them} as new; check whether ${were} issued: ` }
      : { zh: `${these}已记录 (在本列表中), 以后的运行不再列为新红包; 请核对是否已发放: `, en: `${they} recorded (in this list), so no later run lists ${them} as new; check whether ${were} issued: ` };
  const see =
    by === 'record'
      ? { zh: `; 也可用 storeops ledger list 查看 (记录时间 ${PLATFORM_TZ.format(p.at)})。`, en: `; storeops ledger list shows ${them} too (recordedAt ${PLATFORM_TZ.format(p.at)}).` }
      : { zh: ` (记录时间 ${PLATFORM_TZ.format(p.at)})。`, en: ` (recordedAt ${PLATFORM_TZ.format(p.at)}).` };
  const issue = one ? 'If it was not issued, issue it as recorded' : 'Issue those not yet issued as recorded';
  const last =
    by === 'record'
      ? { zh: '未发放的请按记录发放, 不要用 --reissue 重新记录。', en: ` ${issue}; do not record ${them} again with --reissue.` }
      : {
          zh: '未发放的请按记录发放, 不要用 --reissue 重新记录。下一次 compensate --record 运行提示一次后清除此提示。',
          en: ` ${issue}; do not record ${them} again with --reissue. The next compensate --record run says this once, then clears it.`,
        };
  if (file === '-') {
    return msg(
      `${at} 的运行记录了 ${p.vouchers.length} 个红包 (合计 ${fmtMoney(total)}: ${keys}), 但在把它们写到标准输出 (重定向到的文件) 之前或途中停止了 (被终止或断电)。` +
        recorded.zh +
        (temp ? `完整的输出在 ${temp}` : `那次运行的标准输出可能不完整`) +
        see.zh +
        last.zh,
      `the run of ${atEn} recorded ${plural(p.vouchers.length, 'voucher')} (total ${fmtMoney(total)}: ${keys}) but stopped before or while writing ${them} to standard output (the file it was sent to) (killed, or a power cut). ` +
        recorded.en +
        (temp ? `the complete output is in ${temp}` : `that run's standard output may be incomplete`) +
        see.en +
        last.en,
    );
  }
  // A file at the -o name now is not that run's (it never put its own in place): another run's, maybe
  // one of the same hour whose rows with recorded = new are the only list of what it recorded. Renaming
  // the complete output over it by hand loses that list: a free name beside it is given instead.
  const taken = temp !== undefined && file !== '?' && fs.existsSync(file);
  const beside = taken ? freeNameBeside(file) : file;
  const use = taken
    ? {
        zh: `完整的输出在 ${temp} (${file} 现在已有文件, 可能是另一个运行的清单: 不要覆盖它; 改名为 ${beside} 即可使用)`,
        en: `the complete output is in ${temp} (${file} is there now, perhaps another run's list: do not replace it; rename it to ${beside} to use it)`,
      }
    : { zh: `完整的输出在 ${temp} (改名为 ${file} 即可使用)`, en: `the complete output is in ${temp} (rename it to ${file} to use it)` };
  return msg(
    `${at} 的运行记录了 ${p.vouchers.length} 个红包 (合计 ${fmtMoney(total)}: ${keys}), 但在其输出文件 ${file} 放到位之前就停止了 (被终止、断电或无法改名)。` +
      recorded.zh +
      (temp ? use.zh : `${file} 若是那次运行写的就是完整的输出`) +
      see.zh +
      last.zh,
    `the run of ${atEn} recorded ${plural(p.vouchers.length, 'voucher')} (total ${fmtMoney(total)}: ${keys}) but stopped before its output file ${file} was in place (killed, a power cut, or the file could not be renamed). ` +
      recorded.en +
      (temp ? use.en : `${file}, if that run wrote it, is the complete output`) +
      see.en +
      last.en,
  );
}

/** `out/vouchers.xlsx` → `out/vouchers (2).xlsx`, or the first number not in use (as sink.ts puts a file aside). */
function freeNameBeside(file: string): string {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** `ledger list`: a recording run still going (its marker's process is alive): its output is not in place yet. */
export function runningNote(p: PendingOutput): Msg {
  const where = whereOf(p.key);
  const total = p.vouchers.reduce((s, v) => s.plus(v.amount), ZERO);
  const pid = typeof where.pid === 'number' ? where.pid : '?';
  const file = where.output === '-' ? { zh: '标准输出', en: 'standard output' } : { zh: String(where.output ?? '?'), en: String(where.output ?? '?') };
  return msg(
    `一个 compensate --record 运行 (进程 ${pid}, ${PLATFORM_TZ.format(p.at)} 北京时间) 记录了 ${p.vouchers.length} 个红包 (合计 ${fmtMoney(total)}), 正在把输出写到 ${file.zh}, 尚未完成`,
    `a compensate --record run (process ${pid}, ${PLATFORM_TZ.format(p.at)} Beijing time) recorded ${plural(p.vouchers.length, 'voucher')} (total ${fmtMoney(total)}) and is still putting its output in ${file.en}`,
  );
}

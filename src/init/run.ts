// `storeops init`: a starter config and editable copies of the templates, in the current folder
// (or --dir). Never overwrites a file unless --force.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../context.js';
import { type Lang, OutputError, msg, noteLine, plural } from '../errors.js';
import { doc, templatesDir } from '../paths.js';
import { fileProblem } from '../io/fsproblem.js';
import { makeFolders } from '../io/folders.js';
import { oneLine } from '../io/escape.js';
import { openRegularSync } from '../io/textfile.js';

const TEMPLATE_DIR = 'storeops-templates';

/**
 * The starter config: every section with its defaults, pointing at the editable templates.
 * `lang` is the language init ran in when that is Chinese (--lang zh, STOREOPS_LANG, a config's
 * lang or a zh LANG): the hourly cron job has no LANG, and a shop set up in Chinese got its
 * warnings, errors and csv headers in English. English is what a run without LANG gets anyway, so
 * an English init writes no "lang" and a later LANG=zh_CN still gives Chinese.
 */
export function starterConfig(lang?: Lang): Record<string, unknown> {
  return {
    // Keys starting with _ are comments (docs/cli.md, Config file): what each key does, in both
    // languages, for an operator editing the file without the docs at hand.
    _comment: [
      `storeops 配置文件 / storeops config file. 命令行选项优先于环境变量, 环境变量优先于本文件 / flags win over environment variables, which win over this file. 以 _ 开头的键是注释 / keys starting with _ are comments. 全部说明 / full reference: ${doc('docs/cli.md')}`,
      'lang: "zh" 或 "en" 固定语言, 定时任务 (没有 LANG) 也按它; storeops init 以中文运行时写入 "zh"; 删去则按 LANG, --lang 和 STOREOPS_LANG 仍优先 / "zh" or "en" fixes the language, for cron jobs (no LANG) too; storeops init run in Chinese writes "zh"; remove it to let LANG decide; --lang and STOREOPS_LANG still win',
      'state: 状态数据库 (记录已发红包和联系记录), 相对路径相对于本文件; 手动运行与定时任务要用同一个, 否则手动检查会把已发的红包当作新红包 / the state database (vouchers recorded, contacts), relative to this file; runs by hand and the cron job must share it, or a check by hand lists vouchers already issued as new',
      'tz: 平台报表时间所在时区 (淘宝/天猫、抖店、拼多多均为北京时间) / zone of the export timestamps (Beijing time for Taobao/Tmall, Douyin, PDD)',
      'compensate.rules: auto = 每个订单按付款时生效的规则集, 或 tmall-2023 / tmall-2026 / douyin-2025 / tmall-global-2026 / 规则文件路径; 天猫国际的报表与天猫的一样, auto 按天猫规则 (tmall-2026) 判断: 天猫国际店铺请写 "tmall-global-2026" / auto = each order under the rule set in force at its paid time, or a rule set id / a rule file path (storeops rules list); a Tmall Global (天猫国际) export looks like a Tmall one and auto judges it under the Tmall rule (tmall-2026): a Tmall Global shop writes "tmall-global-2026"',
      `compensate.holidays: 天猫国际海外直邮: 发货地法定节假日表的路径 (相对于本文件; 每行一个日期, 直邮的 120 小时不计这些日子; 哪些订单是直邮用 compensate --direct-mail 给出), 不需要时不写 / Tmall Global direct mail: the path of the origin's public-holiday list (relative to this file; one date a line, not counted in direct mail's 120 h; which orders are direct mail: compensate --direct-mail), leave it out if not needed (${doc('docs/rules.md')} §1.3c)`,
      `compensate.base: auto = 规则集规定的计算基数, 或 paid-minus-postage / paid / goods / auto = the base each rule set names, or paid-minus-postage / paid / goods (${doc('docs/rules.md')} §1.4)`,
      'reviews.maxAttempts: 每条评价、每位买家最多联系次数 / most contact attempts per review and per buyer; quietHours: 不联系的时段 (none = 不限) / hours never to contact ("none" = off); goodwill: 解决问题的补偿预算 (与评价无关) / budget for fixing the problem, never tied to the review',
      'reviews.shopName: 消息中的店铺名 / shop name in messages; safetyContact: 健康/安全投诉的负责人姓名和电话 / name and phone for health or safety complaints; messageLang: 发给买家的消息语言 / language of messages to buyers; keywords, forbidden, templates: 可编辑的表格 / the editable tables in storeops-templates/',
      `zhenjian.commissionRate: 平台佣金率 (0.05 或 5%) / platform commission; shippingPerSample: 每件样品运费 / shipping per sample; categories: 类目样品数表 / category sample counts (${doc('docs/rules.md')} §3)`,
      `roster.shifts: 班次时间 (D 白班, H 半白班, N 晚班) / shift times (D day, H half day, N night); traffic: 每小时咨询量 / chats per hour (${doc('docs/rules.md')} §4)`,
    ],
    ...(lang === 'zh' ? { lang } : {}),
    tz: 'Asia/Shanghai',
    compensate: { rules: 'auto', base: 'auto' },
    reviews: {
      maxAttempts: 3,
      quietHours: '22:00-08:00',
      goodwill: { neutral: '5.00', negative: '10.00' },
      shopName: '',
      // Who a buyer with a health or safety complaint should call (name and phone): safety messages need it.
      safetyContact: '',
      messageLang: 'zh',
      keywords: `${TEMPLATE_DIR}/reviews/keywords.json`,
      forbidden: `${TEMPLATE_DIR}/reviews/forbidden.json`,
      templates: `${TEMPLATE_DIR}/reviews/messages.json`,
    },
    zhenjian: { commissionRate: '0.05', shippingPerSample: '0.00', categories: `${TEMPLATE_DIR}/zhenjian/categories.json` },
    roster: { shifts: { D: '09:00-17:30', H: '10:00-15:30', N: '17:00-23:30' }, traffic: `${TEMPLATE_DIR}/roster/traffic.json` },
  };
}

function listFiles(dir: string, base = ''): string[] {
  return fs.readdirSync(path.join(dir, base), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, path.join(base, e.name)) : [path.join(base, e.name)],
  );
}

export async function runInit(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const dir = path.resolve(ctx.io.cwd, String(opts.dir ?? '.'));
  const force = Boolean(opts.force);
  const configFile = path.join(dir, 'storeops.config.json');
  let starter = starterConfig(ctx.lang);
  // --force over a config naming its state database: the starter has no `state`, so every later run
  // recorded into a new, empty database (the default one) and listed every voucher recorded before
  // as new, to be paid again. The replaced config's `state` is kept in the new one, and said.
  if (force) {
    const old = oldState(configFile);
    if (old.state !== undefined) {
      const { _comment, ...rest } = starter;
      starter = { _comment, state: old.state, ...rest };
      ctx.warn(
        msg(
          `保留原配置中的 "state": ${JSON.stringify(old.state)}: 换成新的状态数据库会把以前记录的红包都重新列为新红包`,
          `kept "state": ${JSON.stringify(old.state)} from the config replaced: a new state database would list every voucher recorded before as new again`,
        ),
      );
    } else if (old.unreadable) {
      ctx.warn(
        msg(
          `原配置 ${configFile} 无法按 JSON 读取, 其中的 "state" (若有) 没有带入新配置: 请从备份文件中找出它并写回, 否则以后的运行会用新的空状态数据库, 把以前记录的红包重新列为新红包`,
          `the config replaced, ${configFile}, could not be read as JSON, so its "state" (if any) is not in the new one: copy it over from the backup, or later runs record into a new, empty state database and list every voucher recorded before as new again`,
        ),
      );
    }
  }
  // A new config names its state database. Without one, the cron recipe's STOREOPS_STATE (README,
  // "Running from cron") and a run by hand in the same folder used two databases: the hand run, not
  // knowing what the hourly job had recorded and announced, posted every voucher to the config's
  // group robot again as new, to issue (the robot's "only news" memory is in the database too), and
  // said nothing of those already recorded. `storeops/state.db` beside the config is the recipe's
  // path; a database runs use now (STOREOPS_STATE, the default one) is named instead, by its full
  // path, so no voucher recorded before is listed as new again.
  let stateNote: { state: string; existing: boolean } | undefined;
  if (!('state' in starter) && !(force && oldState(configFile).unreadable)) {
    const existing = ctx.io.env.STOREOPS_STATE !== undefined || fs.existsSync(ctx.statePath);
    const state = existing ? ctx.statePath : 'storeops/state.db';
    const { _comment, ...rest } = starter;
    starter = { _comment, state, ...rest };
    stateNote = { state, existing };
  }
  const writes: { target: string; content: Buffer | string }[] = [{ target: configFile, content: JSON.stringify(starter, null, 2) + '\n' }];
  const src = templatesDir();
  for (const rel of listFiles(src)) writes.push({ target: path.join(dir, TEMPLATE_DIR, rel), content: fs.readFileSync(path.join(src, rel)) });
  let kept = 0;
  const todo = writes.filter((w) => {
    if (fs.existsSync(w.target) && !force) {
      kept++;
      ctx.warn(msg(`已存在, 未覆盖: ${w.target} (用 --force 覆盖)`, `exists, left as it is: ${w.target} (--force overwrites)`));
      return false;
    }
    return true;
  });
  // All or nothing: every file goes to a temporary one first, and only when all are written are
  // they renamed into place. The config points at the tables: a disk that filled up halfway left
  // a config naming tables that were never written (and a 0-byte temporary file).
  const made: string[] = [];
  const tmps: string[] = [];
  for (const w of todo) {
    try {
      made.push(...makeFolders(path.dirname(w.target)));
      const tmp = `${w.target}.${process.pid}.tmp`;
      tmps.push(tmp);
      fs.writeFileSync(tmp, w.content);
    } catch (e) {
      for (const t of tmps) {
        try {
          fs.rmSync(t, { force: true });
        } catch {
          // its folder is not one (ENOTDIR): nothing was written there
        }
      }
      for (const d of made.reverse()) {
        try {
          fs.rmdirSync(d);
        } catch {
          // not empty (someone else's file): left
        }
      }
      const code = (e as NodeJS.ErrnoException).code;
      // A file where a folder must go (`--dir` naming a file, or a file called storeops-templates):
      // "free some space" was no help, and the system's English (EEXIST: file already exists, mkdir …) no reason.
      const inTheWay = code === 'EEXIST' || code === 'ENOTDIR';
      throw new OutputError(
        msg(`无法写入 ${w.target}: ${fileProblem(e).zh}; 什么也没有写入`, `cannot write ${w.target}: ${fileProblem(e).en}; nothing was written`),
        inTheWay
          ? msg('--dir 要给一个文件夹 (或不存在的路径): 路径上有同名的文件; 换一个 --dir 或移走那个文件, 然后再运行 storeops init。', '--dir takes a folder (or a path not there yet), and a file stands on that path: choose another --dir or move that file, then run storeops init again.')
          : msg('腾出磁盘空间或换一个 --dir (需要可写), 然后再运行 storeops init。', 'free some space or choose another --dir (one you can write to), then run storeops init again.'),
      );
    }
  }
  let wrote = 0;
  // --force replaces files the operator may have edited (the config, keyword lists, rule files):
  // each one that differs is kept beside it as NAME.bak-<Beijing time> (a hard link to the old file,
  // so the rename below leaves it whole). It was lost.
  const stamp = new Date(ctx.io.now() + 8 * 3600_000).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const backups: string[] = [];
  // What each rename did, to undo it: a rename that fails part-way (a folder where a table goes, a
  // file made immutable) left the config and the tables before it replaced, the rest as they were
  // (a new config naming old tables), and said only "cannot write" for the one that failed.
  const done: Array<{ target: string; existed: boolean; backup?: string }> = [];
  for (let i = 0; i < todo.length; i++) {
    const w = todo[i]!;
    let existed = false;
    let backup: string | undefined;
    try {
      existed = fs.existsSync(w.target);
      if (existed && !fs.readFileSync(w.target).equals(Buffer.from(w.content))) {
        let bak = `${w.target}.bak-${stamp}`;
        for (let n = 2; fs.existsSync(bak); n++) bak = `${w.target}.bak-${stamp}-${n}`;
        try {
          fs.linkSync(w.target, bak);
        } catch {
          fs.copyFileSync(w.target, bak, fs.constants.COPYFILE_EXCL);
        }
        backup = bak;
      }
      fs.renameSync(tmps[i]!, w.target);
    } catch (e) {
      for (const t of tmps.slice(i)) fs.rmSync(t, { force: true });
      if (backup !== undefined) fs.rmSync(backup, { force: true });
      const left = undo(done);
      for (const d of [...made].reverse()) {
        try {
          fs.rmdirSync(d);
        } catch {
          // not empty (a file left, or someone else's): left
        }
      }
      const show = (f: string) => oneLine(path.relative(ctx.io.cwd, f) || f);
      throw new OutputError(
        left.length === 0
          ? msg(
              `无法写入 ${w.target}: ${fileProblem(e).zh}; 已经放好的 ${done.length} 个文件已还原, 没有任何改动`,
              `cannot write ${w.target}: ${fileProblem(e).en}; the ${plural(done.length, 'file')} already put in place ${done.length === 1 ? 'was' : 'were'} put back as ${done.length === 1 ? 'it was' : 'they were'}, so nothing was changed`,
            )
          : msg(
              `无法写入 ${w.target}: ${fileProblem(e).zh}; 以下文件未能还原: ${left.map((l) => `${show(l.target)} (${l.backup ? `新内容; 原内容在 ${show(l.backup)}` : '新写入的文件'})`).join(', ')}`,
              `cannot write ${w.target}: ${fileProblem(e).en}; these could not be put back: ${left.map((l) => `${show(l.target)} (${l.backup ? `the new content; the old one is in ${show(l.backup)}` : 'a file this run made'})`).join(', ')}`,
            ),
        left.length === 0
          ? msg('检查该路径 (是否是文件夹、权限), 然后用 storeops init --force 再运行一次。', "check that path (a folder there? its permissions), then run storeops init --force again.")
          : msg('把上面列出的原内容改回原名 (mv), 或删除新写入的文件; 然后检查该路径, 再运行 storeops init --force。', 'move the old content listed above back to its name (mv), or remove the file this run made; then check that path and run storeops init --force again.'),
      );
    }
    if (backup !== undefined) backups.push(backup);
    done.push({ target: w.target, existed, ...(backup !== undefined ? { backup } : {}) });
  }
  // Named once all are in place (a failure above names what it put back instead).
  for (const d of done) {
    wrote++;
    ctx.io.stdout.write(`${oneLine(path.relative(ctx.io.cwd, d.target) || d.target)}\n`);
  }
  if (backups.length > 0) {
    ctx.warn(
      msg(
        `--force 替换了 ${backups.length} 个有改动的文件, 原来的内容保存在旁边的 *.bak-${stamp}: ${backups.map((b) => oneLine(path.relative(ctx.io.cwd, b) || b)).join(', ')}`,
        `--force replaced ${plural(backups.length, 'file')} that differed; the previous ones are kept beside them as *.bak-${stamp}: ${backups.map((b) => oneLine(path.relative(ctx.io.cwd, b) || b)).join(', ')}`,
      ),
    );
  }
  ctx.info(
    msg(
      `写入 ${wrote} 个文件, 保留 ${kept} 个已有文件。编辑 storeops.config.json 和 ${TEMPLATE_DIR}/ 里的表格; 在该目录运行 storeops 时自动使用。`,
      `wrote ${plural(wrote, 'file')}, kept ${kept} existing ${kept === 1 ? 'one' : 'ones'}. Edit storeops.config.json and the tables in ${TEMPLATE_DIR}/; storeops uses them when run in that folder.`,
    ),
  );
  if (stateNote !== undefined && todo.some((w) => w.target === configFile)) {
    const where = stateNote.existing ? stateNote.state : path.join(dir, stateNote.state);
    ctx.info(
      noteLine(msg(
        stateNote.existing
          ? `配置中写入了 "state": ${JSON.stringify(stateNote.state)} (现在使用的状态数据库): 在这个文件夹里手动运行和定时任务都用它, 已记录的红包不会重新列为新红包`
          : `配置中写入了 "state": ${JSON.stringify(stateNote.state)} (相对于配置文件, 即 ${where}): 在这个文件夹里手动运行和定时任务用同一个状态数据库, 手动检查不会把定时任务已记录、已通知的红包再当作新红包发到群里`,
        stateNote.existing
          ? `the config says "state": ${JSON.stringify(stateNote.state)} (the state database runs use now): runs by hand in this folder and the cron job both use it, so no voucher recorded before is listed as new again`
          : `the config says "state": ${JSON.stringify(stateNote.state)} (relative to the config: ${where}): runs by hand in this folder and the cron job share one state database, so a check by hand does not post the vouchers the cron job recorded and announced to the group again as new`,
      )),
    );
  }
  if (starter.lang !== undefined && todo.some((w) => w.target === configFile)) {
    ctx.info(noteLine(msg('配置中写入了 "lang": "zh": 定时任务 (没有 LANG) 也用中文输出提示和表头; 删去这一项则按 LANG。', 'the config says "lang": "zh": cron jobs (no LANG) speak Chinese too; remove it to let LANG decide.')));
  }
}

/**
 * Undoes init's renames, last first: a replaced file that differed gets its backup (the old file)
 * back under its name, a file the run made is removed, one replaced by the same bytes stays. Returns
 * those that could not be undone.
 */
function undo(done: ReadonlyArray<{ target: string; existed: boolean; backup?: string }>): Array<{ target: string; backup?: string }> {
  const left: Array<{ target: string; backup?: string }> = [];
  for (const d of [...done].reverse()) {
    try {
      if (d.backup !== undefined) fs.renameSync(d.backup, d.target);
      else if (!d.existed) fs.unlinkSync(d.target);
    } catch {
      left.push({ target: d.target, ...(d.backup !== undefined ? { backup: d.backup } : {}) });
    }
  }
  return left;
}

/** The `state` of the config --force replaces (a string), or whether that file could not be read as JSON. */
function oldState(file: string): { state?: string; unreadable?: boolean } {
  let text: string;
  try {
    // Not a plain read: a named pipe there would wait for a writer for ever (openRegularSync).
    const fd = openRegularSync(file);
    try {
      text = fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return {};
  }
  try {
    const v = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    const state = v && typeof v === 'object' ? (v as Record<string, unknown>).state : undefined;
    return typeof state === 'string' && state !== '' ? { state } : {};
  } catch {
    return { unreadable: true };
  }
}

// `storeops init`: a starter config and editable copies of the templates, in the current folder
// (or --dir). Never overwrites a file unless --force.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../cli/context.js';
import { OutputError, msg } from '../cli/errors.js';
import { templatesDir } from '../paths.js';

const TEMPLATE_DIR = 'storeops-templates';

/** The starter config: every section with its defaults, pointing at the editable templates. */
export function starterConfig(): Record<string, unknown> {
  // No "lang": the config outranks LANG, and a language fixed here would surprise a later LANG=zh_CN.
  return {
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
  const writes: { target: string; content: Buffer | string }[] = [
    { target: path.join(dir, 'storeops.config.json'), content: JSON.stringify(starterConfig(), null, 2) + '\n' },
  ];
  const src = templatesDir();
  for (const rel of listFiles(src)) writes.push({ target: path.join(dir, TEMPLATE_DIR, rel), content: fs.readFileSync(path.join(src, rel)) });
  let wrote = 0;
  let kept = 0;
  for (const w of writes) {
    if (fs.existsSync(w.target) && !force) {
      kept++;
      ctx.warn(msg(`已存在, 未覆盖: ${w.target} (用 --force 覆盖)`, `exists, left as it is: ${w.target} (--force overwrites)`));
      continue;
    }
    try {
      fs.mkdirSync(path.dirname(w.target), { recursive: true });
      const tmp = `${w.target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, w.content);
      fs.renameSync(tmp, w.target);
      wrote++;
      ctx.io.stdout.write(`${path.relative(ctx.io.cwd, w.target) || w.target}\n`);
    } catch (e) {
      throw new OutputError(msg(`无法写入 ${w.target}: ${(e as Error).message}`, `cannot write ${w.target}: ${(e as Error).message}`));
    }
  }
  ctx.info(
    msg(
      `写入 ${wrote} 个文件, 保留 ${kept} 个已有文件。编辑 storeops.config.json 和 ${TEMPLATE_DIR}/ 里的表格; 在该目录运行 storeops 时自动使用。`,
      `wrote ${wrote} files, kept ${kept} existing ones. Edit storeops.config.json and the tables in ${TEMPLATE_DIR}/; storeops uses them when run in that folder.`,
    ),
  );
}

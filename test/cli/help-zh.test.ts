// `--help` in Chinese says what the English says. The zh halves had been written shorter: the zh
// help of zhenjian estimate named none of the config keys or defaults (`--commission`: 平台佣金率, where
// the English gives "0.05 or 5% (config zhenjian.commissionRate)"), --notify named neither webhook, how
// the kind is found nor STOREOPS_NOTIFY_SECRET, --notify-on none of new/always/never, --base no
// docs/rules.md §1.4, `rules show <id>` none of the ids, roster check and four other commands a
// three-word summary. Every name a reader types or looks up — an option, a value, a config key, an
// environment variable, a file, a number, a rule section — that the English half gives is now in the
// Chinese half too (the Chinese may say more).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

type Main = { buildProgram: (io: unknown, lang: string, raw: boolean, commands: unknown[]) => Command };
type Registry = { loadCommands: (name?: string) => Promise<unknown[]> };
type Help = { bilingual: (t: string) => { zh: string; en: string } };
const dist = (f: string) => import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli', f)).href);
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {}, cwd: ROOT, now: Date.now };

// Options (--x), environment variables (STOREOPS_X), config keys and files (a.b, a/b, a_b), rule
// sections (§1.4), numbers and percentages, hyphenated values (paid-minus-postage, new-vouchers).
const NAMES = /--?[a-z][\w-]*|[A-Z][A-Z0-9_]{2,}|[\w.-]*[./_][\w./-]*\w|§[\d.]+|\b\d+(?:\.\d+)?%?|\b[a-z]+(?:-[a-z]+)+\b/g;
// English prose the pattern also finds (hyphenated words, "e.g."), said in Chinese words.
const PROSE = new Set(['-export', 'Tmall/Taobao', 'delayed-shipment', 'follow-up', 'e.g', 'sub-orders', 'same-day/next-day/to-door', 'built-in', 'sample-count', 'customer-service', '-day', '-minute', 'night-then-day', 'neutral/negative', 'shell-completion']);

describe('zh help says what the en help says', async () => {
  const { buildProgram } = (await dist('main.js')) as Main;
  const { bilingual } = (await dist('help.js')) as Help;
  const { loadCommands } = (await dist('registry.js')) as Registry;
  const raw = buildProgram(io, 'en', true, await loadCommands());

  it('every name the English half of a description gives is in its Chinese half, for every command, argument and option', () => {
    const missing: string[] = [];
    const walk = (c: Command, at: string) => {
      const check = (what: string, text: string | undefined) => {
        const { en, zh } = bilingual(text ?? '');
        for (const name of new Set([...en.matchAll(NAMES)].map((m) => m[0]))) if (!PROSE.has(name) && !zh.includes(name)) missing.push(`${at} ${what}: ${name}`);
      };
      check('(description)', c.description());
      for (const a of c.registeredArguments) check(`<${a.name()}>`, a.description);
      for (const o of c.options) check(o.long ?? o.flags, o.description);
      for (const s of c.commands) walk(s, `${at} ${s.name()}`);
    };
    walk(raw, 'storeops');
    expect(missing).toEqual([]);
  });

  it('zhenjian estimate --help --lang zh: the options as the English gives them', () => {
    const r = runCli(['zhenjian', 'estimate', '--help', '--lang', 'zh']);
    expect(r.code).toBe(0);
    // Help is wrapped to 80 columns (between words, or between Chinese characters): compared without whitespace.
    const flat = r.stdout.replace(/\s+/g, '');
    for (const want of [
      '--balance <金额>        代扣协议下的支付宝余额, 与实际扣款比较检查',
      '--avg-order <金额>      店铺平均客单价 (配置 zhenjian.avgOrder)',
      // The columns as the labels file is written in Chinese (README: 商品ID, 检测项目, 必检, 展示, optional 检测);
      // they were the English keys itemId, label, mandatory, displayed[, tested] until 2026-12 (user11).
      '--labels <文件>         要检查的品质标签选择表: 商品ID, 检测项目, 必检, 展示[, 检测]',
      '--commission <比例>     平台佣金率, 0.05 或 5% (配置 zhenjian.commissionRate)',
      '--shipping <金额>       文件中没有运费时每件样品的运费 (配置 zhenjian.shippingPerSample)',
      '--far-above <倍数>      实际扣款超过报名页预估的几倍时说明原因 (默认 2)',
      '--categories <文件>     类目购样数量表 (默认 templates/zhenjian/categories.json; 配置 zhenjian.categories)',
    ]) {
      expect(flat, want).toContain(want.replace(/\s+/g, ''));
    }
  });

  it('roster plan --help --lang zh: the input files\' columns as a Chinese file heads them (user11: agent,date, hour,chats)', () => {
    const r = runCli(['roster', 'plan', '--help', '--lang', 'zh']);
    expect(r.code).toBe(0);
    const flat = r.stdout.replace(/\s+/g, '');
    // Each reader takes these names (docs/formats.md "Rosters and staffing"): 客服/日期 (requests),
    // 日期/白班/半白班/晚班 (demand), 小时/咨询量/日期 (volume); --long writes 客服,日期,班次,开始,结束,工时 in zh.
    for (const want of ['申请的休息日: 客服,日期 (多个日期用 ; 隔开)', '按日期的每班最少人数: 日期,白班,半白班,晚班', '每小时咨询量 (小时,咨询量[,日期])', '每人每天一行: 客服,日期,班次,开始,结束,工时']) {
      expect(flat, want).toContain(want.replace(/\s+/g, ''));
    }
    for (const gone of ['agent,date', 'hour,chats', 'shift,start,end']) expect(r.stdout, gone).not.toContain(gone);
  });

  it('LANG=zh_CN.UTF-8: compensate --help names --notify\'s kinds, the secret and --notify-on\'s values in Chinese', () => {
    const r = runCli(['compensate', '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(0);
    const flat = r.stdout.replace(/\s+/g, '');
    for (const want of [
      '--notify <[类型:]网址> 把摘要发到群机器人 (可重复): dingtalk (钉钉)、wecom (企业微信)、feishu (飞书) 或 webhook; 省略类型时按网址的主机判断; 签名密钥取自 STOREOPS_NOTIFY_SECRET',
      '--notify-on <时机> new (默认: 只发机器人此前未收到的内容, 记在状态数据库中)、always (总是发) 或 never (不发)',
      '--notify-required 通知发送失败时以退出码 6 结束 (否则发送失败只警告)',
      '--base <口径> 计算基数: auto (默认: 各规则集指定的基数)、paid-minus-postage (实付减邮费)、paid (实付)、goods (货款) (docs/rules.md §1.4)',
    ]) {
      expect(flat, want).toContain(want.replace(/\s+/g, ''));
    }
  });

  // An option's value left off, in zh: the option as zh help writes it. It said
  // "选项 '--ship-within <hours>' 缺少取值" (user7).
  it('a missing option value names the option with its Chinese placeholder', () => {
    const r = runCli(['compensate', 'x.csv', '--ship-within', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("错误: 选项 '--ship-within <小时>' 缺少取值");
    const en = runCli(['compensate', 'x.csv', '--ship-within', '--lang', 'en']);
    expect(en.stderr).toContain("error: option '--ship-within <hours>' argument missing");
  });
});


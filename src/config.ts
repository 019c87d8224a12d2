// The config file: JSON, found by --config, STOREOPS_CONFIG, ./storeops.config.json, then
// $XDG_CONFIG_HOME/storeops/config.json (SPEC "Global options"). Sections belong to commands.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError, type Msg, UsageError, msg } from './errors.js';
import { NOT_OBJECT, jsonProblem } from './io/jsontext.js';
import { fileProblem } from './io/fsproblem.js';
import { openRegularSync, readTextFileSync } from './io/textfile.js';

export interface Config {
  lang?: string;
  tz?: string;
  format?: string;
  outEncoding?: string;
  bom?: boolean;
  state?: string;
  showPii?: boolean;
  [section: string]: unknown;
}

export interface LoadedConfig {
  config: Config;
  path?: string;
  /** Warnings for the run to print: a candidate skipped because a folder on its way is closed to this user. */
  notes?: Msg[];
}

/**
 * A config value named for its error: the file and the key (`reviews.quietHours in config file
 * /home/shop/storeops.config.json`), so the operator knows what to open and fix. A bad value there
 * was named as if given on the command line (`quiet hours not understood: "8-22"`, `--base takes …`).
 */
export function configKey(configPath: string | undefined, key: string): Msg {
  return configPath
    ? msg(`配置文件 ${configPath} 中的 ${key}`, `${key} in config file ${configPath}`)
    : msg(`配置 ${key}`, `config ${key}`);
}

export function configCandidates(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): { path: string; explicit: boolean }[] {
  if (flag) return [{ path: path.resolve(cwd, flag), explicit: true }];
  if (env.STOREOPS_CONFIG) return [{ path: path.resolve(cwd, env.STOREOPS_CONFIG), explicit: true }];
  const xdg = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  return [
    { path: path.join(cwd, 'storeops.config.json'), explicit: false },
    { path: path.join(xdg, 'storeops', 'config.json'), explicit: false },
  ];
}

export function loadConfig(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): LoadedConfig {
  const notes: Msg[] = [];
  for (const c of configCandidates(flag, env, cwd)) {
    let text: string;
    let config: Config;
    let mode: number;
    try {
      // Not a plain open: a named pipe no program writes to waited there for ever (openRegularSync).
      const fd = openRegularSync(c.path);
      try {
        mode = fs.fstatSync(fd).mode;
        text = readTextFileSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Not there, or a part of the path is a file: there is no config at that place.
      if (!c.explicit && (code === 'ENOENT' || code === 'ENOTDIR')) continue;
      if (!c.explicit && (code === 'EACCES' || code === 'EPERM') && !visible(c.path)) {
        // A folder on the way is closed to this user (`sudo -u shop storeops` keeping HOME=/root, a
        // cron job with another user's HOME): whatever is behind it was never this user's config.
        notes.push(
          msg(
            `没有读取 ${c.path}: 当前用户无权进入它所在的文件夹 (HOME 或 XDG_CONFIG_HOME 指向别的用户?), 按没有配置文件运行; 设置 HOME 为当前用户的主目录, 或用 --config 指定配置文件`,
            `did not read ${c.path}: this user may not enter a folder on its way (HOME or XDG_CONFIG_HOME pointing at another user's?), so the run goes on without a config file; set HOME to this user's home, or name the config with --config`,
          ),
        );
        continue;
      }
      throw new UsageError(
        msg(`无法读取配置文件 ${c.path}: ${fileProblem(e).zh}`, `cannot read config file ${c.path}: ${fileProblem(e).en}`),
        c.explicit
          ? msg('检查 --config 或 STOREOPS_CONFIG 指向的路径; 用 `storeops init` 生成一个。', 'check the path given by --config or STOREOPS_CONFIG; `storeops init` writes a starter one.')
          : code === 'EACCES' || code === 'EPERM'
            ? msg(
                '该文件存在但当前用户无法读取: 把它交给运行 storeops 的用户 (chown) 并 chmod 600, 或用 --config 指定另一个。',
                'the file is there but this user cannot read it: give it to the user that runs storeops (chown) and chmod 600 it, or name another with --config.',
              )
            : msg('修正或移走该文件, 或用 --config 指定另一个。', 'fix or move that file, or name another with --config.'),
      );
    }
    const body = text.replace(/^\uFEFF/, '');
    try {
      const parsed = JSON.parse(body) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(NOT_OBJECT);
      config = parsed as Config;
    } catch (e) {
      // Never the runtime's message: it quotes a piece of the text, and a file with notify secrets
      // must not be echoed (jsonProblem gives the line and column instead).
      const why = jsonProblem(e, body);
      throw new InputError(
        msg(`配置文件 ${c.path} 有误: ${why.zh}`, `config file ${c.path}: ${why.en}`),
        msg('修正该文件, 或用 --config 指向另一个。', 'fix the file, or point --config at another one.'),
      );
    }
    try {
      refuseExposedSecrets(c.path, config, mode);
    } catch (e) {
      // The file was read: its own "lang" says which language the refusal is in (a zh shop's config
      // refused in English under a cron job's LANG=C). buildContext reads it.
      (e as { configLang?: unknown }).configLang = config.lang;
      throw e;
    }
    notes.push(...duplicateKeys(body).map((d) => duplicateNote(c.path, d)));
    return notes.length ? { config, path: c.path, notes } : { config, path: c.path };
  }
  return notes.length ? { config: {}, notes } : { config: {} };
}

/**
 * Keys given twice in one object of a config file (valid JSON: JSON.parse keeps the last silently).
 * A section pasted twice, or a key repeated further down, changed nothing the operator could see:
 * `"compensate": {"rules": "tmall-2023"}` followed by another `"compensate"` section ran tmall-2026
 * (50.00 where tmall-2023 gives 500.00). `body` parsed as JSON already.
 */
export function duplicateKeys(body: string): { key: string; lines: [number, number] }[] {
  const found: { key: string; lines: [number, number] }[] = [];
  const stack: { keys?: Map<string, number>; path: string; expectKey: boolean; last: string }[] = [];
  let line = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\n') line++;
    else if (ch === '{' || ch === '[') {
      const top = stack[stack.length - 1];
      const path = top ? (top.keys ? (top.path ? `${top.path}.${top.last}` : top.last) : top.path) : '';
      stack.push({ ...(ch === '{' ? { keys: new Map<string, number>() } : {}), path, expectKey: ch === '{', last: '' });
    } else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    } else if (ch === '"') {
      const start = i;
      for (i++; i < body.length && body[i] !== '"'; i++) if (body[i] === '\\') i++;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(body.slice(start, i + 1)) as string;
        const before = top.keys.get(key);
        const where = top.path ? `${top.path}.${key}` : key;
        if (before !== undefined) found.push({ key: where, lines: [before, line] });
        top.keys.set(key, line);
        top.expectKey = false;
        top.last = key;
      }
    }
  }
  return found;
}

function duplicateNote(file: string, d: { key: string; lines: [number, number] }): Msg {
  const [a, b] = d.lines;
  return msg(
    `配置文件 ${file}: "${d.key}" 出现了两次 (${a === b ? `都在第 ${a} 行` : `第 ${a} 行和第 ${b} 行`}), 只用后面的, 前面的被忽略; 删掉不要的那个`,
    `config file ${file}: "${d.key}" is given twice (${a === b ? `both on line ${a}` : `lines ${a} and ${b}`}): only the later one is used and the earlier one is ignored; remove the one not meant`,
  );
}

/** Can this user see whether the file is there? No when a folder on its way cannot be entered. */
function visible(file: string): boolean {
  try {
    fs.statSync(file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code !== 'EACCES' && code !== 'EPERM';
  }
}

/**
 * A config file holding notify secrets or robot URLs (credentials: whoever has one can post to
 * the group) must not be readable by others: refused unless its mode is 0600 or stricter.
 * Windows has no such mode bits, so the check is POSIX only.
 */
function refuseExposedSecrets(file: string, config: Config, mode: number): void {
  if (process.platform === 'win32' || (mode & 0o077) === 0 || !configHoldsSecrets(config)) return;
  const octal = (mode & 0o777).toString(8).padStart(3, '0');
  throw new UsageError(
    msg(
      `配置文件 ${file} 含有通知密钥或机器人地址, 但其他用户可以读取 (权限 ${octal}); 拒绝使用`,
      `config file ${file} holds notify secrets or robot URLs but others can read it (mode ${octal}); refused`,
    ),
    // Moving the secret to STOREOPS_NOTIFY_SECRET helps only a file whose one credential is the secret:
    // a file with robot URLs was still refused after it (and the hint said it of files with no secret).
    configHoldsTargets(config)
      ? msg(
          `运行 chmod 600 ${file} 后重试: 其中的机器人地址也是凭据 (拿到地址的人都能往群里发消息), 应留在这个只有本用户能读的文件里, 不要写进 crontab。`,
          `run chmod 600 ${file} and try again: the robot URLs in it are credentials too (whoever has one can post to the group); keep them in this file, readable by you alone, not in a crontab line.`,
        )
      : msg(`运行 chmod 600 ${file} 后重试, 或把密钥放进环境变量 STOREOPS_NOTIFY_SECRET。`, `run chmod 600 ${file} and try again, or put the secret in STOREOPS_NOTIFY_SECRET instead.`),
  );
}

/** Does this config list robot URLs (notify.targets)? */
function configHoldsTargets(config: Config): boolean {
  const n = config.notify;
  if (typeof n !== 'object' || n === null || Array.isArray(n)) return false;
  const t = (n as Record<string, unknown>).targets;
  return Array.isArray(t) ? t.length > 0 : t !== undefined;
}

/** Does this config hold a notify secret or robot URL? Both are credentials. */
export function configHoldsSecrets(config: Config): boolean {
  const n = config.notify;
  if (typeof n !== 'object' || n === null || Array.isArray(n)) return false;
  const s = n as Record<string, unknown>;
  if (s.secret !== undefined) return true;
  return Array.isArray(s.targets) ? s.targets.length > 0 : s.targets !== undefined;
}

/** A config section as an object (empty when absent). */
export function section(config: Config, name: string): Record<string, unknown> {
  const s = config[name];
  return typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as Record<string, unknown>) : {};
}

// The config file: JSON, found by --config, STOREOPS_CONFIG, ./storeops.config.json, then
// $XDG_CONFIG_HOME/storeops/config.json (SPEC "Global options"). Sections belong to commands.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError, UsageError, msg } from './errors.js';

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
  for (const c of configCandidates(flag, env, cwd)) {
    let text: string;
    try {
      text = fs.readFileSync(c.path, 'utf8');
    } catch (e) {
      if (!c.explicit && (e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new UsageError(
        msg(`无法读取配置文件 ${c.path}: ${(e as Error).message}`, `cannot read config file ${c.path}: ${(e as Error).message}`),
        msg('检查 --config 或 STOREOPS_CONFIG 指向的路径; 用 `storeops init` 生成一个。', 'check the path given by --config or STOREOPS_CONFIG; `storeops init` writes a starter one.'),
      );
    }
    try {
      const parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
      return { config: parsed as Config, path: c.path };
    } catch (e) {
      throw new InputError(
        msg(`配置文件 ${c.path} 不是有效的 JSON: ${(e as Error).message}`, `config file ${c.path} is not valid JSON: ${(e as Error).message}`),
        msg('修正该文件, 或用 --config 指向另一个。', 'fix the file, or point --config at another one.'),
      );
    }
  }
  return { config: {} };
}

/** A config section as an object (empty when absent). */
export function section(config: Config, name: string): Record<string, unknown> {
  const s = config[name];
  return typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as Record<string, unknown>) : {};
}

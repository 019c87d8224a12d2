// The notify options shared by compensate, reviews queue and roster plan (declared here once).
import type { Command } from 'commander';
import type { Config } from '../config.js';

const collect = (v: string, prev: string[] = []) => prev.concat(v);

export function addNotifyOptions(cmd: Command): Command {
  return cmd
    .option(
      '--notify <[kind:]url>',
      'post a summary to a group robot (repeatable): dingtalk, wecom, feishu or webhook; the kind is taken from the host when omitted; signing secret from STOREOPS_NOTIFY_SECRET / 把结果发到钉钉、企业微信、飞书群机器人 (可重复)',
      collect,
    )
    .option('--notify-on <when>', 'new (default: only what the robot was not told before, remembered in the state database), always, or never / 只发新内容 (默认)、总是发或不发')
    .option('--notify-required', 'exit 6 when a notification could not be delivered (otherwise a failed post only warns) / 通知发送失败时以 6 退出');
}

/**
 * Whether a run has anything for notifySetup (src/notify/run.ts) to resolve: a notify option given,
 * or a `notify` key in the config. Without either, notifySetup returns null and warns or throws
 * nothing (no target, `on` new, not required, the defaults valid), so a command need not load the
 * notify modules at all (start-up time, issue 21).
 */
export function notifyAsked(config: Config, opts: Record<string, unknown>): boolean {
  return opts.notify !== undefined || opts.notifyOn !== undefined || opts.notifyRequired !== undefined || config.notify !== undefined;
}

// The notify options shared by compensate, reviews queue and roster plan (declared here once).
import type { Command } from 'commander';
import type { Config } from '../config.js';

const collect = (v: string, prev: string[] = []) => prev.concat(v);

export function addNotifyOptions(cmd: Command): Command {
  return cmd
    .option(
      '--notify <[kind:]url>',
      'post a summary to a group robot (repeatable): dingtalk, wecom, feishu or webhook; the kind is taken from the host when omitted; signing secret from STOREOPS_NOTIFY_SECRET; sent through the proxy HTTPS_PROXY, HTTP_PROXY or ALL_PROXY names (http://, https:// or socks5://), NO_PROXY hosts and address ranges directly / 把摘要发到群机器人 (可重复): dingtalk (钉钉)、wecom (企业微信)、feishu (飞书) 或 webhook; 省略类型时按网址的主机判断; 签名密钥取自 STOREOPS_NOTIFY_SECRET; 经 HTTPS_PROXY、HTTP_PROXY 或 ALL_PROXY 指定的代理 (http://、https:// 或 socks5://) 发送, NO_PROXY 中的主机和地址段直接连接',
      collect,
    )
    .option('--notify-on <when>', 'new (default: only what the robot was not told before, remembered in the state database), always, or never / new (默认: 只发机器人此前未收到的内容, 记在状态数据库中)、always (总是发) 或 never (不发)')
    .option('--notify-required', 'exit 6 when a notification could not be delivered (otherwise a failed post only warns) / 通知发送失败时以退出码 6 结束 (否则发送失败只警告)');
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

// The notify options shared by compensate, reviews queue and roster plan (declared here once).
import type { Command } from 'commander';

const collect = (v: string, prev: string[] = []) => prev.concat(v);

export function addNotifyOptions(cmd: Command): Command {
  return cmd
    .option(
      '--notify <[kind:]url>',
      'post a summary to a group robot (repeatable): dingtalk, wecom, feishu or webhook; the kind is taken from the host when omitted. Signing secret from STOREOPS_NOTIFY_SECRET / 发到群机器人',
      collect,
    )
    .option('--notify-on <when>', 'new (default: only what the robot was not told before, remembered in the state database), always, or never')
    .option('--notify-required', 'exit 6 when a notification could not be delivered (otherwise a failed post only warns)');
}

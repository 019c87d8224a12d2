// `storeops completion bash|zsh|fish`: a completion script generated from the command tree, so
// it always lists the commands and options this version has.
import type { Command, Option } from 'commander';
import { FORMATS } from '../io/formats.js';
import { TOPICS } from './topics.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Values offered after an option, where the option takes one of a few words. */
const VALUES: Record<string, readonly string[]> = {
  '--format': [...FORMATS, 'ics'],
  '--lang': ['zh', 'en'],
  '--out-encoding': ['utf8', 'gbk'],
  '--by': ['voucher', 'order'],
  '--base': ['paid-minus-postage', 'paid', 'goods'],
  '--status': ['contacted', 'awaiting_reply', 'resolved', 'complaint_filed', 'do_not_contact'],
  '--channel': ['wangwang', 'feige', 'pdd_chat', 'chat', 'phone', 'sms'],
  '--fail-on': ['new-vouchers'],
  '--notify-on': ['new', 'always', 'never'],
};

interface Node {
  path: string[];
  cmd: Command;
}

/** The commands below the top, except help and completion (their words are written out below). */
function nodes(program: Command): Node[] {
  const out: Node[] = [];
  const walk = (cmd: Command, path: string[]) => {
    for (const c of cmd.commands) {
      if (cmd === program && (c.name() === 'help' || c.name() === 'completion')) continue;
      out.push({ path: [...path, c.name()], cmd: c });
      walk(c, [...path, c.name()]);
    }
  };
  walk(program, []);
  return out;
}

const flagsOf = (opts: readonly Option[]) => opts.flatMap((o) => [o.short, o.long].filter((f): f is string => Boolean(f)));
const valuesOf = (o: Option) => (o.argChoices?.length ? o.argChoices : o.long ? VALUES[o.long] : undefined);
/** A description on one line, without characters that would break the shell's quoting. */
const clean = (s: string) => s.replace(/\s+/g, ' ').replace(/['"`$\\]/g, '').slice(0, 80);

export function completionScript(program: Command, shell: Shell): string {
  if (shell === 'fish') return fish(program);
  const bashText = bash(program);
  if (shell === 'bash') return bashText;
  // zsh runs the same function through its bash-completion layer (shipped with zsh).
  return `#compdef storeops\n# storeops completion for zsh: storeops completion zsh > "\${fpath[1]}/_storeops"\nautoload -U +X bashcompinit && bashcompinit\n${bashText}`;
}

/**
 * Options are offered only after a `-`: at a word without one (\`storeops compensate <TAB>\`, a file
 * next) nothing is offered, so bash's own file-name completion (\`-o default\`) lists the exports.
 * It offered the command's 14 options there instead, and no file name.
 */
function bash(program: Command): string {
  const all = nodes(program);
  const global = flagsOf(program.options).concat(['-h', '--help']);
  const top = program.commands.map((c) => c.name());
  const cases = all
    .map((n) => {
      const words = n.cmd.commands.length ? n.cmd.commands.map((c) => c.name()) : flagsOf(n.cmd.options);
      return `    '${n.path.join(':')}') words="${words.join(' ')}" ;;`;
    })
    .join('\n');
  const valueCases = [...program.options, ...all.flatMap((n) => n.cmd.options)]
    .filter((o, i, a) => valuesOf(o) && a.findIndex((p) => p.long === o.long) === i)
    .map((o) => `    ${[o.short, o.long].filter(Boolean).join('|')}) COMPREPLY=($(compgen -W "${valuesOf(o)!.join(' ')}" -- "$cur")); return ;;`)
    .join('\n');
  return `# storeops completion for bash: storeops completion bash > ~/.local/share/bash-completion/completions/storeops
_storeops() {
  local cur prev words path w i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
${valueCases}
  esac
  path=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    case "$w" in -*) continue ;; esac
    case " ${all.map((n) => n.path.join(':')).join(' ')} help completion " in
      *" \${path:+$path:}$w "*) path="\${path:+$path:}$w" ;;
    esac
  done
  case "$path" in
    '') words="${top.join(' ')}" ;;
${cases}
    help) words="${[...TOPICS, ...top.filter((t) => t !== 'help')].join(' ')}" ;;
    completion) words="bash zsh fish" ;;
    *) words="" ;;
  esac
  if [[ "$cur" == -* ]]; then words="$words ${global.join(' ')}"; else words="$(for w in $words; do [[ "$w" == -* ]] || printf '%s ' "$w"; done)"; fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _storeops storeops
`;
}

function fish(program: Command): string {
  const lines = ['# storeops completion for fish: storeops completion fish > ~/.config/fish/completions/storeops.fish', 'complete -c storeops -f'];
  const opt = (o: Option, cond: string) => {
    let l = `complete -c storeops${cond}`;
    if (o.short) l += ` -s ${o.short.slice(1)}`;
    if (o.long) l += ` -l ${o.long.slice(2)}`;
    const v = valuesOf(o);
    if (v) l += ` -x -a '${v.join(' ')}'`;
    else if (o.required || o.optional) l += ' -r -F';
    return `${l} -d '${clean(o.description ?? '')}'`;
  };
  for (const o of program.options) lines.push(opt(o, ''));
  const sub = (names: string[]) => `__fish_seen_subcommand_from ${names.join(' ')}`;
  for (const c of program.commands) lines.push(`complete -c storeops -n '__fish_use_subcommand' -a ${c.name()} -d '${clean(c.description())}'`);
  lines.push(`complete -c storeops -n '${sub(['help'])}' -a '${[...TOPICS, ...program.commands.map((c) => c.name())].join(' ')}'`);
  lines.push(`complete -c storeops -n '${sub(['completion'])}' -a 'bash zsh fish'`);
  for (const n of nodes(program)) {
    if (n.cmd.commands.length) {
      for (const c of n.cmd.commands) lines.push(`complete -c storeops -n '${sub([n.path.at(-1)!])}' -a ${c.name()} -d '${clean(c.description())}'`);
    } else {
      const cond = ` -n '${sub([n.path.at(-1)!])}'`;
      for (const o of n.cmd.options) lines.push(opt(o, cond));
      // Commands that read files complete file names.
      if (n.cmd.registeredArguments.length) lines.push(`complete -c storeops${cond} -F`);
    }
  }
  return lines.join('\n') + '\n';
}

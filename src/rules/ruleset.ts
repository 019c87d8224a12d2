// Rule sets are data (templates/rules/*.json); this module finds and loads them. The shape is in
// types.ts, validation in parse.ts, and which set judges which order in book.ts.
import fs from 'node:fs';
import path from 'node:path';
import { InputError, UsageError, msg } from '../errors.js';
import { templatesDir } from '../paths.js';
import { TEMPLATE_HINT, parseRuleSet } from './parse.js';
import { jsonProblem } from '../io/jsontext.js';
import { fileProblem } from '../io/fsproblem.js';
import { readTextFileSync } from '../io/textfile.js';

export type { RuleSet, Tier, Range, RulePlatform, BaseRule, Rounding, CombineBy, Payer, TierKind } from './types.js';
export { parseRuleSet } from './parse.js';

/** Example files under templates/rules that are not rule sets in force. */
const NOT_BUILT_IN = new Set(['custom-example']);

export function builtinIds(): string[] {
  return fs
    .readdirSync(path.join(templatesDir(), 'rules'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .filter((id) => !NOT_BUILT_IN.has(id))
    .sort();
}

/** An id as it reads on a row: compatibility forms folded, case, spaces, invisible characters and dash look-alikes ignored. */
function lookalike(id: string): string {
  return id
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{Cf}\p{Cc}]/gu, '')
    .replace(/[\p{Pd}\u2212]/gu, '-');
}

/** A built-in id (`tmall-2023`, `tmall-2026`, …) or a path to a JSON file of the same shape. */
export function loadRuleSet(idOrFile: string, cwd: string, o: { auto?: boolean } = {}): ReturnType<typeof parseRuleSet> {
  // `auto` is compensate's --rules choice, not a rule set: listed in the hint only where it is taken
  // (`rules show` said 未知的规则集 "nosuch" … 内置: auto, …, and then refused auto; text46).
  const auto = o.auto === false ? '' : 'auto, ';
  const builtins = builtinIds();
  const builtIn = builtins.includes(idOrFile);
  let file: string;
  if (builtIn) file = path.join(templatesDir(), 'rules', `${idOrFile}.json`);
  else if (idOrFile.endsWith('.json') || idOrFile.includes('/') || idOrFile.includes(path.sep) || isFile(path.resolve(cwd, idOrFile))) file = path.resolve(cwd, idOrFile);
  else {
    // `--rules 我的拼多多规则` for 我的拼多多规则.json beside it (user7): name the file meant. A file
    // of that bare name (`--rules 规则.txt`, `--rules 乱.csv`) is read above, and said what it is
    // not, rather than called an unknown rule set.
    const json = isFile(path.resolve(cwd, `${idOrFile}.json`)) ? `${idOrFile}.json` : undefined;
    throw new UsageError(
      msg(`未知的规则集 "${idOrFile}"`, `unknown rule set "${idOrFile}"`),
      json
        ? msg(`是否想用规则文件 ${json}? 写出文件的全名: --rules ${json}`, `did you mean the rule file ${json}? write the file's whole name: --rules ${json}`)
        : msg(`内置: ${auto}${builtins.join(', ')}; 或给出 JSON 规则文件的路径。`, `built in: ${auto}${builtins.join(', ')}; or give the path of a JSON rule file.`),
    );
  }
  let text: string;
  try {
    text = readTextFileSync(file);
  } catch (e) {
    // A file that is not there has no field to fix: say where to find one.
    // (A named pipe or device: the file-name hint too, not "fix the field" of a file never read.)
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTREG';
    throw new InputError(
      msg(`无法读取规则文件 ${file}: ${fileProblem(e).zh}`, `cannot read rule file ${file}: ${fileProblem(e).en}`),
      missing
        ? msg(
            `检查路径; 内置规则集见 storeops rules list (${builtins.join(', ')}); \`storeops init\` 会在当前文件夹写出示例规则文件 storeops-templates/rules/custom-example.json。`,
            `check the path; the built-in rule sets are in storeops rules list (${builtins.join(', ')}); \`storeops init\` writes an example rule file, storeops-templates/rules/custom-example.json, into the current folder.`,
          )
        : TEMPLATE_HINT,
    );
  }
  let raw: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    raw = JSON.parse(body);
  } catch (e) {
    // Not the runtime's message: it quotes the offending text (a binary file would put raw bytes
    // on the terminal); the line and column instead.
    const why = jsonProblem(e, body);
    throw new InputError(msg(`规则文件 ${file} 有误: ${why.zh}`, `rule file ${file}: ${why.en}`), TEMPLATE_HINT);
  }
  const rules = parseRuleSet(raw, file, builtIn);
  // A shop's file under a built-in id would pass for the platform's rule: its vouchers would carry
  // the built-in's name and keys, so the ledger would take them for the built-in's (and the reverse).
  // Nor under one that only looks like it on every row (Tmall-2026, a trailing space, a zero-width
  // or non-breaking character): the rows would read as the built-in's while their keys are not.
  const taken = builtins.find((b) => lookalike(b) === lookalike(rules.id));
  const own = taken === undefined ? undefined : path.join(templatesDir(), 'rules', `${taken}.json`);
  if (taken !== undefined && path.resolve(file) !== path.resolve(own!)) {
    // Invisible characters named (U+200B), so the difference can be seen and removed.
    const shownId = `"${rules.id.replace(/[\p{Cf}\p{Cc}\p{Z}]/gu, (ch) => (ch === ' ' ? ' ' : `\\u${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`))}"`;
    const same = taken === rules.id;
    throw new InputError(
      msg(
        same ? `规则文件 ${file}: 字段 "id" 是内置规则集 "${taken}" 的 id, 自己的规则文件不能用它` : `规则文件 ${file}: 字段 "id" ${shownId} 看起来和内置规则集 "${taken}" 的 id 一样, 自己的规则文件不能用它`,
        same ? `rule file ${file}: field "id" is the built-in rule set "${taken}"'s id, which a rule file of your own cannot use` : `rule file ${file}: field "id" ${shownId} looks the same as the built-in rule set "${taken}"'s id, which a rule file of your own cannot use`,
      ),
      msg(`给文件起自己的 id (如 "my-${taken}"); 要用内置规则, 直接写 --rules ${taken}。`, `give the file an id of its own (such as "my-${taken}"); for the built-in rule itself, give --rules ${taken}.`),
    );
  }
  return rules;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

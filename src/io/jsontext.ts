// Why a JSON file an operator edited (config, rule file, keyword or category table) does not parse,
// in the operator's language and with the place: the runtime's message is English, gives a
// character offset instead of a line, and may quote the file's text (which can hold a robot's
// secret, or raw bytes of a file that is not JSON at all), so none of it is passed on as it is.
import type { Msg } from '../errors.js';
import { msg } from '../errors.js';

/**
 * Line and column (1-based) of a character offset. CR, LF and CRLF each end a line, as an editor
 * shows them (a file whose CRLFs became CRs is one line to a split on LF alone).
 */
function place(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  let line = 1;
  let start = 0;
  for (const m of before.matchAll(/\r\n?|\n/g)) {
    line++;
    start = m.index + m[0].length;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The reason JSON.parse gave for `text`, or that the top level is not an object: `第 3 行第 5 列附近
 * 不是有效的 JSON …` / `not valid JSON near line 3, column 5 …`. `text` is what was parsed (BOM removed).
 */
export function jsonProblem(e: unknown, text: string): Msg {
  const raw = e instanceof Error ? e.message : String(e);
  if (raw === NOT_OBJECT) return msg('内容不是一个 JSON 对象 (应以 { 开头, 以 } 结尾)', 'it is not a JSON object (it must start with { and end with })');
  if (/unexpected end of json input/i.test(raw) || text.trim() === '') {
    return msg('文件在结尾处不完整 (少了 } 、] 或引号)', 'the file ends too early (a }, ] or quote is missing)');
  }
  const at = /position (\d+)/.exec(raw) ?? offsetOf(text);
  const common = msg('常见原因: 少了逗号或引号, 最后一项后多了逗号, 或用了中文标点 (，“”：)', 'usual causes: a missing comma or quote, a comma after the last item, or Chinese punctuation (，“”：)');
  if (at) {
    const { line, column } = place(text, Number(at[1]));
    return msg(`第 ${line} 行第 ${column} 列附近不是有效的 JSON; ${common.zh}`, `not valid JSON near line ${line}, column ${column}; ${common.en}`);
  }
  return msg(`不是有效的 JSON; ${common.zh}`, `not valid JSON; ${common.en}`);
}

/**
 * Where parsing fails when the runtime does not say (node 20: "Unexpected token '“', …" has no
 * position, the commonest slip in a hand-edited file): the shortest prefix that is wrong rather
 * than merely unfinished ends at the offending character. Binary search: a config file is small.
 */
function offsetOf(text: string): [string, string] | null {
  const wrong = (k: number): boolean => {
    try {
      JSON.parse(text.slice(0, k));
      return false;
    } catch (e) {
      const m = e instanceof Error ? e.message : '';
      if (/end of json input|unterminated string/i.test(m)) return false;
      const p = /position (\d+)/.exec(m);
      // A \u escape cut short by the prefix is unfinished, not wrong.
      if (p !== null && /unicode escape/i.test(m) && Number(p[1]) >= k - 6) return false;
      return p === null || Number(p[1]) < k;
    }
  };
  if (!wrong(text.length)) return null;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (wrong(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo > 0 ? ['', String(lo - 1)] : null;
}

/** Thrown by the readers for a top-level value that is not an object, so jsonProblem can tell it. */
export const NOT_OBJECT = 'not a JSON object';

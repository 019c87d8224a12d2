// A header whose Chinese was damaged by a program that read the file in the wrong encoding and saved
// it again (a GBK download opened as Western text in LibreOffice or Excel for Mac, a UTF-8 csv opened
// as GBK): `¶©µ¥±àºÅ`, `璁㈠崟缂栧彿` or `�������` where 订单编号 was. Every reader then failed on a
// "missing column" or an "unknown export layout" whose hint (tick the column when exporting, fix the
// header) cannot help: the column is there, garbled. This module tells such a header, how it was
// garbled and, where the bytes survived, what the names were; the error says so (src/cli/main.ts).
// It runs only on the way to an error (a file already refused), never on a file that was read.
import iconv from 'iconv-lite';
import { LAYOUTS } from '../orders/layouts.js';
import { SHIPMENT_FIELDS } from '../compensation/inputs.js';
import { REVIEW_FIELDS } from '../reviews/read.js';
import { AGENT, SHIFT } from '../roster/read.js';
import { PRODUCT_FIELDS } from '../zhenjian/fields.js';
import { LABEL_FIELDS } from '../zhenjian/labels.js';
import { normHeader } from '../io/table.js';
import type { FieldSpec } from '../io/table.js';

/**
 * `lost`: the text holds U+FFFD (or 锟斤拷, U+FFFD's UTF-8 read as GBK): what was there is gone.
 * `gbk-as-western`, `utf8-as-western`, `utf8-as-gbk`: the bytes survived, read in the wrong encoding.
 */
export type GarbledHow = 'lost' | 'gbk-as-western' | 'utf8-as-western' | 'utf8-as-gbk';

export interface Garbled {
  how: GarbledHow;
  /** The garbled column names as the file has them (at most 3). */
  cells: string[];
  /** The column names storeops knows, as the bytes read in the right encoding give them (at most 6). */
  names: string[];
  /**
   * `lost` only: other column names storeops knows are whole (one cell with a U+FFFD, a GBK file with
   * one odd byte): the header is not garbled throughout, the reader's own error (a column missing)
   * stands and the damaged names are added to it.
   */
  partial?: true;
}

const CJK = /[\u4e00-\u9fff]/;
/** What Chinese read as Western text leaves: Latin-1 letters and signs, Windows-1252's, LibreOffice's U+F180–U+F19F. */
const WESTERN = /[\u0080-\u00ff\u0152-\u2122\uf180-\uf19f]/;
const WESTERN_ALL = new RegExp(WESTERN.source, 'g');
const LOST = /\uFFFD|锟斤拷/;

let known: Set<string> | undefined;
/** Every column name a storeops reader takes, normalised. */
function knownNames(): Set<string> {
  if (known) return known;
  const specs: FieldSpec[] = [...SHIPMENT_FIELDS, ...REVIEW_FIELDS, AGENT, SHIFT, ...PRODUCT_FIELDS, ...LABEL_FIELDS];
  for (const l of LAYOUTS) specs.push(...l.fields);
  known = new Set(specs.flatMap((f) => f.aliases).concat(LAYOUTS.flatMap((l) => [...l.signature])).map(normHeader).filter((h) => CJK.test(h)));
  return known;
}

/** Windows-1252's characters for bytes 0x80–0x9F (the rest of 0x80–0xFF is Latin-1's). */
let cp1252: Map<string, number> | undefined;
function westernBytes(text: string): Buffer | undefined {
  if (!cp1252) {
    // Written out: Node 20's TextDecoder('windows-1252') decodes as Latin-1 (0x96 → U+0096, not –),
    // so a header holding – — • ‘ ’ “ ” € … (bytes 0x80–0x9F of UTF-8 Chinese read as Windows-1252:
    // 单 → å + • ) decoded to nothing and was "missing column". 0x81 0x8D 0x8F 0x90 0x9D are undefined.
    cp1252 = new Map();
    const chars = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    for (let b = 0x80; b <= 0x9f; b++) cp1252.set(chars[b - 0x80]!, b);
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    // LibreOffice reading Windows-1252 turns the five bytes that code page leaves undefined (0x81,
    // 0x8D, 0x8F, 0x90, 0x9D) into U+F181 … U+F19D, private-use stand-ins, where Excel and the
    // WHATWG decoder give U+0081 …: 单 (E5 8D 95) became å + U+F18D + •. A UTF-8 file so read and
    // saved as xlsx or csv was "missing column" (揽收时间, agent, the 抖店 layout), not garbled.
    const b = c <= 0xff ? c : c >= 0xf180 && c <= 0xf19f ? c - 0xf100 : cp1252.get(ch);
    if (b === undefined) return undefined;
    out.push(b);
  }
  return Buffer.from(out);
}

function utf8(b: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return undefined;
  }
}

function gbk(b: Buffer): string | undefined {
  const t = iconv.decode(b, 'gb18030');
  return t.includes('\uFFFD') ? undefined : t;
}

/**
 * The garbled header's column names storeops knows, read right; undefined when none is. A cell that
 * does not decode is passed over: headers reach here trimmed and with their spaces folded, and a
 * no-break space (U+00A0, a byte 0xA0 read as Latin-1: the middle byte of 标, E6 A0 87) became a
 * plain one, so each cell is tried as it is and with its spaces as 0xA0.
 */
function readRight(headers: readonly string[], decode: (cell: string) => string | undefined): string[] | undefined {
  const names = knownNames();
  const found: string[] = [];
  for (const h of headers) {
    const r = decode(h) ?? (h.includes(' ') ? decode(h.replace(/ /g, '\u00a0')) : undefined);
    if (r !== undefined && names.has(normHeader(r))) found.push(r);
  }
  return found.length ? found.slice(0, 6) : undefined;
}

/** How a header was garbled, or undefined when it is not (a header storeops does not know is not garbled for that). */
export function garbledHeader(headers: readonly string[]): Garbled | undefined {
  const named = headers.filter((h) => h.trim() !== '');
  if (!named.length) return undefined;
  if (named.some((h) => LOST.test(h))) {
    const cells = named.filter((h) => LOST.test(h)).slice(0, 3);
    return named.some((h) => knownNames().has(normHeader(h))) ? { how: 'lost', cells, names: [], partial: true } : { how: 'lost', cells, names: [] };
  }
  // A UTF-8 file's byte-order mark read as Western text and saved again: ï»¿ before the first name
  // (desk49: a roster csv whose header is English, `ï»¿agent`, was "required column agent is
  // missing", and its Chinese names would be read as å°çŽ‹). No header starts so otherwise.
  if (named[0]!.startsWith('\u00ef\u00bb\u00bf')) {
    const asUtf8 = readRight(named, (h) => {
      const b = westernBytes(h);
      return b && utf8(b);
    });
    return { how: 'utf8-as-western', cells: [named[0]!, ...named.slice(1).filter((h) => /[\u0080-\uffff]/.test(h))].slice(0, 3), names: asUtf8 ?? [] };
  }
  // Chinese read as Western: Latin-1 letters and signs where the Chinese was, no Chinese left.
  if (named.some((h) => WESTERN.test(h)) && !named.some((h) => CJK.test(h))) {
    const asUtf8 = readRight(named, (h) => {
      const b = westernBytes(h);
      return b && utf8(b);
    });
    if (asUtf8) return { how: 'utf8-as-western', cells: named.filter((h) => /[\u0080-\uffff]/.test(h)).slice(0, 3), names: asUtf8 };
    const asGbk = readRight(named, (h) => {
      const b = westernBytes(h);
      return b && gbk(b);
    });
    if (asGbk) return { how: 'gbk-as-western', cells: named.filter((h) => /[\u0080-\uffff]/.test(h)).slice(0, 3), names: asGbk };
    return undefined;
  }
  // UTF-8 read as GBK: each three-byte character became one and a half GBK characters (璁㈠崟 for 订单).
  if (named.some((h) => CJK.test(h))) {
    const asUtf8 = readRight(named, (h) => {
      const b = iconv.encode(h, 'gb18030');
      if (iconv.decode(b, 'gb18030') !== h) return undefined;
      return utf8(b);
    });
    if (asUtf8 && !named.some((h) => knownNames().has(normHeader(h)))) {
      return { how: 'utf8-as-gbk', cells: named.filter((h) => CJK.test(h)).slice(0, 3), names: asUtf8 };
    }
  }
  return undefined;
}

const HOW: Record<GarbledHow, { zh: string; en: string }> = {
  lost: {
    zh: '某个程序用错误的编码读取后又保存了这个文件, 读不出的字变成了 � (或 锟斤拷), 原来的文字已经无法还原',
    en: 'a program read the file in the wrong encoding and saved it again, turning what it could not read into � (or 锟斤拷): the text that was there cannot be recovered',
  },
  'gbk-as-western': {
    zh: '这是 GBK 编码的中文被当作西文 (Windows-1252/Latin-1) 读取后又保存的',
    en: 'it is GBK-encoded Chinese that a program read as Western text (Windows-1252/Latin-1) and saved again',
  },
  'utf8-as-western': {
    zh: '这是 UTF-8 编码的中文被当作西文 (Windows-1252/Latin-1) 读取后又保存的',
    en: 'it is UTF-8-encoded Chinese that a program read as Western text (Windows-1252/Latin-1) and saved again',
  },
  'utf8-as-gbk': {
    zh: '这是 UTF-8 编码的中文被当作 GBK 读取后又保存的',
    en: 'it is UTF-8-encoded Chinese that a program read as GBK and saved again',
  },
};

/**
 * Characters a garbled name holds that show as nothing: controls (C0, and C1, which Excel and the
 * WHATWG decoder leave for bytes 0x81 0x8D 0x8F 0x90 0x9D), LibreOffice's private-use stand-ins for
 * those bytes (U+F181 … U+F19D: 单 read as Western is å + U+F18D + •), other private-use characters,
 * the soft hyphen (byte 0xAD as Latin-1), zero-width characters and the byte-order mark. Quoted as
 * read they left a name the operator could not compare with the file (text46).
 */
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2069\uE000-\uF8FF\uFEFF]/gu;

/** A garbled name as a message shows it: each invisible character written as its code (`\uf18d`, `\x8f`). */
export function shownName(name: string): string {
  return name.replace(INVISIBLE, (c) => {
    const n = c.codePointAt(0)!;
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/** The garbled names as a message lists them, and a note on the codes when one was written so. */
function shownCells(cells: readonly string[]): { list: string; note: { zh: string; en: string } } {
  const shown = cells.map(shownName);
  const list = shown.join(', ') + (cells.length === 3 ? ' …' : '');
  const coded = shown.some((c, i) => c !== cells[i]);
  return {
    list,
    note: coded
      ? { zh: ' (\\u…/\\x… 是文件里显示不出来的字符, 这里写成它的编码)', en: ' (\\u…/\\x… is a character the file holds that does not show, written as its code)' }
      : { zh: '', en: '' },
  };
}

/** A reader's own error with the damaged column names of a partly garbled header (`partial`) added. */
export function partlyGarbled(text: { zh: string; en: string }, g: Garbled): { zh: string; en: string } {
  const { list: cells, note } = shownCells(g.cells);
  return {
    zh: `${text.zh}; 另外, 列名 ${cells}${note.zh} 含有 � (某个程序读错了编码, 那里的文字已无法还原): 若缺少的列就是它, 请用原始文件`,
    en: `${text.en}; also, the column name(s) ${cells}${note.en} hold � (a program read the file in the wrong encoding; the text there cannot be recovered): if the missing column is one of them, use the original file`,
  };
}

/** The error for a garbled header: what happened, the names it stands for, and what to do. */
export function garbledError(file: string, g: Garbled): { text: { zh: string; en: string }; hint: { zh: string; en: string } } {
  const { list: cells, note } = shownCells(g.cells);
  const names = g.names.length ? { zh: `; 原来的列名是: ${g.names.join(', ')} …`, en: `; the columns were: ${g.names.join(', ')} …` } : { zh: '', en: '' };
  return {
    text: {
      zh: `${file}: 列名是乱码 (${cells})${note.zh}: ${HOW[g.how].zh}${names.zh}`,
      en: `${file}: the column names are garbled (${cells})${note.en}: ${HOW[g.how].en}${names.en}`,
    },
    hint: {
      zh: '请用原始文件: 报表从店铺后台重新导出, 自己做的表用原来的文件 (storeops 不猜被改坏的文字)。用表格软件打开 csv 时, 在询问字符集处选 简体中文 (GBK) (淘宝/天猫卖家中心下载的文件) 或 UTF-8 (storeops 写的文件、抖店导出的文件), 保存时存为 xlsx 或 "CSV UTF-8"。',
      en: "use the original file: export the report again from the shop's back office (店铺后台), or take the original of a table you made (storeops does not guess damaged text). When a spreadsheet opens a csv, choose the character set it asks for: Chinese simplified (GBK) for a download from the Taobao/Tmall seller centre (淘宝/天猫卖家中心), UTF-8 for a file storeops wrote or a 抖店 export; save as xlsx or \"CSV UTF-8\".",
    },
  };
}

/**
 * How a name in a cell (a roster's agent) was garbled, or undefined. `lost`: it holds U+FFFD or
 * 锟斤拷 (two names garbled so read alike and were taken for one agent listed twice: 小李 and 小王
 * read as UTF-8 from a GBK file and saved are both ����). Western: Latin-1 letters and signs only
 * where its bytes, read as GBK (or UTF-8), are Chinese and nothing else (Ð¡Àî for 小李); a Western
 * name (José, Åsa) does not read so. UTF-8 read as GBK is not told for a name: a Chinese name can
 * have that look, and with no list of names to check against it would be a guess.
 */
export function garbledName(name: string): Exclude<GarbledHow, 'utf8-as-gbk'> | undefined {
  if (LOST.test(name)) return 'lost';
  if (CJK.test(name) || (name.match(WESTERN_ALL)?.length ?? 0) < 2) return undefined;
  const b = westernBytes(name);
  if (!b) return undefined;
  const chinese = (t: string | undefined) => t !== undefined && CJK.test(t) && /^[\u4e00-\u9fff·\s]+$/.test(t);
  if (chinese(utf8(b))) return 'utf8-as-western';
  if (chinese(gbk(b))) return 'gbk-as-western';
  return undefined;
}

/** The error for a garbled name in a roster file: refused, never read as an agent (nor merged with another). */
export function garbledNameError(file: string, line: number, name: string, how: GarbledHow): { text: { zh: string; en: string }; hint: { zh: string; en: string } } {
  const read = how === 'lost' ? undefined : how === 'utf8-as-western' ? utf8(westernBytes(name)!) : gbk(westernBytes(name)!);
  const was = read ? { zh: ` (原来是 ${read})`, en: ` (it was ${read})` } : { zh: '', en: '' };
  const { list: shown, note } = shownCells([name]);
  return {
    text: {
      zh: `${file}:${line}: 客服姓名是乱码 "${shown}"${note.zh}${was.zh}: ${HOW[how].zh}; 乱码的姓名无法区分 (两个人可能显示成同一个名字), 文件没有读取`,
      en: `${file}:${line}: the agent name "${shown}" is garbled${note.en}${was.en}: ${HOW[how].en}; garbled names cannot be told apart (two people may read as one name), so the file was not read`,
    },
    hint: garbledError(file, { how, cells: [], names: [] }).hint,
  };
}


/**
 * A header whose names are run together with ";" (`订单编号;买家会员名;…` in one or a few cells): the
 * file was saved with ";" as its field delimiter (a spreadsheet's CSV option, or the system's list
 * separator in a locale that writes a decimal comma). Not read as such: in such a file a comma in an
 * amount may be a decimal point (`1,234` for 1.234), which is not guessed. The names storeops knows
 * among the parts (at least 2) tell it; the parts as written are returned, for the error; undefined for any other header. Like
 * garbledHeader, only on the way to an error (a file already refused).
 */
export function semicolonHeader(headers: readonly string[]): string[] | undefined {
  if (!headers.some((h) => h.includes(';'))) return undefined;
  const parts = headers.flatMap((h) => h.split(';')).map((h) => h.replace(/^"|"$/g, '').trim());
  const names = knownNames();
  const hits = parts.filter((p) => names.has(normHeader(p)));
  return hits.length >= 2 ? parts.filter((p) => p !== '') : undefined;
}

/** The error for a semicolonHeader file: what the delimiter is, and how to save the file. */
export function semicolonError(file: string, parts: readonly string[]): { text: { zh: string; en: string }; hint: { zh: string; en: string } } {
  const shownParts = parts.slice(0, 3).join(';') + (parts.length > 3 ? ';…' : '');
  return {
    text: {
      zh: `${file}: 各列用分号 ";" 分隔 (${shownParts}), 不是逗号: 文件被电子表格这样保存过 (字段分隔符或系统的列表分隔符是 ";"); storeops 读取逗号或制表符分隔的 csv 和 xlsx, 不按分号读 (这样的文件里金额中的逗号可能是小数点, 不猜测)`,
      en: `${file}: its columns are separated by ";" (${shownParts}), not by commas: a spreadsheet saved it so (its field delimiter, or the system's list separator, is ";"); storeops reads comma- or tab-separated csv and xlsx, not ";" (in such a file a comma in an amount may be a decimal point, which is not guessed)`,
    },
    hint: {
      zh: '重新另存: LibreOffice 里 另存为 → 文本 CSV, 勾选"编辑筛选器设置", 字段分隔符选 ","; WPS/Excel 里另存为 "CSV (逗号分隔)" 或 xlsx; 或重新下载导出。',
      en: 'save it again: in LibreOffice, Save As → Text CSV with "Edit filter settings" ticked and "," as the field delimiter; in WPS or Excel, Save As "CSV (Comma delimited)" or xlsx; or download the export again.',
    },
  };
}

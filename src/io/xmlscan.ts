// A streaming XML tokenizer for the fast xlsx reader (xlsxread.ts), fed UTF-8 bytes a chunk at a
// time. It gives the events exceljs's parser (saxes, through exceljs's parse-sax) gives, with the
// same text: entities and character references decoded, line ends normalised (CRLF and CR to LF),
// whitespace between elements reported as text (exceljs's readers append it where they collect
// text), CDATA dropped (parse-sax does not listen for it), comments and processing instructions
// skipped, attribute values with tabs and line breaks turned into spaces. Malformed XML (a bad
// entity, a close tag that does not match, a character XML forbids) is an XmlError, as saxes's
// error is exceljs's. Only the text of the current token is held, never the document.

export class XmlError extends Error {}
/** Something this reader does not handle (a DOCTYPE): the caller falls back to exceljs. */
export class XmlUnsupported extends Error {}

export interface XmlHandler {
  /** `attrs` is the raw text after the name (read it with `attributes`). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(t: string): void;
}

const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

function decodeEntities(s: string): string {
  let out = '';
  let from = 0;
  for (let amp = s.indexOf('&'); amp !== -1; amp = s.indexOf('&', from)) {
    const semi = s.indexOf(';', amp + 1);
    if (semi === -1) throw new XmlError('unterminated entity');
    const ent = s.slice(amp + 1, semi);
    let ch: string;
    if (ent === 'amp') ch = '&';
    else if (ent === 'lt') ch = '<';
    else if (ent === 'gt') ch = '>';
    else if (ent === 'quot') ch = '"';
    else if (ent === 'apos') ch = "'";
    else if (/^#x[0-9a-fA-F]+$/.test(ent) || /^#[0-9]+$/.test(ent)) {
      const cp = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      const ok = cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
      if (!ok) throw new XmlError(`character reference &${ent}; is not allowed`);
      ch = String.fromCodePoint(cp);
    } else throw new XmlError(`undefined entity &${ent};`);
    out += s.slice(from, amp) + ch;
    from = semi + 1;
  }
  return out + s.slice(from);
}

/** Text content as saxes reports it. */
export function xmlText(raw: string): string {
  if (FORBIDDEN.test(raw)) throw new XmlError('a character XML does not allow');
  let s = raw;
  if (s.indexOf('\r') !== -1) s = s.replace(/\r\n?/g, '\n');
  return s.indexOf('&') === -1 ? s : decodeEntities(s);
}

const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of an open tag, values decoded as saxes does. */
export function attributes(attrs: string): Record<string, string> {
  const o: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(attrs); m; m = ATTR.exec(attrs)) {
    let v = m[2] ?? m[3] ?? '';
    if (/[\t\n\r&<]/.test(v)) {
      if (v.indexOf('<') !== -1) throw new XmlError('< in an attribute value');
      v = v.replace(/\r\n?|[\t\n]/g, ' ');
      if (FORBIDDEN.test(v)) throw new XmlError('a character XML does not allow');
      if (v.indexOf('&') !== -1) v = decodeEntities(v);
    }
    o[m[1]!] = v;
  }
  return o;
}

export class XmlScanner {
  private buf = '';
  private readonly decoder = new TextDecoder('utf-8');
  private readonly stack: string[] = [];
  /** Tags opened so far (the caller checks the root). */
  opened = 0;

  constructor(private readonly h: XmlHandler) {}

  write(chunk: Buffer): void {
    const t = this.decoder.decode(chunk, { stream: true });
    this.buf = this.buf.length ? this.buf + t : t;
    this.scan();
  }

  /**
   * The end of the input. Like exceljs (which never closes its parser), an element left open or
   * text after the last tag is no error: the text is not reported.
   */
  end(): void {
    const t = this.decoder.decode();
    if (t) {
      this.buf += t;
      this.scan();
    }
  }

  private scan(): void {
    const buf = this.buf;
    const h = this.h;
    const n = buf.length;
    let i = 0;
    for (;;) {
      const lt = buf.indexOf('<', i);
      if (lt === -1) break;
      if (lt > i) h.text(xmlText(buf.slice(i, lt)));
      i = lt;
      const c1 = buf.charCodeAt(lt + 1);
      if (lt + 1 >= n) break;
      if (c1 === 47 /* / */) {
        const gt = buf.indexOf('>', lt + 2);
        if (gt === -1) break;
        const name = buf.slice(lt + 2, gt).trimEnd();
        const top = this.stack.pop();
        if (top !== name) throw new XmlError(`unexpected close tag </${name}>`);
        h.close(name);
        i = gt + 1;
        continue;
      }
      if (c1 === 63 /* ? */) {
        const end = buf.indexOf('?>', lt + 2);
        if (end === -1) break;
        i = end + 2;
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (lt + 9 > n) break;
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end === -1) break;
          i = end + 3;
          continue;
        }
        if (buf.startsWith('<![CDATA[', lt)) {
          // parse-sax listens for no CDATA event: exceljs drops the content.
          const end = buf.indexOf(']]>', lt + 9);
          if (end === -1) break;
          i = end + 3;
          continue;
        }
        throw new XmlUnsupported('a DOCTYPE or declaration');
      }
      // An open tag: its end is the first > outside a quoted attribute value.
      let j = lt + 1;
      let gt = -1;
      while (j < n) {
        const ch = buf.charCodeAt(j);
        if (ch === 62 /* > */) {
          gt = j;
          break;
        }
        if (ch === 34 || ch === 39) {
          const q = buf.indexOf(ch === 34 ? '"' : "'", j + 1);
          if (q === -1) break;
          j = q + 1;
        } else j++;
      }
      if (gt === -1) break;
      let k = lt + 1;
      while (k < gt) {
        const ch = buf.charCodeAt(k);
        if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) break;
        k++;
      }
      const name = buf.slice(lt + 1, k);
      if (!name) throw new XmlError('a tag without a name');
      const selfClosing = buf.charCodeAt(gt - 1) === 47;
      const attrs = buf.slice(k, selfClosing ? gt - 1 : gt);
      this.opened++;
      h.open(name, attrs, selfClosing);
      if (selfClosing) h.close(name);
      else this.stack.push(name);
      i = gt + 1;
    }
    this.buf = i === 0 ? buf : buf.slice(i);
  }
}

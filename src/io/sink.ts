// Where bytes go: stdout (a closed pipe ends the run quietly) or a file written atomically
// (temporary file + rename, so a failed run never leaves half a file).
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import { OutputError, PipeClosed, msg } from '../cli/errors.js';

export { PipeClosed } from '../cli/errors.js';

export type OutEncoding = 'utf8' | 'gbk';

/** Temporary files in use: removed if the run is interrupted (Ctrl-C), so none is left behind. */
const liveTemps = new Set<string>();

export function registerTemp(p: string): void {
  liveTemps.add(p);
}

export function releaseTemp(p: string): void {
  liveTemps.delete(p);
}

export function removeTempFiles(): void {
  for (const p of liveTemps) {
    try {
      fs.unlinkSync(p);
    } catch {
      /* already gone */
    }
  }
  liveTemps.clear();
}

export interface ByteSink {
  write(text: string | Buffer): Promise<void>;
  /** Finish: flush, and for a file, rename it into place. */
  end(): Promise<void>;
  /** Give up: for a file, remove the temporary file; the target is untouched. */
  abort(): Promise<void>;
  readonly path?: string;
}

function writeTo(stream: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(chunk, (err) => {
      if (err) reject(err);
      else if (ok) resolve();
    });
    if (!ok) stream.once('drain', () => resolve());
  });
}

function encodeChunk(text: string | Buffer, enc: OutEncoding): Buffer {
  if (Buffer.isBuffer(text)) return text;
  return enc === 'gbk' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
}

/** A sink that batches small writes into ~64 KiB chunks. */
class Batched {
  private parts: Buffer[] = [];
  private size = 0;
  constructor(
    private readonly flushFn: (b: Buffer) => Promise<void>,
    private readonly enc: OutEncoding,
  ) {}
  async write(text: string | Buffer): Promise<void> {
    const b = encodeChunk(text, this.enc);
    this.parts.push(b);
    this.size += b.length;
    if (this.size >= 65536) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.size === 0) return;
    const b = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    await this.flushFn(b);
  }
}

export function stdoutSink(stream: Writable, enc: OutEncoding): ByteSink {
  let closed = false;
  const onError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') closed = true;
  };
  stream.on('error', onError);
  const batched = new Batched(async (b) => {
    if (closed) throw new PipeClosed();
    try {
      await writeTo(stream, b);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') {
        closed = true;
        throw new PipeClosed();
      }
      throw new OutputError(msg(`无法写入标准输出: ${(e as Error).message}`, `cannot write to stdout: ${(e as Error).message}`));
    }
  }, enc);
  return {
    write: (t) => batched.write(t),
    end: async () => {
      await batched.flush();
    },
    abort: async () => {
      /* what reached stdout cannot be taken back */
    },
  };
}

export function tempPathFor(target: string): string {
  const dir = path.dirname(path.resolve(target));
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
}

function cannotWrite(target: string, e: unknown): OutputError {
  const reason = (e as Error).message;
  return new OutputError(
    msg(`无法写入输出文件 ${target}: ${reason}`, `cannot write output file ${target}: ${reason}`),
    msg('检查目录是否存在、是否有写权限、磁盘是否已满。', 'check that the folder exists, is writable, and the disk is not full.'),
  );
}

/** Write to a temporary file beside `target`; rename it into place on end(). */
export function fileSink(target: string, enc: OutEncoding): ByteSink {
  const tmp = tempPathFor(target);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', 0o644);
  } catch (e) {
    throw cannotWrite(target, e);
  }
  registerTemp(tmp);
  let done = false;
  const batched = new Batched(async (b) => {
    try {
      let off = 0;
      while (off < b.length) off += fs.writeSync(fd, b, off, b.length - off);
    } catch (e) {
      throw cannotWrite(target, e);
    }
  }, enc);
  return {
    path: target,
    write: (t) => batched.write(t),
    end: async () => {
      if (done) return;
      await batched.flush();
      try {
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fs.renameSync(tmp, target);
        releaseTemp(tmp);
        done = true;
      } catch (e) {
        try {
          fs.unlinkSync(tmp);
        } catch {
          /* already gone */
        }
        throw cannotWrite(target, e);
      }
    },
    abort: async () => {
      if (done) return;
      done = true;
      releaseTemp(tmp);
      try {
        fs.closeSync(fd);
      } catch {
        /* closed */
      }
      try {
        fs.unlinkSync(tmp);
      } catch {
        /* gone */
      }
    },
  };
}

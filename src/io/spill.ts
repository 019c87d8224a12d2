// A temporary file a big run puts state aside in while it is not needed (issue 21: memory flat as
// the export grows). compensate holds its late orders here while the duplicate check still holds
// one entry per order id, and takes them back once that table is given back: the two never sit in
// memory together.
//
// The file is made new (0600: it holds buyers' names; the temporary folder is shared) in the
// system's temporary folder, and removed from the folder at once where the system allows that
// (Linux, macOS): it then disappears however the run ends, even killed. Where it does not
// (Windows) it is removed when the run ends, on a signal too (registerTemp). A full disk is a
// clear error (exit 5), never half the data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutputError, msg } from '../errors.js';
import { fileProblem } from './fsproblem.js';
import { registerTemp, releaseTemp, tempName } from './sink.js';

export class SpillFile {
  private fd: number;
  private size = 0;
  /** The path while it is still in the folder (a system that cannot remove an open file). */
  private listed: string | undefined;

  private constructor(
    fd: number,
    readonly path: string,
    listed: boolean,
  ) {
    this.fd = fd;
    this.listed = listed ? path : undefined;
  }

  /** A new temporary file in `dir` (the system's temporary folder by default). */
  static open(dir = os.tmpdir()): SpillFile {
    const p = tempName('.spill', dir);
    let fd: number;
    try {
      fd = fs.openSync(p, 'wx+', 0o600);
    } catch (e) {
      throw spillError(p, e);
    }
    registerTemp(p);
    let listed = true;
    try {
      fs.unlinkSync(p);
      listed = false;
      releaseTemp(p);
    } catch {
      /* Windows: removed by close(), or on exit */
    }
    return new SpillFile(fd, p, listed);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.size;
  }

  /** Appends the bytes of `view`; returns where they start. */
  append(view: ArrayBufferView): number {
    const at = this.size;
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    let done = 0;
    try {
      while (done < bytes.length) done += fs.writeSync(this.fd, bytes, done, bytes.length - done, at + done);
    } catch (e) {
      this.close();
      throw spillError(this.path, e);
    }
    this.size += bytes.length;
    return at;
  }

  /** Fills `view` with the bytes written at `at`. */
  read(at: number, view: ArrayBufferView): void {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    let done = 0;
    try {
      while (done < bytes.length) {
        const n = fs.readSync(this.fd, bytes, done, bytes.length - done, at + done);
        if (n === 0) throw Object.assign(new Error(`short read at ${at + done}`), { code: 'EIO' });
        done += n;
      }
    } catch (e) {
      this.close();
      throw spillError(this.path, e);
    }
  }

  /** Closes and removes the file (again: nothing happens). */
  close(): void {
    if (this.fd < 0) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      /* closed */
    }
    this.fd = -1;
    if (this.listed) {
      try {
        fs.unlinkSync(this.listed);
      } catch {
        /* gone */
      }
      releaseTemp(this.listed);
      this.listed = undefined;
    }
  }
}

function spillError(p: string, e: unknown): OutputError {
  const why = fileProblem(e);
  const dir = path.dirname(p);
  return new OutputError(
    msg(`无法写入临时文件 (${dir}): ${why.zh}`, `cannot write a temporary file in ${dir}: ${why.en}`),
    msg(
      '大的导出文件在计算时会把部分数据暂存在临时目录中 (约为导出文件大小的百分之几): 请腾出磁盘空间, 或用环境变量 TMPDIR 指定另一个目录后重新运行。',
      'a big export puts part of its data aside in the temporary folder while it is computed (a few per cent of the export\'s size): free some disk space, or point the TMPDIR environment variable at another folder, and run again.',
    ),
  );
}

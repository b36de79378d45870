// Standard output and error for the commands. Lines are written
// synchronously, so a run that ends prints everything it said; when the
// reader of stdout has gone (`uffdspec check ... | head -1`), the next write
// throws ClosedStdout and the command ends quietly with exit 141, as grep and
// git do (they die of SIGPIPE, which the shell reports as 128 + 13).
import * as fs from 'fs';

export class ClosedStdout extends Error {
  constructor() {
    super('standard output was closed');
  }
}

let stdoutClosed = false;

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text);
  let off = 0;
  let waits = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off);
      waits = 0;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // a non-blocking pipe that is full: wait for the reader, bounded (60 s in all)
      if (code === 'EAGAIN' && waits < 60000) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        waits++;
        continue;
      }
      throw e;
    }
  }
}

export function stdoutLine(s: string): void {
  if (stdoutClosed) throw new ClosedStdout();
  try {
    writeAll(1, s + '\n');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') {
      stdoutClosed = true;
      throw new ClosedStdout();
    }
    throw e;
  }
}

export function stderrLine(s: string): void {
  try {
    writeAll(2, s + '\n');
  } catch {
    // stderr closed: there is nowhere left to report to
  }
}

/** Text written to stderr without a newline (a progress line redrawn in place). */
export function stderrRaw(s: string): void {
  try {
    writeAll(2, s);
  } catch {
    // as above
  }
}

// Anything written through process.stdout (not these functions) that meets a
// closed pipe ends the run the same way, instead of an unhandled 'error'.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(141);
});

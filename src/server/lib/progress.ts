/** A terminal progress bar for long CLI work (seeding, imports). Falls back to plain lines off a TTY. */
export type Progress = (done: number, total: number, label: string) => void;

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress & { finish(): void } {
  let lastLine = '';
  let lastAt = 0;
  let lastTenth = -1;
  const fn = ((done: number, total: number, label: string) => {
    const now = Date.now();
    if (done < total && now - lastAt < 200) return;
    lastAt = now;
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(ratio * width);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${label} ${done.toLocaleString()}/${total.toLocaleString()}`;
    if (stream.isTTY) stream.write(`\r${line.padEnd(lastLine.length)}`);
    else if (done === total || Math.floor(ratio * 10) > lastTenth) {
      // off a terminal: one line per tenth, so logs stay short
      lastTenth = Math.floor(ratio * 10);
      stream.write(`${line}\n`);
    }
    lastLine = line;
  }) as Progress & { finish(): void };
  fn.finish = () => {
    if (stream.isTTY && lastLine) stream.write('\n');
    lastLine = '';
    lastTenth = -1;
  };
  return fn;
}

export const silentProgress: Progress = () => {};

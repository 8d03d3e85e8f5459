import type { WriteStream } from 'node:tty';

const WIDTH = 30;
/** A terminal is redrawn often; a log file gets a plain line now and then. */
const TTY_INTERVAL_MS = 200;
const LOG_INTERVAL_MS = 5000;

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A progress bar on stderr (stdout stays clean for results): rows done, rows/s, ETA. When stderr
 * is not a terminal (CI, `2> file`) it prints a plain line every few seconds instead of
 * carriage-return redraws that would fill the log with control characters.
 */
export class Progress {
  private done = 0;
  private readonly started = performance.now();
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: NodeJS.WriteStream | WriteStream = process.stderr,
  ) {}

  add(rows: number): void {
    this.done += rows;
    const now = performance.now();
    if (now - this.lastDraw < (this.out.isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS)) return;
    this.lastDraw = now;
    this.draw(false);
  }

  finish(): number {
    this.draw(true);
    return (performance.now() - this.started) / 1000;
  }

  private draw(final: boolean): void {
    const elapsed = (performance.now() - this.started) / 1000;
    const rate = elapsed > 0 ? this.done / elapsed : 0;
    const share = this.total > 0 ? Math.min(this.done / this.total, 1) : 1;
    const eta = rate > 0 ? (this.total - this.done) / rate : Infinity;
    const numbers = `${thousands(this.done)}/${thousands(this.total)} ${thousands(rate)} rows/s`;
    const tail = final ? `in ${duration(elapsed)}` : `ETA ${duration(eta)}`;
    if (this.out.isTTY) {
      const filled = Math.round(share * WIDTH);
      const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
      this.out.write(`\r${this.label} ${bar} ${(share * 100).toFixed(0).padStart(3)}% ${numbers} ${tail}\x1b[K${final ? '\n' : ''}`);
    } else {
      this.out.write(`${this.label}: ${(share * 100).toFixed(1)}% ${numbers} ${tail}\n`);
    }
  }
}

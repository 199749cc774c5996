/**
 * Where a command writes: data to stdout, messages and progress to stderr. Colour and the
 * progress bar only on a terminal, and never when NO_COLOR is set (https://no-color.org).
 */
export interface Writable {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export class Output {
  readonly color: boolean;

  constructor(
    readonly stdout: Writable,
    readonly stderr: Writable,
    env: NodeJS.ProcessEnv,
  ) {
    this.color = Boolean(stderr.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  }

  /** One line of data (stdout). */
  data(line: string): void {
    this.stdout.write(`${line}\n`);
  }

  json(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** One line of status for people (stderr). */
  info(line: string): void {
    this.stderr.write(`${line}\n`);
  }

  success(line: string): void {
    this.info(this.paint('32', line));
  }

  warn(line: string): void {
    this.info(this.paint('33', line));
  }

  bold(text: string): string {
    return this.paint('1', text);
  }

  dim(text: string): string {
    return this.paint('2', text);
  }

  private paint(code: string, text: string): string {
    return this.color ? `\x1b[${code}m${text}\x1b[0m` : text;
  }

  progress(total: number, label: string): ProgressBar {
    return new ProgressBar(this.stderr, total, label, Boolean(this.stderr.isTTY));
  }
}

/** A plain text table: columns padded to their widest cell, the last one left ragged. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Redraws one stderr line on a terminal; silent elsewhere so logs stay clean. */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;

  constructor(
    private readonly stream: Writable,
    private readonly total: number,
    private readonly label: string,
    private readonly enabled: boolean,
  ) {}

  tick(n: number): void {
    this.done = Math.min(this.total, this.done + n);
    const now = Date.now();
    // Redrawing on every tick would cost more than the work on a fast server.
    if (this.done < this.total && now - this.lastDraw < 50) return;
    this.lastDraw = now;
    this.draw();
  }

  finish(): void {
    if (!this.enabled) return;
    this.draw();
    this.stream.write('\n');
  }

  private draw(): void {
    if (!this.enabled) return;
    const width = 30;
    const ratio = this.total === 0 ? 1 : this.done / this.total;
    const filled = Math.round(ratio * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    this.stream.write(`\r${this.label} ${bar} ${this.done}/${this.total} (${Math.round(ratio * 100)}%)`);
  }
}

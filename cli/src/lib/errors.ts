/**
 * Errors a command throws; only src/index.ts turns them into an exit code and one line on stderr,
 * so tests of runX() assert a rejection instead of a dead process (as changesets does).
 */
export const ExitCode = {
  ok: 0,
  error: 1,
  usage: 2,
  partial: 3,
  notSignedIn: 4,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.error,
    /** Extra lines printed after the message (e.g. every bad CSV line). */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong flags or input that no retry can fix; also "input needed but there is no terminal to ask on". */
export class UsageError extends CliError {
  constructor(message: string, details: string[] = []) {
    super(message, ExitCode.usage, details);
  }
}

export class CancelledError extends CliError {
  constructor(message = 'cancelled') {
    super(message, ExitCode.usage);
  }
}

/** Some of the work succeeded and some did not; the summary was already printed. */
export class PartialFailureError extends CliError {
  constructor(message: string, details: string[] = []) {
    super(message, ExitCode.partial, details);
  }
}

export class NotSignedInError extends CliError {
  constructor(message = 'not signed in; run `bigtix login` (or set BIGTIX_TOKEN)') {
    super(message, ExitCode.notSignedIn);
  }
}

/** A 4xx/5xx answer from the API, carrying the contract's error items. */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    message: string,
    readonly items: { message: string; field?: string }[] = [],
  ) {
    super(message, ExitCode.error, items.length > 1 ? items.map((i) => i.message) : []);
  }
}

/** The API could not be reached at all (refused, DNS, timeout). */
export class NetworkError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.error);
  }
}

interface CommanderLike {
  code: string;
  exitCode: number;
  message: string;
}

function isCommanderError(err: unknown): err is CommanderLike {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as CommanderLike).code === 'string' &&
    (err as CommanderLike).code.startsWith('commander.')
  );
}

/** How an error ends the process: its exit code and the lines for stderr (none when commander already printed). */
export function describeFailure(err: unknown): { exitCode: ExitCodeValue; lines: string[] } {
  if (isCommanderError(err)) {
    // commander has already written help/version/usage text itself.
    const ok =
      err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help';
    return { exitCode: ok || err.exitCode === 0 ? ExitCode.ok : ExitCode.usage, lines: [] };
  }
  if (err instanceof CliError) {
    return { exitCode: err.exitCode, lines: [`bigtix: ${err.message}`, ...err.details.map((d) => `  ${d}`)] };
  }
  if (err instanceof Error && err.name === 'ExitPromptError') {
    // Ctrl-C inside an inquirer prompt.
    return { exitCode: ExitCode.usage, lines: ['bigtix: cancelled'] };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { exitCode: ExitCode.error, lines: [`bigtix: ${message}`] };
}

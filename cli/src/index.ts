import { buildProgram } from './program';
import { describeFailure } from './lib/errors';

export { buildProgram } from './program';
export * from './lib/errors';

/**
 * Runs the CLI and returns its exit code; every error becomes one line on stderr (`bigtix: …`)
 * plus details, never a stack trace (set BIGTIX_DEBUG=1 to see one).
 */
export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    const { exitCode, lines } = describeFailure(err);
    for (const line of lines) process.stderr.write(`${line}\n`);
    if (process.env.BIGTIX_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return exitCode;
  }
}

/** The bin entry point: the only place that ends the process. */
export function main(argv: string[]): void {
  // A closed pipe (`bigtix listings | head`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
  run(argv).then(
    (code) => {
      // Let stdout drain before exiting: a large --json output may still be buffered on a pipe.
      process.exitCode = code;
      if (process.stdout.writableLength === 0) process.exit(code);
      else process.stdout.once('drain', () => process.exit(code));
    },
    (err) => {
      process.stderr.write(`bigtix: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}

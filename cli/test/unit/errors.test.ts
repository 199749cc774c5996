import { CommanderError } from 'commander';
import {
  ApiError,
  CancelledError,
  ExitCode,
  NetworkError,
  NotSignedInError,
  PartialFailureError,
  UsageError,
  describeFailure,
} from '../../src/lib/errors';

describe('describeFailure', () => {
  it.each([
    [new UsageError('bad flag'), ExitCode.usage],
    [new CancelledError(), ExitCode.usage],
    [new PartialFailureError('2 of 5 failed'), ExitCode.partial],
    [new NotSignedInError(), ExitCode.notSignedIn],
    [new ApiError(404, 'Not found'), ExitCode.error],
    [new NetworkError('cannot reach http://localhost:1'), ExitCode.error],
    [new Error('boom'), ExitCode.error],
  ])('maps %p to its exit code', (err, code) => {
    expect(describeFailure(err).exitCode).toBe(code);
  });

  it('prints one "bigtix:" line plus indented details, never a stack', () => {
    const { lines } = describeFailure(new UsageError('2 problem(s)', ['line 2: x', 'line 3: y']));
    expect(lines).toEqual(['bigtix: 2 problem(s)', '  line 2: x', '  line 3: y']);
  });

  it('treats help and version as success and other commander errors as usage errors, printing nothing more', () => {
    expect(describeFailure(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toEqual({
      exitCode: 0,
      lines: [],
    });
    expect(describeFailure(new CommanderError(0, 'commander.version', '0.1.0'))).toEqual({ exitCode: 0, lines: [] });
    expect(describeFailure(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--nope'"))).toEqual(
      { exitCode: 2, lines: [] },
    );
  });

  it('treats Ctrl-C in a prompt as cancelled', () => {
    const err = Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    expect(describeFailure(err)).toEqual({ exitCode: 2, lines: ['bigtix: cancelled'] });
  });
});

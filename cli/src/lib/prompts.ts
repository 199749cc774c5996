import { UsageError } from './errors';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

/** The questions a command may ask; injected so tests can answer them without a terminal. */
export interface Prompts {
  input(message: string, options?: { default?: string; required?: boolean }): Promise<string>;
  password(message: string): Promise<string>;
  confirm(message: string, defaultValue?: boolean): Promise<boolean>;
  select<T>(message: string, choices: Choice<T>[]): Promise<T>;
}

/** Inquirer, drawing on stderr so stdout stays clean for data even in an interactive run. */
export function inquirerPrompts(): Prompts {
  // Loaded lazily: most runs (scripts, CI) never ask anything and should not pay for it.
  const load = () => require('@inquirer/prompts') as typeof import('@inquirer/prompts');
  const context = { output: process.stderr };
  return {
    input: (message, options = {}) =>
      load().input({ message, default: options.default, required: options.required }, context),
    password: (message) => load().password({ message, mask: '*' }, context),
    confirm: (message, defaultValue = false) => load().confirm({ message, default: defaultValue }, context),
    select: <T>(message: string, choices: Choice<T>[]) => load().select<T>({ message, choices, pageSize: 10 }, context),
  };
}

/** Prompts that refuse: what a command gets when stdin or stderr is not a terminal, so CI never hangs. */
export function noPrompts(): Prompts {
  const refuse = (what: string): never => {
    throw new UsageError(`${what} is needed but there is no terminal to ask on; pass it as a flag (see --help)`);
  };
  return {
    input: async (message) => refuse(`input ("${message}")`),
    password: async () => refuse('a password'),
    confirm: async () => refuse('a confirmation'),
    select: async (message) => refuse(`a choice ("${message}")`),
  };
}

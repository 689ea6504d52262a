/**
 * `npm run wiregrad -- COMMAND ...`: the command line over the engine and the format.
 * Every failure is a message and an exit status; no stack trace reaches the user.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { checkCommand, gatesHelp, runCommand, stepCommand, trainCommand } from './commands.ts';
import { processIo, type Io } from './io.ts';

const USAGE = `wiregrad: evaluate circuits of gates, forward and backward

usage: npm run wiregrad -- COMMAND FILE [options]

commands:
  run FILE [--json]                 evaluate the circuit: every node's and edge's value and gradient
  check FILE [--json] [--tolerance T] [--wires]
                                    compare every input's analytic gradient with a central difference
                                    (--wires: every wire's too); exit 1 where any differs beyond the
                                    relative tolerance (default 1e-6)
  step FILE --lr H [-o OUT]         one parameter update, value += H * grad for every trainable input;
                                    writes the updated circuit to OUT, or to standard output
  train FILE [--iterations N] [--lr H] [--seed S] [--every K] [-o OUT] [--json]
                                    stochastic gradient descent on the circuit's dataset (format version 2):
                                    reports loss and accuracy every K iterations (default 25), then writes
                                    the trained circuit to OUT, or to standard output (reports then go to
                                    standard error); the same seed gives the same run
  gates                             list the gate types with their forward and local gradients
  help                              this text

exit status: 0 done, 1 the check failed or there is nothing to update, 2 a refused file or bad arguments.
The file format is described in docs/format.md.
`;

export function main(argv: readonly string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        wires: { type: 'boolean', default: false },
        lr: { type: 'string' },
        tolerance: { type: 'string' },
        iterations: { type: 'string' },
        seed: { type: 'string' },
        every: { type: 'string' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (values.help || command === 'help' || command === undefined) {
    (command === undefined && !values.help ? io.err : io.out)(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command === 'gates') {
    io.out(gatesHelp());
    return 0;
  }
  if (!['run', 'check', 'step', 'train'].includes(command)) return usageError(io, `unknown command "${command}"`);
  if (file === undefined) return usageError(io, `${command} needs a circuit FILE`);
  if (extra.length > 0) return usageError(io, `unexpected argument "${extra[0]}"`);

  switch (command) {
    case 'run':
      return runCommand(io, file, values.json);
    case 'check': {
      const tolerance = values.tolerance === undefined ? undefined : positiveNumber(values.tolerance);
      if (tolerance === null) return usageError(io, `--tolerance needs a positive number, got "${values.tolerance}"`);
      return checkCommand(io, file, values.json, tolerance, values.wires);
    }
    case 'train': {
      const iterations = wholeNumber(values.iterations, 0);
      const seed = wholeNumber(values.seed, Number.MIN_SAFE_INTEGER);
      const every = wholeNumber(values.every ?? '25', 1);
      const lr = values.lr === undefined ? undefined : positiveNumber(values.lr);
      if (iterations === null) return usageError(io, `--iterations needs a whole number, got "${values.iterations}"`);
      if (seed === null) return usageError(io, `--seed needs a whole number, got "${values.seed}"`);
      if (every === null) return usageError(io, `--every needs a whole number from 1, got "${values.every}"`);
      if (lr === null) return usageError(io, `--lr needs a positive number, got "${values.lr}"`);
      return trainCommand(io, file, { iterations, seed, every: every ?? 25, learningRate: lr }, values.json, values.output);
    }
    default: {
      if (values.lr === undefined) return usageError(io, 'step needs --lr H, the step size');
      const lr = Number(values.lr);
      if (values.lr.trim() === '' || !Number.isFinite(lr)) return usageError(io, `--lr needs a finite number, got "${values.lr}"`);
      return stepCommand(io, file, lr, values.output);
    }
  }
}

/** undefined where the option is absent, null where it is not a whole number of at least `min`. */
function wholeNumber(text: string | undefined, min: number): number | undefined | null {
  if (text === undefined) return undefined;
  const n = Number(text);
  return text.trim() !== '' && Number.isSafeInteger(n) && n >= min ? n : null;
}

function positiveNumber(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n > 0 ? n : null;
}

function usageError(io: Io, message: string): number {
  io.err(`wiregrad: ${message}\nrun "npm run wiregrad -- help" for usage\n`);
  return 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // A reader that stops early (`| head`) closes the pipe: that ends the output, it is not an error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    process.exitCode = main(process.argv.slice(2), processIo);
  } catch (error) {
    // A bug of ours, not the user's: say so in one line rather than with a stack trace.
    process.stderr.write(`wiregrad: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  }
}

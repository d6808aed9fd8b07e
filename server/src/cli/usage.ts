/** A command line that does not say what to do (exit 2, with the usage). */
export class UsageError extends Error {}

/**
 * Walks a command line: `onOption(flag, value)` for each `--flag` (`value()` takes the next argument, or the part after
 * `=`, and says so when there is none) and says whether it knows the flag; every other argument is a path ("-" too:
 * standard input). An unknown option is a usage error.
 */
export function readArguments(args: readonly string[], onOption: (flag: string, value: () => string) => boolean, onPath: (path: string) => void): void {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') ? arg.split('=', 2) as [string, string | undefined] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value.`);
      return next;
    };
    if (arg.startsWith('-') && arg !== '-') {
      if (!onOption(flag, value)) throw new UsageError(`Unknown option ${arg}.`);
    } else {
      onPath(arg);
    }
  }
}

/** The locale POSIX programs follow: LC_ALL, then LC_MESSAGES, then LANG (an empty variable counts as unset). */
export function environmentLocale(): string | undefined {
  return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || undefined;
}

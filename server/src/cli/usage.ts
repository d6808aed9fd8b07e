/** A command line that does not say what to do (exit 2, with the usage). */
export class UsageError extends Error {}

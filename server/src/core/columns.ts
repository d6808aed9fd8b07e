/** Helpers for data held in columns of typed arrays (clause tables, problem lists). */

/** `bigger` with the contents of `old` at its start: a column grown to a new capacity. */
export function grown<T extends { set(array: T): void }>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}

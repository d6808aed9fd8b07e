/**
 * V8 sends a function to its optimising compiler once it has run for a budget of bytecode (the interrupt budget).
 * Most of regtext's work is cold: every file of a workspace read once, by worker threads that each compile the same
 * recognisers, where the optimising compiler's work is some 40% of an analysis (cachegrind). A larger budget leaves
 * lukewarm functions to the interpreter and the baseline code, and optimises what stays hot: the corpus index took
 * 1.52–1.56 s instead of 1.93–2.19 s with a quarter less CPU, warm analysis as fast as before within noise
 * (test/bench/workspaceIndex.ts, bench.ts). A V8 flag is one for the whole process (worker threads share it), and a flag set while the process runs
 * applies to the code compiled after it: each entry point sets it first.
 */
import { setFlagsFromString } from 'node:v8';

const INTERRUPT_BUDGET = 400_000;

export function tuneCompilerForColdWork(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

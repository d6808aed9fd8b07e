/**
 * V8 sends a function to its optimising compiler once it has run for a budget of bytecode (the interrupt budget).
 * Most of regtext's work is cold: every file of a workspace read once, by worker threads that each compile the same
 * recognisers, where the optimising compiler's work is some 40% of an analysis (cachegrind). A larger budget leaves
 * lukewarm functions to the interpreter and the baseline code, and optimises what stays hot: the corpus index took
 * 1.6–1.8 s instead of 2.0–2.4 s with 20% less CPU, warm analysis as fast as before (test/bench/workspaceIndex.ts,
 * bench.ts). A V8 flag is one for the whole process (worker threads share it), and a flag set while the process runs
 * applies to the code compiled after it: each entry point sets it first.
 */
import { setFlagsFromString } from 'node:v8';

const INTERRUPT_BUDGET = 400_000;

export function tuneCompilerForColdWork(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

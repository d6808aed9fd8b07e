/**
 * Background work in slices: the steps of a generator run one after another, and other work (requests) runs between
 * slices of at most SLICE_MS, so that no request waits longer than a slice.
 */
import type { Scheduler } from './workspace/workspaceIndex';

/** Work between two yields, in milliseconds. */
const SLICE_MS = 8;

/**
 * Runs every step of `steps`, after `delayMs` (the work that follows what the caller is doing, such as publishing the
 * diagnostics of the analysis that asked for it, goes first) and yielding to other work whenever a slice has taken
 * SLICE_MS.
 */
export async function runInSlices(steps: Iterator<unknown>, scheduler: Scheduler, delayMs = 0): Promise<void> {
  await (delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, delayMs)) : scheduler.yield());
  let sliceStart = scheduler.now();
  while (!steps.next().done) {
    if (scheduler.now() - sliceStart > SLICE_MS) {
      await scheduler.yield();
      sliceStart = scheduler.now();
    }
  }
}

/**
 * A full garbage collection for tests that measure retained memory: the one `--expose-gc` gives, or one exposed now
 * through V8's flags; undefined when neither can be had (those tests are then skipped).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const gc: (() => void) | undefined = (() => {
  const global = globalThis as { gc?: () => void };
  if (typeof global.gc === 'function') return global.gc;
  try {
    setFlagsFromString('--expose-gc');
    const exposed = runInNewContext('gc') as unknown;
    return typeof exposed === 'function' ? (exposed as () => void) : undefined;
  } catch {
    return undefined;
  }
})();

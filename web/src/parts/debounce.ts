// Calls `fn` once things have been quiet for `ms` milliseconds: a wheel or
// a drag reports where it ended, not every step on the way. A pending call
// is held back (parts/held.ts): the page makes it at once when it goes.
import { holdBack } from "./held.js";

export interface Quiet {
  (): void;
  /** Drops a pending call. */
  cancel(): void;
  /** Makes a pending call now. */
  flush(): void;
}

export function whenQuiet(fn: () => void, ms: number): Quiet {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let release: (() => void) | undefined;
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    release?.();
    release = undefined;
  };
  const run = (() => {
    if (timer !== undefined) clearTimeout(timer);
    release ??= holdBack(() => run.flush());
    timer = setTimeout(() => {
      stop();
      fn();
    }, ms);
  }) as Quiet;
  run.cancel = stop;
  run.flush = () => {
    if (timer === undefined) return;
    stop();
    fn();
  };
  return run;
}

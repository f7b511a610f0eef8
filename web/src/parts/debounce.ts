// Calls `fn` once things have been quiet for `ms` milliseconds: a wheel or
// a drag reports where it ended, not every step on the way.
export interface Quiet {
  (): void;
  /** Drops a pending call. */
  cancel(): void;
  /** Makes a pending call now. */
  flush(): void;
}

export function whenQuiet(fn: () => void, ms: number): Quiet {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  }) as Quiet;
  run.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  run.flush = () => {
    if (timer === undefined) return;
    run.cancel();
    fn();
  };
  return run;
}

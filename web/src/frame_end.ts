// Reports of what a server frame's calls changed, made once as the frame
// ends. A program that deletes 1,000 selected rows one call at a time
// changes a table's selection 1,000 times in one frame: reporting each
// change built the whole selection 1,000 times and sent 1,000 callbacks,
// which the server's callback limits count as 1,000 clicks (past
// max_callbacks_waiting it closes the connection). Deferred here, the
// page reports the selection the frame leaves, once, with the frame's
// replies. Outside a server frame (a user's click) a report goes at once,
// in its place among the user's other events, and a widget's deferred
// report goes before any other callback the widget emits. The frame
// processor brackets each frame; widgets ask through atFrameEnd.

/** What says whether callbacks are dropped now (the page's RuntimeContext). */
export interface Muting {
  readonly isMuted: boolean;
}

let depth = 0;
let muting: Muting = { isMuted: false };
const pending = new Map<object, () => void>();

/** A server frame is being handled, `context` saying when callbacks are muted. Nests. */
export function beginFrame(context: Muting): void {
  if (depth++ === 0) muting = context;
}

/** The frame is done: its deferred reports run, in the order first asked. */
export function endFrame(): void {
  if (depth === 0 || --depth > 0) return;
  // A report that changes something may ask for another.
  while (pending.size > 0) {
    const reports = [...pending.values()];
    pending.clear();
    for (const report of reports) {
      try {
        report();
      } catch (e) {
        // One widget's failure must not cost the others their reports.
        console.error("pgwidgets: a report deferred to the frame's end failed", e);
      }
    }
  }
}

/**
 * Runs `owner`'s deferred report now, if it has one: the page calls this
 * before `owner` emits any other callback, so that a widget's callbacks
 * keep the order in which it made them (a TreeView's selection, then the
 * `changed` of the same delete_tree).
 */
export function reportNow(owner: object): void {
  if (pending.size === 0) return;  // every callback the page emits asks
  const report = pending.get(owner);
  if (report === undefined) return;
  pending.delete(owner);
  report();
}

/**
 * Runs `report` as the server frame being handled ends, once per `owner`
 * however often asked (it reads the state then), or now outside a frame.
 * While callbacks are muted (a rebuild, a change another browser made) it
 * runs now, so that what it emits is dropped as it always was.
 */
export function atFrameEnd(owner: object, report: () => void): void {
  if (depth === 0 || muting.isMuted) {
    report();
    return;
  }
  pending.set(owner, report);
}

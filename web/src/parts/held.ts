// Reports a widget holds back for a while (text until typing pauses, a
// scroll position until scrolling stops) register here while they wait, so
// that the page can send them all at once when it goes (pagehide, a hidden
// tab) or before it reconnects: nothing the user did is lost.

const waiting = new Set<() => void>();

/** `send` makes the held-back report now; call the returned function once it went. */
export function holdBack(send: () => void): () => void {
  waiting.add(send);
  return () => {
    waiting.delete(send);
  };
}

/** Makes every held-back report now. */
export function sendHeldBack(): void {
  for (const send of [...waiting]) {
    waiting.delete(send);
    try {
      send();
    } catch (e) {
      console.error("pgwidgets: a held-back report failed", e);
    }
  }
}

/** How many reports wait (tests). */
export function heldBackCount(): number {
  return waiting.size;
}

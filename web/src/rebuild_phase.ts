// Whether the page is inside a rebuild (between the server's Rebuild BEGIN
// and END), set by the frame processor. A widget whose call means something
// else when replayed reads it: a dialog's popup(x, y) replayed after the
// place the server recorded since (a drag) keeps that place.
let inRebuild = false;

export function setRebuilding(on: boolean): void {
  inRebuild = on;
}

export function rebuilding(): boolean {
  return inRebuild;
}

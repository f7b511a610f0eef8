// VBox is implemented beside Box (box.ts); this module is where the
// generated factory map (generated/ts/factories.ts) finds each class.
export { VBox } from "./box.js";

// The one place the runtime imports the generated bindings from.
export * from "../../generated/ts/widgets.js";
export { classes, methods, callbacks, isA, addPackage, userPackages } from "./packages.js";
export type {
  DispatchContext,
  ClassEntry,
  MethodEntry,
  CallbackEntry,
  WidgetPackage,
} from "../../generated/ts/dispatch.js";
export * as proto from "../../generated/ts/pb/pgwidgets/protocol_pb.js";
export { DrawOp as DrawOpCode } from "../../generated/ts/pb/pgwidgets/widgets/canvas_pb.js";

// The factories the dispatcher creates widgets with: generated from the
// schema (generated/ts/factories.ts), one per class, from the class's module
// web/src/widgets/<family>/<class in lower case>.ts. A class without one
// fails `tsc` there, naming the module to write.
export { makeFactories } from "../../../generated/ts/factories.js";

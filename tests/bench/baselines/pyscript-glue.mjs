// @ts-check
// Hands baseline-ui's attach() to the PyScript script, which calls it once Python is ready.
import { attach } from "./baseline-ui.mjs";

/** @type {{flBaselineAttach?: (call: import("./baseline-ui.mjs").Call) => Promise<unknown>}} */ (
  /** @type {unknown} */ (window)
).flBaselineAttach = (call) => attach((request) => call(request));

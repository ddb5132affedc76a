// Hands baseline-ui's attach() to the PyScript script, which calls it once Python is ready.
import { attach } from "./baseline-ui.mjs";

window.flBaselineAttach = (call) => attach((request) => call(request));

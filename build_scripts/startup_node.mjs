// @ts-check
// Build-time helper run by build_scripts/startup.py in Node, with the pinned Pyodide core:
//   archive  <core> <lock> <wheel> <modules.json> <python.zip>   start Python the normal way
//            (and install the wheel the snapshot way), run every operation of
//            assessment.browser and its error paths, list the standard-library files that
//            were imported, and write one zip holding those files and the assessment package
//   snapshot <core> <python.zip> <out.bin>   start on that zip, import and warm the package,
//            and write Pyodide's memory snapshot
//   check    <core> <python.zip> <snapshot.bin>   load the snapshot and run every operation
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [command, core, ...args] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${core}/pyodide.mjs`).href);
const quiet = { stdout: () => {}, stderr: (/** @type {string} */ line) => process.stderr.write(`${line}\n`) };

// Every operation the page asks for, and the ways a request can fail, so the trace sees
// every import they make (some are lazy, on error paths only).
const EXERCISE = `
import json
from assessment import browser, load_scenarios
from assessment.bank import load_bank

def exercise():
    call = lambda request: json.loads(browser.handle(json.dumps(request)))
    bank = load_bank()
    assert call({"op": "version"})["ok"]
    answers = {}
    for index, question in enumerate(bank.questions):
        answers[question.id] = question.options[index % len(question.options)].id
        scored = call({"op": "score", "answers": answers})
        assert scored["ok"], scored
    code = call({"op": "encode", "answers": answers})["code"]
    assert call({"op": "decode", "code": code})["answers"] == answers
    for scenario in load_scenarios():
        assert call({"op": "scenario", "id": scenario})["ok"]
    for bad in ({"op": "decode", "code": code[:-2] + "zz"}, {"op": "decode", "code": "x"},
                {"op": "score", "answers": {"nope": "x"}}, {"op": "score", "answers": []},
                {"op": "scenario", "id": "nope"}, {"op": "nope"}, {}):
        assert not call(bad)["ok"], bad
    cohort = {"op": "cohort", "text": "\\n".join([code, "nope", "fl1.1.x"])}
    assert call(cohort)["ok"] and call({**cohort, "text": "n,code\\na," + code})["ok"]
    assert not call({"op": "cohort", "text": "n,m\\na,b"})["ok"]
    assert not json.loads(browser.handle("not json"))["ok"]
    assert not json.loads(browser.handle(None))["ok"]
    exercise_plans(call, answers, bank)
    return True

# The plan page's operations (assessment/plan_browser.py), their error paths included.
def exercise_plans(call, answers, bank):
    from assessment.plan_files import example_ids
    for example in example_ids():
        form = call({"op": "plan-example", "id": example})["form"]
        checked = call({"op": "plan-check", "form": form, "answers": answers, "version": bank.version})
        assert checked["ok"], checked
        assert call({"op": "plan-markdown", "form": form})["ok"]
        plan_code = call({"op": "plan-encode", "form": form})["code"]
        assert call({"op": "plan-decode", "code": plan_code})["form"] == form
    assert call({"op": "plan-check", "form": {}, "answers": {"x": "y"}, "version": "1"})["ok"]
    for bad in ({"op": "plan-decode", "code": plan_code[:-2] + "zz"}, {"op": "plan-decode", "code": "x"},
                {"op": "plan-check", "form": []}, {"op": "plan-example", "id": "nope"},
                {"op": "plan-encode", "form": {"find_out": "\\n".join(map(str, range(99)))}}):
        assert not call(bad)["ok"], bad

exercise()
`;

/** @param {string} lock */
async function fromLock(lock) {
  return loadPyodide({ indexURL: `${core}/`, lockFileURL: lock, packages: ["assessment"], ...quiet });
}

if (command === "archive") {
  const [lock, wheel, modulesOut, zipOut] = args;
  const pyodide = await fromLock(lock);
  // The snapshot path installs the wheel with unpackArchive: trace what that imports too.
  const wheelBytes = new Uint8Array(readFileSync(wheel));
  pyodide.unpackArchive(wheelBytes, "wheel", { extractDir: "/tmp/unpacked" });
  pyodide.runPython(EXERCISE);
  const files = pyodide
    .runPython(
      `
import sys
prefix = "/lib/python%d%d.zip/" % sys.version_info[:2]
sorted({getattr(m, "__file__", None)[len(prefix):] for m in list(sys.modules.values())
        if (getattr(m, "__file__", None) or "").startswith(prefix)})
`,
    )
    .toJs();
  writeFileSync(modulesOut, JSON.stringify(files, null, 1));
  // Compiled to .pyc by this very Python (same magic number as the browser's): without the
  // snapshot, compiling the sources of these modules was most of the start-up time (measured:
  // loopback start 3.0 s with sources; see ARCHITECTURE.md, "Starting Python"). A sourceless
  // .pyc in a zip is loaded without looking for its source.
  pyodide.FS.writeFile("/tmp/assessment.whl", wheelBytes);
  pyodide.globals.set("wanted", pyodide.toPy(files));
  pyodide.runPython(`
import marshal, sys, zipfile
from importlib.util import MAGIC_NUMBER

def entry(name, data):
    if not name.endswith(".py"):
        return name, data
    code = compile(data, name, "exec", dont_inherit=True)
    return name + "c", MAGIC_NUMBER + bytes(12) + marshal.dumps(code)

stdlib = zipfile.ZipFile("/lib/python%d%d.zip" % sys.version_info[:2])
entries = dict(entry(name, stdlib.read(name)) for name in wanted)
wheel = zipfile.ZipFile("/tmp/assessment.whl")
for name in wheel.namelist():
    if not name.split("/")[0].endswith(".dist-info"):
        entries.update([entry(name, wheel.read(name))])
with zipfile.ZipFile("/tmp/out.zip", "w") as out:
    for name in sorted(entries):
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        out.writestr(info, entries[name], compresslevel=9)
`);
  writeFileSync(zipOut, pyodide.FS.readFile("/tmp/out.zip"));
} else if (command === "snapshot") {
  const [zip, out] = args;
  const pyodide = await loadPyodide({
    indexURL: `${core}/`,
    stdLibURL: zip,
    lockFileURL: `${core}/pyodide-lock.json`,
    _makeSnapshot: true,
    ...quiet,
  });
  // Import and warm everything the page uses (the bank is parsed and cached), so a page
  // that starts from the snapshot answers its first request at once.
  pyodide.runPython(EXERCISE);
  pyodide.runPython("import gc; gc.collect()");
  writeFileSync(out, pyodide.makeMemorySnapshot());
} else if (command === "check") {
  const [zip, snapshot] = args;
  const pyodide = await loadPyodide({
    indexURL: `${core}/`,
    stdLibURL: zip,
    lockFileURL: `${core}/pyodide-lock.json`,
    _loadSnapshot: new Uint8Array(readFileSync(snapshot)),
    ...quiet,
  });
  pyodide.runPython(EXERCISE);
} else {
  throw new Error(`unknown command ${command}`);
}

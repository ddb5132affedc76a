// Page glue for the assessment: keeps the reader's answers (in the form and in localStorage),
// sends them to the scoring worker and draws what Python returns. It holds no scoring rule:
// every number, label and piece of advice on screen comes from the result Python sends.
// Loaded on every page; it acts only where the assessment root (#fl-assessment) is present,
// so other pages never download Pyodide.

const STORAGE_KEY = "fair-leverage:answers";
const DEFAULT_START_LIMIT_MS = 30000;
const ANNOUNCE_DELAY_MS = 700;
const SVG_NS = "http://www.w3.org/2000/svg";
const READ_NEXT_REASONS = {
  "red-flag": "because part of your plan crosses the line",
  "what-if": "because it would help your balance most",
  "held-back": "because it holds your balance back",
};

// One worker per visit: it survives Material's instant navigation, so coming back to the
// page does not start Python again. `view` is the page currently showing the assessment.
let scorer = null;
let view = null;

// ---------------------------------------------------------------- the scoring worker

function absolute(url) {
  return new URL(url, location.href).href;
}

function createScorer(root) {
  const limitMs = Number(root.dataset.startLimitMs) || DEFAULT_START_LIMIT_MS;
  const pending = new Map();
  const progressListeners = new Set();
  let nextId = 1;
  let worker = null;
  const self = { state: "loading", progress: null, version: null, reason: null };

  self.ready = new Promise((resolve, reject) => {
    let timer = null;
    const fail = (reason) => {
      if (self.state !== "loading") return;
      self.state = "failed";
      self.reason = reason;
      clearTimeout(timer);
      worker?.terminate();
      reject(new Error(reason));
    };
    if (typeof WebAssembly !== "object") {
      fail("this browser cannot run WebAssembly (it may be switched off), and Python in the page needs it.");
      return;
    }
    timer = setTimeout(
      () =>
        fail(
          `Python did not finish starting within ${limitMs / 1000} seconds. A slow or ` +
            "interrupted connection can cause this, or a site host that sends Python's files wrongly.",
        ),
      limitMs,
    );
    try {
      worker = new Worker(absolute(root.dataset.workerUrl), { type: "module", name: "fair-leverage-scorer" });
    } catch (error) {
      fail(`this browser would not start the part of the page that runs Python (${error.message}).`);
      return;
    }
    worker.addEventListener("message", (event) => {
      const message = event.data;
      if (message.type === "progress") {
        self.progress = message;
        progressListeners.forEach((listener) => listener(message));
      } else if (message.type === "ready") {
        clearTimeout(timer);
        self.state = "ready";
        self.version = message.version;
        resolve(message.version);
      } else if (message.type === "failed") {
        fail(message.reason);
      } else if (message.type === "reply") {
        pending.get(message.id)?.(message.response);
        pending.delete(message.id);
      }
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      fail("the part of the page that runs Python could not be loaded.");
    });
    worker.postMessage({
      type: "start",
      pyodideUrl: absolute(root.dataset.pyodideUrl),
      lockUrl: absolute(root.dataset.lockUrl),
    });
  });
  self.ready.catch(() => {
    if (scorer === self) scorer = null; // the next visit, or the retry button, starts afresh
  });
  self.onProgress = (listener) => progressListeners.add(listener);
  self.offProgress = (listener) => progressListeners.delete(listener);
  self.call = (request) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ type: "call", id, request });
    });
  return self;
}

function getScorer(root) {
  if (!scorer) scorer = createScorer(root);
  return scorer;
}

// ---------------------------------------------------------------- small DOM helpers

// Builds an element; children are nodes or strings (always inserted as text, never HTML).
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function svg(tag, attributes = {}, text = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

function number(value) {
  return value === null || value === undefined ? "–" : value.toFixed(1);
}

function signed(value) {
  if (value === null || value === undefined) return "–";
  return value > 0 ? `+${value.toFixed(1)}` : value.toFixed(1);
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

// ---------------------------------------------------------------- answers and storage

function questionsOf(form) {
  const questions = new Map();
  for (const fieldset of form.querySelectorAll("[data-fl-question]")) {
    const values = new Set([...fieldset.querySelectorAll("input[type=radio]")].map((input) => input.value));
    questions.set(fieldset.dataset.flQuestion, values);
  }
  return questions;
}

function readForm(v) {
  const answers = {};
  for (const id of v.questions.keys()) {
    const value = v.form.elements.namedItem(id)?.value;
    if (value) answers[id] = value;
  }
  return answers;
}

function writeForm(v, answers) {
  for (const input of v.form.querySelectorAll("input[type=radio]")) {
    input.checked = answers[input.name] === input.value;
  }
}

// Keeps the answers that still match a question and one of its options; counts the rest.
function validAnswers(v, candidate) {
  const answers = {};
  let dropped = 0;
  if (!candidate || typeof candidate !== "object" || Array.isArray(candidate)) return { answers, dropped: 1 };
  for (const [id, value] of Object.entries(candidate)) {
    if (typeof value === "string" && v.questions.get(id)?.has(value)) answers[id] = value;
    else dropped += 1;
  }
  return { answers, dropped };
}

function loadSaved(v) {
  let text;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    return { answers: {}, previous: null, message: "This browser does not let the page read saved answers." };
  }
  if (text === null) return { answers: {}, previous: null, message: null };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      answers: {},
      previous: null,
      message: "Your saved answers were damaged and could not be read, so the form starts empty.",
    };
  }
  if (!data || typeof data !== "object" || !("answers" in data)) {
    return {
      answers: {},
      previous: null,
      message: "Your saved answers were damaged and could not be read, so the form starts empty.",
    };
  }
  const { answers, dropped } = validAnswers(v, data.answers);
  const previous = data.previous ? validAnswers(v, data.previous).answers : null;
  const kept = Object.keys(answers).length;
  const message = dropped
    ? `Part of your saved answers was damaged or no longer matches the questions: ` +
      `${plural(dropped, "answer was", "answers were")} left out, and ` +
      `${plural(kept, "answer was", "answers were")} restored.`
    : null;
  return { answers, previous: previous && Object.keys(previous).length ? previous : null, message };
}

function save(v) {
  const data = { answers: v.answers };
  if (v.previous) data.previous = v.previous;
  try {
    if (!Object.keys(v.answers).length && !v.previous) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(data));
  } catch {
    if (!v.warnedStorage) {
      v.warnedStorage = true;
      notify(v, "This browser is not letting the page save your answers, so they will be lost when you close the page. Use Copy link to keep them.");
    }
  }
}

function sameAnswers(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

// ---------------------------------------------------------------- notices and progress

// The button offered whenever a link's answers stand in for the reader's own.
function restorePreviousAction(v) {
  return {
    label: "Restore my previous answers",
    run: () => {
      const restored = v.previous;
      v.previous = null;
      applyAnswers(v, restored);
      notify(v, "Your previous answers are back.");
    },
  };
}

function notify(v, text, action = null) {
  const box = v.parts.notice;
  v.parts.noticeText.textContent = text;
  const button = v.parts.noticeAction;
  button.hidden = !action;
  button.textContent = action ? action.label : "";
  v.noticeAction = action ? action.run : null;
  box.hidden = false;
}

function dismissNotice(v) {
  v.parts.notice.hidden = true;
  v.noticeAction = null;
}

function showProgress(v) {
  const answered = Object.keys(v.answers).length;
  const total = v.questions.size;
  v.parts.answeredText.textContent = `${answered} of ${total} answered`;
  v.parts.answeredMeter.value = answered;
  for (const part of v.root.querySelectorAll("[data-fl-part]")) {
    const ids = [...part.querySelectorAll("[data-fl-question]")].map((q) => q.dataset.flQuestion);
    const done = ids.filter((id) => id in v.answers).length;
    part.querySelector("[data-fl-part-count]").textContent = `(${done} of ${ids.length} answered)`;
  }
  for (const fieldset of v.form.querySelectorAll("[data-fl-question]")) {
    fieldset.classList.toggle("fl-question--answered", fieldset.dataset.flQuestion in v.answers);
  }
  drawPrintAnswers(v);
}

// The answers as a list for the print view, read from the form's own labels.
function drawPrintAnswers(v) {
  const list = el("dl", { class: "fl-print-answers__list" });
  for (const fieldset of v.form.querySelectorAll("[data-fl-question]")) {
    const checked = fieldset.querySelector("input:checked");
    const legend = fieldset.querySelector("legend").textContent.trim();
    const label = checked ? checked.closest("label").textContent.trim() : "Not answered";
    list.append(el("dt", {}, legend), el("dd", {}, label));
  }
  v.parts.printAnswers.replaceChildren(el("h3", {}, "Your answers"), list);
}

function setState(v, state) {
  v.root.dataset.scorerState = state;
}

function showStartup(v, progress) {
  const { progressBar, status } = v.parts;
  if (progress) {
    progressBar.value = progress.percent;
    status.textContent = progress.text;
  }
}

function showReady(v, version) {
  setState(v, "ready");
  v.parts.failure.hidden = true;
  v.parts.startup.classList.add("fl-startup--done");
  v.parts.progressBar.value = 100;
  v.parts.version.textContent = `Python ${version.python}, assessment ${version.package}`;
  v.parts.status.textContent = "Python is running in your browser: your answers are scored on this device.";
}

function showFailure(v, reason) {
  setState(v, "failed");
  v.parts.startup.hidden = true;
  v.parts.failure.hidden = false;
  const sentence = reason.charAt(0).toUpperCase() + reason.slice(1);
  v.parts.failureReason.textContent = `What happened: ${sentence}`;
  v.parts.barSummary.replaceChildren(
    "Python could not start, so there is no result yet; your answers are kept. ",
    el("a", { href: "#fl-failure-title" }, "What happened"),
  );
  v.parts.results.dataset.flState = "failed";
  v.parts.empty.textContent = "There is no result because Python could not start in your browser (see the message at the top). Your answers are saved; the printable worksheet gives the same result on paper.";
}

// ---------------------------------------------------------------- starting and scoring

function start(v) {
  const current = getScorer(v.root);
  setState(v, "loading");
  v.parts.startup.hidden = false;
  v.parts.startup.classList.remove("fl-startup--done");
  v.parts.failure.hidden = true;
  showStartup(v, current.progress);
  const listener = (progress) => {
    if (view === v) showStartup(v, progress);
  };
  current.onProgress(listener);
  current.ready.then(
    (version) => {
      current.offProgress(listener);
      if (view !== v) return;
      showReady(v, version);
      rescore(v);
      handleFragment(v);
    },
    (error) => {
      current.offProgress(listener);
      if (view !== v) return;
      showFailure(v, error.message);
      if (fragmentRequest()) {
        notify(v, "The link you opened carries answers, which can be read only once Python has started. Press Try again, or reload the page later.");
      }
    },
  );
}

// Asks Python for the result of the current answers; only the latest request is drawn.
function rescore(v) {
  const current = scorer;
  v.parts.results.setAttribute("aria-busy", "true");
  v.parts.results.dataset.flState = "stale";
  if (!current || current.state !== "ready") {
    v.parts.results.dataset.flState = current?.state === "failed" || !current ? "failed" : "waiting";
    if (current?.state === "loading") {
      v.parts.barSummary.textContent = "Your result appears as soon as Python is ready.";
    }
    v.parts.results.removeAttribute("aria-busy");
    return Promise.resolve();
  }
  const sequence = ++v.sequence;
  const answers = { ...v.answers };
  v.scoring = current.call({ op: "score", answers }).then((response) => {
    if (view !== v || sequence !== v.sequence) return;
    v.parts.results.removeAttribute("aria-busy");
    if (!response.ok) {
      v.result = null;
      v.code = null;
      v.parts.results.dataset.flState = "error";
      v.parts.body.hidden = true;
      v.parts.empty.hidden = false;
      v.parts.empty.textContent = `The result could not be worked out: ${response.error.message}`;
      return;
    }
    v.result = response.result;
    v.code = response.code;
    drawResult(v, response.result);
    v.parts.results.dataset.flState = "current";
  });
  return v.scoring;
}

function answersChanged(v) {
  v.answers = readForm(v);
  save(v);
  showProgress(v);
  rescore(v);
}

// ---------------------------------------------------------------- links in the URL fragment

function fragmentRequest() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.has("code")) return { kind: "code", value: params.get("code") };
  if (params.has("scenario")) return { kind: "scenario", value: params.get("scenario") };
  return null;
}

function forgetFragment() {
  history.replaceState(history.state, "", location.pathname + location.search);
}

// A share or scenario link fills in the form. The link wins, but answers already given are
// never lost: they are kept (in memory and in storage) and a notice offers them back.
async function handleFragment(v) {
  const request = fragmentRequest();
  if (!request) return;
  const current = scorer;
  if (!current || current.state !== "ready") return; // start() calls this again when ready
  const response = await current.call(
    request.kind === "code" ? { op: "decode", code: request.value } : { op: "scenario", id: request.value },
  );
  if (view !== v) return;
  forgetFragment();
  if (!response.ok) {
    const what = request.kind === "code" ? "This share link could not be read" : "This example link could not be opened";
    notify(v, `${what}: ${response.error.message} Your own answers are unchanged.`);
    return;
  }
  const { answers } = validAnswers(v, response.answers);
  const source = request.kind === "code" ? "the share link you opened" : `the example “${response.title}”`;
  const before = v.answers;
  if (Object.keys(before).length && !sameAnswers(before, answers)) {
    v.previous = before;
    applyAnswers(v, answers);
    notify(v, `The form now shows the answers from ${source}. Your previous answers (${plural(Object.keys(before).length, "answer", "answers")}) are kept.`, restorePreviousAction(v));
  } else {
    applyAnswers(v, answers);
    notify(v, `The form now shows the answers from ${source}.`);
  }
}

function applyAnswers(v, answers) {
  writeForm(v, answers);
  answersChanged(v);
}

// ---------------------------------------------------------------- drawing the result

function siteLink(v, link, text) {
  if (!link) return null;
  const url = new URL(link.href, v.siteRoot);
  if (url.origin !== location.origin) return null; // results only ever link into the site
  return el("a", { href: url.href }, text);
}

function section(title, key, ...children) {
  return el("section", { class: `fl-panel fl-panel--${key}`, "data-fl-section": key }, el("h3", {}, title), ...children);
}

function drawBalanceScale(balance) {
  // The balance runs from -100 (they hold all the leverage) to +100 (you do).
  const position = balance === null ? 50 : (balance + 100) / 2;
  const chart = svg("svg", { class: "fl-scale", width: "100%", height: 44, role: "img", "aria-label": balance === null ? "Balance scale: no balance yet." : `Balance scale from −100 (they hold all the leverage) to +100 (you do): ${signed(balance)}.` });
  chart.append(
    svg("rect", { x: 0, y: 10, width: "100%", height: 8, rx: 4, class: "fl-scale__track" }),
    svg("line", { x1: "50%", x2: "50%", y1: 4, y2: 24, class: "fl-scale__middle" }),
    svg("text", { x: 0, y: 38, class: "fl-scale__end" }, "They are stronger"),
    svg("text", { x: "100%", y: 38, "text-anchor": "end", class: "fl-scale__end" }, "You are stronger"),
  );
  if (balance !== null) {
    chart.append(svg("circle", { cx: `${position}%`, cy: 14, r: 8, class: "fl-scale__marker" }));
  }
  return chart;
}

function drawSummary(v, result) {
  const { leverage, ethics, completeness } = result;
  const balance = leverage.balance.value;
  const flags = ethics.red_flags.length;
  return el(
    "div",
    { class: "fl-summary" },
    el(
      "div",
      { class: "fl-card fl-card--balance" },
      el("p", { class: "fl-card__label" }, "Leverage balance (you against them)"),
      el("p", { class: "fl-card__value", "data-fl-value": "balance" }, signed(balance)),
      el("p", { class: "fl-card__band", "data-fl-value": "band" }, leverage.band ? leverage.band.label : "No verdict yet"),
      drawBalanceScale(balance),
      el("p", { class: "fl-card__verdict" }, leverage.verdict),
      el(
        "p",
        { class: "fl-card__indexes" },
        "Your leverage: ",
        el("strong", { "data-fl-value": "you-index" }, number(leverage.you.index)),
        " · Their leverage: ",
        el("strong", { "data-fl-value": "them-index" }, number(leverage.them.index)),
        " (0 to 100)",
      ),
    ),
    el(
      "div",
      { class: `fl-card fl-card--ethics${flags ? " fl-card--flagged" : ""}` },
      el("p", { class: "fl-card__label" }, "Ethics of your plan (100 is fair)"),
      el("p", { class: "fl-card__value", "data-fl-value": "ethics" }, number(ethics.score)),
      el("p", { class: "fl-card__band", "data-fl-value": "ethics-band" }, ethics.band ? ethics.band.label : "No verdict yet"),
      flags ? el("p", { class: "fl-flag-count" }, el("span", { class: "fl-flag-icon", "aria-hidden": "true" }, "⚠"), " ", el("a", { href: "#fl-red-flags" }, plural(flags, "red flag", "red flags")), " in your plan") : null,
      el("p", { class: "fl-card__verdict" }, ethics.verdict),
    ),
    el("p", { class: "fl-summary__basis" }, `Based on ${completeness.answered} of ${completeness.total} answers. Unanswered questions do not count for or against you.`),
  );
}

function drawWhatIf(v, result) {
  const items = result.what_if;
  if (!items.length) {
    return section(
      "What would help most",
      "what-if",
      el("p", {}, result.leverage.balance.value === null ? "Answer the questions about your position to see what would help most." : "Nothing you can act on would raise your balance further among the questions you have answered."),
    );
  }
  return section(
    "What would help most",
    "what-if",
    el("p", {}, "Each suggestion moves one of your answers one step your way; Python re-scored your answers to measure the gain."),
    el(
      "ol",
      { class: "fl-what-if" },
      items.map((item) =>
        el(
          "li",
          { "data-fl-what-if": item.question },
          el("strong", {}, item.action ?? item.text),
          el("span", { class: "fl-what-if__gain" }, ` Balance ${signed(item.balance_gain)}, to ${signed(item.new_balance)}.`),
          el("br"),
          el("span", { class: "fl-what-if__answer" }, `From “${item.from.label}” to “${item.to.label}”. `),
          siteLink(v, item.link, `Read about ${item.dimension_title.toLowerCase()}`),
        ),
      ),
    ),
  );
}

const BAR = { top: 22, height: 14, gap: 4, row: 64 };

function drawBars(result) {
  const dimensions = result.leverage.dimensions;
  const height = 28 + dimensions.length * BAR.row;
  const chart = svg("svg", { class: "fl-bars", width: "100%", height, role: "img", "aria-label": "Bar chart of your leverage and theirs in each dimension, 0 to 100. The same numbers are in the table below." });
  const defs = svg("defs");
  const pattern = svg("pattern", { id: "fl-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  pattern.append(svg("rect", { width: 6, height: 6, class: "fl-bars__them-bg" }), svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "fl-bars__hatch" }));
  defs.append(pattern);
  chart.append(defs);
  // Legend: the two sides differ by pattern and by their written label, not by colour alone.
  chart.append(
    svg("rect", { x: 0, y: 4, width: 14, height: 14, class: "fl-bars__you" }),
    svg("text", { x: 20, y: 15, class: "fl-bars__legend" }, "You"),
    svg("rect", { x: 64, y: 4, width: 14, height: 14, fill: "url(#fl-hatch)", class: "fl-bars__them" }),
    svg("text", { x: 84, y: 15, class: "fl-bars__legend" }, "Them"),
  );
  dimensions.forEach((dimension, index) => {
    const y = 28 + index * BAR.row;
    const row = svg("g", { "data-fl-bar": dimension.id });
    row.append(svg("text", { x: 0, y: y + 14, class: "fl-bars__title" }, dimension.title));
    const sides = [
      ["you", "You", dimension.you],
      ["them", "Them", dimension.them],
    ];
    sides.forEach(([side, name, score], sideIndex) => {
      const barY = y + BAR.top + sideIndex * (BAR.height + BAR.gap);
      // Bars live in a nested viewport 78% wide, so the value text always fits on the right.
      const area = svg("svg", { x: 0, y: barY, width: "78%", height: BAR.height });
      area.append(svg("rect", { x: 0, y: 0, width: "100%", height: BAR.height, class: "fl-bars__track" }));
      if (score && score.score !== null) {
        const attributes = { x: 0, y: 0, width: `${score.score}%`, height: BAR.height, class: `fl-bars__${side}` };
        if (side === "them") attributes.fill = "url(#fl-hatch)";
        area.append(svg("rect", attributes));
      }
      row.append(area);
      const text = !score ? `${name}: not asked` : score.score === null ? `${name}: –` : `${name} ${number(score.score)}`;
      row.append(svg("text", { x: "100%", y: barY + BAR.height - 3, "text-anchor": "end", class: "fl-bars__value", "data-fl-side": side }, text));
    });
    chart.append(row);
  });
  return chart;
}

function scoreCell(score) {
  if (!score) return el("td", { class: "fl-num" }, "not asked");
  if (score.score === null) return el("td", { class: "fl-num" }, `– (0 of ${score.total})`);
  return el("td", { class: "fl-num" }, el("span", { "data-fl-score": "" }, number(score.score)), ` (${score.answered} of ${score.total})`);
}

function drawLeverage(v, result) {
  const rows = result.leverage.dimensions.map((dimension) =>
    el("tr", { "data-fl-dimension-row": dimension.id }, el("th", { scope: "row" }, dimension.title), scoreCell(dimension.you), scoreCell(dimension.them)),
  );
  const table = el(
    "table",
    { class: "fl-table" },
    el("caption", {}, "Leverage in each dimension, 0 to 100 (questions answered in brackets)"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Dimension"), el("th", { scope: "col" }, "You"), el("th", { scope: "col" }, "Them"))),
    el("tbody", {}, rows),
  );
  return section(
    "Where the leverage lies",
    "leverage",
    drawBars(result),
    el("details", { class: "fl-details", "data-fl-key": "leverage-table" }, el("summary", {}, "The same numbers as a table"), table),
  );
}

function drawEthics(v, result) {
  const { ethics } = result;
  const parts = [];
  if (ethics.red_flags.length) {
    parts.push(
      el("h4", { id: "fl-red-flags" }, el("span", { class: "fl-flag-icon", "aria-hidden": "true" }, "⚠ "), "Red flags: where your plan crosses the line"),
      el(
        "ul",
        { class: "fl-red-flags" },
        ethics.red_flags.map((flag) =>
          el(
            "li",
            { class: "fl-red-flag", "data-fl-red-flag": flag.question },
            el("p", {}, el("strong", {}, "Red flag: "), `${flag.dimension_title}. You answered “${flag.label}”.`),
            el("p", {}, el("strong", {}, "The fair alternative: "), flag.fair_alternative),
            el("p", {}, siteLink(v, flag.link, `Read about ${flag.dimension_title.toLowerCase()}`)),
          ),
        ),
      ),
    );
  }
  if (ethics.cap) {
    parts.push(el("p", {}, `Because of the red ${ethics.red_flags.length === 1 ? "flag" : "flags"}, your ethics score is held at ${ethics.cap.limit} at most (${signed(ethics.cap.change)}), however fair the rest of the plan is.`));
  }
  const rows = ethics.dimensions.map((dimension) =>
    el("tr", { "data-fl-ethics-row": dimension.id }, el("th", { scope: "row" }, dimension.title), el("td", { class: "fl-num" }, dimension.score === null ? "–" : el("span", { "data-fl-score": "" }, number(dimension.score)), ` (${dimension.answered} of ${dimension.total})`)),
  );
  parts.push(
    el(
      "details",
      { class: "fl-details", "data-fl-key": "ethics-table" },
      el("summary", {}, "Ethics in each part of your plan"),
      el(
        "table",
        { class: "fl-table" },
        el("caption", {}, "Fairness of each part of your plan, 0 to 100 (100 is fair; questions answered in brackets)"),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Part of your plan"), el("th", { scope: "col" }, "Score"))),
        el("tbody", {}, rows),
      ),
    ),
  );
  if (!ethics.red_flags.length && ethics.score !== null) {
    parts.unshift(el("p", {}, "No answer in your plan is a red flag."));
  }
  return section("The ethics of your plan", "ethics", ...parts);
}

function movedList(v, moves, unit) {
  const moving = moves.filter((move) => move.change !== 0);
  const still = moves.length - moving.length;
  const sorted = [...moving].sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  const list = el(
    "ul",
    { class: "fl-moves" },
    sorted.map((move) =>
      el(
        "li",
        { "data-fl-move": move.question },
        el("span", { class: `fl-move__change fl-move__change--${move.change > 0 ? "up" : "down"}` }, `${signed(move.change)} ${unit}`),
        " ",
        el("span", {}, `${move.text} You answered “${move.label}”. `),
        siteLink(v, move.link, "Why this counts"),
      ),
    ),
  );
  return [
    moving.length ? list : el("p", {}, "No answer has moved it yet."),
    still ? el("p", { class: "fl-moves__still" }, `${plural(still, "other answer sits", "other answers sit")} at the middle of the scale and did not move it.`) : null,
  ];
}

function shareList(items) {
  return items.map((item) => `${item.title} (${signed(item.change)})`).join(", ");
}

function drawWhy(v, result) {
  const { leverage, ethics } = result;
  const children = [];
  if (leverage.balance.value !== null) {
    if (leverage.carried_by.length) children.push(el("p", {}, el("strong", {}, "Carried by: "), shareList(leverage.carried_by)));
    if (leverage.held_back_by.length) children.push(el("p", {}, el("strong", {}, "Held back by: "), shareList(leverage.held_back_by)));
    children.push(
      el(
        "details",
        { class: "fl-details", "data-fl-key": "why-balance" },
        el("summary", {}, `Answers that moved your balance (${signed(leverage.balance.value)})`),
        el("p", {}, "Points of balance each answer added or took away. An answer about them that favours them counts against you."),
        ...movedList(v, leverage.balance.moved_by, "points"),
      ),
    );
    for (const dimension of leverage.dimensions) {
      const sides = [["Your", dimension.you], ["Their", dimension.them]].filter(([, score]) => score && score.score !== null);
      if (!sides.length) continue;
      children.push(
        el(
          "details",
          { class: "fl-details", "data-fl-key": `why-${dimension.id}` },
          el("summary", {}, `${dimension.title}: ${sides.map(([name, score]) => `${name.toLowerCase() === "your" ? "you" : "them"} ${number(score.score)}`).join(", ")}`),
          el("p", {}, dimension.summary),
          ...sides.flatMap(([name, score]) => [el("h5", {}, `${name} score, ${number(score.score)}: points each answer moved it from the middle of the scale`), ...movedList(v, score.moved_by, "points")]),
        ),
      );
    }
  }
  if (ethics.score !== null) {
    children.push(
      el(
        "details",
        { class: "fl-details", "data-fl-key": "why-ethics" },
        el("summary", {}, `Answers that moved your ethics score (${number(ethics.score)})`),
        el("p", {}, "Points each answer took off a fully fair plan (100)."),
        ...movedList(v, ethics.moved_by, "points"),
      ),
    );
  }
  if (!children.length) children.push(el("p", {}, "Answer a question to see which answers move each number."));
  return section("Why this score", "why", ...children);
}

function drawReadNext(v, result) {
  if (!result.read_next.length) return null;
  return section(
    "Read next",
    "read-next",
    el(
      "ul",
      { class: "fl-read-next" },
      result.read_next.map((reading) => el("li", {}, siteLink(v, reading.link, reading.title), ` ${READ_NEXT_REASONS[reading.reason] ?? ""}`)),
    ),
  );
}

function drawResult(v, result) {
  const { body, empty } = v.parts;
  const answered = result.completeness.answered;
  if (!answered) {
    body.hidden = true;
    body.replaceChildren();
    empty.hidden = false;
    empty.textContent = "Answer a question to see your result. It updates as you answer, and every number says which answers moved it.";
    v.parts.barSummary.textContent = "Answer a question to see your result.";
    announce(v, "No answers: the result is empty.");
    return;
  }
  // Redrawing replaces the panel, so remember which explanations the reader had open.
  const open = new Set([...body.querySelectorAll("details[open]")].map((node) => node.dataset.flKey));
  body.replaceChildren(
    drawSummary(v, result),
    drawWhatIf(v, result),
    drawLeverage(v, result),
    drawEthics(v, result),
    drawWhy(v, result),
    drawReadNext(v, result) ?? "",
  );
  for (const details of body.querySelectorAll("details[data-fl-key]")) {
    if (open.has(details.dataset.flKey)) details.open = true;
  }
  body.hidden = false;
  empty.hidden = true;
  const { leverage, ethics } = result;
  const balanceText = leverage.band ? `Balance ${signed(leverage.balance.value)}: ${leverage.band.label}.` : "No balance yet.";
  const ethicsText = ethics.band ? `Ethics ${number(ethics.score)}: ${ethics.band.label}.` : "Ethics not rated yet.";
  const flags = ethics.red_flags.length ? ` ${plural(ethics.red_flags.length, "red flag", "red flags")}.` : "";
  v.parts.barSummary.replaceChildren(
    el("a", { href: "#fl-results-title" }, leverage.band ? `Balance ${signed(leverage.balance.value)}` : "Your result"),
    leverage.band ? el("span", { class: "fl-bar__band" }, ` (${leverage.band.label})`) : "",
    ethics.band ? ` · Ethics ${number(ethics.score)}` : "",
    ethics.red_flags.length ? ` · ⚠ ${plural(ethics.red_flags.length, "red flag", "red flags")}` : "",
  );
  announce(v, `${balanceText} ${ethicsText}${flags} ${answered} of ${result.completeness.total} answered.`);
}

// Screen readers hear a short summary once the reader pauses, not every redraw.
function announce(v, text) {
  clearTimeout(v.announceTimer);
  v.announceTimer = setTimeout(() => {
    if (view === v) v.parts.announce.textContent = text;
  }, ANNOUNCE_DELAY_MS);
}

// ---------------------------------------------------------------- keeping the result

async function copyLink(v) {
  await v.scoring;
  const status = v.parts.keepStatus;
  if (!v.code) {
    status.textContent = "The share link is made by Python, which has not started yet. Try again once your result shows.";
    return;
  }
  // Built from origin and path only: campaign parameters (?utm_source=…) are never copied.
  const url = `${location.origin}${location.pathname}#code=${v.code}`;
  v.parts.shareLink.value = url;
  v.parts.share.hidden = false;
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = "Link copied. Anyone who opens it sees your answers and result.";
  } catch {
    status.textContent = "Your browser did not let the page copy. Select the link below and copy it.";
  }
  v.parts.shareLink.select();
}

async function download(v) {
  await v.scoring;
  const status = v.parts.keepStatus;
  if (!v.result) {
    status.textContent = "The result is made by Python, which has not started yet. Try again once your result shows.";
    return;
  }
  const blob = new Blob([`${JSON.stringify(v.result, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: "fair-leverage-result.json", hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  status.textContent = "Your result was downloaded as fair-leverage-result.json.";
}

function clearAnswers(v) {
  const cleared = v.answers;
  v.previous = null;
  writeForm(v, {});
  answersChanged(v);
  if (Object.keys(cleared).length) {
    notify(v, "Your answers were cleared from the form and from this browser.", {
      label: "Undo",
      run: () => {
        applyAnswers(v, cleared);
        notify(v, "Your answers are back.");
      },
    });
  }
}

// ---------------------------------------------------------------- mounting on a page

function mount(root) {
  const part = (name) => root.querySelector(`[data-fl-${name}]`);
  const v = {
    root,
    form: part("form"),
    siteRoot: new URL(root.dataset.siteRoot || "./", location.href),
    sequence: 0,
    scoring: Promise.resolve(),
    result: null,
    code: null,
    previous: null,
    parts: {
      startup: part("startup"),
      progressBar: part("progress"),
      status: part("status"),
      version: part("python-version"),
      failure: part("failure"),
      failureReason: part("failure-reason"),
      notice: part("notice"),
      noticeText: part("notice-text"),
      noticeAction: part("notice-action"),
      answeredText: part("answered-text"),
      answeredMeter: part("answered-meter"),
      barSummary: part("bar-summary"),
      results: part("results"),
      body: part("results-body"),
      empty: part("results-empty"),
      announce: part("announce"),
      printAnswers: part("print-answers"),
      keepStatus: part("keep-status"),
      share: part("share"),
      shareLink: part("share-link"),
    },
  };
  v.questions = questionsOf(v.form);
  view = v;

  const saved = loadSaved(v);
  // Answers ticked before this script ran (it can arrive late on a slow line) win over the
  // saved copy: nothing the reader did is undone.
  const early = readForm(v);
  v.answers = { ...saved.answers, ...early };
  v.previous = saved.previous;
  writeForm(v, v.answers);
  showProgress(v);
  if (saved.message || Object.keys(early).length) save(v); // also replaces a damaged copy
  if (saved.message) notify(v, saved.message);
  if (v.previous) {
    notify(v, "You opened a link that replaced your earlier answers; those are still kept.", restorePreviousAction(v));
  }

  v.form.addEventListener("change", () => answersChanged(v));
  v.form.addEventListener("submit", (event) => event.preventDefault());
  part("retry").addEventListener("click", () => {
    start(v);
    v.parts.status.focus();
    rescore(v);
  });
  part("notice-action").addEventListener("click", () => v.noticeAction?.());
  part("notice-dismiss").addEventListener("click", () => dismissNotice(v));
  part("clear").addEventListener("click", () => clearAnswers(v));
  part("copy").addEventListener("click", () => copyLink(v));
  part("download").addEventListener("click", () => download(v));
  part("print").addEventListener("click", () => window.print());
  v.parts.status.tabIndex = -1;

  start(v);
  rescore(v);
}

function onPage() {
  const root = document.getElementById("fl-assessment");
  if (!root) {
    view = null;
    return;
  }
  if (view?.root !== root) mount(root);
}

// Printing shows every explanation: open the closed ones for the print, then close them again.
let openedForPrint = [];
window.addEventListener("beforeprint", () => {
  if (!view?.root.isConnected) return;
  openedForPrint = [...view.root.querySelectorAll(".fl-results details:not([open])")];
  openedForPrint.forEach((details) => (details.open = true));
});
window.addEventListener("afterprint", () => {
  openedForPrint.forEach((details) => (details.open = false));
  openedForPrint = [];
});

// A share or example link opened while the page is already showing.
window.addEventListener("hashchange", () => {
  if (view?.root.isConnected && scorer?.state === "ready") handleFragment(view);
});

if (window.document$) {
  window.document$.subscribe(onPage);
} else {
  onPage();
}

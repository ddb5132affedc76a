// @ts-check
// What a page knows from the build: where Python starts and its time limits (every page that
// runs Python: build_scripts/templates/_python_page.html.j2), and, on the assessment, the
// storage key and the question bank's version and kind question. The build writes them as data
// attributes on the page's root element (build_scripts/fragments.py), once; a missing one is a
// broken build, and the page says so instead of guessing.

/** @typedef {import("../scorer/protocol.mjs").StartUrls} StartUrls */

/**
 * What every page that runs Python needs to start it.
 * @typedef {object} StartConfig
 * @property {URL} siteRoot the site's root, for links into the site
 * @property {string} workerUrl the scoring worker's module
 * @property {StartUrls} start where the worker finds Python
 * @property {number} startLimitMs how long Python may take to start
 * @property {number} callLimitMs how long one call to Python may take
 */

/**
 * The assessment page's facts: the start-up ones and those of its answers.
 * @typedef {StartConfig & AnswerConfig} PageConfig
 */

/**
 * @typedef {object} AnswerConfig
 * @property {string} storageKey where the answers are kept in localStorage
 * @property {string} bankVersion the question bank's version, stored with the answers
 * @property {string} kindQuestion the question whose answer chooses the wording by kind
 */

/** @param {HTMLElement} root @param {string} name camelCase, as in `dataset` */
function text(root, name) {
  const value = root.dataset[name];
  if (!value) throw new Error(`The page has no data-${name} on #${root.id}: the build is broken.`);
  return value;
}

/** @param {HTMLElement} root @param {string} name */
function url(root, name) {
  return new URL(text(root, name), location.href).href;
}

/** @param {HTMLElement} root @param {string} name */
function milliseconds(root, name) {
  const value = Number(text(root, name));
  if (!(value > 0)) throw new Error(`The page's data-${name} is not a time: the build is broken.`);
  return value;
}

/** @param {HTMLElement} root @param {string} name */
function bytes(root, name) {
  const value = Number(text(root, name));
  if (!(value > 0)) throw new Error(`The page's data-${name} is not a size: the build is broken.`);
  return value;
}

/** @param {HTMLElement} root @returns {StartConfig} */
export function readStartConfig(root) {
  return {
    siteRoot: new URL(text(root, "siteRoot"), location.href),
    workerUrl: url(root, "workerUrl"),
    start: {
      pyodideUrl: url(root, "pyodideUrl"),
      lockUrl: url(root, "lockUrl"),
      archiveUrl: url(root, "archiveUrl"),
      snapshotUrl: url(root, "snapshotUrl"),
      snapshotStore: text(root, "snapshotStore"),
      snapshotLimitBytes: bytes(root, "snapshotLimitBytes"),
    },
    startLimitMs: milliseconds(root, "startLimitMs"),
    callLimitMs: milliseconds(root, "callLimitMs"),
  };
}

/** @param {HTMLElement} root @returns {string} where the assessment's answers are kept */
export function readStorageKey(root) {
  return text(root, "storageKey");
}

/** @param {HTMLElement} root @returns {string} the folder of the scenarios' prepared results */
export function readPreparedUrl(root) {
  return url(root, "preparedUrl");
}

/** @param {HTMLElement} root @returns {PageConfig} */
export function readConfig(root) {
  return {
    ...readStartConfig(root),
    storageKey: readStorageKey(root),
    bankVersion: text(root, "bankVersion"),
    kindQuestion: text(root, "kindQuestion"),
  };
}

// @ts-check
// What the page knows from the build: URLs, time limits, the storage key and the question
// bank's version, read from the data attributes that build_scripts/fragments.py writes on the
// assessment's root element. They are stated there once; a missing one is a broken build, and
// the page says so instead of guessing.

/** @typedef {import("../scorer/protocol.mjs").StartUrls} StartUrls */

/**
 * @typedef {object} PageConfig
 * @property {URL} siteRoot the site's root, for links into the site
 * @property {string} workerUrl the scoring worker's module
 * @property {StartUrls} start where the worker finds Python
 * @property {number} startLimitMs how long Python may take to start
 * @property {number} callLimitMs how long one call to Python may take
 * @property {string} storageKey where the answers are kept in localStorage
 * @property {string} bankVersion the question bank's version, stored with the answers
 * @property {string} kindQuestion the question whose answer chooses the wording by kind
 */

/** @param {HTMLElement} root @param {string} name camelCase, as in `dataset` */
function text(root, name) {
  const value = root.dataset[name];
  if (!value) throw new Error(`The assessment page has no data-${name} on #${root.id}: the build is broken.`);
  return value;
}

/** @param {HTMLElement} root @param {string} name */
function url(root, name) {
  return new URL(text(root, name), location.href).href;
}

/** @param {HTMLElement} root @param {string} name */
function milliseconds(root, name) {
  const value = Number(text(root, name));
  if (!(value > 0)) throw new Error(`The assessment page's data-${name} is not a time: the build is broken.`);
  return value;
}

/** @param {HTMLElement} root @returns {PageConfig} */
export function readConfig(root) {
  return {
    siteRoot: new URL(text(root, "siteRoot"), location.href),
    workerUrl: url(root, "workerUrl"),
    start: {
      pyodideUrl: url(root, "pyodideUrl"),
      lockUrl: url(root, "lockUrl"),
      archiveUrl: url(root, "archiveUrl"),
      snapshotUrl: url(root, "snapshotUrl"),
    },
    startLimitMs: milliseconds(root, "startLimitMs"),
    callLimitMs: milliseconds(root, "callLimitMs"),
    storageKey: text(root, "storageKey"),
    bankVersion: text(root, "bankVersion"),
    kindQuestion: text(root, "kindQuestion"),
  };
}

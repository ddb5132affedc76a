// @ts-check
// Where the worker finds the memory snapshot, fastest first: the copy kept in Cache Storage on an
// earlier visit, the browser's HTTP cache, or a download that arrives fast enough to pay for its
// 5 MB. It also keeps a copy for the next visit when the page asks (next-visit.mjs says when),
// and forgets a kept copy that turned out damaged. One copy at most: the current version's.
import { isSnapshotFile, openSnapshotFile } from "./snapshot-file.mjs";

/** @typedef {import("./protocol.mjs").SnapshotFrom} SnapshotFrom */
/** @typedef {import("./protocol.mjs").KeepOutcome} KeepOutcome */
/** @typedef {import("./snapshot-file.mjs").SnapshotFile} SnapshotFile */
/** @typedef {{file: SnapshotFile, from: SnapshotFrom}} FoundSnapshot */

// On the benchmark's machine the snapshot saves about 0.6 s of start-up work over the
// precompiled archive, so a download pays only when it arrives within about that: above
// roughly 80 Mbit/s. Every PROBE_MS, project the whole download from what has arrived, and give
// up on it when it will not fit.
const PROBE_MS = 100;
const SNAPSHOT_BUDGET_MS = 600;

/** The Cache Storage holding the kept copy, or null where the browser offers none (plain http). */
/** @param {string} store */
async function openStore(store) {
  try {
    return "caches" in self ? await caches.open(store) : null;
  } catch {
    return null; // storage switched off, or a private window that refuses it
  }
}

/** @typedef {Response & {body: ReadableStream<Uint8Array<ArrayBuffer>>}} Answer a response with a body */

/** @param {Response | null | undefined} response @returns {response is Answer} */
function usable(response) {
  return Boolean(response?.ok && response.body);
}

// A copy in the HTTP cache costs no download: the request never goes to the network.
/** @param {string} url */
async function fromHttpCache(url) {
  try {
    const response = await fetch(url, { cache: "only-if-cached", mode: "same-origin" });
    return usable(response) ? response : null;
  } catch {
    return null;
  }
}

/** @param {ReadableStream<Uint8Array<ArrayBuffer>>} body @param {SnapshotFrom} from */
async function opened(body, from) {
  try {
    return { file: await openSnapshotFile(body), from };
  } catch {
    return null;
  }
}

// Downloads the snapshot while judging the line, inflating as it arrives: null as soon as the
// download will clearly not fit the budget (and it is stopped), or when it is missing or damaged.
/** @param {string} url @returns {Promise<FoundSnapshot | null>} */
async function downloaded(url) {
  const controller = new AbortController();
  const started = performance.now();
  let received = 0;
  let total = 0;
  const judge = () => {
    const elapsed = performance.now() - started;
    // Nothing at all after a few probes means a long round trip: a slow line.
    const projected = received
      ? total
        ? (elapsed * total) / received
        : Infinity
      : elapsed < 4 * PROBE_MS
        ? 0
        : Infinity;
    if (projected > SNAPSHOT_BUDGET_MS) controller.abort();
  };
  const timer = setInterval(judge, PROBE_MS);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!usable(response)) return null;
    // Content-Length is the size on the wire; a host that compresses on the fly sends none,
    // and then only an answer already complete within the budget is used.
    total = Number(response.headers.get("Content-Length")) || 0;
    const counted = response.body.pipeThrough(
      /** @type {TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>} */ (
        new TransformStream({
          transform(chunk, stream) {
            received += chunk.length;
            stream.enqueue(chunk);
          },
        })
      ),
    );
    const found = await opened(counted, "network");
    return found && (await found.file.complete) ? found : null;
  } catch {
    return null; // aborted as too slow, or missing
  } finally {
    clearInterval(timer);
  }
}

/**
 * The snapshot, fastest source first; null when none can be had in time. A kept or cached copy
 * is returned as soon as its header is read (its memory fills in the background); a download,
 * once it is complete, and only if `download` (never on Save-Data or a metered line).
 * @param {string} url @param {string} store @param {boolean} download
 * @returns {Promise<FoundSnapshot | null>}
 */
export async function findSnapshot(url, store, download) {
  const cache = await openStore(store);
  const kept = await cache?.match(url).catch(() => undefined);
  if (usable(kept)) {
    const found = await opened(kept.body, "stored");
    if (found) return found;
    await forgetSnapshot(url, store);
  }
  const cached = await fromHttpCache(url);
  return (usable(cached) && (await opened(cached.body, "cache"))) || (download ? downloaded(url) : null);
}

/** Removes the kept copy (it was damaged). @param {string} url @param {string} store */
export async function forgetSnapshot(url, store) {
  await (await openStore(store))?.delete(url).catch(() => false);
}

/** Whether `bytes` more fit in the site's storage, leaving as much again free. @param {number} bytes */
async function roomFor(bytes) {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  if (!estimate?.quota) return true; // the browser does not say: its own limits apply
  return estimate.quota - (estimate.usage ?? 0) >= 2 * bytes;
}

/**
 * Keeps a copy of the snapshot in Cache Storage for the next visit, in place of any other
 * version's: from the HTTP cache when it is there, else downloaded at low priority if `network`.
 * @param {string} url @param {string} store
 * @param {number} limit the largest copy kept, in bytes
 * @param {boolean} network whether it may be downloaded (the page says no on Save-Data and the like)
 * @returns {Promise<KeepOutcome>}
 */
export async function keepSnapshot(url, store, limit, network) {
  const cache = await openStore(store);
  if (!cache) return "unavailable";
  try {
    const others = (await cache.keys()).filter((request) => request.url !== url);
    if (await cache.match(url)) {
      await Promise.all(others.map((request) => cache.delete(request)));
      return "kept";
    }
    const response = (await fromHttpCache(url)) ?? (network ? await fetch(url, { priority: "low" }) : null);
    if (!response) return "skipped";
    if (!response.ok) return "failed";
    if (Number(response.headers.get("Content-Length")) > limit) {
      await response.body?.cancel();
      return "too-large";
    }
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength > limit) return "too-large";
    if (!(await isSnapshotFile(new Blob([bytes]).stream()))) return "failed";
    // Older versions' copies go first: one copy at most, and room for this one.
    await Promise.all(others.map((request) => cache.delete(request)));
    if (!(await roomFor(bytes.byteLength))) return "no-room";
    await cache.put(url, new Response(bytes, { headers: { "Content-Type": "application/gzip" } }));
    return "stored";
  } catch {
    return "failed";
  }
}

// @ts-check
// Reads the snapshot file (its layout: build_scripts/snapshot_file.py) as it arrives: the header
// first, which gives the memory snapshot's size, then each piece straight into a zeroed buffer of
// that size. The worker hands the buffer to Pyodide at once and lets it wait for the pieces only
// when it restores, so inflating overlaps with compiling Python's WebAssembly.

const MAGIC = [0x46, 0x4c, 0x53, 0x31]; // "FLS1": the layout's name and version
const HEADER_BYTES = 12;
const PIECE_BYTES = 8;
// WebAssembly's 32-bit memory cannot be larger; a bigger size means a damaged file.
const MAX_SIZE = 2 ** 32 - 2 ** 16;

/**
 * @typedef {object} SnapshotFile
 * @property {Uint8Array<ArrayBuffer>} memory the memory snapshot, filled as the file arrives
 * @property {Promise<boolean>} complete whether every piece arrived intact; when not, the memory's
 *   first bytes are zeroed, so Pyodide refuses the snapshot instead of starting from a part of it
 */

/** The file's bytes, chunk by chunk, with the part of a chunk not yet used held back. */
class Bytes {
  /** @type {ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>} */
  #reader;
  /** @type {Uint8Array} */
  #held = new Uint8Array(0);

  /** @param {ReadableStream<Uint8Array<ArrayBuffer>>} stream */
  constructor(stream) {
    this.#reader = stream.getReader();
  }

  /** The next chunk, or null at the end. @returns {Promise<Uint8Array | null>} */
  async next() {
    if (this.#held.length) {
      const held = this.#held;
      this.#held = new Uint8Array(0);
      return held;
    }
    const { done, value } = await this.#reader.read();
    return done ? null : value;
  }

  /** Exactly `count` bytes. @param {number} count @returns {Promise<Uint8Array>} */
  async take(count) {
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const chunk = await this.next();
      if (!chunk) throw new Error("the snapshot file is cut short");
      const used = Math.min(chunk.length, count - filled);
      out.set(chunk.subarray(0, used), filled);
      filled += used;
      if (used < chunk.length) this.hold(chunk.subarray(used));
    }
    return out;
  }

  /** Gives back the part of a chunk not used yet. @param {Uint8Array} rest */
  hold(rest) {
    this.#held = rest;
  }

  cancel() {
    this.#reader.cancel().catch(() => {});
  }
}

/**
 * The file's bytes as a stream: inflated, unless the host already undid the gzip (it may send a
 * .gz file with Content-Encoding: gzip).
 * @param {ReadableStream<Uint8Array<ArrayBuffer>>} body
 * @returns {Promise<ReadableStream<Uint8Array<ArrayBuffer>>>}
 */
async function inflated(body) {
  const reader = body.getReader();
  const first = await reader.read();
  /** @type {ReadableStream<Uint8Array<ArrayBuffer>>} */
  const stream = new ReadableStream({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(first.value);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const gzipped = !first.done && first.value[0] === 0x1f && first.value[1] === 0x8b;
  return gzipped ? stream.pipeThrough(new DecompressionStream("gzip")) : stream;
}

/**
 * Reads the header: where each piece goes. Throws when the bytes are not a snapshot file.
 * @param {Bytes} bytes
 * @returns {Promise<{size: number, pieces: [number, number][]}>}
 */
async function header(bytes) {
  const head = await bytes.take(HEADER_BYTES);
  if (MAGIC.some((byte, index) => head[index] !== byte)) throw new Error("not a snapshot file");
  const view = new DataView(head.buffer);
  const size = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  if (size > MAX_SIZE || count > size) throw new Error("the snapshot file's header is damaged");
  const table = new DataView((await bytes.take(count * PIECE_BYTES)).buffer);
  /** @type {[number, number][]} */
  const pieces = [];
  let end = 0;
  for (let index = 0; index < count; index += 1) {
    const offset = table.getUint32(index * PIECE_BYTES, true);
    const length = table.getUint32(index * PIECE_BYTES + 4, true);
    if (offset < end || offset + length > size) throw new Error("the snapshot file's table is damaged");
    pieces.push([offset, length]);
    end = offset + length;
  }
  return { size, pieces };
}

/**
 * Hands every byte of every piece, in order, to `put(chunk, offset)`; true when they all came and
 * nothing followed them.
 * @param {Bytes} bytes
 * @param {[number, number][]} pieces
 * @param {(chunk: Uint8Array, offset: number) => void} put
 */
async function readPieces(bytes, pieces, put) {
  for (const [offset, length] of pieces) {
    let done = 0;
    while (done < length) {
      const chunk = await bytes.next();
      if (!chunk) return false;
      const used = Math.min(chunk.length, length - done);
      put(chunk.subarray(0, used), offset + done);
      done += used;
      if (used < chunk.length) bytes.hold(chunk.subarray(used));
    }
  }
  return (await bytes.next()) === null;
}

/**
 * Opens a snapshot file: resolves once its header is read (so the size is known), and fills the
 * memory in the background. Rejects when the file is not a snapshot file.
 * @param {ReadableStream<Uint8Array<ArrayBuffer>>} body the file as it arrives, gzipped or not
 * @returns {Promise<SnapshotFile>}
 */
export async function openSnapshotFile(body) {
  const bytes = new Bytes(await inflated(body));
  try {
    const { size, pieces } = await header(bytes);
    const memory = new Uint8Array(size);
    const complete = readPieces(bytes, pieces, (chunk, offset) => memory.set(chunk, offset))
      .catch(() => false)
      .then((whole) => {
        if (!whole) {
          memory.fill(0, 0, HEADER_BYTES);
          bytes.cancel();
        }
        return whole;
      });
    return { memory, complete };
  } catch (error) {
    bytes.cancel();
    throw error;
  }
}

/**
 * Whether a whole file reads as a snapshot file, without keeping the memory it describes: checked
 * before a copy is kept for the next visit, so a damaged download is never kept.
 * @param {ReadableStream<Uint8Array<ArrayBuffer>>} body
 * @returns {Promise<boolean>}
 */
export async function isSnapshotFile(body) {
  const bytes = new Bytes(await inflated(body));
  try {
    const { pieces } = await header(bytes);
    return await readPieces(bytes, pieces, () => {});
  } catch {
    bytes.cancel();
    return false;
  }
}

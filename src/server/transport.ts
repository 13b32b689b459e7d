// How the server's messages travel over stdio. The library's writer turns each message into JSON
// and bytes in one piece; for a long draft one `publishDiagnostics` is thousands of diagnostics
// (15 MB of JSON for a 5 MB draft), and encoding it at once stops every other request for a
// quarter of a second. Here the longest list of a message is encoded a batch at a time, with
// other events let in between; the writer still sends one message after another, in order, and
// the client gets exactly the bytes the library's writer would send. Incoming messages (a
// whole-text change of a long draft) are turned into text a piece at a time in the same way.

import { StreamMessageReader, StreamMessageWriter, type Connection, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { StringDecoder } from 'string_decoder';
import { inspect } from 'util';
import { SlicePauser } from '../core/slicedRun';

/** Lists shorter than this are encoded with the rest of their message. */
const MIN_SLICED_ITEMS = 256;
/** Items encoded between two looks at the clock. */
const ITEMS_PER_BATCH = 64;
/** How long encoding works before it lets other events in, in ms. */
const SLICE_MS = 10;

// Stands for the sliced list while the rest of the message is encoded; the control characters
// make it a string no message holds.
const PLACEHOLDER = '\u0000verbatim-sliced-list\u0000';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/** Where a message's longest list stands: the object holding it and its key. */
interface ListSlot {
  holder: Record<string, unknown>;
  key: string;
}

/** The longest list among the fields of a message's params or result, when it is long enough to slice. */
function longList(message: Message): ListSlot | null {
  const record = message as unknown as Record<string, unknown>;
  let best: ListSlot | null = null;
  let bestLength = MIN_SLICED_ITEMS - 1;
  for (const part of ['params', 'result']) {
    const holder = record[part];
    if (!holder || typeof holder !== 'object' || Array.isArray(holder)) continue;
    for (const [key, value] of Object.entries(holder as Record<string, unknown>)) {
      if (Array.isArray(value) && value.length > bestLength) {
        best = { holder: holder as Record<string, unknown>, key };
        bestLength = value.length;
      }
    }
  }
  return best;
}

/**
 * The UTF-8 bytes of `JSON.stringify(message)`, encoded a batch of items at a time when it holds
 * a long list; `pause` lets other events in between batches.
 */
export async function encodeMessage(message: Message, pause: () => Promise<void> = () => Promise.resolve()): Promise<Buffer> {
  const slot = longList(message);
  if (!slot) return Buffer.from(JSON.stringify(message), 'utf8');
  const items = slot.holder[slot.key] as unknown[];
  // The message around the list, encoded with a stand-in that is then cut out.
  const shell = JSON.stringify({ ...message, [partOf(message, slot)]: { ...slot.holder, [slot.key]: PLACEHOLDER } });
  const at = shell.indexOf(PLACEHOLDER_JSON);
  const pieces: Buffer[] = [Buffer.from(`${shell.slice(0, at)}[`, 'utf8')];
  for (let i = 0; i < items.length; i += ITEMS_PER_BATCH) {
    const batch = JSON.stringify(items.slice(i, i + ITEMS_PER_BATCH));
    // Items are joined as one array would join them: `[a,b]` and `[c]` make `a,b,c`.
    pieces.push(Buffer.from(`${i > 0 ? ',' : ''}${batch.slice(1, -1)}`, 'utf8'));
    await pause();
  }
  pieces.push(Buffer.from(`]${shell.slice(at + PLACEHOLDER_JSON.length)}`, 'utf8'));
  return Buffer.concat(pieces);
}

function partOf(message: Message, slot: ListSlot): string {
  return (message as unknown as Record<string, unknown>).params === slot.holder ? 'params' : 'result';
}

/** Messages longer than this are turned into text a piece at a time. */
const DECODE_PIECE_BYTES = 512 * 1024;

/**
 * The message a body of UTF-8 bytes holds. A whole-text change of a long draft is megabytes; its
 * bytes become text a piece at a time (the decoder keeps a character split between two pieces),
 * so that only the JSON parse of the text is left as one step.
 */
export async function decodeMessage(bytes: Uint8Array, pause: () => Promise<void> = () => Promise.resolve()): Promise<Message> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length <= DECODE_PIECE_BYTES) return JSON.parse(buffer.toString('utf8')) as Message;
  const decoder = new StringDecoder('utf8');
  const pieces: string[] = [];
  for (let at = 0; at < buffer.length; at += DECODE_PIECE_BYTES) {
    pieces.push(decoder.write(buffer.subarray(at, at + DECODE_PIECE_BYTES)));
    await pause();
  }
  pieces.push(decoder.end());
  return JSON.parse(pieces.join('')) as Message;
}

/** A reader of stdin and a writer to stdout whose long messages are decoded and encoded in slices. */
export function stdioTransport(): { reader: MessageReader; writer: MessageWriter } {
  const writer = new StreamMessageWriter(process.stdout, {
    contentTypeEncoder: {
      name: 'application/json',
      encode: (message) => {
        const pauser = new SlicePauser(SLICE_MS);
        return encodeMessage(message, () => pauser.pauseIfDue());
      },
    },
  });
  const reader = new StreamMessageReader(process.stdin, {
    contentTypeDecoder: {
      name: 'application/json',
      decode: (bytes) => {
        const pauser = new SlicePauser(SLICE_MS);
        return decodeMessage(bytes, () => pauser.pauseIfDue());
      },
    },
  });
  return { reader, writer };
}

/**
 * What the library does for a server it starts on stdio itself: console output goes to the
 * client's log, since stdout carries the protocol, and the server ends with its input.
 */
export function adoptStdio(connection: Connection, shutdownReceived: () => boolean): void {
  const text = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  const end = () => process.exit(shutdownReceived() ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
}

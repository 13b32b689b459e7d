// Lines up a text node's decoded characters with its raw characters in the HTML file. The
// parser reports where a text node starts and ends in the file, but its value has entities
// decoded and line breaks normalised, so lengths differ; this walks both strings together.

/** For each decoded character, the file range [start, end) it came from. */
export interface DecodedOrigins {
  starts: Int32Array;
  ends: Int32Array;
}

// An entity reference as the tokenizer sees it; the trailing semicolon is optional for the
// legacy names and for numeric references.
const ENTITY = /&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|[A-Za-z][A-Za-z0-9]*;?)/y;

/** How many characters an entity reference took in the file and in the decoded text. */
interface EntityLengths {
  raw: number;
  decoded: number;
}

/** Maps each character of `decoded` to the characters of `raw` (found at file offset `base`). */
export function alignDecoded(raw: string, decoded: string, base: number): DecodedOrigins {
  const starts = new Int32Array(decoded.length);
  const ends = new Int32Array(decoded.length);
  let r = 0;
  for (let d = 0; d < decoded.length;) {
    const rawChar = raw[r];
    if (r >= raw.length) {
      starts[d] = ends[d] = base + raw.length;
      d++;
    } else if (rawChar === '\r' && decoded[d] === '\n') {
      // The parser turns CRLF and lone CR into LF.
      const length = raw[r + 1] === '\n' ? 2 : 1;
      starts[d] = base + r;
      ends[d] = base + r + length;
      r += length;
      d++;
    } else if (rawChar === '&' && !literalAmpersand(raw, r, decoded, d)) {
      const entity = entityAt(raw, r, decoded, d);
      for (let k = 0; k < entity.decoded && d + k < decoded.length; k++) {
        starts[d + k] = base + r + (k === 0 ? 0 : entity.raw);
        ends[d + k] = base + r + entity.raw;
      }
      r += entity.raw;
      d += entity.decoded;
    } else if (rawChar === decoded[d]) {
      starts[d] = base + r;
      ends[d] = base + r + 1;
      r++;
      d++;
    } else {
      // Out of step (the parser moved text around); find the next few characters further on.
      const probe = decoded.slice(d, d + 8);
      const found = raw.indexOf(probe, r + 1);
      if (probe.length > 0 && found >= 0 && found - r < 64) {
        r = found;
      } else {
        starts[d] = ends[d] = base + r;
        d++;
      }
    }
  }
  return { starts, ends };
}

/** True when an `&` was left as it was (`AT&T`): the raw run continues unchanged in the decoded text. */
function literalAmpersand(raw: string, r: number, decoded: string, d: number): boolean {
  ENTITY.lastIndex = r;
  const match = ENTITY.exec(raw);
  if (!match) return true;
  return decoded.startsWith(match[0], d) && !/^&(?:amp;?|#0*38;?|#[xX]0*26;?)$/i.test(match[0]);
}

/** Measures the entity reference at raw[r] that decoded to the characters at decoded[d]. */
function entityAt(raw: string, r: number, decoded: string, d: number): EntityLengths {
  ENTITY.lastIndex = r;
  const match = ENTITY.exec(raw) as RegExpExecArray;
  const hex = match[1];
  const dec = match[2];
  if (hex !== undefined || dec !== undefined) {
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec as string, 10);
    return { raw: match[0].length, decoded: code > 0xffff && code <= 0x10ffff ? 2 : 1 };
  }
  // A named reference decodes to one or two characters, and legacy names may end early
  // (`&notit;` is `¬` then `it;`): take the reading after which both texts agree again. No
  // named reference decodes to an ASCII letter or digit, which rules out readings such as
  // `&noti` for `¬i`.
  for (let rawLength = match[0].length; rawLength >= 2; rawLength--) {
    for (let decodedLength = 1; decodedLength <= 2; decodedLength++) {
      if (/[A-Za-z0-9]/.test(decoded.slice(d, d + decodedLength))) continue;
      if (agreesAfter(raw, r + rawLength, decoded, d + decodedLength)) return { raw: rawLength, decoded: decodedLength };
    }
  }
  return { raw: match[0].length, decoded: 1 };
}

/** True when the raw characters from `r` (up to the next markup) appear in `decoded` at `d`. */
function agreesAfter(raw: string, r: number, decoded: string, d: number): boolean {
  if (d > decoded.length) return false;
  let end = r;
  while (end < raw.length && end - r < 8 && raw[end] !== '&' && raw[end] !== '\r') end++;
  if (end === r) return r < raw.length || d === decoded.length;
  return decoded.startsWith(raw.slice(r, end), d);
}

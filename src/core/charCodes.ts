// Character tests by code, for loops that look at every character of a paragraph. A regular
// expression literal written inside such a loop makes a new RegExp object each time it is
// evaluated, and testing one character with it costs far more than comparing its code; these
// tests give exactly what the expressions named beside them give for one UTF-16 unit.

const SPACE = /\s/;

/** `/\s/.test(String.fromCharCode(code))`: white space and line terminators as JavaScript defines them. */
export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(String.fromCharCode(code));
}

/** `/\s/.test(text.charAt(i))`, false past the end of `text`. */
export function isSpaceAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isSpaceCode(text.charCodeAt(i));
}

// Loads the PDF.js library for reading PDF text layers inside a plain Node process. PDF.js is
// built for browsers: it expects a worker thread, and at load time it looks for a canvas
// package to provide DOMMatrix, ImageData and Path2D. Text extraction needs none of them, so
// the worker runs on the main thread (its module is bundled with ours), DOMMatrix gets a
// placeholder only while the library loads, and its load-time complaints about the missing
// canvas are kept off the user's console.

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | null = null;

/** The messages PDF.js prints while loading when no canvas package is installed. */
const CANVAS_WARNING = /^Warning: Cannot (?:access the `require` function|load "@napi-rs\/canvas"|polyfill `)/;

/** Loads PDF.js once per process and returns it. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= importQuietly();
  return loading;
}

async function importQuietly(): Promise<PdfJs> {
  const globals = globalThis as Record<string, unknown>;
  const addedMatrix = globals.DOMMatrix === undefined;
  // PDF.js builds one DOMMatrix when it loads, for drawing, which text extraction never does.
  if (addedMatrix) globals.DOMMatrix = class DOMMatrixPlaceholder {};
  const warn = console.warn;
  console.warn = (...args: unknown[]): void => {
    if (typeof args[0] === 'string' && CANVAS_WARNING.test(args[0])) return;
    warn(...args);
  };
  try {
    // The vendor module loads the worker module first, which makes PDF.js run its worker on this
    // thread instead of starting a Worker from a file path, which a bundled extension does not have.
    return (await import('./vendor/pdf')).pdfjs;
  } finally {
    console.warn = warn;
    if (addedMatrix) delete globals.DOMMatrix;
  }
}

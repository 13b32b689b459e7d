// PDF.js ships no type declarations for its worker module, which is only imported for the
// side effect of registering its message handler on globalThis.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';

// PDF.js, gathered in one module so the build can ship it as its own file (dist/pdf.js) that is
// loaded only when a PDF source is read: it is most of the code, and every start of the CLI or
// the server would otherwise pay for parsing it. The worker module comes first because PDF.js
// runs its worker on the loading thread when that module is already present.
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export { pdfjs, worker };

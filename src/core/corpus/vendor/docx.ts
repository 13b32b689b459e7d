// The Word-document readers, gathered so the build can ship them as their own file
// (dist/docx.js), loaded only when a .docx source is read.
import JSZip from 'jszip';
import mammoth from 'mammoth';

export { JSZip, mammoth };

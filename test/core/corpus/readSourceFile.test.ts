import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { isCorpusWarning, loadCorpus, loadSourceFile } from '../../../src/core/corpus/loadCorpus';
import { describeFsError, formatBytes, readSourceFile } from '../../../src/core/corpus/readSourceFile';
import { makeTree, removeTree, writeFile } from './fixtureTree';

describe('corpus: reading source files', () => {
  let root: string;
  beforeEach(() => { root = makeTree(); });
  afterEach(() => removeTree(root));

  const refusals: { name: string; file: string; bytes: Uint8Array; message: RegExp }[] = [
    { name: 'a binary file', file: 'photo.txt', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x41]), message: /binary file/ },
    { name: 'Latin-1 text', file: 'latin1.txt', bytes: Buffer.from('line one\ncaf\xe9 au lait\n', 'latin1'), message: /not valid UTF-8 \(first bad byte on line 2\)/ },
    { name: 'a truncated UTF-8 sequence', file: 'cut.md', bytes: Uint8Array.from([0x61, 0x62, 0xe2, 0x80]), message: /not valid UTF-8 \(first bad byte on line 1\)/ },
    { name: 'an overlong UTF-8 form', file: 'overlong.txt', bytes: Uint8Array.from([0x0a, 0x0a, 0xe0, 0x80, 0xaf]), message: /not valid UTF-8 \(first bad byte on line 3\)/ },
    { name: 'UTF-16 text', file: 'utf16.txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hello', 'utf16le')]), message: /UTF-16/ },
  ];
  for (const c of refusals) {
    it(`skips ${c.name} with a warning naming the file`, async () => {
      const file = writeFile(root, c.file, c.bytes);
      const result = await loadSourceFile(file, 0);
      assert.ok(isCorpusWarning(result), 'expected a warning');
      assert.strictEqual(result.path, file);
      assert.match(result.message, c.message);
    });
  }

  it('drops a UTF-8 byte order mark so offsets count what an editor shows', async () => {
    const file = writeFile(root, 'bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café quote\n\nsecond')]));
    const result = await readSourceFile(file, 1000);
    if (isCorpusWarning(result)) assert.fail(result.message);
    assert.strictEqual(result.text, 'Café quote\n\nsecond');
    assert.strictEqual(result.size, 3 + Buffer.byteLength('Café quote\n\nsecond'));
  });

  it('skips a file over the size limit, saying its size and the limit', async () => {
    const file = writeFile(root, 'big.txt', 'x'.repeat(40));
    const result = await loadSourceFile(file, 0, { maxFileBytes: 16 });
    assert.ok(isCorpusWarning(result));
    assert.match(result.message, /is 40 bytes, over the 16 bytes limit/);
    const exact = await loadSourceFile(file, 0, { maxFileBytes: 40 });
    assert.ok(!isCorpusWarning(exact), 'a file exactly at the limit loads');
  });

  const sizes: [number, string][] = [[1, '1 byte'], [512, '512 bytes'], [2048, '2.0 KB'], [10 * 1024 * 1024, '10.0 MB']];
  for (const [bytes, text] of sizes) {
    it(`formats ${bytes} bytes as ${text}`, () => assert.strictEqual(formatBytes(bytes), text));
  }

  const fsErrors: [string, string][] = [
    ['EACCES', 'cannot be read: permission denied'],
    ['EPERM', 'cannot be read: permission denied'],
    ['ENOENT', 'was not found'],
    ['ELOOP', 'is a symbolic link that loops back on itself; skipped'],
    ['EIO', 'cannot be read: i/o error'],
  ];
  for (const [code, message] of fsErrors) {
    it(`describes ${code} as "${message}"`, () => {
      const error = Object.assign(new Error('i/o error'), { code });
      assert.strictEqual(describeFsError(error), message);
    });
  }

  it('skips a folder named like a source file when it is asked for directly', async () => {
    fs.mkdirSync(path.join(root, 'chapter.txt'));
    const result = await loadSourceFile(path.join(root, 'chapter.txt'), 0);
    assert.ok(isCorpusWarning(result));
    assert.match(result.message, /is a folder/);
  });

  it('skips a named pipe without waiting for a writer', async () => {
    const pipe = path.join(root, 'feed.txt');
    execFileSync('mkfifo', [pipe]);
    writeFile(root, 'real.txt', 'A real source.');
    const corpus = await loadCorpus([root]);
    assert.deepStrictEqual(corpus.documents.map((d) => path.basename(d.path)), ['real.txt']);
    assert.deepStrictEqual(corpus.warnings.map((w) => [path.basename(w.path), w.message]), [['feed.txt', 'is not a regular file; skipped']]);
    const direct = await loadSourceFile(pipe, 0);
    assert.ok(isCorpusWarning(direct) && /not a regular file/.test(direct.message));
  });

  it('skips a file it may not read, and loads the rest', async () => {
    const locked = writeFile(root, 'locked.txt', 'Private notes.');
    writeFile(root, 'open.txt', 'Public notes.');
    fs.chmodSync(locked, 0o000);
    const corpus = await loadCorpus([root]);
    let readable = true;
    try {
      fs.readFileSync(locked);
    } catch {
      readable = false;
    }
    if (readable) {
      // Privileged users (root) read files whatever their mode; then the file simply loads.
      assert.deepStrictEqual(corpus.documents.map((d) => path.basename(d.path)), ['locked.txt', 'open.txt']);
      assert.deepStrictEqual(corpus.warnings, []);
    } else {
      assert.deepStrictEqual(corpus.documents.map((d) => path.basename(d.path)), ['open.txt']);
      assert.deepStrictEqual(corpus.warnings, [{ path: locked, message: 'cannot be read: permission denied' }]);
    }
  });
});

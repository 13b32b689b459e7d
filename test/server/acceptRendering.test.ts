import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { appendAccepted } from '../../src/server/codeActions';
import { ConfigError } from '../../src/core/config';

describe('appendAccepted', function () {
  let dir: string;
  beforeEach(function () { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-accept-')); });
  afterEach(function () { fs.rmSync(dir, { recursive: true, force: true }); });
  const read = () => JSON.parse(fs.readFileSync(path.join(dir, 'verbatim.json'), 'utf8'));

  it('creates verbatim.json when there is none', function () {
    assert.deepStrictEqual(appendAccepted(dir, 'little room'), { file: path.join(dir, 'verbatim.json'), added: true });
    assert.deepStrictEqual(read(), { accepted: [{ quote: 'little room' }] });
  });

  it('keeps the other keys and entries, and skips a rendering accepted already', function () {
    fs.writeFileSync(path.join(dir, 'verbatim.json'), JSON.stringify({ corpus: ['refs'], accepted: [{ quote: 'old one', note: 'ok' }] }));
    appendAccepted(dir, 'Little “room”');
    assert.strictEqual(appendAccepted(dir, 'little room').added, false);
    assert.deepStrictEqual(read(), { corpus: ['refs'], accepted: [{ quote: 'old one', note: 'ok' }, { quote: 'Little “room”' }] });
  });

  it('refuses to overwrite a broken file', function () {
    fs.writeFileSync(path.join(dir, 'verbatim.json'), '{ broken');
    assert.throws(() => appendAccepted(dir, 'x y z'), ConfigError);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'verbatim.json'), 'utf8'), '{ broken');
  });
});

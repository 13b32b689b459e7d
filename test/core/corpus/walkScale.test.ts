import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { appendAll, walkCorpus, type FoundFile } from '../../../src/core/corpus/walkCorpus';

describe('corpus walk at archive scale', () => {
  it('gathers 400,000 found files from one folder into the list (no call takes one argument per file)', () => {
    const walked: FoundFile[] = [];
    for (let k = 0; k < 400_000; k++) walked.push({ path: `/archive/${k}.txt`, realPath: `/archive/${k}.txt`, viaLink: false });
    const found: FoundFile[] = [{ path: '/named.txt', realPath: '/named.txt', viaLink: false }];
    appendAll(found, walked);
    assert.strictEqual(found.length, 400_001);
    assert.strictEqual(found[0].path, '/named.txt');
    assert.strictEqual(found[400_000].path, '/archive/399999.txt');
  });

  it('still lists a folder, a glob and a named file together, sorted and once each', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-walk-scale-'));
    try {
      for (const folder of ['a', 'b']) {
        fs.mkdirSync(path.join(root, folder));
        for (let k = 0; k < 20; k++) fs.writeFileSync(path.join(root, folder, `${String(k).padStart(2, '0')}.txt`), '');
      }
      const { files, warnings } = await walkCorpus([root, path.join(root, 'a', '*.txt'), path.join(root, 'b', '01.txt')]);
      assert.deepStrictEqual(warnings, []);
      assert.strictEqual(files.length, 40);
      assert.strictEqual(files[0].path, path.join(root, 'a', '00.txt'));
      assert.strictEqual(files[39].path, path.join(root, 'b', '19.txt'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Checker, CorpusIndex } from '../../../src/core/checker';
import { loadCorpus } from '../../../src/core/corpus/loadCorpus';

// A briefing transcript: the reporter quotes the minister's phrase back in a question.
const TRANSCRIPT = [
  'Briefing on the dam talks, 14 March',
  '',
  'MINISTER ARVID HOLM: We will not accept any filling of the reservoir before the survey is done.',
  '',
  'QUESTION: You called the first stage of filling a red line. Is it still one?',
  '',
  'MINISTER ARVID HOLM: It is, and it will remain one until the survey is complete.',
  '',
].join('\n');

describe('attribution: transcript role labels', () => {
  let checker: Checker;
  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-roles-'));
    fs.writeFileSync(path.join(dir, 'briefing.txt'), TRANSCRIPT);
    checker = new Checker(CorpusIndex.build(await loadCorpus([dir])));
  });

  it('does not credit a reporter’s question with the words it quotes back', () => {
    const [result] = checker.checkText('Lena Berg told reporters that “the first stage of filling” was a red line.', 'plaintext');
    assert.equal(result.status, 'verbatim', JSON.stringify(result.misattribution));
    assert.equal(result.misattribution, undefined);
  });

  it('still credits a named speaker’s turn', () => {
    const [result] = checker.checkText('Lena Berg said: “It is, and it will remain one until the survey is complete.”', 'plaintext');
    assert.equal(result.status, 'misattributed');
    assert.match(result.misattribution!.replacement, /Holm/);
  });
});

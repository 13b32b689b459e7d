import * as assert from 'assert';
import { citeSource, formatCiteDate, sourceLocationOf } from '../../src/core/citation';
import type { SourceDocument, SourceLocation, SourceMeta } from '../../src/core/types';

function doc(meta: SourceMeta, locate?: (offset: number) => SourceLocation): SourceDocument {
  const document: SourceDocument = {
    id: 0, path: '/s/a.pdf', title: 'A', meta, text: 'x'.repeat(100), fileOffset: (o) => o, blocks: [], size: 0, mtimeMs: 0,
  };
  if (locate) document.locate = locate;
  return document;
}

describe('citation', () => {
  const cases: { name: string; meta: SourceMeta; locate?: (offset: number) => SourceLocation; expected: string; iso: string }[] = [
    { name: 'outlet, date and page', meta: { source: 'Reuters', date: '2022-01-27T09:30:00Z' }, locate: (o) => ({ page: o < 50 ? 3 : 4 }), expected: 'Reuters, 27 Jan 2022, p. 4', iso: 'Reuters, 2022-01-27, p. 4' },
    { name: 'speaker and time', meta: { source: 'Ministry press office' }, locate: () => ({ timestamp: '00:12:31', speaker: 'Peskov' }), expected: 'Ministry press office, Peskov at 00:12:31', iso: 'Ministry press office, Peskov at 00:12:31' },
    { name: 'time only', meta: {}, locate: () => ({ timestamp: '01:02:03' }), expected: 'at 01:02:03', iso: 'at 01:02:03' },
    { name: 'speaker only', meta: { date: '2022-01' }, locate: () => ({ speaker: 'CHAIR' }), expected: 'Jan 2022, CHAIR', iso: '2022-01, CHAIR' },
    { name: 'nothing known', meta: {}, expected: '', iso: '' },
    { name: 'an unreadable date as written', meta: { source: 'BBC', date: 'Thursday morning' }, expected: 'BBC, Thursday morning', iso: 'BBC, Thursday morning' },
    { name: 'a failing locator', meta: { source: 'BBC' }, locate: () => { throw new Error('bad'); }, expected: 'BBC', iso: 'BBC' },
  ];
  for (const { name, meta, locate, expected, iso } of cases) {
    it(`cites ${name}`, () => {
      assert.strictEqual(citeSource(doc(meta, locate), { start: 60, end: 70 }), expected);
      assert.strictEqual(citeSource(doc(meta, locate), { start: 60, end: 70 }, { dateStyle: 'iso' }), iso);
    });
  }

  const dates: [string, string, string][] = [
    ['2022-01-27', '27 Jan 2022', '2022-01-27'],
    ['2022-12-03T23:59:00-05:00', '3 Dec 2022', '2022-12-03'],
    ['2022', '2022', '2022'],
    ['January 27, 2022', '27 Jan 2022', '2022-01-27'],
    ['2022-13-01', '2022-13-01', '2022-13-01'],
  ];
  for (const [date, short, iso] of dates) {
    it(`formats the date ${date}`, () => {
      assert.strictEqual(formatCiteDate(date), short);
      assert.strictEqual(formatCiteDate(date, 'iso'), iso);
    });
  }

  it('locates a span by its start', () => {
    assert.deepStrictEqual(sourceLocationOf(doc({}, (o) => ({ page: o })), { start: 7, end: 90 }), { page: 7 });
    assert.deepStrictEqual(sourceLocationOf(doc({}), { start: 7, end: 90 }), {});
  });
});

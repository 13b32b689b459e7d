import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pushedSettings, readProjectConfig, resolveSettings, SettingsStore, type ProjectConfig, type SettingsSource } from '../../src/server/settingsStore';

function project(raw: Record<string, unknown>): ProjectConfig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-settings-'));
  fs.writeFileSync(path.join(dir, 'verbatim.json'), JSON.stringify(raw));
  const found = readProjectConfig(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.ok(found);
  return found;
}

describe('settings precedence', function () {
  const cases: { name: string; client: unknown; pushed: unknown; project: Record<string, unknown> | null; expect: { corpus: string[]; minWords: number; debounceMs: number; accepted: number } }[] = [
    { name: 'defaults when nothing is given', client: null, pushed: null, project: null, expect: { corpus: ['sources'], minWords: 3, debounceMs: 300, accepted: 0 } },
    { name: 'initializationOptions when the client has no configuration', client: null, pushed: { corpus: ['refs'], minWords: 5, debounceMs: 50 }, project: null, expect: { corpus: ['refs'], minWords: 5, debounceMs: 50, accepted: 0 } },
    { name: 'workspace/configuration over initializationOptions', client: { corpus: ['mine'], debounceMs: 10 }, pushed: { corpus: ['refs'], minWords: 5 }, project: null, expect: { corpus: ['mine'], minWords: 3, debounceMs: 10, accepted: 0 } },
    { name: 'verbatim.json wins for corpus and thresholds', client: { corpus: ['mine'], minWords: 4, debounceMs: 10 }, pushed: null, project: { corpus: 'team', minWords: 6, accepted: [{ quote: 'a b c' }] }, expect: { corpus: ['team'], minWords: 6, debounceMs: 10, accepted: 1 } },
    { name: 'verbatim.json only overrides the keys it sets', client: { corpus: ['mine'], minWords: 4 }, pushed: null, project: { driftThreshold: 0.7 }, expect: { corpus: ['mine'], minWords: 4, debounceMs: 300, accepted: 0 } },
    { name: 'values of the wrong type fall back to defaults', client: { corpus: 7, minWords: 'many', debounceMs: -1 }, pushed: null, project: null, expect: { corpus: ['sources'], minWords: 3, debounceMs: 300, accepted: 0 } },
  ];
  for (const c of cases) {
    it(c.name, function () {
      const resolved = resolveSettings(c.client, c.pushed, c.project ? project(c.project) : null);
      const { corpus, minWords, debounceMs } = resolved.settings;
      assert.deepStrictEqual({ corpus, minWords, debounceMs, accepted: resolved.accepted.length }, c.expect);
    });
  }

  it('reports a broken verbatim.json and keeps the editor settings', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-settings-'));
    fs.writeFileSync(path.join(dir, 'verbatim.json'), '{ "minWords": "three" }');
    const found = readProjectConfig(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    const resolved = resolveSettings({ minWords: 4 }, null, found);
    assert.match(resolved.configError ?? '', /"minWords" must be a whole number from 1 to 1000/);
    assert.strictEqual(resolved.settings.minWords, 4);
  });

  it('reports a fractional minWords in verbatim.json as it reports any other wrong value', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-settings-'));
    const messages: string[] = [];
    for (const value of ['1.5', '0', '"three"']) {
      fs.writeFileSync(path.join(dir, 'verbatim.json'), `{ "minWords": ${value} }`);
      messages.push(resolveSettings({ minWords: 4 }, null, readProjectConfig(dir)).configError ?? '(accepted)');
    }
    fs.rmSync(dir, { recursive: true, force: true });
    const expected = (value: string) => `${path.join(dir, 'verbatim.json')}: "minWords" must be a whole number from 1 to 1000, not ${value}`;
    assert.deepStrictEqual(messages, [expected('1.5'), expected('0'), expected('"three"')]);
  });

  it('reports editor settings of the wrong kind or range, one line each, and uses the defaults', function () {
    const resolved = resolveSettings({ minWords: 1.5, driftThreshold: 2, debounceMs: 'slow', maxCorpusFiles: 10.5, showVerbatim: true }, null, null);
    assert.strictEqual(resolved.settings.minWords, 3);
    assert.strictEqual(resolved.settings.driftThreshold, 0.6);
    assert.deepStrictEqual(resolved.settingErrors, [
      '"verbatim.minWords" must be a whole number from 1 to 1000, not 1.5',
      '"verbatim.driftThreshold" must be a number from 0 to 1, not 2',
      '"verbatim.debounceMs" must be a number from 0 to 60000, not "slow"',
      '"verbatim.maxCorpusFiles" must be a whole number from 1 to 9007199254740991, not 10.5',
    ]);
    assert.deepStrictEqual(resolveSettings({ minWords: 5, maxCorpusFiles: 100 }, null, null).settingErrors, []);
  });

  it('takes the corpus origin from the client, and verbatim.json as the project\'s own', function () {
    assert.strictEqual(resolveSettings({ corpus: ['/archive'], corpusOrigin: 'user' }, null, null).corpusOrigin, 'person');
    assert.strictEqual(resolveSettings({ corpus: ['/archive'], corpusOrigin: 'workspace' }, null, null).corpusOrigin, 'project');
    // A client that does not say (Neovim, initializationOptions) sends its user's own configuration.
    assert.strictEqual(resolveSettings(null, { corpus: ['/archive'] }, null).corpusOrigin, 'person');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-settings-'));
    fs.writeFileSync(path.join(dir, 'verbatim.json'), '{ "corpus": ["../outside"], "maxCorpusFiles": 50 }');
    const resolved = resolveSettings({ corpus: ['/archive'], corpusOrigin: 'user' }, null, readProjectConfig(dir));
    fs.rmSync(dir, { recursive: true, force: true });
    assert.strictEqual(resolved.corpusOrigin, 'project');
    assert.strictEqual(resolved.maxCorpusFiles, 50);
  });

  const shapes: [string, unknown, unknown][] = [
    ['a section object', { verbatim: { minWords: 2 } }, { minWords: 2 }],
    ['a settings wrapper', { settings: { verbatim: { minWords: 2 } } }, { minWords: 2 }],
    ['the settings themselves', { minWords: 2 }, { minWords: 2 }],
    ['nothing', undefined, null],
  ];
  for (const [name, raw, expected] of shapes) {
    it(`reads pushed settings given as ${name}`, function () {
      assert.deepStrictEqual(pushedSettings(raw), expected);
    });
  }
});

describe('SettingsStore', function () {
  function source(supportsConfiguration: boolean, answer: () => Promise<unknown>): SettingsSource & { calls: number } {
    const fake = {
      calls: 0,
      supportsConfiguration,
      fetch: () => { fake.calls++; return answer(); },
      folderOf: () => null,
      log: () => undefined,
    };
    return fake;
  }

  it('asks the client once per URI until the configuration changes', async function () {
    const fake = source(true, async () => ({ minWords: 7 }));
    const store = new SettingsStore(fake, { verbatim: { minWords: 2 } });
    assert.strictEqual((await store.get('file:///a.md')).settings.minWords, 7);
    await store.get('file:///a.md');
    assert.strictEqual(fake.calls, 1);
    store.clear();
    await store.get('file:///a.md');
    assert.strictEqual(fake.calls, 2);
  });

  it('uses initializationOptions when the client cannot answer, and pushed changes after that', async function () {
    const fake = source(false, async () => ({ minWords: 7 }));
    const store = new SettingsStore(fake, { verbatim: { minWords: 2 } });
    assert.strictEqual((await store.get('file:///a.md')).settings.minWords, 2);
    assert.strictEqual(fake.calls, 0);
    store.clear({ settings: { verbatim: { minWords: 9 } } });
    assert.strictEqual((await store.get('file:///a.md')).settings.minWords, 9);
  });

  it('falls back to the pushed settings when the request fails', async function () {
    const store = new SettingsStore(source(true, async () => { throw new Error('no'); }), { minWords: 4 });
    assert.strictEqual((await store.get('file:///a.md')).settings.minWords, 4);
  });
});

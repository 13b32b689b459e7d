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
    assert.match(resolved.configError ?? '', /"minWords" must be a whole number/);
    assert.strictEqual(resolved.settings.minWords, 4);
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

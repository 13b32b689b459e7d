// Keeps package.json's contributions in step with the code: every command id the client
// registers, every setting the server reads (with the same default), the grammar, the icon and
// the files the package allow-list names.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_SCHEMA } from '../../src/core/configSchema';
import { COMMANDS } from '../../src/shared/commands';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

const ROOT = path.resolve(__dirname, '../../..');

interface Manifest {
  icon: string;
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category: string }[];
    views: { explorer: { id: string; name: string }[] };
    configuration: { title: string; properties: Record<string, { default: unknown; scope: string }> }[];
    grammars: { scopeName: string; path: string; injectTo: string[] }[];
  };
  scripts: Record<string, string>;
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const properties = Object.assign({}, ...manifest.contributes.configuration.map((c) => c.properties)) as Manifest['contributes']['configuration'][number]['properties'];

/** Flattens DEFAULT_SETTINGS into `verbatim.a.b` keys, as package.json spells them. */
function settingKeys(value: object, prefix = 'verbatim'): [string, unknown][] {
  return Object.entries(value).flatMap(([key, v]) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? settingKeys(v, `${prefix}.${key}`) : [[`${prefix}.${key}`, v] as [string, unknown]]);
}

describe('extension manifest', () => {
  for (const id of Object.values(COMMANDS)) {
    it(`contributes the command ${id} under the Verbatim category`, () => {
      const command = manifest.contributes.commands.find((c) => c.command === id);
      assert.ok(command, `${id} is missing`);
      assert.strictEqual(command.category, 'Verbatim');
      assert.doesNotMatch(command.title, /^Verbatim/, 'the category already names the extension');
    });
  }

  for (const [key, value] of settingKeys(DEFAULT_SETTINGS)) {
    it(`declares ${key} with the default the server assumes`, () => {
      assert.ok(properties[key], `${key} is missing`);
      assert.deepStrictEqual(properties[key].default, value);
      assert.strictEqual(properties[key].scope, 'resource');
    });
  }

  it('declares only settings the code knows, in the four titled sections', () => {
    const known = new Set([...settingKeys(DEFAULT_SETTINGS).map(([k]) => k), 'verbatim.trace.server']);
    assert.deepStrictEqual(Object.keys(properties).filter((k) => !known.has(k)), []);
    assert.deepStrictEqual(manifest.contributes.configuration.map((c) => c.title), ['Corpus', 'Checking', 'Severity', 'Advanced']);
    assert.strictEqual(properties['verbatim.trace.server'].scope, 'window');
  });

  it('activates on drafts and puts the Quotes view in the Explorer', () => {
    assert.deepStrictEqual(manifest.activationEvents, ['onLanguage:markdown', 'onLanguage:plaintext']);
    assert.deepStrictEqual(manifest.contributes.views.explorer.map((v) => [v.id, v.name]), [['verbatim.quotes', 'Quotes']]);
  });

  it('injects the quotation grammar into Markdown and plain text', () => {
    const [grammar] = manifest.contributes.grammars;
    const file = JSON.parse(fs.readFileSync(path.join(ROOT, grammar.path), 'utf8')) as { scopeName: string };
    assert.strictEqual(file.scopeName, grammar.scopeName);
    assert.deepStrictEqual(grammar.injectTo, ['text.html.markdown', 'text.plain']);
  });

  it('ships a 128x128 PNG icon', () => {
    const png = fs.readFileSync(path.join(ROOT, manifest.icon));
    assert.strictEqual(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('packages every file the client loads at run time', () => {
    const allowed = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n')
      .filter((line) => line.startsWith('!')).map((line) => line.slice(1));
    for (const needed of ['dist/extension.js', 'dist/server.js', 'dist/pdf.js', 'dist/docx.js', 'dist/surveyWorker.js', 'media/icon.png', 'media/report.css', 'media/report.js', 'package.json', 'LICENSE']) {
      assert.ok(allowed.some((pattern) => pattern === needed || (pattern.endsWith('/**') && needed.startsWith(pattern.slice(0, -2)))), `${needed} is not packaged`);
    }
    for (const file of ['media/icon.png', 'media/report.css', 'media/report.js', 'LICENSE', 'CHANGELOG.md']) {
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} does not exist`);
    }
    assert.match(manifest.scripts.package, /vsce package --no-dependencies -o verbatim\.vsix/);
  });
});

describe('extension manifest: trust, configuration schema and first run', () => {
  const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    capabilities: {
      untrustedWorkspaces: { supported: string; description: string; restrictedConfigurations: string[] };
      virtualWorkspaces: { supported: boolean; description: string };
    };
    contributes: {
      commands: { command: string }[];
      jsonValidation: { fileMatch: string; url: string }[];
      viewsWelcome: { view: string; contents: string; when?: string }[];
      walkthroughs: { id: string; title: string; steps: { id: string; title: string; description: string; media: { image?: string; markdown?: string; altText?: string }; completionEvents: string[] }[] }[];
    };
  };
  const allowed = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n')
    .filter((line) => line.startsWith('!')).map((line) => line.slice(1));
  const packaged = (file: string) => allowed.some((pattern) => pattern === file || (pattern.endsWith('/**') && file.startsWith(pattern.slice(0, -2))));

  it('runs in Restricted Mode with limits a workspace cannot raise, and says so', () => {
    const untrusted = raw.capabilities.untrustedWorkspaces;
    assert.strictEqual(untrusted.supported, 'limited');
    assert.match(untrusted.description, /only against sources inside the workspace folder/);
    for (const key of untrusted.restrictedConfigurations) assert.ok(properties[key], `${key} is a declared setting`);
    assert.deepStrictEqual(untrusted.restrictedConfigurations, ['verbatim.maxFileSizeMB', 'verbatim.maxCorpusSizeMB']);
  });

  it('declares that virtual workspaces are not supported, with the reason', () => {
    assert.strictEqual(raw.capabilities.virtualWorkspaces.supported, false);
    assert.match(raw.capabilities.virtualWorkspaces.description, /from disk/);
  });

  it('validates verbatim.json with the packaged schema the CLI and the server check it against', () => {
    const [validation] = raw.contributes.jsonValidation;
    assert.strictEqual(validation.fileMatch, 'verbatim.json');
    const file = validation.url.replace(/^\.\//, '');
    assert.ok(packaged(file), `${file} is packaged`);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')), CONFIG_SCHEMA);
  });

  it('declares verbatim.enable per resource and a Toggle Checking command', () => {
    assert.deepStrictEqual([properties['verbatim.enable'].default, properties['verbatim.enable'].scope], [true, 'resource']);
    assert.ok(raw.contributes.commands.some((c) => c.command === COMMANDS.toggleChecking));
  });

  it('gives the Quotes view a plain word for no corpus and for checking turned off', () => {
    const welcome = raw.contributes.viewsWelcome.filter((w) => w.view === 'verbatim.quotes');
    assert.deepStrictEqual(welcome.map((w) => w.when), ['!verbatim.quotesNotice', 'verbatim.quotesNotice == noCorpus', 'verbatim.quotesNotice == disabled']);
    assert.match(welcome[1].contents, /^No corpus:.*\[Pick Corpus Folder…\]\(command:verbatim\.pickCorpusFolder\)/s);
    assert.match(welcome[2].contents, /\(command:verbatim\.toggleChecking\)/);
  });

  it('walks a new user through corpus, draft, hover, search and report, with packaged media', () => {
    const [walkthrough] = raw.contributes.walkthroughs;
    assert.deepStrictEqual(walkthrough.steps.map((s) => s.id), ['pickCorpus', 'openDraft', 'hoverQuote', 'searchCorpus', 'openReport']);
    const contributed = new Set(raw.contributes.commands.map((c) => c.command));
    for (const step of walkthrough.steps) {
      const media = step.media.image ?? step.media.markdown;
      assert.ok(media, `${step.id} has media`);
      assert.ok(fs.existsSync(path.join(ROOT, media)), `${media} exists`);
      assert.ok(packaged(media), `${media} is packaged`);
      if (step.media.image) assert.ok(step.media.altText, `${step.id}'s image has alt text`);
      assert.ok(step.completionEvents.length > 0, `${step.id} can be completed`);
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(contributed.has(command) || command.startsWith('workbench.'), `${step.id} links to ${command}, which exists`);
      }
    }
  });
});

// `npm run demo` (scripts/demo.js): the address it prints opens the example draft, and its
// install step hides harmless noise but never an error.
import * as assert from 'assert';
import * as path from 'path';

// scripts/demo.js is plain CommonJS; its helpers are exported for these tests.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const demo = require('../../scripts/demo.js') as {
  demoUrl(baseUrl: string, folder?: string, file?: string): string;
  showInstallLine(line: string): boolean;
};

describe('npm run demo', () => {
  it('prints an address that opens the example folder with the draft in an editor', () => {
    const url = new URL(demo.demoUrl('http://127.0.0.1:8080', '/home/w/verbatim/example', '/home/w/verbatim/example/draft.md'));
    assert.strictEqual(url.searchParams.get('folder'), '/home/w/verbatim/example');
    assert.deepStrictEqual(JSON.parse(url.searchParams.get('payload') ?? ''), [['openFile', 'vscode-remote://127.0.0.1:8080/home/w/verbatim/example/draft.md']]);
  });

  it('opens the repository example by default', () => {
    const url = new URL(demo.demoUrl('http://127.0.0.1:9000/'));
    assert.match(url.searchParams.get('folder') ?? '', new RegExp(`${path.sep === '/' ? '/' : '\\\\'}example$`));
    assert.match(url.searchParams.get('payload') ?? '', /example\/draft\.md"\]\]$/);
  });

  const lines: [string, boolean][] = [
    ['node-pre-gyp ERR! request to https://github.com/x.tar.gz failed, reason: getaddrinfo ENOTFOUND github.com', false],
    ['node-pre-gyp WARN Pre-built binaries not installable for kerberos', false],
    ['gyp info spawn make', false],
    ['  CXX(target) Release/obj.target/pty/src/unix/pty.o', false],
    ['npm WARN deprecated inflight@1.0.6', false],
    ['[e2e:install] npm install code-server@4.100.3 (about 2 minutes on first run)', true],
    ['npm ERR! code 1', true],
    ['gyp ERR! build error', true],
    ['Error: Cannot find module \'node-addon-api\'', true],
  ];
  for (const [line, shown] of lines) {
    it(`${shown ? 'shows' : 'hides'} "${line.slice(0, 50)}"`, () => assert.strictEqual(demo.showInstallLine(line), shown));
  }
});

#!/usr/bin/env node
// `npm run demo`: builds the extension and opens it on the example workspace (example/) with
// the example draft open. With VS Code's `code` on PATH it starts VS Code in
// extension-development mode; otherwise it installs code-server 4.100.3 into .e2e/ on first use,
// installs the packed extension into a profile under .e2e/demo-profile and serves VS Code in the
// browser until Ctrl+C. Install chatter that is harmless (see HARMLESS) stays out of sight; real
// errors are shown, and the whole log is kept in a file when the install fails.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const EXAMPLE = path.join(REPO, 'example');
const E2E = path.join(REPO, '.e2e');
const CODE_SERVER = path.join(E2E, 'node_modules', '.bin', 'code-server');
const PROFILE = path.join(E2E, 'demo-profile');
const DRAFT = path.join(EXAMPLE, 'draft.md');

/**
 * Install output that looks alarming but is not a problem. node-pre-gyp reports ERR! (with
 * ENOTFOUND when offline) when no prebuilt binary of a native module can be downloaded; the
 * install then builds it from source, and only a failed build is an error. gyp's info lines
 * and compiler chatter of those builds say nothing either.
 */
const HARMLESS = [/^node-pre-gyp (ERR!|WARN|info|http)(\s|$)/, /^gyp (info|http|WARN)(\s|$)/, /^npm (WARN|notice)(\s|$)/];
/** Lines worth showing while installing: our own progress, and anything that reads like a failure. */
const WORTH_SHOWING = [/^\[e2e:install\]/, /ERR!|\b(error|failed|fatal)\b/i];

/** True when an install output line should be shown to the person running the demo. */
function showInstallLine(line) {
  if (HARMLESS.some((pattern) => pattern.test(line))) return false;
  return WORTH_SHOWING.some((pattern) => pattern.test(line));
}

/**
 * The code-server address that opens the example folder with the draft in an editor: VS Code
 * for the web opens the files named in its `payload` parameter ("openFile"), as remote files.
 */
function demoUrl(baseUrl, folder = EXAMPLE, file = DRAFT) {
  const { host } = new URL(baseUrl);
  const openFile = `vscode-remote://${host}${file.split(path.sep).join('/')}`;
  const payload = JSON.stringify([['openFile', openFile]]);
  return `${baseUrl.replace(/\/$/, '')}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;
}

function usage() {
  console.log(`Usage: npm run demo [-- --port N] [-- --browser]

Opens the example workspace with the Verbatim extension.
  --port N    port for code-server (default 8080)
  --browser   use code-server even when VS Code's \`code\` is on PATH`);
}

/** Reads --port and --browser; exits with a message on anything else. */
function parseArgs(argv) {
  const options = { port: 8080, browser: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') { usage(); process.exit(0); }
    else if (arg === '--browser') options.browser = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg.includes('=') ? arg.slice('--port='.length) : argv[++i];
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port needs a number from 1 to 65535, not "${value ?? ''}"`);
      options.port = port;
    } else fail(`unknown option "${arg}" (try --help)`);
  }
  return options;
}

function fail(message) {
  console.error(`demo: ${message}`);
  process.exit(1);
}

/** Runs a command with inherited output; exits the demo when it fails. */
function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: REPO, stdio: 'inherit' });
  if (result.error) fail(`${what}: ${result.error.message}`);
  if (result.status !== 0) fail(`${what} failed (exit ${result.status})`);
}

function onPath(name) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, name)));
}

/** The example workspace must exist; it is what the demo shows. */
function checkExample() {
  if (!fs.existsSync(path.join(EXAMPLE, 'draft.md'))) fail(`${path.join(EXAMPLE, 'draft.md')} is missing; the demo opens the example workspace`);
}

function openInDesktopVsCode() {
  console.log('Opening the example in VS Code (extension development mode)…');
  run('code', [`--extensionDevelopmentPath=${REPO}`, EXAMPLE, DRAFT], 'code');
}

/**
 * Runs a step whose output is mostly noise: shows only the lines showInstallLine picks, keeps
 * the whole output in a file, and prints the tail of it and the file's name when the step fails.
 */
function runQuietly(command, args, what, env = process.env) {
  const logFile = path.join(os.tmpdir(), `verbatim-demo-${what.replace(/\W+/g, '-')}.log`);
  const result = spawnSync(command, args, { cwd: REPO, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${result.stdout || ''}${result.stderr || ''}`;
  fs.writeFileSync(logFile, output);
  const lines = output.split(/\r?\n/);
  if (result.error || result.status !== 0) {
    console.error(lines.slice(-40).join('\n'));
    fail(`${what} failed (${result.error ? result.error.message : `exit ${result.status}`}); the whole log is in ${logFile}`);
  }
  for (const line of lines) if (showInstallLine(line)) console.log(line);
}

/** The profile's folders, created with the same quiet settings the end-to-end tests use. */
function prepareProfile() {
  const dirs = { userData: path.join(PROFILE, 'user-data'), extensions: path.join(PROFILE, 'extensions'), home: path.join(PROFILE, 'home') };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  const settings = path.join(dirs.userData, 'User', 'settings.json');
  if (!fs.existsSync(settings)) {
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.copyFileSync(path.join(REPO, 'scripts', 'e2e', 'user-settings.json'), settings);
  }
  return dirs;
}

function serveInBrowser(port) {
  if (!fs.existsSync(CODE_SERVER)) {
    console.log('code-server is not installed yet: installing it into .e2e/ (once, about two minutes)…');
    runQuietly('bash', [path.join(REPO, 'scripts', 'e2e', 'install.sh'), '--code-server-only'], 'installing code-server');
  }
  const dirs = prepareProfile();
  const vsix = path.join(PROFILE, 'verbatim.vsix');
  run(path.join(REPO, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '-o', vsix], 'packing the extension');
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
  };
  const profileArgs = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  runQuietly(CODE_SERVER, [...profileArgs, '--install-extension', vsix, '--force'], 'installing the extension', env);

  // detached: code-server leads its own process group, so Ctrl+C also ends the language server.
  const child = spawn(CODE_SERVER, [...profileArgs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', EXAMPLE],
  { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const stopGroup = () => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  let announced = false;
  let output = '';
  const watch = (chunk) => {
    output += chunk.toString();
    if (!announced && /HTTP server listening on/.test(output)) {
      announced = true;
      console.log(`\nVerbatim demo running. Open this in a browser:\n\n    ${demoUrl(`http://127.0.0.1:${port}`)}\n\nPress Ctrl+C to stop.`);
    }
  };
  child.stdout.on('data', watch);
  child.stderr.on('data', (chunk) => {
    watch(chunk);
    if (!announced) return;
    const shown = chunk.toString().split(/\r?\n/).filter((line) => line && !HARMLESS.some((pattern) => pattern.test(line)));
    if (shown.length) process.stderr.write(`${shown.join('\n')}\n`);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => { stopGroup(); });
  }
  child.on('exit', (code) => {
    if (!announced) console.error(output);
    stopGroup();
    process.exit(announced ? 0 : code || 1);
  });
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  checkExample();
  run(process.execPath, ['esbuild.js'], 'building');
  if (!options.browser && onPath('code')) openInDesktopVsCode();
  else serveInBrowser(options.port);
}

if (require.main === module) main();

module.exports = { demoUrl, showInstallLine };

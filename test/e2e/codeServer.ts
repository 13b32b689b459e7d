// Runs code-server (VS Code 1.100 in the browser) in a throwaway profile: its own user data,
// extensions and HOME, so a test run never reads or writes the user's real VS Code state. The
// extension is installed the way it is published (a .vsix from vsce), so the tests exercise the
// real package: its manifest, its .vscodeignore and its bundled server.

import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { codeServerBin, repoRoot } from './e2eTools';

/** Files that must be inside the package for the extension to start at all. */
const REQUIRED_FILES = ['package.json', 'dist/extension.js', 'dist/server.js'];

/** Runs a build tool and returns its output; throws with that output when the tool fails. */
function runTool(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error) throw new Error(`${command} ${args.join(' ')} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${output}`);
  return output;
}

/** Builds dist/ and packs it into `<outDir>/verbatim.vsix`; returns the package's path. */
export function packExtension(outDir: string): string {
  const root = repoRoot();
  runTool(process.execPath, ['esbuild.js'], root);
  const vsix = path.join(outDir, 'verbatim.vsix');
  const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
  runTool(vsce, ['package', '--no-dependencies', '-o', vsix], root);
  if (!fs.existsSync(vsix)) throw new Error(`vsce reported success but wrote no ${vsix}`);
  const listing = runTool(vsce, ['ls', '--no-dependencies'], root);
  const packed = new Set(listing.split('\n').map((line) => line.trim()));
  const missing = REQUIRED_FILES.filter((file) => !packed.has(file));
  if (missing.length > 0) throw new Error(`the package lacks ${missing.join(', ')}; vsce ls printed:\n${listing}`);
  return vsix;
}

/** The folders of one throwaway code-server profile. */
export interface CodeServerProfile {
  userDataDir: string;
  extensionsDir: string;
  home: string;
  /** True when VS Code's workspace trust is on, so a folder opens in Restricted Mode until trusted. */
  workspaceTrust: boolean;
}

/**
 * Creates a profile under `root` with the test user settings (no welcome page, no telemetry).
 * With `workspaceTrust`, trust stays on and every folder opens untrusted, in Restricted Mode,
 * without the startup dialog (the writer who never answers it); otherwise trust is off.
 */
export function createProfile(root: string, options: { workspaceTrust?: boolean } = {}): CodeServerProfile {
  const profile = {
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    home: path.join(root, 'home'),
    workspaceTrust: options.workspaceTrust === true,
  };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  fs.mkdirSync(profile.home, { recursive: true });
  const settings = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'scripts', 'e2e', 'user-settings.json'), 'utf8')) as Record<string, unknown>;
  if (profile.workspaceTrust) {
    settings['security.workspace.trust.enabled'] = true;
    settings['security.workspace.trust.startupPrompt'] = 'never';
    settings['security.workspace.trust.banner'] = 'always';
  }
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return profile;
}

/** The environment code-server runs in: HOME and XDG folders inside the profile. */
function profileEnv(profile: CodeServerProfile): NodeJS.ProcessEnv {
  const { home } = profile;
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
  };
}

function profileArgs(profile: CodeServerProfile): string[] {
  return ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/** Installs a .vsix into the profile; throws with code-server's output when it fails. */
export function installExtension(profile: CodeServerProfile, vsix: string): void {
  const result = spawnSync(codeServerBin(), [...profileArgs(profile), '--install-extension', vsix], {
    env: profileEnv(profile),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status}):\n${output}`);
  }
}

/** A running code-server, started in its own process group so that stopping it also ends the language server. */
export class CodeServer {
  private exited: Promise<void>;
  private log = '';

  private constructor(private readonly child: ChildProcess, readonly url: string) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stdout?.on('data', (chunk: Buffer) => { this.log += chunk.toString(); });
    child.stderr?.on('data', (chunk: Buffer) => { this.log += chunk.toString(); });
  }

  /** Starts code-server on a free 127.0.0.1 port and resolves once it prints its listening URL. */
  static start(profile: CodeServerProfile, timeoutMs = 60_000): Promise<CodeServer> {
    const args = [
      ...profileArgs(profile),
      '--auth', 'none',
      '--bind-addr', '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      ...(profile.workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
    ];
    // detached: the child leads a new process group (setsid), which stop() signals as a whole.
    const child = spawn(codeServerBin(), args, { env: profileEnv(profile), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    return new Promise((resolve, reject) => {
      let output = '';
      const fail = (why: string) => {
        clearTimeout(timer);
        killGroup(child, 'SIGKILL');
        reject(new Error(`code-server ${why}:\n${output}`));
      };
      const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const listening = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (!listening) return;
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        const server = new CodeServer(child, listening[1]);
        server.log = output;
        resolve(server);
      };
      const onExit = (code: number | null) => fail(`exited with code ${code} before listening`);
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
      child.once('exit', onExit);
      child.once('error', (error) => fail(`could not be started: ${error.message}`));
    });
  }

  /** Everything code-server printed so far, for failure messages. */
  output(): string {
    return this.log;
  }

  /** Ends code-server and every process it started; resolves when the leader has exited. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      killGroup(this.child, 'SIGKILL');
      return;
    }
    killGroup(this.child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(this.child, 'SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    // Children that ignored SIGTERM (an extension host finishing its shutdown) go now.
    killGroup(this.child, 'SIGKILL');
  }
}

/** Signals the whole process group led by `child`; a group that is already gone is fine. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group has already exited.
  }
}

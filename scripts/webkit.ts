// WebKit (Safari's engine) for the browser tests: WebKitWebDriver drives WebKitGTK's
// MiniBrowser (where they are: support/browsers.ts). MiniBrowser has no headless mode, so a
// private Xvfb display is started first where Xvfb is installed. The test runner's launcher
// starts both when the run begins and stops them (by PID) when it ends.
import {spawn, type ChildProcess} from 'node:child_process';
import {createServer, type AddressInfo} from 'node:net';
import type {TestRunnerCoreConfig} from '@web/test-runner-core';
import {WebdriverLauncher} from '@web/test-runner-webdriver';
import {requireWebKitPaths} from '../support/browsers.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const {port} = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Stops a child we started, by its PID, and waits until it is gone. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts Xvfb on a free display (it writes the number to fd 3) and resolves with `:N`. */
function startXvfb(xvfbPath: string): Promise<{display: string; process: ChildProcess}> {
  const xvfb = spawn(xvfbPath, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    xvfb.stderr!.on('data', (chunk) => (errors += String(chunk)));
    xvfb.stdio[3]!.on('data', (chunk) => {
      output += String(chunk);
      if (output.includes('\n')) resolve({display: `:${output.trim()}`, process: xvfb});
    });
    xvfb.once('exit', (code) =>
      reject(new Error(`Xvfb exited (${code}) before it opened a display: ${errors.trim()}`)),
    );
    xvfb.once('error', reject);
  });
}

async function waitForDriver(url: string, driver: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    try {
      const status = (await (await fetch(`${url}/status`)).json()) as {value?: {ready?: boolean}};
      if (status.value?.ready) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer ${url}/status within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts Xvfb (where needed) and WebKitWebDriver on 127.0.0.1; `stop()` ends both. */
export async function startWebKitDriver(): Promise<{port: number; stop: () => Promise<void>}> {
  const paths = requireWebKitPaths();
  const xvfb = paths.xvfb ? await startXvfb(paths.xvfb) : null;
  const port = await freePort();
  const driver = spawn(paths.driver, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    env: {...process.env, ...(xvfb && {DISPLAY: xvfb.display})},
  });
  const stop = async () => {
    await stopChild(driver);
    if (xvfb) await stopChild(xvfb.process);
  };
  try {
    await waitForDriver(`http://127.0.0.1:${port}`, driver);
  } catch (error) {
    await stop();
    throw error;
  }
  return {port, stop};
}

/**
 * WebDriver capabilities of a MiniBrowser session: classic WebDriver (WebKitGTK's BiDi is
 * incomplete), and popups allowed without a click, as the other engines allow them under
 * automation (the end-to-end tests open demo pages with window.open).
 */
export function miniBrowserCapabilities() {
  return {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': {
      binary: requireWebKitPaths().miniBrowser,
      args: ['--automation', '--javascript-can-open-windows-automatically=true'],
    },
    'wdio:enforceWebDriverClassic': true,
  };
}

type WebdriverOptions = ConstructorParameters<typeof WebdriverLauncher>[0];

/** @web/test-runner's WebDriver launcher, owning the Xvfb display and WebKitWebDriver it talks to. */
class WebKitLauncher extends WebdriverLauncher {
  private webkitDriver: Awaited<ReturnType<typeof startWebKitDriver>> | undefined;

  constructor(private readonly webdriverOptions: WebdriverOptions) {
    super(webdriverOptions);
  }

  override async initialize(config: TestRunnerCoreConfig): Promise<void> {
    this.webkitDriver = await startWebKitDriver();
    this.webdriverOptions.port = this.webkitDriver.port; // the same object the base class reads
    await super.initialize(config);
    this.name = 'WebKit';
  }

  override async stop(): Promise<void> {
    await super.stop();
    await this.webkitDriver?.stop();
    this.webkitDriver = undefined;
  }
}

export function webkitLauncher(): WebKitLauncher {
  // Classic WebDriver's frame commands (test/support/webdriver-frame.ts) are what
  // WebKitWebDriver offers; webdriverio would warn on each that its BiDi variant is preferred.
  process.env.DISABLE_WEBDRIVERIO_DEPRECATION_WARNINGS = 'true';
  return new WebKitLauncher({
    hostname: '127.0.0.1',
    path: '/',
    logLevel: 'error',
    capabilities: miniBrowserCapabilities(),
  });
}

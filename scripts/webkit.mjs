// WebKit (Safari's engine) for the browser tests: Debian's WebKitWebDriver drives WebKitGTK's
// MiniBrowser, which has no headless mode, so a private Xvfb display is started first. The
// test runner's launcher starts both when the run begins and stops them (by PID) when it ends.
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createServer} from 'node:net';
import {WebdriverLauncher} from '@web/test-runner-webdriver';

/** WEBKIT_MINIBROWSER, else Debian's MiniBrowser (webkit2gtk-driver pulls it in). */
export function miniBrowserPath() {
  return process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
}

/** WEBKIT_WEBDRIVER, else Debian's /usr/bin/WebKitWebDriver. */
export function webkitDriverPath() {
  return process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
}

function requireFile(path, fix) {
  if (!existsSync(path)) throw new Error(`No ${path}: ${fix}.`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Stops a child we started, by its PID, and waits until it is gone. */
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Starts Xvfb on a free display (it writes the number to fd 3) and resolves with `:N`. */
function startXvfb() {
  requireFile('/usr/bin/Xvfb', 'install it (apt-get install --no-install-recommends xvfb xauth)');
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    xvfb.stderr.on('data', (chunk) => (errors += chunk));
    xvfb.stdio[3].on('data', (chunk) => {
      output += chunk;
      if (output.includes('\n')) resolve({display: `:${output.trim()}`, process: xvfb});
    });
    xvfb.once('exit', (code) =>
      reject(new Error(`Xvfb exited (${code}) before it opened a display: ${errors.trim()}`)),
    );
    xvfb.once('error', reject);
  });
}

async function waitForDriver(url, driver) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    try {
      const status = await (await fetch(`${url}/status`)).json();
      if (status.value?.ready) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer ${url}/status within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts Xvfb and WebKitWebDriver on 127.0.0.1; `stop()` ends both. */
export async function startWebKitDriver() {
  const install = 'install it (apt-get install --no-install-recommends webkit2gtk-driver)';
  requireFile(webkitDriverPath(), `${install} or set WEBKIT_WEBDRIVER`);
  requireFile(miniBrowserPath(), `${install} or set WEBKIT_MINIBROWSER`);
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn(webkitDriverPath(), [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    env: {...process.env, DISPLAY: xvfb.display},
  });
  const stop = async () => {
    await stopChild(driver);
    await stopChild(xvfb.process);
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
      binary: miniBrowserPath(),
      args: ['--automation', '--javascript-can-open-windows-automatically=true'],
    },
    'wdio:enforceWebDriverClassic': true,
  };
}

/** @web/test-runner's WebDriver launcher, owning the Xvfb display and WebKitWebDriver it talks to. */
class WebKitLauncher extends WebdriverLauncher {
  async initialize(config, testFiles) {
    this.webkitDriver = await startWebKitDriver();
    this.options.port = this.webkitDriver.port;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async stop() {
    await super.stop();
    await this.webkitDriver?.stop();
    this.webkitDriver = undefined;
  }
}

export function webkitLauncher() {
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

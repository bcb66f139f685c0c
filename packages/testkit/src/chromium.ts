import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium: browsers cannot be downloaded here, so playwright-core drives the distribution's build. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Installs Debian's chromium when it is missing, so a fresh CI machine runs the
 * browser tests without a manual step (the machines run as root; apt reaches
 * Debian's packages). Takes a minute or two the first time, nothing afterwards.
 */
export function ensureChromium(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  log(`[browser] ${CHROMIUM_PATH} missing: installing Debian's chromium (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`chromium was installed but ${CHROMIUM_PATH} does not exist`);
  return CHROMIUM_PATH;
}

/**
 * Arguments for playwright-core's `launchPersistentContext(userDataDir, options)`:
 * headless, no sandbox (root in CI), nothing that phones home, and a fresh
 * profile directory (playwright passes it as --user-data-dir).
 */
export function chromiumLaunch(): { userDataDir: string; options: { executablePath: string; headless: boolean; args: string[] } } {
  const userDataDir = mkdtempSync(join(tmpdir(), 'koppel-chromium-'));
  return {
    userDataDir,
    options: {
      executablePath: ensureChromium(),
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  };
}

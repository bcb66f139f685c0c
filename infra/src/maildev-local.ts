/**
 * maildev 2.2 (SMTP catcher + web inbox) from node_modules, for a person looking at mails.
 * Tests use an in-process smtp-server instead.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALHOST, seconds, spawnService, waitForPort, type SpawnedService } from './process';

export interface MaildevLocalOptions {
  dir: string;
  smtpPort: number;
  webPort: number;
  detached: boolean;
  log: (line: string) => void;
}

export interface MaildevLocal {
  service: SpawnedService;
  smtp: { host: string; port: number };
  inboxUrl: string;
  logFile: string;
}

/** Marker used to recognise our maildev process (pid reuse guard). */
export const MAILDEV_PROCESS_MARKER = 'maildev';

export async function startMaildevLocal(o: MaildevLocalOptions): Promise<MaildevLocal> {
  const started = Date.now();
  const mailDir = join(o.dir, 'mails');
  mkdirSync(mailDir, { recursive: true });
  const bin = require.resolve('maildev/bin/maildev');
  const logFile = join(o.dir, 'maildev.log');
  const service = spawnService({
    name: 'maildev',
    command: process.execPath,
    args: [
      bin,
      '--smtp',
      String(o.smtpPort),
      '--web',
      String(o.webPort),
      '--ip',
      LOCALHOST,
      '--web-ip',
      LOCALHOST,
      '--mail-directory',
      mailDir,
    ],
    logFile,
    cwd: o.dir,
    detached: o.detached,
  });
  try {
    await waitForPort(o.smtpPort, 30_000, 'maildev smtp', service.pid);
    await waitForPort(o.webPort, 30_000, 'maildev web', service.pid);
  } catch (error) {
    try {
      process.kill(service.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    throw error;
  }
  const inboxUrl = `http://${LOCALHOST}:${o.webPort}/`;
  o.log(`maildev: smtp ${LOCALHOST}:${o.smtpPort}, inbox ${inboxUrl} (${seconds(Date.now() - started)})`);
  return { service, smtp: { host: LOCALHOST, port: o.smtpPort }, inboxUrl, logFile };
}

import { SMTPServer } from 'smtp-server';

export interface RefusingSmtp {
  port: number;
  /** Recipients it refused, in order. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server, the library maildev is built on) that refuses
 * every recipient with the given reply, e.g. 550 (permanent) or 451 (try later):
 * what a real mail server answers for an unknown mailbox or a full queue.
 */
export async function startRefusingSmtp(reply: { code: number; message: string }): Promise<RefusingSmtp> {
  const refused: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      refused.push(address.address);
      callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('refusing SMTP server has no TCP address');
  return { port: address.port, refused, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

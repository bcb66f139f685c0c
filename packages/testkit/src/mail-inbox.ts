import { waitFor } from './wait';

/** A mail as the catcher stored it (maildev's REST shape, the fields we use). */
export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string; name?: string }[];
  from: { address: string; name?: string }[];
  headers: Record<string, string>;
}

/** Reads the mail catcher's inbox over its HTTP API. */
export class MailInbox {
  private readonly baseUrl: string;

  constructor(inboxUrl: string) {
    this.baseUrl = inboxUrl.replace(/\/+$/, '');
  }

  async all(): Promise<CaughtMail[]> {
    const res = await fetch(`${this.baseUrl}/email`);
    if (!res.ok) throw new Error(`mail inbox answered ${res.status}`);
    return (await res.json()) as CaughtMail[];
  }

  async to(address: string): Promise<CaughtMail[]> {
    const lower = address.toLowerCase();
    return (await this.all()).filter((m) => m.to.some((t) => t.address.toLowerCase() === lower));
  }

  /** Waits until `address` has at least `count` mails; returns them. */
  async waitForMailTo(address: string, count = 1, timeoutMs = 30_000): Promise<CaughtMail[]> {
    return waitFor(
      `${count} mail(s) to ${address}`,
      async () => {
        const mails = await this.to(address);
        return mails.length >= count ? mails : undefined;
      },
      { timeoutMs, intervalMs: 100 },
    );
  }
}

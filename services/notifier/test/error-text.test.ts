import { errorTextOf } from '../src/app/error-text';

describe('errorTextOf', () => {
  it('keeps what went wrong and drops every address', () => {
    const smtp = new Error(
      "Can't send mail - all recipients were rejected: 550 5.1.1 <jan.peeters@school.be>: Recipient address rejected: User unknown in virtual mailbox table",
    );
    expect(errorTextOf(smtp)).toBe(
      "Can't send mail - all recipients were rejected: 550 5.1.1 <<address>>: Recipient address rejected: User unknown in virtual mailbox table",
    );
    expect(errorTextOf('mailbox full for an.de.smet+cultuur@kunst-academie.example.org, try later')).toBe(
      'mailbox full for <address>, try later',
    );
    expect(errorTextOf(new Error('connect ECONNREFUSED 127.0.0.1:25'))).toBe('connect ECONNREFUSED 127.0.0.1:25');
  });

  it('cuts long texts', () => {
    expect(errorTextOf(new Error('x'.repeat(900)))).toHaveLength(500);
    expect(errorTextOf(new Error('x'.repeat(900)), 300)).toHaveLength(300);
  });
});

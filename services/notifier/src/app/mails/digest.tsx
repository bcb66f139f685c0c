import type { Language } from '@koppel/contracts';
import type { MailSource } from '../../store/mail-source';
import { copyFor, type MailCopy } from './copy';
import { AnswerButtons, Closing, Hint, MailFrame, renderMailHtml } from './mail-frame';
import { whyItFits } from './match';
import type { AnswerLinks, RenderedMail } from './rendered';

export interface DigestEntry {
  source: MailSource;
  links: AnswerLinks;
}

export interface DigestMailInput {
  providerName: string;
  language: Language;
  day: string;
  entries: DigestEntry[];
}

/** One match of the digest as both parts show it. */
interface Block {
  title: string;
  school: string;
  why: string;
  note?: string;
  links: AnswerLinks;
}

function blocksOf(input: DigestMailInput): Block[] {
  return input.entries.map(({ source: { match, note }, links }, i) => ({
    title: `${i + 1}. ${match.offer.title} ← ${match.request.title}`,
    school: `${match.school.name}, ${match.request.municipality} <${match.school.email}>`,
    why: whyItFits(match, input.language),
    note,
    links,
  }));
}

/** One match in the digest: its heading, the school, why it fits, the note, and its own answer links. */
function DigestBlock(props: { block: Block; c: MailCopy }) {
  const { block: b, c } = props;
  return (
    <>
      <h2 style="font-size:1.1rem">{b.title}</h2>
      <p>
        {`${c.digest.school}: ${b.school}`}
        <br />
        {`${c.why}: ${b.why}`}
        {b.note ? (
          <>
            <br />
            {`${c.note}: ${b.note}`}
          </>
        ) : null}
      </p>
      <AnswerButtons links={b.links} labels={c} small />
    </>
  );
}

/** The HTML part of the daily digest. */
export function DigestMail(props: { input: DigestMailInput }) {
  const { input } = props;
  const c = copyFor(input.language);
  const n = input.entries.length;
  return (
    <MailFrame lang={input.language} title={c.digest.subject(n, input.day)}>
      <p>{c.greeting(input.providerName)}</p>
      <p>{c.digest.intro(n)}</p>
      {blocksOf(input).map((block) => (
        <DigestBlock block={block} c={c} />
      ))}
      <Hint>{c.digest.hint}</Hint>
      <Closing text={c.closing} />
    </MailFrame>
  );
}

/** One provider's daily digest: every match approved for them since the last one, each with its own two answer links. */
export function renderDigestMail(input: DigestMailInput): RenderedMail {
  const c = copyFor(input.language);
  const n = input.entries.length;
  const text = [
    c.greeting(input.providerName),
    '',
    c.digest.intro(n),
    ...blocksOf(input).flatMap((b) => [
      '',
      b.title,
      `${c.digest.school}: ${b.school}`,
      `${c.why}: ${b.why}`,
      ...(b.note ? [`${c.note}: ${b.note}`] : []),
      `${c.interested}: ${b.links.interested}`,
      `${c.notInterested}: ${b.links.notInterested}`,
    ]),
    '',
    c.digest.hint,
    '',
    c.closing,
  ].join('\n');
  return { subject: c.digest.subject(n, input.day), text, html: renderMailHtml(<DigestMail input={input} />) };
}

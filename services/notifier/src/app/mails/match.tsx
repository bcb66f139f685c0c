import type { Language, MatchSnapshot, Party } from '@koppel/contracts';
import { describeStoredExplanation } from '@koppel/matching';
import type { Recipient } from '../../store/mail-source';
import { copyFor, type MailCopy } from './copy';
import { AnswerButtons, Closing, Hint, MailFrame, renderMailHtml } from './mail-frame';
import type { AnswerLinks, RenderedMail } from './rendered';

export type { AnswerLinks, RenderedMail } from './rendered';

export interface ApprovedMailInput {
  match: MatchSnapshot;
  note?: string;
  links: AnswerLinks;
}

function sides(match: MatchSnapshot, recipient: Recipient): { me: Party; other: Party; c: MailCopy } {
  const me = recipient === 'school' ? match.school : match.provider;
  const other = recipient === 'school' ? match.provider : match.school;
  return { me, other, c: copyFor(me.language) };
}

/** Why it fits, in the reader's language: the engine's explanation when the snapshot has it, else the stored Dutch summary. */
export function whyItFits(match: MatchSnapshot, lang: Language): string {
  return describeStoredExplanation(match.explanation, match.summary, lang);
}

/** An offer format in the reader's words; a format the copy does not know (an older snapshot) as it is. */
function formatName(c: MailCopy, format: string): string {
  return (c.formats as Record<string, string | undefined>)[format] ?? format;
}

function facts(match: MatchSnapshot, c: MailCopy): { request: string; offer: string } {
  return {
    request: `${match.request.title} (${match.school.name}, ${match.request.municipality}; ${c.pupils(match.request.pupils, match.request.ageMin, match.request.ageMax)})`,
    offer: `${match.offer.title} (${match.provider.name}, ${match.offer.municipality}; ${formatName(c, match.offer.format)}, € ${match.offer.pricePerPupil.toFixed(2)})`,
  };
}

/** A term and its description, the term in bold. */
function Fact(props: { term: string; children: string }) {
  return (
    <>
      <dt>
        <strong>{props.term}</strong>
      </dt>
      <dd>{props.children}</dd>
    </>
  );
}

/** "Get in touch with X:" and X's address as a mailto link. */
function Contact(props: { other: Party; c: MailCopy }) {
  const { other, c } = props;
  return (
    <p>
      {c.match.contact(other.name)}
      <br />
      <a href={`mailto:${other.email}`}>{`${other.name} <${other.email}>`}</a>
    </p>
  );
}

/** The HTML part of the approval mail. */
export function ApprovedMatchMail(props: { match: MatchSnapshot; note?: string; links: AnswerLinks; recipient: Recipient }) {
  const { match, note, links, recipient } = props;
  const { me, other, c } = sides(match, recipient);
  const f = facts(match, c);
  return (
    <MailFrame lang={me.language} title={c.match.subject(match.offer.title)}>
      <p>{c.greeting(me.name)}</p>
      <p>{c.match.intro[recipient]}</p>
      <dl>
        <Fact term={c.match.request}>{f.request}</Fact>
        <Fact term={c.match.offer}>{f.offer}</Fact>
        <Fact term={c.why}>{whyItFits(match, me.language)}</Fact>
        {note ? <Fact term={c.note}>{note}</Fact> : null}
      </dl>
      <Contact other={other} c={c} />
      <p>
        <strong>{c.match.question}</strong>
      </p>
      <AnswerButtons links={links} labels={c} />
      <Hint>{c.match.linkHint}</Hint>
      <Closing text={c.closing} />
    </MailFrame>
  );
}

/** The HTML part of the confirmation. */
export function ConfirmedMatchMail(props: { match: MatchSnapshot; recipient: Recipient }) {
  const { match, recipient } = props;
  const { me, other, c } = sides(match, recipient);
  const f = facts(match, c);
  return (
    <MailFrame lang={me.language} title={c.match.confirmedSubject(match.offer.title)}>
      <p>{c.greeting(me.name)}</p>
      <p>{c.match.confirmedIntro}</p>
      <dl>
        <Fact term={c.match.request}>{f.request}</Fact>
        <Fact term={c.match.offer}>{f.offer}</Fact>
      </dl>
      <Contact other={other} c={c} />
      <Closing text={c.closing} />
    </MailFrame>
  );
}

/** The mail to one side of an approved match, in that side's language: what was matched and why, the other side, and the two answer links. */
export function renderApprovedMatchMail(input: ApprovedMailInput, recipient: Recipient): RenderedMail {
  const { match, note, links } = input;
  const { me, other, c } = sides(match, recipient);
  const f = facts(match, c);
  const text = [
    c.greeting(me.name),
    '',
    c.match.intro[recipient],
    '',
    `${c.match.request}: ${f.request}`,
    `${c.match.offer}: ${f.offer}`,
    `${c.why}: ${whyItFits(match, me.language)}`,
    ...(note ? [`${c.note}: ${note}`] : []),
    '',
    c.match.contact(other.name),
    `${other.name} <${other.email}>`,
    '',
    c.match.question,
    `${c.interested}: ${links.interested}`,
    `${c.notInterested}: ${links.notInterested}`,
    c.match.linkHint,
    '',
    c.closing,
  ].join('\n');
  const html = renderMailHtml(<ApprovedMatchMail match={match} note={note} links={links} recipient={recipient} />);
  return { subject: c.match.subject(match.offer.title), text, html };
}

/** The mail to one side once both said "interested": the other side's contact details. */
export function renderConfirmedMatchMail(input: { match: MatchSnapshot }, recipient: Recipient): RenderedMail {
  const { match } = input;
  const { me, other, c } = sides(match, recipient);
  const f = facts(match, c);
  const text = [
    c.greeting(me.name),
    '',
    c.match.confirmedIntro,
    '',
    `${c.match.request}: ${f.request}`,
    `${c.match.offer}: ${f.offer}`,
    '',
    c.match.contact(other.name),
    `${other.name} <${other.email}>`,
    '',
    c.closing,
  ].join('\n');
  const html = renderMailHtml(<ConfirmedMatchMail match={match} recipient={recipient} />);
  return { subject: c.match.confirmedSubject(match.offer.title), text, html };
}

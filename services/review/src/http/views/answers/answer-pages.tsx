import type { Language, MatchAnswer, MatchSide, MatchSnapshot } from '@koppel/contracts';
import { Page } from '@koppel/http';
import type { Child } from 'hono/jsx';
import { copyFor } from '../copy';
import { STYLESHEET_PATH } from '../stylesheet';

/** The language of one side of the match: the page it answers on speaks it. */
export function languageOf(match: MatchSnapshot, side: MatchSide): Language {
  return (side === 'school' ? match.school.language : match.provider.language) ?? 'nl';
}

/** The answer pages' frame: public pages in the recipient's language, without navigation or switcher. */
function AnswerFrame(props: { lang: Language; children: Child }) {
  return (
    <Page lang={props.lang} title={copyFor(props.lang).answers.title} stylesheet={STYLESHEET_PATH}>
      {props.children}
    </Page>
  );
}

/** The page a mail link opens: what is being answered, an optional reason, one button. */
export function AnswerFormPage(props: { match: MatchSnapshot; side: MatchSide; answer: MatchAnswer; token: string }) {
  const lang = languageOf(props.match, props.side);
  const c = copyFor(lang).answers;
  return (
    <AnswerFrame lang={lang}>
      <h1>{c.heading(props.match.offer.title)}</h1>
      <p>{c.between(props.match.school.name, props.match.provider.name)}</p>
      <form method="post" action={`/answers/${props.token}`}>
        <p>
          <strong>{c.yourAnswer[props.answer]}</strong>
        </p>
        {props.answer === 'not_interested' ? (
          <p>
            <label for="reason">{c.reason}</label>
            <br />
            <textarea id="reason" name="reason" rows={3} cols={50} maxlength={2000} />
          </p>
        ) : null}
        <button class="primary" type="submit">
          {c.send}
        </button>
      </form>
    </AnswerFrame>
  );
}

/** What an answer came to: recorded (and the match confirmed or not), already given, a link that is no good, a match not open. */
export function AnswerResultPage(props: {
  lang: Language;
  kind: 'recorded' | 'already' | 'invalid' | 'not-open';
  answer?: MatchAnswer;
  confirmed?: boolean;
}) {
  const c = copyFor(props.lang).answers;
  const recorded = `${c.thanks[props.answer ?? 'interested']} ${props.confirmed ? c.confirmed : props.answer === 'interested' ? c.waiting : ''}`;
  const messages = { recorded, already: c.already(props.answer ?? 'interested'), 'not-open': c.notOpen, invalid: c.invalid };
  return (
    <AnswerFrame lang={props.lang}>
      <h1>{c.title}</h1>
      <p class={props.kind === 'recorded' ? 'ok' : 'warn'} role="status">
        {messages[props.kind].trim()}
      </p>
    </AnswerFrame>
  );
}

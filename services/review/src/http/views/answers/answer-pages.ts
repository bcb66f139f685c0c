import type { Language, MatchAnswer, MatchSide, MatchSnapshot } from '@koppel/contracts';
import { escapeHtml } from '@koppel/http';
import { layout } from '../layout';
import { copyFor, languageOf } from './copy';

/** The page a mail link opens: what is being answered, an optional reason, one button. */
export function answerFormPage(input: { match: MatchSnapshot; side: MatchSide; answer: MatchAnswer; token: string }): string {
  const lang = languageOf(input.match, input.side);
  const c = copyFor(lang);
  const reason =
    input.answer === 'not_interested'
      ? `<p><label for="reason">${escapeHtml(c.reason)}</label><br><textarea id="reason" name="reason" rows="3" cols="50" maxlength="2000"></textarea></p>`
      : '';
  return layout(
    { title: c.title, lang },
    `<h1>${escapeHtml(c.heading(input.match.offer.title))}</h1>
<p>${escapeHtml(c.between(input.match.school.name, input.match.provider.name))}</p>
<form method="post" action="/answers/${escapeHtml(input.token)}">
<p><strong>${escapeHtml(c.yourAnswer[input.answer])}</strong></p>
${reason}
<button class="primary" type="submit">${escapeHtml(c.send)}</button>
</form>`,
  );
}

/** What an answer came to: recorded (and the match confirmed or not), already given, a link that is no good, a match not open. */
export function answerResultPage(input: {
  lang: Language;
  kind: 'recorded' | 'already' | 'invalid' | 'not-open';
  answer?: MatchAnswer;
  confirmed?: boolean;
}): string {
  const c = copyFor(input.lang);
  const recorded = `${c.thanks[input.answer ?? 'interested']} ${input.confirmed ? c.confirmed : input.answer === 'interested' ? c.waiting : ''}`;
  const messages = { recorded, already: c.already(input.answer ?? 'interested'), 'not-open': c.notOpen, invalid: c.invalid };
  const message = messages[input.kind];
  const tone = input.kind === 'recorded' ? 'ok' : 'warn';
  return layout(
    { title: c.title, lang: input.lang },
    `<h1>${escapeHtml(c.title)}</h1>\n<p class="${tone}" role="status">${escapeHtml(message.trim())}</p>`,
  );
}

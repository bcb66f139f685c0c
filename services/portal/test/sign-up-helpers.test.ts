import {
  asksForLeisureTime,
  ORGANISATION_TYPES,
  PROVIDER_TYPES,
  REQUESTER_TYPES,
  RequestInputSchema,
  SignUpInputSchema,
} from '@koppel/contracts';
import { type IssueLike, issueMessage } from '../src/client/issue-messages';
import { PORTAL_COPY } from '../src/copy';
import { requestIssueLabels, requestSchemaFor, requestWordingOf } from '../src/leisure/wording';
import { signUpErrorsOf, signUpLabels } from '../src/sign-up/errors';
import { fieldIdOf, hasSchoolLevels, idsOf, kindGroups, SIGN_UP_FIELDS, signUpBodyOf, signUpFieldOf } from '../src/sign-up/form';

/**
 * The pure parts of signing up (issue #13) and of the request form's leisure-time words:
 * which field an error of intake's belongs to and what it says in each language, the body
 * the form sends (accepted by intake's own schema), and which words a requester reads.
 */
describe('the sign-up form: errors to fields', () => {
  it('maps every path intake may report to the field where it is fixed, and its control id', () => {
    const cases: [string, string, string][] = [
      ['contact.email', 'contact.email', 'f-contact-email'],
      ['contact.name', 'contact.name', 'f-contact-name'],
      ['contact.language', 'contact.language', 'f-contact-language'],
      ['place.postcode', 'place.postcode', 'f-place-postcode'],
      ['place.municipality', 'place.municipality', 'f-place-municipality'],
      ['place', 'place.postcode', 'f-place-postcode'],
      ['place.lon', 'place.postcode', 'f-place-postcode'],
      ['memberOf.0', 'memberOf', 'f-memberOf'],
      ['memberOf.12', 'memberOf', 'f-memberOf'],
      ['schoolLevels.1', 'schoolLevels', 'f-schoolLevels'],
      ['type', 'type', 'f-type'],
      ['name', 'name', 'f-name'],
      ['contact', 'contact.email', 'f-contact-email'],
    ];
    for (const [path, field, id] of cases) {
      expect({ path, field: signUpFieldOf(path) }).toEqual({ path, field });
      expect(fieldIdOf(signUpFieldOf(path))).toBe(id);
    }
    // Anything else belongs to the form as a whole (the summary, without a link).
    for (const path of ['', 'regions', 'contacts.0.email', 'place.elsewhere']) expect(signUpFieldOf(path)).toBe('');
    for (const field of SIGN_UP_FIELDS) expect(signUpFieldOf(field)).toBe(field);
  });

  it("tells intake's errors in the page language, one per field, in the form's order", () => {
    const errors = [
      { path: 'memberOf.1', message: 'no other organisation has the id org-nope' },
      { path: 'place.postcode', message: 'unknown postcode in BE: give lat and lon, or another spelling' },
      { path: 'place.municipality', message: 'required (the postcode is not in the gazetteer)' },
      { path: 'contact.email', message: 'must be a valid email address' },
      { path: 'contact.email', message: 'a second error of the same field' },
      { path: 'regions', message: 'Unknown field' },
    ];
    const sent = { memberOf: ['org-board', 'org-nope'] };
    expect(signUpErrorsOf(errors, PORTAL_COPY.nl, sent)).toEqual([
      { field: 'memberOf', message: 'Er is geen organisatie met het id org-nope.' },
      { field: 'place.postcode', message: 'Deze postcode of gemeente kennen we niet in het gekozen land.' },
      { field: 'place.municipality', message: 'Vul ook de gemeente in: deze postcode kennen we niet.' },
      { field: 'contact.email', message: 'Vul een geldig e-mailadres in, zoals naam@organisatie.be.' },
      { field: '', message: 'regions: controleer dit veld.' },
    ]);
    expect(signUpErrorsOf(errors.slice(0, 2), PORTAL_COPY.fr, sent).map((e) => e.message)).toEqual([
      'Aucune organisation n’a l’identifiant org-nope.',
      'Nous ne connaissons pas ce code postal ou cette commune dans le pays choisi.',
    ]);
    expect(
      signUpErrorsOf([{ path: 'memberOf.0', message: 'must be a school board or a cultural hub' }], PORTAL_COPY.en, {
        memberOf: ['museum-1'],
      }),
    ).toEqual([{ field: 'memberOf', message: 'museum-1 is not a school board or a cultural hub.' }]);
    // An error the portal has no sentence for names the field by its label.
    expect(signUpErrorsOf([{ path: 'name', message: 'must not be empty' }], PORTAL_COPY.en)).toEqual([
      { field: 'name', message: 'Name of the organisation: please check this field.' },
    ]);
  });

  it('names every field by the label the page shows, in every language', () => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const labels = signUpLabels(PORTAL_COPY[lang]);
      expect(Object.keys(labels).sort()).toEqual([...SIGN_UP_FIELDS].sort());
      expect(Object.values(labels).every((label) => label.trim().length > 0)).toBe(true);
    }
    // The live check of the form uses them: "Vul naam van de organisatie in."
    const result = SignUpInputSchema.safeParse({ type: 'school', name: '', place: { country: 'BE' }, contact: { name: 'An', email: 'x' } });
    expect(result.success).toBe(false);
    const messages = (result.error?.issues ?? []).map((issue) =>
      issueMessage(issue as unknown as IssueLike, 'nl', signUpLabels(PORTAL_COPY.nl)),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        'Vul naam van de organisatie in.',
        'Vul een postcode of een gemeente in.',
        'Vul een geldig e-mailadres in, zoals naam@school.be.',
      ]),
    );
  });
});

describe('the sign-up form: kinds and body', () => {
  it('groups every kind but broker, each once', () => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const kinds = kindGroups(lang).flatMap((group) => group.kinds.map(([kind]) => kind));
      expect(kinds.sort()).toEqual(ORGANISATION_TYPES.filter((t) => t !== 'broker').sort());
    }
    expect(kindGroups('nl').find((g) => g.group === 'childhood_and_leisure')?.kinds).toContainEqual([
      'after_school_care',
      'Buitenschoolse opvang (BSO)',
    ]);
  });

  it('has school levels for schools and school boards only', () => {
    expect(ORGANISATION_TYPES.filter(hasSchoolLevels)).toEqual(['school', 'school_board']);
    expect(hasSchoolLevels('')).toBe(false);
    expect(hasSchoolLevels('constructor')).toBe(false);
  });

  it('sends a body intake accepts: levels only for schools and only when ticked, umbrella ids as a list', () => {
    const base = {
      name: 'BSO De Speelboom',
      place: { postcode: '8500', country: 'BE' },
      contact: { name: 'Sofie', email: 'sofie@example.be', language: 'nl' },
    };
    const bso = signUpBodyOf({ ...base, type: 'after_school_care', schoolLevels: ['be_primary'], memberOf: ' org-a, org-b;org-c  ' });
    expect(bso).toEqual({ ...base, type: 'after_school_care', memberOf: ['org-a', 'org-b', 'org-c'] });
    expect(SignUpInputSchema.safeParse(bso).success).toBe(true);
    const school = signUpBodyOf({ ...base, type: 'school', schoolLevels: ['be_primary', 'be_nursery'] });
    expect(school).toEqual({ ...base, type: 'school', schoolLevels: ['be_primary', 'be_nursery'] });
    expect(SignUpInputSchema.safeParse(school).success).toBe(true);
    expect(signUpBodyOf({ ...base, type: 'school', schoolLevels: [], memberOf: '' })).toEqual({ ...base, type: 'school' });
    expect(idsOf('  ')).toEqual([]);
  });
});

describe('the request form: school or leisure-time words', () => {
  it('gives the leisure words to every requester that asks for leisure time, and the school words to the rest', () => {
    const leisure = ORGANISATION_TYPES.filter((type) => requestWordingOf(type) === 'leisure');
    expect(leisure.sort()).toEqual(
      [
        'after_school_care',
        'childcare',
        'integrated_child_centre',
        'neighbourhood',
        'playgroup',
        'sport_club',
        'welfare',
        'youth_work',
      ].sort(),
    );
    for (const type of ORGANISATION_TYPES) expect(requestWordingOf(type)).toBe(asksForLeisureTime(type) ? 'leisure' : 'school');
    expect(leisure.every((type) => (REQUESTER_TYPES as readonly string[]).includes(type))).toBe(true);
    for (const type of ['school', 'school_board', 'culture_coach', ...PROVIDER_TYPES]) expect(requestWordingOf(type)).toBe('school');
    // Not known (yet), or not a type at all: the words the page was served with.
    for (const type of [undefined, '', 'toString', 'bso']) expect(requestWordingOf(type)).toBe('school');
  });

  it('names the fields in error sentences by the leisure words', () => {
    const labels = requestIssueLabels(PORTAL_COPY.nl, 'leisure');
    const missing = { code: 'invalid_type', path: ['pupils', 'count'], message: 'Invalid input: expected number, received undefined' };
    expect(issueMessage(missing, 'nl', labels)).toBe('Vul aantal deelnemers in.');
    expect(issueMessage(missing, 'nl', requestIssueLabels(PORTAL_COPY.nl, 'school'))).toBe('Vul aantal leerlingen in.');
    expect(issueMessage(missing, 'fr', requestIssueLabels(PORTAL_COPY.fr, 'leisure'))).toBe('Indiquez : nombre de participants.');
    expect(issueMessage(missing, 'en', requestIssueLabels(PORTAL_COPY.en, 'leisure'))).toBe('Enter the number of participants.');
  });

  const request = { title: 'Theaterworkshop', description: '', language: 'nl', disciplines: ['theatre'], maxTravelKm: 15 };
  const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; code: string }[] } }) =>
    (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}:${issue.code}`);

  it('checks a school with intake’s own schema, unchanged', () => {
    const schema = requestSchemaFor(() => 'school');
    for (const body of [
      { ...request, pupils: { count: 20 } },
      { ...request, pupils: { count: 0 }, grades: [] },
      { ...request, grades: ['3de leerjaar'], pupils: { count: 20 } },
      { title: '', pupils: { count: 20, ageMin: 9, ageMax: 7 } },
    ])
      expect(issuesOf(schema.safeParse(body))).toEqual(issuesOf(RequestInputSchema.safeParse(body)));
    expect(schema.safeParse({ ...request, grades: ['3de leerjaar'], pupils: { count: 20 } }).success).toBe(true);
  });

  it('requires the ages of a leisure-time group, each at its own field', () => {
    let wording: 'school' | 'leisure' = 'leisure';
    const schema = requestSchemaFor(() => wording);
    const noAges = schema.safeParse({ ...request, pupils: { count: 20 } });
    expect(issuesOf(noAges)).toEqual(['pupils.ageMin:invalid_type', 'pupils.ageMax:invalid_type']);
    const messages = (noAges.error?.issues ?? []).map((issue) =>
      issueMessage(issue as unknown as IssueLike, 'nl', requestIssueLabels(PORTAL_COPY.nl, 'leisure')),
    );
    expect(messages).toEqual(['Vul jongste leeftijd in.', 'Vul oudste leeftijd in.']);
    expect(issuesOf(schema.safeParse({ ...request, pupils: { count: 20, ageMin: 4 } }))).toEqual(['pupils.ageMax:invalid_type']);
    // Nothing of the group, or other fields wrong too: every missing number is said at once, at its field.
    const missing = ['pupils.count:invalid_type', 'pupils.ageMin:invalid_type', 'pupils.ageMax:invalid_type'];
    expect(issuesOf(schema.safeParse(request))).toEqual(missing);
    expect(issuesOf(schema.safeParse({ ...request, pupils: {} }))).toEqual(missing);
    expect(issuesOf(schema.safeParse({ ...request, title: '', pupils: { count: 20 } }))).toEqual([
      'title:too_small',
      'pupils.ageMin:invalid_type',
      'pupils.ageMax:invalid_type',
    ]);
    const reversed = schema.safeParse({ ...request, pupils: { count: 20, ageMin: 12, ageMax: 4 } });
    expect(issuesOf(reversed)).toEqual(['pupils.ageMax:custom']);
    expect(issueMessage(reversed.error!.issues[0] as unknown as IssueLike, 'nl')).toBe(
      'De oudste leeftijd mag niet lager zijn dan de jongste.',
    );
    expect(schema.safeParse({ ...request, pupils: { count: 20, ageMin: 4, ageMax: 12 } }).success).toBe(true);
    // The same schema, once the page knows it is a school again.
    wording = 'school';
    expect(issuesOf(schema.safeParse({ ...request, pupils: { count: 20 } }))).toEqual(['pupils:custom']);
  });
});

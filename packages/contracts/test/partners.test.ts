import {
  asksForLeisureTime,
  ORGANISATION_TYPES,
  OrganisationInputSchema,
  PARTNER_GROUPS,
  PARTNER_KINDS,
  partnerKindsIn,
  roleOfType,
  SCHOOL_LEVEL_LABELS,
  SCHOOL_LEVELS,
} from '../src';

const contact = { name: 'An Peeters', email: 'an@example.org' };

describe('the partner taxonomy', () => {
  it('labels every organisation type in Dutch, French and English, each label its own', () => {
    for (const type of ORGANISATION_TYPES) {
      const { labels } = PARTNER_KINDS[type];
      for (const language of ['nl', 'fr', 'en'] as const) expect(labels[language].trim()).not.toBe('');
    }
    const dutch = ORGANISATION_TYPES.map((t) => PARTNER_KINDS[t].labels.nl);
    expect(new Set(dutch).size).toBe(dutch.length);
  });

  it('puts every kind in exactly one group, in the order a form lists them', () => {
    const grouped = PARTNER_GROUPS.flatMap((g) => partnerKindsIn(g));
    expect([...grouped].sort()).toEqual([...ORGANISATION_TYPES].sort());
    expect(partnerKindsIn('education')).toEqual(['school', 'school_board']);
  });

  it('names the partners of the regional overviews with the role they play', () => {
    expect(roleOfType('integrated_child_centre')).toBe('requester');
    expect(roleOfType('playgroup')).toBe('requester');
    expect(roleOfType('school_board')).toBe('requester');
    expect(roleOfType('archive')).toBe('provider');
    expect(roleOfType('cultural_hub')).toBe('provider');
    expect(roleOfType('festival')).toBe('provider');
    expect(roleOfType('broker')).toBe('broker');
  });

  it('words leisure-time requesters apart from schools', () => {
    expect(asksForLeisureTime('after_school_care')).toBe(true);
    expect(asksForLeisureTime('neighbourhood')).toBe(true);
    expect(asksForLeisureTime('school')).toBe(false);
    expect(asksForLeisureTime('museum')).toBe(false);
  });

  it('labels Flemish and Dutch school levels in every language', () => {
    for (const language of ['nl', 'fr', 'en'] as const)
      expect(Object.keys(SCHOOL_LEVEL_LABELS[language]).sort()).toEqual([...SCHOOL_LEVELS].sort());
    expect(SCHOOL_LEVEL_LABELS.nl.nl_vocational).toMatch(/mbo/);
  });
});

describe('an organisation with school levels and an umbrella', () => {
  it('accepts a school with its levels, member of a school board', () => {
    const parsed = OrganisationInputSchema.safeParse({
      type: 'school',
      name: 'Basisschool De Linde',
      contacts: [contact],
      schoolLevels: ['be_nursery', 'be_primary'],
      memberOf: ['org-scholengroep-kortrijk'],
    });
    expect(parsed.success).toBe(true);
  });

  it('refuses school levels on anything but a school or a board, naming the field', () => {
    const parsed = OrganisationInputSchema.safeParse({
      type: 'museum',
      name: 'Texture',
      contacts: [contact],
      schoolLevels: ['be_primary'],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['schoolLevels']);
  });

  it('refuses a level that does not exist', () => {
    const parsed = OrganisationInputSchema.safeParse({ type: 'school', name: 'X', contacts: [contact], schoolLevels: ['kindergarten'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['schoolLevels', 0]);
  });
});

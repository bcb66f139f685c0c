import { planUsesIndexes } from '../src';

describe('planUsesIndexes', () => {
  it('is false for FerretDB v1, whose plan says it filters outside the database', () => {
    expect(planUsesIndexes({ queryPlanner: {}, filterPushdown: false, sortPushdown: false, ok: 1 })).toBe(false);
  });

  it('is true for a MongoDB plan, which has no such field', () => {
    expect(planUsesIndexes({ queryPlanner: { winningPlan: { stage: 'EOF' } }, ok: 1 })).toBe(true);
  });

  it('is true where FerretDB pushes the filter down (its PostgreSQL backend)', () => {
    expect(planUsesIndexes({ filterPushdown: true, ok: 1 })).toBe(true);
  });
});

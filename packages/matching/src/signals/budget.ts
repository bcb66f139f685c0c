import { PRICE_CEILING_FACTOR } from '../constraints';

/**
 * 1 within budget (or no budget stated); above it, falling linearly to 0 at the
 * hard ceiling of 1.5 x budget. The engine also multiplies the whole score down
 * for over-budget offers, because judges cap them at "acceptable".
 */
export function budgetSignal(pricePerPupil: number, budgetPerPupil: number | undefined): number {
  if (budgetPerPupil === undefined || pricePerPupil <= budgetPerPupil) return 1;
  const ceiling = PRICE_CEILING_FACTOR * budgetPerPupil;
  if (ceiling <= budgetPerPupil) return 0;
  return Math.max(0, 0.5 * (1 - (pricePerPupil - budgetPerPupil) / (ceiling - budgetPerPupil)));
}

export function isOverBudget(pricePerPupil: number, budgetPerPupil: number | undefined): boolean {
  return budgetPerPupil !== undefined && pricePerPupil > budgetPerPupil;
}

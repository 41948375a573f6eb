import { milestoneAmounts, payableFen } from './milestone-rules';

describe('milestone payment arithmetic', () => {
  it('pays a met milestone in full, a partial one pro rata, a missed one nothing', () => {
    expect(payableFen('met', 300_000, null)).toBe(300_000);
    expect(payableFen('partially_met', 300_000, 60)).toBe(180_000);
    expect(payableFen('not_met', 300_000, null)).toBe(0);
    expect(payableFen('scheduled', 300_000, null)).toBe(0);
  });

  it('splits the value by share, the last milestone taking the rounding remainder', () => {
    expect(milestoneAmounts(1_000_001, [30, 30, 40])).toEqual([300_000, 300_000, 400_001]);
    expect(milestoneAmounts(800_000, [100])).toEqual([800_000]);
  });
});

import { describe, expect, it } from 'vitest';
import { axisTicks, labelledSlots, layoutBars, niceCeiling } from './chartScale';

describe('niceCeiling', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, -3, 0.4, 1, 2, 3, 5, 6, 10, 11, 20, 21, 99, 100, 101, 4999].map(niceCeiling))
      .toEqual([1, 1, 1, 1, 2, 5, 5, 10, 10, 20, 20, 50, 100, 100, 200, 5000]);
  });
});

describe('axisTicks', () => {
  it('adds the middle only when it is a whole count', () => {
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(5)).toEqual([0, 5]);
    expect(axisTicks(10)).toEqual([0, 5, 10]);
  });
});

describe('layoutBars', () => {
  it('scales every series against one rounded maximum and places the bars side by side in their slot', () => {
    const { bars, max } = layoutBars([[4, 0, 8], [2, 1, 0]], 300, 100, 0);
    expect(max).toBe(10);
    expect(bars).toHaveLength(6);
    const created = bars.filter((b) => b.series === 0);
    expect(created.map((b) => b.height)).toEqual([40, 0, 80]);
    expect(created.map((b) => b.y)).toEqual([60, 100, 20]);
    expect(created.map((b) => b.x)).toEqual([0, 100, 200]);
    const closed = bars.filter((b) => b.series === 1);
    expect(closed.map((b) => b.x)).toEqual([50, 150, 250]);
    expect(closed.every((b) => b.width === 50)).toBe(true);
  });

  it('draws nothing for no data, and treats negative counts as zero height', () => {
    expect(layoutBars([], 100, 100)).toEqual({ bars: [], max: 1 });
    expect(layoutBars([[]], 100, 100).bars).toEqual([]);
    const { bars } = layoutBars([[-2, 1]], 100, 50, 0);
    expect(bars[0].height).toBe(0);
    expect(bars[0].value).toBe(-2);
    expect(bars[1].height).toBe(50);
  });

  it('keeps bars inside the drawing, however many slots', () => {
    const values = Array.from({ length: 366 }, (_, i) => i % 7);
    const { bars } = layoutBars([values], 320, 120);
    for (const bar of bars) {
      expect(bar.x).toBeGreaterThanOrEqual(0);
      expect(bar.x + bar.width).toBeLessThanOrEqual(320 + 1);
      expect(bar.y).toBeGreaterThanOrEqual(0);
      expect(bar.y + bar.height).toBeCloseTo(120);
    }
  });
});

describe('labelledSlots', () => {
  it('labels at most the asked number of slots, always the last one', () => {
    expect(labelledSlots(0, 5)).toEqual([]);
    expect(labelledSlots(3, 5)).toEqual([0, 1, 2]);
    expect(labelledSlots(30, 6)).toEqual([4, 9, 14, 19, 24, 29]);
    expect(labelledSlots(7, 1)).toEqual([6]);
  });
});

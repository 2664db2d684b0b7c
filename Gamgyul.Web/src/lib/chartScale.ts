// Scaling for the admin statistics chart, drawn as inline SVG by our own code (no chart library).

/** The smallest 1, 2 or 5 × 10ⁿ at or above the value (at least 1), so the axis ends on a round number. */
export function niceCeiling(value: number): number {
  if (!(value > 1)) return 1;
  let power = 1;
  while (power * 10 < value) power *= 10;
  for (const step of [1, 2, 5]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

/** Axis labels for counts: 0, the middle when it is a whole number, and the top. */
export function axisTicks(max: number): number[] {
  return max >= 2 && max % 2 === 0 ? [0, max / 2, max] : [0, max];
}

export interface Bar {
  /** Which series (0-based) and which slot (0-based) the bar belongs to. */
  series: number;
  slot: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Grouped bars: one slot per day, one bar per series inside it, all against one rounded maximum so the
 * series compare. Heights are proportional; a zero draws no bar, a negative counts as zero.
 */
export function layoutBars(series: number[][], width: number, height: number, gap = 2): { bars: Bar[]; max: number } {
  const slots = Math.max(0, ...series.map((values) => values.length));
  const max = niceCeiling(Math.max(0, ...series.flat()));
  if (slots === 0 || series.length === 0) return { bars: [], max };
  const slotWidth = width / slots;
  // On a crowded chart (a year of days on a phone) the gap shrinks with the slot, so bars never spill over.
  const space = Math.min(gap, slotWidth / 2);
  const barWidth = (slotWidth - space) / series.length;
  const bars: Bar[] = [];
  series.forEach((values, s) => {
    values.forEach((raw, slot) => {
      const value = Math.max(0, raw);
      const barHeight = (value / max) * height;
      bars.push({ series: s, slot, value: raw, x: slot * slotWidth + space / 2 + s * barWidth, y: height - barHeight, width: barWidth, height: barHeight });
    });
  });
  return { bars, max };
}

/** Label every n-th slot so at most `maxLabels` labels fit under the bars (the last slot is always labelled). */
export function labelledSlots(slots: number, maxLabels: number): number[] {
  if (slots <= 0) return [];
  const every = Math.max(1, Math.ceil(slots / Math.max(1, maxLabels)));
  const chosen: number[] = [];
  for (let i = slots - 1; i >= 0; i -= every) chosen.unshift(i);
  return chosen;
}

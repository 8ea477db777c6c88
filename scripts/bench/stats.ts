// The one statistic every bench part reports its repeated measures by.

/** The median of the figures (the upper middle one of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

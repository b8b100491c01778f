/** bigint columns come back from pg as strings; sizes stay far below 2^53, so numbers are exact. */
export const bigintNumber = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * A date or span as a reader of the PDF should see it: ISO 8601 calendar dates (never a
 * timestamp with a time zone that shifts the day), cut to the precision recorded (1997-03 for
 * a month, 1997 for a year), "circa 1997" where the witness only remembered about when.
 */
export function printedDate(from: string | null, to: string | null, precision: string | null): string {
  const one = (value: string | null) => (value ? shortened(value.slice(0, 10), precision) : '');
  const [start, end] = [one(from), one(to)];
  const span = start && end && start !== end ? `${start} – ${end}` : start || end;
  return span && precision === 'circa' ? `circa ${span}` : span;
}

function shortened(date: string, precision: string | null): string {
  if (precision === 'year' || precision === 'circa') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date;
}

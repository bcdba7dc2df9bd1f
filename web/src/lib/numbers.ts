// Numbers as the reader writes them ("1.5" or "1,5"), through Intl in their locale.
const upToOne = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const exactlyOne = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** At most one decimal: 2, 1.5. */
export const decimal = (n: number): string => upToOne.format(n);
/** Always one decimal, for a column of figures: 2.0, 1.5. */
export const oneDecimal = (n: number): string => exactlyOne.format(n);

/** An optional time as the API writes it. */
export const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Status = 'pending' | 'approved' | 'rejected';

/** Pending applications first, then the others, each group in the order the API gave. */
export function pendingFirst<T extends { status: Status }>(items: T[]): T[] {
  return [
    ...items.filter((a) => a.status === 'pending'),
    ...items.filter((a) => a.status !== 'pending'),
  ];
}

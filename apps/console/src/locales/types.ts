/** The English table must have exactly the Chinese one's keys: the compiler checks completeness. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** A feature's strings: Chinese first, English complete. */
export interface Namespace<T> {
  zh: T;
  en: Messages<T>;
}

export function namespace<T>(zh: T, en: Messages<T>): Namespace<T> {
  return { zh, en };
}

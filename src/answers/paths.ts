/**
 * Typed key paths into the answers, derived from the schema's input type: "organization.prefix",
 * "accounts.0.name", "state.bucket". A path the schema does not have fails to compile. Types only:
 * importing this module loads nothing at run time (so the generator's questions stay zod-free).
 */
import type { AnswersInput } from "./schema.js";

/** T with every part optional, all the way down. */
export type DeepPartial<T> = T extends readonly (infer E)[]
  ? DeepPartial<E>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Answers as the generator builds them, question by question. */
export type Draft = DeepPartial<AnswersInput>;

type Join<K extends string, P> = P extends string ? `${K}.${P}` : never;

/** Every dotted key path of T; array elements are addressed by index ("accounts.0.name"). */
export type PathOf<T> = T extends readonly (infer E)[]
  ? `${number}` | Join<`${number}`, PathOf<NonNullable<E>>>
  : T extends object
    ? { [K in keyof T & string]-?: K | Join<K, PathOf<NonNullable<T[K]>>> }[keyof T & string]
    : never;

/** The type found at path P of T (unions such as `state` are followed branch by branch). */
export type ValueAt<T, P extends string> = T extends readonly (infer E)[]
  ? P extends `${number}.${infer Rest}`
    ? ValueAt<NonNullable<E>, Rest>
    : P extends `${number}`
      ? E
      : never
  : T extends object
    ? P extends `${infer K}.${infer Rest}`
      ? K extends keyof T
        ? ValueAt<NonNullable<T[K]>, Rest>
        : never
      : P extends keyof T
        ? T[P]
        : never
    : never;

/** A key path into the answers. */
export type AnswersPath = PathOf<AnswersInput>;

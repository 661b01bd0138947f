// Type-level reading of spec nodes: the TypeScript type of a value a node describes.
import type { ExprResult } from './spec';

/** An expression: a JSON array whose first item is the function name. */
export type Expression = [string, ...unknown[]];

/** A plain value, or an expression that evaluates to one. */
export type ExprOr<T> = T | Expression;

interface ExprResultTypes {
  boolean: boolean;
  string: string;
  number: number;
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type RequiredKeys<P> = { [K in keyof P]: P[K] extends { readonly required: true } ? K : never }[keyof P];

/** The object type described by a property map: required properties required, the rest optional. */
export type ObjectTs<P> = Simplify<
  { -readonly [K in RequiredKeys<P>]: TsOf<P[K]> } & { -readonly [K in Exclude<keyof P, RequiredKeys<P>>]?: TsOf<P[K]> }
>;

/** The TypeScript type of the values a spec node accepts. */
export type TsOf<N> = N extends { readonly kind: 'string' }
  ? string
  : N extends { readonly kind: 'number' }
    ? number
    : N extends { readonly kind: 'boolean' }
      ? boolean
      : N extends { readonly kind: 'enum'; readonly values: readonly (infer V)[] }
        ? V
        : N extends { readonly kind: 'const'; readonly value: infer V }
          ? V
          : N extends { readonly kind: 'null' }
            ? null
            : N extends { readonly kind: 'expr'; readonly result: infer R extends ExprResult }
              ? ExprOr<ExprResultTypes[R]>
              : N extends { readonly kind: 'array'; readonly items: infer I }
                ? TsOf<I>[]
                : N extends { readonly kind: 'object'; readonly additional: infer A }
                  ? Record<string, TsOf<A>>
                  : N extends { readonly kind: 'object'; readonly properties: infer P }
                    ? ObjectTs<P> & Record<string, unknown>
                    : N extends { readonly kind: 'union'; readonly anyOf: readonly (infer U)[] }
                      ? TsOf<U>
                      : unknown;

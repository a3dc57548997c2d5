/** damerau-levenshtein ships no types: the one call we use. */
declare module "damerau-levenshtein" {
  export default function damerauLevenshtein(
    a: string,
    b: string,
    limit?: number,
  ): { steps: number; relative: number; similarity: number };
}

/** Rows `ecoute validate` reads from the head of each file by default (its own module: the CLI's help shows it without loading validate). */
export const DEFAULT_SAMPLE_ROWS = 10_000;

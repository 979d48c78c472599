/** DuckDB's own default max_line_size: the quick CSV path keeps it (larger ones made its row groups uneven). */
export const READER_MAX_LINE_BYTES = 2 * 1024 * 1024;

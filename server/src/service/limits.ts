/** Bounds that keep the server responsive on any input. */

/** Documents larger than this (in UTF-16 code units) are not analysed; the user is told why. */
export const MAX_DOCUMENT_LENGTH = 64 * 1024 * 1024;

/** Delay between the last keystroke and re-publishing diagnostics. */
export const DIAGNOSTICS_DELAY_MS = 150;

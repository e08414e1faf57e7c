/** Small wording helpers shared by the core, the language service, the CLI and the client. */

/** `1 turn`, `2 turns` (or an irregular plural: `plural(n, 'person', 'people')`). */
export function plural(count: number, one: string, many = one + 's'): string {
  return `${count} ${count === 1 ? one : many}`;
}

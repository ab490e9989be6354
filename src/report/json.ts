// JSON output: 2-space indent and a final newline, so `--json > file` is a valid JSON document.
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

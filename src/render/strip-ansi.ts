// CSI sequences (colours, cursor moves) and OSC sequences (titles, links).
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g

/** Text without ANSI escape codes (for logs, notes and files that are not a terminal). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '')
}

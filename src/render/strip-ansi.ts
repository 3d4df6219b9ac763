// CSI sequences (colours, cursor moves) and OSC sequences (titles, links).
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g

/** Text without ANSI escape codes (for logs, notes and files that are not a terminal). */
export function stripAnsi(text: string): string {
  // Most text has no escape at all: one scan for ESC instead of the pattern's (a fleet's list is a megabyte).
  return text.includes('\u001b') ? text.replace(ANSI, '') : text
}

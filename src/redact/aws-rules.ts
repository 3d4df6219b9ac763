import { MARKER, type RedactionRule } from './rule.js'

// arn:<partition>:sts::<account>:assumed-role/<role>/<session>: the session name often names a person or run.
const ASSUMED_ROLE = /(arn:aws[\w-]*:sts::[^:\s]*:assumed-role\/[\w+=,.@-]+\/)[\w+=,.@-]+/g
// Access key ids (AKIA long-term, ASIA temporary, ABIA/ACCA service) are credentials.
const ACCESS_KEY_ID = /(?<![A-Za-z0-9])A(?:KIA|SIA|BIA|CCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g
// Unique ids of roles, users, groups ...; a role's is followed by `:<session name>` in error messages.
const UNIQUE_ID = /(?<![A-Za-z0-9])A(?:ROA|IDA|GPA|IPA|NPA|NVA|PKA|SCA)[A-Z0-9]{16}(?![A-Za-z0-9])(?::[\w+=,.@-]+)?/g
// 12 digits standing alone: inside ARNs (any partition), bucket names, messages, and after
// %3A or %2F in URL-encoded ARNs of provider debug logs. The regex starts on a digit (fast to
// find); what precedes the digits is checked in the callback.
const ACCOUNT_ID = /\d{12}(?![0-9A-Za-z])/g
const GLUED = /[0-9A-Za-z]$/
const URL_ENCODED_SEPARATOR = /%(?:3[Aa]|2[Ff])$/
// The last group of a UUID can be 12 digits; UUIDs are kept.
const UUID_HEAD = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-$/

/** Session names of assumed-role ARNs: `arn:aws:sts::***:assumed-role/deploy/***`. */
export const assumedRoleRule: RedactionRule = {
  name: 'assumed-role-session',
  kind: 'identifier',
  apply: (text) => (!text.includes(':assumed-role/') ? text : text.replace(ASSUMED_ROLE, (_m, head: string) => `${head}${MARKER}`))
}

/** AKIA/ASIA... access key ids. */
export const accessKeyIdRule: RedactionRule = {
  name: 'aws-access-key-id',
  kind: 'secret',
  apply: (text, learn) =>
    text.replace(ACCESS_KEY_ID, (id: string) => {
      learn(id)
      return MARKER
    })
}

/** AROA/AIDA... unique ids, with the session name that follows them. */
export const uniqueIdRule: RedactionRule = {
  name: 'aws-unique-id',
  kind: 'identifier',
  apply: (text) => text.replace(UNIQUE_ID, MARKER)
}

/** Bare 12-digit account ids, which also covers the account field of ARNs in every partition. */
export const accountIdRule: RedactionRule = {
  name: 'aws-account-id',
  kind: 'identifier',
  apply: (text) =>
    text.replace(ACCOUNT_ID, (id: string, offset: number, whole: string) => {
      const before = whole.slice(Math.max(0, offset - 24), offset)
      const standalone = !GLUED.test(before) || URL_ENCODED_SEPARATOR.test(before)
      return standalone && !UUID_HEAD.test(before) ? MARKER : id
    })
}

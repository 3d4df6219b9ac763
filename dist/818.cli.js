export const id = 818;
export const ids = [818];
export const modules = {

/***/ 818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  redactCommand: () => (/* binding */ redactCommand)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/redact/rule.ts
/** What every redaction writes in place of a removed value (what GitHub's own masking shows). */
const MARKER = '***';
/** Values shorter than this are never treated as secrets: masking them would shred ordinary text. */
const MIN_SECRET_LENGTH = 3;
const TRIVIAL = new Set(['true', 'false', 'null', 'none', 'nil', 'undefined', 'empty', '[]', '{}', '""', "''"]);
/** True for values too short or too generic to be a secret, and for values already masked. */
function isTrivialValue(value) {
    const v = value.trim();
    return v.length < MIN_SECRET_LENGTH || TRIVIAL.has(v.toLowerCase()) || /^\*+$/.test(v);
}
/** True when the string has an upper case letter, a lower case letter and a digit. */
function hasMixedClasses(value) {
    return /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value);
}

;// CONCATENATED MODULE: ./src/redact/aws-rules.ts

// arn:<partition>:sts::<account>:assumed-role/<role>/<session>: the session name often names a person or run.
const ASSUMED_ROLE = /(arn:aws[\w-]*:sts::[^:\s]*:assumed-role\/[\w+=,.@-]+\/)[\w+=,.@-]+/g;
// Access key ids (AKIA long-term, ASIA temporary, ABIA/ACCA service) are credentials.
const ACCESS_KEY_ID = /(?<![A-Za-z0-9])A(?:KIA|SIA|BIA|CCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g;
// Unique ids of roles, users, groups ...; a role's is followed by `:<session name>` in error messages.
const UNIQUE_ID = /(?<![A-Za-z0-9])A(?:ROA|IDA|GPA|IPA|NPA|NVA|PKA|SCA)[A-Z0-9]{16}(?![A-Za-z0-9])(?::[\w+=,.@-]+)?/g;
// 12 digits standing alone: inside ARNs (any partition), bucket names, messages, and after
// %3A or %2F in URL-encoded ARNs of provider debug logs. The regex starts on a digit (fast to
// find); what precedes the digits is checked in the callback.
const ACCOUNT_ID = /\d{12}(?![0-9A-Za-z])/g;
const GLUED = /[0-9A-Za-z]$/;
const URL_ENCODED_SEPARATOR = /%(?:3[Aa]|2[Ff])$/;
// The last group of a UUID can be 12 digits; UUIDs are kept.
const UUID_HEAD = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-$/;
/** Session names of assumed-role ARNs: `arn:aws:sts::***:assumed-role/deploy/***`. */
const assumedRoleRule = {
    name: 'assumed-role-session',
    kind: 'identifier',
    apply: (text) => (!text.includes(':assumed-role/') ? text : text.replace(ASSUMED_ROLE, (_m, head) => `${head}${MARKER}`))
};
/** AKIA/ASIA... access key ids. */
const accessKeyIdRule = {
    name: 'aws-access-key-id',
    kind: 'secret',
    apply: (text, learn) => text.replace(ACCESS_KEY_ID, (id) => {
        learn(id);
        return MARKER;
    })
};
/** AROA/AIDA... unique ids, with the session name that follows them. */
const uniqueIdRule = {
    name: 'aws-unique-id',
    kind: 'identifier',
    apply: (text) => text.replace(UNIQUE_ID, MARKER)
};
/** Bare 12-digit account ids, which also covers the account field of ARNs in every partition. */
const accountIdRule = {
    name: 'aws-account-id',
    kind: 'identifier',
    apply: (text) => text.replace(ACCOUNT_ID, (id, offset, whole) => {
        const before = whole.slice(Math.max(0, offset - 24), offset);
        const standalone = !GLUED.test(before) || URL_ENCODED_SEPARATOR.test(before);
        return standalone && !UUID_HEAD.test(before) ? MARKER : id;
    })
};

;// CONCATENATED MODULE: ./src/redact/scan.ts
/**
 * Like String.replace with a global regex, but the callback may extend a match to the left (down
 * to the end of the previous replacement). Patterns can then start on a rare literal (`@`, a
 * keyword) that the regex engine finds fast, instead of on a lookbehind tried at every position.
 */
function replaceExtended(text, re, replace) {
    let out = '';
    let copied = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0] === '') {
            re.lastIndex++;
            continue;
        }
        const r = replace(m, copied);
        if (r === undefined || r.start < copied)
            continue;
        out += text.slice(copied, r.start) + r.text;
        copied = m.index + m[0].length;
    }
    return copied === 0 ? text : out + text.slice(copied);
}
/** Index where a run of characters matching `allowed` that ends at `end` begins (not before `floor`). */
function runStart(text, end, floor, allowed) {
    let i = end;
    while (i > floor && allowed.test(text[i - 1]))
        i--;
    return i;
}

;// CONCATENATED MODULE: ./src/redact/email-rule.ts


// Found from its '@' (a fast literal scan); the local part is read leftwards from there.
const DOMAIN = /@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
const LOCAL = /[\w.%+-]/;
/** Email addresses; `git@host` (an SSH module source, not a person) is kept. */
const emailRule = {
    name: 'email',
    kind: 'identifier',
    apply: (text) => replaceExtended(text, DOMAIN, (m, floor) => {
        const start = runStart(text, m.index, floor, LOCAL);
        const local = text.slice(start, m.index);
        if (local === '' || local === 'git' || !/\.[A-Za-z]{2,}$/.test(m[1]))
            return undefined;
        return { start, text: MARKER };
    })
};

;// CONCATENATED MODULE: ./src/redact/secret-keys.ts
// A segment on its own that names a credential (segments come from snake, kebab, dotted and camel case).
const SECRET_SEGMENTS = new Set([
    'password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'secret', 'secrets', 'token', 'apikey', 'accesskey',
    'secretkey', 'privatekey', 'auth', 'authorization', 'credential', 'credentials', 'creds', 'signature', 'cookie'
]);
// Two adjacent segments that name a credential: api_key, AccessKey, private-key ...
const SECRET_PAIRS = new Set([
    'api key', 'access key', 'private key', 'secret key', 'session key', 'signing key', 'account key', 'master key',
    'encryption key', 'shared key', 'app key', 'application key', 'license key', 'deploy key'
]);
// A last segment that makes the key describe a secret rather than hold it: secret_arn, password_length, token_url.
const DESCRIPTIVE_SUFFIXES = new Set([
    'arn', 'arns', 'name', 'names', 'id', 'ids', 'length', 'ttl', 'type', 'policy', 'version', 'count', 'enabled',
    'expiry', 'expires', 'expiration', 'at', 'path', 'file', 'url', 'uri', 'endpoint', 'rotation', 'stage', 'mode',
    'method', 'format', 'required', 'source'
]);
/** Splits `db_password`, `X-Api-Key`, `RoleSessionName`, `APIKey` into lower case segments. */
function keySegments(key) {
    return key
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .toLowerCase()
        .split(/[\s._-]+/)
        .filter((s) => s !== '');
}
// Plan JSON repeats the same few keys thousands of times; remember their verdicts (bounded).
const verdicts = new Map();
/** `secret` for keys holding credentials, `session` for role session names, else undefined. */
function classifyKey(key) {
    if (verdicts.has(key))
        return verdicts.get(key);
    const kind = classify(key);
    if (verdicts.size < 2000)
        verdicts.set(key, kind);
    return kind;
}
function classify(key) {
    const segments = keySegments(key);
    const pairs = segments.slice(1).map((s, i) => `${segments[i]} ${s}`);
    if (pairs.includes('session name'))
        return 'session';
    const last = segments[segments.length - 1];
    if (last === undefined || DESCRIPTIVE_SUFFIXES.has(last))
        return undefined;
    if (segments.some((s) => SECRET_SEGMENTS.has(s)) || pairs.some((p) => SECRET_PAIRS.has(p)))
        return 'secret';
    return undefined;
}

;// CONCATENATED MODULE: ./src/redact/key-value-rule.ts



// Every alternative below starts on a distinct character and its repetition has disjoint
// branches, so matching stays linear in the input (no nested ambiguous quantifiers).
const DQ = String.raw `"(?:[^"\\\r\n]|\\.)*"`;
// A string inside a JSON string (\"...\"); \\\" inside it is an escaped quote, not the end. The
// units are disjoint (the pair of backslashes refuses to start that sequence), so no backtracking.
const ESCAPED_DQ = String.raw `\\"(?:\\\\\\"|\\\\(?!\\")|\\[^"\\\r\n]|[^"\\\r\n])*\\"`;
const SQ = String.raw `'(?:[^'\\\r\n]|\\.)*'`;
const SENTINEL = String.raw `\((?:sensitive(?: value)?|known after apply)\)|<sensitive>`;
const SCHEME = String.raw `(?:Bearer|Basic|Token|Digest|Bot)[ \t]+[^\s"'\x60,;&]+`;
// Unquoted values end at whitespace, quotes, `,`, `;` and `&` (JSON, connection strings,
// query strings); `{`, `[`, `<` and `=` open structures, heredocs and comparisons, not values.
const BARE = String.raw `[^\s"'\x60,;&{\[<=][^\s"'\x60,;&]*`;
const VALUE = `(?:${SENTINEL}|${DQ}|${ESCAPED_DQ}|${SQ}|${SCHEME}|${BARE})`;
// Matching starts on the credential word of the key (a quick scan); the rest of the key is read
// leftwards in the callback. Case-insensitive: DB_PASSWORD, apiKey, X-Auth-Token. Both parts of
// the key are bounded in length, so a long run of word characters costs linear time.
const KEY_VALUE = new RegExp(String.raw `((?:pass|pwd|secret|token|key|auth|cred|session|sig|cookie)[\w.-]{0,80})(\\?["']|)([ \t]*(?:=>|:|=)[ \t]*)(${VALUE})(?:([ \t]*->[ \t]*)(${VALUE}))?`, 'gi');
const KEY_CHAR = /[\w.-]/;
const KEY_SHAPE = /^-{0,2}[A-Za-z_][\w.-]*$/;
const FLAG_VALUE = new RegExp(String.raw `(?<![\w-])(--[A-Za-z][\w-]*)([ \t]+)(${DQ}|${SQ}|[^\s"'\x60-][^\s"'\x60]*)`, 'g');
// HCL references in source snippets of error messages: var.db_password, random_password.db.result.
const REFERENCE = /^(?:(?:var|local|module|data|each|count|self|path|terraform)\.[\w.\-[\]"*]+|[a-z][a-z0-9]*_[a-z0-9_]+\.[\w-]+(?:\.[\w-]+|\[[^\]]*\])*)$/;
// After `key:` a lone word is prose ("ExpiredToken: The security token ...", "db_password: Creating...").
const PROSE_WORD = /^[A-Za-z][a-z]*[.!?:]*$/;
function keepsValue(inner, bareAfterColon) {
    return isTrivialValue(inner) || REFERENCE.test(inner) || (bareAfterColon && PROSE_WORD.test(inner));
}
function redactValue(value, colon, learn) {
    if (/^(?:\(|<sensitive>)/.test(value))
        return value;
    for (const quote of ['\\"', '"', "'"]) {
        if (value.length >= quote.length * 2 && value.startsWith(quote) && value.endsWith(quote)) {
            const inner = value.slice(quote.length, value.length - quote.length);
            if (keepsValue(inner, false))
                return value;
            learn(inner);
            return `${quote}${MARKER}${quote}`;
        }
    }
    const scheme = /^(Bearer|Basic|Token|Digest|Bot)([ \t]+)(.+)$/i.exec(value);
    if (scheme) {
        if (keepsValue(scheme[3], false))
            return value;
        learn(scheme[3]);
        return `${scheme[1]}${scheme[2]}${MARKER}`;
    }
    // Closing brackets after a bare value end the structure around it: `{"a":true}}`, `{password=x}`.
    let end = value.length;
    while (end > 0 && ')]}>'.includes(value[end - 1]))
        end--;
    const [bare, closers] = [value.slice(0, end), value.slice(end)];
    if (keepsValue(bare, colon))
        return value;
    learn(bare);
    return `${MARKER}${closers}`;
}
function learner(kind, learn) {
    // Session names are identifiers, often plain words like "deploy": replace them, never register them.
    return kind === 'secret' ? learn : () => undefined;
}
/** `password = "x"`, `DB_PASSWORD=x`, `"apiKey": "x"`, `token: x`, `Authorization: Bearer x`, `~ secret = "a" -> "b"`. */
const keyValueRule = {
    name: 'key-value',
    kind: 'secret',
    apply(text, learn) {
        return replaceExtended(text, KEY_VALUE, (m, floor) => {
            const [, tail = '', quote = '', sep = '', v1 = '', arrow, v2] = m;
            const start = runStart(text, m.index, Math.max(floor, m.index - 80), KEY_CHAR);
            const key = text.slice(start, m.index) + tail;
            // The key is a whole word (not a URL path segment) inside matching quotes, if any.
            const open = start - quote.length;
            if (!KEY_SHAPE.test(key) || open < floor || text.slice(open, start) !== quote || /[\w./-]/.test(text[open - 1] ?? ''))
                return undefined;
            const kind = classifyKey(key);
            if (kind === undefined)
                return undefined;
            const learnIt = learner(kind, learn);
            const colon = sep.trim() === ':';
            const rest = arrow !== undefined && v2 !== undefined ? `${arrow}${redactValue(v2, false, learnIt)}` : '';
            return { start: open, text: `${quote}${key}${quote}${sep}${redactValue(v1, colon, learnIt)}${rest}` };
        });
    }
};
/** `--password x`, `--role-session-name x` (the `--flag=x` form is the key-value rule's). */
const flagValueRule = {
    name: 'flag-value',
    kind: 'secret',
    apply(text, learn) {
        return text.replace(FLAG_VALUE, (match, flag, space, value) => {
            const kind = classifyKey(flag);
            if (kind === undefined)
                return match;
            return `${flag}${space}${redactValue(value, false, learner(kind, learn))}`;
        });
    }
};

;// CONCATENATED MODULE: ./src/redact/literal-needles.ts

// Go's encoding/json (what `tofu show -json` uses) escapes these three as \u003c, \u003e, \u0026.
const goEscape = (s) => s.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
/**
 * The strings to search for a set of sensitive values: each value as is, as it appears inside a
 * JSON string (plain and Go-escaped), and each line of a multi-line value (plan output prints
 * those as indented heredoc lines). Longest first, so a value is replaced before its substrings.
 */
function literalNeedles(values) {
    const needles = new Set();
    for (const value of values) {
        if (isTrivialValue(value))
            continue;
        const json = JSON.stringify(value).slice(1, -1);
        for (const form of [value, json, goEscape(json)])
            needles.add(form);
        if (/[\r\n]/.test(value))
            for (const line of value.split(/\r?\n/))
                if (!isTrivialValue(line))
                    needles.add(line.trim());
    }
    return [...needles].filter((n) => !isTrivialValue(n)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * One regex that finds, at every position (a zero-width lookahead, so overlapping occurrences
 * count), the longest needle starting there. One scan of the text instead of one per needle.
 */
function needleFinder(needles) {
    return needles.length === 0 ? undefined : new RegExp(`(?=(${needles.map(escapeRegExp).join('|')}))`, 'g');
}
/**
 * Replaces every occurrence of the needles found in the text, longest first, with the marker.
 * A needle hidden at its position by a longer one is found in the redactor's next pass if the
 * longer one's replacement leaves it whole.
 */
function replaceLiterals(text, needles, finder) {
    if (finder === undefined)
        return text;
    const found = new Set();
    for (const m of text.matchAll(finder))
        found.add(m[1]);
    let out = text;
    for (const needle of needles)
        if (found.has(needle))
            out = out.split(needle).join(MARKER);
    return out;
}

;// CONCATENATED MODULE: ./src/redact/network-rules.ts

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// A dotted quad not glued to a word or another dotted part. A 4-part version such as 1.2.3.4 is
// indistinguishable from an address and is redacted; `v1.2.3.4` (glued to a letter) is kept.
const IPV4 = new RegExp(`(?<!\\w|\\w\\.)(${OCTET}(?:\\.${OCTET}){3})(\\/\\d{1,2})?(?!\\w|\\.\\w)`, 'g');
// EC2 host names that spell an address: ip-10-0-1-23.ec2.internal, ec2-54-12-34-56.compute-1...
const DASHED_HOST = /\b(ip|ec2)-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}\b/g;
// A candidate IPv6 address (validated below); every repetition ends on ':' so matching is linear.
// Not after a word, a dot, or `hex:` (the middle of an address, or an ARN like ec2::). The check
// of what precedes sits after the first character, so the engine can skip ahead on that class.
const NOT_AFTER = '(?:[\\w.]|[0-9A-Fa-f:]:)';
const IPV6 = new RegExp(`(?:[0-9A-Fa-f](?<!${NOT_AFTER}.)[0-9A-Fa-f]{0,3}:|:(?<!${NOT_AFTER}.))(?:[0-9A-Fa-f]{0,4}:){1,6}` +
    `(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{0,4})(%[\\w.]+)?(\\/\\d{1,3})?(?![\\w:]|\\.\\w)`, 'g');
// Well-known addresses that reveal nothing and matter to a reviewer (0.0.0.0/0 means "open to all").
const KEPT = new Set(['0.0.0.0', '127.0.0.1', '169.254.169.254', '::', '::1']);
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const DOTTED = /^(?:\d{1,3}\.){3}\d{1,3}$/;
/** Number of 16-bit groups of an IPv6 address, or undefined when it is not one. */
function ipv6Groups(address) {
    const halves = address.split('::');
    if (halves.length > 2)
        return undefined;
    const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
    let count = 0;
    for (const [i, g] of groups.entries()) {
        if (HEX_GROUP.test(g))
            count += 1;
        else if (i === groups.length - 1 && DOTTED.test(g))
            count += 2;
        else
            return undefined;
    }
    if (halves.length === 1)
        return count === 8 ? count : undefined;
    return count <= 7 ? count : undefined;
}
/** IPv4 addresses and CIDR blocks; the prefix length is kept (10.0.0.0/16 becomes the marker then /16): it tells the size, not the place. */
const ipv4Rule = {
    name: 'ipv4',
    kind: 'identifier',
    apply: (text) => text
        .replace(IPV4, (match, address, prefix) => (KEPT.has(address) ? match : `${MARKER}${prefix ?? ''}`))
        .replace(DASHED_HOST, (_m, kind) => `${kind}-${MARKER}`)
};
/** IPv6 addresses (compressed, full, with an IPv4 tail, a zone or a prefix length, which is kept). */
const ipv6Rule = {
    name: 'ipv6',
    kind: 'identifier',
    apply: (text) => text.replace(IPV6, (match, zone, prefix) => {
        const address = match.slice(0, match.length - (zone ?? '').length - (prefix ?? '').length);
        const groups = ipv6Groups(address);
        // One group and no prefix (`ec2::`, `::1`) is far more often something else.
        if (groups === undefined || KEPT.has(address) || (groups < 2 && prefix === undefined))
            return match;
        return `${MARKER}${prefix ?? ''}`;
    })
};

;// CONCATENATED MODULE: ./src/redact/token-rules.ts

// The whole block, all key types (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP ... BLOCK), raw or inside a
// JSON string (\n escapes), indented or in tofu's boxed error output. A block without its END line
// (truncated output) ends with its last line of key material. Every body line must be a whole
// line of base64 (or a PEM header), so a line of prose after a truncated block is not eaten.
const NL = String.raw `(?:\r?\n|\\r\\n|\\n)[ \t│|]*`;
const EOL = String.raw `(?=\r?\n|\\r\\n|\\n|"|$)`;
const HEADER = String.raw `(?:Proc-Type|DEK-Info|Comment|Version|Hash|Charset): [^\r\n\\"]*`;
const PEM = new RegExp(String.raw `-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?:${NL}(?:${HEADER}|[A-Za-z0-9+/=]*${EOL}))*(?:(?:${NL})?-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----)?`, 'g');
const JWT = /(?<![\w-])eyJ[\w-]{2,}\.[\w-]{2,}\.[\w-]*/g;
// GitHub (classic and fine-grained), GitLab, Slack, npm, Google API and Stripe live keys.
const PREFIXED_TOKEN = /(?<![\w-])(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_\w{22,255}|glpat-[\w-]{20,}|xox[abposr]-[\w-]{10,}|npm_[A-Za-z0-9]{36}|AIza[\w-]{35}|sk_live_[A-Za-z0-9]{24,})/g;
// STS session tokens start with these base64 prefixes (of the token's binary header).
const SESSION_TOKEN = /(?<![\w/+=])(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+=]{16,}/g;
// 40 base64 characters standing alone, as an AWS secret access key is written.
const BARE_SECRET_KEY = /(?<![\w/+=.-])[A-Za-z0-9/+]{40}(?![\w/+=.-])/g;
// scheme://user:password@host (the user may be empty: redis://:password@host); found from its
// `://`, a literal the engine scans for fast.
const URL_PASSWORD = /:\/\/([^\s:/@"'<>]*:)([^\s@/"'<>]+)@/g;
function learnLines(block, learn) {
    for (const raw of block.split(/\r?\n|\\r\\n|\\n/)) {
        const line = raw.replace(/^[ \t│|]+/, '').trim();
        if (line !== '' && !line.startsWith('-----') && !line.includes(': '))
            learn(line);
    }
}
/** PEM private key blocks. */
const pemRule = {
    name: 'pem-private-key',
    kind: 'secret',
    apply: (text, learn) => 
    // A literal search skips the text in one fast scan when the pattern cannot occur.
    !text.includes('PRIVATE KEY') ? text : text.replace(PEM, (block) => {
        learnLines(block, learn);
        return MARKER;
    })
};
/** JWTs and tokens with a known prefix (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_ ...), and STS session tokens. */
const tokenRule = {
    name: 'token',
    kind: 'secret',
    apply: (text, learn) => {
        const replace = (token) => {
            learn(token);
            return MARKER;
        };
        const jwts = text.includes('eyJ') ? text.replace(JWT, replace) : text;
        return jwts.replace(PREFIXED_TOKEN, replace).replace(SESSION_TOKEN, replace);
    }
};
/**
 * A standalone 40-character secret access key. Unambiguous only with upper case, lower case and
 * digits: commit SHAs (hex, one case) and words are left alone.
 */
const bareSecretKeyRule = {
    name: 'aws-secret-access-key',
    kind: 'secret',
    apply: (text, learn) => text.replace(BARE_SECRET_KEY, (candidate) => {
        if (!hasMixedClasses(candidate))
            return candidate;
        learn(candidate);
        return MARKER;
    })
};
/** The password of `scheme://user:password@host`; the user and host stay readable. */
const urlPasswordRule = {
    name: 'url-password',
    kind: 'secret',
    apply: (text, learn) => !text.includes('://') ? text : text.replace(URL_PASSWORD, (match, user, password, offset) => {
        if (/^\*+$/.test(password) || !/[A-Za-z0-9+.-]/.test(text[offset - 1] ?? ''))
            return match;
        learn(password);
        return `://${user}${MARKER}@`;
    })
};

;// CONCATENATED MODULE: ./src/redact/redactor.ts







// Order matters: whole blocks and known token shapes go before the generic key = value rule, and
// session names before account ids, so each rule sees its context intact.
const RULES = [
    pemRule,
    urlPasswordRule,
    tokenRule,
    accessKeyIdRule,
    keyValueRule,
    flagValueRule,
    assumedRoleRule,
    uniqueIdRule,
    bareSecretKeyRule,
    emailRule,
    ipv6Rule,
    ipv4Rule,
    accountIdRule
];
/**
 * A redactor: sensitive values first (longest first), then the patterns. It repeats until the
 * text stops changing, which makes redact(redact(x)) === redact(x); that ends because every
 * change replaces at least one character other than '*' with '*'s. Every pattern is linear in
 * the text, and a clean text costs one pass.
 */
function createRedactor(options = {}) {
    const needles = literalNeedles(options.sensitiveValues ?? []);
    const finder = needleFinder(needles);
    const reported = new Set();
    const learn = (value) => {
        if (!options.onSecretLearned || value.length < MIN_SECRET_LENGTH || /^\*+$/.test(value) || reported.has(value))
            return;
        reported.add(value);
        options.onSecretLearned(value);
    };
    const ignore = () => undefined;
    for (const needle of needles)
        learn(needle);
    const pass = (text) => {
        let out = replaceLiterals(text, needles, finder);
        for (const rule of RULES)
            out = rule.apply(out, rule.kind === 'secret' ? learn : ignore);
        return out;
    };
    return (text) => {
        let current = text;
        for (;;) {
            const next = pass(current);
            if (next === current)
                return next;
            current = next;
        }
    };
}

;// CONCATENATED MODULE: ./src/redact/sensitive-values.ts

const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const record = (v) => (isRecord(v) ? v : {});
const list = (v) => (Array.isArray(v) ? v : []);
/** Adds every scalar below `value` (numbers as strings; booleans and null say nothing). */
function collectAll(value, out) {
    if (typeof value === 'string')
        out.add(value);
    else if (typeof value === 'number' || typeof value === 'bigint')
        out.add(String(value));
    else if (Array.isArray(value))
        for (const v of value)
            collectAll(v, out);
    else if (isRecord(value))
        for (const v of Object.values(value))
            collectAll(v, out);
}
/** Follows a sensitivity mask (true, or nested objects/arrays of booleans) over the value it describes. */
function collectMasked(value, mask, out) {
    if (mask === true)
        collectAll(value, out);
    else if (Array.isArray(mask))
        mask.forEach((m, i) => collectMasked(Array.isArray(value) ? value[i] : undefined, m, out));
    else if (isRecord(mask))
        for (const [k, m] of Object.entries(mask))
            collectMasked(isRecord(value) ? value[k] : undefined, m, out);
}
/** before/after of resource_changes, resource_drift and output_changes. */
function collectChange(change, out) {
    const c = record(change);
    collectMasked(c.before, c.before_sensitive, out);
    collectMasked(c.after, c.after_sensitive, out);
}
/** Resources of planned_values / prior_state modules, child modules included. */
function collectModule(module, out) {
    const m = record(module);
    for (const r of list(m.resources))
        collectMasked(record(r).values, record(r).sensitive_values, out);
    for (const child of list(m.child_modules))
        collectModule(child, out);
}
/** Outputs of planned_values / prior_state: `{ name: { sensitive, value } }`. */
function collectOutputs(outputs, out) {
    for (const o of Object.values(record(outputs)))
        if (record(o).sensitive === true)
            collectAll(record(o).value, out);
}
/**
 * Every value a plan JSON (`tofu show -json`) marks sensitive: resource attributes under
 * before_sensitive/after_sensitive/sensitive_values, sensitive root variables and outputs.
 * Values shorter than MIN_SECRET_LENGTH and true/false/null are skipped: replacing every "1"
 * or "on" of a log would destroy it while hiding nothing. Sorted longest first.
 */
function sensitiveValuesFromPlan(planJson) {
    const plan = record(planJson);
    const out = new Set();
    for (const rc of [...list(plan.resource_changes), ...list(plan.resource_drift)])
        collectChange(record(rc).change, out);
    for (const oc of Object.values(record(plan.output_changes)))
        collectChange(oc, out);
    const declared = record(record(record(plan.configuration).root_module).variables);
    for (const [name, v] of Object.entries(record(plan.variables))) {
        if (record(declared[name]).sensitive === true)
            collectAll(record(v).value, out);
    }
    for (const values of [record(plan.planned_values), record(record(plan.prior_state).values)]) {
        collectOutputs(values.outputs, out);
        collectModule(values.root_module, out);
    }
    return [...out].filter((v) => !isTrivialValue(v)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

;// CONCATENATED MODULE: ./src/cli/redact-command.ts





async function readAll(input) {
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of input)
        text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    return text + decoder.decode();
}
/** `redact [--plan-json <file>]`: stdin to stdout with secrets, identifiers and the plan's sensitive values removed. */
function redactCommand(output, input = () => process.stdin) {
    return new esm/* Command */.uB('redact')
        .description('copy stdin to stdout with secrets, account ids, addresses and emails replaced by ***, as everything sent to GitHub is')
        .option('--plan-json <file>', 'plan JSON (tofu show -json) whose sensitive values are redacted too')
        .action(async (flags) => {
        let sensitiveValues = [];
        if (flags.planJson !== undefined) {
            const path = (0,external_node_path_.resolve)(flags.planJson);
            let plan;
            try {
                plan = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
            }
            catch (error) {
                // fs errors need not be instanceof Error here (another realm under test runners): read .message.
                const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
                throw new Error(`--plan-json ${flags.planJson}: ${message}`);
            }
            sensitiveValues = sensitiveValuesFromPlan(plan);
        }
        const text = await readAll(input());
        // Output.out ends what it writes with a newline; an empty input prints nothing at all.
        if (text !== '')
            output.out(createRedactor({ sensitiveValues })(text));
    });
}


/***/ })

};

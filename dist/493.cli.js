export const id = 493;
export const ids = [493];
export const modules = {

/***/ 4493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ loadWorkspace)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/discovery/io/git-changes.ts


/** Raised when git cannot say what changed; the message says what to do. */
class GitError extends Error {
    name = 'GitError';
}
// Loaded when git first runs: a run over `--all` needs none of it.
const exec = () => __webpack_require__.e(/* import() */ 955).then(__webpack_require__.bind(__webpack_require__, 1955));
async function git(cwd, args) {
    const result = await (await exec()).getExecOutput('git', args, { cwd, silent: true, ignoreReturnCode: true });
    if (result.exitCode !== 0) {
        throw new GitError(`git ${args.join(' ')} failed (exit ${result.exitCode}): ${result.stderr.trim() || result.stdout.trim()}`);
    }
    return result.stdout;
}
/**
 * Files changed between `baseRef` and HEAD (`git diff <base>...HEAD`, renames
 * as delete + add), relative to `workingDir` in posix form.
 */
async function changedFilesSince(workingDir, baseRef) {
    if (baseRef.startsWith('-'))
        throw new GitError(`base ref ${JSON.stringify(baseRef)} must not start with "-"`);
    const top = (await git(workingDir, ['rev-parse', '--show-toplevel'])).trim();
    try {
        await git(workingDir, ['rev-parse', '--verify', '--quiet', `${baseRef}^{commit}`]);
    }
    catch {
        throw new GitError(`base ref ${JSON.stringify(baseRef)} is not a commit in this clone; fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin ${baseRef})`);
    }
    const out = await git(workingDir, ['diff', '--name-status', '-z', '-M', `${baseRef}...HEAD`, '--']);
    return parseNameStatus(out).map((c) => ({ ...c, path: toWorkingRelative((0,external_node_path_.join)(top, c.path), workingDir) }));
}
/** Parses `git diff --name-status -z` output (status and path fields separated by NUL). */
function parseNameStatus(output) {
    const fields = output.split('\0').filter((f) => f.length > 0);
    const changes = [];
    for (let i = 0; i < fields.length;) {
        const status = fields[i++];
        if (status.startsWith('R') || status.startsWith('C')) {
            const from = fields[i++];
            const to = fields[i++];
            if (status.startsWith('R'))
                changes.push({ path: from, status: 'deleted' });
            changes.push({ path: to, status: 'added' });
        }
        else {
            const path = fields[i++];
            changes.push({ path, status: status === 'D' ? 'deleted' : status === 'A' ? 'added' : 'modified' });
        }
    }
    return changes;
}
/** The old contents of a file at `ref`, or undefined when git has none. */
async function fileAtRef(workingDir, ref, workingRelativePath) {
    const top = (await git(workingDir, ['rev-parse', '--show-toplevel'])).trim();
    const repoPath = (0,external_node_path_.relative)(top, (0,external_node_path_.resolve)(workingDir, workingRelativePath)).split(external_node_path_.sep).join('/');
    const result = await (await exec()).getExecOutput('git', ['show', `${ref}:${repoPath}`], { cwd: workingDir, silent: true, ignoreReturnCode: true });
    return result.exitCode === 0 ? result.stdout : undefined;
}
/**
 * An explicit list of changed files (comma or newline separated), relative to
 * the current directory; a listed file that no longer exists counts as deleted.
 */
function explicitChanges(list, workingDir, cwd = process.cwd()) {
    return list
        .split(/[\n,]/)
        .map((p) => p.trim())
        .filter((p) => p.length > 0)
        .map((p) => {
        const absolute = (0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.resolve)(cwd, p);
        return { path: toWorkingRelative(absolute, workingDir), status: (0,external_node_fs_.existsSync)(absolute) ? 'modified' : 'deleted' };
    });
}
function toWorkingRelative(absolute, workingDir) {
    return (0,external_node_path_.relative)(realDir(workingDir), realDir(absolute)).split(external_node_path_.sep).join('/');
}
/** Resolves symlinks where the path exists, so git's real paths and ours compare. */
function realDir(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return (0,external_node_path_.resolve)(path);
    }
}

// EXTERNAL MODULE: ./src/discovery/io/hcl/wasm-location.ts
var wasm_location = __webpack_require__(8051);
// EXTERNAL MODULE: ./src/discovery/io/hcl/parse-in-process.ts + 1 modules
var parse_in_process = __webpack_require__(6077);
// EXTERNAL MODULE: ./src/discovery/io/hcl/parser-subprocess.ts + 1 modules
var parser_subprocess = __webpack_require__(3650);
;// CONCATENATED MODULE: ./src/discovery/io/hcl/parse-hcl.ts





/**
 * Parses HCL text (a .tf or .tfvars file) with HashiCorp's own parser, run as
 * WebAssembly. `file` is used in error messages only.
 *
 * From the bundle the parser runs in a child process: its WebAssembly memory
 * would otherwise make every later fork of this process (hundreds of tofu
 * commands) measurably slower.
 */
function parseHcl(file, text) {
    return (0,external_node_fs_.existsSync)(wasm_location/* bundledWasmPath */.y) ? (0,parser_subprocess/* parseInSubprocess */.sh)(file, text) : (0,parse_in_process/* parseInProcess */.GK)(file, text);
}
/**
 * Starts the parser child now, for a discovery that will most likely need it
 * (its parse cache is empty): it gets ready while the fleet is walked. In
 * process (tests) nothing is loaded early.
 */
function startHclParser() {
    if ((0,external_node_fs_.existsSync)(wasm_location/* bundledWasmPath */.y))
        (0,parser_subprocess/* startSubprocessParser */.$K)();
}
/** Ends the parser child process once discovery is done. */
function stopHclParser() {
    (0,parser_subprocess/* stopSubprocessParser */.tw)();
}

// EXTERNAL MODULE: ./src/model/names.ts
var names = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/discovery/short-message.ts
var short_message = __webpack_require__(2866);
;// CONCATENATED MODULE: ./src/discovery/literal-tfvars.ts
// long file: one recursive-descent recognizer; split, its rules would be harder to check against HCL's.
/**
 * A fast path for the common tfvars file: attributes whose values are plain
 * literals (strings without templates or unusual escapes, numbers, booleans,
 * null, lists and objects of them), with `#` and `//` comments. For such text
 * it returns exactly what HashiCorp's parser (hcl2json) returns; for anything
 * else (templates, heredocs, expressions, blocks, block comments, duplicate
 * names, non-ASCII names, any doubt) it returns undefined and the caller asks
 * the real parser, which also owns every error message. Running the Go parser
 * as WebAssembly costs about 0.5 ms per file; this takes a few microseconds.
 */
function parseLiteralTfvars(text) {
    return read(text, true);
}
/** What skimLiteralTfvars gives for a list or an object: checked, not built. */
const SKIMMED = Symbol('a literal list or object, not built');
/**
 * parseLiteralTfvars for a caller that needs only the top-level names and
 * scalar values: it accepts and declines exactly the same text, but a list or
 * object value is checked without being built, and is SKIMMED.
 */
function skimLiteralTfvars(text) {
    return read(text, false);
}
function read(text, build) {
    try {
        return new Reader(text, build).body();
    }
    catch (error) {
        if (error === GIVE_UP)
            return undefined;
        throw error;
    }
}
const GIVE_UP = Symbol('not a plain literal tfvars file');
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
// Character codes: a fleet has thousands of files, and comparing codes allocates nothing.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const PERCENT = 37;
const COMMA = 44;
const MINUS = 45;
const SLASH = 47;
const COLON = 58;
const EQUALS = 61;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const isDigit = (c) => c >= 48 && c <= 57;
const isLetter = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** Where a number or keyword may end: space, tab, line break, `,`, `]`, `}`, `#`, `/` or the end. */
const isDelimiter = (c) => Number.isNaN(c) || c === SPACE || c === TAB || c === CR || c === LF || c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === HASH || c === SLASH;
class Reader {
    text;
    build;
    pos = 0;
    constructor(text, 
    /** false: lists and objects are checked but not built (see skimLiteralTfvars). */
    build) {
        this.text = text;
        this.build = build;
    }
    at(offset = 0) {
        return this.text.charCodeAt(this.pos + offset);
    }
    body() {
        const keys = new Names();
        const values = [];
        for (;;) {
            this.skip(true);
            if (this.pos >= this.text.length)
                return sortedObject(keys.list, values);
            const name = this.name();
            this.skip(false);
            this.expect(EQUALS);
            this.skip(false);
            const value = this.value();
            if (!keys.add(name))
                throw GIVE_UP; // "Attribute redefined": the real parser words the error
            values.push(value);
            this.skip(false);
            if (this.pos < this.text.length && !this.newline())
                throw GIVE_UP;
        }
    }
    value() {
        const c = this.at();
        if (c === QUOTE)
            return this.string();
        if (c === OPEN_BRACKET)
            return this.tuple();
        if (c === OPEN_BRACE)
            return this.object();
        if (c === MINUS || isDigit(c)) {
            NUMBER.lastIndex = this.pos;
            const match = NUMBER.exec(this.text);
            if (!match)
                throw GIVE_UP;
            this.pos += match[0].length;
            this.delimited();
            return Number(match[0]);
        }
        const word = this.name();
        this.delimited();
        if (word === 'true')
            return true;
        if (word === 'false')
            return false;
        if (word === 'null')
            return null;
        throw GIVE_UP; // a reference or function call: an expression
    }
    string() {
        const text = this.text;
        let start = ++this.pos;
        let out = '';
        for (;;) {
            const c = text.charCodeAt(this.pos++);
            if (Number.isNaN(c) || c === LF || c === CR)
                throw GIVE_UP;
            if (c === QUOTE)
                return out + text.slice(start, this.pos - 1);
            if ((c === DOLLAR || c === PERCENT) && text.charCodeAt(this.pos) === OPEN_BRACE)
                throw GIVE_UP; // a template
            if (c === BACKSLASH) {
                const escaped = ESCAPES[text[this.pos++] ?? ''];
                if (escaped === undefined)
                    throw GIVE_UP;
                // Plain runs are copied in one slice; only escapes are added one by one.
                out += text.slice(start, this.pos - 2) + escaped;
                start = this.pos;
            }
        }
    }
    tuple() {
        this.pos++;
        const items = [];
        for (;;) {
            this.skip(true);
            if (this.eat(CLOSE_BRACKET))
                break;
            const item = this.value();
            if (this.build)
                items.push(item);
            this.skip(true);
            if (this.eat(CLOSE_BRACKET))
                break;
            this.expect(COMMA);
        }
        return this.build ? items : SKIMMED;
    }
    object() {
        this.pos++;
        const keys = new Names();
        const values = [];
        this.skip(true);
        while (!this.eat(CLOSE_BRACE)) {
            const key = this.at() === QUOTE ? this.string() : this.name();
            if (/[^\x20-\x7e]/.test(key) || key === 'true' || key === 'false' || key === 'null' || !keys.add(key))
                throw GIVE_UP;
            this.skip(false);
            if (!this.eat(EQUALS) && !this.eat(COLON))
                throw GIVE_UP;
            this.skip(false);
            const value = this.value();
            if (this.build)
                values.push(value);
            this.skip(false);
            if (this.eat(CLOSE_BRACE))
                break;
            if (this.eat(COMMA))
                this.skip(true);
            else if (this.newline()) {
                this.skip(true);
                if (this.at() === COMMA)
                    throw GIVE_UP;
            }
            else
                throw GIVE_UP;
        }
        if (!this.build) {
            if (keys.list.includes('__proto__'))
                throw GIVE_UP; // as sortedObject would
            return SKIMMED;
        }
        return sortedObject(keys.list, values);
    }
    /** An identifier: a letter or `_`, then letters, digits, `_` and `-`. */
    name() {
        const start = this.pos;
        if (!isLetter(this.at()))
            throw GIVE_UP;
        let c;
        do
            c = this.text.charCodeAt(++this.pos);
        while (isLetter(c) || isDigit(c) || c === MINUS);
        return this.text.slice(start, this.pos);
    }
    /** Spaces, tabs and line comments; with `newlines` also line breaks. A block comment gives up. */
    skip(newlines) {
        const text = this.text;
        for (;;) {
            const c = text.charCodeAt(this.pos);
            if (c === SPACE || c === TAB)
                this.pos++;
            else if (newlines && (c === LF || (c === CR && text.charCodeAt(this.pos + 1) === LF)))
                this.pos++;
            else if (c === HASH || (c === SLASH && text.charCodeAt(this.pos + 1) === SLASH)) {
                while (this.pos < text.length && text.charCodeAt(this.pos) !== LF && text.charCodeAt(this.pos) !== CR)
                    this.pos++;
            }
            else if (c === SLASH || (c === CR && text.charCodeAt(this.pos + 1) !== LF))
                throw GIVE_UP;
            else
                return;
        }
    }
    newline() {
        if (this.at() === LF)
            return (this.pos += 1) > 0;
        if (this.at() === CR && this.at(1) === LF)
            return (this.pos += 2) > 0;
        return false;
    }
    /** A number or keyword must end where a value may end. */
    delimited() {
        if (!isDelimiter(this.at()))
            throw GIVE_UP;
    }
    eat(c) {
        if (this.at() !== c)
            return false;
        this.pos++;
        return true;
    }
    expect(c) {
        if (!this.eat(c))
            throw GIVE_UP;
    }
}
/** The names of one object, in order; a scan finds a repeat among the few of a typical object, a Set among many. */
class Names {
    list = [];
    set;
    /** false when `name` is already there. */
    add(name) {
        if (this.set ? this.set.has(name) : this.list.includes(name))
            return false;
        this.list.push(name);
        if (this.set)
            this.set.add(name);
        else if (this.list.length > 16)
            this.set = new Set(this.list);
        return true;
    }
}
/** hcl2json's objects come from Go maps, whose JSON has sorted keys. */
function sortedObject(keys, values) {
    const out = {};
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : 1));
    for (const i of order) {
        const key = keys[i];
        if (key === '__proto__')
            throw GIVE_UP; // JSON.parse makes it an own key; assignment would not
        out[key] = values[i];
    }
    return out;
}

;// CONCATENATED MODULE: ./src/discovery/io/parse-file.ts




/**
 * Parses a configuration or variables file the way OpenTofu reads it:
 * `*.json` as JSON syntax, everything else as native HCL. A binary file or a
 * syntax error throws HclSyntaxError with one short message naming the file.
 * A plain literal .tfvars file is read by the fast path (the same result);
 * other HCL goes through `cache` to the HCL parser.
 */
async function parseFile(file, text, cache) {
    if (text.includes('\u0000')) {
        throw new parse_in_process/* HclSyntaxError */.j(file, undefined, `${(0,names/* printablePath */.Vj)(file)}: a binary file (it contains NUL bytes), not ${file.endsWith('.json') ? 'JSON' : 'HCL'} text`);
    }
    if (file.endsWith('.json'))
        return parseJson(file, text);
    const literal = parseLiteralFile(file, text);
    if (literal)
        return literal;
    return cache ? cache.get('hcl', text, () => parseHcl(file, text)) : parseHcl(file, text);
}
/**
 * What parseFile returns for a plain literal .tfvars file, synchronously;
 * undefined for any other file (those go to parseFile). `skim`: lists and
 * objects are SKIMMED (see skimLiteralTfvars).
 */
function parseLiteralFile(file, text, skim = false) {
    if (!file.endsWith('.tfvars') || text.includes('\u0000'))
        return undefined;
    return skim ? skimLiteralTfvars(text) : parseLiteralTfvars(text);
}
function parseJson(file, text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const message = error.message;
        const position = /at position (\d+)/.exec(message)?.[1];
        const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
        throw new parse_in_process/* HclSyntaxError */.j(file, line, `${(0,names/* printablePath */.Vj)(file)}${line ? `:${line}` : ''}: invalid JSON: ${(0,short_message/* shortMessage */.S)(message)}`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new parse_in_process/* HclSyntaxError */.j(file, 1, `${(0,names/* printablePath */.Vj)(file)}:1: the JSON must be an object of attributes and blocks`);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/discovery/io/verify-explicit-changes.ts


/**
 * An explicitly listed file that is not in the working tree is a deletion only
 * if it existed: with a base ref, one that is not there either is a typo,
 * dropped with a warning; without one it counts as deleted, with a warning.
 */
async function verifyExplicitChanges(changes, workingDir, baseRef) {
    const kept = [];
    const warnings = [];
    for (const change of changes) {
        const file = (0,names/* printablePath */.Vj)(change.path);
        if (change.status !== 'deleted')
            kept.push(change);
        else if (baseRef === undefined) {
            kept.push(change);
            warnings.push({ file, message: 'the changed file does not exist in the working tree; counted as deleted (give --base-ref to check that it existed)' });
        }
        else if ((await fileAtRef(workingDir, baseRef, change.path)) === undefined) {
            warnings.push({ file, message: `ignored: the changed file exists neither in the working tree nor at ${(0,names/* printablePath */.Vj)(baseRef)}` });
        }
        else
            kept.push(change);
    }
    return { changes: kept, warnings };
}

// EXTERNAL MODULE: ./src/config/io/load-config.ts
var load_config = __webpack_require__(4218);
;// CONCATENATED MODULE: ./src/model/services.ts
/** The service of a deployment whose tfvars name no known service key. */
const GENERAL_SERVICE = 'general';
/**
 * Services a tfvars deployment manages, from its top-level keys through
 * `mapping` (tfvars key -> service). Sorted and without duplicates.
 */
function detectServices(keys, mapping) {
    const services = new Set();
    for (const key of keys) {
        const service = mapping[key];
        if (service !== undefined)
            services.add(service);
    }
    return services.size === 0 ? [GENERAL_SERVICE] : [...services].sort();
}

// EXTERNAL MODULE: ./src/config/defaults.ts
var defaults = __webpack_require__(1954);
;// CONCATENATED MODULE: ./src/config/did-you-mean.ts
/**
 * Optimal string alignment distance (Damerau-Levenshtein without repeated
 * edits of one substring): insertions, deletions, substitutions and swaps of
 * two neighbouring characters each cost 1.
 */
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
    for (let j = 0; j <= b.length; j++)
        rows[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        const row = rows[i];
        const above = rows[i - 1];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, rows[i - 2][j - 2] + 1);
            row[j] = best;
        }
    }
    return rows[a.length][b.length];
}
/**
 * The candidate closest to `value` (case-insensitive), if it is close enough
 * to be a likely typo: at most one edit per three characters, at least one.
 * Ties go to the alphabetically first candidate.
 */
function closestName(value, candidates) {
    const limit = Math.max(1, Math.floor(value.length / 3));
    let best;
    for (const name of [...new Set(candidates)].sort()) {
        const distance = editDistance(value.toLowerCase(), name.toLowerCase());
        if (distance <= limit && (best === undefined || distance < best.distance))
            best = { name, distance };
    }
    return best?.name;
}

// EXTERNAL MODULE: ./src/config/parse-config.ts + 1 modules
var parse_config = __webpack_require__(732);
// EXTERNAL MODULE: ./src/config/yaml-locations.ts
var yaml_locations = __webpack_require__(6974);
;// CONCATENATED MODULE: ./src/config/check-services.ts





/** Every service name something knows: built-in dependencies, service mappings, discovered deployments. */
function knownServices(config, discovered) {
    const known = new Set([GENERAL_SERVICE, ...discovered, ...Object.values(config.serviceMapping)]);
    for (const [service, needs] of Object.entries(defaults/* DEFAULT_SERVICE_DEPENDENCIES */.WB)) {
        known.add(service);
        for (const need of needs)
            known.add(need);
    }
    return known;
}
/**
 * Every service the configuration's service_dependencies names (as a key or
 * in a list) must be known; a typo would otherwise drop the ordering silently.
 * Throws one ConfigError listing each unknown name with file, line, key path
 * and the closest known name.
 */
function assertKnownServices(config, discovered) {
    const known = knownServices(config, discovered);
    const problems = [];
    const check = (name, path) => {
        if (known.has(name))
            return;
        const closest = closestName(name, known);
        const hint = closest ? `did you mean ${JSON.stringify(closest)}?` : `known services: ${[...known].sort().join(', ')}`;
        problems.push(`${(0,yaml_locations/* locate */.x5)(config.file, config.lines, path)}: ${path.join('.')}: unknown service ${JSON.stringify(name)}: no service mapping, built-in service or discovered deployment has it; ${hint}`);
    };
    for (const [service, needs] of Object.entries(config.service_dependencies)) {
        check(service, ['service_dependencies', service]);
        needs.forEach((need, i) => check(need, ['service_dependencies', service, i]));
    }
    if (problems.length > 0)
        throw new parse_config/* ConfigError */.xL(problems.join('\n'));
}

;// CONCATENATED MODULE: ./src/discovery/discovery-error.ts
/** A discovery problem that stops the run; the message names the file (and line). */
class DiscoveryError extends Error {
    name = 'DiscoveryError';
}

;// CONCATENATED MODULE: ./src/discovery/describe-layouts.ts

/** What discovery looked for, in words, for the "no deployments found" message. */
function describeLayouts(layouts, detected) {
    const roots = (list) => list.map((r) => (0,names/* printablePath */.Vj)(r)).join(', ');
    const parts = layouts.map((layout) => layout.type === 'tfvars'
        ? `*.tfvars / *.tfvars.json files below ${roots(layout.roots)} (tfvars layout, root module ${(0,names/* printablePath */.Vj)(layout.root_module)})`
        : `folders holding *.tf / *.tf.json files below ${roots(layout.roots)} (stacks layout: <region>/<service>/)`);
    const how = detected ? '; layout detected: .tf files directly in the working directory mean tfvars, otherwise stacks' : '';
    return `${parts.join(' and ')}${how}`;
}

// EXTERNAL MODULE: ./src/model/posix-path.ts
var posix_path = __webpack_require__(6640);
;// CONCATENATED MODULE: ./src/discovery/module-impact.ts

/** Files whose change never alters what a module or stack plans. */
function isDocumentation(file) {
    return /\.(md|markdown|txt|png|jpe?g|svg)$/i.test(file) || /(^|\/)(LICENSE|CODEOWNERS)$/.test(file);
}
/** Whether `file` lies inside directory `dir` (both relative posix paths). */
function isInside(file, dir) {
    if (dir === '.' || dir === '')
        return !file.startsWith('../');
    return file.startsWith(`${dir}/`);
}
/** The longest directory of `dirs` that contains `file`, if any. */
function owningDir(file, dirs) {
    let best;
    for (const dir of dirs) {
        if (isInside(file, dir) && (best === undefined || dir.length > best.length || best === '.'))
            best = dir;
    }
    return best;
}
/**
 * Module directories affected by `changedFiles`: a module whose own files
 * changed, and transitively every module that calls an affected one. Each gets
 * the chain from the changed module to it, shortest first found.
 */
function impactedModules(calls, changedFiles) {
    const moduleDirs = new Set();
    for (const callees of calls.values())
        for (const callee of callees)
            moduleDirs.add(callee);
    const knownDirs = new Set([...moduleDirs, ...calls.keys()]);
    const chains = new Map();
    const queue = [];
    for (const file of changedFiles) {
        if (isDocumentation(file))
            continue;
        const dir = owningDir(file, knownDirs);
        if (dir !== undefined && moduleDirs.has(dir) && !chains.has(dir)) {
            chains.set(dir, [dir]);
            queue.push(dir);
        }
    }
    const callers = reverse(calls);
    while (queue.length > 0) {
        const changed = queue.shift();
        for (const caller of callers.get(changed) ?? []) {
            if (chains.has(caller) || !moduleDirs.has(caller))
                continue;
            chains.set(caller, [...chains.get(changed), caller]);
            queue.push(caller);
        }
    }
    return chains;
}
/** The impacted module a root directory calls directly, with its chain, if any. */
function rootImpact(rootDir, calls, impacted) {
    let best;
    for (const callee of calls.get(rootDir) ?? []) {
        const chain = impacted.get(callee);
        if (chain && (best === undefined || chain.length < best.length))
            best = chain;
    }
    return best;
}
function reverse(calls) {
    const callers = new Map();
    for (const [caller, callees] of calls) {
        for (const callee of callees) {
            const list = callers.get(callee) ?? [];
            list.push(caller);
            callers.set(callee, list);
        }
    }
    return callers;
}
/** Joins a module source to its caller's directory (relative posix paths). */
function resolveModuleDir(callerDir, source) {
    return (0,posix_path/* joinPosix */.m)(callerDir, source);
}

;// CONCATENATED MODULE: ./src/discovery/outside-changes.ts


/**
 * Splits explicitly listed changes: a path outside the working directory
 * counts only when it lies in a module the deployments call (`../modules/x`);
 * any other is dropped with a warning instead of selecting nothing silently.
 */
function dropOutsideChanges(changes, calls, workingDir) {
    const knownDirs = new Set([...calls.keys(), ...[...calls.values()].flat()]);
    const kept = [];
    const warnings = [];
    for (const change of changes) {
        const outside = change.path === '..' || change.path.startsWith('../') || change.path.startsWith('/');
        if (outside && owningDir(change.path, knownDirs) === undefined) {
            warnings.push({
                file: (0,names/* printablePath */.Vj)(change.path),
                message: `ignored: the changed file is outside the working directory ${(0,names/* printablePath */.Vj)(workingDir)} and in no module its deployments call`
            });
        }
        else
            kept.push(change);
    }
    return { changes: kept, warnings };
}

;// CONCATENATED MODULE: ./src/discovery/terraform-files.ts
/** Configuration files OpenTofu reads from a module directory: native and JSON syntax. */
function isTerraformFile(file) {
    return file.endsWith('.tf') || file.endsWith('.tf.json');
}
/** Variable definition files, native or JSON syntax (`-var-file` takes both). */
function isVarFile(file) {
    return file.endsWith('.tfvars') || file.endsWith('.tfvars.json');
}
/**
 * terraform.tfvars(.json) and *.auto.tfvars(.json) next to the root module are
 * its defaults, loaded by OpenTofu itself, not deployments (relative posix paths).
 */
function isAutoLoaded(file, rootDir) {
    const slash = file.lastIndexOf('/');
    const dir = slash < 0 ? '.' : file.slice(0, slash);
    const name = file.slice(slash + 1);
    const autoLoaded = /^terraform\.tfvars(\.json)?$/.test(name) || /\.auto\.tfvars(\.json)?$/.test(name);
    return dir === (rootDir === '' ? '.' : rootDir) && autoLoaded;
}
/** Files below a folder named `modules` belong to modules (examples, tests), not deployments. */
function underModules(file) {
    return file.split('/').slice(0, -1).includes('modules');
}

;// CONCATENATED MODULE: ./src/discovery/select-deployments.ts



/**
 * Maps changed files to the deployments they affect, each with the reasons it
 * was selected. Pure: everything it needs was read by the discovery adapter.
 */
function selectDeployments(input) {
    if (input.changes === 'all') {
        return {
            selected: input.deployments.map((d) => ({ ...d, reasons: [{ kind: 'all', text: 'all deployments requested' }] })),
            removed: []
        };
    }
    const present = input.changes.filter((c) => c.status !== 'deleted').map((c) => c.path);
    const allChanged = input.changes.map((c) => c.path);
    const impacted = impactedModules(input.calls, allChanged);
    const knownDirs = new Set([...input.calls.keys(), ...[...input.calls.values()].flat()]);
    const byVarFile = new Map(input.deployments.filter((d) => d.varFile).map((d) => [d.varFile, d]));
    const selected = [];
    for (const deployment of input.deployments) {
        const reasons = [];
        if (deployment.varFile && present.includes(deployment.varFile)) {
            reasons.push({ kind: 'tfvars-changed', file: deployment.varFile, text: `changed ${(0,names/* printablePath */.Vj)(deployment.varFile)}` });
        }
        for (const file of allChanged) {
            // A deployment's own var file is not a change of its root module or stack.
            if (isDocumentation(file) || file.endsWith('.tfvars') || byVarFile.has(file))
                continue;
            if (deployment.layout === 'stacks' && owningDir(file, knownDirs) === deployment.rootDir) {
                reasons.push({ kind: 'stack-changed', file, text: `changed ${(0,names/* printablePath */.Vj)(file)}` });
            }
            if (deployment.layout === 'tfvars' && directlyIn(file, deployment.rootDir)) {
                reasons.push({ kind: 'root-module-changed', file, text: `changed ${(0,names/* printablePath */.Vj)(file)} in the shared root module` });
            }
        }
        const chain = rootImpact(deployment.rootDir, input.calls, impacted);
        if (chain) {
            const via = chain.length > 1 ? ` (via ${chain.slice(1).map(names/* printablePath */.Vj).join(' -> ')})` : '';
            reasons.push({ kind: 'module-changed', moduleChain: chain, text: `module ${(0,names/* printablePath */.Vj)(chain[0])} changed${via}` });
        }
        if (reasons.length > 0)
            selected.push({ ...deployment, reasons });
    }
    const removed = input.changes
        .filter((c) => c.status === 'deleted' && isVarFile(c.path) && !byVarFile.has(c.path))
        .map((c) => ({ file: c.path, text: `deleted ${(0,names/* printablePath */.Vj)(c.path)}: its resources are NOT destroyed (run destroy explicitly)` }))
        .sort((a, b) => a.file.localeCompare(b.file));
    return { selected, removed };
}
function directlyIn(file, dir) {
    if (!isInside(file, dir))
        return false;
    const rest = dir === '.' ? file : file.slice(dir.length + 1);
    return !rest.includes('/');
}

// EXTERNAL MODULE: ./src/state/state-key.ts
var state_key = __webpack_require__(7286);
;// CONCATENATED MODULE: ./src/discovery/source-lines.ts
/**
 * The 1-based line of a top-level `key = ...` attribute in HCL text (or
 * `"key": ...` in JSON syntax), for error messages only (the values themselves
 * come from the parser).
 */
function lineOfAttribute(text, key) {
    const name = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`^\\s*(?:${name}\\s*=|[{,]?\\s*"${name}"\\s*:)`);
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        if (pattern.test(lines[i]))
            return i + 1;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/discovery/tfvars-deployment.ts






/**
 * One deployment of the shared root module from one tfvars file: account and
 * region from its contents, project from its folder, services from its keys.
 */
function tfvarsDeployment(input) {
    const { text, values } = input;
    const file = (0,names/* printablePath */.Vj)(input.file);
    const account = requiredString(values, 'account_name', file, text);
    const region = requiredString(values, 'region', file, text);
    const folders = input.file.split('/');
    const project = folders.length > 1 ? folders[folders.length - 2] : '';
    // Where a name is wrong is worked out only for the message: a fleet has thousands of valid files.
    if ((0,names/* nameProblem */.rH)(account))
        (0,names/* assertValidName */.QB)('account', account, `${file}:${lineOfAttribute(text, 'account_name') ?? 1}`);
    if ((0,names/* nameProblem */.rH)(region))
        (0,names/* assertValidName */.QB)('region', region, `${file}:${lineOfAttribute(text, 'region') ?? 1}`);
    if ((0,names/* nameProblem */.rH)(project))
        (0,names/* assertValidName */.QB)('project', project, `${file} (the project is the name of the file's folder)`);
    const services = detectServices(Object.keys(values), input.serviceMapping);
    for (const service of services)
        if ((0,names/* nameProblem */.rH)(service))
            (0,names/* assertValidName */.QB)('service', service, `${file} (service mapping)`);
    const stateKey = (0,state_key/* renderStateKey */.FW)(input.keyTemplate, { services, account, region, project }, input.combinedName);
    return {
        id: (0,state_key/* deploymentIdFromKey */.UU)(stateKey),
        name: `${account}/${region}/${project}`,
        layout: 'tfvars',
        account,
        region,
        project,
        services,
        stateKey,
        rootDir: input.rootDir,
        varFile: input.file,
        source: input.file
    };
}
function requiredString(values, key, file, text) {
    const value = values[key];
    if (typeof value === 'string' && !value.includes('${'))
        return value;
    const line = lineOfAttribute(text, key);
    if (value === undefined) {
        throw new DiscoveryError(`${file}:1: ${key} is missing: every deployment's tfvars needs a top-level \`${key} = "..."\``);
    }
    if (typeof value !== 'string' || value.includes('${')) {
        throw new DiscoveryError(`${file}:${line ?? 1}: ${key} must be a literal string, found ${(0,short_message/* shortMessage */.S)(JSON.stringify(value) ?? String(value), 80)}`);
    }
    return value;
}

// EXTERNAL MODULE: ./src/graph/deployment-graph.ts + 4 modules
var deployment_graph = __webpack_require__(5968);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/discovery/io/parse-cache.ts



/**
 * Bump when the parser (@cdktn/hcl2json) or what is stored changes: entries of
 * another version are dropped, never reused.
 */
const PARSE_CACHE_VERSION = 'hcl2json-0.24.0/1';
/** Where the cache lives: safe to delete at any time. */
const parseCacheFile = (workingDir) => (0,external_node_path_.join)(workingDir, '.tf-orchestrator', 'cache', 'hcl-parse.json');
/**
 * What HashiCorp's HCL parser made of a file, keyed by a hash of its exact
 * text, so a warm discovery re-parses only files whose contents changed. A
 * changed file has another hash and is parsed again; only successful parses
 * are stored (errors are always reported fresh). Best effort: a cache that
 * cannot be read or written is ignored.
 */
class ParseCache {
    file;
    stored;
    used = new Map();
    added = 0;
    /** Parser calls this cache could not answer (for the benchmarks). */
    misses = 0;
    constructor(file, stored) {
        this.file = file;
        this.stored = stored;
    }
    /** The cache of `workingDir`, or an in-memory one when `workingDir` is undefined. */
    static open(workingDir) {
        if (workingDir === undefined)
            return new ParseCache(undefined, {});
        const file = parseCacheFile(workingDir);
        try {
            const parsed = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
            if (parsed.version === PARSE_CACHE_VERSION && parsed.entries && typeof parsed.entries === 'object')
                return new ParseCache(file, parsed.entries);
        }
        catch {
            // Missing, unreadable or corrupt: start empty.
        }
        return new ParseCache(file, {});
    }
    /** True when nothing was stored (a first or cache-less discovery): every HCL file will be parsed. */
    get empty() {
        return Object.keys(this.stored).length === 0;
    }
    /** The stored parse of `text`, or `parse(text)` stored for next time. */
    async get(syntax, text, parse) {
        const key = (0,external_node_crypto_.createHash)('sha256').update(syntax).update('\u0000').update(text).digest('base64');
        const known = this.used.get(key) ?? (Object.hasOwn(this.stored, key) ? this.stored[key] : undefined);
        if (known !== undefined) {
            this.used.set(key, known);
            return structuredClone(known);
        }
        this.misses++;
        const value = await parse();
        this.used.set(key, structuredClone(value));
        this.added++;
        return value;
    }
    /** Writes the entries this discovery used, when anything changed (atomically: a reader never sees half a file). */
    save() {
        if (this.file === undefined)
            return;
        if (this.added === 0 && this.used.size === Object.keys(this.stored).length)
            return;
        const content = { version: PARSE_CACHE_VERSION, entries: Object.fromEntries(this.used) };
        try {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(this.file, '..'), { recursive: true });
            const temporary = `${this.file}.${process.pid}.tmp`;
            (0,external_node_fs_.writeFileSync)(temporary, JSON.stringify(content));
            (0,external_node_fs_.renameSync)(temporary, this.file);
        }
        catch {
            // A read-only checkout or a file in the way: discovery works without the cache.
        }
    }
}

;// CONCATENATED MODULE: ./src/discovery/stack-deployment.ts


/** One stack-layout deployment: a root module directory whose folder name is its service. */
function stackDeployment(input) {
    const service = input.dir.split('/').pop();
    const where = `${(0,names/* printablePath */.Vj)(input.dir)}/`;
    (0,names/* assertValidName */.QB)('service', service, `${where} (the service is the folder name)`);
    (0,names/* assertValidName */.QB)('region', input.region, `${where} (the region is the parent folder name)`);
    (0,names/* assertValidName */.QB)('account', input.account, `${where} (layout account)`);
    (0,names/* assertValidName */.QB)('project', input.project, `${where} (layout project)`);
    const services = [service];
    const stateKey = (0,state_key/* renderStateKey */.FW)(input.keyTemplate, { services, account: input.account, region: input.region, project: input.project }, input.combinedName);
    return {
        id: (0,state_key/* deploymentIdFromKey */.UU)(stateKey),
        name: `${input.region}/${service}`,
        layout: 'stacks',
        account: input.account,
        region: input.region,
        project: input.project,
        services,
        stateKey,
        rootDir: input.dir,
        source: `${input.dir}/`
    };
}

;// CONCATENATED MODULE: ./src/discovery/io/module-calls.ts







/**
 * Reads the `module` blocks of every `.tf` / `.tf.json` file in `dirs`, following local
 * sources (`./`, `../`) transitively. Registry and git sources are not local
 * and are skipped; a source that is an expression is reported as a warning.
 */
async function scanModuleCalls(workingDir, dirs, cache) {
    const calls = new Map();
    const warnings = [];
    const queue = [...dirs];
    while (queue.length > 0) {
        const dir = queue.shift();
        if (calls.has(dir))
            continue;
        const callees = new Set();
        for (const file of await tfFiles(workingDir, dir)) {
            const rel = external_node_path_.posix.join(dir, file);
            const parsed = await parseFile(rel, await (0,promises_.readFile)((0,external_node_path_.join)(workingDir, rel), 'utf8'), cache);
            for (const source of moduleSources(parsed)) {
                const where = (0,names/* printablePath */.Vj)(rel);
                if (source.includes('${')) {
                    warnings.push({ file: where, message: `module source ${(0,names/* printablePath */.Vj)(source)} is an expression; changes to the module it names cannot be detected` });
                }
                else if (source.startsWith('./') || source.startsWith('../')) {
                    const callee = resolveModuleDir(dir, source);
                    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(workingDir, callee)))
                        callees.add(callee);
                    else
                        warnings.push({ file: where, message: `module source ${(0,names/* printablePath */.Vj)(source)} points to ${(0,names/* printablePath */.Vj)(callee)}, which does not exist` });
                }
            }
        }
        calls.set(dir, [...callees].sort());
        queue.push(...callees);
    }
    return { calls, warnings };
}
async function tfFiles(workingDir, dir) {
    try {
        const entries = await (0,promises_.readdir)((0,external_node_path_.join)(workingDir, dir), { withFileTypes: true });
        const names = [];
        for (const e of entries) {
            if (!isTerraformFile(e.name))
                continue;
            // A symlinked file counts (OpenTofu reads it); a broken link is listed by the folder scan.
            if (e.isFile() || (e.isSymbolicLink() && (await (0,promises_.stat)((0,external_node_path_.join)(workingDir, dir, e.name)).catch(() => undefined))?.isFile()))
                names.push(e.name);
        }
        return names.sort();
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
}
function moduleSources(parsed) {
    // HCL gives {name: [block]}; JSON syntax allows {name: block} and [{name: block}].
    const modules = Array.isArray(parsed.module) ? Object.assign({}, ...parsed.module) : parsed.module;
    if (!modules || typeof modules !== 'object')
        return [];
    const sources = [];
    for (const blocks of Object.values(modules)) {
        for (const block of Array.isArray(blocks) ? blocks : [blocks]) {
            const source = block?.source;
            if (typeof source === 'string')
                sources.push(source);
        }
    }
    return sources;
}

;// CONCATENATED MODULE: ./src/discovery/io/scan-files.ts





/** Folders that never hold deployments: tool caches, VCS data, dependencies. */
const SKIPPED_DIRS = new Set(['.git', '.terraform', '.tf-orchestrator', '.tools', 'node_modules', '.github']);
// One options object for every call: node copies a fresh one per call of a fleet's thousands otherwise.
const WITH_FILE_TYPES = { withFileTypes: true };
/**
 * Every file below `root` (relative posix paths from `base`), skipping
 * SKIPPED_DIRS and hidden folders. Sorted for stable output. Symlinks are
 * followed like OpenTofu follows them; a folder whose real path was already
 * scanned (a loop, or a second link to it) and a broken link are skipped with
 * a warning in `warnings`.
 */
async function listFiles(base, root, warnings = []) {
    const found = [];
    const scanned = new Map();
    const start = external_node_path_.posix.normalize(root);
    // Below the root, paths are built by concatenation: a name holds no separator
    // and the parent is already normalized, and join() per entry costs a fleet
    // of thousands of folders more than the reading.
    const under = (dir, name) => (dir.endsWith(external_node_path_.sep) ? dir + name : `${dir}${external_node_path_.sep}${name}`);
    // Synchronous calls: a fleet has thousands of small folders, and one await per folder costs more than the reading.
    const walk = (rel, dir, knownReal) => {
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(dir, WITH_FILE_TYPES);
        }
        catch (error) {
            const code = error.code;
            if (code !== 'ENOENT' && code !== 'ENOTDIR')
                throw new DiscoveryError(`${(0,names/* printablePath */.Vj)(rel)}: cannot read the folder (${code ?? error.message})`);
            // A configured root that is missing would otherwise find nothing silently.
            if (rel === start)
                warnings.push({ file: (0,names/* printablePath */.Vj)(rel), message: `skipped: the layout root ${code === 'ENOENT' ? 'does not exist' : 'is not a folder'}` });
            return;
        }
        // A plain subfolder's real path is its parent's plus its name; only links need asking.
        const real = knownReal ?? (0,external_node_fs_.realpathSync)(dir);
        const earlier = scanned.get(real);
        if (earlier !== undefined) {
            warnings.push({ file: (0,names/* printablePath */.Vj)(rel), message: `skipped: it is the folder ${(0,names/* printablePath */.Vj)(earlier)} again (through a symlink), already scanned` });
            return;
        }
        scanned.set(real, rel);
        for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
            const name = entry.name;
            const path = rel === start ? external_node_path_.posix.join(rel, name) : `${rel}/${name}`;
            const link = entry.isSymbolicLink();
            const kind = link ? linkTarget(under(dir, name)) : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
            if (typeof kind === 'object') {
                warnings.push({ file: (0,names/* printablePath */.Vj)(path), message: `skipped: a symlink that cannot be followed (${kind.broken})` });
            }
            else if (kind === 'dir') {
                if (!SKIPPED_DIRS.has(name) && !name.startsWith('.'))
                    walk(path, under(dir, name), link ? undefined : under(real, name));
            }
            else if (kind === 'file') {
                found.push(path);
            }
        }
    };
    walk(start, (0,external_node_path_.join)(base, start), undefined);
    return found.sort();
}
/** Files directly in `base` (regular files and links to files), for layout detection. */
function topLevelFiles(base) {
    try {
        return (0,external_node_fs_.readdirSync)(base, { withFileTypes: true })
            .filter((e) => e.isFile() || (e.isSymbolicLink() && linkTarget((0,external_node_path_.join)(base, e.name)) === 'file'))
            .map((e) => e.name);
    }
    catch {
        return [];
    }
}
function linkTarget(path) {
    try {
        const target = (0,external_node_fs_.statSync)(path);
        return target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
    }
    catch (error) {
        const code = error.code;
        return { broken: code === 'ENOENT' ? 'its target does not exist' : code === 'ELOOP' ? 'it points to itself' : String(code) };
    }
}
/** Directories (relative posix) that directly contain at least one `.tf` or `.tf.json` file. */
function terraformDirs(files) {
    const dirs = new Set();
    for (const file of files)
        if (isTerraformFile(file))
            dirs.add(external_node_path_.posix.dirname(file));
    return [...dirs].sort();
}

;// CONCATENATED MODULE: ./src/discovery/io/tfvars-layout.ts









// One options object for every file: node copies a fresh one per call when given 'utf8'.
const UTF8 = { encoding: 'utf8' };
/** The deployments of a tfvars layout: one per variables file below its roots, in path order. */
async function tfvarsLayout(workingDir, layout, config, warnings, cache) {
    const rootDir = external_node_path_.posix.normalize(layout.root_module);
    const lists = [];
    for (const root of layout.roots)
        lists.push(await listFiles(workingDir, root, warnings));
    // One root lists each file once; only overlapping roots list a file twice.
    const files = lists.length === 1 ? lists[0] : [...new Set(lists.flat())];
    const varFiles = files.filter((f) => isVarFile(f) && !isAutoLoaded(f, rootDir) && !underModules(f)).sort();
    const deploymentOf = (file, text, values) => tfvarsDeployment({
        file,
        text,
        values,
        rootDir,
        serviceMapping: config.serviceMapping,
        keyTemplate: config.backend_key_template,
        combinedName: config.combined_service_name
    });
    // A plain literal file (the common case) becomes its deployment at once, so
    // neither its text nor its values outlive it. Its error waits: the first
    // file in path order with a problem is the one reported.
    const outcomes = [];
    const others = [];
    // join() once: a listed path has dot segments (`../`) only at its start, and join() per file costs a fleet more than it should.
    const prefix = (0,external_node_path_.join)(workingDir, external_node_path_.sep);
    for (const file of varFiles) {
        const text = (0,external_node_fs_.readFileSync)(file.startsWith('.') ? (0,external_node_path_.join)(workingDir, file) : prefix + file, UTF8);
        // A deployment needs only the top-level names and two strings; a list or object there is
        // built after all, for the error to quote it.
        let values = parseLiteralFile(file, text, true);
        if (values && (values.account_name === SKIMMED || values.region === SKIMMED))
            values = parseLiteralFile(file, text);
        if (values === undefined) {
            outcomes.push({ other: others.push({ file, text }) - 1 });
            continue;
        }
        try {
            outcomes.push({ deployment: deploymentOf(file, text, values) });
        }
        catch (error) {
            outcomes.push({ error });
        }
    }
    // The other parses are asked for at once: files the parser process must read queue there instead of waiting a round trip each.
    const parsed = await Promise.allSettled(others.map((o) => parseOrExplain(o.file, o.text, cache)));
    return outcomes.map((outcome) => {
        if ('deployment' in outcome)
            return outcome.deployment;
        if ('error' in outcome)
            throw outcome.error;
        const result = parsed[outcome.other];
        if (result.status === 'rejected')
            throw result.reason;
        const { file, text } = others[outcome.other];
        return deploymentOf(file, text, result.value);
    });
}
async function parseOrExplain(file, text, cache) {
    try {
        return await parseFile(file, text, cache);
    }
    catch (error) {
        if (error instanceof parse_in_process/* HclSyntaxError */.j)
            throw new DiscoveryError(`tfvars syntax error: ${error.message}`);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/discovery/io/discover.ts










/**
 * Finds every deployment under `workingDir` for the configured (or detected)
 * layouts, and the local module calls of their root modules. Either all
 * deployments are returned or an error naming the file is thrown.
 */
async function discover(workingDir, config, options = {}) {
    const cache = ParseCache.open(options.cache === false ? undefined : workingDir);
    if (cache.empty)
        startHclParser();
    const layoutsDetected = config.layouts === undefined;
    const layouts = config.layouts ?? detectLayouts(workingDir);
    const deployments = [];
    const rootDirs = new Set();
    const warnings = [];
    for (const layout of layouts) {
        const found = layout.type === 'tfvars' ? await tfvarsLayout(workingDir, layout, config, warnings, cache) : await stacksLayout(workingDir, layout, config, warnings, cache);
        for (const d of found)
            rootDirs.add(d.rootDir);
        deployments.push(...found);
    }
    assertUniqueIds(deployments);
    const scan = await scanModuleCalls(workingDir, [...rootDirs], cache);
    cache.save();
    return { deployments, calls: scan.calls, warnings: unique([...warnings, ...scan.warnings]), layouts, layoutsDetected, parserCalls: cache.misses };
}
/** No configured layouts: a root module in the working directory means tfvars, otherwise stacks. */
function detectLayouts(workingDir) {
    if (topLevelFiles(workingDir).some(isTerraformFile))
        return [{ type: 'tfvars', root_module: '.', roots: ['.'] }];
    return [{ type: 'stacks', roots: ['.'], account: 'default', project: 'default' }];
}
async function stacksLayout(workingDir, layout, config, warnings, cache) {
    const candidates = new Set();
    for (const root of layout.roots) {
        for (const dir of terraformDirs(await listFiles(workingDir, root, warnings)))
            if (!underModules(`${dir}/x`))
                candidates.add(dir);
    }
    // A directory another candidate calls as a module is a module, not a stack.
    const { calls } = await scanModuleCalls(workingDir, [...candidates], cache);
    const called = new Set([...calls.values()].flat());
    const stacks = [...candidates].filter((dir) => !called.has(dir)).sort();
    const deployments = [];
    for (const dir of stacks) {
        if (dir === '.') {
            warnings.push({ file: '.', message: 'the working directory itself holds .tf files; in the stacks layout it is not a stack' });
            continue;
        }
        const parent = external_node_path_.posix.dirname(dir);
        const region = parent === '.' ? (0,external_node_path_.basename)(workingDir) : external_node_path_.posix.basename(parent);
        deployments.push(stackDeployment({
            dir,
            region,
            account: layout.account,
            project: layout.project,
            keyTemplate: config.backend_key_template,
            combinedName: config.combined_service_name
        }));
    }
    return deployments;
}
function assertUniqueIds(deployments) {
    const seen = new Map();
    for (const d of deployments) {
        const other = seen.get(d.id);
        if (other) {
            throw new DiscoveryError(`${(0,names/* printablePath */.Vj)(d.source)} and ${(0,names/* printablePath */.Vj)(other.source)} would share the state key ${d.stateKey}; give one of them another project folder, account or region`);
        }
        seen.set(d.id, d);
    }
}
/** Overlapping roots scan a folder twice; report each problem once. */
function unique(warnings) {
    const seen = new Set();
    return warnings.filter((w) => !seen.has(`${w.file}\u0000${w.message}`) && seen.add(`${w.file}\u0000${w.message}`));
}

;// CONCATENATED MODULE: ./src/app/load-workspace.ts

















/** Loads configuration, discovers deployments, selects the changed ones and orders them. */
async function loadWorkspace(options) {
    try {
        return await load(options);
    }
    finally {
        stopHclParser();
    }
}
async function load(options) {
    const workingDir = (0,external_node_path_.resolve)(options.workingDir);
    await assertDirectory(workingDir);
    const config = await (0,load_config/* loadConfig */.Z)(workingDir, options.configPath);
    const discovery = await discover(workingDir, config);
    const warnings = [...discovery.warnings];
    if (discovery.deployments.length === 0) {
        const looked = `looked for ${describeLayouts(discovery.layouts, discovery.layoutsDetected ?? false)}`;
        if (options.requireDeployments)
            throw new DiscoveryError(`no deployments found in ${(0,names/* printablePath */.Vj)(workingDir)} (${looked})`);
        warnings.push({ file: (0,names/* printablePath */.Vj)(workingDir), message: `no deployments found (${looked})` });
    }
    assertKnownServices(config, discovery.deployments.flatMap((d) => d.services));
    const changes = await resolveChanges(options, workingDir, discovery, warnings);
    const selection = selectDeployments({ deployments: discovery.deployments, calls: discovery.calls, changes });
    if (options.baseRef && changes !== 'all')
        await addRemovedStateKeys(selection, workingDir, options.baseRef, discovery, config);
    const graph = (0,deployment_graph/* buildExecutionGraph */.x)({
        all: discovery.deployments,
        selected: new Set(selection.selected.map((d) => d.id)),
        serviceDependencies: config.serviceDependencies,
        explicit: config.deployment_dependencies,
        locate: (path) => (0,yaml_locations/* locate */.x5)(config.file, config.lines, path)
    });
    return { workingDir, config, discovery, changes, selection, graph, warnings, ...(options.baseRef ? { baseRef: options.baseRef } : {}) };
}
async function assertDirectory(dir) {
    const info = await (0,promises_.stat)(dir).catch(() => undefined);
    if (!info)
        throw new DiscoveryError(`working directory ${(0,names/* printablePath */.Vj)(dir)} does not exist`);
    if (!info.isDirectory())
        throw new DiscoveryError(`working directory ${(0,names/* printablePath */.Vj)(dir)} is not a directory`);
}
async function resolveChanges(options, workingDir, discovery, warnings) {
    if (options.all)
        return 'all';
    if (options.changedFiles !== undefined) {
        const inside = dropOutsideChanges(explicitChanges(options.changedFiles, workingDir), discovery.calls, workingDir);
        const verified = await verifyExplicitChanges(inside.changes, workingDir, options.baseRef);
        warnings.push(...inside.warnings, ...verified.warnings);
        return verified.changes;
    }
    if (options.baseRef)
        return changedFilesSince(workingDir, options.baseRef);
    return 'all';
}
/** A deleted tfvars file's old contents tell which state it had, so the report can name it. */
async function addRemovedStateKeys(selection, workingDir, baseRef, discovery, config) {
    const tfvars = discovery.layouts.find((l) => l.type === 'tfvars');
    if (!tfvars || tfvars.type !== 'tfvars')
        return;
    for (const removed of selection.removed) {
        const text = await fileAtRef(workingDir, baseRef, removed.file);
        if (text === undefined)
            continue;
        try {
            const old = tfvarsDeployment({
                file: removed.file,
                text,
                values: await parseFile(removed.file, text),
                rootDir: tfvars.root_module,
                serviceMapping: config.serviceMapping,
                keyTemplate: config.backend_key_template,
                combinedName: config.combined_service_name
            });
            removed.stateKey = old.stateKey;
            removed.text = `deleted ${(0,names/* printablePath */.Vj)(removed.file)}: state ${old.stateKey} is kept and its resources are NOT destroyed (run destroy explicitly)`;
        }
        catch {
            // The old file was itself invalid; the plain message stands.
        }
    }
}


/***/ }),

/***/ 5968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ buildExecutionGraph)
});

// UNUSED EXPORTS: DependencyConfigError

// EXTERNAL MODULE: ./src/graph/dag.ts
var dag = __webpack_require__(3148);
// EXTERNAL MODULE: ./src/model/id-pattern.ts
var id_pattern = __webpack_require__(1331);
// EXTERNAL MODULE: ./src/model/names.ts
var names = __webpack_require__(1601);
;// CONCATENATED MODULE: ./src/graph/dependency-config-error.ts
/** Raised for an explicit dependency that names no deployment. */
class DependencyConfigError extends Error {
    name = 'DependencyConfigError';
}

;// CONCATENATED MODULE: ./src/graph/group-edges.ts



// Below this many edges a rule is written out: a group node would not save anything.
const WIDE_RULE = 64;
/** Service edges through one group node per (service, account, region), explicit edges as written. */
function compactGraph(input) {
    const ids = input.all.map((d) => d.id);
    const succ = new Map(ids.map((id) => [id, []]));
    const members = new Map();
    for (const d of input.all) {
        for (const service of d.services) {
            const key = `\u0000${service}\u0000${d.account}\u0000${d.region}`;
            const list = members.get(key);
            if (list)
                list.push(d.id);
            else
                members.set(key, [d.id]);
        }
    }
    for (const [key, list] of members)
        succ.set(key, list);
    // Deployments of the same services need the same services: worked out once per combination.
    const needsOf = new Map();
    for (const d of input.all) {
        const signature = d.services.join('\u0000');
        let needs = needsOf.get(signature);
        if (!needs)
            needsOf.set(signature, (needs = servicesNeeded(d.services, input.closure)));
        const out = succ.get(d.id);
        for (const need of needs) {
            const key = `\u0000${need}\u0000${d.account}\u0000${d.region}`;
            if (members.has(key))
                out.push(key);
        }
    }
    let rules = 0;
    for (const [pattern, targets] of Object.entries(input.explicit)) {
        const from = matchIds(ids, pattern, `${input.where([pattern])}deployment_dependencies key ${JSON.stringify(pattern)}`);
        for (const [i, target] of targets.entries()) {
            const to = matchIds(ids, target, `${input.where([pattern, i])}deployment_dependencies.${(0,names/* printablePath */.Vj)(pattern)} entry ${JSON.stringify(target)}`);
            const toSet = new Set(to);
            const hub = from.length * to.length > WIDE_RULE ? `\u0000rule\u0000${rules++}` : undefined;
            if (hub)
                succ.set(hub, to);
            for (const a of from) {
                // A deployment never waits for itself: where it is among the targets, its edges are written out.
                if (hub && !toSet.has(a))
                    succ.get(a).push(hub);
                else
                    for (const b of to)
                        if (a !== b)
                            succ.get(a).push(b);
            }
        }
    }
    return { ids, succ };
}
/** The services `services` need (through `closure`) and do not provide themselves, sorted. */
function servicesNeeded(services, closure) {
    const own = new Set(services);
    const needs = new Set();
    for (const service of services)
        for (const need of closure.get(service) ?? [])
            if (!own.has(need))
                needs.add(need);
    return [...needs].sort();
}
/** The expanded graph (group nodes replaced by their members), for the cycle message. */
function expandedGraph(graph) {
    const expand = (node, into) => {
        for (const next of graph.succ.get(node) ?? []) {
            if (next.startsWith('\u0000'))
                expand(next, into);
            else
                into.add(next);
        }
    };
    return new Map(graph.ids.map((id) => {
        const deps = new Set();
        expand(id, deps);
        return [id, deps];
    }));
}
function matchIds(ids, pattern, where) {
    const regex = (0,id_pattern/* idPattern */.a)(pattern);
    const matched = ids.filter((id) => regex.test(id));
    if (matched.length === 0)
        throw new DependencyConfigError(`${where} matches no deployment (ids look like ${ids[0] ?? 's3/account/region/project'})`);
    return matched;
}

;// CONCATENATED MODULE: ./src/graph/reduce-edges.ts
const NOTHING = { closure: new Set(), covered: new Set() };
/** The nodes of `succ` with every node after what it waits for, or undefined when there is a cycle. */
function topologicalOrder(succ) {
    // Kahn's algorithm over node numbers: a fleet's graph has tens of thousands of nodes, and arrays cost less than maps of them.
    const nodes = [...succ.keys()];
    const number = new Map();
    for (const [i, node] of nodes.entries())
        number.set(node, i);
    const remaining = new Int32Array(nodes.length);
    const dependents = nodes.map(() => []);
    for (const [i, node] of nodes.entries()) {
        const deps = succ.get(node);
        remaining[i] = deps.length;
        for (const dep of deps) {
            const d = number.get(dep);
            // A dependency that is not a node never counts down: the order comes out short (undefined).
            if (d !== undefined)
                dependents[d]?.push(i);
        }
    }
    const order = [];
    for (let i = 0; i < nodes.length; i++)
        if (remaining[i] === 0)
            order.push(i);
    for (let k = 0; k < order.length; k++) {
        for (const dependent of dependents[order[k]]) {
            remaining[dependent] = remaining[dependent] - 1;
            if (remaining[dependent] === 0)
                order.push(dependent);
        }
    }
    return order.length === nodes.length ? order.map((i) => nodes[i]) : undefined;
}
/**
 * The direct dependencies of each selected deployment among the selected: all
 * it reaches (through unselected deployments and group nodes too), minus what
 * it reaches only through another selected one. Deployments that wait for the
 * same things get the same Set object, so a group of n deployments waiting for
 * m others costs n + m, not n x m. `order` is topologicalOrder(succ).
 */
function directDependencies(succ, order, ids, selected) {
    const reach = new Map();
    const byTargets = new Map();
    for (const node of order) {
        const targets = succ.get(node) ?? [];
        const only = targets[0];
        if (only === undefined)
            reach.set(node, NOTHING);
        else if (targets.length === 1 && !selected.has(only))
            reach.set(node, reach.get(only));
        else {
            const key = targets.join('\n');
            let known = byTargets.get(key);
            if (!known)
                byTargets.set(key, (known = reachThrough(targets, reach, selected)));
            reach.set(node, known);
        }
    }
    const direct = new Map();
    const dependencies = new Map();
    for (const id of ids) {
        if (!selected.has(id))
            continue;
        const r = reach.get(id);
        let deps = direct.get(r);
        if (!deps)
            direct.set(r, (deps = new Set([...r.closure].filter((dep) => !r.covered.has(dep)))));
        dependencies.set(id, deps);
    }
    return dependencies;
}
function reachThrough(targets, reach, selected) {
    const closure = new Set();
    const covered = new Set();
    // Members of a group often share one Reach: add each shared set once.
    const intoClosure = new Set();
    const intoCovered = new Set();
    const add = (into, seen, from) => {
        if (from.size === 0 || seen.has(from))
            return;
        seen.add(from);
        for (const x of from)
            into.add(x);
    };
    for (const target of targets) {
        const r = reach.get(target);
        add(closure, intoClosure, r.closure);
        if (selected.has(target)) {
            closure.add(target);
            add(covered, intoCovered, r.closure);
        }
        else
            add(covered, intoCovered, r.covered);
    }
    return { closure, covered };
}

;// CONCATENATED MODULE: ./src/graph/service-dependencies.ts

/**
 * Validates service_dependencies (no cycles) and returns, per service, every
 * service it needs directly or transitively, so ordering holds even when an
 * intermediate service has no deployment in a region.
 */
function serviceClosure(dependencies) {
    const graph = new Map();
    for (const [service, needs] of Object.entries(dependencies)) {
        graph.set(service, new Set(needs));
        for (const need of needs)
            if (!graph.has(need) && !(need in dependencies))
                graph.set(need, new Set());
    }
    const cycle = (0,dag/* findCycle */.u8)(graph);
    if (cycle)
        throw new dag/* CycleError */.d6(cycle, 'services in service_dependencies');
    return new Map([...graph.keys()].map((service) => [service, (0,dag/* reachable */.Gq)(graph, service)]));
}

;// CONCATENATED MODULE: ./src/graph/deployment-graph.ts






/**
 * The dependency graph of a run: a deployment waits for the deployments of the
 * services it needs in the same account and region, and for its explicit
 * dependencies. A service a deployment provides itself does not make it wait.
 * Built through group nodes (see compactGraph) so that time and memory grow
 * linearly; deployments with the same direct dependencies share one Set.
 */
function buildExecutionGraph(input) {
    const closure = serviceClosure(input.serviceDependencies);
    const where = (path) => (input.locate ? `${input.locate(['deployment_dependencies', ...path])}: ` : '');
    const compact = compactGraph({ all: input.all, closure, explicit: input.explicit, where });
    const order = topologicalOrder(compact.succ);
    // A full-graph cycle is an error even when the run selects only part of it; it is named as before, deployment by deployment.
    if (!order)
        throw new dag/* CycleError */.d6((0,dag/* findCycle */.u8)(expandedGraph(compact)) ?? [], 'deployments');
    const dependencies = directDependencies(compact.succ, order, compact.ids, input.selected ?? new Set(compact.ids));
    return { dependencies, levels: (0,dag/* executionLevels */.o4)(dependencies) };
}


/***/ }),

/***/ 1331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ idPattern)
/* harmony export */ });
/**
 * A pattern over deployment ids: `*` matches within one path segment, `**`
 * across segments (`s3/acme-dev/**` is every s3 deployment of acme-dev).
 */
function idPattern(pattern) {
    const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const body = pattern
        .split('**')
        .map((part) => part.split('*').map(escape).join('[^/]*'))
        .join('.*');
    return new RegExp(`^${body}$`);
}


/***/ }),

/***/ 6640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ joinPosix)
/* harmony export */ });
/**
 * Joins relative posix paths and resolves `.` and `..` segments, like
 * `path.posix.normalize(path.posix.join(...))`, without Node: the pure core
 * works on repository-relative paths only. Leading `..` segments are kept.
 */
function joinPosix(...parts) {
    const absolute = parts[0]?.startsWith('/') ?? false;
    const out = [];
    for (const segment of parts.join('/').split('/')) {
        if (segment === '' || segment === '.')
            continue;
        if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..')
            out.pop();
        else if (segment !== '..' || !absolute)
            out.push(segment);
    }
    const joined = out.join('/');
    return absolute ? `/${joined}` : joined || '.';
}


/***/ })

};

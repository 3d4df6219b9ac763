export const id = 382;
export const ids = [382];
export const modules = {

/***/ 5382:
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
var model_names = __webpack_require__(1601);
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
        throw new parse_in_process/* HclSyntaxError */.j(file, undefined, `${(0,model_names/* printablePath */.Vj)(file)}: a binary file (it contains NUL bytes), not ${file.endsWith('.json') ? 'JSON' : 'HCL'} text`);
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
        throw new parse_in_process/* HclSyntaxError */.j(file, line, `${(0,model_names/* printablePath */.Vj)(file)}${line ? `:${line}` : ''}: invalid JSON: ${(0,short_message/* shortMessage */.S)(message)}`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new parse_in_process/* HclSyntaxError */.j(file, 1, `${(0,model_names/* printablePath */.Vj)(file)}:1: the JSON must be an object of attributes and blocks`);
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
        const file = (0,model_names/* printablePath */.Vj)(change.path);
        if (change.status !== 'deleted')
            kept.push(change);
        else if (baseRef === undefined) {
            kept.push(change);
            warnings.push({ file, message: 'the changed file does not exist in the working tree; counted as deleted (give --base-ref to check that it existed)' });
        }
        else if ((await fileAtRef(workingDir, baseRef, change.path)) === undefined) {
            warnings.push({ file, message: `ignored: the changed file exists neither in the working tree nor at ${(0,model_names/* printablePath */.Vj)(baseRef)}` });
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
    // An array, not a Set: a file has a handful of keys and usually one service, and a fleet has thousands of files.
    const services = [];
    for (const key of keys) {
        const service = mapping[key];
        if (service !== undefined && !services.includes(service))
            services.push(service);
    }
    return services.length === 0 ? [GENERAL_SERVICE] : services.sort();
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
    // Nothing to check: the known names (a fleet's thousands of services) need not be gathered.
    if (Object.keys(config.service_dependencies).length === 0)
        return;
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
    const roots = (list) => list.map((r) => (0,model_names/* printablePath */.Vj)(r)).join(', ');
    const parts = layouts.map((layout) => layout.type === 'tfvars'
        ? `*.tfvars / *.tfvars.json files below ${roots(layout.roots)} (tfvars layout, root module ${(0,model_names/* printablePath */.Vj)(layout.root_module)})`
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
                file: (0,model_names/* printablePath */.Vj)(change.path),
                message: `ignored: the changed file is outside the working directory ${(0,model_names/* printablePath */.Vj)(workingDir)} and in no module its deployments call`
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
    const root = rootDir === '' ? '.' : rootDir;
    // The folder is compared first, without slicing: a fleet's files are almost all elsewhere.
    if (slash < 0 ? root !== '.' : slash !== root.length || !file.startsWith(root))
        return false;
    const name = file.slice(slash + 1);
    return /^terraform\.tfvars(\.json)?$/.test(name) || /\.auto\.tfvars(\.json)?$/.test(name);
}
/** Files below a folder named `modules` belong to modules (examples, tests), not deployments. */
function underModules(file) {
    // A folder named `modules` anywhere before the file name (and not the file name itself).
    return file.startsWith('modules/') || file.includes('/modules/');
}

;// CONCATENATED MODULE: ./src/discovery/select-deployments.ts



/**
 * Maps changed files to the deployments they affect, each with the reasons it
 * was selected. Pure: everything it needs was read by the discovery adapter.
 */
function selectDeployments(input) {
    if (input.changes === 'all') {
        return {
            selected: input.deployments.map((d) => withReasons(d, [{ kind: 'all', text: 'all deployments requested' }])),
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
            reasons.push({ kind: 'tfvars-changed', file: deployment.varFile, text: `changed ${(0,model_names/* printablePath */.Vj)(deployment.varFile)}` });
        }
        for (const file of allChanged) {
            // A deployment's own var file is not a change of its root module or stack.
            if (isDocumentation(file) || file.endsWith('.tfvars') || byVarFile.has(file))
                continue;
            if (deployment.layout === 'stacks' && owningDir(file, knownDirs) === deployment.rootDir) {
                reasons.push({ kind: 'stack-changed', file, text: `changed ${(0,model_names/* printablePath */.Vj)(file)}` });
            }
            if (deployment.layout === 'tfvars' && directlyIn(file, deployment.rootDir)) {
                reasons.push({ kind: 'root-module-changed', file, text: `changed ${(0,model_names/* printablePath */.Vj)(file)} in the shared root module` });
            }
        }
        const chain = rootImpact(deployment.rootDir, input.calls, impacted);
        if (chain) {
            const via = chain.length > 1 ? ` (via ${chain.slice(1).map(model_names/* printablePath */.Vj).join(' -> ')})` : '';
            reasons.push({ kind: 'module-changed', moduleChain: chain, text: `module ${(0,model_names/* printablePath */.Vj)(chain[0])} changed${via}` });
        }
        if (reasons.length > 0)
            selected.push(withReasons(deployment, reasons));
    }
    const removed = input.changes
        .filter((c) => c.status === 'deleted' && isVarFile(c.path) && !byVarFile.has(c.path))
        .map((c) => ({ file: c.path, text: `deleted ${(0,model_names/* printablePath */.Vj)(c.path)}: its resources are NOT destroyed (run destroy explicitly)` }))
        .sort((a, b) => a.file.localeCompare(b.file));
    return { selected, removed };
}
/**
 * The deployment with its reasons. Object.assign, not a spread: V8 gives each
 * object made by `{ ...d, reasons }` a hidden class of its own, which for a
 * fleet's thousands of deployments costs megabytes and collection time.
 */
function withReasons(deployment, reasons) {
    return Object.assign({}, deployment, { reasons });
}
function directlyIn(file, dir) {
    if (!isInside(file, dir))
        return false;
    const rest = dir === '.' ? file : file.slice(dir.length + 1);
    return !rest.includes('/');
}

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

// EXTERNAL MODULE: ./src/state/state-key.ts
var state_key = __webpack_require__(7286);
;// CONCATENATED MODULE: ./src/discovery/state-key-renderer.ts

// Stand-ins no valid template holds (control characters are not allowed in a key): rendered once, they show where each part goes.
const MARKS = { service: '\u0001', account: '\u0002', region: '\u0003', project: '\u0004' };
const SLOT = /[\u0001-\u0004]/;
/**
 * renderStateKey for one template and many deployments: the template is read
 * once (by renderStateKey itself, so both agree on every template) and each
 * key is then one join. A template that holds one of the marks is rendered
 * the slow way.
 */
function stateKeyRenderer(template, combinedName) {
    if (SLOT.test(template) || SLOT.test(combinedName))
        return (services, account, region, project) => (0,state_key/* renderStateKey */.FW)(template, { services, account, region, project }, combinedName);
    const marked = (0,state_key/* renderStateKey */.FW)(template, { services: [MARKS.service], account: MARKS.account, region: MARKS.region, project: MARKS.project }, combinedName);
    // Literal text and slots alternate: text, slot, text, ..., text.
    const texts = [];
    const slots = [];
    let start = 0;
    for (let i = 0; i < marked.length; i++) {
        const c = marked.charCodeAt(i);
        if (c < 1 || c > 4)
            continue;
        texts.push(marked.slice(start, i));
        slots.push(['service', 'account', 'region', 'project'][c - 1]);
        start = i + 1;
    }
    texts.push(marked.slice(start));
    // The key is joined from one array, filled in place for each deployment: one flat string, no pieces.
    const pieces = [];
    for (const text of texts)
        pieces.push(text, '');
    pieces.pop();
    return (services, account, region, project) => {
        for (let i = 0; i < slots.length; i++) {
            const slot = slots[i];
            pieces[2 * i + 1] =
                slot === 'service' ? (services.length === 1 ? services[0] : combinedName) : slot === 'account' ? account : slot === 'region' ? region : project;
        }
        return pieces.join('');
    };
}

;// CONCATENATED MODULE: ./src/discovery/tfvars-deployment.ts







/**
 * One deployment of the shared root module from one tfvars file: account and
 * region from its contents, project from its folder, services from its keys.
 */
function tfvarsDeployment(input) {
    return tfvarsDeployments(input)(input.file, input.values, () => input.text);
}
/**
 * tfvarsDeployment for the many files of one layout: the key template is read
 * once and each service name checked once, not once per file.
 */
function tfvarsDeployments(settings) {
    const renderKey = stateKeyRenderer(settings.keyTemplate, settings.combinedName);
    const mapping = settings.serviceMapping;
    const checked = new Set();
    const known = new Map();
    const nameParts = ['', '', ''];
    return (path, values, text, names) => {
        const account = requiredString(values, 'account_name', path, text);
        const region = requiredString(values, 'region', path, text);
        // The folder's name, without splitting the whole path.
        const slash = path.lastIndexOf('/');
        const project = slash < 0 ? '' : path.slice(path.lastIndexOf('/', slash - 1) + 1, slash);
        // Where a name is wrong is worked out only for the message: a fleet has thousands of valid files.
        if ((0,model_names/* nameProblem */.rH)(account))
            (0,model_names/* assertValidName */.QB)('account', account, `${(0,model_names/* printablePath */.Vj)(path)}:${lineOfAttribute(text(path), 'account_name') ?? 1}`);
        if ((0,model_names/* nameProblem */.rH)(region))
            (0,model_names/* assertValidName */.QB)('region', region, `${(0,model_names/* printablePath */.Vj)(path)}:${lineOfAttribute(text(path), 'region') ?? 1}`);
        if ((0,model_names/* nameProblem */.rH)(project))
            (0,model_names/* assertValidName */.QB)('project', project, `${(0,model_names/* printablePath */.Vj)(path)} (the project is the name of the file's folder)`);
        let services;
        if (names === undefined)
            services = detectServices(Object.keys(values), mapping);
        else {
            let shared = known.get(names);
            if (!shared)
                known.set(names, (shared = detectServices(names, mapping)));
            // Each deployment owns its array.
            services = shared.slice();
        }
        for (let i = 0; i < services.length; i++) {
            const service = services[i];
            if (checked.has(service))
                continue;
            (0,model_names/* assertValidName */.QB)('service', service, `${(0,model_names/* printablePath */.Vj)(path)} (service mapping)`);
            checked.add(service);
        }
        const stateKey = renderKey(services, account, region, project);
        // Joined, not a template: one flat string rather than pieces kept and copied later (a fleet keeps ten thousand).
        nameParts[0] = account;
        nameParts[1] = region;
        nameParts[2] = project;
        return {
            id: (0,state_key/* deploymentIdFromKey */.UU)(stateKey),
            name: nameParts.join('/'),
            layout: 'tfvars',
            account,
            region,
            project,
            services,
            stateKey,
            rootDir: settings.rootDir,
            varFile: path,
            source: path
        };
    };
}
function requiredString(values, key, path, text) {
    const value = values[key];
    if (typeof value === 'string' && !value.includes('${'))
        return value;
    const file = (0,model_names/* printablePath */.Vj)(path);
    const line = lineOfAttribute(text(path), key);
    if (value === undefined) {
        throw new DiscoveryError(`${file}:1: ${key} is missing: every deployment's tfvars needs a top-level \`${key} = "..."\``);
    }
    if (typeof value !== 'string' || value.includes('${')) {
        throw new DiscoveryError(`${file}:${line ?? 1}: ${key} must be a literal string, found ${(0,short_message/* shortMessage */.S)(JSON.stringify(value) ?? String(value), 80)}`);
    }
    return value;
}

// EXTERNAL MODULE: ./src/graph/deployment-graph.ts + 5 modules
var deployment_graph = __webpack_require__(6061);
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

;// CONCATENATED MODULE: ./src/discovery/io/read-text.ts

// One buffer for every small file: most tfvars files fit, and reading into it skips readFileSync's stat call.
const BUFFER = Buffer.allocUnsafe(64 * 1024);
/** The whole of the open file `fd` as UTF-8, as readFileSync(path, 'utf8') would read it. */
function readText(fd) {
    let size = 0;
    for (;;) {
        // Positioned reads leave the file offset at 0, where readFileSync(fd) starts for a bigger file.
        const got = (0,external_node_fs_.readSync)(fd, BUFFER, size, BUFFER.length - size, size);
        if (got === 0)
            return BUFFER.toString('utf8', 0, size);
        size += got;
        if (size === BUFFER.length)
            return (0,external_node_fs_.readFileSync)(fd, 'utf8');
    }
}

;// CONCATENATED MODULE: ./src/discovery/io/tfvars-read-format.ts

/** Bump when the literal reader or this format changes: a file of another version is dropped whole. */
const TFVARS_READ_CACHE_VERSION = 'tfvars-read/2';
/** Where the tfvars read cache lives, next to the parse cache: safe to delete at any time. */
const tfvarsReadCacheFile = (workingDir) => (0,external_node_path_.join)(workingDir, '.tf-orchestrator', 'cache', 'tfvars-read.txt');
/**
 * A file changed within this long before the cache was written is read again
 * (git's racy-clean rule): it covers coarse file system clocks (1 s, FAT's 2 s)
 * and a file rewritten in the same clock tick as it was read, whose size and
 * times then stay the same.
 */
const RACY_MARGIN_NS = 3000000000n;
/** size, times, inode and device: a file whose key is unchanged (and is not racy) has unchanged contents. */
const statKey = (s) => `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}:${s.dev}`;
/** An entry is trusted only when the file's last change is safely older than the cache file (see RACY_MARGIN_NS). */
const settled = (s, trustedBefore) => s.mtimeNs < trustedBefore && s.ctimeNs < trustedBefore;
// Fields are separated by tabs, lines by line breaks, names by commas: an entry holding one of them is not stored.
const UNSAFE = /[\t\n\r,]/;
const storableName = (file) => !UNSAFE.test(file);
const storable = (entry) => storableName(entry.file) && !UNSAFE.test(entry.account_name) && !UNSAFE.test(entry.region) && !entry.names.some((n) => UNSAFE.test(n));
const TRAILER = 'end\n';
const tfvars_read_format_TAB = 9;
/**
 * The cache file's text: a version line; how long the discovery that wrote it
 * ran before writing (an entry is no newer than the write minus that) and the
 * number of entries; the distinct lists of names; one `file key account region
 * list` line per entry, in discovery order; a trailer that shows the file is
 * whole. Text lines rather than JSON: a warm discovery finds each entry where
 * the last one ended, without building an object per file.
 */
function encode(lagNs, entries) {
    const numbers = new Map();
    const lines = [];
    for (const e of entries) {
        const names = e.names.join(',');
        let n = numbers.get(names);
        if (n === undefined)
            numbers.set(names, (n = numbers.size));
        lines.push(`${e.file}\t${e.key}\t${e.account_name}\t${e.region}\t${n}\n`);
    }
    return `${TFVARS_READ_CACHE_VERSION}\n${lagNs} ${lines.length}\n${[...numbers.keys()].join('\t')}\n${lines.join('')}${TRAILER}`;
}
/** The entries of a cache file's text, looked up in the order they were written (one comparison each), or through an index built once. */
class StoredEntries {
    text;
    first;
    lists;
    lagNs;
    size;
    next;
    index;
    constructor(text, first, lists, lagNs, 
    /** How many entries the text holds. */
    size) {
        this.text = text;
        this.first = first;
        this.lists = lists;
        this.lagNs = lagNs;
        this.size = size;
        this.next = first;
    }
    /** The entries of `text`, or undefined when it is not a whole cache file of this version. */
    static parse(text) {
        const [version, counts, lists] = text.split('\n', 3);
        const [, lag, size] = /^(\d+) (\d+)$/.exec(counts ?? '') ?? [];
        if (version !== TFVARS_READ_CACHE_VERSION || lag === undefined || size === undefined || lists === undefined || !text.endsWith(`\n${TRAILER}`))
            return undefined;
        const first = version.length + counts.length + lists.length + 3;
        return new StoredEntries(text, first, lists.split('\t').map((l) => l.split(',')), BigInt(lag), Number(size));
    }
    /** Where the line of `file` starts, or -1. The next file is looked for where this line ends. */
    find(file) {
        const text = this.text;
        let at = this.next;
        if (!(text.startsWith(file, at) && text.charCodeAt(at + file.length) === tfvars_read_format_TAB))
            at = this.lookup(file);
        if (at >= 0)
            this.next = text.indexOf('\n', at) + 1;
        return at;
    }
    /** Whether the line at `at`, of a file named with `length` characters, has the stat key `key` (compared in place). */
    hasKey(at, length, key) {
        const start = at + length + 1;
        return this.text.startsWith(key, start) && this.text.charCodeAt(start + key.length) === tfvars_read_format_TAB;
    }
    /** What the line at `at` (of a file named with `length` characters) stores, or undefined when it is malformed. */
    reading(at, length) {
        const text = this.text;
        const account = text.indexOf('\t', at + length + 1) + 1;
        const region = account > 0 ? text.indexOf('\t', account) + 1 : 0;
        const list = region > 0 ? text.indexOf('\t', region) + 1 : 0;
        const end = text.indexOf('\n', at);
        if (list <= 0 || list >= end)
            return undefined;
        let n = 0;
        for (let i = list; i < end; i++) {
            const digit = text.charCodeAt(i) - 48;
            if (digit < 0 || digit > 9)
                return undefined;
            n = n * 10 + digit;
        }
        const names = this.lists[n];
        return names && { account_name: text.slice(account, region - 1), region: text.slice(region, list - 1), names };
    }
    /** The whole entry of the line at `at`, to write it again. */
    entry(at) {
        const line = this.text.slice(at, this.text.indexOf('\n', at)).split('\t');
        const reading = this.reading(at, line[0].length);
        return reading && line[1] !== undefined ? { file: line[0], key: line[1], ...reading } : undefined;
    }
    /** Out of order (files were added or removed): the line of `file` through an index of all lines, or -1. */
    lookup(file) {
        if (!this.index) {
            this.index = new Map();
            const last = this.text.length - TRAILER.length;
            for (let at = this.first; at < last; at = this.text.indexOf('\n', at) + 1)
                this.index.set(this.text.slice(at, this.text.indexOf('\t', at)), at);
        }
        return this.index.get(file) ?? -1;
    }
}

;// CONCATENATED MODULE: ./src/discovery/io/tfvars-read-cache.ts





// One options object for every file: a fleet has thousands.
const STAT = { bigint: true, throwIfNoEntry: false };
/**
 * What each tfvars file became, keyed by path and checked against the file's
 * stat, so a warm discovery stats a fleet's files instead of reading them. A
 * file whose stat differs, or that changed shortly before the cache was
 * written, is read again; only files that made a deployment are stored.
 * Best effort: a cache that cannot be read or written is ignored.
 */
class TfvarsReadCache {
    file;
    stored;
    trustedBefore;
    started = process.hrtime.bigint();
    /** This discovery's entries, in order: what is written back (a stored one by where its line starts). */
    kept = [];
    changed = false;
    /** Files read (not answered by the cache), for tests and benchmarks. */
    reads = 0;
    constructor(file, stored, 
    /** Entries of files changed at or after this time (the cache file's clock) are not trusted. */
    trustedBefore) {
        this.file = file;
        this.stored = stored;
        this.trustedBefore = trustedBefore;
    }
    /** The cache of `workingDir`, or none (every file is read) when `workingDir` is undefined. */
    static open(workingDir) {
        if (workingDir === undefined)
            return new TfvarsReadCache(undefined, undefined, 0n);
        const file = tfvarsReadCacheFile(workingDir);
        let fd;
        try {
            // The write time and the contents from one open file: a cache replaced in between cannot mix them.
            fd = (0,external_node_fs_.openSync)(file, 'r');
            const written = (0,external_node_fs_.fstatSync)(fd, { bigint: true }).mtimeNs;
            const stored = StoredEntries.parse((0,external_node_fs_.readFileSync)(fd, 'utf8'));
            if (stored)
                return new TfvarsReadCache(file, stored, written - stored.lagNs - RACY_MARGIN_NS);
        }
        catch {
            // Missing, unreadable or corrupt: every file is read.
        }
        finally {
            if (fd !== undefined)
                (0,external_node_fs_.closeSync)(fd);
        }
        return new TfvarsReadCache(file, undefined, 0n);
    }
    /** What `path` (of the relative `file`) gave when it was stored, if its stat is unchanged and settled; undefined means: read it. */
    get(file, path) {
        const stored = this.stored;
        const at = stored && storableName(file) ? stored.find(file) : -1;
        if (!stored || at < 0)
            return undefined;
        let now;
        try {
            now = (0,external_node_fs_.statSync)(path, STAT);
        }
        catch {
            return undefined; // reading it reports the problem as reading always has
        }
        if (!now || !stored.hasKey(at, file.length, statKey(now)) || !settled(now, this.trustedBefore))
            return undefined;
        const reading = stored.reading(at, file.length);
        if (reading)
            this.kept.push(at);
        return reading;
    }
    /** Reads `path` as UTF-8 with the stat of what was read (taken first: a later change shows as another stat). */
    read(path) {
        this.reads++;
        const fd = (0,external_node_fs_.openSync)(path, 'r');
        try {
            const stat = (0,external_node_fs_.fstatSync)(fd, { bigint: true });
            return { text: readText(fd), stat };
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    /** Stores what the file `file`, read with `stat`, gave. */
    set(file, stat, reading) {
        const entry = { file, key: statKey(stat), account_name: reading.account_name, region: reading.region, names: reading.names };
        if (this.file === undefined || !storable(entry))
            return;
        this.kept.push(entry);
        this.changed = true;
    }
    /** Writes this discovery's entries when any was read or is gone (atomically: a reader never sees half a file). */
    save() {
        if (this.file === undefined || (!this.changed && this.stored !== undefined && this.kept.length === this.stored.size))
            return;
        try {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(this.file, '..'), { recursive: true });
            const temporary = `${this.file}.${process.pid}.tmp`;
            const entries = this.kept.map((e) => (typeof e === 'number' ? this.stored?.entry(e) : e)).filter((e) => e !== undefined);
            (0,external_node_fs_.writeFileSync)(temporary, encode(process.hrtime.bigint() - this.started, entries));
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
    const where = `${(0,model_names/* printablePath */.Vj)(input.dir)}/`;
    (0,model_names/* assertValidName */.QB)('service', service, `${where} (the service is the folder name)`);
    (0,model_names/* assertValidName */.QB)('region', input.region, `${where} (the region is the parent folder name)`);
    (0,model_names/* assertValidName */.QB)('account', input.account, `${where} (layout account)`);
    (0,model_names/* assertValidName */.QB)('project', input.project, `${where} (layout project)`);
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
                const where = (0,model_names/* printablePath */.Vj)(rel);
                if (source.includes('${')) {
                    warnings.push({ file: where, message: `module source ${(0,model_names/* printablePath */.Vj)(source)} is an expression; changes to the module it names cannot be detected` });
                }
                else if (source.startsWith('./') || source.startsWith('../')) {
                    const callee = resolveModuleDir(dir, source);
                    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(workingDir, callee)))
                        callees.add(callee);
                    else
                        warnings.push({ file: where, message: `module source ${(0,model_names/* printablePath */.Vj)(source)} points to ${(0,model_names/* printablePath */.Vj)(callee)}, which does not exist` });
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
    const start = external_node_path_.posix.normalize(root);
    // Real paths scanned, to stop at a folder seen again through a symlink. Plain
    // folders form a tree and cannot repeat one another, so until a symlinked
    // folder is followed they are only listed (a fleet has thousands), not looked up.
    const plainReal = [];
    const plainRel = [];
    let scanned;
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
                throw new DiscoveryError(`${(0,model_names/* printablePath */.Vj)(rel)}: cannot read the folder (${code ?? error.message})`);
            // A configured root that is missing would otherwise find nothing silently.
            if (rel === start)
                warnings.push({ file: (0,model_names/* printablePath */.Vj)(rel), message: `skipped: the layout root ${code === 'ENOENT' ? 'does not exist' : 'is not a folder'}` });
            return;
        }
        // A plain subfolder's real path is its parent's plus its name; only links need asking.
        const real = knownReal ?? (0,external_node_fs_.realpathSync)(dir);
        if (knownReal === undefined && rel !== start && scanned === undefined)
            scanned = new Map(plainReal.map((r, i) => [r, plainRel[i]]));
        const earlier = scanned?.get(real);
        if (earlier !== undefined) {
            warnings.push({ file: (0,model_names/* printablePath */.Vj)(rel), message: `skipped: it is the folder ${(0,model_names/* printablePath */.Vj)(earlier)} again (through a symlink), already scanned` });
            return;
        }
        if (scanned)
            scanned.set(real, rel);
        else {
            plainReal.push(real);
            plainRel.push(rel);
        }
        if (entries.length > 1)
            entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        // An index loop: this runs for every entry of a fleet, mostly before the JIT has compiled it.
        for (let i = 0; i < entries.length; i++) {
            const entry = entries[i];
            const name = entry.name;
            const path = rel === start ? external_node_path_.posix.join(rel, name) : `${rel}/${name}`;
            const link = entry.isSymbolicLink();
            const kind = link ? linkTarget(under(dir, name)) : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
            if (typeof kind === 'object') {
                warnings.push({ file: (0,model_names/* printablePath */.Vj)(path), message: `skipped: a symlink that cannot be followed (${kind.broken})` });
            }
            else if (kind === 'dir') {
                if (SKIPPED_DIRS.has(name) || name.startsWith('.'))
                    continue;
                const child = under(dir, name);
                // Where the folder's own path is its real path (no symlink above it), the one string serves as both.
                walk(path, child, link ? undefined : real === dir ? child : under(real, name));
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
async function tfvarsLayout(workingDir, layout, config, warnings, cache, reads) {
    const rootDir = external_node_path_.posix.normalize(layout.root_module);
    const lists = [];
    for (const root of layout.roots)
        lists.push(await listFiles(workingDir, root, warnings));
    // One root lists each file once; only overlapping roots list a file twice.
    const files = lists.length === 1 ? lists[0] : [...new Set(lists.flat())];
    const varFiles = files.filter((f) => isVarFile(f) && !isAutoLoaded(f, rootDir) && !underModules(f));
    // One root's list is already sorted (and so is what the filter keeps).
    if (lists.length > 1)
        varFiles.sort();
    const make = tfvarsDeployments({
        rootDir,
        serviceMapping: config.serviceMapping,
        keyTemplate: config.backend_key_template,
        combinedName: config.combined_service_name
    });
    const deploymentOf = (file, text, values) => make(file, values, () => text);
    // join() once: a listed path has dot segments (`../`) only at its start, and join() per file costs a fleet more than it should.
    const prefix = (0,external_node_path_.join)(workingDir, external_node_path_.sep);
    const pathOf = (file) => (file.startsWith('.') ? (0,external_node_path_.join)(workingDir, file) : prefix + file);
    // A file the cache answered is read only if its deployment's error needs its text.
    const textOf = (file) => (0,external_node_fs_.readFileSync)(pathOf(file), UTF8);
    // A plain literal file (the common case) becomes its deployment at once, so
    // neither its text nor its values outlive it. Its error waits: the first
    // file in path order with a problem is the one reported.
    const outcomes = [];
    let failed = false;
    const others = [];
    for (let i = 0; i < varFiles.length; i++) {
        const file = varFiles[i];
        const path = pathOf(file);
        const known = reads.get(file, path);
        if (known) {
            try {
                outcomes.push(make(file, known, textOf, known.names));
            }
            catch (error) {
                outcomes.push(new Failed(error));
                failed = true;
            }
            continue;
        }
        const { text, stat } = reads.read(path);
        // A deployment needs only the top-level names and two strings; a list or object there is
        // built after all, for the error to quote it.
        let values = parseLiteralFile(file, text, true);
        if (values && (values.account_name === SKIMMED || values.region === SKIMMED))
            values = parseLiteralFile(file, text);
        if (values === undefined) {
            outcomes.push(others.push({ file, text }) - 1);
            continue;
        }
        try {
            const deployment = deploymentOf(file, text, values);
            outcomes.push(deployment);
            reads.set(file, stat, { account_name: deployment.account, region: deployment.region, names: Object.keys(values) });
        }
        catch (error) {
            outcomes.push(new Failed(error));
            failed = true;
        }
    }
    // The other parses are asked for at once: files the parser process must read queue there instead of waiting a round trip each.
    const parsed = await Promise.allSettled(others.map((o) => parseOrExplain(o.file, o.text, cache)));
    if (others.length === 0 && !failed)
        return outcomes;
    return outcomes.map((outcome) => {
        if (outcome instanceof Failed)
            throw outcome.error;
        if (typeof outcome !== 'number')
            return outcome;
        const result = parsed[outcome];
        if (result.status === 'rejected')
            throw result.reason;
        const { file, text } = others[outcome];
        return deploymentOf(file, text, result.value);
    });
}
/** A variables file's error, kept until the files before it are known to be good. */
class Failed {
    error;
    constructor(error) {
        this.error = error;
    }
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
    const reads = TfvarsReadCache.open(options.cache === false ? undefined : workingDir);
    if (cache.empty)
        startHclParser();
    const layoutsDetected = config.layouts === undefined;
    const layouts = config.layouts ?? detectLayouts(workingDir);
    const deployments = [];
    const rootDirs = new Set();
    const warnings = [];
    for (const layout of layouts) {
        const found = layout.type === 'tfvars' ? await tfvarsLayout(workingDir, layout, config, warnings, cache, reads) : await stacksLayout(workingDir, layout, config, warnings, cache);
        // Index loops: a fleet has thousands of deployments, and this runs before the JIT has compiled it.
        for (let i = 0; i < found.length; i++) {
            const d = found[i];
            rootDirs.add(d.rootDir);
            deployments.push(d);
        }
    }
    reads.save();
    assertUniqueIds(deployments);
    const scan = await scanModuleCalls(workingDir, [...rootDirs], cache);
    cache.save();
    return { deployments, calls: scan.calls, warnings: unique([...warnings, ...scan.warnings]), layouts, layoutsDetected, parserCalls: cache.misses, fileReads: reads.reads };
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
    for (let i = 0; i < deployments.length; i++) {
        const d = deployments[i];
        const other = seen.get(d.id);
        if (other) {
            throw new DiscoveryError(`${(0,model_names/* printablePath */.Vj)(d.source)} and ${(0,model_names/* printablePath */.Vj)(other.source)} would share the state key ${d.stateKey}; give one of them another project folder, account or region`);
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
    options.onConfig?.(config);
    const discovery = await discover(workingDir, config);
    const warnings = [...discovery.warnings];
    if (discovery.deployments.length === 0) {
        const looked = `looked for ${describeLayouts(discovery.layouts, discovery.layoutsDetected ?? false)}`;
        if (options.requireDeployments)
            throw new DiscoveryError(`no deployments found in ${(0,model_names/* printablePath */.Vj)(workingDir)} (${looked})`);
        warnings.push({ file: (0,model_names/* printablePath */.Vj)(workingDir), message: `no deployments found (${looked})` });
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
        throw new DiscoveryError(`working directory ${(0,model_names/* printablePath */.Vj)(dir)} does not exist`);
    if (!info.isDirectory())
        throw new DiscoveryError(`working directory ${(0,model_names/* printablePath */.Vj)(dir)} is not a directory`);
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
            removed.text = `deleted ${(0,model_names/* printablePath */.Vj)(removed.file)}: state ${old.stateKey} is kept and its resources are NOT destroyed (run destroy explicitly)`;
        }
        catch {
            // The old file was itself invalid; the plain message stands.
        }
    }
}


/***/ }),

/***/ 6061:
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
    const all = input.all;
    const count = all.length;
    const ids = new Array(count);
    const succ = new Array(count);
    // account -> region -> service -> its group node: names looked up as they are, no key string built per deployment.
    // Index loops: this runs once per deployment of a fleet, mostly before the JIT has compiled it, where iterators cost.
    const accounts = new Map();
    const placeOf = new Array(count);
    for (let i = 0; i < count; i++) {
        const d = all[i];
        ids[i] = d.id;
        succ[i] = [];
        let regions = accounts.get(d.account);
        if (!regions)
            accounts.set(d.account, (regions = new Map()));
        let place = regions.get(d.region);
        if (!place)
            regions.set(d.region, (place = new Map()));
        placeOf[i] = place;
        const services = d.services;
        for (let k = 0; k < services.length; k++) {
            const service = services[k];
            const group = place.get(service);
            if (group === undefined)
                place.set(service, succ.push([i]) - 1);
            else
                succ[group].push(i);
        }
    }
    // Deployments of the same services need the same services: worked out once per combination.
    const needsOf = new Map();
    for (let i = 0; i < count; i++) {
        const services = all[i].services;
        const signature = services.length === 1 ? services[0] : services.join('\u0000');
        let needs = needsOf.get(signature);
        if (!needs)
            needsOf.set(signature, (needs = servicesNeeded(services, input.closure)));
        const place = placeOf[i];
        const out = succ[i];
        for (let k = 0; k < needs.length; k++) {
            const group = place.get(needs[k]);
            if (group !== undefined)
                out.push(group);
        }
    }
    for (const [pattern, targets] of Object.entries(input.explicit)) {
        const from = matchIds(ids, pattern, `${input.where([pattern])}deployment_dependencies key ${JSON.stringify(pattern)}`);
        for (const [i, target] of targets.entries()) {
            const to = matchIds(ids, target, `${input.where([pattern, i])}deployment_dependencies.${(0,names/* printablePath */.Vj)(pattern)} entry ${JSON.stringify(target)}`);
            const toSet = new Set(to);
            const hub = from.length * to.length > WIDE_RULE ? succ.push(to) - 1 : undefined;
            for (const a of from) {
                // A deployment never waits for itself: where it is among the targets, its edges are written out.
                if (hub !== undefined && !toSet.has(a))
                    succ[a].push(hub);
                else
                    for (const b of to)
                        if (a !== b)
                            succ[a].push(b);
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
    const count = graph.ids.length;
    const expand = (node, into) => {
        for (const next of graph.succ[node] ?? []) {
            if (next >= count)
                expand(next, into);
            else
                into.add(graph.ids[next]);
        }
    };
    return new Map(graph.ids.map((id, i) => {
        const deps = new Set();
        expand(i, deps);
        return [id, deps];
    }));
}
/** The numbers of the deployments whose id matches `pattern`. */
function matchIds(ids, pattern, where) {
    const regex = (0,id_pattern/* idPattern */.a)(pattern);
    const matched = [];
    for (const [i, id] of ids.entries())
        if (regex.test(id))
            matched.push(i);
    if (matched.length === 0)
        throw new DependencyConfigError(`${where} matches no deployment (ids look like ${ids[0] ?? 's3/account/region/project'})`);
    return matched;
}

;// CONCATENATED MODULE: ./src/graph/reduce-edges.ts
const NOTHING = { closure: new Set(), covered: new Set() };
/**
 * The direct dependencies of each selected deployment among the selected: all
 * it reaches (through unselected deployments and group nodes too), minus what
 * it reaches only through another selected one. Deployments that wait for the
 * same things get the same Set object, so a group of n deployments waiting for
 * m others costs n + m, not n x m. `order` is topologicalOrder(succ); nodes
 * below ids.length are the deployments. Also the execution levels: each
 * level's ids sorted, a deployment one level after its latest dependency.
 */
function directDependencies(succ, order, ids, selected) {
    const count = ids.length;
    const chosen = new Uint8Array(count);
    for (let i = 0; i < count; i++)
        if (!selected || selected.has(ids[i]))
            chosen[i] = 1;
    const reach = new Array(succ.length);
    // Deployments with the same targets share one Reach; a group node's members are its own, so it is not looked up.
    const byTargets = new Map();
    for (let k = 0; k < order.length; k++) {
        const node = order[k];
        const targets = succ[node];
        const only = targets[0];
        if (only === undefined)
            reach[node] = NOTHING;
        else if (targets.length === 1 && !(only < count && chosen[only] === 1))
            reach[node] = reach[only];
        else if (node >= count)
            reach[node] = reachThrough(targets, reach, chosen);
        else {
            const key = targets.join(',');
            let known = byTargets.get(key);
            if (!known)
                byTargets.set(key, (known = reachThrough(targets, reach, chosen)));
            reach[node] = known;
        }
    }
    // One Set (and one level) per distinct Reach, shared by every deployment that has it.
    const direct = new Map();
    const directOf = new Array(count);
    const dependencies = new Map();
    for (let i = 0; i < count; i++) {
        if (chosen[i] !== 1)
            continue;
        const r = reach[i];
        let deps = direct.get(r);
        if (!deps) {
            const nodes = [...r.closure].filter((dep) => !r.covered.has(dep));
            direct.set(r, (deps = { ids: new Set(nodes.map((dep) => ids[dep])), nodes, level: -1 }));
        }
        directOf[i] = deps;
        dependencies.set(ids[i], deps.ids);
    }
    const levelOf = new Int32Array(count);
    const levels = [];
    for (let k = 0; k < order.length; k++) {
        const node = order[k];
        if (node >= count || chosen[node] !== 1)
            continue;
        const deps = directOf[node];
        if (deps.level < 0)
            deps.level = deps.nodes.reduce((level, dep) => Math.max(level, levelOf[dep] + 1), 0);
        levelOf[node] = deps.level;
        (levels[deps.level] ??= []).push(ids[node]);
    }
    for (const level of levels)
        level.sort();
    return { dependencies, levels };
}
function reachThrough(targets, reach, chosen) {
    const closure = new Union();
    const covered = new Union();
    for (let k = 0; k < targets.length; k++) {
        const target = targets[k];
        const r = reach[target];
        closure.add(r.closure);
        if (target < chosen.length && chosen[target] === 1) {
            closure.items.add(target);
            covered.add(r.closure);
        }
        else
            covered.add(r.covered);
    }
    return { closure: closure.items, covered: covered.items };
}
/** A union of sets that adds each set once: members of a group often share one Reach, so one set comes many times in a row. */
class Union {
    items = new Set();
    last;
    seen;
    add(from) {
        if (from.size === 0 || from === this.last)
            return;
        if (this.last !== undefined) {
            this.seen ??= new Set([this.last]);
            if (this.seen.has(from))
                return;
            this.seen.add(from);
        }
        this.last = from;
        for (const x of from)
            this.items.add(x);
    }
}

;// CONCATENATED MODULE: ./src/graph/topological-order.ts
/** The nodes of `succ` with every node after what it waits for, or undefined when there is a cycle. */
function topologicalOrder(succ) {
    // Kahn's algorithm; who waits for each node is kept in one flat array (one slice per node), not in an array per node.
    const count = succ.length;
    const remaining = new Int32Array(count);
    const start = new Int32Array(count + 1);
    for (let i = 0; i < count; i++) {
        const deps = succ[i];
        remaining[i] = deps.length;
        for (let k = 0; k < deps.length; k++) {
            const dep = deps[k];
            start[dep + 1] = start[dep + 1] + 1;
        }
    }
    for (let i = 0; i < count; i++)
        start[i + 1] = start[i + 1] + start[i];
    const filled = start.slice(0, count);
    const dependents = new Int32Array(start[count]);
    for (let i = 0; i < count; i++) {
        const deps = succ[i];
        for (let k = 0; k < deps.length; k++) {
            const dep = deps[k];
            dependents[filled[dep]] = i;
            filled[dep] = filled[dep] + 1;
        }
    }
    const order = new Int32Array(count);
    let placed = 0;
    for (let i = 0; i < count; i++)
        if (remaining[i] === 0)
            order[placed++] = i;
    for (let k = 0; k < placed; k++) {
        const node = order[k];
        for (let j = start[node]; j < start[node + 1]; j++) {
            const dependent = dependents[j];
            const left = remaining[dependent] - 1;
            remaining[dependent] = left;
            if (left === 0)
                order[placed++] = dependent;
        }
    }
    return placed === count ? order : undefined;
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
    return directDependencies(compact.succ, order, compact.ids, input.selected);
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

export const id = 714;
export const ids = [714];
export const modules = {

/***/ 32714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/app/environment.ts



/**
 * Every environment variable the project reads, by name. Only this module reads
 * them (once, in readEnvironment); the rest gets the typed Environment.
 */
const ENV = {
    /** OPA binary for the policy gate (default `opa` on PATH). */
    opa: 'TF_ORCHESTRATOR_OPA',
    /** Set in the HCL parser child process (read by the entry points). */
    parserRole: 'TF_ORCHESTRATOR_HCL_PARSER',
    /** Marks the children of one run so the whole tree can be ended. */
    processToken: 'TF_ORCHESTRATOR_PROCESS_TOKEN',
    pluginCacheDir: 'TF_PLUGIN_CACHE_DIR',
    cliConfigFile: 'TF_CLI_CONFIG_FILE',
    /** Set per deployment by the engine; an inherited one would be shared by all. */
    dataDir: 'TF_DATA_DIR',
    home: 'HOME',
    noColor: 'NO_COLOR',
    ci: 'CI',
    githubActions: 'GITHUB_ACTIONS',
    githubWorkspace: 'GITHUB_WORKSPACE',
    githubBaseRef: 'GITHUB_BASE_REF',
    runnerDebug: 'RUNNER_DEBUG',
    /** The workflow run (audit records, pull request comments, links). */
    githubRepository: 'GITHUB_REPOSITORY',
    githubRunId: 'GITHUB_RUN_ID',
    githubRunAttempt: 'GITHUB_RUN_ATTEMPT',
    githubActor: 'GITHUB_ACTOR',
    githubSha: 'GITHUB_SHA',
    githubRef: 'GITHUB_REF',
    githubEventName: 'GITHUB_EVENT_NAME',
    githubEventPath: 'GITHUB_EVENT_PATH',
    githubServerUrl: 'GITHUB_SERVER_URL',
    githubApiUrl: 'GITHUB_API_URL',
    /** For the S3 state store (read by the AWS SDK from the children's environment). */
    awsRegion: 'AWS_REGION',
    awsDefaultRegion: 'AWS_DEFAULT_REGION',
    awsProfile: 'AWS_PROFILE',
    awsEndpointUrl: 'AWS_ENDPOINT_URL',
    /** A custom STS endpoint (MinIO, LocalStack) for the OIDC exchange of aws-role-arn. */
    awsEndpointUrlSts: 'AWS_ENDPOINT_URL_STS'
};
const nonEmpty = (value) => (value === undefined || value === '' ? undefined : value);
/** Reads the environment once. `isTerminal` is whether our output goes to a terminal. */
function readEnvironment(env = process.env, isTerminal = Boolean(process.stdout.isTTY)) {
    const githubActions = env[ENV.githubActions] === 'true';
    return {
        opaBinary: nonEmpty(env[ENV.opa]) ?? 'opa',
        pluginCacheDir: nonEmpty(env[ENV.pluginCacheDir]),
        home: nonEmpty(env[ENV.home]) ?? (0,external_node_os_.homedir)(),
        // https://no-color.org: any non-empty value.
        noColor: !isTerminal || githubActions || nonEmpty(env[ENV.noColor]) !== undefined,
        ci: nonEmpty(env[ENV.ci]) !== undefined && env[ENV.ci] !== 'false',
        githubActions,
        githubWorkspace: nonEmpty(env[ENV.githubWorkspace]),
        githubBaseRef: nonEmpty(env[ENV.githubBaseRef]),
        runnerDebug: env[ENV.runnerDebug] === '1',
        awsRegion: nonEmpty(env[ENV.awsRegion]) ?? nonEmpty(env[ENV.awsDefaultRegion]),
        awsStsEndpoint: nonEmpty(env[ENV.awsEndpointUrlSts]),
        workflow: Object.fromEntries(Object.values(ENV).filter((n) => n.startsWith('GITHUB_')).map((n) => [n, nonEmpty(env[n])])),
        childEnv: childEnvironment(env)
    };
}
/** Ours, minus a CLI config file setting that points nowhere (it only adds a warning) and any TF_DATA_DIR. */
function childEnvironment(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined)
            out[k] = v;
    const cli = out[ENV.cliConfigFile];
    if (cli && (0,external_node_path_.isAbsolute)(cli) && !(0,external_node_fs_.existsSync)(cli))
        delete out[ENV.cliConfigFile];
    delete out[ENV.dataDir];
    return out;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/discovery/io/git-changes.ts


/** Raised when git cannot say what changed; the message says what to do. */
class GitError extends Error {
    name = 'GitError';
}
// Loaded when git first runs: a run over `--all` needs none of it.
const exec = () => Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 41955));
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
var wasm_location = __webpack_require__(38051);
// EXTERNAL MODULE: ./src/discovery/io/hcl/parse-in-process.ts + 1 modules
var parse_in_process = __webpack_require__(56077);
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
var model_names = __webpack_require__(81601);
// EXTERNAL MODULE: ./src/discovery/short-message.ts
var short_message = __webpack_require__(22866);
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

;// CONCATENATED MODULE: ./src/config/defaults.ts
/** tfvars key -> service, as the users' existing orchestrators map them. */
const DEFAULT_SERVICE_MAPPING = {
    s3_buckets: 's3',
    s3_bucket: 's3',
    kms_keys: 'kms',
    kms_key: 'kms',
    iam_roles: 'iam',
    iam_policies: 'iam',
    iam_users: 'iam',
    lambda_functions: 'lambda',
    lambda_function: 'lambda',
    dynamodb_tables: 'dynamodb',
    dynamodb_table: 'dynamodb',
    rds_instances: 'rds',
    rds_clusters: 'rds',
    ec2_instances: 'ec2',
    vpc_configs: 'vpc',
    security_groups: 'vpc',
    sns_topics: 'sns',
    sqs_queues: 'sqs',
    cloudwatch_alarms: 'cloudwatch',
    api_gateways: 'apigateway'
};
const NETWORK_AND_IDENTITY = ['network', 'identity'];
/**
 * service -> services it needs first. Covers the OCI stack services and the AWS
 * tfvars services; configuration overrides a service's list or adds services.
 */
const DEFAULT_SERVICE_DEPENDENCIES = {
    identity: [],
    kms: [],
    iam: [],
    network: ['identity'],
    dns: ['network'],
    compute: NETWORK_AND_IDENTITY,
    database: NETWORK_AND_IDENTITY,
    oke: NETWORK_AND_IDENTITY,
    loadbalancer: NETWORK_AND_IDENTITY,
    firewall: NETWORK_AND_IDENTITY,
    vpc: [],
    s3: ['kms'],
    lambda: ['iam'],
    dynamodb: ['kms'],
    rds: ['kms', 'vpc'],
    ec2: ['vpc', 'iam'],
    sns: ['kms'],
    sqs: ['kms'],
    cloudwatch: [],
    apigateway: ['lambda']
};
const DEFAULT_BACKEND_KEY_TEMPLATE = '{service}/{account}/{region}/{project}/terraform.tfstate';
const DEFAULT_COMBINED_SERVICE = 'combined';
const DEFAULT_CONFIG_FILE = '.tf-orchestrator.yml';
const DEFAULT_TIMEOUT_MINUTES = 30;
/** The users' cap for cloud API rate limits. */
const WORKER_CAP = 5;
/** Error text that is worth another attempt: lock contention, throttling, flaky networks. */
const DEFAULT_RETRY_PATTERNS = [
    'Error acquiring the state lock',
    'ConditionalCheckFailedException',
    'PreconditionFailed',
    'Throttling',
    'ThrottlingException',
    'Rate exceeded',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'connection reset by peer',
    'i/o timeout',
    'TLS handshake timeout',
    'unexpected EOF'
];

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/graph/shared-sets.ts
/** Groups `graph` by dependency Set identity; a dependency that is not a node throws. */
function sharedSets(graph) {
    const index = new Map();
    const sets = [];
    const containing = new Map();
    for (const [node, deps] of graph) {
        const known = index.get(deps);
        if (known !== undefined) {
            sets[known]?.nodes.push(node);
            continue;
        }
        const i = sets.push({ deps, nodes: [node] }) - 1;
        index.set(deps, i);
        for (const dep of deps) {
            if (!graph.has(dep))
                throw new Error(`graph: ${node} depends on unknown node ${dep}`);
            const list = containing.get(dep);
            if (list)
                list.push(i);
            else
                containing.set(dep, [i]);
        }
    }
    return { sets, containing };
}

;// CONCATENATED MODULE: ./src/graph/dag.ts

/** A dependency cycle; `cycle` is the path, first node repeated at the end. */
class CycleError extends Error {
    cycle;
    name = 'CycleError';
    constructor(cycle, what) {
        super(`dependency cycle between ${what}: ${cycle.join(' -> ')}`);
        this.cycle = cycle;
    }
}
/**
 * Kahn's algorithm: execution levels, where every node's dependencies are in
 * earlier levels. Nodes within a level are sorted. Throws CycleError with the
 * cycle's path instead of silently running the rest last. Nodes sharing one
 * dependency Set are counted down once (see sharedSets).
 */
function executionLevels(graph, what = 'deployments') {
    const { sets, containing } = sharedSets(graph);
    const remaining = sets.map((s) => s.deps.size);
    const levels = [];
    let ready = sets.filter((s) => s.deps.size === 0).flatMap((s) => s.nodes);
    let placed = 0;
    while (ready.length > 0) {
        ready.sort();
        levels.push(ready);
        placed += ready.length;
        const next = [];
        for (const node of ready) {
            for (const i of containing.get(node) ?? []) {
                const left = remaining[i] - 1;
                remaining[i] = left;
                if (left === 0)
                    next.push(...sets[i].nodes);
            }
        }
        ready = next;
    }
    if (placed < graph.size) {
        const cycle = findCycle(graph);
        throw new CycleError(cycle ?? [], what);
    }
    return levels;
}
/** One cycle in the graph as a path (first node repeated at the end), or undefined. */
function findCycle(graph) {
    const state = new Map();
    const stack = [];
    const visit = (node) => {
        state.set(node, 'visiting');
        stack.push(node);
        for (const dep of [...(graph.get(node) ?? [])].sort()) {
            if (state.get(dep) === 'visiting')
                return [...stack.slice(stack.indexOf(dep)), dep];
            if (state.get(dep) === undefined) {
                const found = visit(dep);
                if (found)
                    return found;
            }
        }
        stack.pop();
        state.set(node, 'done');
        return undefined;
    };
    for (const node of [...graph.keys()].sort()) {
        if (state.get(node) === undefined) {
            const found = visit(node);
            if (found)
                return found;
        }
    }
    return undefined;
}
/** Every node reachable from `start` through dependencies (not including start). */
function reachable(graph, start) {
    const seen = new Set();
    const stack = [...(graph.get(start) ?? [])];
    while (stack.length > 0) {
        const node = stack.pop();
        if (seen.has(node))
            continue;
        seen.add(node);
        stack.push(...(graph.get(node) ?? []));
    }
    return seen;
}
/**
 * The reverse graph: node -> nodes that depend on it. Nodes contained in the
 * same dependency sets get one shared Set of dependents, so a graph with shared
 * sets stays linear in size when reversed. Never mutate the sets.
 */
function dependentsOf(graph) {
    const { sets, containing } = sharedSets(graph);
    const shared = new Map();
    const none = new Set();
    const reversed = new Map();
    for (const node of graph.keys()) {
        const within = containing.get(node);
        if (!within) {
            reversed.set(node, none);
            continue;
        }
        const key = within.join(',');
        let dependents = shared.get(key);
        if (!dependents) {
            dependents = new Set(within.flatMap((i) => sets[i].nodes));
            shared.set(key, dependents);
        }
        reversed.set(node, dependents);
    }
    return reversed;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(64377);
;// CONCATENATED MODULE: ./src/state/state-key.ts

const PLACEHOLDER = /\{([a-z_]+)\}/g;
const STATE_KEY_PLACEHOLDERS = ['service', 'account', 'region', 'project'];
/**
 * Renders the backend key template. `{service}` is the single service, or
 * `combinedName` when the deployment manages several. Every part was validated
 * as a name, so the key cannot climb out of its prefix.
 */
function renderStateKey(template, parts, combinedName) {
    const service = parts.services.length === 1 ? parts.services[0] : combinedName;
    const values = { service, account: parts.account, region: parts.region, project: parts.project };
    return template.replace(PLACEHOLDER, (whole, name) => values[name] ?? whole);
}
/** Returns why a backend key template is unusable, or undefined. */
function stateKeyTemplateProblem(template) {
    for (const match of template.matchAll(PLACEHOLDER)) {
        const name = match[1];
        if (!STATE_KEY_PLACEHOLDERS.includes(name)) {
            return `unknown placeholder {${name}} (use ${STATE_KEY_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`;
        }
    }
    if (template.startsWith('/'))
        return 'it must be relative (no leading "/")';
    const segments = template.split('/');
    for (const segment of segments) {
        const literal = segment.replace(PLACEHOLDER, 'x');
        const problem = (0,model_names/* nameProblem */.rH)(literal);
        if (problem)
            return `segment ${JSON.stringify(segment)}: ${problem}`;
    }
    if (!template.includes('{project}') || !template.includes('{account}') || !template.includes('{region}')) {
        return 'it must contain {account}, {region} and {project} so that deployments get distinct keys';
    }
    return undefined;
}
/**
 * The deployment id: the state key without `/terraform.tfstate` (or the
 * `.tfstate` extension), e.g. `s3/acme-dev/us-east-1/payments`.
 */
function deploymentIdFromKey(stateKey) {
    // Two suffix checks, not regular expressions: it runs once per deployment of a fleet.
    const key = stateKey.endsWith('/terraform.tfstate') ? stateKey.slice(0, -'/terraform.tfstate'.length) : stateKey;
    return key.endsWith('.tfstate') ? key.slice(0, -'.tfstate'.length) : key;
}

;// CONCATENATED MODULE: ./src/config/schema.ts




// The one definition of .tf-orchestrator.yml. Keys are snake_case like the
// tfvars files it sits beside; unknown keys are errors so typos surface.
const schema_name = schemas/* string */.YjP()
    .regex(model_names/* NAME_PATTERN */.Vh, 'must be letters, digits, ".", "_" or "-", starting with a letter or digit (max 128)');
const relativePath = schemas/* string */.YjP()
    .min(1)
    .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), 'must be a path inside the working directory');
const tfvarsLayout = schemas/* strictObject */.rej({
    type: schemas/* literal */.euz('tfvars'),
    /** The shared root module every tfvars file is a deployment of. */
    root_module: relativePath.default('.'),
    /** Folders searched for .tfvars files. */
    roots: schemas/* array */.YOg(relativePath).min(1).default(['.'])
});
const stacksLayout = schemas/* strictObject */.rej({
    type: schemas/* literal */.euz('stacks'),
    /** Region folders, or folders containing region folders. */
    roots: schemas/* array */.YOg(relativePath).min(1).default(['.']),
    account: schema_name.default('default'),
    project: schema_name.default('default')
});
const waiver = schemas/* strictObject */.rej({
    rule: schemas/* string */.YjP().min(1),
    /** A deployment id, or a glob over ids (`s3/acme-dev/*`). */
    deployment: schemas/* string */.YjP().min(1).default('*'),
    reason: schemas/* string */.YjP().min(3),
    expires: iso/* date */.p6()
});
const policies = schemas/* strictObject */.rej({
    mode: schemas/* enum */.k5n(['enforce', 'warn', 'off']).default('enforce'),
    /** The shipped library (policies/ of this action). */
    builtin: schemas/* boolean */.zMY().default(true),
    /** The user's own policy folders, evaluated beside the shipped ones. */
    paths: schemas/* array */.YOg(relativePath).default([]),
    timeout_seconds: schemas/* number */.aig().positive().max(600).default(60),
    waivers: schemas/* array */.YOg(waiver).default([])
});
const localState = schemas/* strictObject */.rej({
    type: schemas/* literal */.euz('local'),
    dir: relativePath.default('.tf-orchestrator/state'),
    follow_key_changes: schemas/* boolean */.zMY().optional()
});
/** A duration such as 90s, 5m or 2h. */
const duration = schemas/* string */.YjP().regex(/^[1-9]\d*(s|m|h)$/, 'must be a duration such as 90s, 5m or 2h');
const s3State = schemas/* strictObject */.rej({
    type: schemas/* literal */.euz('s3'),
    bucket: schemas/* string */.YjP().min(3),
    region: schemas/* string */.YjP().min(1),
    key_prefix: schemas/* string */.YjP().default(''),
    endpoint: schemas/* url */.OZ5().optional(),
    use_path_style: schemas/* boolean */.zMY().default(false),
    use_lockfile: schemas/* boolean */.zMY().default(true),
    encrypt: schemas/* boolean */.zMY().default(true),
    /** KMS key for the state and every object the tool writes (UUID, mrk-..., alias/... or key ARN). */
    kms_key_id: schemas/* string */.YjP().regex(/^(arn:aws[-a-z]*:kms:\S+|alias\/\S+|mrk-[0-9a-f]+|[0-9a-f-]{36}|[A-Za-z0-9_-]+)$/, 'must be a KMS key id, alias/..., mrk-... or key ARN').optional(),
    /** Move state automatically when a deployment's computed key changes (else refuse and say how). */
    follow_key_changes: schemas/* boolean */.zMY().optional()
});
const retry = schemas/* strictObject */.rej({
    max_attempts: schemas/* int */.Whr().min(1).max(10).default(3),
    initial_delay_seconds: schemas/* number */.aig().min(0).max(300).default(5),
    patterns: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).default([...DEFAULT_RETRY_PATTERNS])
});
const configSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1).default(1),
    layouts: schemas/* array */.YOg(schemas/* discriminatedUnion */.gMt('type', [tfvarsLayout, stacksLayout])).min(1).optional(),
    binary: schemas/* enum */.k5n(['tofu', 'terraform']).default('tofu'),
    service_mapping: schemas/* record */.g1P(schemas/* string */.YjP().min(1), schema_name).default({}),
    service_dependencies: schemas/* record */.g1P(schema_name, schemas/* array */.YOg(schema_name)).default({}),
    /** Extra edges between deployments: id -> ids it needs first. */
    deployment_dependencies: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP())).default({}),
    backend_key_template: schemas/* string */.YjP()
        .default(DEFAULT_BACKEND_KEY_TEMPLATE)
        .superRefine((template, ctx) => {
        const problem = stateKeyTemplateProblem(template);
        if (problem)
            ctx.addIssue({ code: 'custom', message: problem });
    }),
    combined_service_name: schema_name.default(DEFAULT_COMBINED_SERVICE),
    parallel: schemas/* boolean */.zMY().default(true),
    max_workers: schemas/* int */.Whr().min(1).max(64).optional(),
    timeout_minutes: schemas/* number */.aig().positive().max(24 * 60).default(DEFAULT_TIMEOUT_MINUTES),
    batch_size: schemas/* int */.Whr().min(1).optional(),
    batch_cooldown_seconds: schemas/* number */.aig().min(0).default(0),
    retry: retry.default(retry.parse({})),
    policies: policies.default(policies.parse({})),
    state: schemas/* discriminatedUnion */.gMt('type', [localState, s3State]).default(localState.parse({ type: 'local' })),
    /** Back up the state before every apply: required (no backup, no apply), best-effort, off. */
    backup: schemas/* enum */.k5n(['required', 'best-effort', 'off']).default('required'),
    /** After a failed apply: report what changed, re-apply the base revision, or copy the backup back when nothing would be orphaned. */
    on_failure: schemas/* enum */.k5n(['report', 'reapply-previous', 'restore-state']).default('report'),
    /** How long a run waits for another run's lock on a deployment. */
    lock_timeout: duration.default('5m'),
    /** Metric lines (CloudWatch EMF): into the run's metrics file, also on stdout (emf), or off. */
    metrics: schemas/* enum */.k5n(['file', 'emf', 'off']).default('file'),
    /** Per-account roles (account name -> role ARN) for GitHub OIDC. */
    aws_roles: schemas/* record */.g1P(schema_name, schemas/* string */.YjP().min(1)).default({})
});

;// CONCATENATED MODULE: ./src/config/yaml-locations.ts

/** Start offset of the node at `path`, or of its nearest existing parent. */
function offsetOf(doc, path) {
    for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (node && typeof node === 'object' && node.range)
            return node.range[0];
        if (n === 0)
            return doc.contents?.range?.[0];
    }
    return undefined;
}
/** Start offset of the key `key` of the map at `path`. */
function keyOffset(doc, path, key) {
    const parent = path.length ? doc.getIn(path, true) : doc.contents;
    if (!(0,dist/* isMap */.jh)(parent))
        return undefined;
    for (const pair of parent.items) {
        if ((0,dist/* isScalar */.jn)(pair.key) && pair.key.value === key)
            return pair.key.range?.[0];
    }
    return undefined;
}
/**
 * The 1-based line of every key and list item, by dotted key path
 * (`service_dependencies.compute.1`), so checks that run after parsing
 * (they need the discovered deployments) can still name the line.
 */
function nodeLines(doc, lines) {
    const found = new Map();
    const walk = (node, path) => {
        const at = (prefix, offset) => {
            if (offset !== undefined)
                found.set(prefix, lines.linePos(offset).line);
        };
        if ((0,dist/* isMap */.jh)(node)) {
            for (const pair of node.items) {
                if (!(0,dist/* isScalar */.jn)(pair.key))
                    continue;
                const child = path ? `${path}.${String(pair.key.value)}` : String(pair.key.value);
                at(child, pair.key.range?.[0]);
                walk(pair.value, child);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            node.items.forEach((item, i) => {
                const child = `${path}.${i}`;
                at(child, item?.range?.[0] ?? undefined);
                walk(item, child);
            });
        }
    };
    walk(doc.contents, '');
    return found;
}
/** `file:line` for a key path of a parsed configuration, or what is known of it. */
function locate(file, lines, path) {
    const name = file ?? 'configuration';
    for (let n = path.length; n > 0; n--) {
        const line = lines?.get(path.slice(0, n).join('.'));
        if (line !== undefined)
            return `${name}:${line}`;
    }
    return name;
}

;// CONCATENATED MODULE: ./src/config/parse-config.ts






/** A configuration error; the message names the file, the key path and the line. */
class ConfigError extends Error {
    name = 'ConfigError';
}
/** Parses and validates the text of a .tf-orchestrator.yml (pure). */
function parseConfig(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const syntax = doc.errors[0];
    if (syntax) {
        const line = lineCounter.linePos(syntax.pos[0]).line;
        throw new ConfigError(`${file}${line ? `:${line}` : ''}: invalid YAML: ${syntax.message.split('\n')[0]}`);
    }
    const raw = doc.toJS() ?? {};
    const result = configSchema.safeParse(raw);
    if (!result.success) {
        const messages = result.error.issues.map((issue) => describeIssue(issue, raw, doc, lineCounter, file));
        throw new ConfigError(messages.join('\n'));
    }
    const config = withDefaults(result.data, file, nodeLines(doc, lineCounter));
    assertNoServiceCycle(config);
    return config;
}
/** The configuration used when there is no file. */
function defaultConfig() {
    return withDefaults(configSchema.parse({}), undefined, undefined);
}
function withDefaults(data, file, lines) {
    const serviceDependencies = {};
    for (const [service, needs] of Object.entries(DEFAULT_SERVICE_DEPENDENCIES))
        serviceDependencies[service] = [...needs];
    Object.assign(serviceDependencies, data.service_dependencies);
    return {
        ...data,
        file,
        ...(lines ? { lines } : {}),
        serviceMapping: { ...DEFAULT_SERVICE_MAPPING, ...data.service_mapping },
        serviceDependencies
    };
}
/** A cycle through the merged service_dependencies, named at the file's entry that closes it. */
function assertNoServiceCycle(config) {
    const graph = new Map(Object.entries(config.serviceDependencies).map(([s, needs]) => [s, new Set(needs)]));
    const cycle = findCycle(graph);
    if (!cycle)
        return;
    let path = ['service_dependencies'];
    for (let i = 0; i + 1 < cycle.length; i++) {
        const from = cycle[i];
        const index = config.service_dependencies[from]?.indexOf(cycle[i + 1]) ?? -1;
        if (index >= 0) {
            path = ['service_dependencies', from, index];
            break;
        }
    }
    const message = new CycleError(cycle, 'services in service_dependencies').message;
    throw new ConfigError(`${locate(config.file, config.lines, path)}: ${path.join('.')}: ${message}`);
}
function describeIssue(issue, raw, doc, lines, file) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    let keyPath = path.length ? path.join('.') : '(top level)';
    let offset = offsetOf(doc, path);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
        const key = issue.keys[0];
        keyPath = [...path, key].join('.');
        offset = keyOffset(doc, path, key) ?? offset;
        message = `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    }
    else {
        const value = valueAt(raw, path);
        if (value !== undefined)
            message += ` (got ${preview(value)})`;
    }
    const line = offset === undefined ? undefined : lines.linePos(offset).line;
    return `${file}${line ? `:${line}` : ''}: ${(0,model_names/* printablePath */.Vj)(keyPath)}: ${message}`;
}
function valueAt(raw, path) {
    let node = raw;
    for (const key of path) {
        if (node === null || typeof node !== 'object')
            return undefined;
        node = node[key];
    }
    return node;
}
/** The offending value as JSON (control characters escaped), cut short for big maps. */
function preview(value) {
    const json = (0,model_names/* printablePath */.Vj)(JSON.stringify(value) ?? String(value));
    return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

;// CONCATENATED MODULE: ./src/config/io/load-config.ts





/**
 * Loads the configuration: `explicitPath` when given (it must exist), else
 * `.tf-orchestrator.yml` in the working directory when present, else defaults.
 */
async function loadConfig(workingDir, explicitPath) {
    const path = explicitPath ? ((0,external_node_path_.isAbsolute)(explicitPath) ? explicitPath : (0,external_node_path_.join)(process.cwd(), explicitPath)) : (0,external_node_path_.join)(workingDir, DEFAULT_CONFIG_FILE);
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT' && !explicitPath)
            return defaultConfig();
        throw new ConfigError(`${(0,model_names/* printablePath */.Vj)(path)}: cannot read the configuration file: ${(0,model_names/* printablePath */.Vj)(error.message)}`);
    }
    return parseConfig(text, displayPath(path));
}
function displayPath(path) {
    const rel = (0,external_node_path_.relative)(process.cwd(), path);
    return (0,model_names/* printablePath */.Vj)(rel.startsWith('..') ? path : rel);
}

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

;// CONCATENATED MODULE: ./src/config/check-services.ts





/** Every service name something knows: built-in dependencies, service mappings, discovered deployments. */
function knownServices(config, discovered) {
    const known = new Set([GENERAL_SERVICE, ...discovered, ...Object.values(config.serviceMapping)]);
    for (const [service, needs] of Object.entries(DEFAULT_SERVICE_DEPENDENCIES)) {
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
        problems.push(`${locate(config.file, config.lines, path)}: ${path.join('.')}: unknown service ${JSON.stringify(name)}: no service mapping, built-in service or discovered deployment has it; ${hint}`);
    };
    for (const [service, needs] of Object.entries(config.service_dependencies)) {
        check(service, ['service_dependencies', service]);
        needs.forEach((need, i) => check(need, ['service_dependencies', service, i]));
    }
    if (problems.length > 0)
        throw new ConfigError(problems.join('\n'));
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

;// CONCATENATED MODULE: ./src/model/posix-path.ts
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
    return joinPosix(callerDir, source);
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
        return (services, account, region, project) => renderStateKey(template, { services, account, region, project }, combinedName);
    const marked = renderStateKey(template, { services: [MARKS.service], account: MARKS.account, region: MARKS.region, project: MARKS.project }, combinedName);
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
            id: deploymentIdFromKey(stateKey),
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

;// CONCATENATED MODULE: ./src/model/id-pattern.ts
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
            const to = matchIds(ids, target, `${input.where([pattern, i])}deployment_dependencies.${(0,model_names/* printablePath */.Vj)(pattern)} entry ${JSON.stringify(target)}`);
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
    const regex = idPattern(pattern);
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
    const cycle = findCycle(graph);
    if (cycle)
        throw new CycleError(cycle, 'services in service_dependencies');
    return new Map([...graph.keys()].map((service) => [service, reachable(graph, service)]));
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
        throw new CycleError(findCycle(expandedGraph(compact)) ?? [], 'deployments');
    return directDependencies(compact.succ, order, compact.ids, input.selected);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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
    const stateKey = renderStateKey(input.keyTemplate, { services, account: input.account, region: input.region, project: input.project }, input.combinedName);
    return {
        id: deploymentIdFromKey(stateKey),
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
async function tfvars_layout_tfvarsLayout(workingDir, layout, config, warnings, cache, reads) {
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
        const found = layout.type === 'tfvars' ? await tfvars_layout_tfvarsLayout(workingDir, layout, config, warnings, cache, reads) : await discover_stacksLayout(workingDir, layout, config, warnings, cache);
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
async function discover_stacksLayout(workingDir, layout, config, warnings, cache) {
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
    const config = await loadConfig(workingDir, options.configPath);
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
    const graph = buildExecutionGraph({
        all: discovery.deployments,
        selected: new Set(selection.selected.map((d) => d.id)),
        serviceDependencies: config.serviceDependencies,
        explicit: config.deployment_dependencies,
        locate: (path) => locate(config.file, config.lines, path)
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

;// CONCATENATED MODULE: ./src/schedule/start-throttle.ts
/**
 * Fleet throttle for cloud API rate limits: at most `size` starts within any
 * `windowMs`. Returns how long to wait before the next start may happen.
 */
function throttleDelay(startTimes, now, size, windowMs) {
    if (!size || windowMs <= 0)
        return 0;
    const recent = startTimes.filter((t) => now - t < windowMs).sort((a, b) => a - b);
    if (recent.length < size)
        return 0;
    return recent[recent.length - size] + windowMs - now;
}
/** The default worker count: twice the CPUs (the work waits on cloud APIs), capped at 5 for their rate limits. */
function defaultWorkers(cpus, cap = 5) {
    return Math.max(1, Math.min(2 * cpus, cap));
}

;// CONCATENATED MODULE: ./src/locks/run-lock.ts
/** The folder (key prefix) of every run lock in a store. */
const LOCK_PREFIX = 'locks/';
/** `locks/{deployment id}.json` */
function run_lock_runLockKey(deploymentId) {
    return `${LOCK_PREFIX}${deploymentId}.json`;
}
/** The deployment id of a lock key, or undefined for any other key. */
function deploymentOfLockKey(key) {
    return key.startsWith(LOCK_PREFIX) && key.endsWith('.json') ? key.slice(LOCK_PREFIX.length, -'.json'.length) || undefined : undefined;
}
/** A new lock for `owner`, valid for `ttlMs` from `now`. */
function newRunLock(deployment, owner, now, ttlMs, extra = {}) {
    return { deployment, ...extra, owner, acquiredAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlMs).toISOString() };
}
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
/** A lock object's content, or undefined when it is not a lock (truncated, foreign, missing fields). */
function parseRunLock(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!isRecord(value) || !isRecord(value.owner) || typeof value.deployment !== 'string')
        return undefined;
    const owner = value.owner;
    if (typeof owner.runId !== 'string' || typeof owner.host !== 'string' || !Number.isInteger(owner.pid))
        return undefined;
    if (!isTime(value.acquiredAt) || !isTime(value.expiresAt))
        return undefined;
    return value;
}
/** Why `lock` may be taken over, or undefined while its holder still holds it. */
function staleReason(lock, here) {
    if (here.now.getTime() >= Date.parse(lock.expiresAt))
        return 'expired';
    // A pull request's lock outlives the run that took it; only a run's lock dies with its process.
    if ((lock.kind ?? 'run') === 'run' && lock.owner.host === here.host && !here.alive(lock.owner.pid))
        return 'holder-gone';
    return undefined;
}
/** Whether two locks are the same acquisition (same holder, same time). */
function sameLock(a, b) {
    return (a.deployment === b.deployment &&
        a.acquiredAt === b.acquiredAt &&
        a.owner.runId === b.owner.runId &&
        a.owner.host === b.owner.host &&
        a.owner.pid === b.owner.pid);
}
/** `run R (pid 42 on ci-7, GitHub run 99, acme/infra#12)`: the holder, for messages. */
function describeOwner(owner) {
    const details = [`pid ${owner.pid} on ${owner.host}`];
    if (owner.githubRunId)
        details.push(`GitHub run ${owner.githubRunId}`);
    if (owner.repository || owner.pullRequest !== undefined)
        details.push(`${owner.repository ?? ''}${owner.pullRequest !== undefined ? `#${owner.pullRequest}` : ''}`);
    return `run ${owner.runId} (${details.join(', ')})`;
}
/** The holder and its times, for the failure of a deployment that waited in vain. */
function describeLock(lock) {
    return `${describeOwner(lock.owner)} since ${lock.acquiredAt}, expires ${lock.expiresAt}`;
}
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 };
/** `90s`, `5m`, `2h` (the configuration's duration form, as `lock_timeout` takes it) in milliseconds. */
function durationMs(text) {
    const m = /^(\d+)(s|m|h)$/.exec(text.trim());
    if (!m)
        throw new Error(`${JSON.stringify(text)} is not a duration such as 90s, 5m or 2h`);
    return Number(m[1]) * UNIT_MS[m[2]];
}

;// CONCATENATED MODULE: ./src/app/resolve-run-settings.ts





/** Resolves configuration, the request's options and the environment into the engine's settings (no side effects). */
function runSettings(workingDir, config, command, flags, env) {
    const base = (0,external_node_path_.join)(workingDir, '.tf-orchestrator');
    // Milliseconds included so that run folders sort in start order even within one second.
    const runId = `${new Date().toISOString().replace(/[-:.]/g, '')}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
    const parallel = flags.parallel ?? config.parallel;
    const workers = parallel ? (flags.maxWorkers ?? config.max_workers ?? defaultWorkers((0,external_node_os_.availableParallelism)())) : 1;
    return {
        command,
        lockTimeoutMs: durationMs(config.lock_timeout),
        destroy: flags.destroy,
        workingDir,
        binary: binaryOf(config, flags),
        opaBinary: env.opaBinary,
        workers,
        timeoutMs: (flags.timeoutMinutes ?? config.timeout_minutes) * 60_000,
        graceMs: (flags.graceSeconds ?? 20) * 1000,
        retry: {
            maxAttempts: config.retry.max_attempts,
            initialDelayMs: config.retry.initial_delay_seconds * 1000,
            patterns: config.retry.patterns
        },
        throttle: { size: config.batch_size, windowMs: config.batch_cooldown_seconds * 1000 },
        workDir: (0,external_node_path_.join)(base, 'work'),
        runDir: (0,external_node_path_.join)(base, 'runs', runId),
        runId,
        pluginCacheDir: env.pluginCacheDir ?? (0,external_node_path_.join)(env.home, '.cache', 'tf-orchestrator', 'plugin-cache'),
        historyFile: (0,external_node_path_.join)(base, 'history.json'),
        debug: flags.debug,
        noColor: env.noColor,
        strategy: flags.strategy,
        env: env.childEnv
    };
}
/** The binary a run uses: the request's, else the configuration's (known as soon as the configuration is read). */
const binaryOf = (config, flags) => flags.binary ?? config.binary;
/** The configuration with the request's policy mode (`--policy-mode`, input policy-mode) in place of policies.mode. */
function withPolicyMode(config, mode) {
    return mode === undefined ? config : { ...config, policies: { ...config.policies, mode } };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core_core = __webpack_require__(88532);
;// CONCATENATED MODULE: ./src/app/run-request.ts

// One schema for CLI flags and action inputs: both hand over the raw strings the
// user typed, so a value one accepts the other accepts too.
/** The commands a run request can ask for. */
const COMMANDS = ['list', 'graph', 'plan', 'apply', 'drift', 'discover', 'merge-summaries', 'release-locks'];
/** Whether the command runs deployments (plan, apply, drift) rather than only reading the workspace. */
const runsDeployments = (command) => command === 'plan' || command === 'apply' || command === 'drift';
/**
 * What the engine runs for a command: `drift` is a plan of every selected
 * deployment (with -detailed-exitcode, never applied); the plan's changes are the drift.
 */
const engineCommand = (command) => (command === 'apply' ? 'apply' : 'plan');
const BOOLEANS = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'];
const bool = schemas/* enum */.k5n(BOOLEANS, { error: 'must be true or false' }).transform((v) => v.toLowerCase() === 'true');
const wholeNumber = (min, max) => schemas/* string */.YjP().transform((raw, ctx) => {
    const text = raw.trim();
    if (/^\d+$/.test(text) && Number(text) >= min && Number(text) <= max)
        return Number(text);
    ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
    return core_core/* NEVER */.tm;
});
const positiveNumber = (max) => schemas/* string */.YjP().transform((raw, ctx) => {
    const n = Number(raw.trim());
    if (raw.trim() !== '' && Number.isFinite(n) && n > 0 && n <= max)
        return n;
    ctx.addIssue({ code: 'custom', message: `must be a number above 0 and at most ${max}` });
    return core_core/* NEVER */.tm;
});
/** A binary name (`tofu`, `terraform`) or a path to one (checked when it is run). */
const binary = schemas/* string */.YjP()
    .refine((b) => b === 'tofu' || b === 'terraform' || /[\\/]/.test(b), { message: 'must be tofu or terraform', params: { hint: '(or a path to one of them)' } });
const rawShape = {
    command: schemas/* enum */.k5n(COMMANDS, { error: `must be one of ${COMMANDS.join(', ')}` }).default('plan'),
    workingDir: schemas/* string */.YjP().default('.'),
    config: schemas/* string */.YjP().optional(),
    baseRef: schemas/* string */.YjP().trim().min(1, 'must not be empty').optional(),
    changedFiles: schemas/* string */.YjP().optional(),
    all: bool.default(false),
    json: bool.default(false),
    format: schemas/* enum */.k5n(['text', 'mermaid', 'json'], { error: 'must be text, mermaid or json' }).optional(),
    maxWorkers: wholeNumber(1, 64).optional(),
    parallel: bool.optional(),
    timeoutMinutes: positiveNumber(24 * 60).optional(),
    graceSeconds: positiveNumber(3600).optional(),
    binary: binary.optional(),
    debug: bool.default(false),
    dryRun: bool.default(false),
    destroy: bool.default(false),
    policyMode: schemas/* enum */.k5n(['enforce', 'warn', 'off'], { error: 'must be enforce, warn or off' }).optional(),
    strategy: schemas/* enum */.k5n(['dag', 'levels'], { error: 'must be dag or levels' }).default('dag'),
    // Matrix fan-out: `n/total` (or `n` with shards), or the ids the discover job handed over.
    shard: schemas/* string */.YjP().trim().regex(/^\d+(\s*\/\s*\d+)?$/, 'must be n/total or n').optional(),
    deployments: schemas/* string */.YjP().trim().min(1, 'must not be empty').optional(),
    shards: wholeNumber(1, 256).optional(),
    summariesPath: schemas/* string */.YjP().trim().min(1, 'must not be empty').optional(),
    // Review mode: the pull request a plan run stores its plans for, an apply run applies the stored plans of.
    review: schemas/* string */.YjP().trim().regex(/^[^#@\s/]+\/[^#@\s/]+#\d+@[0-9A-Fa-f]{7,64}$/, 'must be owner/repo#<pull request>@<head sha>').optional(),
    planRetentionDays: wholeNumber(1, 3650).optional(),
    // An earlier run's id: run only what it did not finish (a selection of its own).
    rerunFailed: schemas/* string */.YjP().trim().min(1, 'must not be empty').optional()
};
const requestSchema = schemas/* strictObject */.rej(rawShape).superRefine((r, ctx) => {
    const whole = (path, message) => void ctx.addIssue({ code: 'custom', path: [path], message, params: { whole: true } });
    const conflict = (a, b) => whole(a, `{${a}} cannot be combined with {${b}}`);
    if (r.all && r.baseRef !== undefined)
        conflict('all', 'baseRef');
    if (r.all && r.changedFiles !== undefined)
        conflict('all', 'changedFiles');
    if (r.baseRef !== undefined && r.changedFiles !== undefined)
        conflict('baseRef', 'changedFiles');
    if (r.json && r.format !== undefined && r.format !== 'json')
        whole('json', `{json} cannot be combined with {format} ${r.format}`);
    if (r.command === 'drift' && r.destroy)
        whole('destroy', `drift plans the deployments as they are: {destroy} cannot be used with it`);
    if (r.shard !== undefined && r.deployments !== undefined)
        conflict('shard', 'deployments');
    if (r.command === 'drift' && r.review !== undefined)
        whole('review', `drift plans are never applied: {review} cannot be used with it`);
    // A deployment list is a selection of its own (a matrix job's share).
    if (runsDeployments(r.command) && !r.all && r.baseRef === undefined && r.changedFiles === undefined && r.deployments === undefined && r.rerunFailed === undefined) {
        whole('command', `${r.command}: say what to run: {all}, {baseRef <ref>} or {changedFiles <list>}`);
    }
});
/** A request that does not validate; the message names the flag or input and the value. */
class RunRequestError extends Error {
    name = 'RunRequestError';
}
/** The name the user knows a field by. */
function optionName(field, source) {
    const kebab = field === 'workingDir' && source === 'action' ? 'working-directory' : field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    return source === 'cli' ? `--${kebab}` : `input ${kebab}`;
}
/** Validates raw values into a RunRequest; throws RunRequestError naming every wrong flag or input. */
function parseRunRequest(raw, source) {
    const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
    const result = requestSchema.safeParse(given);
    if (!result.success) {
        const messages = result.error.issues.map((issue) => {
            if (issue.code === 'unrecognized_keys')
                return `unknown field(s) ${issue.keys.join(', ')}`;
            // {field} and {field <arg>} become the user's names; the argument only on the command line.
            const text = issue.message.replace(/\{(\w+)( <\w+>)?\}/g, (_, f, arg) => optionName(f, source) + (source === 'cli' && arg ? arg : ''));
            const params = (issue.code === 'custom' ? issue.params : undefined) ?? {};
            if (params.whole)
                return text;
            const field = String(issue.path[0] ?? '');
            const named = `${optionName(field, source)}: ${text}`;
            const value = given[field];
            return value === undefined ? named : `${named}, got ${JSON.stringify(value)}${params.hint ? ` ${params.hint}` : ''}`;
        });
        throw new RunRequestError(messages.join('\n'));
    }
    const { command, workingDir, config, baseRef, changedFiles, all, json, format, ...run } = result.data;
    return {
        command,
        selection: { workingDir, configPath: config, baseRef, changedFiles, all },
        json,
        format: format ?? (json ? 'json' : 'text'),
        run
    };
}

;// CONCATENATED MODULE: ./src/engine/duration-history.ts


async function loadHistory(file) {
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        return parsed && typeof parsed === 'object' ? parsed : {};
    }
    catch {
        return {};
    }
}
/** Blends each finished deployment's duration into the history (half old, half new) and saves it atomically. */
async function saveHistory(file, history, results) {
    const next = { ...history };
    for (const r of results) {
        if (r.status !== 'succeeded')
            continue;
        const old = next[r.id];
        next[r.id] = old === undefined ? r.durationMs : Math.round((old + r.durationMs) / 2);
    }
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    await (0,promises_.writeFile)(`${file}.tmp`, JSON.stringify(next, null, 2));
    await (0,promises_.rename)(`${file}.tmp`, file);
}

;// CONCATENATED MODULE: ./src/model/run-totals.ts
/** A run's totals. For apply, what was applied (a failed apply: what it really changed); for plan, what would be. */
function totalsOf(results, command) {
    const count = (status) => results.filter((r) => r.status === status).length;
    const totals = {
        deployments: results.length,
        succeeded: count('succeeded'),
        failed: count('failed'),
        blocked: count('blocked'),
        timedOut: count('timed-out'),
        cancelled: count('cancelled'),
        skipped: count('skipped'),
        created: 0,
        changed: 0,
        destroyed: 0,
        replaced: 0
    };
    for (const r of results) {
        if (command === 'apply' && !r.applied && r.applyChanges) {
            addReallyChanged(totals, r);
            continue;
        }
        if (!r.counts || (command === 'apply' && !r.applied))
            continue;
        totals.created += r.counts.create;
        totals.changed += r.counts.update;
        totals.destroyed += r.counts.delete;
        totals.replaced += r.counts.replace;
    }
    return totals;
}
/**
 * A failed apply counts what it really changed (state before and after), not
 * what it planned, plus what undoing it did (reapply-previous).
 */
function addReallyChanged(totals, r) {
    const c = r.applyChanges;
    totals.created += c.added.length;
    totals.changed += c.changed.length;
    totals.destroyed += c.removed.length;
    const undo = r.recovery?.outcome === 'reapplied' ? r.recovery.counts : undefined;
    if (!undo)
        return;
    totals.created += undo.create;
    totals.changed += undo.update;
    totals.destroyed += undo.delete;
    totals.replaced += undo.replace;
}
/** The result of a deployment that never started: a dependency failed (`because`), or the run was cancelled. */
function notStartedResult(d, because, cancelled) {
    return {
        id: d.id,
        name: d.name,
        services: d.services,
        stateKey: d.stateKey,
        reasons: d.reasons,
        status: cancelled && because === undefined ? 'cancelled' : 'skipped',
        phases: {},
        attempts: 0,
        retries: [],
        durationMs: 0,
        skippedBecause: because,
        error: because === undefined ? 'not started: the run was cancelled' : `dependency ${because} did not succeed`
    };
}

;// CONCATENATED MODULE: ./src/schedule/critical-path.ts


/**
 * The longest remaining path from each node to the end of the run, weighting
 * each node by its estimated duration: its own estimate plus the longest path
 * through anything waiting for it. Running the largest first keeps the
 * critical path moving. Linear: the nodes sharing a dependency set are
 * weighed once for each member of that set.
 */
function criticalPathLengths(graph, estimateMs) {
    const { sets, containing } = sharedSets(graph);
    const setOf = new Map();
    sets.forEach((s, i) => s.nodes.forEach((node) => setOf.set(node, i)));
    // Per dependency set: the longest path starting at any node that waits for it.
    const longestAfter = sets.map(() => 0);
    const order = executionLevels(graph).flat().reverse();
    const lengths = new Map();
    for (const id of order) {
        let longest = 0;
        for (const i of containing.get(id) ?? [])
            longest = Math.max(longest, longestAfter[i]);
        const length = estimateMs(id) + longest;
        lengths.set(id, length);
        const own = setOf.get(id);
        longestAfter[own] = Math.max(longestAfter[own], length);
    }
    return lengths;
}
/** max(critical path, total work / workers): no schedule can finish sooner. */
function makespanLowerBound(graph, durationMs, workers) {
    const paths = criticalPathLengths(graph, durationMs);
    let critical = 0;
    for (const length of paths.values())
        critical = Math.max(critical, length);
    const total = [...graph.keys()].reduce((sum, id) => sum + durationMs(id), 0);
    return Math.max(critical, total / workers);
}

;// CONCATENATED MODULE: ./src/schedule/ready-heap.ts
/**
 * A binary heap of ids, best first by `before`. Entries may go stale (started,
 * skipped); the owner drops them when they reach the top.
 */
class ReadyHeap {
    before;
    items = [];
    constructor(before) {
        this.before = before;
    }
    get size() {
        return this.items.length;
    }
    /** Every entry, stale ones included, in no particular order. */
    entries() {
        return this.items;
    }
    push(id) {
        const items = this.items;
        let i = items.push(id) - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!this.before(id, items[parent]))
                break;
            items[i] = items[parent];
            i = parent;
        }
        items[i] = id;
    }
    peek() {
        return this.items[0];
    }
    pop() {
        const items = this.items;
        const top = items[0];
        const last = items.pop();
        if (items.length === 0 || last === undefined)
            return top;
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            if (left >= items.length)
                break;
            const right = left + 1;
            const child = right < items.length && this.before(items[right], items[left]) ? right : left;
            if (!this.before(items[child], last))
                break;
            items[i] = items[child];
            i = child;
        }
        items[i] = last;
        return top;
    }
}

;// CONCATENATED MODULE: ./src/schedule/scheduler.ts


/**
 * The run queue as a pure state machine: a unit is ready as soon as every
 * dependency succeeded (no level barriers); ready units come out longest
 * critical path first; a failure skips its transitive dependents only.
 * Every operation is incremental (a count of unfinished dependencies per
 * dependency set, a heap of ready units), so a run stays linear in its size.
 */
class Scheduler {
    priority;
    state = new Map();
    shared;
    /** Per dependency set: how many of its members have not succeeded yet. */
    remaining;
    heap;
    runningCount = 0;
    open;
    constructor(graph, priority) {
        this.priority = priority;
        this.shared = sharedSets(graph);
        this.remaining = this.shared.sets.map((s) => s.deps.size);
        this.heap = new ReadyHeap((a, b) => this.before(a, b));
        for (const id of graph.keys())
            this.state.set(id, 'waiting');
        this.open = graph.size;
        for (const s of this.shared.sets)
            if (s.deps.size === 0)
                for (const id of s.nodes)
                    this.heap.push(id);
    }
    /** Waiting units whose dependencies all succeeded, highest priority first. */
    ready() {
        return this.heap
            .entries()
            .filter((id) => this.state.get(id) === 'waiting')
            .sort((a, b) => (this.before(a, b) ? -1 : 1));
    }
    /** The ready unit to start next, if any (what ready()[0] would be, without sorting). */
    next() {
        while (this.heap.size > 0 && this.state.get(this.heap.peek()) !== 'waiting')
            this.heap.pop();
        return this.heap.peek();
    }
    start(id) {
        this.expect(id, 'waiting');
        this.state.set(id, 'running');
        this.runningCount++;
    }
    /** Records the outcome; on failure returns the dependents skipped because of it. */
    finish(id, succeeded) {
        this.expect(id, 'running');
        this.state.set(id, succeeded ? 'succeeded' : 'failed');
        this.runningCount--;
        this.open--;
        const { sets, containing } = this.shared;
        if (succeeded) {
            for (const i of containing.get(id) ?? []) {
                const left = this.remaining[i] - 1;
                this.remaining[i] = left;
                if (left === 0)
                    for (const ready of sets[i]?.nodes ?? [])
                        if (this.state.get(ready) === 'waiting')
                            this.heap.push(ready);
            }
            return [];
        }
        const skipped = [];
        const expanded = new Set();
        const stack = [id];
        while (stack.length > 0) {
            for (const i of containing.get(stack.pop()) ?? []) {
                if (expanded.has(i))
                    continue;
                expanded.add(i);
                for (const next of sets[i]?.nodes ?? []) {
                    if (this.state.get(next) !== 'waiting')
                        continue;
                    this.state.set(next, 'skipped');
                    this.open--;
                    skipped.push({ id: next, because: id });
                    stack.push(next);
                }
            }
        }
        return skipped.sort((a, b) => a.id.localeCompare(b.id));
    }
    /** Marks everything not yet started as skipped (cancellation); returns those ids. */
    skipWaiting() {
        const ids = [...this.state].filter(([, s]) => s === 'waiting').map(([id]) => id);
        for (const id of ids)
            this.state.set(id, 'skipped');
        this.open -= ids.length;
        return ids.sort();
    }
    stateOf(id) {
        return this.state.get(id);
    }
    get running() {
        return this.runningCount;
    }
    /** Nothing waiting or running. */
    get finished() {
        return this.open === 0;
    }
    before(a, b) {
        const pa = this.priority.get(a) ?? 0;
        const pb = this.priority.get(b) ?? 0;
        // Ties by id in code-unit order: stable across machines and cheap on every heap comparison (no collation).
        return pa !== pb ? pa > pb : a < b;
    }
    expect(id, s) {
        const actual = this.state.get(id);
        if (actual !== s)
            throw new Error(`scheduler: ${id} is ${actual ?? 'unknown'}, expected ${s}`);
    }
}

;// CONCATENATED MODULE: ./src/schedule/worker-pool.ts


const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Runs a dependency graph on a bounded pool: a unit starts as soon as its
 * dependencies succeeded and a worker is free, longest critical path first.
 */
async function runPool(options) {
    const scheduler = new Scheduler(options.graph, options.priority);
    const freeWorkers = Array.from({ length: Math.max(1, options.workers) }, (_, i) => i + 1);
    const running = new Map();
    const starts = [];
    let maxParallel = 0;
    const levelOf = new Map((options.levels ?? []).flatMap((level, i) => level.map((id) => [id, i])));
    const cancelled = new Promise((resolve) => options.cancel.addEventListener('abort', () => resolve(), { once: true }));
    const skip = (skips) => skips.forEach((s) => options.onSkip(s.id, s.because));
    const currentLevel = () => {
        let level = Infinity;
        for (const [id, l] of levelOf) {
            const s = scheduler.stateOf(id);
            if (s === 'waiting' || s === 'running')
                level = Math.min(level, l);
        }
        return level;
    };
    while (!scheduler.finished) {
        let wakeAfter = 0;
        if (options.cancel.aborted) {
            for (const id of scheduler.skipWaiting())
                options.onSkip(id, undefined);
        }
        else {
            // Level barriers list the ready ones each time (a benchmark of 40); otherwise the heap's best comes next.
            const level = options.levels ? scheduler.ready().filter((id) => levelOf.get(id) === currentLevel()) : undefined;
            for (;;) {
                const id = level ? level.shift() : scheduler.next();
                if (id === undefined || freeWorkers.length === 0)
                    break;
                wakeAfter = throttleDelay(starts, Date.now(), options.throttle?.size, options.throttle?.windowMs ?? 0);
                if (wakeAfter > 0)
                    break;
                const workerId = freeWorkers.shift();
                scheduler.start(id);
                starts.push(Date.now());
                maxParallel = Math.max(maxParallel, scheduler.running);
                running.set(id, options.runUnit(id, workerId).then((ok) => {
                    running.delete(id);
                    freeWorkers.push(workerId);
                    freeWorkers.sort((a, b) => a - b);
                    skip(scheduler.finish(id, ok));
                }));
            }
        }
        if (scheduler.finished)
            break;
        if (running.size === 0 && wakeAfter === 0) {
            throw new Error('scheduler: nothing is running and nothing can start (this is a bug)');
        }
        const waits = [...running.values()];
        if (wakeAfter > 0)
            waits.push(sleep(wakeAfter));
        if (!options.cancel.aborted)
            waits.push(cancelled);
        await Promise.race(waits);
    }
    return { maxParallel };
}

// EXTERNAL MODULE: ./node_modules/async-mutex/index.mjs
var async_mutex = __webpack_require__(8202);
;// CONCATENATED MODULE: ./src/engine/root-providers.ts


const BUILTIN = new Set(['terraform']);
const EXACT = /^\s*=?\s*v?(\d+\.\d+\.\d+[\w.+-]*)\s*$/;
/** The balanced `{...}` body that starts at `open` (the index of `{`). */
function body(text, open) {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        if (text[i] === '{')
            depth++;
        else if (text[i] === '}' && --depth === 0)
            return text.slice(open + 1, i);
    }
    return text.slice(open + 1);
}
/** Provider type -> exact versions (or '?') from one module's .tf text, and the local module paths it calls; undefined: a remote module. */
function scanModule(text, needs, localNames) {
    const src = text.replace(/(^|[^:"])(#|\/\/).*$/gm, '$1').replace(/\/\*[\s\S]*?\*\//g, '');
    const add = (type, version) => {
        if (!BUILTIN.has(type))
            (needs.get(type) ?? needs.set(type, new Set()).get(type))?.add(version);
    };
    for (const m of src.matchAll(/required_providers\s*\{/g)) {
        const block = body(src, (m.index ?? 0) + m[0].length - 1);
        for (const e of block.matchAll(/([\w-]+)\s*=\s*(\{[^}]*\}|"[^"]*")/g)) {
            const [, local = '', value = ''] = e;
            const source = /source\s*=\s*"([^"]+)"/.exec(value)?.[1];
            const version = value.startsWith('"') ? value.slice(1, -1) : (/version\s*=\s*"([^"]+)"/.exec(value)?.[1] ?? '');
            const type = (source ?? local).split('/').pop()?.toLowerCase() ?? local;
            localNames.set(local, type);
            add(type, EXACT.exec(version)?.[1] ?? '?');
        }
    }
    const used = [...src.matchAll(/^\s*(?:resource|data|ephemeral)\s+"([a-z0-9]+)[_"]/gm), ...src.matchAll(/^\s*provider\s+"([\w-]+)"/gm)];
    for (const [, local = ''] of used)
        if (!localNames.has(local))
            add(local, '?');
    const calls = [];
    for (const m of src.matchAll(/^\s*module\s+"[^"]+"\s*\{/gm)) {
        const source = /^\s*source\s*=\s*"([^"]+)"/m.exec(body(src, (m.index ?? 0) + m[0].length - 1))?.[1];
        if (!source || !/^\.\.?\//.test(source))
            return undefined;
        calls.push(source);
    }
    return calls;
}
/** Versions from the root module's dependency lock file: exact, they win over constraints. */
function lockedVersions(lock) {
    const locked = new Map();
    for (const m of lock.matchAll(/provider\s+"([^"]+)"\s*\{/g)) {
        const version = /version\s*=\s*"([^"]+)"/.exec(body(lock, (m.index ?? 0) + m[0].length - 1))?.[1];
        if (version)
            locked.set(m[1]?.split('/').pop() ?? '', version);
    }
    return locked;
}
const root_providers_readText = (file) => (0,promises_.readFile)(file, 'utf8').catch(() => '');
/** The providers the first init of the root module at `rootAbs` may install (see ProviderNeeds). */
async function rootProviders(rootAbs) {
    const needs = new Map();
    const seen = new Set();
    const pending = [(0,external_node_path_.resolve)(rootAbs)];
    for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
        if (seen.has(dir))
            continue;
        seen.add(dir);
        const files = (await (0,promises_.readdir)(dir).catch(() => [])).filter((f) => f.endsWith('.tf')).sort();
        const localNames = new Map();
        // required_providers first: they name the local names that resources use.
        const text = (await Promise.all(files.map((f) => root_providers_readText((0,external_node_path_.join)(dir, f))))).join('\n');
        const calls = scanModule(text, needs, localNames);
        if (calls === undefined)
            return undefined;
        pending.push(...calls.map((c) => (0,external_node_path_.resolve)(dir, c)));
    }
    const locked = lockedVersions(await root_providers_readText((0,external_node_path_.join)(rootAbs, '.terraform.lock.hcl')));
    const out = new Set();
    for (const [type, versions] of needs) {
        const lockedVersion = locked.get(type);
        if (lockedVersion)
            out.add(`${type}@${lockedVersion}`);
        for (const v of versions)
            if (v !== '?' || !lockedVersion)
                out.add(`${type}@${v}`);
    }
    for (const [type, v] of locked)
        if (!BUILTIN.has(type))
            out.add(`${type}@${v}`);
    return out;
}

;// CONCATENATED MODULE: ./src/engine/init-gate.ts


const ALL = 1 << 20;
/**
 * The provider plugin cache is not safe for two inits writing the same
 * provider (OpenTofu documents it as undefined; the known failure is a
 * half-written package that the other init's checksum check rejects), and a
 * root module's .terraform.lock.hcl has one writer. So:
 *  - the first init of each root module writes its lock file; later ones wait
 *    for it, then only read the cache and verify the lock file
 *    (-lockfile=readonly), in parallel;
 *  - a first init holds the lock of every provider type it may install that is
 *    not yet complete in the cache (per `type@version`, see root-providers.ts),
 *    taken in sorted order so two inits never wait on each other; first inits
 *    of root modules with disjoint or already installed providers run together;
 *  - a root module whose providers cannot be known before init (a remote
 *    module) runs its first init alone, as every first init used to;
 *  - a root module with no provider to install (built-in resources only)
 *    writes nothing shared: its inits all run together.
 */
class InitGate {
    needsOf;
    firstInit = new Map();
    providerLocks = new Map();
    /** `type@version` that a successful init put into the cache during this run. */
    installed = new Set();
    // Shared by inits that name their providers, exclusive for the ones that cannot.
    known = new async_mutex/* Semaphore */.jf(ALL);
    constructor(needsOf = rootProviders) {
        this.needsOf = needsOf;
    }
    /** `rootDir`: the root module's absolute path (its files say which providers it installs). */
    async run(rootDir, init, succeeded) {
        const first = this.firstInit.get(rootDir);
        if (first && (await first))
            return init(true);
        let done;
        this.firstInit.set(rootDir, new Promise((resolve) => (done = resolve)));
        try {
            const needs = await this.needsOf(rootDir).catch(() => undefined);
            // Only built-in providers: nothing to install, no lock file to write, so nothing for the others to wait for.
            if (needs?.size === 0)
                done(true);
            const result = await this.writing(needs, () => init(false));
            const ok = succeeded(result);
            if (ok && needs)
                for (const n of needs)
                    if (!n.endsWith('@?'))
                        this.installed.add(n);
            done(ok);
            return result;
        }
        catch (error) {
            done(false);
            throw error;
        }
    }
    /** Runs a first init holding the locks of the providers it may write. */
    async writing(needs, init) {
        if (needs === undefined)
            return this.known.runExclusive(init, ALL);
        const [, releaseKnown] = await this.known.acquire(1);
        const releases = [releaseKnown];
        try {
            // A provider another init is installing right now is held by it; wait, then see whether it is done.
            const types = [...new Set([...needs].map((n) => n.slice(0, n.lastIndexOf('@'))))].sort();
            for (const type of types) {
                if ([...needs].filter((n) => n.startsWith(`${type}@`)).every((n) => this.installed.has(n)))
                    continue;
                const lock = this.providerLocks.get(type) ?? this.providerLocks.set(type, new async_mutex/* Mutex */.eu()).get(type);
                const release = await lock.acquire();
                if ([...needs].filter((n) => n.startsWith(`${type}@`)).every((n) => this.installed.has(n)))
                    release();
                else
                    releases.push(release);
            }
            return await init();
        }
        finally {
            for (const release of releases.reverse())
                release();
        }
    }
}

;// CONCATENATED MODULE: ./src/engine/observers/combine-observers.ts
/**
 * Several observers as one: each event goes to every observer in order. An
 * observer that throws is reported through `onError` and the others (and the
 * run) go on: a broken output never loses a run's result.
 */
function combineObservers(observers, onError) {
    // Synchronous observers (progress lines) cost no promise: only an observer that returns one is waited for, then the rest follow.
    const each = (method, args, from = 0) => {
        for (let i = from; i < observers.length; i++) {
            const o = observers[i];
            const fn = o[method];
            if (!fn)
                continue;
            let returned;
            try {
                returned = fn.apply(o, args);
            }
            catch (error) {
                onError(o.name, error);
                continue;
            }
            if (typeof returned?.then === 'function') {
                return Promise.resolve(returned).then(() => each(method, args, i + 1), (error) => {
                    onError(o.name, error);
                    return each(method, args, i + 1);
                });
            }
        }
    };
    return {
        name: observers.map((o) => o.name).join('+'),
        runStarted: (run) => each('runStarted', [run]),
        deploymentStarted: (d, workerId) => each('deploymentStarted', [d, workerId]),
        phaseFinished: (phase, result) => each('phaseFinished', [phase, result]),
        // Streamed lines stay synchronous: they arrive while a command runs.
        outputLine: (id, line) => {
            for (const o of observers) {
                try {
                    o.outputLine?.(id, line);
                }
                catch (error) {
                    onError(o.name, error);
                }
            }
        },
        deploymentFinished: (result) => each('deploymentFinished', [result]),
        runFinished: (summary) => each('runFinished', [summary])
    };
}

;// CONCATENATED MODULE: ./src/terraform/io/terraform-cli.ts
const common = (call) => ['-input=false', ...(call.noColor ? ['-no-color'] : [])];
/** `init` with the backend settings (`key=value`) of this deployment's state. */
function init(call, backendConfig, lockfileReadonly) {
    const args = ['init', ...common(call), '-reconfigure', ...backendConfig.map((kv) => `-backend-config=${kv}`)];
    if (lockfileReadonly)
        args.push('-lockfile=readonly');
    return call.exec(call.binary, args, call.options);
}
/** `plan -out -detailed-exitcode`: exit 0 no changes, 2 changes, 1 error. */
function plan(call, p) {
    const args = ['plan', ...common(call), '-detailed-exitcode', `-out=${p.out}`, `-lock-timeout=${p.lockTimeout ?? '60s'}`];
    if (p.varFile)
        args.push(`-var-file=${p.varFile}`);
    if (p.destroy)
        args.push('-destroy');
    // Exit 2 (changes) is a success: no process-tree sweep after it.
    return call.exec(call.binary, args, { ...call.options, successCodes: [0, 2] });
}
/** The saved plan as JSON (`show -json`); `background` when nothing waits for it (see CommandOptions). */
async function showPlanJson(call, planFile, background = false) {
    const options = { ...call.options, onLine: undefined, stdoutIsData: true, ...(background ? { background } : {}) };
    const result = await call.exec(call.binary, ['show', '-json', ...(call.noColor ? ['-no-color'] : []), planFile], options);
    if (result.exitCode !== 0)
        return { result };
    return { result, json: JSON.parse(result.stdout) };
}
/** Applies exactly the saved plan. */
function applyPlan(call, planFile, lockTimeout = '60s') {
    return call.exec(call.binary, ['apply', ...common(call), `-lock-timeout=${lockTimeout}`, planFile], call.options);
}
/** The most useful line of a failed command: its first `Error:` line, else its last line. */
function errorLine(output) {
    const lines = output.split('\n').map((l) => l.replace(/^[│╷╵\s]+/, '').trim()).filter(Boolean);
    return lines.find((l) => l.startsWith('Error:')) ?? lines[lines.length - 1] ?? 'no output';
}

;// CONCATENATED MODULE: ./src/engine/step.ts
/** A step failed: the message becomes the deployment's error. */
class StepFailure extends Error {
    name = 'StepFailure';
}

;// CONCATENATED MODULE: ./src/recovery/recovery-record.ts
/** OpenTofu's words when the backend write at the end of an apply failed. */
function failedToSaveState(output) {
    return /Failed to save state|Failed to persist state to backend/.test(output);
}
/** A word as one shell argument (single-quoted when it needs quoting). */
function shellWord(word) {
    return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
/** `cd DIR && TF_DATA_DIR=... BINARY args...`: a command as the orchestrator runs it, for people to paste. */
function commandIn(dir, dataDir, binary, args) {
    return `cd ${shellWord(dir)} && TF_DATA_DIR=${shellWord(dataDir)} ${[binary, ...args].map(shellWord).join(' ')}`;
}

;// CONCATENATED MODULE: ./src/recovery/state-snapshot.ts
const indexOf = (key) => (key === undefined ? '' : `[${JSON.stringify(key)}]`);
/** Resources of a raw state file (`state pull`, errored.tfstate, a backup): format version 4. */
function rawResources(resources) {
    const found = {};
    for (const r of resources) {
        // Data sources manage nothing: they can be neither orphaned nor created.
        if ((r.mode ?? 'managed') !== 'managed')
            continue;
        const base = `${r.module ? `${r.module}.` : ''}${r.type ?? '?'}.${r.name ?? '?'}`;
        for (const i of r.instances ?? [])
            found[`${base}${indexOf(i.index_key)}`] = JSON.stringify(i.attributes ?? null);
    }
    return found;
}
/** Resources of `show -json` output (values.root_module and its child modules). */
function shownResources(module, into = {}) {
    for (const r of module?.resources ?? [])
        if (r.address && (r.mode ?? 'managed') === 'managed')
            into[r.address] = JSON.stringify(r.values ?? null);
    for (const child of module?.child_modules ?? [])
        shownResources(child, into);
    return into;
}
/**
 * Reads a state: the raw file (`state pull`, errored.tfstate, a backup) or
 * `show -json` of a state. Empty text is no state at all (nothing recorded yet).
 * Throws, naming `what`, when the text is neither.
 */
function snapshotOf(text, what) {
    if (text.trim() === '')
        return { resources: {} };
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${what} is not a state: ${error.message}`);
    }
    if (typeof json !== 'object' || json === null)
        throw new Error(`${what} is not a state`);
    const resources = Array.isArray(json.resources) ? rawResources(json.resources) : shownResources(json.values?.root_module);
    return {
        ...(typeof json.serial === 'number' ? { serial: json.serial } : {}),
        ...(typeof json.lineage === 'string' ? { lineage: json.lineage } : {}),
        resources
    };
}
/** The addresses of a snapshot, sorted. */
function addressesOf(snapshot) {
    return Object.keys(snapshot?.resources ?? {}).sort();
}

;// CONCATENATED MODULE: ./src/recovery/state-changes.ts

/** Compares the state before an apply with the state after it (`before` undefined: there was none). */
function stateChanges(before, after, afterFrom = 'store') {
    const was = before?.resources ?? {};
    const now = after.resources;
    return {
        ...(before?.serial !== undefined ? { serialBefore: before.serial } : {}),
        ...(after.serial !== undefined ? { serialAfter: after.serial } : {}),
        added: addressesOf(after).filter((a) => !(a in was)),
        removed: addressesOf(before).filter((a) => !(a in now)),
        changed: addressesOf(after).filter((a) => a in was && was[a] !== now[a]),
        afterFrom
    };
}
/** Whether the apply changed anything recorded (a new serial alone, for example outputs, counts too). */
function changedAnything(c) {
    return c.added.length + c.removed.length + c.changed.length > 0 || c.serialBefore !== c.serialAfter;
}
/**
 * The orphan check: resources the current state records that `replacement`
 * does not. Writing `replacement` over the current state would make OpenTofu
 * forget them while they still exist.
 */
function orphansOf(current, replacement) {
    return addressesOf(current).filter((a) => !(a in replacement.resources));
}
/** One line for people: `serial 4 -> 5, +2 ~0 -0 (created: a, b)`. */
function describeChanges(c) {
    const parts = [`serial ${c.serialBefore ?? '(none)'} -> ${c.serialAfter ?? '(none)'}`, `+${c.added.length} ~${c.changed.length} -${c.removed.length}`];
    if (c.added.length > 0)
        parts.push(`created: ${c.added.join(', ')}`);
    if (c.changed.length > 0)
        parts.push(`updated: ${c.changed.join(', ')}`);
    if (c.removed.length > 0)
        parts.push(`destroyed: ${c.removed.join(', ')}`);
    return parts.join('; ');
}

;// CONCATENATED MODULE: ./src/recovery/io/state-commands.ts

/** The deployment's current state through its backend (`state pull`): undefined with the reason when it cannot be read. */
async function pullState(call) {
    const r = await call.exec(call.binary, ['state', 'pull'], { ...call.options, onLine: undefined, stdoutIsData: true });
    if (r.exitCode !== 0)
        return { error: `state pull failed (exit ${r.exitCode}): ${r.stderr.trim().split('\n').pop() ?? ''}` };
    try {
        return { snapshot: snapshotOf(r.stdout, 'the current state'), text: r.stdout };
    }
    catch (error) {
        return { error: error.message };
    }
}
/** `state push` of a state file (takes the state lock); `-force` only for a deliberate copy-back. */
function pushState(call, file, force = false) {
    return call.exec(call.binary, ['state', 'push', ...(force ? ['-force'] : []), '-lock-timeout=60s', file], call.options);
}
/** The same call, run in another directory. */
function callIn(call, cwd, env = {}) {
    return { ...call, options: { ...call.options, cwd, env: { ...call.options.env, ...env } } };
}

;// CONCATENATED MODULE: ./src/recovery/io/errored-state.ts







/** The file OpenTofu writes, in the directory it runs in, when it cannot save the state. */
const ERRORED_STATE = 'errored.tfstate';
/**
 * Moves the errored state OpenTofu left in `cwd` (the deployment's own
 * working directory) to `dataDir`, the one place the next run looks for it.
 * Returns its path there, or undefined when there is none.
 */
async function collectErroredState(cwd, dataDir) {
    const target = erroredStateFile(dataDir);
    const found = (0,external_node_path_.join)(cwd, ERRORED_STATE);
    if (!(await (0,promises_.stat)(found).catch(() => undefined)))
        return (await (0,promises_.stat)(target).catch(() => undefined)) ? target : undefined;
    // Never over an older one that is still waiting to be pushed.
    if (await (0,promises_.stat)(target).catch(() => undefined))
        return found;
    await (0,promises_.rename)(found, target);
    return target;
}
/** Where a deployment's unpushed errored state waits for the next run. */
function erroredStateFile(dataDir) {
    return (0,external_node_path_.join)(dataDir, ERRORED_STATE);
}
/** The exact command that pushes `file` (in the call's directory, with its data dir). */
function erroredPushCommand(call, file) {
    return commandIn(call.options.cwd, call.options.env.TF_DATA_DIR ?? '.terraform', call.binary, ['state', 'push', file]);
}
/** Why pushing `errored` over the store's current state is not safe, or undefined when it is. */
function pushProblem(current, errored) {
    if (current?.lineage !== undefined && errored.lineage !== undefined && current.lineage !== errored.lineage) {
        return `its lineage ${errored.lineage} is not the store's ${current.lineage}`;
    }
    const orphans = orphansOf(current, errored);
    if (orphans.length > 0)
        return `the store's state records resources it lacks, which a push would orphan: ${orphans.join(', ')}`;
    return undefined;
}
/**
 * Pushes an errored state file back to the store when that is safe: the
 * store can be read again and its state records nothing the errored state
 * lacks (orphan check); `state push` takes the state lock. A pushed file is
 * kept in `dataDir` under a timestamped name; otherwise it stays where it is
 * and the record names it with the exact command that pushes it (run in the
 * call's directory, the root module).
 */
async function settleErroredState(call, file, dataDir, now = new Date()) {
    const command = erroredPushCommand(call, file);
    const kept = (reason) => ({ file, pushed: false, reason, command });
    let errored;
    try {
        errored = snapshotOf(await (0,promises_.readFile)(file, 'utf8'), file);
    }
    catch (error) {
        return kept(`it cannot be read: ${error.message}`);
    }
    const current = await pullState(call);
    if (current.error !== undefined)
        return kept(`the store cannot be read: ${current.error}`);
    const problem = pushProblem(current.snapshot, errored);
    if (problem)
        return kept(problem);
    const pushed = await pushState(call, file);
    if (pushed.exitCode !== 0)
        return kept(`state push failed (exit ${pushed.exitCode}): ${errorLine(pushed.output)}`);
    const copy = (0,external_node_path_.join)(dataDir, `errored.${now.toISOString().replace(/[-:.]/g, '')}.pushed.tfstate`);
    await (0,promises_.rename)(file, copy);
    return { file: copy, pushed: true, command };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/recovery/io/revision-worktree.ts



const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** git in `dir` (argument array, no shell); stdout trimmed. Throws with git's message. */
async function revision_worktree_git(dir, args) {
    try {
        return (await run('git', args, { cwd: dir, encoding: 'utf8' })).stdout.trim();
    }
    catch (error) {
        const stderr = error.stderr?.trim();
        throw new Error(`git ${args.join(' ')}: ${stderr || error.message}`);
    }
}
/** The top folder of the repository holding `dir` (real path). */
async function gitTopLevel(dir) {
    return (0,promises_.realpath)(await revision_worktree_git(dir, ['rev-parse', '--show-toplevel']));
}
/**
 * Checks out `ref` into `path` as a detached worktree of the repository at
 * `top` (any old one there is removed first). Worktrees of one repository are
 * added one at a time by git's own lock; a busy lock is tried again.
 */
async function addWorktree(top, ref, path) {
    await removeWorktree(top, path);
    const commit = await revision_worktree_git(top, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`]);
    for (let attempt = 1;; attempt++) {
        try {
            await revision_worktree_git(top, ['worktree', 'add', '--detach', path, commit]);
            return;
        }
        catch (error) {
            if (attempt >= 5 || !/lock/i.test(error.message))
                throw error;
            await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
        }
    }
}
/** Removes a worktree and its folder; never throws. */
async function removeWorktree(top, path) {
    await revision_worktree_git(top, ['worktree', 'remove', '--force', path]).catch(() => undefined);
    await (0,promises_.rm)(path, { recursive: true, force: true });
    await revision_worktree_git(top, ['worktree', 'prune']).catch(() => undefined);
}

;// CONCATENATED MODULE: ./src/terraform/plan-summary.ts
/** Counts creates, updates, deletes and replacements in plan JSON (pure). */
function summarizePlan(plan) {
    const json = (plan ?? {});
    const counts = { create: 0, update: 0, delete: 0, replace: 0 };
    for (const rc of json.resource_changes ?? []) {
        const actions = rc.change?.actions ?? [];
        if (actions.includes('create') && actions.includes('delete'))
            counts.replace++;
        else if (actions.includes('create'))
            counts.create++;
        else if (actions.includes('update'))
            counts.update++;
        else if (actions.includes('delete'))
            counts.delete++;
    }
    const outputsChange = Object.values(json.output_changes ?? {}).some((o) => (o.actions ?? []).some((a) => a !== 'no-op'));
    const hasChanges = counts.create + counts.update + counts.delete + counts.replace > 0 || outputsChange;
    return { ...counts, hasChanges };
}
/** `+2 ~0 -0` (and `±1` when something is replaced). */
function formatCounts(c) {
    return `+${c.create} ~${c.update} -${c.delete}${c.replace ? ` ±${c.replace}` : ''}`;
}

;// CONCATENATED MODULE: ./src/engine/steps/failure-reapply.ts








const exists = async (path) => (await (0,promises_.stat)(path).catch(() => undefined)) !== undefined;
/** Where the base revision is checked out and initialized for this deployment. */
function previousPaths(ctx) {
    const dataDir = (0,external_node_path_.resolve)(ctx.paths.dataDir);
    return { worktree: (0,external_node_path_.join)(dataDir, 'previous-revision'), dataDir: (0,external_node_path_.join)(dataDir, 'previous'), planFile: (0,external_node_path_.join)(dataDir, 'previous.tfplan') };
}
/** The root module and var file as paths inside the repository. */
async function repositoryPaths(ctx, top) {
    const { settings, deployment: d } = ctx;
    const root = (0,external_node_path_.relative)(top, await (0,promises_.realpath)(ctx.call.options.cwd));
    return d.varFile ? { root, varFile: (0,external_node_path_.relative)(top, await (0,promises_.realpath)((0,external_node_path_.join)(settings.workingDir, d.varFile))) } : { root };
}
/** The commands that re-apply the base revision by hand (report mode); none outside a git repository. */
async function reapplyCommands(ctx) {
    const top = await gitTopLevel(ctx.settings.workingDir).catch(() => undefined);
    if (!top)
        return [];
    const p = previousPaths(ctx);
    const repo = await repositoryPaths(ctx, top);
    const root = (0,external_node_path_.join)(p.worktree, repo.root);
    const backend = ctx.store.backendConfig(ctx.deployment.stateKey).map((kv) => `-backend-config=${kv}`);
    return [
        `git -C ${shellWord(top)} worktree add --detach ${shellWord(p.worktree)} ${shellWord(ctx.settings.previousRef ?? '<base-ref>')}`,
        commandIn(root, p.dataDir, ctx.call.binary, ['init', '-reconfigure', ...backend]),
        commandIn(root, p.dataDir, ctx.call.binary, ['apply', ...(repo.varFile ? [`-var-file=${(0,external_node_path_.join)(p.worktree, repo.varFile)}`] : [])]),
        `git -C ${shellWord(top)} worktree remove --force ${shellWord(p.worktree)}`
    ];
}
/** The base revision's root module (own data dir), or the current one with -destroy when the deployment is new. */
async function targetAt(ctx, call, top, worktree) {
    const p = previousPaths(ctx);
    const repo = await repositoryPaths(ctx, top);
    const root = (0,external_node_path_.join)(worktree, repo.root);
    const varFile = repo.varFile && (0,external_node_path_.join)(worktree, repo.varFile);
    if (!(await exists(root)) || (varFile && !(await exists(varFile)))) {
        const current = ctx.deployment.varFile && (0,external_node_path_.join)(ctx.settings.workingDir, ctx.deployment.varFile);
        return { call, destroy: true, ...(current ? { varFile: current } : {}) };
    }
    await (0,promises_.rm)(p.dataDir, { recursive: true, force: true });
    return { call: callIn(ctx.call, root, { TF_DATA_DIR: p.dataDir }), destroy: false, ...(varFile ? { varFile } : {}) };
}
/** init (base revision only), plan against the current state, the policy gate, apply. */
async function planAndApply(ctx, t, ref) {
    const { planFile } = previousPaths(ctx);
    const ok = (r) => r.exitCode === 0;
    if (!t.destroy)
        await ctx.command('recover', { run: () => init(t.call, ctx.store.backendConfig(ctx.deployment.stateKey), false), ok });
    const planned = await ctx.command('recover', {
        run: () => plan(t.call, { out: planFile, varFile: t.varFile, destroy: t.destroy }),
        ok: (r) => r.exitCode === 0 || r.exitCode === 2
    });
    const what = t.destroy ? `destroying what the deployment has (it does not exist at ${ref})` : `re-applying ${ref}`;
    if (planned.exitCode === 0)
        return { ref, outcome: 'reapplied', message: `${what}: the plan has no changes`, counts: { create: 0, update: 0, delete: 0, replace: 0 } };
    const shown = await showPlanJson(t.call, planFile);
    if (shown.json === undefined)
        throw new Error(`show -json of the re-apply plan failed (exit ${shown.result.exitCode})`);
    const { hasChanges: _changes, ...counts } = summarizePlan(shown.json);
    const verdict = ctx.policyGate && (await ctx.policyGate(ctx.deployment, shown.json));
    if (verdict && !verdict.allowed)
        return { ref, outcome: 'blocked', message: `policy blocked ${what}: ${verdict.summary}`, counts };
    await ctx.command('recover', { run: () => applyPlan(t.call, planFile), ok, retryWhen: ['Error acquiring the state lock'] });
    return { ref, outcome: 'reapplied', message: `${what}: +${counts.create} ~${counts.update} -${counts.delete} (${counts.replace} replaced)`, counts };
}
/**
 * reapply-previous: checks out the base revision (`git worktree`), plans it
 * against the current state and applies it through the same policy gate,
 * which really undoes the partial change (nothing is orphaned).
 */
async function reapplyPrevious(ctx, call) {
    const mode = 'reapply-previous';
    const ref = ctx.settings.previousRef;
    if (!ref)
        return { mode, outcome: 'refused', message: 'no base revision to re-apply: give --previous-ref or --base-ref' };
    const { worktree } = previousPaths(ctx);
    let top;
    let target;
    try {
        top = await gitTopLevel(ctx.settings.workingDir);
        await addWorktree(top, ref, worktree);
        target = await targetAt(ctx, call, top, worktree);
        return { mode, ...(await planAndApply(ctx, target, ref)) };
    }
    catch (error) {
        return { mode, ref, outcome: 'failed', message: `re-applying ${ref} failed: ${error.message}`, commands: await reapplyCommands(ctx).catch(() => []) };
    }
    finally {
        // State the re-apply could not save outlives the worktree: the next run pushes it.
        if (target)
            await collectErroredState(target.call.options.cwd, ctx.paths.dataDir).catch(() => undefined);
        if (top)
            await removeWorktree(top, worktree);
    }
}

;// CONCATENATED MODULE: ./src/engine/steps/failure-restore.ts






/** Reads the backup of this apply and runs the orphan check against the state after the failed apply. */
async function restoreCheck(ctx, after) {
    const backup = ctx.result.backup;
    if (backup?.status === 'no-previous-state') {
        return { orphans: addressesOf(after), refused: 'there was no state before the apply: there is nothing to copy back' };
    }
    const key = backup?.status === 'backed-up' ? backup.key : undefined;
    const objects = ctx.store.objects;
    if (!key || !objects)
        return { orphans: [], refused: `no backup of the state before the apply (${backup?.error ?? backup?.status ?? 'none taken'})` };
    const bytes = await objects.get(key);
    if (!bytes)
        return { key, orphans: [], refused: `the backup ${key} is not in ${objects.location}` };
    const text = new TextDecoder().decode(bytes);
    const orphans = orphansOf(after, snapshotOf(text, key));
    if (orphans.length > 0)
        return { key, text, orphans };
    const dataDir = (0,external_node_path_.resolve)(ctx.paths.dataDir);
    const file = (0,external_node_path_.join)(dataDir, 'restore.tfstate');
    const push = commandIn(ctx.call.options.cwd, dataDir, ctx.call.binary, ['state', 'push', '-force', file]);
    const source = `${objects.location.replace(/\/$/, '')}/${key}`;
    // An S3 object is fetched first; a local backup is already a file.
    const fetch = source.startsWith('s3://') ? `aws s3 cp ${shellWord(source)} ${shellWord(file)}` : `cp ${shellWord(source)} ${shellWord(file)}`;
    return { key, text, orphans, command: `${fetch} && ${push}` };
}
/**
 * restore-state: copies the backup back (`state push -force`, under the state
 * lock) only when the current state holds no resource the backup lacks;
 * otherwise refuses and lists the resources that would be orphaned.
 */
async function restoreState(ctx, check) {
    const mode = 'restore-state';
    if (check.refused)
        return { mode, outcome: 'refused', message: check.refused, ...(check.orphans.length > 0 ? { orphans: check.orphans } : {}) };
    if (check.orphans.length > 0 || check.text === undefined) {
        const message = `copying the backup ${check.key} back would orphan ${check.orphans.length} resource(s) that now exist: ${check.orphans.join(', ')}; use on_failure: reapply-previous or undo them by hand`;
        return { mode, outcome: 'refused', message, orphans: check.orphans };
    }
    const file = (0,external_node_path_.join)((0,external_node_path_.resolve)(ctx.paths.dataDir), 'restore.tfstate');
    await (0,promises_.writeFile)(file, check.text);
    try {
        await ctx.command('recover', { run: () => pushState(ctx.call, file, true), ok: (r) => r.exitCode === 0, retryWhen: [] });
    }
    catch (error) {
        return { mode, outcome: 'failed', message: `copying the backup ${check.key} back failed: ${error.message}`, commands: check.command ? [check.command] : [] };
    }
    return { mode, outcome: 'restored', message: `copied the backup ${check.key} back; nothing is orphaned` };
}

;// CONCATENATED MODULE: ./src/engine/steps/failure-after-apply.ts








/** The state after a failed apply: the store's, or the errored state OpenTofu could not save there. */
async function stateAfter(call, errored) {
    if (errored && !errored.pushed)
        return snapshotOf(await (0,promises_.readFile)(errored.file, 'utf8'), errored.file);
    return (await pullState(call)).snapshot;
}
/**
 * The state before the apply, to tell later what a failed apply changed: the
 * backup just taken (no extra command), else `state pull`.
 */
async function stateBefore(ctx, call) {
    const backup = ctx.result.backup;
    if (backup?.status === 'no-previous-state')
        return { snapshot: { resources: {} } };
    if (backup?.status === 'backed-up' && backup.key && ctx.store.objects) {
        const bytes = await ctx.store.objects.get(backup.key).catch(() => undefined);
        // An encrypted state (OpenTofu state encryption) is not readable here: ask the backend.
        try {
            if (bytes)
                return { snapshot: snapshotOf(new TextDecoder().decode(bytes), backup.key) };
        }
        catch { }
    }
    return pullState(call);
}
/**
 * After a failed apply: keeps (and if possible pushes) the state OpenTofu could
 * not save, records what the apply really changed, then does what `on_failure`
 * says. Records everything in the result; never throws (the apply's own
 * failure stays the deployment's error).
 */
async function afterFailedApply(ctx, call, before, output) {
    const mode = ctx.settings.onFailure ?? 'report';
    try {
        const file = await collectErroredState(call.options.cwd, ctx.paths.dataDir);
        if (file === undefined && failedToSaveState(output)) {
            // OpenTofu could not write errored.tfstate either: its last resort printed the state into the log.
            const message = `OpenTofu could not save the state nor write errored.tfstate; the state JSON is in the log ${ctx.paths.logFile}`;
            ctx.result.recovery = { mode, outcome: 'refused', message };
            return;
        }
        // Pushed with the root module's call: that is the command people are given.
        const errored = file === undefined ? undefined : await settleErroredState(ctx.call, file, ctx.paths.dataDir);
        if (errored)
            ctx.result.erroredState = errored;
        const after = await stateAfter(call, errored);
        if (!after || before.error !== undefined) {
            ctx.result.recovery = { mode, outcome: 'refused', message: `what the apply changed is unknown: ${before.error ?? 'the state after it cannot be read'}` };
            return;
        }
        const changes = stateChanges(before.snapshot, after, errored && !errored.pushed ? 'errored-state' : 'store');
        ctx.result.applyChanges = changes;
        ctx.result.recovery = await recover(ctx, call, changes, after, errored);
    }
    catch (error) {
        ctx.result.recovery = { mode, outcome: 'failed', message: `after the failed apply: ${error.message}` };
    }
}
async function recover(ctx, call, changes, after, errored) {
    const mode = ctx.settings.onFailure ?? 'report';
    if (!changedAnything(changes))
        return { mode, outcome: 'nothing-to-do', message: 'the failed apply changed nothing in the state' };
    const what = describeChanges(changes);
    if (errored && !errored.pushed) {
        const message = `the state could not be saved (${what}); push the errored state first: ${errored.command}`;
        return { mode, outcome: mode === 'report' ? 'reported' : 'refused', message, commands: [errored.command] };
    }
    if (mode === 'reapply-previous')
        return reapplyPrevious(ctx, call);
    const restore = await restoreCheck(ctx, after);
    if (mode === 'restore-state')
        return restoreState(ctx, restore);
    const commands = [...(await reapplyCommands(ctx)), ...(restore.command ? [restore.command] : [])];
    const restoreNote = restore.orphans.length > 0 ? `; restoring the backup would orphan ${restore.orphans.join(', ')}` : restore.refused ? `; ${restore.refused}` : '';
    return { mode, outcome: 'reported', message: `nothing rolled back; the failed apply changed ${what}${restoreNote}`, commands };
}

;// CONCATENATED MODULE: ./src/recovery/farm-anchor.ts

/**
 * The folder a deployment's link farm mirrors: the deepest common ancestor of
 * its root module, the working directory and every local module it calls
 * (module `Dir`s from modules.json are relative to the root module). Mirroring
 * from there keeps `../../modules/x` and `./modules/x` resolving. Absolute posix paths.
 */
function farmAnchor(rootModule, workingDir, moduleDirs) {
    const folders = [rootModule, workingDir, ...moduleDirs.map((dir) => (dir.startsWith('/') ? dir : joinPosix(rootModule, dir)))];
    let common = joinPosix(folders[0]).split('/');
    for (const folder of folders.slice(1)) {
        const parts = joinPosix(folder).split('/');
        let same = 0;
        while (same < common.length && same < parts.length && common[same] === parts[same])
            same++;
        common = common.slice(0, same);
    }
    return common.join('/') || '/';
}
/**
 * Names the farm does not mirror into the directory OpenTofu runs in: what
 * OpenTofu writes there (errored.tfstate, a default local state) and its own
 * data folder. Everything else is linked, `.tf-orchestrator` included, since
 * configurations read paths such as `../.tf-orchestrator/state/...`.
 */
function skippedInFarm(name) {
    return ['.terraform', 'errored.tfstate', 'terraform.tfstate', 'terraform.tfstate.backup'].includes(name);
}

;// CONCATENATED MODULE: ./src/recovery/io/link-farm.ts



/** Local module folders (`./x`, `../x`) from the modules.json `init` wrote into the data dir (small: read directly), relative to the root module. */
function localModuleDirs(dataDir) {
    try {
        const json = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dataDir, 'modules', 'modules.json'), 'utf8'));
        return (json.Modules ?? []).filter((m) => /^\.\.?\//.test(m.Source ?? '') && m.Dir).map((m) => m.Dir);
    }
    catch {
        return []; // no modules installed
    }
}
/**
 * Links every entry of `real` into `farm` except `keepReal` (a real folder on the path down; undefined at the root module, where skipped names stay out).
 * A farm left by an earlier run is brought up to date rather than rebuilt: links that still point where they should stay, others go (a deleted .tf file must
 * disappear), real files (errored.tfstate) stay, missing links are added. All of it is direct: a folder and a few links cost microseconds, less than
 * the trips through the thread pool they took before (10,000 deployments with the instant binary: about 5 % faster).
 */
function mirrorLevel(real, farm, keepReal) {
    // mkdir names the folder it created: then the farm is new and empty, nothing to look at.
    const fresh = (0,external_node_fs_.mkdirSync)(farm, { recursive: true }) !== undefined;
    const wanted = new Set((0,external_node_fs_.readdirSync)(real).filter((name) => name !== keepReal && !(keepReal === undefined && skippedInFarm(name))));
    if (!fresh) {
        for (const entry of (0,external_node_fs_.readdirSync)(farm, { withFileTypes: true })) {
            if (!entry.isSymbolicLink()) {
                wanted.delete(entry.name); // a real file or folder is never replaced by a link
                continue;
            }
            const path = (0,external_node_path_.join)(farm, entry.name);
            if (wanted.has(entry.name) && (0,external_node_fs_.readlinkSync)(path) === (0,external_node_path_.join)(real, entry.name))
                wanted.delete(entry.name);
            else
                (0,external_node_fs_.unlinkSync)(path);
        }
    }
    for (const name of wanted)
        (0,external_node_fs_.symlinkSync)((0,external_node_path_.join)(real, name), (0,external_node_path_.join)(farm, name));
}
/**
 * The deployment's own working directory: a link farm under `farmDir` that
 * mirrors the root module and every folder above it up to the anchor (see
 * farmAnchor), with real folders along the way so `..` resolves inside the
 * farm. OpenTofu writes errored.tfstate into the directory it runs in, so each
 * deployment's errored state lands in a place of its own. Returns that directory.
 */
async function linkFarm(rootModule, workingDir, dataDir, farmDir) {
    const root = (0,external_node_path_.resolve)(rootModule);
    const anchor = farmAnchor(root.split(external_node_path_.sep).join('/'), (0,external_node_path_.resolve)(workingDir).split(external_node_path_.sep).join('/'), localModuleDirs(dataDir));
    const down = (0,external_node_path_.relative)(anchor, root).split(external_node_path_.sep).filter(Boolean);
    let real = anchor;
    let farm = farmDir;
    for (const part of [...down, undefined]) {
        mirrorLevel(real, farm, part);
        if (part === undefined)
            break;
        real = (0,external_node_path_.join)(real, part);
        farm = (0,external_node_path_.join)(farm, part);
    }
    return farm;
}

;// CONCATENATED MODULE: ./src/engine/steps/failure-workdir.ts



/**
 * The deployment's call in its own working directory (a link farm of the root
 * module under its data dir): what OpenTofu writes where it runs, errored.tfstate
 * above all, never meets another deployment's. init and plan stay in the root
 * module (init writes the shared lock file there).
 */
async function ownWorkdirCall(ctx) {
    const dataDir = (0,external_node_path_.resolve)(ctx.paths.dataDir);
    const cwd = await linkFarm(ctx.call.options.cwd, ctx.settings.workingDir, dataDir, (0,external_node_path_.join)(dataDir, 'cwd'));
    return callIn(ctx.call, cwd, { TF_DATA_DIR: dataDir });
}

;// CONCATENATED MODULE: ./src/engine/steps/apply-step.ts




/**
 * Applies exactly the saved plan, and only when it has changes, in the
 * deployment's own working directory. When it fails: what it really changed,
 * its errored state if OpenTofu could not save one, and the on_failure action.
 */
const applyStep = {
    phase: 'apply',
    when: (ctx) => ctx.result.hasChanges === true,
    async run(ctx) {
        const call = await ownWorkdirCall(ctx);
        // The state before, to tell what a failed apply really changed.
        const before = await stateBefore(ctx, call);
        let output = '';
        const run = async () => {
            const r = await applyPlan(call, ctx.paths.planFile);
            output = r.output;
            return r;
        };
        try {
            // Only lock contention is retried: nothing was changed yet and the saved plan is still valid.
            await ctx.command('apply', { run, ok: (r) => r.exitCode === 0, retryWhen: ['Error acquiring the state lock'] });
            ctx.result.applied = true;
        }
        catch (error) {
            if (error instanceof StepFailure && !ctx.signal.aborted)
                await afterFailedApply(ctx, call, before, output);
            throw error;
        }
    }
};

;// CONCATENATED MODULE: ./src/state/io/backup-state.ts

/** The folder (key prefix) of every backup in a store. */
const BACKUP_PREFIX = 'backups/';
/** `20260105T093000Z`: UTC, second precision, sorts in time order. */
function backupTimestamp(at) {
    return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}
/** `backups/{state key}.{timestamp}.backup` */
function backupKey(stateKey, at) {
    return `${BACKUP_PREFIX}${stateKey}.${backupTimestamp(at)}.backup`;
}
/** Why a backup does not match its source (size or SHA-256), or undefined when it does. */
function backupMismatch(source, copy) {
    if (!copy)
        return 'the backup is not there';
    if (copy.size !== source.size)
        return `the backup has ${copy.size} bytes, the state ${source.size}`;
    if (copy.sha256 !== source.sha256)
        return `the backup's sha256 ${copy.sha256} differs from the state's ${source.sha256}`;
    return undefined;
}
/** An object's size and SHA-256: the store's checksum when it reports one, else hashed from the content. */
async function fingerprint(store, info) {
    if (!info)
        return undefined;
    if (info.sha256)
        return { size: info.size, sha256: info.sha256 };
    const bytes = await store.get(info.key);
    return bytes && { size: bytes.byteLength, sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex') };
}
/**
 * Copies the current state to its timestamped backup key (server-side, encrypted
 * like every write) and checks that the copy has the state's size and SHA-256.
 * Throws, naming both objects, when the copy cannot be made or does not match.
 */
async function backupState(store, stateKey, now = new Date()) {
    const source = await fingerprint(store, await store.head(stateKey));
    if (!source)
        return { status: 'no-previous-state' };
    const key = backupKey(stateKey, now);
    const from = `${store.location}${store.location.endsWith('/') ? '' : '/'}`;
    try {
        await store.copy(stateKey, key);
    }
    catch (error) {
        throw new Error(`cannot back up ${from}${stateKey} to ${key}: ${error.message}`);
    }
    // Read the copy back rather than trusting what the copy call returned.
    const problem = backupMismatch(source, await fingerprint(store, await store.head(key)));
    if (problem)
        throw new Error(`backup of ${from}${stateKey} to ${key} failed verification: ${problem}`);
    return { status: 'backed-up', key, size: source.size, sha256: source.sha256 };
}

;// CONCATENATED MODULE: ./src/engine/steps/backup-state-step.ts

/**
 * Before apply: copies the current state to `backups/{state key}.{UTC time}.backup`
 * (encrypted like every write) and verifies the copy's size and SHA-256. With
 * `backup: required` (the default) a backup that cannot be made or verified
 * blocks the apply; best-effort records the error and applies; off skips it.
 */
const backupStateStep = {
    phase: 'backup',
    when: (ctx) => ctx.settings.command === 'apply' && ctx.result.hasChanges === true,
    async run(ctx) {
        const mode = ctx.store.backupMode ?? 'required';
        if (mode === 'off') {
            ctx.result.backup = { status: 'skipped' };
            return;
        }
        try {
            if (!ctx.store.objects)
                throw new Error(`no object access to ${ctx.store.describe(ctx.deployment.stateKey)}`);
            const done = await backupState(ctx.store.objects, ctx.deployment.stateKey);
            ctx.result.backup = done;
        }
        catch (error) {
            // Some SDK errors (a connection refused) have an empty message: their name says it.
            const message = error instanceof Error ? error.message || error.name : String(error);
            const what = `state backup of ${ctx.store.describe(ctx.deployment.stateKey)} failed`;
            ctx.result.backup = { status: 'failed', error: `${what}: ${message}` };
            if (mode === 'required')
                return { stop: 'blocked', reason: `${what}, apply not run (backup: required): ${message}` };
        }
    }
};

;// CONCATENATED MODULE: ./src/engine/steps/failure-errored-state-step.ts




/**
 * Before planning: state an earlier apply could not save (kept in the
 * deployment's data dir) is pushed back to the store once it is reachable
 * again, after the orphan check; `state push` takes the state lock. Until it
 * is pushed the deployment stops, naming the file and the command that pushes
 * it: planning against the store's stale state would create everything again.
 * A plan run only reports it. Goes after init (the backend) and before plan.
 */
const erroredStateStep = {
    phase: 'errored-state',
    when: (ctx) => (0,external_node_fs_.existsSync)(erroredStateFile(ctx.paths.dataDir)),
    async run(ctx) {
        const file = erroredStateFile(ctx.paths.dataDir);
        if (ctx.settings.command !== 'apply') {
            ctx.result.erroredState = { file, pushed: false, reason: 'a plan run does not push state', command: erroredPushCommand(ctx.call, file) };
            return { stop: 'failed', reason: `state an earlier apply could not save is waiting in ${file}; an apply run pushes it, or: ${ctx.result.erroredState.command}` };
        }
        let record = await settleErroredState(ctx.call, file, ctx.paths.dataDir);
        if (!record.pushed && record.reason?.startsWith('the store cannot be read'))
            record = (await replaceTruncatedWrite(ctx, file, record.command)) ?? record;
        ctx.result.erroredState = record;
        if (!record.pushed)
            return { stop: 'failed', reason: `state an earlier apply could not save is not pushed yet (${record.reason}): ${record.file}; push it with: ${record.command}` };
    }
};
const field = (text, name) => new RegExp(`"${name}":\\s*"?([^",\\s]+)`).exec(text)?.[1];
/**
 * A cut-short write of this state: a prefix of it, or of an earlier snapshot
 * of the same apply (OpenTofu persists state while it applies): same lineage,
 * a serial not above the errored state's.
 */
function isEarlierWriteOf(stored, errored) {
    if (errored.startsWith(stored))
        return true;
    const lineage = field(stored, 'lineage');
    const serial = Number(field(stored, 'serial'));
    return lineage !== undefined && lineage === field(errored, 'lineage') && Number.isInteger(serial) && serial <= Number(field(errored, 'serial'));
}
/**
 * The store's state is unreadable because the very write that failed left a
 * truncated copy of this state there (the disk filled up mid-write): the
 * errored state is the newest write in full, so it replaces it (under the run lock).
 * Anything else stays with the operator.
 */
async function replaceTruncatedWrite(ctx, file, command) {
    const objects = ctx.store.objects;
    if (!objects)
        return undefined;
    const stored = await objects.get(ctx.deployment.stateKey).catch(() => undefined);
    const errored = await (0,promises_.readFile)(file, 'utf8');
    if (stored === undefined || !isEarlierWriteOf(new TextDecoder().decode(stored), errored))
        return undefined;
    await objects.put(ctx.deployment.stateKey, errored);
    const copy = (0,external_node_path_.join)(ctx.paths.dataDir, `errored.${new Date().toISOString().replace(/[-:.]/g, '')}.pushed.tfstate`);
    await (0,promises_.rename)(file, copy);
    return { file: copy, pushed: true, command };
}

;// CONCATENATED MODULE: ./src/engine/steps/init-step.ts

/** `init` with this deployment's backend settings; the first init of a root module runs alone (see InitGate). */
const initStep = {
    phase: 'init',
    async run(ctx) {
        const backend = ctx.store.backendConfig(ctx.deployment.stateKey);
        await ctx.initGate.run(ctx.call.options.cwd, (readonly) => ctx.command('init', { run: () => init(ctx.call, backend, readonly), ok: (r) => r.exitCode === 0 }), () => true);
    }
};

;// CONCATENATED MODULE: ./src/state/io/key-records.ts

/** The folder (key prefix) of the records of which state key each deployment file last applied to. */
const KEY_RECORD_PREFIX = 'deployment-keys/';
/** `deployment-keys/{sha256 of the source path}.json`: fixed length whatever the path. */
function keyRecordKey(source) {
    return `${KEY_RECORD_PREFIX}${(0,external_node_crypto_.createHash)('sha256').update(source).digest('hex')}.json`;
}
/** The record of a deployment source, or undefined when it never applied (or the record is unreadable). */
async function readKeyRecord(objects, source) {
    const bytes = await objects.get(keyRecordKey(source));
    if (!bytes)
        return undefined;
    try {
        const record = JSON.parse(Buffer.from(bytes).toString('utf8'));
        return record.source === source && typeof record.stateKey === 'string' ? record : undefined;
    }
    catch {
        return undefined;
    }
}
/** Records that `source` (deployment `id`) now keeps its state at `stateKey`. */
async function writeKeyRecord(objects, record, now = new Date()) {
    const body = { source: record.source, stateKey: record.stateKey, id: record.id, recordedAt: now.toISOString() };
    await objects.put(keyRecordKey(record.source), `${JSON.stringify(body, null, 2)}\n`, { contentType: 'application/json' });
}

;// CONCATENATED MODULE: ./src/state/object-store.ts
/** A conditional replace refused: the object changed (or went) since it was read. */
class ObjectChangedError extends Error {
    key;
    constructor(key) {
        super(`${key} changed since it was read (conditional write refused)`);
        this.key = key;
        this.name = 'ObjectChangedError';
    }
}
/** A put refused because the key already exists (create-only write). */
class ObjectExistsError extends Error {
    key;
    constructor(key) {
        super(`${key} already exists (create-only write refused)`);
        this.key = key;
        this.name = 'ObjectExistsError';
    }
}
/** Why `key` is not a valid object key (empty, absolute, `.`/`..` or empty segments), or undefined. */
function objectKeyProblem(key) {
    if (key === '')
        return 'an object key cannot be empty';
    if (key.startsWith('/'))
        return `object key ${key} must not start with "/"`;
    if (key.includes('\\'))
        return `object key ${key} must use "/" as separator`;
    const bad = key.split('/').find((part) => part === '' || part === '.' || part === '..');
    return bad === undefined ? undefined : `object key ${key} has an empty, "." or ".." segment`;
}

;// CONCATENATED MODULE: ./src/state/io/state-lock.ts



/** Another process holds a state's lock: the state was not touched. */
class StateLockedError extends Error {
    name = 'StateLockedError';
}
const holderOf = (bytes) => {
    try {
        const info = JSON.parse(Buffer.from(bytes ?? []).toString('utf8'));
        return [info.Who, info.Operation, info.Created && `since ${info.Created}`, info.ID && `lock ID ${info.ID}`].filter(Boolean).join(', ');
    }
    catch {
        return 'unreadable lock';
    }
};
/**
 * Runs `fn` while holding the state's lock object, written create-only in
 * OpenTofu's LockInfo format (for S3 the very object `use_lockfile` uses, so
 * OpenTofu waits for us and we for it). Refuses, touching nothing, while
 * another process holds it.
 */
async function withStateLock(store, stateKey, operation, fn) {
    const objects = store.objects;
    if (!objects || !store.lockKey)
        throw new Error(`this store cannot lock ${store.describe(stateKey)}`);
    const lockKey = store.lockKey(stateKey);
    const info = {
        ID: (0,external_node_crypto_.randomUUID)(),
        Operation: `tf-orchestrator ${operation}`,
        Info: '',
        Who: `${(0,external_node_os_.userInfo)().username}@${(0,external_node_os_.hostname)()}`,
        Version: '',
        Created: new Date().toISOString(),
        Path: store.describe(stateKey)
    };
    try {
        await objects.put(lockKey, JSON.stringify(info), { ifNoneMatch: true, contentType: 'application/json' });
    }
    catch (error) {
        if (!(error instanceof ObjectExistsError))
            throw error;
        const holder = holderOf(await objects.get(lockKey));
        throw new StateLockedError(`${store.describe(stateKey)} is locked by another process (${holder}); nothing was changed`);
    }
    try {
        return await fn();
    }
    finally {
        await objects.delete(lockKey);
    }
}

;// CONCATENATED MODULE: ./src/state/io/move-state.ts


const objectsOf = (store) => {
    if (!store.objects)
        throw new Error('this state store has no object access');
    return store.objects;
};
/** Reads both keys and says what a move would do; writes nothing. */
async function checkMove(store, from, to) {
    const objects = objectsOf(store);
    const source = await fingerprint(objects, await objects.head(from));
    const target = await fingerprint(objects, await objects.head(to));
    if (!source)
        return target ? { outcome: 'already-there' } : { outcome: 'no-old-state' };
    if (!target)
        return { outcome: 'copy', ...source };
    if (target.sha256 === source.sha256)
        return { outcome: 'already-there' };
    return { outcome: 'conflict', reason: `${store.describe(to)} already exists with different content (sha256 ${target.sha256}, the old state's is ${source.sha256})` };
}
/**
 * Copies the state at `from` to `to` under both keys' locks and verifies the
 * copy's size and SHA-256. Never deletes the old object; moving again is a
 * no-op; a target with other content is refused (throws).
 */
async function moveState(store, from, to, operation) {
    const objects = objectsOf(store);
    return withStateLock(store, from, operation, () => withStateLock(store, to, operation, async () => {
        const check = await checkMove(store, from, to);
        if (check.outcome === 'conflict')
            throw new Error(`cannot move ${store.describe(from)} to ${to}: ${check.reason}`);
        if (check.outcome !== 'copy')
            return check.outcome;
        await objects.copy(from, to);
        const problem = backupMismatch(check, await fingerprint(objects, await objects.head(to)));
        if (problem) {
            await objects.delete(to); // the target was empty before this copy (checked under its lock)
            throw new Error(`copy of ${store.describe(from)} to ${to} failed verification: ${problem.replace(/the backup/g, 'the copy')}`);
        }
        return 'moved';
    }));
}

;// CONCATENATED MODULE: ./src/engine/steps/key-check-step.ts


// What the key check found, for the key record step after apply (undefined: no record yet).
const recorded = new WeakMap();
/** The state key the store had recorded for this deployment when the key check ran (has(): whether it ran). */
const recordedKeys = recorded;
/** The message of a refused deployment: both keys and the command that moves the state. */
function keyMovedMessage(source, id, from, to) {
    return (`the state key of ${source} moved: it last applied to ${from}, it now computes ${to}; planning at the new key would create everything again. ` +
        `Move the state first: tf-orchestrator state migrate ${id} --from '${from}' --yes (or set state.follow_key_changes: true)`);
}
async function follow(ctx, from) {
    const d = ctx.deployment;
    // A plan changes nothing: it reads the state where it still is.
    if (ctx.settings.command === 'plan') {
        ctx.deployment = { ...d, stateKey: from };
        return;
    }
    const objects = ctx.store.objects;
    await moveState(ctx.store, from, d.stateKey, 'follow_key_changes');
    await writeKeyRecord(objects, { source: d.source, stateKey: d.stateKey, id: d.id });
    recorded.set(ctx.result, d.stateKey);
}
/**
 * Before init: compares the deployment's computed state key with the key its
 * file last applied to (recorded in the store). When it moved, refuses the
 * deployment naming both keys, or with `state.follow_key_changes: true`
 * moves the state (copy and verify under both locks) and goes on.
 */
const keyCheckStep = {
    phase: 'key-check',
    when: (ctx) => ctx.store.objects !== undefined && !ctx.settings.destroy,
    async run(ctx) {
        const d = ctx.deployment;
        const record = await readKeyRecord(ctx.store.objects, d.source);
        recorded.set(ctx.result, record?.stateKey);
        if (!record || record.stateKey === d.stateKey)
            return;
        if (!ctx.store.followKeyChanges)
            return { stop: 'blocked', reason: keyMovedMessage(d.source, d.id, record.stateKey, d.stateKey) };
        try {
            await follow(ctx, record.stateKey);
        }
        catch (error) {
            return { stop: 'blocked', reason: `cannot follow the state key of ${d.source} from ${record.stateKey} to ${d.stateKey}: ${error.message}` };
        }
    }
};

;// CONCATENATED MODULE: ./src/engine/steps/key-record-step.ts


/**
 * After a successful apply: records in the store which state key the
 * deployment's file applied to, so that a later run notices when its computed
 * key moves. Runs only when the record is missing or different. A record that
 * cannot be written does not undo a successful apply: it is reported.
 */
const keyRecordStep = {
    phase: 'key-record',
    when: (ctx) => ctx.settings.command === 'apply' &&
        !ctx.settings.destroy &&
        ctx.store.objects !== undefined &&
        recordedKeys.has(ctx.result) &&
        recordedKeys.get(ctx.result) !== ctx.deployment.stateKey,
    async run(ctx) {
        const d = ctx.deployment;
        try {
            await writeKeyRecord(ctx.store.objects, { source: d.source, stateKey: d.stateKey, id: d.id });
        }
        catch (error) {
            ctx.result.keyRecordError = `cannot record that ${d.source} applied to ${d.stateKey}: ${error instanceof Error ? error.message || error.name : String(error)}`;
        }
    }
};

;// CONCATENATED MODULE: ./src/engine/steps/policy-step.ts
/**
 * The policy gate judges the plan JSON: deny blocks the deployment, warn is
 * reported. A plan without changes has none (show skipped it and recorded the
 * policy phase as skipped).
 */
const policyStep = {
    phase: 'policy',
    when: (ctx) => ctx.policyGate !== undefined && ctx.scratch.planJson !== undefined,
    async run(ctx) {
        const verdict = await ctx.policyGate(ctx.deployment, ctx.scratch.planJson);
        ctx.result.policy = verdict.details;
        if (!verdict.allowed)
            return { stop: 'blocked', reason: verdict.summary };
    }
};

;// CONCATENATED MODULE: ./src/locks/pr-lock.ts
/**
 * A pull request's lock lives beside the run locks, not at their key: a run
 * lock lasts one run and is waited for, a pull request's lock lasts from its
 * plan to its apply (days) and is never worth waiting for. Its own prefix also
 * keeps it out of what the clean-up after a dead run releases.
 */
const PR_LOCK_PREFIX = 'pr-locks/';
/** Seven days: a pull request left open longer has to plan again to keep its lock. */
const DEFAULT_PR_LOCK_TTL_MS = 7 * 24 * 3_600_000;
/** `pr-locks/{deployment id}.json` */
function prLockKey(deploymentId) {
    return `${PR_LOCK_PREFIX}${deploymentId}.json`;
}
/** The deployment id of a pull request's lock key, or undefined for any other key. */
function deploymentOfPrLockKey(key) {
    return key.startsWith(PR_LOCK_PREFIX) && key.endsWith('.json') ? key.slice(PR_LOCK_PREFIX.length, -'.json'.length) || undefined : undefined;
}
/** Whether the lock owner is that pull request (repository names compare case-insensitively, as GitHub's do). */
function isPullRequest(owner, pr) {
    return owner.pullRequest === pr.pullRequest && owner.repository !== undefined && owner.repository.toLowerCase() === pr.repository.toLowerCase();
}
/** `acme/infra#12`, or the run for a lock without a pull request. */
function pullRequestName(owner) {
    return owner.pullRequest !== undefined ? `${owner.repository ?? ''}#${owner.pullRequest}` : `run ${owner.runId}`;
}
/** `acme/infra#12 (run R, GitHub run 99, since T, expires E)`: who holds a pull request's lock. */
function describePrHolder(lock) {
    const run = [`run ${lock.owner.runId}`, ...(lock.owner.githubRunId ? [`GitHub run ${lock.owner.githubRunId}`] : [])];
    return `${pullRequestName(lock.owner)} (${run.join(', ')}, since ${lock.acquiredAt}, expires ${lock.expiresAt})`;
}
/** Why a deployment of this run may not go on while `holder` holds its pull-request lock. */
function refusal(holder, command, reviewed) {
    const what = command === 'plan' ? 'cannot plan changes for another pull request' : reviewed ? 'cannot apply another pull request\'s plan' : 'a plain apply is refused';
    return `locked by ${describePrHolder(holder)}: ${holder.deployment} ${what} until that pull request is merged or closed, or the lock expires (\`locks release --pull-request ${pullRequestName(holder.owner)} --yes\`)`;
}
/** The holder as the deployment's result records it (`lock.heldBy`). */
function heldByOf(holder) {
    return { ...holder.owner, since: holder.acquiredAt, expiresAt: holder.expiresAt };
}
/** `acme/infra#12` into its parts; throws on anything else. */
function parsePullRequestRef(text) {
    const m = /^([^/#\s]+\/[^/#\s]+)#(\d+)$/.exec(text.trim());
    if (!m || Number(m[2]) < 1)
        throw new Error(`pull request ${JSON.stringify(text)} must be owner/repo#<number>`);
    return { repository: m[1], pullRequest: Number(m[2]) };
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/locks/io/processes.ts


/** This machine's name, as lock owners record it. */
function hostName() {
    return (0,external_node_os_.hostname)();
}
/** `user@host`: how OpenTofu names the holder of a backend lock (LockInfo.Who). */
function backendLockWho() {
    return `${(0,external_node_os_.userInfo)().username}@${(0,external_node_os_.hostname)()}`;
}
/** The fields of /proc/<pid>/stat after the command name, or undefined when the process is gone. */
function statFields(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // The command name may contain spaces and parentheses: fields start after the last ')'.
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    }
    catch {
        return undefined;
    }
}
/**
 * When a process started, in clock ticks since boot (/proc stat field 22):
 * with the pid it names one process, even after the pid is reused.
 */
function processStartTime(pid) {
    return statFields(pid)?.[19];
}
/** Whether a process of this host exists (a zombie counts as gone). */
function pidAlive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
    }
    catch (error) {
        // EPERM: it exists, it is just not ours to signal.
        if (error.code !== 'EPERM')
            return false;
    }
    const state = statFields(pid)?.[0];
    return state !== 'Z';
}
/** Every live descendant of `pid` (children, their children...), from /proc. */
function descendantsOf(pid) {
    const children = new Map();
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)('/proc');
    }
    catch {
        return [];
    }
    for (const entry of entries) {
        const child = Number(entry);
        if (!Number.isInteger(child))
            continue;
        const fields = statFields(child);
        if (!fields || fields[0] === 'Z')
            continue;
        const parent = Number(fields[1]);
        children.set(parent, [...(children.get(parent) ?? []), child]);
    }
    const found = [];
    const queue = [pid];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        for (const child of children.get(next) ?? []) {
            found.push(child);
            queue.push(child);
        }
    }
    return found;
}
/** The command line of a process, for reports (empty when it is gone). */
function commandLine(pid) {
    try {
        return (0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
    }
    catch {
        return '';
    }
}
/** Sends `signal` to a process; false when it is gone. */
function signalProcess(pid, signal) {
    try {
        process.kill(pid, signal);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/locks/io/run-lock-store.ts




/** The lock stayed held by a live holder for the whole wait. */
class RunLockTimeout extends Error {
    holder;
    constructor(holder, waitedMs) {
        super(`deployment ${holder.deployment} is locked by ${describeLock(holder)}; waited ${Math.round(waitedMs / 1000)}s`);
        this.holder = holder;
        this.name = 'RunLockTimeout';
    }
}
const decode = (bytes) => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));
/** The lock object's content: absent, a lock, or 'unreadable'. */
async function readLock(store, key) {
    const text = decode(await store.get(key));
    return text === undefined ? undefined : (parseRunLock(text) ?? 'unreadable');
}
/**
 * Takes the run lock of a deployment: a create-only put of `locks/{id}.json`.
 * A live holder is waited for (polling) up to timeoutMs, then RunLockTimeout
 * names it. A stale holder (expired, its process gone from this host, or an
 * unreadable object) is replaced: re-read, then a conditional put naming its tag (If-Match), and the
 * new lock read back, so of two waiters replacing the same stale lock one wins.
 */
async function acquireRunLock(store, o) {
    const key = o.key ?? run_lock_runLockKey(o.deployment);
    const now = o.now ?? (() => new Date());
    const alive = o.alive ?? pidAlive;
    const host = hostName();
    const started = now().getTime();
    let warned = false;
    for (;;) {
        o.signal?.throwIfAborted();
        const lock = newRunLock(o.deployment, o.owner, now(), o.ttlMs, { stateKey: o.stateKey, ...(o.kind ? { kind: o.kind } : {}) });
        const body = `${JSON.stringify(lock, null, 2)}\n`;
        try {
            await store.put(key, body, { ifNoneMatch: true, contentType: 'application/json' });
            return { lock, waitedMs: now().getTime() - started };
        }
        catch (error) {
            if (!(error instanceof ObjectExistsError))
                throw error;
        }
        const holder = await readLock(store, key);
        if (holder === undefined)
            continue; // released meanwhile
        const reason = holder === 'unreadable' ? 'unreadable' : staleReason(holder, { host, now: now(), alive });
        if (reason) {
            // Replaced only if still the stale lock read here (If-Match on its tag): a delete and a
            // create would leave a moment without a lock, where another waiter's create-only put wins too.
            const tag = (await store.head(key))?.etag;
            const again = await readLock(store, key);
            const unchanged = holder === 'unreadable' ? again === 'unreadable' : again !== undefined && again !== 'unreadable' && sameLock(again, holder);
            if (!unchanged)
                continue;
            if (tag === undefined)
                throw new Error(`cannot replace the stale run lock ${key} in ${store.location}: the store reports no version tag`);
            try {
                await store.put(key, body, { ifMatch: tag, contentType: 'application/json' });
            }
            catch (error) {
                if (error instanceof ObjectChangedError)
                    continue; // another waiter replaced it first, or it was released
                throw error;
            }
            // A waiter that read the same stale lock a moment earlier may delete ours: look once more.
            await (0,external_node_timers_promises_.setTimeout)(100);
            const mine = await readLock(store, key);
            if (mine === undefined || mine === 'unreadable' || !sameLock(mine, lock))
                continue;
            return { lock, waitedMs: now().getTime() - started, takenOver: { from: holder === 'unreadable' ? undefined : holder, reason } };
        }
        const waited = now().getTime() - started;
        if (waited >= o.timeoutMs)
            throw new RunLockTimeout(holder, waited);
        if (!warned)
            o.onWait?.(holder);
        warned = true;
        await (0,external_node_timers_promises_.setTimeout)(Math.min(o.pollMs ?? 2000, Math.max(1, o.timeoutMs - waited)), undefined, { signal: o.signal }).catch(() => o.signal?.throwIfAborted());
    }
}
/** Deletes the lock if it is still `lock` (not taken over meanwhile); whether it did. */
async function releaseRunLock(store, lock, key = run_lock_runLockKey(lock.deployment)) {
    const current = await readLock(store, key);
    if (current === undefined || current === 'unreadable' || !sameLock(current, lock))
        return false;
    await store.delete(key);
    return true;
}
/** Every run lock of a store; `lock` is absent for an object that is not a readable lock. */
async function listRunLocks(store) {
    const found = [];
    for (const info of await store.list(LOCK_PREFIX)) {
        const deployment = deploymentOfLockKey(info.key);
        if (deployment === undefined)
            continue;
        const lock = await readLock(store, info.key);
        if (lock === undefined)
            continue; // released meanwhile
        found.push({ key: info.key, deployment, ...(lock === 'unreadable' ? {} : { lock }) });
    }
    return found;
}
/** Deletes a deployment's lock whoever holds it (`locks release --yes`); the lock it removed, if any. */
async function forceReleaseRunLock(store, deployment) {
    const key = runLockKey(deployment);
    const current = await readLock(store, key);
    if (current !== undefined)
        await store.delete(key);
    return current;
}

;// CONCATENATED MODULE: ./src/locks/io/pr-lock-store.ts


/** Another pull request holds the deployment's lock (and it has not expired). */
class PrLockHeld extends Error {
    holder;
    constructor(holder) {
        super(`${holder.deployment} is locked by pull request ${holder.owner.repository ?? ''}#${holder.owner.pullRequest ?? '?'}`);
        this.holder = holder;
        this.name = 'PrLockHeld';
    }
}
/**
 * Takes a deployment's pull-request lock (create-only put of
 * `pr-locks/{id}.json`), renews it when the same pull request holds it, and
 * takes over an expired or unreadable one. Held by another pull request:
 * PrLockHeld. Callers hold the deployment's run lock meanwhile, so no other
 * run changes this lock between the read and the write.
 */
async function takePrLock(store, o) {
    const key = prLockKey(o.deployment);
    const now = o.now ?? (() => new Date());
    const current = await readLock(store, key);
    if (current !== undefined && current !== 'unreadable' && isPullRequest(current.owner, o.owner) && now().getTime() < Date.parse(current.expiresAt)) {
        // Renewed in place: `since` stays when the pull request first took it.
        const lock = { ...current, owner: o.owner, ...(o.stateKey ? { stateKey: o.stateKey } : {}), expiresAt: new Date(now().getTime() + o.ttlMs).toISOString() };
        await store.put(key, `${JSON.stringify(lock, null, 2)}\n`, { contentType: 'application/json' });
        return { lock, renewed: true };
    }
    try {
        const got = await acquireRunLock(store, { key, deployment: o.deployment, stateKey: o.stateKey, owner: o.owner, kind: 'pull-request', ttlMs: o.ttlMs, timeoutMs: 0, now });
        return { lock: got.lock, ...(got.takenOver ? { takenOver: got.takenOver } : {}) };
    }
    catch (error) {
        if (error instanceof RunLockTimeout)
            throw new PrLockHeld(error.holder);
        throw error;
    }
}
/** The deployment's pull-request lock, when there is a readable one. */
async function readPrLock(store, deployment) {
    const lock = await readLock(store, prLockKey(deployment));
    return lock === 'unreadable' ? undefined : lock;
}
/** Deletes the lock if it is still `lock`; whether it did. */
const releasePrLock = (store, lock) => releaseRunLock(store, lock, prLockKey(lock.deployment));
/** Every pull-request lock of a store; `lock` is absent for an object that is not a readable lock. */
async function listPrLocks(store) {
    const found = [];
    for (const info of await store.list(PR_LOCK_PREFIX)) {
        const deployment = deploymentOfPrLockKey(info.key);
        if (deployment === undefined)
            continue;
        const lock = await readLock(store, info.key);
        if (lock === undefined)
            continue; // released meanwhile
        found.push({ key: info.key, deployment, ...(lock === 'unreadable' ? {} : { lock }) });
    }
    return found;
}
/** Releases every lock a pull request holds (it was closed or merged); the locks it released. */
async function releasePrLocks(store, repository, pullRequest) {
    const released = [];
    for (const { lock } of await listPrLocks(store)) {
        if (lock && isPullRequest(lock.owner, { repository, pullRequest }) && (await releasePrLock(store, lock)))
            released.push(lock);
    }
    return released;
}

;// CONCATENATED MODULE: ./src/engine/steps/run-lock-step.ts




/** lock_timeout's default. */
const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000;
// Longer than any deployment can hold it: its timeout, the grace after it, and a minute of slack.
const ttlMs = (s) => s.timeoutMs + s.graceMs + 60_000;
/** This run as a lock owner (the GitHub run and repository when in Actions). */
function runOwner(settings) {
    const { GITHUB_RUN_ID: githubRunId, GITHUB_REPOSITORY: repository } = settings.env;
    return { runId: settings.runId, host: hostName(), pid: process.pid, ...(githubRunId ? { githubRunId } : {}), ...(repository ? { repository } : {}) };
}
// Steps are shared by every deployment of a run: each deployment's lock is kept by its context.
const held = new WeakMap();
/**
 * The per-deployment run lock, first in the pipeline: from before init (the
 * shared data dir) through plan and apply. A second run waits for it up to
 * lock_timeout and then plans from the fresh state, or fails naming the holder.
 * A stale lock (holder gone from this host, or expired) is taken over and the
 * takeover recorded. Released in cleanup, after every later step's cleanup.
 */
const runLockStep = {
    phase: 'lock',
    when: (ctx) => ctx.store.objects !== undefined,
    async run(ctx) {
        const { deployment: d, settings } = ctx;
        const objects = ctx.store.objects;
        try {
            const got = await acquireRunLock(objects, {
                deployment: d.id,
                stateKey: d.stateKey,
                owner: runOwner(settings),
                ttlMs: ttlMs(settings),
                timeoutMs: settings.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
                pollMs: settings.lockPollMs,
                signal: ctx.signal
            });
            held.set(ctx, got.lock);
            const from = got.takenOver?.from;
            ctx.result.lock = {
                key: run_lock_runLockKey(d.id),
                acquiredAt: got.lock.acquiredAt,
                expiresAt: got.lock.expiresAt,
                waitedMs: got.waitedMs,
                ...(got.takenOver
                    ? { takenOverFrom: { reason: got.takenOver.reason, ...(from ? { owner: from.owner, acquiredAt: from.acquiredAt, expiresAt: from.expiresAt } : {}) } }
                    : {})
            };
        }
        catch (error) {
            if (error instanceof RunLockTimeout)
                return { stop: 'failed', reason: error.message };
            if (ctx.signal.aborted)
                throw error;
            throw new StepFailure(`cannot take the run lock ${run_lock_runLockKey(d.id)} in ${objects.location}: ${error.message}`);
        }
    },
    async cleanup(ctx) {
        const lock = held.get(ctx);
        if (!lock || !ctx.store.objects)
            return;
        held.delete(ctx);
        const released = await releaseRunLock(ctx.store.objects, lock).catch(() => false);
        if (ctx.result.lock)
            ctx.result.lock.released = released;
    }
};

;// CONCATENATED MODULE: ./src/engine/steps/pr-lock-step.ts




// `prLockTtlMs` (RunSettings, optional): how long a pull request's lock lasts without a new plan.
const pr_lock_step_ttlMs = (s) => s.prLockTtlMs ?? DEFAULT_PR_LOCK_TTL_MS;
// The holder's own lock, seen by its apply: released in cleanup once the apply succeeded.
const applying = new WeakMap();
const log = (ctx, text) => (0,promises_.appendFile)(ctx.paths.logFile, `\n=== pr-lock ===\n${text}\n`).catch(() => undefined);
/** Adds to the deployment's lock record (the run lock step made it; without one, the pull request's lock is the record). */
function record(ctx, lock, patch) {
    ctx.result.lock ??= { key: prLockKey(lock.deployment), acquiredAt: lock.acquiredAt, expiresAt: lock.expiresAt, waitedMs: 0 };
    Object.assign(ctx.result.lock, patch);
}
const lockRecord = (lock, extra = {}) => ({
    key: prLockKey(lock.deployment),
    acquiredAt: lock.acquiredAt,
    expiresAt: lock.expiresAt,
    ...extra
});
/** A plan for a pull request: take, renew or let go of the deployment's lock; told who holds it otherwise. */
async function planForPullRequest(ctx, review) {
    const objects = ctx.store.objects;
    const { id, stateKey } = ctx.deployment;
    if (ctx.result.hasChanges !== true) {
        // No changes any more: the pull request no longer claims this deployment.
        const mine = await readPrLock(objects, id);
        if (mine && isPullRequest(mine.owner, review) && (await releasePrLock(objects, mine))) {
            record(ctx, mine, { pullRequestLock: lockRecord(mine, { released: true }) });
            await log(ctx, `no changes: released the lock of ${describePrHolder(mine)}`);
        }
        return;
    }
    const owner = { ...runOwner(ctx.settings), repository: review.repository, pullRequest: review.pullRequest, headSha: review.headSha };
    try {
        const got = await takePrLock(objects, { deployment: id, stateKey, owner, ttlMs: pr_lock_step_ttlMs(ctx.settings) });
        record(ctx, got.lock, { pullRequestLock: lockRecord(got.lock, got.renewed ? { renewed: true } : {}) });
        const from = got.takenOver?.from;
        if (got.takenOver) {
            const why = got.takenOver.reason;
            record(ctx, got.lock, { takenOverFrom: { key: prLockKey(id), reason: why, ...(from ? { owner: from.owner, acquiredAt: from.acquiredAt, expiresAt: from.expiresAt } : {}) } });
        }
        await log(ctx, `${got.renewed ? 'renewed' : 'took'} ${prLockKey(id)} until ${got.lock.expiresAt}${from ? `, taken over from ${describePrHolder(from)} (${got.takenOver?.reason})` : ''}`);
    }
    catch (error) {
        if (!(error instanceof PrLockHeld))
            throw error;
        record(ctx, error.holder, { heldBy: heldByOf(error.holder) });
        return { stop: 'blocked', reason: refusal(error.holder, 'plan', true) };
    }
    return undefined;
}
/**
 * A pull request's lock on a deployment, from its plan (`plan --review`) to
 * its apply on merge, beside the per-run lock (run-lock-step.ts) which is held
 * meanwhile. After the policy gate, so only a plan that could be applied
 * claims the deployment. A plan with changes takes or renews it; another
 * pull request's lock blocks the deployment naming it; an expired one is
 * taken over (`lock.takenOverFrom`, audited). An apply with changes is
 * refused while another pull request holds the lock; the holder's own
 * `apply --review` goes on and releases it after it succeeded.
 */
const prLockStep = {
    phase: 'pr-lock',
    when: (ctx) => ctx.store.objects !== undefined && (ctx.settings.review?.mode === 'store' || ctx.settings.command === 'apply'),
    async run(ctx) {
        const review = ctx.settings.review;
        if (review?.mode === 'store')
            return planForPullRequest(ctx, review);
        if (ctx.result.hasChanges !== true)
            return; // nothing to apply, nothing to refuse or release
        let holder;
        try {
            holder = await readPrLock(ctx.store.objects, ctx.deployment.id);
        }
        catch (error) {
            // Not knowing whether a pull request holds the deployment is a refusal, never an apply over it.
            return { stop: 'blocked', reason: `cannot read the pull-request lock of ${ctx.deployment.id} in ${ctx.store.objects.location}, apply not run: ${error instanceof Error ? error.message : String(error)}` };
        }
        if (!holder || Date.now() >= Date.parse(holder.expiresAt))
            return;
        if (review && isPullRequest(holder.owner, review)) {
            applying.set(ctx, holder);
            record(ctx, holder, { pullRequestLock: lockRecord(holder) });
            return;
        }
        record(ctx, holder, { heldBy: heldByOf(holder) });
        return { stop: 'blocked', reason: refusal(holder, 'apply', review !== undefined) };
    },
    async cleanup(ctx) {
        const lock = applying.get(ctx);
        applying.delete(ctx);
        if (!lock || ctx.result.status !== 'succeeded' || !ctx.store.objects)
            return;
        const released = await releasePrLock(ctx.store.objects, lock).catch(() => false);
        record(ctx, lock, { pullRequestLock: lockRecord(lock, { released }) });
        await log(ctx, released ? `applied: released the lock of ${describePrHolder(lock)}` : `${prLockKey(lock.deployment)} was not released (changed meanwhile)`);
    }
};

;// CONCATENATED MODULE: ./src/plans/plan-changes.ts
const UNKNOWN = '(known after apply)';
// Changes that are not changes: nothing to do, or a data source read.
const IGNORED = new Set(['no-op', 'read']);
/** JSON with object keys sorted at every depth, so attribute ordering never counts as a difference. */
function canonicalJson(value) {
    if (value === undefined || value === null)
        return 'null';
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (typeof value === 'object') {
        const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
const fieldsOf = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
// A sensitivity marker is `true` or a structure holding a `true` somewhere.
const marked = (v) => v === true || (v !== null && typeof v === 'object' && Object.values(v).some(marked));
function normalise(rc) {
    const actions = rc.change?.actions ?? [];
    if (actions.length === 0 || actions.every((a) => IGNORED.has(a)))
        return undefined;
    const address = `${rc.address ?? '?'}${rc.deposed ? ` (deposed ${rc.deposed})` : ''}`;
    // A delete is its address: what the state held before is refresh detail, not the change.
    if (actions.length === 1 && actions[0] === 'delete')
        return { address, actions, attributes: {}, sensitive: [] };
    const c = rc.change ?? {};
    const before = fieldsOf(c.before);
    const after = fieldsOf(c.after);
    const unknown = fieldsOf(c.after_unknown);
    const attributes = {};
    const sensitive = [];
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)])].sort()) {
        const was = canonicalJson(before[key]);
        const will = marked(unknown[key]) ? `${UNKNOWN}${unknown[key] === true ? '' : ` ${canonicalJson(after[key])}`}` : canonicalJson(after[key]);
        if (was === will)
            continue;
        attributes[key] = [was, will];
        if (marked(fieldsOf(c.before_sensitive)[key]) || marked(fieldsOf(c.after_sensitive)[key]))
            sensitive.push(key);
    }
    return { address, actions, attributes, sensitive };
}
/**
 * The resource changes of plan JSON (`show -json`), normalised: no-op and read
 * actions dropped (refresh-only noise and data source reads), drift
 * (`resource_drift`) and prior state ignored, attributes compared by value with
 * sorted keys, unchanged attributes left out. Sorted by address.
 */
function normalisedChanges(planJson) {
    const changes = (planJson ?? {}).resource_changes ?? [];
    return changes.flatMap((rc) => normalise(rc) ?? []).sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}
const same = (a, b) => canonicalJson([a.actions, a.attributes]) === canonicalJson([b.actions, b.attributes]);
/** Every address whose change differs between the reviewed plan JSON and the new one (empty: the same changes). */
function compareChanges(reviewed, now) {
    const before = new Map(normalisedChanges(reviewed).map((c) => [c.address, c]));
    const after = new Map(normalisedChanges(now).map((c) => [c.address, c]));
    const addresses = [...new Set([...before.keys(), ...after.keys()])].sort();
    return addresses.flatMap((address) => {
        const r = before.get(address);
        const n = after.get(address);
        if (r && n && same(r, n))
            return [];
        return [{ address, ...(r ? { reviewed: r } : {}), ...(n ? { now: n } : {}) }];
    });
}
const SECRET = '(sensitive)';
const show = (c, key) => {
    const [was, will] = c.attributes[key] ?? ['null', 'null'];
    return c.sensitive.includes(key) ? SECRET : `${was} -> ${will}`;
};
/** One difference as readable lines: what was reviewed, what is planned now, attribute by attribute. */
function describe(d) {
    const { reviewed: r, now: n } = d;
    if (!r && n)
        return [`  + ${d.address}: ${n.actions.join(', ')} planned now, not in the reviewed plan`, ...Object.keys(n.attributes).map((k) => `      ${k}: ${show(n, k)}`)];
    if (r && !n)
        return [`  - ${d.address}: ${r.actions.join(', ')} in the reviewed plan, no longer planned`];
    const rc = r;
    const nc = n;
    const lines = [`  ~ ${d.address}: reviewed ${rc.actions.join(', ')}, now ${nc.actions.join(', ')}`];
    for (const key of [...new Set([...Object.keys(rc.attributes), ...Object.keys(nc.attributes)])].sort()) {
        const was = key in rc.attributes ? show(rc, key) : 'unchanged';
        const is = key in nc.attributes ? show(nc, key) : 'unchanged';
        if (was !== is || rc.sensitive.includes(key))
            lines.push(`      ${key}: reviewed ${was}; now ${is}`);
    }
    return lines;
}
/** The readable diff of what changed since review (sensitive values masked). */
function renderChangeDiff(differences) {
    const head = `${differences.length} resource change(s) differ from the reviewed plan:`;
    return [head, ...differences.flatMap(describe)].join('\n');
}

;// CONCATENATED MODULE: ./src/plans/plan-reads.ts

const strings = (v) => typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];
/** The data sources in plan JSON's `configuration`, through every module call. */
function planReads(planJson) {
    const root = (planJson ?? {}).configuration?.root_module;
    const found = { readsData: false, remoteStateStrings: [] };
    const visit = (m) => {
        for (const r of m?.resources ?? []) {
            if (r.mode !== 'data')
                continue;
            found.readsData = true;
            if (r.type === 'terraform_remote_state')
                found.remoteStateStrings.push(...strings(r.expressions?.config));
        }
        for (const call of Object.values(m?.module_calls ?? {}))
            visit(call.module);
    };
    visit(root);
    return found;
}
/**
 * The deployments applied earlier in this run whose outputs the plan may have
 * read without seeing the new values: its upstream deployments (all applied
 * ones when the upstream is unknown) and any whose state key a
 * terraform_remote_state read names. None when the plan reads no data.
 */
function unseenUpstream(reads, applied, self, upstream) {
    if (!reads.readsData)
        return [];
    const mine = upstream ? new Set(upstream) : undefined;
    return applied.filter((a) => a.id !== self && (!mine || mine.has(a.id) || reads.remoteStateStrings.some((s) => s.includes(a.stateKey))));
}
/** Every deployment's transitive dependencies, for unseenUpstream (from the run's dependency graph). */
function upstreamOf(graph) {
    return Object.fromEntries([...graph.keys()].map((id) => [id, [...reachable(graph, id)].sort()]));
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/plans/io/plan-file-state.ts

/** One member of a zip archive (a saved plan file is a zip), or undefined when it is not there. */
function zipMember(zip, name) {
    const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
    // The end-of-central-directory record is in the last 64 KiB (its comment is at most that long).
    let end = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
        if (buf.readUInt32LE(i) === 0x06054b50) {
            end = i;
            break;
        }
    }
    if (end < 0)
        throw new Error('not a zip archive (no end of central directory)');
    let at = buf.readUInt32LE(end + 16);
    for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
        if (buf.readUInt32LE(at) !== 0x02014b50)
            throw new Error('corrupt zip central directory');
        const method = buf.readUInt16LE(at + 10);
        const size = buf.readUInt32LE(at + 20);
        const nameLength = buf.readUInt16LE(at + 28);
        const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
        const local = buf.readUInt32LE(at + 42);
        if (buf.toString('utf8', at + 46, at + 46 + nameLength) === name) {
            const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
            const data = buf.subarray(start, start + size);
            if (method === 0)
                return new Uint8Array(data);
            if (method === 8)
                return new Uint8Array((0,external_node_zlib_.inflateRawSync)(data));
            throw new Error(`zip member ${name} uses compression method ${method}`);
        }
        at += 46 + skip;
    }
    return undefined;
}
/** serial and lineage of state JSON; an empty state file counts as no state. */
function identityOf(text) {
    if (text.trim() === '')
        return { serial: 0, lineage: '' };
    const s = JSON.parse(text);
    if (typeof s.serial !== 'number' || typeof s.lineage !== 'string')
        throw new Error('the state has no serial and lineage (encrypted?)');
    return { serial: s.serial, lineage: s.lineage };
}
/** The state a saved plan was made from (its `tfstate` member): exactly what OpenTofu checks for a stale plan. */
function planFileState(plan) {
    const state = zipMember(plan, 'tfstate');
    if (!state)
        throw new Error('the saved plan holds no tfstate');
    return identityOf(new TextDecoder().decode(state));
}
/** The current state's serial and lineage in the store (serial 0, lineage "" when there is none); throws when unreadable. */
async function currentStateIdentity(objects, stateKey) {
    const bytes = await objects.get(stateKey);
    return bytes === undefined ? { serial: 0, lineage: '' } : identityOf(new TextDecoder().decode(bytes));
}

;// CONCATENATED MODULE: ./src/audit/audit-keys.ts

/**
 * Key layout of the audit trail in the orchestrator's object store:
 *
 *   audit-logs/{account}/{project}/{action}-{UTC time}-{run id}-{deployment}.json   one record per deployment per run
 *   audit-logs/_runs/{action}-{UTC time}-{run id}.json                               one record per run (summary, levels)
 *   audit-logs/_index/{YYYY}/{MM}/{DD}/{run id}/{deployment}.json                    compact index entry per record
 *   audit-logs/_index/{YYYY}/{MM}/{DD}/{run id}.json                                 the run's entries in one object
 *
 * `_runs` and `_index` start with `_`, which no account name can (see NAME_PATTERN),
 * so they never collide with an account folder. The index day is the UTC day the
 * run started; see history-index.ts for how the report uses it.
 *
 * A deployment id is `/`-separated names; in a key segment every `/` becomes `~`,
 * a character no name may contain, so the encoding is reversible.
 */
const AUDIT_PREFIX = 'audit-logs';
const INDEX_PREFIX = `${AUDIT_PREFIX}/_index`;
const RUNS_PREFIX = `${AUDIT_PREFIX}/_runs`;
/** A key part that would be unsafe or ambiguous in a key. */
class AuditKeyError extends Error {
    name = 'AuditKeyError';
}
/** The action of a run from its command and destroy flag. */
function auditAction(command, destroy) {
    return destroy ? `${command}-destroy` : command;
}
const checkName = (role, value) => {
    const problem = (0,model_names/* nameProblem */.rH)(value);
    if (problem)
        throw new AuditKeyError(`audit key: ${role} ${JSON.stringify(value)} is not valid: ${problem}`);
    return value;
};
const checkAction = (action) => {
    if (!['plan', 'apply', 'plan-destroy', 'apply-destroy'].includes(action))
        throw new AuditKeyError(`audit key: unknown action ${JSON.stringify(action)}`);
    return action;
};
/** A deployment id as one key segment: each `/` becomes `~` (every segment is validated as a name). */
function encodeDeploymentId(id) {
    const segments = id.split('/');
    segments.forEach((s) => checkName('deployment id segment', s));
    return segments.join('~');
}
/** The inverse of encodeDeploymentId. */
function decodeDeploymentId(segment) {
    return segment.split('~').join('/');
}
/** `20261105T142233Z`: UTC, second precision, sorts in time order. */
function keyTimestamp(at) {
    if (Number.isNaN(at.getTime()))
        throw new AuditKeyError('audit key: invalid time');
    return `${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}
/** Where one deployment's record of one run is stored. `at` is when the deployment finished. */
function auditRecordKey(p) {
    const file = `${checkAction(p.action)}-${keyTimestamp(p.at)}-${checkName('run id', p.runId)}-${encodeDeploymentId(p.deploymentId)}.json`;
    return `${AUDIT_PREFIX}/${checkName('account', p.account)}/${checkName('project', p.project)}/${file}`;
}
/** Where a run's own record is stored. `at` is when the run started. */
function runRecordKey(p) {
    return `${RUNS_PREFIX}/${checkAction(p.action)}-${keyTimestamp(p.at)}-${checkName('run id', p.runId)}.json`;
}
/** `audit-logs/_index/YYYY/MM/DD/` of a UTC day. */
function indexDayPrefix(day) {
    if (Number.isNaN(day.getTime()))
        throw new AuditKeyError('audit key: invalid time');
    const iso = day.toISOString();
    return `${INDEX_PREFIX}/${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/`;
}
/** The index entry of one deployment of a run (filed under the run's start day). */
function indexEntryKey(runStartedAt, runId, deploymentId) {
    return `${indexDayPrefix(runStartedAt)}${checkName('run id', runId)}/${encodeDeploymentId(deploymentId)}.json`;
}
/** The run's rolled-up index: every entry of the run in one object. */
function runIndexKey(runStartedAt, runId) {
    return `${indexDayPrefix(runStartedAt)}${checkName('run id', runId)}.json`;
}
/** What an index key names: a run's rollup or one deployment's entry; undefined for anything else. */
function parseIndexKey(key) {
    const m = key.match(/^audit-logs\/_index\/\d{4}\/\d{2}\/\d{2}\/([^/]+?)(?:\/([^/]+))?\.json$/);
    if (!m?.[1])
        return undefined;
    return m[2] === undefined ? { runId: m[1] } : { runId: m[1], deploymentId: decodeDeploymentId(m[2]) };
}

;// CONCATENATED MODULE: ./src/plans/review-ref.ts


/** Where stored plans live in the state store (one folder per repository, pull request and head commit). */
const PLANS_PREFIX = 'reviewed-plans/';
/** A review reference that cannot be used in a key. */
class ReviewRefError extends Error {
    name = 'ReviewRefError';
}
const SHA = /^[0-9a-f]{7,64}$/;
/** Why the reference is unusable, or undefined. */
function refProblem(r) {
    const parts = r.repository.split('/');
    if (parts.length !== 2)
        return `repository ${JSON.stringify(r.repository)} must be owner/repo`;
    const bad = parts.map((p) => (0,model_names/* nameProblem */.rH)(p)).find(Boolean);
    if (bad)
        return `repository ${JSON.stringify(r.repository)}: ${bad}`;
    if (!Number.isSafeInteger(r.pullRequest) || r.pullRequest < 1)
        return `pull request ${r.pullRequest} must be a positive whole number`;
    if (!SHA.test(r.headSha))
        return `head commit ${JSON.stringify(r.headSha)} must be a hexadecimal commit SHA`;
    return undefined;
}
/** `owner/repo#12@<sha>` (the `--review` flag) into a ReviewRef; throws ReviewRefError. */
function parseReviewRef(text) {
    const m = text.trim().match(/^([^#@\s]+)#(\d+)@([0-9A-Fa-f]+)$/);
    if (!m)
        throw new ReviewRefError(`review ${JSON.stringify(text)} must be owner/repo#<pull request>@<head sha>`);
    const ref = { repository: m[1], pullRequest: Number(m[2]), headSha: m[3].toLowerCase() };
    const problem = refProblem(ref);
    if (problem)
        throw new ReviewRefError(`review ${JSON.stringify(text)}: ${problem}`);
    return ref;
}
/** The folder of one review: `reviewed-plans/{owner}/{repo}/pr-{n}/{sha}/`. */
function reviewPrefix(r) {
    const problem = refProblem(r);
    if (problem)
        throw new ReviewRefError(problem);
    return `${PLANS_PREFIX}${r.repository}/pr-${r.pullRequest}/${r.headSha}/`;
}
/** Keys of a deployment's stored plan: the saved plan file, its JSON, and the metadata written last. */
function storedPlanKeys(r, deploymentId) {
    const folder = `${reviewPrefix(r)}${encodeDeploymentId(deploymentId)}/`;
    return { folder, plan: `${folder}plan.tfplan`, json: `${folder}plan.json`, meta: `${folder}meta.json` };
}
/** Whether a key is the metadata of a stored plan (what expiry reads). */
const isMetaKey = (key) => key.startsWith(PLANS_PREFIX) && key.endsWith('/meta.json');
/** `owner/repo#12@abc1234` for messages. */
const describeReview = (r) => `${r.repository}#${r.pullRequest}@${r.headSha.slice(0, 12)}`;

;// CONCATENATED MODULE: ./src/plans/stored-plan-meta.ts
const DAY_MS = 86_400_000;
/** Retention when none is configured. */
const DEFAULT_PLAN_RETENTION_DAYS = 30;
/** When a plan stored at `at` expires. */
const expiresAt = (at, retentionDays = DEFAULT_PLAN_RETENTION_DAYS) => new Date(at.getTime() + retentionDays * DAY_MS).toISOString();
/** Whether the stored plan is past its retention at `now`. */
const isExpired = (meta, now) => !(Date.parse(meta.expiresAt) > now.getTime());
/** Parses meta.json; undefined when it is not a stored plan's metadata. */
function parseStoredPlanMeta(value) {
    const m = value;
    if (!m || typeof m !== 'object' || m.schemaVersion !== 1)
        return undefined;
    const strings = [m.deploymentId, m.stateKey, m.configHash, m.planSha256, m.lineage, m.expiresAt, m.storedAt, m.runId];
    if (strings.some((s) => typeof s !== 'string') || typeof m.serial !== 'number' || typeof m.hasChanges !== 'boolean')
        return undefined;
    if (!m.review || typeof m.review.repository !== 'string' || typeof m.review.pullRequest !== 'number' || typeof m.review.headSha !== 'string')
        return undefined;
    return m;
}
/**
 * Why the stored plan cannot be applied as it is (the state or the
 * configuration moved since review), or undefined when it still can.
 */
function stored_plan_meta_staleReason(meta, now) {
    const reasons = [];
    if (now.stateKey !== undefined && now.stateKey !== meta.stateKey)
        reasons.push(`the state key moved from ${meta.stateKey} to ${now.stateKey} since review`);
    if (meta.lineage !== now.lineage)
        reasons.push(`the state's lineage is ${now.lineage || '(no state)'}, the plan was made on ${meta.lineage || '(no state)'}`);
    else if (meta.serial !== now.serial)
        reasons.push(`the state's serial is ${now.serial}, the plan was made on serial ${meta.serial} (another apply since review)`);
    if (meta.configHash !== now.configHash)
        reasons.push('the configuration or variable files differ from the reviewed ones');
    return reasons.length > 0 ? reasons.join('; ') : undefined;
}

;// CONCATENATED MODULE: ./src/plans/io/stored-plans.ts



const sha256 = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
const stored_plans_decode = (bytes) => new TextDecoder().decode(bytes);
/**
 * Stores a deployment's reviewed plan: the saved plan file, its JSON, then
 * meta.json last, so a plan without metadata is never read as complete. The
 * store encrypts every write (SSE on S3). A new plan for the same review and
 * deployment replaces the old one.
 */
async function storePlan(objects, meta, plan, json) {
    const keys = storedPlanKeys(meta.review, meta.deploymentId);
    await objects.delete(keys.meta);
    await objects.put(keys.plan, plan, { contentType: 'application/zip' });
    await objects.put(keys.json, JSON.stringify(json), { contentType: 'application/json' });
    const full = { ...meta, planSha256: sha256(plan) };
    await objects.put(keys.meta, `${JSON.stringify(full, null, 2)}\n`, { contentType: 'application/json' });
    return keys.folder;
}
/** Why a stored plan could not be read, when it exists but is unusable. */
class StoredPlanError extends Error {
    name = 'StoredPlanError';
}
/** The stored plan of a review and deployment; undefined when none was stored. Throws StoredPlanError when it is incomplete or altered. */
async function loadStoredPlan(objects, review, deploymentId) {
    const keys = storedPlanKeys(review, deploymentId);
    const metaBytes = await objects.get(keys.meta);
    if (!metaBytes)
        return undefined;
    let meta;
    try {
        meta = parseStoredPlanMeta(JSON.parse(stored_plans_decode(metaBytes)));
    }
    catch { }
    if (!meta)
        throw new StoredPlanError(`${keys.meta} is not stored-plan metadata`);
    const [plan, json] = await Promise.all([objects.get(keys.plan), objects.get(keys.json)]);
    if (!plan || !json)
        throw new StoredPlanError(`the stored plan in ${keys.folder} is incomplete`);
    if (sha256(plan) !== meta.planSha256)
        throw new StoredPlanError(`${keys.plan} does not match the SHA-256 recorded when it was stored`);
    return { meta, plan, json: JSON.parse(stored_plans_decode(json)) };
}
/** Deletes a deployment's stored plan (metadata first: a half-deleted plan is never read as complete). */
async function deleteStoredPlan(objects, review, deploymentId) {
    const keys = storedPlanKeys(review, deploymentId);
    for (const key of [keys.meta, keys.plan, keys.json])
        await objects.delete(key);
}
/**
 * Deletes every stored plan past its retention (its meta.json's expiresAt),
 * and plan folders whose metadata is unreadable once they are older than
 * `orphanMs`. Returns the folders deleted.
 */
async function pruneExpiredPlans(objects, now, orphanMs = 86_400_000) {
    const listed = await objects.list(PLANS_PREFIX);
    const folders = new Map();
    for (const info of listed) {
        const folder = info.key.slice(0, info.key.lastIndexOf('/') + 1);
        const f = folders.get(folder) ?? { keys: [], newest: 0 };
        f.keys.push(info.key);
        f.newest = Math.max(f.newest, info.lastModified.getTime());
        if (isMetaKey(info.key))
            f.meta = info.key;
        folders.set(folder, f);
    }
    const pruned = [];
    for (const [folder, f] of folders) {
        const body = f.meta ? await objects.get(f.meta) : undefined;
        let meta;
        try {
            meta = body ? parseStoredPlanMeta(JSON.parse(stored_plans_decode(body))) : undefined;
        }
        catch { }
        const expired = meta ? isExpired(meta, now) : now.getTime() - f.newest > orphanMs;
        if (!expired)
            continue;
        // Metadata first, as in deleteStoredPlan.
        for (const key of f.keys.sort((a, b) => Number(isMetaKey(b)) - Number(isMetaKey(a))))
            await objects.delete(key);
        pruned.push(folder);
    }
    return pruned;
}
const pruned = new Map();
/** pruneExpiredPlans once per run (the first deployment that needs it); a failure is returned as a message, never thrown. */
async function pruneOncePerRun(objects, runId) {
    let once = pruned.get(runId);
    if (!once)
        pruned.set(runId, (once = pruneExpiredPlans(objects, new Date())));
    try {
        const folders = await once;
        return folders.length > 0 ? `deleted ${folders.length} expired stored plan(s)` : undefined;
    }
    catch (error) {
        return `expired stored plans were not pruned: ${error instanceof Error ? error.message || error.name : String(error)}`;
    }
}

;// CONCATENATED MODULE: ./src/engine/steps/plan-step.ts


/** `plan -out -detailed-exitcode` (exit 2 = changes), with `-destroy` for destroy runs. */
const planStep = {
    phase: 'plan',
    async run(ctx) {
        const { deployment: d, settings } = ctx;
        const varFile = d.varFile ? (0,external_node_path_.join)(settings.workingDir, d.varFile) : undefined;
        const planned = await ctx.command('plan', {
            run: () => plan(ctx.call, { out: ctx.paths.planFile, varFile, destroy: settings.destroy }),
            ok: (r) => r.exitCode === 0 || r.exitCode === 2
        });
        ctx.scratch.planExitCode = planned.exitCode;
        ctx.result.hasChanges = planned.exitCode === 2;
    }
};

;// CONCATENATED MODULE: ./src/engine/steps/show-step.ts




/**
 * A plan that exited 0 has no changes: nothing to count, nothing for the
 * policy gate to judge. Review store mode still shows it: the stored plan's
 * JSON is what the apply run compares a new plan with.
 */
const nothingToShow = (ctx) => ctx.scratch.planExitCode === 0 && ctx.settings.review?.mode !== 'store';
/**
 * Nothing reads the plan JSON before apply (no policy gate, no review): `show`
 * runs beside `apply` instead of before it. Both only read the saved plan; the
 * JSON is still in the result, the audit record and every report.
 */
const besideApply = (ctx) => ctx.settings.command === 'apply' && ctx.policyGate === undefined && ctx.settings.review === undefined && ctx.scratch.planExitCode === 2;
/** `show -json` of the saved plan: the counts, and the JSON the policy gate judges (kept as plan.json). */
const showStep = {
    phase: 'show',
    async run(ctx) {
        if (nothingToShow(ctx)) {
            ctx.result.counts = { create: 0, update: 0, delete: 0, replace: 0 };
            ctx.result.hasChanges = false;
            // attempts stays 1 like every phase without retries (reports count retries as attempts - 1).
            const phases = ctx.result.phases;
            phases.show = { ...(phases.show ?? { durationMs: 0 }), attempts: 1, skipped: true };
            // The policy step does not run without plan JSON; the record says why there is no verdict.
            if (ctx.policyGate)
                phases.policy = { startedAt: new Date().toISOString(), durationMs: 0, attempts: 1, skipped: true };
            return;
        }
        if (!besideApply(ctx))
            return showPlan(ctx);
        ctx.result.hasChanges = true;
        const started = Date.now();
        // At a lower CPU priority: the other deployments' init, plan and apply are what the run waits for.
        ctx.scratch.showing = showPlan(ctx, true).then(() => undefined, (error) => (error instanceof Error ? error : new Error(String(error)))).finally(() => {
            const phase = ctx.result.phases.show;
            if (phase)
                phase.durationMs = Date.now() - started;
        });
    },
    // The deployment's result is complete only with its plan JSON: wait for a `show` that ran beside apply.
    async cleanup(ctx) {
        const error = await ctx.scratch.showing;
        if (!error || ctx.result.status !== 'succeeded')
            return;
        ctx.result.status = 'failed';
        ctx.result.error = `${error.message}${ctx.result.applied ? ' (the plan was applied)' : ''}`;
    }
};
async function showPlan(ctx, background = false) {
    let json;
    await ctx.command('show', {
        run: async () => {
            const shown = await showPlanJson(ctx.call, ctx.paths.planFile, background);
            json = shown.json;
            return shown.result;
        },
        ok: (r) => r.exitCode === 0,
        retryWhen: [],
        log: false
    });
    if (json === undefined)
        throw new StepFailure('show -json printed no plan');
    const { hasChanges, ...counts } = summarizePlan(json);
    ctx.result.counts = counts;
    ctx.result.hasChanges = hasChanges || ctx.scratch.planExitCode === 2;
    ctx.scratch.planJson = json;
    ctx.result.planJsonFile = ctx.paths.planJsonFile;
    // Directly: the text is in memory already, and the page cache takes it faster than three trips through the thread pool.
    (0,external_node_fs_.writeFileSync)(ctx.paths.planJsonFile, JSON.stringify(json));
}

;// CONCATENATED MODULE: ./src/plans/config-inputs.ts
/**
 * Which files of a module directory a plan is made from: configuration
 * (`.tf`, `.tf.json`), the provider lock file, and the variable files OpenTofu
 * loads by itself (terraform.tfvars, *.auto.tfvars). The deployment's own
 * -var-file is added by the caller.
 */
function isConfigInput(name) {
    return (name.endsWith('.tf') ||
        name.endsWith('.tf.json') ||
        name === '.terraform.lock.hcl' ||
        /^terraform\.tfvars(\.json)?$/.test(name) ||
        /\.auto\.tfvars(\.json)?$/.test(name));
}
/**
 * The text the configuration hash is taken of: one `path<TAB>sha256` line per
 * file, sorted by path, duplicates once. Paths are relative to the working
 * directory, so two checkouts of the same commit in different folders agree.
 */
function configHashText(inputs) {
    const lines = new Set(inputs.map((i) => `${i.path}\t${i.sha256}`));
    return [...lines].sort().join('\n');
}
/** Module directories from `modules.json` (`Modules[].Dir`, relative to the root module), the root itself included. */
function moduleDirs(modulesJson) {
    const modules = (modulesJson ?? {}).Modules ?? [];
    const dirs = modules.flatMap((m) => (typeof m.Dir === 'string' ? [m.Dir] : []));
    return [...new Set(['.', ...dirs])];
}

;// CONCATENATED MODULE: ./src/plans/io/config-hash.ts




const config_hash_sha256 = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
const posixRelative = (from, to) => (0,external_node_path_.relative)(from, to).split(external_node_path_.sep).join('/') || '.';
async function inputsOf(workingDir, dir) {
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true }).catch(() => []);
    const files = entries.filter((e) => !e.isDirectory() && isConfigInput(e.name)).map((e) => (0,external_node_path_.join)(dir, e.name));
    return Promise.all(files.map(async (file) => ({ path: posixRelative(workingDir, file), sha256: config_hash_sha256(await (0,promises_.readFile)(file)) })));
}
/**
 * SHA-256 over the files a plan is made from: the root module, every module
 * it calls as `init` resolved them (modules.json in the data dir: local ones
 * and downloaded ones), the lock file, auto-loaded variable files and the
 * deployment's var file. Run after init.
 */
async function configHash(input) {
    const workingDir = (0,external_node_path_.resolve)(input.workingDir);
    const rootDir = (0,external_node_path_.resolve)(input.rootDir);
    const modulesJson = await (0,promises_.readFile)((0,external_node_path_.join)((0,external_node_path_.resolve)(input.dataDir), 'modules', 'modules.json'), 'utf8')
        .then((text) => JSON.parse(text))
        .catch(() => undefined);
    const dirs = moduleDirs(modulesJson).map((d) => ((0,external_node_path_.isAbsolute)(d) ? d : (0,external_node_path_.join)(rootDir, d)));
    const inputs = (await Promise.all([...new Set(dirs)].map((d) => inputsOf(workingDir, d)))).flat();
    if (input.varFile) {
        const file = (0,external_node_path_.resolve)(workingDir, input.varFile);
        inputs.push({ path: posixRelative(workingDir, file), sha256: config_hash_sha256(await (0,promises_.readFile)(file)) });
    }
    return config_hash_sha256(configHashText(inputs));
}

;// CONCATENATED MODULE: ./src/engine/steps/store-plan-step.ts







/** The review reference of review settings (without mode and retention). */
const reviewOf = (r) => ({
    repository: r.repository,
    pullRequest: r.pullRequest,
    headSha: r.headSha
});
/** A line in the deployment's log, in its own section. */
const reviewLog = (ctx, text) => (0,promises_.appendFile)(ctx.paths.logFile, `\n=== ${ctx.settings.review?.mode ?? 'review'} ===\n${text}\n`);
/** The hash of the configuration and variable files this deployment plans from (after init). */
const deploymentConfigHash = (ctx) => configHash({ workingDir: ctx.settings.workingDir, rootDir: ctx.call.options.cwd, dataDir: ctx.paths.dataDir, varFile: ctx.deployment.varFile });
/**
 * Review mode, plan run (after the policy gate): stores the saved plan, its
 * JSON and meta.json (the state serial and lineage the plan file was made
 * from, the configuration hash, the expiry) in the state store under the pull
 * request and head commit, for the apply on merge. A plan that cannot be stored
 * fails the deployment: it could not be applied as reviewed.
 */
const storePlanStep = {
    phase: 'store-plan',
    when: (ctx) => ctx.settings.review?.mode === 'store',
    async run(ctx) {
        const settings = ctx.settings.review;
        const objects = ctx.store.objects;
        if (!objects)
            throw new StepFailure(`cannot store the reviewed plan: no object access to ${ctx.store.describe(ctx.deployment.stateKey)}`);
        const pruned = await pruneOncePerRun(objects, ctx.settings.runId);
        try {
            const plan = new Uint8Array(await (0,promises_.readFile)(ctx.paths.planFile));
            const now = new Date();
            const { counts, hasChanges } = ctx.result;
            const folder = await storePlan(objects, {
                schemaVersion: 1,
                review: reviewOf(settings),
                deploymentId: ctx.deployment.id,
                stateKey: ctx.deployment.stateKey,
                ...planFileState(plan),
                configHash: await deploymentConfigHash(ctx),
                hasChanges: hasChanges === true,
                ...(counts ? { counts } : {}),
                runId: ctx.settings.runId,
                storedAt: now.toISOString(),
                expiresAt: expiresAt(now, settings.planRetentionDays)
            }, plan, ctx.scratch.planJson);
            ctx.result.reviewedPlan = { used: false, stored: folder };
            await reviewLog(ctx, `stored the reviewed plan of ${describeReview(reviewOf(settings))} in ${objects.location}: ${folder}${pruned ? `\n${pruned}` : ''}`);
        }
        catch (error) {
            throw new StepFailure(`cannot store the reviewed plan in ${objects.location}: ${error instanceof Error ? error.message || error.name : String(error)}`);
        }
    }
};

;// CONCATENATED MODULE: ./src/engine/steps/reviewed-plan-step.ts











// Deployments that applied changes, per run: a later plan that read their outputs did not see the new values.
const appliedInRun = new Map();
// The reviewed plan JSON of a deployment that was planned again, for the comparison after show.
const replanned = new WeakMap();
const messageOf = (error) => (error instanceof Error ? error.message || error.name : String(error));
/** Why the stored plan cannot be applied as it is, or undefined. */
async function whyReplan(ctx, meta, json) {
    const objects = ctx.store.objects;
    const { id, stateKey } = ctx.deployment;
    const state = await currentStateIdentity(objects, stateKey).catch((error) => `the current state cannot be read (${messageOf(error)})`);
    const stale = typeof state === 'string' ? state : stored_plan_meta_staleReason(meta, { ...state, stateKey, configHash: await deploymentConfigHash(ctx) });
    if (stale)
        return stale;
    const upstream = unseenUpstream(planReads(json), appliedInRun.get(ctx.settings.runId) ?? [], id, ctx.settings.review?.upstream?.[id]);
    if (upstream.length > 0)
        return `it reads data and ${upstream.map((u) => u.id).join(', ')} applied changes in this run after the review`;
    return undefined;
}
/**
 * Review mode, apply run, in place of plan: applies the plan stored for the
 * pull request when the state's serial and lineage and the configuration hash
 * still match and no upstream deployment it reads applied in this run; no plan
 * command runs (the log says so). Otherwise it plans again and
 * reviewedCompareStep compares the changes after show. No stored plan (never
 * stored, blocked at review, expired): blocked.
 */
const reviewedPlanStep = {
    phase: 'reviewed-plan',
    async run(ctx) {
        const objects = ctx.store.objects;
        if (!objects)
            throw new StepFailure(`cannot read the reviewed plan: no object access to ${ctx.store.describe(ctx.deployment.stateKey)}`);
        const review = reviewOf(ctx.settings.review);
        const pruned = await pruneOncePerRun(objects, ctx.settings.runId);
        if (pruned)
            await reviewLog(ctx, pruned);
        const stored = await loadStoredPlan(objects, review, ctx.deployment.id).catch((error) => messageOf(error));
        if (stored === undefined || typeof stored === 'string' || isExpired(stored.meta, new Date())) {
            const what = typeof stored === 'string' ? stored : stored ? `it expired at ${stored.meta.expiresAt}` : 'none is stored (never planned with --review, blocked at review, or expired and pruned)';
            ctx.result.reviewedPlan = { used: false, reason: 'no-reviewed-plan' };
            return { stop: 'blocked', reason: `no-reviewed-plan: no usable reviewed plan of ${ctx.deployment.id} for ${describeReview(review)}: ${what}` };
        }
        const why = await whyReplan(ctx, stored.meta, stored.json);
        const folder = `${objects.location}: ${describeReview(review)}`;
        if (!why) {
            await (0,promises_.writeFile)(ctx.paths.planFile, stored.plan);
            ctx.scratch.planExitCode = stored.meta.hasChanges ? 2 : 0;
            ctx.result.hasChanges = stored.meta.hasChanges;
            ctx.result.reviewedPlan = { used: true, stored: folder };
            await reviewLog(ctx, `applying the reviewed plan stored by run ${stored.meta.runId} (${folder}): state serial ${stored.meta.serial}, lineage and configuration hash match; no plan command runs`);
            return;
        }
        replanned.set(ctx, { json: stored.json, why });
        ctx.result.reviewedPlan = { used: false, stored: folder, reason: why };
        await reviewLog(ctx, `planning again, the reviewed plan cannot be applied as stored: ${why}`);
        return planStep.run(ctx);
    },
    async cleanup(ctx) {
        const r = ctx.result;
        if (r.applied)
            appliedInRun.set(ctx.settings.runId, [...(appliedInRun.get(ctx.settings.runId) ?? []), { id: ctx.deployment.id, stateKey: ctx.deployment.stateKey }]);
        if (r.status !== 'succeeded' || r.reviewedPlan?.stored === undefined || !ctx.store.objects)
            return;
        // Applied (or nothing to apply): the stored plan is spent.
        await deleteStoredPlan(ctx.store.objects, reviewOf(ctx.settings.review), ctx.deployment.id)
            .then(() => reviewLog(ctx, 'deleted the stored plan after the successful apply'))
            .catch((error) => reviewLog(ctx, `the stored plan could not be deleted: ${messageOf(error)}`));
    }
};
/**
 * After show, when the deployment was planned again: the same resource
 * changes as reviewed (refresh-only noise and attribute order ignored) apply
 * the new plan; different ones block it as `plan-changed` with a readable diff
 * (its dependents are skipped).
 */
const reviewedCompareStep = {
    phase: 'review-compare',
    when: (ctx) => replanned.has(ctx),
    async run(ctx) {
        const { json, why } = replanned.get(ctx);
        const differences = compareChanges(json, ctx.scratch.planJson);
        if (differences.length === 0) {
            await reviewLog(ctx, 'the new plan has the same resource changes as the reviewed one: applying it');
            return;
        }
        const diff = renderChangeDiff(differences);
        ctx.result.reviewedPlan = { ...ctx.result.reviewedPlan, used: false, reason: 'plan-changed', diff };
        await reviewLog(ctx, `plan-changed: refused\n${diff}`);
        return { stop: 'blocked', reason: `plan-changed: the changes differ from the reviewed plan (${why}); plan the pull request again and review it.\n${diff}` };
    }
};
/** The steps that make the plan: plan and show, or in an apply of reviewed plans the stored plan, show and the comparison. */
function planningSteps(settings) {
    return settings.review?.mode === 'apply-reviewed' ? [reviewedPlanStep, showStep, reviewedCompareStep] : [planStep, showStep];
}

;// CONCATENATED MODULE: ./src/render/strip-ansi.ts
// CSI sequences (colours, cursor moves) and OSC sequences (titles, links).
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
/** Text without ANSI escape codes (for logs, notes and files that are not a terminal). */
function stripAnsi(text) {
    // Most text has no escape at all: one scan for ESC instead of the pattern's (a fleet's list is a megabyte).
    return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

;// CONCATENATED MODULE: ./src/locks/state-health.ts

/** Why a state's bytes are not a usable state (missing, empty, not JSON, no version), or undefined when they are. */
function stateProblem(bytes) {
    if (bytes === undefined)
        return 'it does not exist';
    const text = new TextDecoder().decode(bytes);
    if (text.trim() === '')
        return `it is empty (${bytes.byteLength} bytes)`;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return `it is not JSON (${error.message})`;
    }
    const version = value?.version;
    return typeof value === 'object' && value !== null && typeof version === 'number' ? undefined : 'it is JSON but not a state (no "version")';
}
/** Whether the bytes are an empty file (what a killed first apply leaves: OpenTofu creates the file to lock it). */
function isEmptyState(bytes) {
    return bytes !== undefined && new TextDecoder().decode(bytes).trim() === '';
}
const CREATED = /^\s*(.+?): Creation complete after /;
/**
 * The resources a log says were created (`<address>: Creation complete after ...`),
 * in order, each once. Only the text from the first apply section on counts when
 * the log has sections (`=== apply ...`): a plan creates nothing.
 */
function createdInLog(log) {
    const applyAt = log.search(/^=== apply\b/m);
    const text = applyAt >= 0 ? log.slice(applyAt) : log;
    const found = new Set();
    for (const line of stripAnsi(text).split('\n')) {
        const address = CREATED.exec(line)?.[1];
        if (address)
            found.add(address);
    }
    return [...found];
}
/** The resource instance addresses a state holds, as OpenTofu prints them (`module.m.type.name["key"]`). */
function addressesInState(bytes) {
    const found = new Set();
    if (stateProblem(bytes))
        return found;
    const resources = JSON.parse(new TextDecoder().decode(bytes)).resources ?? [];
    for (const r of resources) {
        const base = `${r.module ? `${r.module}.` : ''}${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
        for (const i of r.instances ?? [])
            found.add(i.index_key === undefined ? base : `${base}[${JSON.stringify(i.index_key)}]`);
    }
    return found;
}
/** A backend lock object's content, or undefined when it is not one. */
function parseTofuLock(text) {
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Whether a backend lock was left by the process that was killed: taken by this
 * user on this host (`Who`), not before `since` (when the killed command started).
 * An unreadable lock object counts too: OpenTofu writes it whole, so a torn one
 * is a kill's leftover.
 */
function lockLeftByKill(info, who, since) {
    if (!info)
        return true;
    const created = info.Created ? Date.parse(info.Created) : Number.NaN;
    // One second of slack: Created is the backend's clock reading, since ours.
    return info.Who === who && !Number.isNaN(created) && created >= since.getTime() - 1000;
}

;// CONCATENATED MODULE: ./src/locks/io/state-repair.ts



const state_repair_sha256 = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
/** The newest backup of `stateKey` that is a readable state (the recorded one first, if it matches its checksum). */
async function usableBackup(objects, stateKey, recorded) {
    const listed = (await objects.list(`backups/${stateKey}.`)).map((o) => o.key).filter((k) => k.endsWith('.backup'));
    // Backup keys end in a UTC timestamp, so the newest sorts last.
    const keys = [...new Set([...(recorded?.key ? [recorded.key] : []), ...listed.sort().reverse()])];
    for (const key of keys) {
        const bytes = await objects.get(key);
        if (!bytes || stateProblem(bytes))
            continue;
        if (key === recorded?.key && recorded.sha256 && state_repair_sha256(bytes) !== recorded.sha256)
            continue;
        return { key, bytes };
    }
    return undefined;
}
/**
 * After a command was killed during apply: is the state still readable? If it
 * is empty or corrupt, put the newest verified backup back and name what the log
 * says was created since (those resources are in no state now). Either way,
 * remove a backend lock the killed process left behind. Never throws.
 */
async function checkStateAfterKill(store, stateKey, o) {
    const objects = store.objects;
    if (!objects)
        return { status: 'ok', error: 'the state store has no object access: nothing checked' };
    const check = { status: 'ok' };
    try {
        const lockKey = store.lockKey?.(stateKey);
        const lockBytes = lockKey ? await objects.get(lockKey) : undefined;
        if (lockKey && lockBytes && lockLeftByKill(parseTofuLock(new TextDecoder().decode(lockBytes)), o.who ?? backendLockWho(), o.since)) {
            await objects.delete(lockKey);
            check.releasedLock = lockKey;
        }
        const bytes = await objects.get(stateKey);
        const problem = stateProblem(bytes);
        // A killed OpenTofu loses what it created since it last saved the state, even when the file is intact.
        const lost = (state) => {
            const held = addressesInState(state);
            const missing = createdInLog(o.log).filter((address) => !held.has(address));
            return missing.length > 0 ? { createdSinceBackup: missing } : {};
        };
        if (!problem)
            return { ...check, ...lost(bytes) };
        check.problem = problem;
        const backup = await usableBackup(objects, stateKey, o.backup);
        if (backup) {
            await objects.put(stateKey, backup.bytes);
            return { ...check, status: 'restored', restoredFrom: backup.key, ...lost(backup.bytes) };
        }
        Object.assign(check, lost(undefined));
        // No backup and nothing in the file: there was no state to lose, only what the log names.
        if (bytes === undefined || isEmptyState(bytes))
            return { ...check, status: 'missing' };
        return { ...check, status: 'unrecoverable', error: `no readable backup of ${stateKey}` };
    }
    catch (error) {
        return { ...check, status: check.status, error: error.message };
    }
}

;// CONCATENATED MODULE: ./src/engine/steps/state-check-step.ts





/** Whether the apply was ended from outside (timeout, cancellation, a signal) rather than failing on its own. */
function killedDuringApply(r) {
    const apply = r.phases.apply;
    if (!apply)
        return false;
    return r.status === 'timed-out' || r.status === 'cancelled' || (r.status === 'failed' && apply.exitCode === null);
}
/**
 * Guards the state around a kill. Before anything runs (right after the run
 * lock): refuse a state that is corrupt, or empty although it has backups,
 * since OpenTofu would read an empty file as "no resources" and create them all again. After a
 * deployment killed during apply: check the state is readable, put the verified
 * backup back if it is not, remove the backend lock the killed process left,
 * and record what the log says was created since the backup.
 */
const stateCheckStep = {
    phase: 'state-check',
    when: (ctx) => ctx.store.objects !== undefined,
    async run(ctx) {
        const { stateKey } = ctx.deployment;
        const objects = ctx.store.objects;
        // State a failed save left behind is pushed back by the errored-state step (after init); the stored state is expected to be stale then.
        if ((0,external_node_fs_.existsSync)(erroredStateFile(ctx.paths.dataDir)))
            return;
        const bytes = await objects.get(stateKey);
        const problem = bytes === undefined ? undefined : stateProblem(bytes);
        if (!problem)
            return;
        // Empty with no backup: a first apply killed before it wrote anything; OpenTofu reads it as new.
        if (isEmptyState(bytes) && (await objects.list(`backups/${stateKey}.`)).length === 0)
            return;
        return {
            stop: 'failed',
            reason: `the state ${ctx.store.describe(stateKey)} is unusable: ${problem}. A killed run may have left it so; ` +
                `put back its newest backup (backups/${stateKey}.<time>.backup) and import what was created since`
        };
    },
    async cleanup(ctx) {
        const r = ctx.result;
        if (!killedDuringApply(r))
            return;
        const log = await (0,promises_.readFile)(ctx.paths.logFile, 'utf8').catch(() => '');
        const since = new Date(r.phases.apply?.startedAt ?? r.startedAt ?? 0);
        r.stateCheck = await checkStateAfterKill(ctx.store, r.stateKey, {
            log,
            since,
            ...(r.backup?.status === 'backed-up' ? { backup: { key: r.backup.key, sha256: r.backup.sha256 } } : {})
        });
    }
};

;// CONCATENATED MODULE: ./src/engine/pipeline.ts












/**
 * The steps every deployment of a run goes through, decided once from the run
 * settings. plan: the deployment's run lock (held until it ends), a check
 * that its state is readable, key check, init, push back state a failed save
 * left behind, plan, show, policy. apply: the same, then
 * the state backup, apply and the key record (a destroy run plans with
 * -destroy through the same steps). With --review a plan run stores its
 * plans after the gate, and an apply run applies the stored plans instead of
 * planning (see reviewed-plan-step.ts). A new step is one file in steps/ and one
 * entry here.
 */
function pipelineFor(settings) {
    const review = [runLockStep, stateCheckStep, keyCheckStep, initStep, erroredStateStep, ...planningSteps(settings), policyStep];
    if (settings.command !== 'apply')
        return [...review, prLockStep, storePlanStep];
    // The verified backup first: with the store unreachable, apply is refused with the backup's reason.
    return [...review, backupStateStep, prLockStep, applyStep, keyRecordStep];
}

;// CONCATENATED MODULE: ./src/engine/run-folders.ts

/** Creates a folder and its parents; nothing when it exists. */
const makeFolder = (path) => (0,promises_.mkdir)(path, { recursive: true });
/**
 * One run's folder creation, for the folders every deployment of the run
 * shares (its log folder): made once instead of once per deployment. The run
 * owns them; nothing removes them while it runs.
 */
function runFolders() {
    const made = new Map();
    return (path) => {
        let done = made.get(path);
        if (!done) {
            done = makeFolder(path);
            made.set(path, done);
            // A failed creation is not remembered: the next deployment tries again.
            done.catch(() => made.delete(path));
        }
        return done;
    };
}

;// CONCATENATED MODULE: ./src/schedule/retry-policy.ts
/** The first retry pattern `output` matches (plain substring, case-insensitive), if any. */
function retryableMatch(output, patterns) {
    const lower = output.toLowerCase();
    return patterns.find((p) => lower.includes(p.toLowerCase()));
}
/** Exponential backoff with ±20% jitter: initial, 2x, 4x ... capped at 5 minutes. */
function backoffMs(attempt, initialMs, random = Math.random) {
    const base = Math.min(initialMs * 2 ** Math.max(0, attempt - 1), 300_000);
    return Math.round(base * (0.8 + 0.4 * random()));
}

;// CONCATENATED MODULE: ./src/engine/run-step-command.ts






/**
 * One command of a step, with retries for the configured patterns; every
 * attempt's output goes to the deployment's log. Throws StepFailure when it failed.
 */
async function runStepCommand(ctx, phase, command) {
    const { result, settings, signal } = ctx;
    const record = (result.phases[phase] ??= { startedAt: new Date().toISOString(), durationMs: 0, attempts: 0 });
    for (let attempt = 1;; attempt++) {
        result.attempts++;
        const r = await command.run();
        record.attempts = attempt;
        record.exitCode = r.exitCode;
        const logged = command.log === false ? r.stderr : r.output;
        // Directly: a small append to a log that is never synced costs less than three trips through the thread pool.
        (0,external_node_fs_.appendFileSync)(ctx.paths.logFile, `\n=== ${phase} (attempt ${attempt}, exit ${r.exitCode}) ===\n${logged}`);
        if (command.ok(r))
            return r;
        if (r.interrupted || signal.aborted)
            throw new StepFailure(`${phase} interrupted`);
        const matched = retryableMatch(r.output, command.retryWhen ?? settings.retry.patterns);
        if (!matched || attempt >= settings.retry.maxAttempts)
            throw new StepFailure(`${phase} failed (exit ${r.exitCode}): ${stripAnsi(errorLine(r.output))}`);
        const delayMs = backoffMs(attempt, settings.retry.initialDelayMs);
        result.retries.push({ phase, attempt, matched, delayMs });
        await (0,external_node_timers_promises_.setTimeout)(delayMs, undefined, { signal }).catch(() => undefined);
        if (signal.aborted)
            throw new StepFailure(`${phase} interrupted`);
    }
}

;// CONCATENATED MODULE: ./src/engine/run-deployment.ts





/** Where a deployment's files go: its own data dir, plan and log. */
function deploymentPaths(settings, d) {
    const dataDir = (0,external_node_path_.join)(settings.workDir, ...d.id.split('/'));
    return {
        dataDir,
        // Plans belong to their run: two runs in one working directory never apply each other's plans.
        planFile: (0,external_node_path_.join)(settings.runDir, 'plans', ...d.id.split('/'), 'plan.tfplan'),
        planJsonFile: (0,external_node_path_.join)(settings.runDir, 'plans', ...d.id.split('/'), 'plan.json'),
        logFile: (0,external_node_path_.join)(settings.runDir, 'logs', `${d.id.replace(/\//g, '__')}.log`)
    };
}
/**
 * Runs one deployment through its steps. Owns what every step shares: the
 * timeout and cancellation, retries for the configured patterns, the log, phase
 * timings and the phase events. Never throws: every outcome, an unexpected
 * error included, is a DeploymentResult.
 */
async function runDeployment(d, ctx) {
    const { settings } = ctx;
    const started = Date.now();
    const paths = deploymentPaths(settings, d);
    const result = {
        id: d.id,
        name: d.name,
        services: d.services,
        stateKey: d.stateKey,
        reasons: d.reasons,
        status: 'succeeded',
        phases: {},
        attempts: 0,
        retries: [],
        workerId: ctx.workerId,
        startedAt: new Date(started).toISOString(),
        durationMs: 0,
        logFile: paths.logFile
    };
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error('timeout')), settings.timeoutMs);
    const signal = AbortSignal.any([ctx.cancel, timeout.signal]);
    const call = {
        exec: ctx.exec,
        binary: settings.binary,
        noColor: settings.noColor,
        options: {
            cwd: (0,external_node_path_.join)(settings.workingDir, d.rootDir),
            env: { ...settings.env, TF_DATA_DIR: paths.dataDir, TF_IN_AUTOMATION: '1', TF_INPUT: '0', TF_PLUGIN_CACHE_DIR: settings.pluginCacheDir },
            signal,
            graceMs: settings.graceMs,
            onLine: ctx.onOutputLine
        }
    };
    const stepCtx = {
        deployment: d,
        settings,
        result,
        paths,
        call,
        store: ctx.store,
        initGate: ctx.initGate,
        policyGate: ctx.policyGate,
        signal,
        scratch: {},
        command: (phase, command) => runStepCommand(stepCtx, phase, command)
    };
    const begun = [];
    try {
        if (ctx.deploymentEnv)
            Object.assign(call.options.env, await ctx.deploymentEnv(d));
        // The deployment's own folders directly: a few mkdir calls cost less than trips through the thread pool.
        (0,external_node_fs_.mkdirSync)(paths.dataDir, { recursive: true });
        await (ctx.folders ?? makeFolder)((0,external_node_path_.dirname)(paths.logFile));
        // A plan folder mkdir just created holds no plan file of an earlier attempt to remove.
        if ((0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(paths.planFile), { recursive: true }) === undefined)
            (0,external_node_fs_.rmSync)(paths.planFile, { force: true });
        for (const step of ctx.steps) {
            if (step.when && !step.when(stepCtx))
                continue;
            begun.push(step);
            const phaseStarted = Date.now();
            const record = (result.phases[step.phase] ??= { startedAt: new Date(phaseStarted).toISOString(), durationMs: 0, attempts: 0 });
            let stopped;
            try {
                stopped = await step.run(stepCtx);
            }
            finally {
                record.durationMs = Date.now() - phaseStarted;
                if (record.attempts === 0)
                    record.attempts = 1;
            }
            if (stopped) {
                result.status = stopped.stop;
                result.error = stopped.reason;
                break;
            }
            await ctx.onPhase(step.phase, result);
        }
    }
    catch (error) {
        result.status = timeout.signal.aborted ? 'timed-out' : ctx.cancel.aborted ? 'cancelled' : 'failed';
        result.error =
            result.status === 'timed-out'
                ? `timed out after ${Math.round(settings.timeoutMs / 1000)}s`
                : error instanceof StepFailure
                    ? error.message
                    : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    }
    finally {
        // After-hooks run last-started first, whatever happened.
        for (const step of begun.reverse())
            await step.cleanup?.(stepCtx).catch(() => undefined);
        clearTimeout(timer);
        result.durationMs = Date.now() - started;
        result.stateBytes = await ctx.store.stateBytes(d.stateKey).catch(() => undefined);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/engine/run-settings.ts
/** Estimate for a deployment never seen before. */
const DEFAULT_ESTIMATE_MS = 60_000;

;// CONCATENATED MODULE: ./src/engine/execute-run.ts










/**
 * Runs the selected deployments on the worker pool and returns the summary.
 * It writes nothing itself: every output (progress, summary.json, history,
 * audit, comments) is an observer receiving the run's events in order.
 */
async function executeRun(input) {
    const { settings } = input;
    const observer = combineObservers(input.observers, input.onObserverError);
    const startedAt = new Date();
    const byId = new Map(input.deployments.map((d) => [d.id, d]));
    // Destroying goes the other way: dependents first.
    const graph = settings.destroy ? dependentsOf(input.graph) : input.graph;
    const levels = settings.destroy ? [...input.levels].reverse() : input.levels;
    const estimates = input.estimates ?? {};
    const priority = criticalPathLengths(graph, (id) => estimates[id] ?? DEFAULT_ESTIMATE_MS);
    const steps = input.steps ?? pipelineFor(settings);
    const results = new Map();
    const initGate = new InitGate();
    const folders = runFolders();
    // Events reach observers one at a time, in the order they happened.
    let chain = Promise.resolve();
    const emit = (event) => (chain = chain.then(event).then(() => undefined));
    // A worker goes on without waiting for the observers of its start and phases (they may be busy with another
    // deployment's audit record); they get the result as it was then. It waits for its own deploymentFinished, so
    // its record is written before it takes the next deployment. With --debug, output lines are printed directly:
    // the progress before them must be out first.
    const queued = (event) => (settings.debug ? emit(event) : void emit(event));
    await emit(() => observer.runStarted({ settings, deployments: input.deployments, levels, binary: input.binary, startedAt }));
    const stats = await runPool({
        graph,
        priority,
        workers: settings.workers,
        cancel: input.cancel,
        throttle: settings.throttle,
        levels: settings.strategy === 'levels' ? levels : undefined,
        runUnit: async (id, workerId) => {
            const d = byId.get(id);
            await queued(() => observer.deploymentStarted(d, workerId));
            const result = await runDeployment(d, {
                settings,
                steps,
                exec: input.exec,
                store: input.store,
                initGate,
                policyGate: input.policyGate,
                cancel: input.cancel,
                workerId,
                onPhase: (phase, r) => {
                    const soFar = { ...r, phases: { ...r.phases }, retries: [...r.retries] };
                    return queued(() => observer.phaseFinished(phase, soFar));
                },
                deploymentEnv: input.deploymentEnv,
                folders,
                onOutputLine: settings.debug ? (line) => observer.outputLine(d.id, line) : undefined
            });
            results.set(id, result);
            await emit(() => observer.deploymentFinished(result));
            return result.status === 'succeeded';
        },
        onSkip: (id, because) => {
            const result = notStartedResult(byId.get(id), because, input.cancel.aborted);
            results.set(id, result);
            void emit(() => observer.deploymentFinished(result));
        }
    });
    const finishedAt = new Date();
    const ordered = levels.flat().map((id) => results.get(id));
    const summary = {
        runId: settings.runId,
        command: settings.command,
        destroy: settings.destroy,
        binary: input.binary,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        workers: settings.workers,
        executionLevels: levels,
        parallelDeployments: stats.maxParallel,
        cancelled: input.cancel.aborted,
        totals: totalsOf(ordered, settings.command),
        deployments: ordered
    };
    await emit(() => observer.runFinished(summary));
    return summary;
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 1 modules
var lib_exec = __webpack_require__(41955);
;// CONCATENATED MODULE: ./src/policy/gate-module.ts
/** The package a Rego module declares (its first `package` statement). */
function regoPackage(source) {
    const match = /^\s*package\s+([A-Za-z_][\w.]*)\s*$/m.exec(source);
    return match?.[1];
}
const GATE_PACKAGE = 'tforch_gate';
/**
 * A Rego module that gathers `deny` and `warn` of every loaded package into
 * one document, so each plan is evaluated with a single query. Results are
 * sets, so a package that re-exports another's results adds no duplicates.
 */
function gateModule(packages) {
    const lines = [`package ${GATE_PACKAGE}`, ''];
    for (const pkg of [...new Set(packages)].sort()) {
        if (pkg === GATE_PACKAGE)
            continue;
        const ref = `data.${pkg}`;
        lines.push(`deny contains finding(r) if some r in ${ref}.deny`);
        lines.push(`warn contains finding(r) if some r in ${ref}.warn`);
    }
    lines.push('', 'finding(r) := {"msg": r} if is_string(r)', '', 'finding(r) := r if not is_string(r)', '');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/policy/verdict.ts

/** Normalises a raw rule result: a string message or an object with `msg`. */
function toFinding(raw) {
    if (typeof raw === 'string')
        return { msg: raw };
    if (raw && typeof raw === 'object') {
        const r = raw;
        const str = (k) => (typeof r[k] === 'string' ? r[k] : undefined);
        return { id: str('id'), msg: str('msg') ?? JSON.stringify(raw), severity: str('severity'), resource: str('resource'), remediation: str('remediation') };
    }
    return { msg: JSON.stringify(raw) };
}
/** Whether `id` matches a waiver's deployment pattern (see idPattern). */
function matchesDeployment(pattern, id) {
    return idPattern(pattern).test(id);
}
/**
 * Decides one deployment's verdict (pure). Deny findings block in enforce mode
 * unless a current waiver names their rule id and the deployment; an expired
 * waiver stops working and is reported; any evaluation error blocks (fail closed).
 */
function decideVerdict(input) {
    const denies = [];
    const waived = [];
    const expired = new Set();
    for (const finding of input.deny.map(toFinding).sort(byIdThenMsg)) {
        const candidates = input.waivers.filter((w) => finding.id !== undefined && w.rule === finding.id && matchesDeployment(w.deployment, input.deploymentId));
        const current = candidates.find((w) => w.expires >= input.today);
        if (current)
            waived.push({ finding, waiver: current });
        else {
            candidates.forEach((w) => expired.add(w));
            denies.push(finding);
        }
    }
    const errors = [...(input.errors ?? [])];
    const blocking = denies.length > 0 || errors.length > 0;
    return {
        allowed: input.mode !== 'enforce' || !blocking,
        mode: input.mode,
        denies,
        warnings: input.warn.map(toFinding).sort(byIdThenMsg),
        waived,
        expiredWaivers: [...expired],
        errors
    };
}
function byIdThenMsg(a, b) {
    return (a.id ?? '').localeCompare(b.id ?? '') || a.msg.localeCompare(b.msg);
}
/** One line for progress output and the error column. */
function verdictSummary(v) {
    if (v.errors.length > 0)
        return `policy evaluation failed (fail closed): ${v.errors[0]}`;
    const parts = [];
    if (v.denies.length)
        parts.push(`${v.denies.length} denied${v.mode === 'warn' ? ' (warn mode)' : ''}: ${v.denies.map((d) => d.id ?? d.msg).join(', ')}`);
    if (v.warnings.length)
        parts.push(`${v.warnings.length} warning${v.warnings.length === 1 ? '' : 's'}`);
    if (v.waived.length)
        parts.push(`${v.waived.length} waived: ${v.waived.map((w) => w.finding.id).join(', ')}`);
    if (v.expiredWaivers.length)
        parts.push(`expired waiver${v.expiredWaivers.length === 1 ? '' : 's'}: ${v.expiredWaivers.map((w) => `${w.rule} (expired ${w.expires})`).join(', ')}`);
    const head = v.allowed ? 'policy passed' : 'blocked by policy';
    return parts.length ? `${head}: ${parts.join('; ')}` : head;
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/policy/io/builtin-policies.ts



/**
 * The shipped policy library: the `policies/` folder beside action.yml, found
 * by walking up from this module (src/policy/ in development, dist/ when bundled).
 */
function builtinPoliciesDir(from = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url))) {
    for (let dir = from;; dir = (0,external_node_path_.dirname)(dir)) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'action.yml')) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'policies')))
            return (0,external_node_path_.join)(dir, 'policies');
        if ((0,external_node_path_.dirname)(dir) === dir)
            return undefined;
    }
}
/** The shipped library (unless configuration turns it off) and the user's folders, relative to the working directory. */
function policyPaths(workingDir, policies) {
    const paths = policies.paths.map((p) => (0,external_node_path_.join)(workingDir, p));
    const builtin = policies.builtin ? builtinPoliciesDir() : undefined;
    return builtin ? [builtin, ...paths] : paths;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
;// CONCATENATED MODULE: ./src/policy/io/opa-server.ts



/** POSTs to the server's Data API over its socket; resolves with `result` (undefined when the document is undefined). */
function post(socketPath, path, body, timeoutMs) {
    return new Promise((resolve, reject) => {
        const req = (0,external_node_http_.request)({ socketPath, path, method: path.startsWith('/health') ? 'GET' : 'POST', headers: { 'content-type': 'application/json' }, timeout: timeoutMs }, (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => {
                try {
                    resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined });
                }
                catch (error) {
                    reject(error);
                }
            });
        });
        req.on('timeout', () => req.destroy(new Error(`OPA did not answer within ${timeoutMs} ms`)));
        req.on('error', reject);
        if (!path.startsWith('/health'))
            req.write(body);
        req.end();
    });
}
/** Starts OPA serving `paths` (stop() waits `stopGraceMs` after SIGTERM, then kills) (policy folders and files); rejects with OPA's own message when it cannot start. */
async function startOpaServer(opa, paths, socketPath, stopGraceMs = 2000) {
    let stderr = '';
    let exited;
    const proc = (0,external_node_child_process_.spawn)(opa, ['run', '--server', '--addr', `unix://${socketPath}`, '--log-level', 'error', '--skip-version-check', ...paths], {
        stdio: ['ignore', 'ignore', 'pipe']
    });
    proc.stderr?.on('data', (d) => (stderr += d));
    const failedToStart = new Promise((_, reject) => {
        proc.on('error', (error) => reject(new Error(`cannot run ${opa}: ${error.message}`)));
        proc.on('exit', (code) => {
            exited = code;
            reject(new Error(`OPA exited (code ${code}): ${opaErrors(stderr)}`));
        });
    });
    failedToStart.catch(() => undefined);
    const ready = (async () => {
        for (let i = 0; i < 300; i++) {
            if (exited !== undefined)
                break;
            try {
                if ((await post(socketPath, '/health', '', 1000)).status === 200)
                    return;
            }
            catch {
                // not listening yet
            }
            await (0,external_node_timers_promises_.setTimeout)(50);
        }
        throw new Error(`OPA did not become ready: ${stderr.trim()}`);
    })();
    await Promise.race([ready, failedToStart]);
    return {
        async evaluate(path, input, timeoutMs) {
            const { status, json } = await post(socketPath, `/v1/data/${path.replace(/\./g, '/')}`, JSON.stringify({ input }), timeoutMs);
            const body = json;
            if (status !== 200)
                throw new Error(`OPA evaluation failed (HTTP ${status}): ${body?.message ?? ''} ${(body?.errors ?? []).map((e) => e.message).join('; ')}`.trim());
            return body?.result;
        },
        async stop() {
            // Bounded: SIGTERM, then SIGKILL; a hung OPA never keeps the CLI waiting after its summary.
            if (exited === undefined) {
                const gone = new Promise((r) => proc.once('exit', r));
                proc.kill('SIGTERM');
                if ((await Promise.race([gone.then(() => true), (0,external_node_timers_promises_.setTimeout)(stopGraceMs, false, { ref: false })])) === false) {
                    proc.kill('SIGKILL');
                    await Promise.race([gone, (0,external_node_timers_promises_.setTimeout)(1000, undefined, { ref: false })]);
                }
            }
            proc.stderr?.destroy();
            proc.unref();
        }
    };
}
/** OPA logs JSON lines; keep the errors (the text otherwise). */
function opaErrors(stderr) {
    const errors = [];
    for (const line of stderr.split('\n')) {
        try {
            const entry = JSON.parse(line);
            if (entry.level === 'error')
                errors.push([entry.msg, entry.err].filter(Boolean).join(': '));
        }
        catch {
            // not a log line
        }
    }
    return errors.length ? errors.join('; ') : stderr.trim().slice(0, 2000);
}

;// CONCATENATED MODULE: ./src/policy/io/policy-gate.ts









// Tests and their sample data are not policies.
/** The gate options that come from `policies:` in configuration (paths, waivers, timeout). */
function gateOptions(workingDir, policies) {
    return { paths: policyPaths(workingDir, policies), waivers: policies.waivers, timeoutMs: policies.timeout_seconds * 1000 };
}
const policy_gate_IGNORED = ['--ignore', '*_test.rego', '--ignore', 'testdata'];
/**
 * Compiles the policies once for the run (one OPA server) and returns the gate
 * that evaluates each plan. Any problem setting it up does not throw: the gate
 * then blocks every deployment with that message (fail closed).
 */
async function openPolicyGate(options) {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const verdictFor = (deploymentId, deny, warn, errors) => decideVerdict({ deploymentId, mode: options.mode, deny, warn, waivers: options.waivers, errors, today });
    const failClosed = (message) => ({
        setupError: message,
        gate: async (d) => {
            const verdict = verdictFor(d.id, [], [], [message]);
            return { allowed: verdict.allowed, details: verdict, summary: verdictSummary(verdict) };
        },
        close: async () => undefined
    });
    let server;
    let socketDir;
    const removeSocketDir = async () => {
        if (socketDir)
            await (0,promises_.rm)(socketDir, { recursive: true, force: true });
    };
    try {
        for (const path of options.paths)
            if (!(0,external_node_fs_.existsSync)(path))
                return failClosed(`policy folder ${path} does not exist`);
        const packages = new Set();
        for (const path of options.paths)
            for (const file of await regoFiles(path)) {
                const pkg = regoPackage(await (0,promises_.readFile)(file, 'utf8'));
                if (pkg)
                    packages.add(pkg);
            }
        await (0,promises_.mkdir)(options.workDir, { recursive: true });
        const gateFile = (0,external_node_path_.join)(options.workDir, 'gate.rego');
        await (0,promises_.writeFile)(gateFile, gateModule([...packages]));
        const sources = [...options.paths, gateFile];
        const check = await runOpaCheck(options.opa, sources);
        if (check)
            return failClosed(check);
        // A unix socket path must be short (108 bytes): it lives in its own temporary folder.
        socketDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tforch-opa-'));
        server = await startOpaServer(options.opa, [...policy_gate_IGNORED, ...sources], (0,external_node_path_.join)(socketDir, 'opa.sock'));
    }
    catch (error) {
        await removeSocketDir();
        return failClosed(error.message);
    }
    const opa = server;
    return {
        gate: async (d, plan) => {
            let verdict;
            try {
                const result = ((await opa.evaluate(GATE_PACKAGE, plan, options.timeoutMs)) ?? {});
                verdict = verdictFor(d.id, result.deny ?? [], result.warn ?? [], []);
            }
            catch (error) {
                verdict = verdictFor(d.id, [], [], [error.message]);
            }
            return { allowed: verdict.allowed, details: verdict, summary: verdictSummary(verdict) };
        },
        close: async () => {
            await opa.stop();
            await removeSocketDir();
        }
    };
}
/** `opa check`: the compile errors, naming file and line, or undefined when the policies compile. */
async function runOpaCheck(opa, sources) {
    let result;
    try {
        result = await (0,lib_exec.getExecOutput)(opa, ['check', '--v1-compatible', ...policy_gate_IGNORED, ...sources], { silent: true, ignoreReturnCode: true });
    }
    catch (error) {
        return `OPA is needed for the policy gate and ${JSON.stringify(opa)} cannot be run (${error.message.split('.')[0]}); install OPA or set policies.mode: off`;
    }
    if (result.exitCode === 0)
        return undefined;
    // OPA's first line names the file and line; the rest is a caret drawing.
    const text = (result.stderr || result.stdout).trim();
    const located = text.split('\n').filter((l) => /\.rego:\d+/.test(l));
    return `policies do not compile: ${(located.length ? located : text.split('\n').slice(0, 1)).join('; ')}`;
}
async function regoFiles(dir) {
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true, recursive: true });
    return entries
        .filter((e) => e.isFile() && e.name.endsWith('.rego') && !e.name.endsWith('_test.rego'))
        .map((e) => (0,external_node_path_.join)(e.parentPath, e.name))
        .sort();
}

;// CONCATENATED MODULE: ./src/state/state-store.ts
/** The lock object OpenTofu's local backend writes beside a state file: `dir/.name.lock.info`. */
function localLockKey(stateKey) {
    const slash = stateKey.lastIndexOf('/');
    return `${stateKey.slice(0, slash + 1)}.${stateKey.slice(slash + 1)}.lock.info`;
}
/** The lock object of OpenTofu's S3 backend with `use_lockfile`: `key.tflock`. */
function s3LockKey(stateKey) {
    return `${stateKey}.tflock`;
}

;// CONCATENATED MODULE: ./src/state/io/local-object-store.ts
// long file: one ObjectStore on a folder; its operations share the atomic-write and path helpers.





// Temporary files sit beside their target (so rename stays on one file system)
// under a name no key can have, and list() never shows them.
const TEMP_MARK = '.tfo-tmp-';
// Created exclusively; where the platform has O_DSYNC, each write returns once its data (and the size) is on disk: fdatasync without a call of its own.
const DSYNC = external_node_fs_.constants.O_DSYNC;
const TEMP_FLAGS = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | (DSYNC ?? 0);
// Locks, key records and most states are a few KiB: read directly, without a trip through the thread pool per step.
const SMALL = 256 * 1024;
/** A file's content when it is small (undefined: larger, read it asynchronously); throws like readFile (ENOENT, EISDIR). */
function readSmall(path) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        if (size > SMALL)
            return undefined;
        // A file that grew since the stat is read the slow way, in full.
        const buffer = Buffer.allocUnsafe(size + 1);
        let length = 0;
        for (let n; length < buffer.length && (n = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, null)) > 0;)
            length += n;
        return length > size ? undefined : buffer.subarray(0, length);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
const codeOf = (error) => error.code;
/** The path names nothing: it is missing, or a file stands where a folder on the way should be. */
const absent = (error) => codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR';
const local_object_store_sha256 = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
/** Removes a file that may be gone already (a temporary name, a stale mutex). */
function removeQuietly(path) {
    try {
        (0,external_node_fs_.unlinkSync)(path);
    }
    catch {
        // gone already, or left for the next write's O_EXCL to refuse
    }
}
/** Every file below `dir`, as paths relative to it; none when it does not exist. */
async function filesBelow(dir) {
    let entries;
    try {
        entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    }
    catch (error) {
        if (absent(error))
            return [];
        throw error;
    }
    const found = [];
    for (const entry of entries) {
        if (entry.isDirectory())
            found.push(...(await filesBelow((0,external_node_path_.join)(dir, entry.name))).map((p) => (0,external_node_path_.join)(entry.name, p)));
        else if (entry.isFile() && !entry.name.includes(TEMP_MARK))
            found.push(entry.name);
    }
    return found;
}
// A conditional write holds its key's mutex for milliseconds: one older than this was left by a process that died holding it.
const STALE_MUTEX_MS = 30_000;
// Created exclusively, as 'wx' would (nothing is written to it).
const MUTEX_FLAGS = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL;
/** Runs `work` holding `<path><TEMP_MARK>cas`, a file created exclusively (list() never shows it). */
async function withKeyMutex(key, path, work) {
    const mutex = `${(0,external_node_path_.dirname)(path)}${external_node_path_.sep}${TEMP_MARK}cas.${(0,external_node_path_.basename)(path)}`;
    for (;;) {
        try {
            (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(mutex, MUTEX_FLAGS, 0o666));
            break;
        }
        catch (error) {
            if (codeOf(error) === 'ENOENT')
                throw new ObjectChangedError(key); // no folder: no object to replace
            if (codeOf(error) !== 'EEXIST')
                throw error;
        }
        const held = await (0,promises_.stat)(mutex).catch(() => undefined);
        if (held && Date.now() - held.mtimeMs > STALE_MUTEX_MS)
            removeQuietly(mutex);
        else
            await new Promise((resolve) => setTimeout(resolve, 5));
    }
    try {
        return await work();
    }
    finally {
        removeQuietly(mutex);
    }
}
/**
 * An ObjectStore on a folder: a key is a path below it. Writes go to a temporary
 * file first and then replace (rename) or, create-only, hard-link the target,
 * which fails atomically when it exists. Local files are not encrypted.
 */
function localObjectStore(root) {
    const pathOf = (key) => {
        const problem = objectKeyProblem(key) ?? (key.includes(TEMP_MARK) ? `object key ${key} contains ${TEMP_MARK}` : undefined);
        if (problem)
            throw new Error(problem);
        return (0,external_node_path_.join)(root, ...key.split('/'));
    };
    /** Creates the folder a write goes into; a clear error when a file is in the way. */
    const makeFolderFor = (key, path) => {
        const folder = (0,external_node_path_.dirname)(path);
        try {
            (0,external_node_fs_.mkdirSync)(folder, { recursive: true });
            return;
        }
        catch (error) {
            if (!['ENOTDIR', 'EEXIST'].includes(codeOf(error) ?? ''))
                throw error;
        }
        let current = root;
        for (const part of (0,external_node_path_.relative)(root, folder).split(external_node_path_.sep)) {
            current = (0,external_node_path_.join)(current, part);
            const found = (0,external_node_fs_.statSync)(current, { throwIfNoEntry: false });
            if (found && !found.isDirectory())
                throw new Error(`cannot write ${key}: ${current} is a file, not a folder`);
        }
        throw new Error(`cannot write ${key}: cannot create the folder ${folder}`);
    };
    const head = async (key) => {
        const path = pathOf(key);
        try {
            const info = await (0,promises_.stat)(path);
            if (!info.isFile())
                return undefined;
            const hash = local_object_store_sha256(await (0,promises_.readFile)(path));
            return { key, size: info.size, lastModified: info.mtime, sha256: hash, etag: hash };
        }
        catch (error) {
            if (absent(error))
                return undefined;
            throw error;
        }
    };
    const get = async (key) => {
        try {
            return new Uint8Array(readSmall(pathOf(key)) ?? (await (0,promises_.readFile)(pathOf(key))));
        }
        catch (error) {
            if (absent(error) || codeOf(error) === 'EISDIR')
                return undefined;
            throw error;
        }
    };
    // Temporary names: random per store, then counted (no random bytes per write); O_EXCL refuses a name in use anyway.
    const tempPrefix = (0,external_node_crypto_.randomBytes)(6).toString('hex');
    let tempCount = 0;
    /** Creates a new temporary file beside `path`; the folder is made only when the open finds it missing (most writes go into existing folders). */
    const openTemp = (key, path) => {
        const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `${TEMP_MARK}${(0,external_node_path_.basename)(path)}.${tempPrefix}${(tempCount++).toString(36)}`);
        try {
            return { temp, fd: (0,external_node_fs_.openSync)(temp, TEMP_FLAGS, 0o666) };
        }
        catch (error) {
            if (!absent(error))
                throw error;
        }
        makeFolderFor(key, path);
        return { temp, fd: (0,external_node_fs_.openSync)(temp, TEMP_FLAGS, 0o666) };
    };
    // A write is done here, in one go: a few system calls on a local disk (about 30 µs on tmpfs, 180 µs with O_DSYNC
    // on the bench machine's ext4) cost the run less than five trips through the thread pool, or than a thread of its
    // own with a message each way, which cost more than the pool (measured: bench/README.md). Where a journaling file
    // system makes a link wait for a commit, the run's main thread waits with it: milliseconds, beside commands of seconds.
    const put = async (key, body, options = {}) => {
        const path = pathOf(key);
        if (options.ifMatch !== undefined) {
            const expected = options.ifMatch;
            // Conditional writers of one key take turns; the rename replaces the object without a moment where the key is absent.
            return withKeyMutex(key, path, async () => {
                if ((await head(key))?.etag !== expected)
                    throw new ObjectChangedError(key);
                return put(key, body, { ...options, ifMatch: undefined, ifNoneMatch: false });
            });
        }
        const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
        const { temp, fd } = openTemp(key, path);
        let mtime;
        try {
            try {
                // The content is on disk before it becomes visible under the key: O_DSYNC writes return once it is, else an fsync.
                for (let at = 0; at < bytes.byteLength;)
                    at += (0,external_node_fs_.writeSync)(fd, bytes, at, bytes.byteLength - at, null);
                if (!DSYNC)
                    (0,external_node_fs_.fdatasyncSync)(fd);
                // Linked or renamed, the key names this same inode: its mtime is the object's.
                mtime = (0,external_node_fs_.fstatSync)(fd).mtime;
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            if (options.ifNoneMatch)
                (0,external_node_fs_.linkSync)(temp, path);
            else
                (0,external_node_fs_.renameSync)(temp, path);
        }
        catch (error) {
            removeQuietly(temp);
            if (codeOf(error) === 'EEXIST')
                throw new ObjectExistsError(key);
            if (codeOf(error) === 'EISDIR')
                throw new Error(`cannot write ${key}: ${path} is a folder`);
            throw error;
        }
        // A hard link leaves the temporary name behind; a rename consumed it.
        if (options.ifNoneMatch)
            removeQuietly(temp);
        const hash = local_object_store_sha256(bytes);
        return { key, size: bytes.byteLength, lastModified: mtime, sha256: hash, etag: hash };
    };
    return {
        location: root,
        get,
        head,
        put,
        async copy(fromKey, toKey) {
            const bytes = await get(fromKey);
            if (!bytes)
                throw new Error(`cannot copy ${pathOf(fromKey)}: it does not exist`);
            return put(toKey, bytes);
        },
        async delete(key) {
            // One unlink (rm would lstat first); a key that is already gone is deleted.
            try {
                (0,external_node_fs_.unlinkSync)(pathOf(key));
            }
            catch (error) {
                if (!absent(error))
                    throw error;
            }
        },
        async list(prefix) {
            // Walk only the deepest folder the prefix names, then filter by the rest.
            const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
            const keys = (await filesBelow((0,external_node_path_.join)(root, ...folder.split('/').filter(Boolean))))
                .map((p) => folder + p.split(external_node_path_.sep).join('/'))
                .filter((key) => key.startsWith(prefix));
            const found = [];
            for (const key of keys.sort()) {
                const info = await (0,promises_.stat)(pathOf(key)).catch(() => undefined); // deleted meanwhile
                if (info)
                    found.push({ key, size: info.size, lastModified: info.mtime });
            }
            return found;
        },
        async listLevel(prefix) {
            const dir = (0,external_node_path_.join)(root, ...prefix.split('/').filter(Boolean));
            const entries = await (0,promises_.readdir)(dir, { withFileTypes: true }).catch((error) => {
                if (absent(error))
                    return [];
                throw error;
            });
            const objects = [];
            const folders = [];
            for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
                if (e.name.includes(TEMP_MARK))
                    continue;
                if (e.isDirectory())
                    folders.push(`${prefix}${e.name}/`);
                else if (e.isFile()) {
                    const info = await (0,promises_.stat)((0,external_node_path_.join)(dir, e.name)).catch(() => undefined);
                    if (info)
                        objects.push({ key: `${prefix}${e.name}`, size: info.size, lastModified: info.mtime });
                }
            }
            return { objects, folders };
        }
    };
}

;// CONCATENATED MODULE: ./src/state/io/local-state-store.ts




/**
 * The local backend: state files under one directory, at the deployment's
 * state key (for example .tf-orchestrator/state/s3/acct/us-east-1/proj/terraform.tfstate).
 * The root modules declare `backend "local" {}`. Its objects (backups, key
 * records) live in the same directory.
 */
function localStateStore(dir) {
    const pathOf = (key) => (0,external_node_path_.join)(dir, ...key.split('/'));
    return {
        objects: localObjectStore(dir),
        lockKey: localLockKey,
        backendConfig: (key) => [`path=${pathOf(key)}`],
        // Once per deployment: a direct stat, no trip through the thread pool.
        stateBytes: async (key) => {
            try {
                return (0,external_node_fs_.statSync)(pathOf(key)).size;
            }
            catch {
                return undefined;
            }
        },
        describe: (key) => pathOf(key)
    };
}

;// CONCATENATED MODULE: ./src/state/io/s3-client.ts
// Loaded on first use: the SDK is most of the bundle, and a local-state run or
// `list` should not pay for reading it (nor every later fork for the memory).
let sdk;
/** The AWS SDK's S3 module, loaded once. */
const s3Sdk = () => (sdk ??= __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 53711, 19)));
/**
 * An S3 client for the state bucket, made when first asked for. Credentials
 * come from the SDK's default chain (env, shared files, SSO, web identity,
 * instance metadata) unless a test passes its own.
 */
function s3ClientFor(location, credentials) {
    let client;
    return () => (client ??= s3Sdk().then(({ S3Client }) => new S3Client({
        region: location.region,
        ...(location.endpoint ? { endpoint: location.endpoint } : {}),
        forcePathStyle: location.use_path_style,
        ...(credentials ? { credentials } : {})
    })));
}

;// CONCATENATED MODULE: ./src/state/io/s3-object-store.ts


/** The ServerSideEncryption request fields of an encryption. */
function sseFields(encryption) {
    if (encryption.kind === 'AES256')
        return { ServerSideEncryption: 'AES256' };
    return { ServerSideEncryption: 'aws:kms', ...(encryption.keyId ? { SSEKMSKeyId: encryption.keyId } : {}) };
}
const statusOf = (error) => error.$metadata?.httpStatusCode;
const nameOf = (error) => error.name;
// S3 answers a lost If-None-Match race with 412, or 409 while a concurrent write is in flight.
const isExists = (error) => ['PreconditionFailed', 'ConditionalRequestConflict'].includes(nameOf(error) ?? '') || [409, 412].includes(statusOf(error) ?? 0);
const isMissing = (error) => ['NotFound', 'NoSuchKey'].includes(nameOf(error) ?? '') || statusOf(error) === 404;
/** Hex form of S3's base64 SHA-256; a multipart (composite, `...-N`) checksum is not the content's hash. */
function hexSha256(base64) {
    if (!base64 || base64.includes('-'))
        return undefined;
    return Buffer.from(base64, 'base64').toString('hex');
}
/** The ObjectInfo fields S3 reports in a HeadObject or PutObject answer. */
function reported(out) {
    const sha256 = hexSha256(out.ChecksumSHA256);
    return {
        ...(sha256 ? { sha256 } : {}),
        ...(out.ServerSideEncryption ? { encryption: out.ServerSideEncryption } : {}),
        ...(out.SSEKMSKeyId ? { kmsKeyId: out.SSEKMSKeyId } : {})
    };
}
/** An ObjectStore over one bucket (and key prefix) with SSE and SHA-256 checksums on every write. */
function s3ObjectStore(source, options) {
    const { bucket, encryption } = options;
    // The SDK and the client are loaded by the first request (see s3-client.ts).
    const client = typeof source === 'function' ? source : () => Promise.resolve(source);
    const s3 = async () => ({ c: await client(), sdk: await s3Sdk() });
    const prefix = options.prefix ?? '';
    const fullKey = (key) => {
        const problem = objectKeyProblem(key);
        if (problem)
            throw new Error(problem);
        return prefix + key;
    };
    const where = (key) => `s3://${bucket}/${prefix}${key}`;
    const head = async (key) => {
        const { c, sdk } = await s3();
        try {
            const out = await c.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: fullKey(key), ChecksumMode: 'ENABLED' }));
            return { key, size: out.ContentLength ?? 0, lastModified: out.LastModified ?? new Date(0), ...reported(out), ...(out.ETag ? { etag: out.ETag } : {}) };
        }
        catch (error) {
            if (isMissing(error))
                return undefined;
            throw error;
        }
    };
    return {
        location: `s3://${bucket}/${prefix}`,
        head,
        async get(key) {
            const { c, sdk } = await s3();
            try {
                const out = await c.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: fullKey(key) }));
                return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
            }
            catch (error) {
                if (isMissing(error))
                    return undefined;
                throw error;
            }
        },
        async put(key, body, putOptions = {}) {
            const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
            const { c, sdk } = await s3();
            try {
                const out = await c.send(new sdk.PutObjectCommand({
                    Bucket: bucket,
                    Key: fullKey(key),
                    Body: bytes,
                    ChecksumAlgorithm: 'SHA256',
                    ...(putOptions.contentType ? { ContentType: putOptions.contentType } : {}),
                    ...(putOptions.ifNoneMatch ? { IfNoneMatch: '*' } : {}),
                    ...(putOptions.ifMatch ? { IfMatch: putOptions.ifMatch } : {}),
                    ...sseFields(encryption)
                }));
                // PutObject does not answer LastModified: the local clock stands in.
                return { key, size: bytes.byteLength, lastModified: new Date(), ...reported(out), ...(out.ETag ? { etag: out.ETag } : {}) };
            }
            catch (error) {
                if (putOptions.ifNoneMatch && isExists(error))
                    throw new ObjectExistsError(key);
                if (putOptions.ifMatch && (isExists(error) || isMissing(error)))
                    throw new ObjectChangedError(key);
                throw error;
            }
        },
        async copy(fromKey, toKey) {
            // CopySource is "bucket/key", URL-encoded per segment.
            const source = `${bucket}/${fullKey(fromKey).split('/').map(encodeURIComponent).join('/')}`;
            const { c, sdk } = await s3();
            try {
                await c.send(new sdk.CopyObjectCommand({ Bucket: bucket, Key: fullKey(toKey), CopySource: source, ChecksumAlgorithm: 'SHA256', ...sseFields(encryption) }));
            }
            catch (error) {
                if (isMissing(error))
                    throw new Error(`cannot copy ${where(fromKey)}: it does not exist`);
                throw error;
            }
            const copied = await head(toKey);
            if (!copied)
                throw new Error(`copied ${where(fromKey)} to ${where(toKey)} but the copy is not there`);
            return copied;
        },
        async delete(key) {
            const { c, sdk } = await s3();
            await c.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: fullKey(key) }));
        },
        async list(listPrefix) {
            const { c, sdk } = await s3();
            const found = [];
            let token;
            do {
                const page = await c.send(new sdk.ListObjectsV2Command({
                    Bucket: bucket,
                    Prefix: prefix + listPrefix,
                    ...(token ? { ContinuationToken: token } : {}),
                    ...(options.pageSize ? { MaxKeys: options.pageSize } : {})
                }));
                for (const item of page.Contents ?? []) {
                    if (!item.Key?.startsWith(prefix))
                        continue;
                    found.push({ key: item.Key.slice(prefix.length), size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) });
                }
                token = page.IsTruncated ? page.NextContinuationToken : undefined;
            } while (token);
            return found;
        },
        async listLevel(levelPrefix) {
            const { c, sdk } = await s3();
            const objects = [];
            const folders = [];
            let token;
            do {
                const page = await c.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix + levelPrefix, Delimiter: '/', ...(token ? { ContinuationToken: token } : {}) }));
                for (const item of page.Contents ?? [])
                    if (item.Key?.startsWith(prefix))
                        objects.push({ key: item.Key.slice(prefix.length), size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) });
                for (const p of page.CommonPrefixes ?? [])
                    if (p.Prefix?.startsWith(prefix))
                        folders.push(p.Prefix.slice(prefix.length));
                token = page.IsTruncated ? page.NextContinuationToken : undefined;
            } while (token);
            return { objects, folders };
        }
    };
}

;// CONCATENATED MODULE: ./src/state/io/s3-state-store.ts



/** How the orchestrator's own objects are encrypted: with the state's KMS key, else SSE-S3 (always, whatever `encrypt` says). */
function encryptionFor(settings) {
    return settings.kms_key_id ? { kind: 'aws:kms', keyId: settings.kms_key_id } : { kind: 'AES256' };
}
/** An HCL string literal (a -backend-config value of object type is parsed as HCL). */
const hclString = (text) => JSON.stringify(text)
    .replaceAll('${', () => '$${') // a function: in a replacement string "$$" means one "$"
    .replaceAll('%{', () => '%%{');
/**
 * The `-backend-config` key=value list for OpenTofu's s3 backend. A custom
 * endpoint (MinIO, another S3-compatible store) goes in `endpoints = { s3 = ... }`
 * and turns off the calls such a store cannot answer: STS/IAM for the account id
 * and credential check, and the AWS region list.
 */
function s3BackendConfig(settings, stateKey) {
    const config = [
        `bucket=${settings.bucket}`,
        `key=${settings.key_prefix}${stateKey}`,
        `region=${settings.region}`,
        `encrypt=${settings.encrypt}`,
        `use_lockfile=${settings.use_lockfile}`,
        `use_path_style=${settings.use_path_style}`
    ];
    if (settings.kms_key_id)
        config.push(`kms_key_id=${settings.kms_key_id}`);
    if (settings.endpoint) {
        config.push(`endpoints={ s3 = ${hclString(settings.endpoint)} }`, 'skip_credentials_validation=true', 'skip_region_validation=true', 'skip_requesting_account_id=true');
    }
    return config;
}
/** The state of `type: s3` with the objects store (key_prefix as its prefix) it is read through. */
function s3StateStore(settings, client = s3ClientFor(settings)) {
    const objects = s3ObjectStore(client, { bucket: settings.bucket, prefix: settings.key_prefix, encryption: encryptionFor(settings) });
    return {
        objects,
        lockKey: s3LockKey,
        backendConfig: (stateKey) => s3BackendConfig(settings, stateKey),
        stateBytes: async (stateKey) => (await objects.head(stateKey))?.size,
        describe: (stateKey) => `s3://${settings.bucket}/${settings.key_prefix}${stateKey}`
    };
}

;// CONCATENATED MODULE: ./src/state/io/state-store-for.ts




/**
 * The configured stores. local: state files and objects under `state.dir`.
 * s3: the bucket (below key_prefix) through @aws-sdk/client-s3 with the SDK's
 * default credentials chain (or the action's OIDC credentials), the same
 * bucket and endpoint OpenTofu uses.
 */
function storesFor(workingDir, config, credentials) {
    const settings = { backupMode: config.backup, followKeyChanges: config.state.follow_key_changes === true };
    const base = config.state.type === 's3' ? s3StateStore(config.state, s3ClientFor(config.state, credentials)) : localStateStore((0,external_node_path_.join)(workingDir, config.state.dir));
    const state = { ...base, ...settings };
    return { state, objects: state.objects };
}
/** The configured state store (with its objects, backup mode and key-change mode). */
function stateStoreFor(workingDir, config) {
    return storesFor(workingDir, config).state;
}

// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(88701);
;// CONCATENATED MODULE: ./src/terraform/io/check-binary.ts




/** The binary is missing, cannot be run or is not OpenTofu / Terraform; the message names the file. */
class BinaryError extends Error {
    name = 'BinaryError';
}
const EXPECTED = 'expected OpenTofu or Terraform (`version -json` printing {"terraform_version": ...}, or `version` printing "OpenTofu vX.Y.Z")';
const INSTALL = 'Install OpenTofu or Terraform, put it on PATH or set `binary` (scripts/install-tools.sh builds a pinned OpenTofu into .tools/bin)';
/**
 * Resolves `nameOrPath` (a name on PATH or a path) once and checks that it is
 * OpenTofu or Terraform by asking its version; every command then starts that file.
 */
async function resolveBinary(nameOrPath, env = process.env) {
    const isPath = /[\\/]/.test(nameOrPath);
    const path = isPath ? (0,external_node_path_.resolve)(nameOrPath) : await (0,io/* which */.K7)(nameOrPath, false);
    if (!path)
        throw new BinaryError(`${nameOrPath}: not found on PATH. ${INSTALL}`);
    if (isPath) {
        try {
            await (0,promises_.access)(path, promises_.constants.X_OK);
        }
        catch (error) {
            const code = error.code;
            throw new BinaryError(`${path}: ${code === 'ENOENT' ? 'no such file' : 'not executable'}; ${EXPECTED}`);
        }
    }
    const json = await check_binary_run(path, ['version', '-json'], env);
    const fromJson = json.ok ? jsonVersion(json.stdout) : undefined;
    // Terraform before 0.13 has no -json; and the name is only in the text form.
    const text = fromJson && /tofu/i.test((0,external_node_path_.basename)(path)) ? undefined : await check_binary_run(path, ['version'], env);
    const fromText = text?.ok ? /^(OpenTofu|Terraform) v(\d+\.\d+\.\d+\S*)/m.exec(text.stdout) : null;
    const version = fromJson ?? fromText?.[2];
    if (!version) {
        const said = (text?.stdout || text?.stderr || json.stdout || json.stderr || '').trim().split('\n')[0]?.slice(0, 120) ?? '';
        throw new BinaryError(`${path}: ${EXPECTED}, but it ${said ? `printed ${JSON.stringify(said)}` : 'printed nothing'}`);
    }
    const name = fromText ? (fromText[1] === 'OpenTofu' ? 'opentofu' : 'terraform') : /tofu/i.test((0,external_node_path_.basename)(path)) ? 'opentofu' : 'terraform';
    return { path, name, version };
}
/** The version a `version -json` document reports, if it is one. */
function jsonVersion(stdout) {
    try {
        const doc = JSON.parse(stdout);
        const v = doc !== null && typeof doc === 'object' ? doc.terraform_version : undefined;
        return typeof v === 'string' && /^\d+\.\d+\.\d+/.test(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
/** Runs the candidate with no input and a time limit (a wrong program must not hang the run). */
function check_binary_run(path, args, env) {
    return new Promise((done, fail) => {
        const child = (0,external_node_child_process_.execFile)(path, args, { env: { ...env, CHECKPOINT_DISABLE: '1' }, timeout: 30_000, maxBuffer: 1 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
            const code = error?.code;
            if (code === 'EACCES' || code === 'ENOEXEC' || code === 'ENOENT') {
                fail(new BinaryError(`${path}: cannot be run (${code}); ${EXPECTED}`));
            }
            else
                done({ ok: !error, stdout, stderr });
        });
        child.stdin?.end();
    });
}

;// CONCATENATED MODULE: ./src/terraform/io/process-tree.ts


/**
 * Every child process (and its children, however deep, even re-parented ones)
 * is started with this variable set to a token unique to one command. The
 * environment is inherited, so the token finds the whole tree on Linux, even
 * processes re-parented away from the tool.
 */
const TOKEN_VARIABLE = 'TF_ORCHESTRATOR_PROCESS_TOKEN';
/** Processes whose environment carries `token`. */
function processesWithToken(token) {
    const needle = Buffer.from(`${TOKEN_VARIABLE}=${token}\0`);
    const found = [];
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)('/proc');
    }
    catch {
        return found;
    }
    for (const entry of entries) {
        const pid = Number(entry);
        if (!Number.isInteger(pid) || pid === process.pid)
            continue;
        try {
            const environ = (0,external_node_fs_.readFileSync)(`/proc/${pid}/environ`);
            if (environ.indexOf(needle) === -1)
                continue;
            const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
            // The command name may contain spaces and parentheses: fields start after the last ')'.
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            if (fields[0] === 'Z')
                continue;
            found.push({ pid, ppid: Number(fields[1]) });
        }
        catch {
            // Gone meanwhile, or not ours to read.
        }
    }
    return found;
}
/** Sends `signal` to every process of the tree; returns how many were signalled. */
function signalTree(token, signal) {
    let sent = 0;
    for (const p of processesWithToken(token))
        if (signalProcess(p.pid, signal))
            sent++;
    return sent;
}
/**
 * Reports the pids of the tree carrying `token` every `everyMs` while the tree
 * has a pid not reported yet (`known`: already reported). Each look is a full
 * /proc scan (a read of every process's environment), so a command that ends
 * within `everyMs` (most do) costs none: at 50 ms, every OpenTofu command cost
 * one, 15 % of the run's own CPU on 100 trivial deployments. Returns the
 * function that stops watching.
 */
function watchTree(token, onPids, known = [], everyMs = 1000) {
    const seen = new Set(known);
    const look = () => {
        const pids = processesWithToken(token).map((p) => p.pid);
        if (!pids.some((pid) => !seen.has(pid)))
            return;
        for (const pid of pids)
            seen.add(pid);
        onPids(pids);
    };
    const every = setInterval(look, everyMs);
    every.unref();
    return () => clearInterval(every);
}

;// CONCATENATED MODULE: ./src/terraform/io/spawn-tool.ts


/** How long output may still flow once the tool exited: a grandchild holding its pipes must not hold the command up. */
const DRAIN_MS = 2_000;
/**
 * Starts `tool` from this process (no shell, no PATH search of our own: the
 * binary is resolved once per run) and collects its output through pipes.
 * `done` settles when the tool's pipes close, or DRAIN_MS after it exited if
 * something it started still holds them. The spawner (spawner.ts) is the
 * cheaper way at scale; this one serves `onLine` and machines without Perl.
 */
const startTool = (tool, args, cwd, env, output) => {
    const child = (0,external_node_child_process_.spawn)(tool, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const captured = { exitCode: null, stdout: '', stderr: '', output: '' };
    const { onLine, liveLog } = output;
    const log = liveLog && child.pid !== undefined ? (0,external_node_fs_.createWriteStream)(liveLog, { flags: 'a' }).on('error', () => undefined) : undefined;
    const partial = { stdout: '', stderr: '' };
    const take = (stream) => (text) => {
        if (!log)
            captured[stream] += text;
        captured.output += text;
        log?.write(text);
        if (!onLine)
            return;
        const lines = (partial[stream] + text).split('\n');
        partial[stream] = lines.pop() ?? '';
        for (const line of lines)
            onLine(line);
    };
    // A decoder per stream: a character split between two reads stays whole.
    child.stdout?.setEncoding('utf8').on('data', take('stdout'));
    child.stderr?.setEncoding('utf8').on('data', take('stderr'));
    const done = new Promise((resolve, reject) => {
        let drain;
        const finish = () => {
            clearTimeout(drain);
            child.removeAllListeners();
            for (const rest of [partial.stdout, partial.stderr])
                if (rest && onLine)
                    onLine(rest);
            partial.stdout = partial.stderr = '';
            // The live log holds the whole output before the command counts as ended.
            if (log)
                log.end(() => resolve({ ...captured }));
            else
                resolve({ ...captured });
        };
        child.on('error', (error) => {
            // Only a failed start rejects (a failed kill of a running tool also lands here).
            if (child.pid !== undefined)
                return;
            clearTimeout(drain);
            child.removeAllListeners();
            reject(new Error(`cannot run ${tool} in ${cwd}: ${error.message}`));
        });
        child.on('exit', (code) => {
            captured.exitCode = code;
            drain = setTimeout(finish, DRAIN_MS);
        });
        child.on('close', (code) => {
            captured.exitCode = code;
            finish();
        });
    });
    return {
        whenStarted: (listener) => {
            if (child.pid !== undefined)
                listener(child.pid);
        },
        kill: (signal) => void child.kill(signal),
        done
    };
};

;// CONCATENATED MODULE: ./src/terraform/io/executor.ts





/** The niceness added to a background command (as `nice` adds by default). */
const BACKGROUND_NICE = 10;
/**
 * The real executor, over a way to start commands (`start`): an argument array
 * (never a shell string), quiet unless `onLine` prints, and a process-tree
 * token so a timeout or cancellation can end every descendant (for example a
 * local-exec `sleep`), even re-parented ones.
 */
function executorWith(start) {
    return async (tool, args, options) => {
        const started = Date.now();
        // Cancelled before it started (for example while waiting for the init gate): do not start it.
        if (options.signal?.aborted)
            return { exitCode: null, stdout: '', stderr: '', output: '', interrupted: true, durationMs: 0 };
        const token = (0,external_node_crypto_.randomUUID)();
        let interrupted = false;
        const running = start(tool, args, options.cwd, { ...options.env, [TOKEN_VARIABLE]: token }, { onLine: options.onLine, liveLog: options.liveLog });
        let unwatch;
        // The tool's own pid as it starts (no /proc lookup); the deeper tree is watched while it runs.
        running.whenStarted((pid, startTime) => {
            if (options.background)
                lowerPriority(pid);
            options.onChildPids?.([pid], startTime === undefined ? undefined : new Map([[pid, startTime]]));
            if (options.onChildPids)
                unwatch = watchTree(token, options.onChildPids, [pid]);
        });
        const onAbort = () => {
            interrupted = true;
            running.kill('SIGINT');
            void (0,external_node_timers_promises_.setTimeout)(options.graceMs ?? 10_000, undefined, { ref: false }).then(() => {
                running.kill('SIGKILL');
                signalTree(token, 'SIGKILL');
            });
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        let failed = true;
        try {
            const r = await running.done;
            failed = r.exitCode === null || !(options.successCodes ?? [0]).includes(r.exitCode);
            return { ...r, exitCode: interrupted && r.exitCode !== 0 ? null : r.exitCode, interrupted, durationMs: Date.now() - started };
        }
        finally {
            unwatch?.();
            options.signal?.removeEventListener('abort', onAbort);
            // Nothing of a failed or interrupted command may outlive it (a provisioner's orphaned child, say).
            // The sweep reads every process's environment in /proc, so a command that succeeded is not swept.
            if (failed || interrupted)
                signalTree(token, 'SIGKILL');
        }
    };
}
/** A hint only: the command may have ended already, or the system may refuse. Its children started later inherit it. */
function lowerPriority(pid) {
    try {
        (0,external_node_os_.setPriority)(pid, Math.min(19, (0,external_node_os_.getPriority)() + BACKGROUND_NICE));
    }
    catch {
        // Gone already, or not allowed: it runs at our priority.
    }
}
/** Every command started from this process. */
const execCommand = executorWith(startTool);

;// CONCATENATED MODULE: ./src/terraform/env-changes.ts
/**
 * What turns environment `from` into `to`, as the spawner's requests carry it
 * (spawner-script.ts): `NAME=value` sets or replaces, a bare `NAME` removes.
 * A run's commands share most of their environment (a deployment's differ in
 * TF_DATA_DIR and little else), so a request says what changed since the one
 * before instead of forty-odd variables: less to build and write here, and
 * less to parse there. Variables without a value (undefined) count as absent.
 */
function envChanges(from, to) {
    const changes = [];
    for (const name in to) {
        const value = to[name];
        if (value !== undefined && from[name] !== value)
            changes.push(`${name}=${value}`);
    }
    for (const name in from)
        if (from[name] !== undefined && to[name] === undefined)
            changes.push(name);
    return changes;
}
/** Applies changes as envChanges writes them to `env`, in place: what the spawner does on its side too. */
function applyEnvChanges(env, changes) {
    for (const change of changes) {
        const at = change.indexOf('=');
        if (at < 0)
            delete env[change];
        else
            env[change.slice(0, at)] = change.slice(at + 1);
    }
}

;// CONCATENATED MODULE: ./src/terraform/io/output-files.ts

/** The size of a file, 0 when there is none yet (where a command's part of a live log starts). */
function sizeOf(file) {
    try {
        return (0,external_node_fs_.statSync)(file).size;
    }
    catch {
        return 0;
    }
}
/**
 * The command's output from its files: its part of the live log, or its two
 * private files (removed once read). All of it directly: a few KiB from
 * existing files, and removing two names, cost less than trips through the
 * thread pool.
 */
function collectOutput(files, live, offset) {
    if (live) {
        const fd = (0,external_node_fs_.openSync)(files.out, 'r');
        try {
            const buffer = Buffer.alloc(Math.max(0, (0,external_node_fs_.fstatSync)(fd).size - offset));
            for (let at = 0; at < buffer.length;) {
                const n = (0,external_node_fs_.readSync)(fd, buffer, at, buffer.length - at, offset + at);
                if (n === 0)
                    break;
                at += n;
            }
            return { stdout: '', stderr: '', output: buffer.toString('utf8') };
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    const [stdout, stderr] = [(0,external_node_fs_.readFileSync)(files.out, 'utf8'), (0,external_node_fs_.readFileSync)(files.err, 'utf8')];
    // A scratch file that cannot be removed is left behind (the spawner's folder goes at the end): it does not fail the command.
    // One unlink each (rm would lstat first, twice).
    for (const file of [files.out, files.err]) {
        try {
            (0,external_node_fs_.unlinkSync)(file);
        }
        catch {
            // left for the folder's removal
        }
    }
    return { stdout, stderr, output: stdout + stderr };
}

;// CONCATENATED MODULE: ./src/terraform/io/spawner-script-python.ts
// long file: one embedded Python program, whole, and the differences from the Perl spawner it keeps to.
/**
 * The spawner in Python (3.10 or later), preferred to the Perl one
 * (spawner-script.ts) where it runs: it starts commands with posix_spawn, which
 * glibc does with vfork, so a start copies no page tables and the spawner's
 * memory is never copied on write while the command is on its way to exec.
 * 3,000 starts of /bin/true with 4 in flight on the bench machine: 0.65 ms of
 * CPU each, all processes counted, against 1.8 ms for the Perl spawner (whose
 * fork is copied) and 0.9 ms for `xargs -P 4`. posix_spawn rather than
 * subprocess.Popen (vfork too): half the spawner's own CPU per start (2,000
 * starts one at a time: 105 against 215 µs), as subprocess runs a good deal
 * of Python per start.
 *
 * Same protocol as the Perl spawner (see there). Differences that keep the
 * same contract:
 * - the output files are opened before the start, so "cannot write" is told
 *   before anything runs;
 * - SIGINT and SIGTERM are caught, not ignored, by the spawner: a caught
 *   signal is reset to its default by exec, an ignored one would be inherited;
 * - posix_spawn returns after the exec (vfork), so S follows right after it,
 *   with the command's /proc start time (the run records it: read here, it
 *   costs the Node process's main thread nothing);
 * - posix_spawn has no working folder of its own: the spawner enters the
 *   command's folder first (it is single-threaded), and so resolves every
 *   path it is given against the folder it started in;
 * - a tool named without a slash is looked up in the PATH of the command's
 *   environment, as subprocess and execvpe do (posix_spawnp would use the
 *   spawner's own PATH);
 * - SIGPIPE and SIGXFSZ, which CPython ignores, are reset to their default in
 *   the command (as subprocess does); every other fd is close-on-exec (PEP 446).
 * Pythons before 3.10 (not tried here) exit at once: the Perl one is used.
 */
const PYTHON_SPAWNER_SCRIPT = String.raw `
import errno, os, select, signal, sys
if sys.version_info < (3, 10):
    sys.exit(3)
signal.signal(signal.SIGINT, lambda *_: None)  # the Node process decides what to stop
signal.signal(signal.SIGTERM, lambda *_: None)
wake_r, wake_w = os.pipe()
os.set_blocking(wake_r, False)
os.set_blocking(wake_w, False)
signal.set_wakeup_fd(wake_w)
signal.signal(signal.SIGCHLD, lambda *_: None)  # wakes the select below through wake_w
running = {}
env = {}  # the environment of the last request: each one says what changed
devnull = os.open(os.devnull, os.O_RDONLY | os.O_CLOEXEC)
home = os.getcwd()
RESTORED_SIGNALS = [getattr(signal, name) for name in ("SIGPIPE", "SIGXFSZ") if hasattr(signal, name)]

def reply(line):
    data = (line + "\n").encode()
    while data:
        try:
            data = data[os.write(1, data):]
        except OSError:
            os._exit(1)

def reap():
    while running:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        rid = running.pop(pid, None)
        if rid is None:
            continue
        reply("E %s sig %d" % (rid, os.WTERMSIG(status)) if os.WIFSIGNALED(status) else "E %s %d" % (rid, os.WEXITSTATUS(status)))

def start_time(pid):
    # /proc start time (field 22) of a child not reaped yet, so the Node process need not read it; none without /proc.
    try:
        fd = os.open("/proc/%d/stat" % pid, os.O_RDONLY | os.O_CLOEXEC)
        try:
            stat = os.read(fd, 4096)
        finally:
            os.close(fd)
        return stat[stat.rindex(b")") + 2:].split()[19].decode()
    except (OSError, ValueError, IndexError):
        return None

def open_output(path, flags, mode):
    try:
        return os.open(os.path.join(home, path), os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC | flags, mode)
    except OSError as e:
        raise RuntimeError("cannot write %s: %s" % (path, e.strerror))

def spawn(argv, cwd, env, out, err):
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, out, 1), (os.POSIX_SPAWN_DUP2, err, 2)]
    try:
        os.chdir(os.path.join(home, cwd))
    except OSError as e:
        raise RuntimeError("cannot enter %s: %s" % (cwd, e.strerror))
    if "/" in argv[0]:
        return os.posix_spawn(argv[0], argv, env, file_actions=actions, setsigdef=RESTORED_SIGNALS)
    first = None
    for folder in os.get_exec_path(env):
        try:
            return os.posix_spawn(os.path.join(folder, argv[0]), argv, env, file_actions=actions, setsigdef=RESTORED_SIGNALS)
        except OSError as e:
            # As execvpe: a folder without the tool is passed over; the first other error is the one told.
            if e.errno not in (errno.ENOENT, errno.ENOTDIR) and first is None:
                first = e
    raise first or OSError(errno.ENOENT, os.strerror(errno.ENOENT))

def start(rid, cwd, out, err, mode, env, argv):
    fds = []
    try:
        if mode == "a":
            fds.append(open_output(out, os.O_APPEND, 0o666))
            fds.append(fds[0])
        else:
            fds.append(open_output(out, os.O_TRUNC, 0o600))
            fds.append(open_output(err, os.O_TRUNC, 0o600))
        pid = spawn(argv, cwd, env, fds[0], fds[1])
    except RuntimeError as e:
        return reply("F %s %s" % (rid, e))
    except (OSError, ValueError) as e:  # ValueError: an environment name posix_spawn refuses (empty, or with "=")
        return reply("F %s cannot run %s: %s" % (rid, argv[0], getattr(e, "strerror", None) or e))
    finally:
        for fd in set(fds):
            os.close(fd)
    running[pid] = rid
    started = start_time(pid)
    reply("S %s %d %s" % (rid, pid, started) if started else "S %s %d" % (rid, pid))

def take_request(fields):
    if len(fields) < 6:
        return None
    n = int(fields[5])
    if len(fields) < 7 + n:
        return None
    m = int(fields[6 + n])
    if len(fields) < 7 + n + m:
        return None
    for change in fields[6:6 + n]:
        name, is_set, value = change.partition("=")
        if is_set:
            env[name] = value
        else:
            env.pop(name, None)
    head, argv = fields[:5], fields[7 + n:7 + n + m]
    del fields[:7 + n + m]
    return head + [env, argv]

reply("R")
fields, partial, eof = [], b"", False
while True:
    reap()
    if eof and not running:
        break
    ready, _, _ = select.select([wake_r] if eof else [wake_r, 0], [], [])
    if wake_r in ready:
        try:
            while os.read(wake_r, 512):
                pass
        except BlockingIOError:
            pass
    if eof or 0 not in ready:
        continue
    chunk = os.read(0, 65536)
    if not chunk:
        eof = True
        for pid in list(running):
            try:
                os.kill(pid, signal.SIGINT)  # the Node process is gone: stop what it started
            except ProcessLookupError:
                pass
        continue
    parts = (partial + chunk).split(b"\0")
    partial = parts.pop()
    fields.extend(os.fsdecode(p) for p in parts)
    while True:
        request = take_request(fields)
        if request is None:
            break
        start(*request)
`;

;// CONCATENATED MODULE: ./src/terraform/io/spawner-script.ts
/**
 * The spawner: a small Perl process that forks and execs commands for the run.
 * Node's own spawn forks the whole Node process, which costs more the bigger
 * its heap (1 ms at 45 MB, 3 ms at 180 MB, 6.5 ms at 450 MB of RSS on the
 * bench machine), on the event loop, for every command. Perl is part of every
 * Linux distribution's base (Debian's perl-base is essential) and of macOS;
 * where it is missing the run spawns directly (spawner.ts).
 *
 * Requests on stdin, fields separated by NUL (no field holds a NUL):
 *   id, cwd, out, err, mode, n, n x change, m, m x argv (argv[0] the tool)
 * where the changes turn the environment of the request before (the first:
 * an empty one) into this one's: "NAME=value" sets, "NAME" removes.
 * mode "w": stdout to `out`, stderr to `err`, both new private files (0600);
 * mode "a": stdout and stderr interleaved, appended to `out` (a live log).
 * Replies on stdout, a line each: "R" ready, "S id pid [start]" started (the
 * Python spawner adds the /proc start time),
 * "F id reason" could not start, "E id code" or "E id sig N" ended.
 * The command gets exactly the given environment, stdin from /dev/null, and the
 * default signal dispositions. No shell anywhere: argv goes to execvp as is.
 * When stdin ends with commands still running (the Node process died), they
 * get SIGINT, as a recovering run would send them, and the spawner exits once
 * they have ended.
 * Per request the parent only forks: whether the exec worked is read from the
 * child's fail pipe in the select loop, so the next request does not wait for
 * this child to reach exec (1,000 spawns of /bin/true with 4 in flight on the
 * bench machine: 2.0-3.5 -> 0.9-1.4 ms each).
 */
const SPAWNER_SCRIPT = String.raw `
use strict; use warnings; use POSIX ();
use Fcntl qw(O_WRONLY O_CREAT O_TRUNC O_APPEND O_NONBLOCK F_GETFL F_SETFL);
$SIG{INT} = $SIG{TERM} = 'IGNORE';  # the Node process decides what to stop
pipe(my $wake_r, my $wake_w) or die "pipe: $!";
for my $h ($wake_r, $wake_w) { fcntl($h, F_SETFL, fcntl($h, F_GETFL, 0) | O_NONBLOCK) }
$SIG{CHLD} = sub { syswrite($wake_w, 'x') };  # wakes the select below (self-pipe)
my (%running, %starting, @fields, %env);  # %env: the environment of the last request
my ($partial, $eof) = ('', 0);
sub reply { my $line = "$_[0]\n"; while (length $line) { my $n = syswrite(STDOUT, $line); if (!defined $n) { next if $!{EINTR}; POSIX::_exit(1) } substr($line, 0, $n) = '' } }
sub reap {
  while ((my $pid = waitpid(-1, POSIX::WNOHANG())) > 0) {
    settle($pid, 1) if $starting{$pid};  # it ended before its start was told: S (or F) first
    my $id = delete $running{$pid};
    next unless defined $id;
    reply(($? & 127) ? "E $id sig " . ($? & 127) : "E $id " . ($? >> 8));
  }
}
sub start {
  my ($id, $cwd, $out, $err, $mode, $env, $argv) = @_;
  pipe(my $fail_r, my $fail_w) or return reply("F $id pipe: $!");  # close-on-exec: EOF when exec succeeds
  my $pid = fork();
  return reply("F $id fork: $!") unless defined $pid;
  if ($pid == 0) {
    close $fail_r;
    $SIG{$_} = 'DEFAULT' for qw(INT TERM CHLD PIPE);
    my $fail = sub { syswrite($fail_w, "$_[0]: $!"); POSIX::_exit(127) };
    chdir($cwd) or $fail->("cannot enter $cwd");
    open(STDIN, '<', '/dev/null') or $fail->('cannot read /dev/null');
    if ($mode eq 'a') {
      sysopen(my $log, $out, O_WRONLY | O_APPEND | O_CREAT, 0666) or $fail->("cannot write $out");
      open(STDOUT, '>&', $log) or $fail->("cannot write $out");
      open(STDERR, '>&', $log) or $fail->("cannot write $out");
    } else {
      sysopen(STDOUT, $out, O_WRONLY | O_CREAT | O_TRUNC, 0600) or $fail->("cannot write $out");
      sysopen(STDERR, $err, O_WRONLY | O_CREAT | O_TRUNC, 0600) or $fail->("cannot write $err");
    }
    %ENV = %$env;
    { no warnings 'exec'; exec { $argv->[0] } @$argv; }
    $fail->("cannot run $argv->[0]");
  }
  close $fail_w;
  # The exec's outcome comes later, through the select loop: other requests need not wait for it.
  $running{$pid} = $id;
  $starting{$pid} = [$fail_r, ''];
}
# Reads what the child wrote on its fail pipe; at EOF replies S (exec done) or F (it could not start).
sub settle {
  my ($pid, $block) = @_;
  my $s = $starting{$pid};
  while (1) {
    my $n = sysread($s->[0], $s->[1], 4096, length $s->[1]);
    next if !defined $n && $!{EINTR};
    return 0 if !$block && defined $n && $n > 0;  # more may follow: back to select
    last;
  }
  delete $starting{$pid};
  close $s->[0];
  my $id = $running{$pid};
  if (length $s->[1]) { delete $running{$pid}; waitpid($pid, 0); (my $why = $s->[1]) =~ s/\n/ /g; reply("F $id $why"); return 1 }
  reply("S $id $pid");
  return 1;
}
sub take_request {
  return unless @fields >= 6;
  my $n = $fields[5];
  return unless @fields >= 7 + $n;
  my $m = $fields[6 + $n];
  return unless @fields >= 7 + $n + $m;
  my @head = splice(@fields, 0, 5);
  shift @fields;
  for (splice(@fields, 0, $n)) { my $i = index($_, '='); if ($i < 0) { delete $env{$_} } else { $env{substr($_, 0, $i)} = substr($_, $i + 1) } }
  shift @fields;
  my @argv = splice(@fields, 0, $m);
  return [@head, \%env, \@argv];  # started before the next request changes it
}
reply('R');
while (1) {
  reap();
  last if $eof && !%running;
  my $rin = '';
  vec($rin, fileno($wake_r), 1) = 1;
  vec($rin, fileno(STDIN), 1) = 1 unless $eof;
  vec($rin, fileno($_->[0]), 1) = 1 for values %starting;
  my $ready = select(my $rout = $rin, undef, undef, undef);
  next if $ready <= 0;
  if (vec($rout, fileno($wake_r), 1)) { 1 while sysread($wake_r, my $drop, 512) }
  for my $pid (keys %starting) { settle($pid, 0) if $starting{$pid} && vec($rout, fileno($starting{$pid}[0]), 1) }
  next if $eof || !vec($rout, fileno(STDIN), 1);
  my $got = sysread(STDIN, my $chunk, 65536);
  next if !defined $got && $!{EINTR};
  if (!$got) {
    $eof = 1;
    kill 'INT', keys %running;  # the Node process is gone: stop what it started
    next;
  }
  my @parts = split /\0/, $partial . $chunk, -1;
  $partial = pop @parts;
  push @fields, @parts;
  while (my $request = take_request()) { start(@$request) }
}
`;

;// CONCATENATED MODULE: ./src/terraform/io/spawner-process.ts



/**
 * Which spawner a run uses: unset for the first that runs here (Python, then
 * Perl), `python` or `perl` for only that one, `direct` to spawn every command
 * from the Node process (for example to compare them).
 */
const SPAWNER_VARIABLE = 'TF_ORCHESTRATOR_SPAWNER';
/** The spawners in order of preference: how each is started. */
const SPAWNER_COMMANDS = {
    // -I: no PYTHON* variables or user site; -S: no site module (a faster start; the script needs only the standard library).
    python: ['python3', '-I', '-S', '-c', PYTHON_SPAWNER_SCRIPT],
    perl: ['perl', '-e', SPAWNER_SCRIPT]
};
/**
 * The first spawner process that runs here and says it is ready (R), in order
 * of preference or the one TF_ORCHESTRATOR_SPAWNER names; undefined when none
 * does (missing, too old, or `direct`), and the run spawns directly instead.
 */
async function startSpawnerProcess(env) {
    const chosen = env[SPAWNER_VARIABLE];
    if (chosen === 'direct')
        return undefined;
    for (const [name, [program, ...args]] of Object.entries(SPAWNER_COMMANDS)) {
        if (chosen && chosen !== name)
            continue;
        const helper = (0,external_node_child_process_.spawn)(program, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
        const ready = await new Promise((resolve) => {
            helper.once('error', () => resolve(false));
            helper.once('exit', () => resolve(false));
            helper.stdout.once('data', (chunk) => resolve(chunk.toString().startsWith('R\n')));
        });
        if (ready && helper.pid !== undefined)
            return helper;
        helper.kill('SIGKILL');
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/terraform/io/spawner.ts








/** Starts the run's spawner (spawner-process.ts); undefined when none runs here, and the run spawns directly instead. */
async function openSpawner(env = process.env) {
    const helper = await startSpawnerProcess(env);
    return helper ? connect(helper, helper.pid) : undefined;
}
/** Closes a spawner that may still be starting, or that could not start. */
async function closeSpawner(spawning) {
    await spawning.then((spawner) => spawner?.close(), () => undefined);
}
function connect(helper, helperPid) {
    // Private files for the output of commands without a live log (mkdtemp makes the folder 0700).
    const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tforch-spawn-'));
    const pending = new Map();
    let next = 0;
    // The environment of the last request sent: the next one carries only its changes (env-changes.ts), as the spawner keeps it too.
    const sent = {};
    let stderrTail = '';
    let gone;
    helper.stderr?.setEncoding('utf8').on('data', (text) => void (stderrTail = (stderrTail + text).slice(-2000)));
    let partial = '';
    helper.stdout?.setEncoding('utf8').on('data', (text) => {
        const lines = (partial + text).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
            const [kind, id = '', ...rest] = line.split(' ');
            const p = pending.get(id);
            if (!p)
                continue;
            if (kind === 'S') {
                p.pid = Number(rest[0]);
                p.startTime = rest[1];
                for (const listener of p.onStart.splice(0))
                    listener(p.pid, p.startTime);
                for (const signal of p.signals.splice(0))
                    signalProcess(p.pid, signal);
            }
            else if (kind === 'E' || kind === 'F') {
                pending.delete(id);
                p.ended = true;
                p.settle(kind, rest);
            }
        }
    });
    const ended = new Promise((resolve) => helper.once('close', () => resolve()));
    helper.once('close', (code, signal) => {
        gone = new Error(`the process spawner (${helper.spawnfile}, pid ${helperPid}) ended (${signal ?? `exit ${code}`})${stderrTail.trim() ? `: ${stderrTail.trim()}` : ''}`);
        for (const p of pending.values())
            p.fail(gone);
        pending.clear();
    });
    // Its stdin may be closed under a write if it died; the 'close' handler reports that.
    helper.stdin?.on('error', () => undefined);
    const start = (tool, args, cwd, env, output) => {
        if (output.onLine)
            return startTool(tool, args, cwd, env, output);
        const id = String(next++);
        const files = output.liveLog ? { out: output.liveLog, err: '' } : { out: (0,external_node_path_.join)(scratch, `${id}.out`), err: (0,external_node_path_.join)(scratch, `${id}.err`) };
        // The command's part of the live log starts where the log ends now (a deployment's commands write it one at a time).
        const offset = output.liveLog ? sizeOf(output.liveLog) : 0;
        const changes = envChanges(sent, env);
        const fields = [id, cwd, files.out, files.err, output.liveLog ? 'a' : 'w', String(changes.length), ...changes, String(args.length + 1), tool, ...args];
        const p = { onStart: [], ended: false, signals: [], settle: () => undefined, fail: () => undefined };
        const done = new Promise((resolve, reject) => {
            p.fail = reject;
            p.settle = (kind, rest) => {
                if (kind === 'F')
                    return reject(new Error(`cannot run ${tool} in ${cwd}: ${rest.join(' ')}`));
                const exitCode = rest[0] === 'sig' ? null : Number(rest[0]);
                try {
                    resolve({ exitCode, ...collectOutput(files, output.liveLog !== undefined, offset) });
                }
                catch (error) {
                    reject(error);
                }
            };
        });
        if (gone)
            p.fail(gone);
        else if (fields.some((f) => f.includes('\0')))
            p.fail(new Error(`cannot run ${tool} in ${cwd}: an argument, the folder or the environment holds a NUL character`));
        else {
            pending.set(id, p);
            helper.stdin?.write(`${fields.join('\0')}\0`);
            applyEnvChanges(sent, changes);
        }
        return {
            whenStarted: (listener) => {
                if (p.pid !== undefined)
                    listener(p.pid, p.startTime);
                else if (!p.ended)
                    p.onStart.push(listener);
            },
            kill: (signal) => {
                if (p.ended)
                    return;
                if (p.pid === undefined)
                    p.signals.push(signal);
                else
                    signalProcess(p.pid, signal);
            },
            done
        };
    };
    return {
        pid: helperPid,
        start,
        close: async () => {
            helper.stdin?.end();
            await ended;
            (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
        }
    };
}

;// CONCATENATED MODULE: ./src/locks/unfinished-report.ts
/** What to tell the user about one unfinished run, line by line. */
function describeUnfinishedRun(u) {
    const lines = [`run ${u.runId} (pid ${u.pid}${u.startedAt ? `, started ${u.startedAt}` : ''}) did not finish: it has no summary`];
    for (const s of u.stopped)
        lines.push(`  stopped its orphan ${s.pid} (${s.signal}): ${s.command}`);
    for (const key of u.released)
        lines.push(`  released its run lock ${key}`);
    for (const { deployment, check } of u.states) {
        const what = check.status === 'restored'
            ? `state was unusable (${check.problem}); restored from ${check.restoredFrom}`
            : check.status === 'unrecoverable'
                ? `state is unusable (${check.problem}) and could not be restored: ${check.error}`
                : check.status === 'missing'
                    ? 'has no state'
                    : 'state is readable';
        lines.push(`  ${deployment}: ${what}${check.releasedLock ? `; removed the backend lock ${check.releasedLock}` : ''}`);
        const created = check.createdSinceBackup ?? [];
        if (created.length > 0)
            lines.push(`  ${deployment}: created but in no state (import them): ${created.join(', ')}`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/app/child-registry.ts



/** The marker of a run in its folder: who runs it and every child it started. No summary.json beside it and no `finishedAt`: it never finished. */
const RUN_MARKER = 'children.json';
/** Every command's output as it is printed, per deployment (the log proper is written when a command ends). */
const LIVE_LOGS = 'live';
/** The live log of a deployment: `<runDir>/live/<id with __>.log`. */
function liveLogFile(runDir, deploymentId) {
    return (0,external_node_path_.join)(runDir, LIVE_LOGS, `${deploymentId.replace(/\//g, '__')}.log`);
}
// How often this process's other children are looked for; and how children.json
// ends (each new child is written over it, followed by it again).
const [SCAN_MS, CLOSING] = [1_000, '\n  ]\n}\n'];
/**
 * Records this run and its children in `<runDir>/children.json` from the start,
 * synchronously (a kill -9 may follow any moment), so that the next run in the
 * same place can tell it never finished and stop what it left running. A child
 * costs one small write (added in place before the closing bracket), not a rewrite.
 */
function openChildRegistry(settings) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(settings.runDir, LIVE_LOGS), { recursive: true });
    const marker = {
        runId: settings.runId,
        host: hostName(),
        pid: process.pid,
        pidStartTime: processStartTime(process.pid),
        startedAt: new Date().toISOString(),
        children: []
    };
    const file = (0,external_node_path_.join)(settings.runDir, RUN_MARKER);
    let fd;
    let size = 0;
    // The whole file, atomically; then kept open for the in-place additions.
    const save = () => {
        const head = JSON.stringify({ ...marker, children: undefined }, null, 2).slice(0, -2);
        const text = `${head},\n  "children": [${marker.children.map((c) => `\n    ${JSON.stringify(c)}`).join(',')}${CLOSING}`;
        (0,external_node_fs_.writeFileSync)(`${file}.tmp`, text);
        (0,external_node_fs_.renameSync)(`${file}.tmp`, file);
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
        fd = (0,external_node_fs_.openSync)(file, 'r+');
        size = Buffer.byteLength(text);
    };
    const known = new Set();
    let scanned = 0;
    // `started`: the first pid's command line as started, not read back from /proc (where a quick tool may already be a zombie, its cmdline empty).
    // `startTimes`: what the spawner already read from /proc (each read here costs the run's main thread).
    const add = (pids, deployment, started, startTimes) => {
        // Children started elsewhere (OPA) are looked for at most once a second, with the next command.
        const others = Date.now() - scanned >= SCAN_MS ? ((scanned = Date.now()), descendantsOf(process.pid)) : [];
        for (const pid of new Set([...pids, ...others])) {
            const startTime = startTimes?.get(pid) ?? processStartTime(pid);
            if (startTime === undefined || known.has(`${pid}@${startTime}`))
                continue;
            known.add(`${pid}@${startTime}`);
            const named = pids.includes(pid) ? deployment : undefined;
            const child = { pid, startTime, command: ((pid === pids[0] && started) || commandLine(pid)).slice(0, 300), ...(named ? { deployment: named } : {}) };
            const entry = Buffer.from(`${marker.children.length ? ',' : ''}\n    ${JSON.stringify(child)}${CLOSING}`);
            marker.children.push(child);
            if (fd !== undefined)
                size += (0,external_node_fs_.writeSync)(fd, entry, 0, entry.length, size - CLOSING.length) - CLOSING.length; // (else the run is over)
        }
    };
    const deploymentOf = (dataDir) => {
        const rel = dataDir ? (0,external_node_path_.relative)(settings.workDir, dataDir) : '';
        return rel && !rel.startsWith('..') ? rel.split(external_node_path_.sep).join('/') : undefined;
    };
    save();
    return {
        executor: (exec) => async (tool, args, options) => {
            const deployment = deploymentOf(options.env.TF_DATA_DIR);
            // Not a command whose stdout is data (a plan's JSON, a state): sensitive values stay out of every log.
            const liveLog = deployment && !options.stdoutIsData ? liveLogFile(settings.runDir, deployment) : undefined;
            let first = true;
            // The command writes its live log itself, as it prints (a kill -9 loses none of it).
            return exec(tool, args, {
                ...options,
                liveLog,
                onChildPids: (pids, startTimes) => {
                    add(pids, deployment, first ? [tool, ...args].join(' ') : undefined, startTimes);
                    first = false;
                    options.onChildPids?.(pids, startTimes);
                }
            });
        },
        track: (pid, deployment) => add([pid], deployment),
        close: () => {
            marker.finishedAt = new Date().toISOString();
            save();
            if (fd !== undefined)
                (0,external_node_fs_.closeSync)(fd);
            fd = undefined;
        }
    };
}

;// CONCATENATED MODULE: ./src/app/unfinished-runs.ts







/** Written into an unfinished run's folder once it was dealt with, so it is reported once. */
const RECOVERED_FILE = 'recovered.json';
const readJson = async (file) => {
    try {
        return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
};
const unfinished_runs_exists = async (file) => await (0,promises_.access)(file).then(() => true, () => false);
// The recorded process, not another that got its pid since.
const stillThere = (c) => pidAlive(c.pid) && processStartTime(c.pid) === c.startTime;
/** The runs of this host that died without finishing: a marker, no summary, no finish time, their process gone. */
async function unfinishedMarkers(o) {
    const names = await (0,promises_.readdir)(o.runsDir).catch(() => []);
    const found = [];
    for (const name of names.sort()) {
        if (name === o.currentRunId)
            continue;
        const runDir = (0,external_node_path_.join)(o.runsDir, name);
        // Finished runs (most) are told by a name, before their marker is read: a big run's marker lists thousands of children.
        if ((await unfinished_runs_exists((0,external_node_path_.join)(runDir, 'summary.json'))) || (await unfinished_runs_exists((0,external_node_path_.join)(runDir, RECOVERED_FILE))))
            continue;
        const marker = await readJson((0,external_node_path_.join)(runDir, RUN_MARKER));
        if (!marker || marker.finishedAt || marker.host !== hostName())
            continue;
        if (stillThere({ pid: marker.pid, startTime: marker.pidStartTime }))
            continue; // still running: not ours to touch
        found.push({ runDir, marker });
    }
    return found;
}
/** SIGINT to every orphan still alive (OpenTofu stops cleanly), SIGKILL to what is left after the grace period. */
async function stopOrphans(children, graceMs) {
    const alive = children.filter(stillThere);
    for (const c of alive)
        signalProcess(c.pid, 'SIGINT');
    const deadline = Date.now() + graceMs;
    while (alive.some(stillThere) && Date.now() < deadline)
        await (0,external_node_timers_promises_.setTimeout)(100);
    return alive.map((c) => {
        const killed = stillThere(c) && signalProcess(c.pid, 'SIGKILL');
        return { pid: c.pid, command: c.command, signal: killed ? 'SIGKILL' : 'SIGINT' };
    });
}
/**
 * Finds the runs in `runsDir` that died without finishing (kill -9, a lost
 * runner), stops their orphaned children, checks the state of each deployment
 * they had in flight (their run locks) as after a kill, releases those locks,
 * and marks each run recovered. Returns what it found and did.
 */
async function recoverUnfinishedRuns(o) {
    const report = [];
    for (const { runDir, marker } of await unfinishedMarkers(o)) {
        const run = { runId: marker.runId, runDir, startedAt: marker.startedAt, pid: marker.pid, stopped: [], released: [], states: [] };
        run.stopped = await stopOrphans(marker.children, o.graceMs);
        const objects = o.store.objects;
        const held = objects ? (await listRunLocks(objects)).filter((l) => l.lock?.owner.runId === marker.runId && l.lock.owner.host === marker.host) : [];
        for (const { key, deployment, lock } of held) {
            if (!lock || !objects)
                continue;
            if (lock.stateKey) {
                // The log proper first: only text after its first apply section counts, and the live log is all after it.
                const logs = await Promise.all([(0,external_node_path_.join)(runDir, 'logs', `${deployment.replace(/\//g, '__')}.log`), liveLogFile(runDir, deployment)].map((f) => (0,promises_.readFile)(f, 'utf8').catch(() => '')));
                const check = await checkStateAfterKill(o.store, lock.stateKey, { log: logs.join('\n'), since: new Date(lock.acquiredAt) });
                run.states.push({ deployment, stateKey: lock.stateKey, check });
            }
            if (await releaseRunLock(objects, lock).catch(() => false))
                run.released.push(key);
        }
        await (0,promises_.writeFile)((0,external_node_path_.join)(runDir, RECOVERED_FILE), `${JSON.stringify({ recoveredAt: new Date().toISOString(), by: o.currentRunId, ...run }, null, 2)}\n`);
        report.push(run);
    }
    return report;
}

;// CONCATENATED MODULE: ./src/audit/json-copy.ts
/**
 * What JSON.parse(JSON.stringify(value)) returns, built directly: members that
 * JSON drops (undefined, functions) are dropped, array holes become null,
 * toJSON is honoured (dates become strings). A record built with it equals
 * what is read back, without printing and parsing its whole text (the full
 * command outputs) once more.
 */
function json_copy_jsonCopy(value, key = '') {
    const v = value !== null && typeof value === 'object' && typeof value.toJSON === 'function' ? value.toJSON(key) : value;
    switch (typeof v) {
        case 'string':
        case 'boolean':
            return v;
        case 'number':
            // JSON writes -0 as 0 and what is not finite as null.
            return Number.isFinite(v) ? v + 0 : null;
        case 'bigint':
            throw new TypeError('Do not know how to serialize a BigInt');
        case 'object':
            if (v === null)
                return null;
            if (Array.isArray(v))
                return Array.from(v, (item, i) => json_copy_jsonCopy(item, String(i)) ?? null);
            return copyObject(v);
        default:
            return undefined; // undefined, functions, symbols
    }
}
function copyObject(v) {
    const out = {};
    for (const k of Object.keys(v)) {
        const copied = json_copy_jsonCopy(v[k], k);
        if (copied !== undefined)
            out[k] = copied;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/audit/audit-record.ts


/** Builds a deployment's audit record (pure) without undefined members: equal to what is read back once written. */
function buildAuditRecord(input) {
    return jsonCopy(auditRecordToWrite(input));
}
/** The same record as handed to JSON.stringify (pure): members may be undefined, objects are the result's; no copy of every output to write it. */
function auditRecordToWrite(input) {
    const { result: r, deployment: d, run } = input;
    const record = {
        schemaVersion: 1,
        kind: 'deployment',
        runId: run.runId,
        command: run.command,
        destroy: run.destroy,
        action: auditAction(run.command, run.destroy),
        recordedAt: input.finishedAt.toISOString(),
        deployment: { id: d.id, name: d.name, account: d.account, region: d.region, project: d.project, services: [...r.services], stateKey: r.stateKey, reasons: r.reasons },
        status: r.status,
        error: r.error,
        skippedBecause: r.skippedBecause,
        hasChanges: r.hasChanges,
        applied: r.applied,
        startedAt: r.startedAt,
        durationMs: r.durationMs,
        phases: r.phases,
        attempts: r.attempts,
        retries: r.retries,
        counts: r.counts,
        stateBytes: r.stateBytes,
        policy: r.policy,
        backupKey: input.backupKey,
        ...(r.lock ? { lock: r.lock } : {}),
        workerId: r.workerId,
        parallelDeployments: input.parallelDeployments,
        workers: run.workers,
        binary: run.binary,
        ci: run.ci,
        outputs: input.outputs
    };
    return record;
}
/** Builds the run's record from its summary (pure). */
function buildRunRecord(summary, records, ci) {
    const record = {
        schemaVersion: 1,
        kind: 'run',
        runId: summary.runId,
        action: auditAction(summary.command, summary.destroy),
        ci,
        executionLevels: summary.executionLevels,
        records,
        summary
    };
    return json_copy_jsonCopy(record);
}

;// CONCATENATED MODULE: ./src/audit/history-index.ts

/** The compact index entry of a record (pure). */
function indexEntryFrom(record, recordKey) {
    const phases = {};
    for (const [phase, p] of Object.entries(record.phases))
        phases[phase] = p.durationMs;
    const entry = {
        schemaVersion: 1,
        runId: record.runId,
        command: record.command,
        destroy: record.destroy,
        deploymentId: record.deployment.id,
        account: record.deployment.account,
        project: record.deployment.project,
        services: record.deployment.services,
        status: record.status,
        finishedAt: record.recordedAt,
        durationMs: record.durationMs,
        phases,
        counts: record.counts,
        applied: record.applied,
        error: record.error?.split('\n')[0]?.slice(0, 300),
        recordKey
    };
    // Without its undefined members: equal to what is read back.
    return json_copy_jsonCopy(entry);
}
const STATUSES = (/* unused pure expression or super */ null && (['succeeded', 'failed', 'blocked', 'timed-out', 'cancelled', 'skipped']));
/** Whether a parsed JSON value is an index entry the report can use. */
function isIndexEntry(value) {
    if (!value || typeof value !== 'object')
        return false;
    const e = value;
    return (e.schemaVersion === 1 &&
        typeof e.runId === 'string' &&
        typeof e.deploymentId === 'string' &&
        typeof e.status === 'string' &&
        STATUSES.includes(e.status) &&
        typeof e.finishedAt === 'string' &&
        !Number.isNaN(Date.parse(e.finishedAt)) &&
        typeof e.durationMs === 'number' &&
        typeof e.phases === 'object' &&
        e.phases !== null);
}
/** The entries of a parsed index object (a rollup or one entry); invalid entries are returned apart. */
function entriesOf(value) {
    const list = value && typeof value === 'object' && Array.isArray(value.entries) ? value.entries : [value];
    const entries = list.filter(isIndexEntry);
    return { entries, invalid: list.length - entries.length };
}
/** The UTC days whose index folders can hold entries of the window (now - sinceMs, now]. */
function indexDays(now, sinceMs) {
    const DAY = 86_400_000;
    const first = Math.floor((now.getTime() - sinceMs) / DAY) - 1;
    const last = Math.floor(now.getTime() / DAY);
    const days = [];
    for (let d = first; d <= last; d++)
        days.push(new Date(d * DAY));
    return days;
}

;// CONCATENATED MODULE: ./src/audit/log-sections.ts
// The engine appends `\n=== <phase> (attempt N, exit C) ===\n<output>` per attempt (run-deployment.ts).
const HEADER = /^=== ([a-z][a-z-]*) \(attempt (\d+), exit (-?\d+|null|undefined)\) ===$/;
/**
 * Splits a deployment log into its sections (pure). Each section's output is
 * exactly what the command printed: the newline that precedes the next header
 * was written with that header. Text before the first header is ignored.
 */
function parseLogSections(text) {
    const sections = [];
    const lines = text.split('\n');
    let current;
    const close = () => {
        if (!current)
            return;
        current.section.output = current.lines.join('\n');
        sections.push(current.section);
    };
    for (const line of lines) {
        const m = line.match(HEADER);
        if (m?.[1] && m[2] && m[3]) {
            close();
            const code = m[3] === 'null' || m[3] === 'undefined' ? null : Number(m[3]);
            current = { section: { phase: m[1], attempt: Number(m[2]), exitCode: code, output: '' }, lines: [] };
        }
        else {
            current?.lines.push(line);
        }
    }
    close();
    return sections;
}
/**
 * Full output per phase (pure): every attempt of a phase, in order, each under its
 * own header line, so retries and exit codes stay visible in the audit record.
 */
function phaseOutputs(sections) {
    const out = {};
    for (const s of sections) {
        const part = `=== ${s.phase} (attempt ${s.attempt}, exit ${s.exitCode}) ===\n${s.output}`;
        out[s.phase] = out[s.phase] === undefined ? part : `${out[s.phase]}\n${part}`;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/audit/io/phase-output-reader.ts


/** Reads a deployment's phase outputs from its log file (see log-sections.ts); none when there is no log (a skipped deployment). Read directly: a log is small. */
async function readPhaseOutputs(_deploymentId, logFile) {
    if (!logFile)
        return {};
    try {
        return phaseOutputs(parseLogSections((0,external_node_fs_.readFileSync)(logFile, 'utf8')));
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return {};
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/audit/io/audit-observer.ts





const message = (error) => error instanceof ObjectExistsError ? `${error.key} already exists (create-only: an audit record is never overwritten)` : error instanceof Error ? error.message : String(error);
/**
 * Writes the audit trail (keys: audit-keys.ts): when a deployment finishes, its
 * record and its index entry; when the run finishes, the run record and the run's
 * index rollup. Every write is create-only; the store encrypts it server-side.
 * A failed write is reported through `warn` and never thrown, so it cannot hide
 * or change the deployment's own result.
 */
function auditObserver(options) {
    const { store, warn } = options;
    const now = options.now ?? (() => new Date());
    const readOutputs = options.phaseOutputs ?? readPhaseOutputs;
    const deployments = new Map();
    const peaks = new Map();
    const entries = new Map();
    const recordKeys = {};
    const pending = [];
    let run;
    const put = async (what, key, body) => {
        try {
            await store.put(key, `${JSON.stringify(body, null, 2)}\n`, { ifNoneMatch: true, contentType: 'application/json' });
            return true;
        }
        catch (error) {
            warn(`AUDIT WRITE FAILED: ${what} not written to ${store.location}: ${message(error)}`);
            return false;
        }
    };
    const record = async (result, peak) => {
        const d = deployments.get(result.id);
        if (!run || !d)
            return warn(`AUDIT WRITE FAILED: no record for ${result.id}: the run's start was not observed`);
        const finishedAt = result.startedAt ? new Date(Date.parse(result.startedAt) + result.durationMs) : now();
        let outputs = {};
        try {
            outputs = await readOutputs(result.id, result.logFile);
        }
        catch (error) {
            warn(`AUDIT: the output of ${result.id} could not be read (${message(error)}); its record is written without it`);
        }
        try {
            const rec = auditRecordToWrite({ result, deployment: d, run, outputs, finishedAt, parallelDeployments: peak, backupKey: options.backupKey?.(result) });
            const key = auditRecordKey({ account: d.account, project: d.project, action: rec.action, at: finishedAt, runId: run.runId, deploymentId: d.id });
            if (!(await put(`the audit record of ${result.id}`, key, rec)))
                return;
            recordKeys[result.id] = key;
            const entry = indexEntryFrom(rec, key);
            entries.set(result.id, entry);
            await put(`the index entry of ${result.id}`, indexEntryKey(new Date(run.runStartedAt), run.runId, d.id), entry);
        }
        catch (error) {
            warn(`AUDIT WRITE FAILED: the audit record of ${result.id}: ${message(error)}`);
        }
    };
    return {
        name: 'audit',
        runStarted(start) {
            start.deployments.forEach((d) => deployments.set(d.id, d));
            const s = start.settings;
            run = { runId: s.runId, command: s.command, destroy: s.destroy, runStartedAt: start.startedAt.toISOString(), binary: start.binary, workers: s.workers, ci: options.ci };
        },
        deploymentStarted(d) {
            // Every running deployment's peak is the most that ran beside it, itself included.
            peaks.set(d.id, 0);
            for (const id of peaks.keys())
                peaks.set(id, Math.max(peaks.get(id) ?? 0, peaks.size));
        },
        async deploymentFinished(result) {
            const peak = peaks.get(result.id) ?? 0;
            peaks.delete(result.id);
            const written = record(result, peak);
            pending.push(written);
            await written;
        },
        async runFinished(summary) {
            await Promise.all(pending);
            if (!run)
                return warn(`AUDIT WRITE FAILED: no run record for ${summary.runId}: the run's start was not observed`);
            try {
                const started = new Date(run.runStartedAt);
                const action = auditAction(summary.command, summary.destroy);
                await put(`the run record of ${summary.runId}`, runRecordKey({ action, at: started, runId: summary.runId }), buildRunRecord(summary, recordKeys, options.ci));
                const rollup = { schemaVersion: 1, runId: run.runId, runStartedAt: run.runStartedAt, entries: summary.deployments.flatMap((r) => entries.get(r.id) ?? []) };
                await put(`the index of run ${summary.runId}`, runIndexKey(started, run.runId), rollup);
            }
            catch (error) {
                warn(`AUDIT WRITE FAILED: the run record of ${summary.runId}: ${message(error)}`);
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/audit/ci-context.ts
/**
 * Reads the CI context from an environment (pure: the caller passes
 * `process.env`). Undefined outside GitHub Actions. The pull request number
 * comes from `refs/pull/<n>/merge` or `<n>/head`, the ref of pull_request events.
 */
function ciContextFromEnv(env) {
    if (env.GITHUB_ACTIONS !== 'true' && env.GITHUB_RUN_ID === undefined)
        return undefined;
    const ref = env.GITHUB_REF || undefined;
    const pr = ref?.match(/^refs\/pull\/(\d+)\/(?:merge|head)$/)?.[1];
    const attempt = env.GITHUB_RUN_ATTEMPT ? Number.parseInt(env.GITHUB_RUN_ATTEMPT, 10) : undefined;
    const context = {
        repository: env.GITHUB_REPOSITORY || undefined,
        runId: env.GITHUB_RUN_ID || undefined,
        runAttempt: attempt !== undefined && Number.isFinite(attempt) ? attempt : undefined,
        actor: env.GITHUB_ACTOR || undefined,
        commit: env.GITHUB_SHA || undefined,
        ref,
        event: env.GITHUB_EVENT_NAME || undefined,
        pullRequest: pr !== undefined ? Number(pr) : undefined
    };
    // Drop absent members so records stay small and stable for JSON comparisons.
    return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined));
}

;// CONCATENATED MODULE: ./src/audit/emf.ts
/** CloudWatch namespace of the orchestrator's metrics. */
const EMF_NAMESPACE = 'Terraform/Orchestrator';
/** Resources the deployment changed: applied ones for an apply, planned ones for a plan (as summary.json counts them). */
function resourcesChanged(result, action) {
    if (!result.counts)
        return 0;
    if (action.startsWith('apply') && !result.applied)
        return 0;
    const c = result.counts;
    return c.create + c.update + c.delete + c.replace;
}
/**
 * One CloudWatch Embedded Metric Format line for a finished deployment (pure):
 * DeploymentDuration (Seconds), DeploymentSuccess (0/1, Count) and
 * ResourcesChanged (Count) under the dimensions Account, Service, Action.
 * A deployment of several services has Service `kms+s3` (sorted, joined by `+`).
 * DeploymentId and Status ride along as plain members (not dimensions: they
 * would make one metric per deployment).
 */
function emfLine(result, deployment, action, timestamp, extra = {}) {
    const document = {
        ...extra,
        _aws: {
            Timestamp: timestamp.getTime(),
            CloudWatchMetrics: [
                {
                    Namespace: EMF_NAMESPACE,
                    Dimensions: [['Account', 'Service', 'Action']],
                    Metrics: [
                        { Name: 'DeploymentDuration', Unit: 'Seconds' },
                        { Name: 'DeploymentSuccess', Unit: 'Count' },
                        { Name: 'ResourcesChanged', Unit: 'Count' }
                    ]
                }
            ]
        },
        Account: deployment.account,
        Service: [...result.services].sort().join('+') || 'general',
        Action: action,
        DeploymentId: result.id,
        Status: result.status,
        DeploymentDuration: result.durationMs / 1000,
        DeploymentSuccess: result.status === 'succeeded' ? 1 : 0,
        ResourcesChanged: resourcesChanged(result, action)
    };
    return JSON.stringify(document);
}

;// CONCATENATED MODULE: ./src/audit/emf-observer.ts


/**
 * Writes one EMF line per finished deployment through `write` (the lead wires the
 * run's metrics file, and stdout too when `metrics: emf` is set). `now` stamps
 * deployments that never started.
 */
function emfObserver(write, now = () => new Date()) {
    const deployments = new Map();
    let action = 'plan';
    let runId = '';
    return {
        name: 'emf-metrics',
        runStarted(run) {
            run.deployments.forEach((d) => deployments.set(d.id, d));
            action = auditAction(run.settings.command, run.settings.destroy);
            runId = run.settings.runId;
        },
        async deploymentFinished(result) {
            const d = deployments.get(result.id);
            const at = result.startedAt ? new Date(Date.parse(result.startedAt) + result.durationMs) : now();
            await write(emfLine(result, { account: d?.account ?? 'unknown' }, action, at, { RunId: runId }));
        }
    };
}

;// CONCATENATED MODULE: ./src/engine/observers/history-observer.ts

/** Blends the run's durations into the history file (critical-path estimates of later runs). */
function historyObserver(file, history) {
    return {
        name: 'duration-history',
        runFinished: (summary) => saveHistory(file, history, summary.deployments)
    };
}

;// CONCATENATED MODULE: ./src/engine/observers/summary-file-observer.ts


/** Writes the run's summary.json into its run folder when the run finishes. */
function summaryFileObserver(runDir) {
    return {
        name: 'summary-file',
        async runFinished(summary) {
            await (0,promises_.mkdir)(runDir, { recursive: true });
            await (0,promises_.writeFile)((0,external_node_path_.join)(runDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
        }
    };
}

;// CONCATENATED MODULE: ./src/app/standard-observers.ts







/**
 * The outputs every run has, whatever started it: summary.json, the duration
 * history, the audit trail in the state store, and the EMF metrics file
 * (`<run dir>/metrics.jsonl`).
 */
function standardObservers(o) {
    const observers = [
        summaryFileObserver(o.settings.runDir),
        historyObserver(o.settings.historyFile, o.history),
        auditObserver({ store: o.objects, warn: o.warn, ci: ciContextFromEnv(o.settings.env), backupKey: (r) => r.backup?.key })
    ];
    if (o.config.metrics === 'off')
        return observers;
    const file = (0,external_node_path_.join)(o.settings.runDir, 'metrics.jsonl');
    const toStdout = o.config.metrics === 'emf' ? o.metrics?.line : undefined;
    const metrics = appender(file);
    const emf = emfObserver(async (line) => {
        await metrics.append(`${line}\n`);
        toStdout?.(line);
    });
    return [...observers, { ...emf, runFinished: () => metrics.close() }];
}
/**
 * Appends to one file through a handle opened at the first line and kept for
 * the run: one write per line instead of a mkdir, open, write and close. Each
 * append has reached the file (the kernel) when it resolves, as before.
 */
function appender(file) {
    let handle;
    const opened = () => {
        if (handle)
            return handle;
        const opening = (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true }).then(() => (0,promises_.open)(file, 'a'));
        // A failed open is tried again by the next line.
        opening.catch(() => (handle = undefined));
        return (handle = opening);
    };
    // Lines are written one after the other, in the order they came.
    let queue = Promise.resolve();
    return {
        append(text) {
            const written = queue.then(async () => void (await (await opened()).appendFile(text)));
            queue = written.catch(() => undefined);
            return written;
        },
        async close() {
            await queue;
            const h = handle;
            handle = undefined;
            await (await h?.catch(() => undefined))?.close();
        }
    };
}

;// CONCATENATED MODULE: ./src/app/writable-folders.ts


/** The nearest existing entry at or above `path`, with whether it is a folder. */
async function nearestExisting(path) {
    for (let p = path;; p = (0,external_node_path_.dirname)(p)) {
        try {
            return { path: p, isDirectory: (await (0,promises_.stat)(p)).isDirectory() };
        }
        catch {
            if ((0,external_node_path_.dirname)(p) === p)
                return { path: p, isDirectory: true };
        }
    }
}
/**
 * Refuses to run when a folder the run writes (the local state, work and run
 * folders, the plugin cache) is in the way of a file: the tool never replaces
 * a file it did not create. Checked before anything is written, then the
 * folders every command needs are created.
 */
async function assertWritableFolders(workingDir, settings, config) {
    const folders = [
        ['work folder', settings.workDir],
        ['run folder', settings.runDir],
        ['history file folder', (0,external_node_path_.dirname)(settings.historyFile)],
        ['plugin cache (TF_PLUGIN_CACHE_DIR)', settings.pluginCacheDir]
    ];
    if (config.state.type === 'local')
        folders.push(['state.dir', (0,external_node_path_.join)(workingDir, config.state.dir)]);
    for (const [what, folder] of folders) {
        const found = await nearestExisting(folder);
        if (!found.isDirectory) {
            const shown = (0,external_node_path_.relative)(workingDir, found.path) || found.path;
            throw new Error(`${what} ${folder}: ${shown} exists and is not a folder; refusing to replace a file tf-orchestrator did not create (move it, or choose another path)`);
        }
    }
    await (0,promises_.mkdir)(settings.pluginCacheDir, { recursive: true });
}

;// CONCATENATED MODULE: ./src/state/backend-block.ts
const WORD = /[A-Za-z_][A-Za-z0-9_-]*/y;
const HEREDOC = /<<-?([A-Za-z_][A-Za-z0-9_]*)[^\n]*\n/y;
/** Where the heredoc starting at `i` ends, or undefined when there is none. */
function heredocAt(text, i) {
    HEREDOC.lastIndex = i;
    const opened = HEREDOC.exec(text);
    if (!opened)
        return undefined;
    const end = new RegExp(`^[ \\t]*${opened[1] ?? ''}[ \\t]*$`, 'm').exec(text.slice(HEREDOC.lastIndex));
    return end ? HEREDOC.lastIndex + end.index + end[0].length : text.length;
}
/** Words, strings and braces of HCL text, with comments and heredocs skipped (enough to find blocks). */
function tokens(text) {
    const found = [];
    let line = 1;
    let i = 0;
    const advance = (to) => {
        for (; i < to; i++)
            if (text[i] === '\n')
                line++;
    };
    while (i < text.length) {
        const c = text[i];
        const rest = text.startsWith('//', i) || c === '#' ? 'line' : text.startsWith('/*', i) ? 'block' : undefined;
        if (rest === 'line')
            advance(text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i));
        else if (rest === 'block')
            advance(text.indexOf('*/', i + 2) === -1 ? text.length : text.indexOf('*/', i + 2) + 2);
        else if (c === '"') {
            const start = line;
            let j = i + 1;
            let value = '';
            for (; j < text.length && text[j] !== '"' && text[j] !== '\n'; j++)
                value += text[j] === '\\' ? (text[++j] ?? '') : text[j];
            found.push({ kind: 'string', text: value, line: start });
            advance(j + 1);
        }
        else if (c === '{' || c === '}') {
            found.push({ kind: c, text: c, line });
            advance(i + 1);
        }
        else if (c === '<' && heredocAt(text, i) !== undefined) {
            advance(heredocAt(text, i));
        }
        else if (((WORD.lastIndex = i), WORD.test(text))) {
            found.push({ kind: 'word', text: text.slice(i, WORD.lastIndex), line });
            advance(WORD.lastIndex);
        }
        else
            advance(i + 1);
    }
    return found;
}
/**
 * The backend blocks a .tf file declares: `backend "s3" {}` (or `cloud {}`,
 * type `cloud`) directly inside a top-level `terraform` block. Comments,
 * strings and heredocs cannot fake one.
 */
function backendBlocks(text) {
    const list = tokens(text);
    const found = [];
    let depth = 0;
    let terraformDepth;
    list.forEach((token, index) => {
        const next = list[index + 1];
        if (token.kind === '{') {
            const opener = list[index - 1];
            if (depth === 0 && opener?.kind === 'word' && opener.text === 'terraform')
                terraformDepth = 1;
            depth++;
        }
        else if (token.kind === '}') {
            depth = Math.max(0, depth - 1);
            if (terraformDepth !== undefined && depth < terraformDepth)
                terraformDepth = undefined;
        }
        else if (terraformDepth === depth && token.kind === 'word') {
            if (token.text === 'backend' && next?.kind === 'string' && list[index + 2]?.kind === '{')
                found.push({ type: next.text, line: token.line });
            if (token.text === 'cloud' && next?.kind === '{')
                found.push({ type: 'cloud', line: token.line });
        }
    });
    return found;
}
/** Why a root module's backend blocks do not fit the configured store (`local` or `s3`), or undefined. */
function backendProblem(storeType, blocks) {
    const where = (b) => `${b.file}:${b.block.line}`;
    if (blocks.length > 1)
        return `more than one backend block: ${blocks.map(where).join(', ')}`;
    const only = blocks[0];
    // Without a block OpenTofu ignores -backend-config: every deployment would share one terraform.tfstate in the module folder.
    if (!only)
        return `declares no backend block, so every deployment of it would share one state file: add \`backend "${storeType}" {}\` to its terraform block`;
    if (only.block.type === storeType)
        return undefined;
    return `${where(only)}: backend "${only.block.type}" does not match state.type: ${storeType} in the configuration (declare \`backend "${storeType}" {}\`, or change state.type)`;
}

;// CONCATENATED MODULE: ./src/app/check-backend.ts




/**
 * The backend blocks of one root module's .tf files, with the file (relative to the working directory, posix).
 * Synchronous: a stacks fleet has a root module per deployment, and two trips through the thread pool per small file cost more than the reading.
 */
function blocksOf(workingDir, rootDir) {
    const dir = (0,external_node_path_.join)(workingDir, rootDir);
    let names = [];
    try {
        names = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.tf')).map((e) => e.name);
    }
    catch {
        // No folder: no backend block, which backendProblem reports.
    }
    const found = [];
    for (const name of names.sort()) {
        const file = rootDir === '.' || rootDir === '' ? name : `${rootDir}/${name}`;
        for (const block of backendBlocks((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, name), 'utf8')))
            found.push({ file, block });
    }
    return found;
}
/**
 * Checks, before anything runs, that the root module of every deployment
 * declares the backend the configured store needs (`backend "s3" {}` for
 * `state.type: s3`, `backend "local" {}` for local). Throws a ConfigError
 * naming the file and line of each mismatch.
 */
async function checkBackends(workingDir, config, deployments) {
    const problems = [];
    for (const rootDir of [...new Set(deployments.map((d) => d.rootDir))].sort()) {
        const problem = backendProblem(config.state.type, blocksOf(workingDir, rootDir));
        if (!problem)
            continue;
        // A mismatch already names file:line; a missing block names the module.
        problems.push(/^\S+:\d+: /.test(problem) ? problem : `root module ${rootDir === '' ? '.' : rootDir}: ${problem}`);
    }
    if (problems.length > 0) {
        const where = config.file ? ` (${config.file})` : '';
        throw new ConfigError(`the root modules' backend does not match the state store${where}:\n  ${problems.join('\n  ')}`);
    }
}

;// CONCATENATED MODULE: ./src/app/start-run.ts
















/**
 * Runs a loaded workspace's selected deployments with the real binary (shared
 * by the CLI and the action). Everything that can stop a run before it starts
 * (no binary, a file where a folder must be) is checked first, so such a run
 * leaves nothing behind.
 */
async function startRun(ws, settings, options) {
    // The spawner starts while the run is checked (Python takes tens of milliseconds to start); one of the run's own is closed whatever happens.
    const spawning = options.spawner ?? openSpawner(settings.env);
    try {
        return await checkedRun(ws, settings, options, spawning);
    }
    finally {
        if (!options.spawner)
            await closeSpawner(spawning);
    }
}
async function checkedRun(ws, settings, options, spawning) {
    // Asked at once, awaited in its turn: the other checks need not wait for `version`.
    const resolving = options.binary ?? resolveBinary(settings.binary, settings.env);
    resolving.catch(() => undefined); // (an earlier check may throw first)
    await checkBackends(ws.workingDir, ws.config, ws.selection.selected);
    const { state: store, objects } = storesFor(ws.workingDir, ws.config, options.credentials);
    await assertWritableFolders(ws.workingDir, settings, ws.config);
    const binary = await resolving;
    // A run that died here before (kill -9, a lost runner): stop its orphans, release its locks, check its states.
    for (const u of await recoverUnfinishedRuns({ runsDir: (0,external_node_path_.dirname)(settings.runDir), currentRunId: settings.runId, store, graceMs: settings.graceMs })) {
        for (const line of describeUnfinishedRun(u))
            (options.warn ?? warnOnStderr)(line);
    }
    const registry = openChildRegistry(settings);
    const history = await loadHistory(settings.historyFile);
    const policies = ws.config.policies;
    // The gate's generated module lives in a temporary folder, not in the run folder.
    const policyDir = policies.mode === 'off' ? undefined : await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tforch-gate-'));
    const opened = policyDir
        ? await openPolicyGate({ ...gateOptions(ws.workingDir, policies), mode: policies.mode, opa: settings.opaBinary, workDir: policyDir })
        : undefined;
    if (opened?.setupError)
        options.onPolicySetupError?.(opened.setupError);
    // Commands are started by a small process of the run's own (the Node process's fork costs more the bigger it grows).
    const spawner = await spawning;
    if (spawner)
        registry.track(spawner.pid);
    try {
        return await executeRun({
            deployments: ws.selection.selected,
            graph: ws.graph.dependencies,
            levels: ws.graph.levels,
            // After a failed apply: the configured recovery, going back to the base ref when asked to.
            settings: { ...settings, binary: binary.path, onFailure: settings.onFailure ?? ws.config.on_failure, previousRef: settings.previousRef ?? ws.baseRef },
            binary,
            exec: registry.executor(spawner ? executorWith(spawner.start) : execCommand),
            store,
            policyGate: opened?.gate,
            observers: [...options.observers, ...standardObservers({ settings, config: ws.config, history, objects, warn: options.warn ?? warnOnStderr, metrics: options.metrics })],
            onObserverError: options.onObserverError ?? reportObserverError,
            estimates: history,
            cancel: options.cancel,
            deploymentEnv: options.deploymentEnv
        });
    }
    finally {
        registry.close();
        await opened?.close();
        if (policyDir)
            await (0,promises_.rm)(policyDir, { recursive: true, force: true });
    }
}
const warnOnStderr = (message) => void process.stderr.write(`warning: ${message}\n`);
/** Loud by default: an output that failed must not go unnoticed. */
function reportObserverError(observer, error) {
    process.stderr.write(`error: ${observer} failed: ${error instanceof Error ? error.message : String(error)}\n`);
}
/** Whether a run's outcome should fail the job. */
function runFailed(summary) {
    const t = summary.totals;
    return summary.cancelled || t.failed + t.blocked + t.timedOut + t.skipped + t.cancelled > 0;
}
/** Aborts `controller` on SIGINT / SIGTERM until the returned function is called. */
function cancelOnSignals(controller, onSignal) {
    const handler = (signal) => {
        onSignal(signal);
        controller.abort();
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
    };
}

;// CONCATENATED MODULE: ./src/render/graph-render.ts
const label = (labels, id) => labels.get(id)?.name ?? id;
/** Execution levels as text: deployments of one level may run together. */
function renderGraphText(graph, labels) {
    if (graph.levels.length === 0)
        return 'No deployments selected.';
    const lines = graph.levels.map((level, i) => `Level ${i + 1}: ${level.map((id) => label(labels, id)).join(', ')}`);
    const total = graph.levels.reduce((n, level) => n + level.length, 0);
    return [`${total} deployment${total === 1 ? '' : 's'} in ${graph.levels.length} level${graph.levels.length === 1 ? '' : 's'}`, ...lines].join('\n');
}
/** A Mermaid flowchart: an arrow from each dependency to what waits for it. */
function renderGraphMermaid(graph, labels) {
    const ids = graph.levels.flat();
    const node = new Map(ids.map((id, i) => [id, `d${i}`]));
    const lines = ['flowchart LR'];
    graph.levels.forEach((level, i) => {
        lines.push(`  subgraph level${i + 1}["Level ${i + 1}"]`);
        for (const id of level)
            lines.push(`    ${node.get(id)}["${label(labels, id).replace(/"/g, '#quot;')}"]`);
        lines.push('  end');
    });
    for (const id of ids) {
        for (const dep of [...(graph.dependencies.get(id) ?? [])].sort())
            lines.push(`  ${node.get(dep)} --> ${node.get(id)}`);
    }
    return lines.join('\n');
}
/** The graph as plain data for --format json. */
function graphJson(graph, labels) {
    return {
        levels: graph.levels.map((level) => level.map((id) => ({ id, name: label(labels, id) }))),
        dependencies: Object.fromEntries([...graph.dependencies].map(([id, deps]) => [id, [...deps].sort()]))
    };
}

;// CONCATENATED MODULE: ./src/cli/execution-plan.ts

/** The execution plan of a loaded workspace under `settings`. */
function executionPlan(ws, settings, binary, store) {
    return {
        dryRun: true,
        command: settings.command,
        destroy: settings.destroy,
        binary: { requested: settings.binary, ...binary },
        workers: settings.workers,
        timeoutMinutes: settings.timeoutMs / 60_000,
        policyMode: ws.config.policies.mode,
        levels: settings.destroy ? [...ws.graph.levels].reverse() : ws.graph.levels,
        deployments: ws.selection.selected.map((d) => ({
            id: d.id,
            name: d.name,
            services: d.services,
            stateKey: d.stateKey,
            state: store.describe(d.stateKey),
            varFile: d.varFile
        })),
        removed: ws.selection.removed
    };
}
/** The execution plan as text lines. */
function renderExecutionPlan(plan, ws) {
    const labels = new Map(ws.discovery.deployments.map((d) => [d.id, d]));
    return [
        `${plan.command}${plan.destroy ? ' (destroy)' : ''} with ${plan.binary.requested}, ${plan.workers} worker(s), timeout ${plan.timeoutMinutes} min`,
        `binary: ${plan.binary.path} (${plan.binary.name === 'opentofu' ? 'OpenTofu' : 'Terraform'} v${plan.binary.version}); policies: ${plan.policyMode}`,
        renderGraphText(ws.graph, labels),
        ...plan.deployments.map((d) => `  ${d.id}: state ${d.state}${d.varFile ? `, var file ${d.varFile}` : ''}`)
    ].join('\n');
}

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
const token_rules_HEADER = String.raw `(?:Proc-Type|DEK-Info|Comment|Version|Hash|Charset): [^\r\n\\"]*`;
const PEM = new RegExp(String.raw `-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?:${NL}(?:${token_rules_HEADER}|[A-Za-z0-9+/=]*${EOL}))*(?:(?:${NL})?-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----)?`, 'g');
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

const sensitive_values_isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const sensitive_values_record = (v) => (sensitive_values_isRecord(v) ? v : {});
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
    else if (sensitive_values_isRecord(value))
        for (const v of Object.values(value))
            collectAll(v, out);
}
/** Follows a sensitivity mask (true, or nested objects/arrays of booleans) over the value it describes. */
function collectMasked(value, mask, out) {
    if (mask === true)
        collectAll(value, out);
    else if (Array.isArray(mask))
        mask.forEach((m, i) => collectMasked(Array.isArray(value) ? value[i] : undefined, m, out));
    else if (sensitive_values_isRecord(mask))
        for (const [k, m] of Object.entries(mask))
            collectMasked(sensitive_values_isRecord(value) ? value[k] : undefined, m, out);
}
/** before/after of resource_changes, resource_drift and output_changes. */
function collectChange(change, out) {
    const c = sensitive_values_record(change);
    collectMasked(c.before, c.before_sensitive, out);
    collectMasked(c.after, c.after_sensitive, out);
}
/** Resources of planned_values / prior_state modules, child modules included. */
function collectModule(module, out) {
    const m = sensitive_values_record(module);
    for (const r of list(m.resources))
        collectMasked(sensitive_values_record(r).values, sensitive_values_record(r).sensitive_values, out);
    for (const child of list(m.child_modules))
        collectModule(child, out);
}
/** Outputs of planned_values / prior_state: `{ name: { sensitive, value } }`. */
function collectOutputs(outputs, out) {
    for (const o of Object.values(sensitive_values_record(outputs)))
        if (sensitive_values_record(o).sensitive === true)
            collectAll(sensitive_values_record(o).value, out);
}
/**
 * Every value a plan JSON (`tofu show -json`) marks sensitive: resource attributes under
 * before_sensitive/after_sensitive/sensitive_values, sensitive root variables and outputs.
 * Values shorter than MIN_SECRET_LENGTH and true/false/null are skipped: replacing every "1"
 * or "on" of a log would destroy it while hiding nothing. Sorted longest first.
 */
function sensitiveValuesFromPlan(planJson) {
    const plan = sensitive_values_record(planJson);
    const out = new Set();
    for (const rc of [...list(plan.resource_changes), ...list(plan.resource_drift)])
        collectChange(sensitive_values_record(rc).change, out);
    for (const oc of Object.values(sensitive_values_record(plan.output_changes)))
        collectChange(oc, out);
    const declared = sensitive_values_record(sensitive_values_record(sensitive_values_record(plan.configuration).root_module).variables);
    for (const [name, v] of Object.entries(sensitive_values_record(plan.variables))) {
        if (sensitive_values_record(declared[name]).sensitive === true)
            collectAll(sensitive_values_record(v).value, out);
    }
    for (const values of [sensitive_values_record(plan.planned_values), sensitive_values_record(sensitive_values_record(plan.prior_state).values)]) {
        collectOutputs(values.outputs, out);
        collectModule(values.root_module, out);
    }
    return [...out].filter((v) => !isTrivialValue(v)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

;// CONCATENATED MODULE: ./src/github/io/redaction-book.ts



/**
 * The run's one redaction function for everything that leaves the runner for
 * GitHub. It learns the values each plan marks sensitive (plan.json) as
 * deployments finish, and hands every secret it learns to `onSecret`
 * (core.setSecret) so the runner masks it in its own log too.
 */
class RedactionBook {
    onSecret;
    values = new Set();
    /** Plan files read (or being read): every output of a run asks for the same ones. */
    learned = new Map();
    redactor;
    constructor(onSecret = () => undefined) {
        this.onSecret = onSecret;
        this.redactor = createRedactor({ onSecretLearned: onSecret });
    }
    /** Learns the sensitive values of a saved plan's JSON file (missing or unreadable files teach nothing). */
    learnFromPlanFile(file) {
        if (!file)
            return Promise.resolve();
        const known = this.learned.get(file);
        if (known)
            return known;
        const reading = this.learn(file);
        this.learned.set(file, reading);
        return reading;
    }
    async learn(file) {
        let json;
        try {
            json = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        }
        catch {
            return;
        }
        const before = this.values.size;
        for (const v of sensitiveValuesFromPlan(json))
            this.values.add(v);
        if (this.values.size !== before)
            this.redactor = createRedactor({ sensitiveValues: [...this.values], onSecretLearned: this.onSecret });
    }
    /** The text with every known secret and pattern removed. */
    redact = (text) => this.redactor(text);
}

;// CONCATENATED MODULE: ./src/render/table.ts
/** A plain-text table with left-aligned, space-padded columns. */
function renderTable(headers, rows) {
    // Loops and one shared padding string per width, instead of spreads and a padded copy of every cell: a fleet's table has ten thousand rows.
    const widths = headers.map((h) => h.length);
    for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        for (let i = 0; i < widths.length; i++) {
            const length = (row[i] ?? '').length;
            if (length > widths[i])
                widths[i] = length;
        }
    }
    const pads = [];
    const line = (cells) => {
        const last = cells.length - 1;
        let text = '';
        for (let i = 0; i <= last; i++) {
            const cell = cells[i];
            text += i === 0 ? cell : `  ${cell}`;
            const missing = i === last ? 0 : (widths[i] ?? 0) - cell.length;
            if (missing > 0)
                text += pads[missing] ?? (pads[missing] = ' '.repeat(missing));
        }
        // Only a line whose last cell is empty or ends in white space can end in white space.
        const end = cells[last];
        return end === undefined || end === '' || /\s$/.test(end) ? text.trimEnd() : text;
    };
    const lines = [line(headers), line(widths.map((w) => '-'.repeat(w)))];
    for (let r = 0; r < rows.length; r++)
        lines.push(line(rows[r]));
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/render/deployment-list.ts

/** The `list` command's text: one row per selected deployment, then removals. */
function renderDeploymentList(selected, removed) {
    const parts = [];
    if (selected.length === 0) {
        parts.push('No deployments selected.');
    }
    else {
        // One service and one reason are the common row: no array is mapped and joined for them.
        const rows = selected.map((d) => [
            d.name,
            d.services.length === 1 ? d.services[0] : d.services.join(','),
            d.stateKey,
            d.reasons.length === 1 ? d.reasons[0].text : d.reasons.map((r) => r.text).join('; ')
        ]);
        parts.push(renderTable(['DEPLOYMENT', 'SERVICES', 'STATE KEY', 'REASONS'], rows));
        parts.push(`${selected.length} deployment${selected.length === 1 ? '' : 's'} selected.`);
    }
    for (const r of removed)
        parts.push(`removed: ${r.text}`);
    return parts.join('\n');
}

;// CONCATENATED MODULE: ./src/action/action-log.ts


/** The runner's log through `redact` (runner logs are not a terminal: no colours either). */
function actionLog(redact) {
    const clean = (text) => redact(stripAnsi(text));
    return {
        info: (text) => core/* info */.pq(clean(text)),
        warning: (text, where = {}) => core/* warning */.$e(clean(text), where),
        error: (text, where = {}) => core/* error */.z3(clean(text), where),
        group: (title, body) => {
            core/* startGroup */.Oh(clean(title));
            core/* info */.pq(clean(body));
            core/* endGroup */.N4();
        },
        annotate: (a) => core/* error */.z3(clean(a.message), { title: clean(a.title), ...(a.file ? { file: a.file } : {}), ...(a.startLine ? { startLine: a.startLine } : {}) })
    };
}

;// CONCATENATED MODULE: ./src/action/annotations.ts

/**
 * Where an annotation points: the file relative to the repository root
 * (GITHUB_WORKSPACE), so it attaches to the pull request's diff, and its line
 * when known. A file outside the repository gets no location.
 */
function annotationFor(repoRoot, workingDir, file, line) {
    const path = (0,external_node_path_.relative)(repoRoot, (0,external_node_path_.resolve)(workingDir, file));
    if (path === '' || path.startsWith('..') || (0,external_node_path_.isAbsolute)(path))
        return {};
    return { file: path.split(external_node_path_.sep).join('/'), ...(line !== undefined && line > 0 ? { startLine: line } : {}) };
}
/** The location an error message starts with or carries (`file.yml:3: ...`, `tfvars syntax error: a/b.tfvars:2: ...`). */
function locationOf(message) {
    const m = /(?:^|: )([^\s:]+\.(?:ya?ml|tfvars|tf|json|hcl|rego))(?::(\d+))?(?::|$)/m.exec(message);
    if (!m?.[1])
        return undefined;
    return { file: m[1], line: m[2] ? Number(m[2]) : undefined };
}

;// CONCATENATED MODULE: ./src/aws/role-arn.ts
/**
 * IAM role ARNs: `arn:<partition>:iam::<12-digit account>:role/<path/><name>`.
 * The AWS partitions are `aws` and `aws-<suffix>` (aws-cn, aws-us-gov, aws-iso-b ...).
 * MinIO's role-policy ARN (`arn:minio:iam:::role/<id>`) is accepted only when a
 * custom STS endpoint is configured: against AWS it can never be right. (MinIO's
 * claim-based provider ignores an unknown RoleArn, so AWS-form ARNs work there too.)
 */
const AWS_ROLE = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const MINIO_ROLE = /^arn:minio:iam:(?:[a-z0-9-]*):(?:\d{12})?:role\/[\w+=,.@-]{1,64}$/;
/** Why `arn` is not a role ARN the STS in use can assume, or undefined when it is. */
function roleArnProblem(arn, context = { customSts: false }) {
    if (arn.length > 2048)
        return 'is longer than 2048 characters';
    if (AWS_ROLE.test(arn))
        return undefined;
    if (context.customSts && MINIO_ROLE.test(arn))
        return undefined;
    if (MINIO_ROLE.test(arn))
        return 'is a MinIO role ARN, valid only with a custom STS endpoint (AWS_ENDPOINT_URL_STS)';
    if (/^arn:[^:]*:iam::[^:]*:user\//.test(arn))
        return 'names an IAM user; OIDC needs a role (arn:aws:iam::<account>:role/<name>)';
    if (/^arn:[^:]*:iam::(?!\d{12}:)/.test(arn))
        return 'must have a 12-digit account id (arn:aws:iam::123456789012:role/<name>)';
    return 'must be an IAM role ARN like arn:aws:iam::123456789012:role/<name>';
}
/** A role session name as STS accepts it: 2-64 of [A-Za-z0-9_+=,.@-]; other characters become '-'. */
function sessionName(wanted) {
    const cleaned = wanted.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
    return cleaned.length >= 2 ? cleaned : `${cleaned}--`.slice(0, 2);
}

;// CONCATENATED MODULE: ./src/aws/aws-settings.ts

// STS accepts 900 s to 12 h; the role's own maximum session duration may be lower.
const MIN_DURATION_SECONDS = 900;
const MAX_DURATION_SECONDS = 43_200;
const DEFAULT_DURATION_SECONDS = 3600;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
/**
 * Validates the credential inputs; undefined without `aws-role-arn` (the
 * runner's ambient credentials are used). Errors name the input.
 */
function parseAwsSettings(raw) {
    const roleArn = raw.roleArn?.trim();
    if (!roleArn) {
        for (const [name, value] of [['role-session-name', raw.sessionName], ['role-duration-seconds', raw.durationSeconds]])
            if (value?.trim())
                throw new Error(`input ${name} needs aws-role-arn`);
        return undefined;
    }
    const stsEndpoint = raw.stsEndpoint?.trim() || undefined;
    const problem = roleArnProblem(roleArn, { customSts: stsEndpoint !== undefined });
    if (problem)
        throw new Error(`input aws-role-arn: "${roleArn}" ${problem}`);
    const region = raw.region?.trim() || raw.envRegion?.trim();
    if (!region)
        throw new Error('input aws-region is required with aws-role-arn (or set AWS_REGION)');
    if (!REGION.test(region) && !stsEndpoint)
        throw new Error(`input aws-region: "${region}" is not an AWS region like us-east-1`);
    const durationText = raw.durationSeconds?.trim() || String(DEFAULT_DURATION_SECONDS);
    const durationSeconds = Number(durationText);
    if (!/^\d+$/.test(durationText) || durationSeconds < MIN_DURATION_SECONDS || durationSeconds > MAX_DURATION_SECONDS)
        throw new Error(`input role-duration-seconds: "${durationText}" must be a whole number from ${MIN_DURATION_SECONDS} to ${MAX_DURATION_SECONDS}`);
    const wanted = raw.sessionName?.trim();
    if (wanted && !/^[\w+=,.@-]{2,64}$/.test(wanted))
        throw new Error(`input role-session-name: "${wanted}" must be 2-64 characters of letters, digits and _+=,.@-`);
    return { roleArn, region, sessionName: wanted ?? sessionName(`tf-orchestrator-${raw.runId ?? 'local'}`), durationSeconds, stsEndpoint };
}

;// CONCATENATED MODULE: ./src/aws/role-for-deployment.ts

/**
 * The role for a deployment of `account`: its entry in `aws_roles`, else the
 * action's role; undefined when neither exists (ambient credentials are used).
 */
function roleForDeployment(account, awsRoles, actionRole) {
    const own = Object.hasOwn(awsRoles, account) ? awsRoles[account] : undefined;
    if (own)
        return { roleArn: own, source: 'aws_roles' };
    return actionRole ? { roleArn: actionRole, source: 'action' } : undefined;
}
/** One message per `aws_roles` entry that is not a role ARN, naming the account. */
function awsRolesProblems(awsRoles, context) {
    return Object.entries(awsRoles).flatMap(([account, arn]) => {
        const problem = roleArnProblem(arn, context);
        return problem ? [`aws_roles.${account}: "${arn}" ${problem}`] : [];
    });
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-providers/dist-cjs/index.js
var dist_cjs = __webpack_require__(29719);
;// CONCATENATED MODULE: ./src/aws/io/oidc-credentials.ts

/** The audience AWS STS expects in a GitHub OIDC token. */
const STS_AUDIENCE = 'sts.amazonaws.com';
/** Credentials are replaced this long before they expire. */
const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;
/** What to check for the two answers AWS gives a misconfigured account or role. */
function hintFor(message) {
    if (/not authorized to perform sts:AssumeRoleWithWebIdentity|AccessDenied/i.test(message))
        return ` (the role's trust policy must allow token.actions.githubusercontent.com with aud ${STS_AUDIENCE} and this repository's sub)`;
    if (/No OpenIDConnect provider found/i.test(message))
        return ' (add GitHub as an IAM OIDC identity provider in the role\'s account)';
    return '';
}
/** Exchanges GitHub's OIDC token for the role's temporary credentials (AssumeRoleWithWebIdentity). */
function oidcCredentials(options) {
    const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    const now = options.now ?? Date.now;
    const sessionMs = (options.durationSeconds ?? 3600) * 1000;
    let current;
    let pending;
    const exchange = async () => {
        const token = await options.getIdToken(STS_AUDIENCE);
        options.onSecret(token);
        let identity;
        try {
            identity = await (0,dist_cjs/* fromWebToken */.G7)({
                roleArn: options.roleArn,
                roleSessionName: options.sessionName,
                webIdentityToken: token,
                ...(options.durationSeconds ? { durationSeconds: options.durationSeconds } : {}),
                clientConfig: { region: options.region, ...(options.stsEndpoint ? { endpoint: options.stsEndpoint } : {}) }
            })();
        }
        catch (error) {
            // The SDK's message is STS's answer; it never contains the token.
            const e = error;
            const where = options.stsEndpoint ? ` at ${options.stsEndpoint}` : '';
            const message = `${e.name ?? 'Error'}: ${e.message ?? String(error)}`;
            throw new Error(`AssumeRoleWithWebIdentity for ${options.roleArn}${where} failed: ${message}${hintFor(message)}`);
        }
        const { accessKeyId, secretAccessKey, sessionToken, expiration } = identity;
        if (!sessionToken || !expiration)
            throw new Error(`AssumeRoleWithWebIdentity for ${options.roleArn} answered no session token or expiration`);
        for (const secret of [accessKeyId, secretAccessKey, sessionToken])
            options.onSecret(secret);
        options.log?.(`assumed ${options.roleArn} (session ${options.sessionName}) until ${expiration.toISOString()}`);
        return { accessKeyId, secretAccessKey, sessionToken, expiration };
    };
    // One exchange at a time: concurrent callers share it (fresh credentials satisfy any of them).
    const get = async (remainingMs) => {
        if (current && current.expiration.getTime() - now() > remainingMs)
            return current;
        pending ??= exchange()
            .then((fresh) => (current = fresh))
            .finally(() => {
            pending = undefined;
        });
        return pending;
    };
    const provider = (async () => get(margin));
    // A child asks for more than a session can give: cap at what a fresh session gives, or it would refresh on every call.
    provider.validFor = (ms) => get(Math.max(margin, Math.min(ms, sessionMs - margin)));
    Object.defineProperty(provider, 'roleArn', { value: options.roleArn });
    return provider;
}
/** The environment a Terraform / OpenTofu child process reads the credentials from. */
function credentialsEnv(creds, region) {
    return {
        AWS_ACCESS_KEY_ID: creds.accessKeyId,
        AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
        AWS_SESSION_TOKEN: creds.sessionToken,
        AWS_REGION: region,
        AWS_DEFAULT_REGION: region
    };
}

;// CONCATENATED MODULE: ./src/aws/io/deployment-credentials.ts


/** One refreshing provider per role, shared by every deployment that uses the role. */
function deploymentCredentials(options) {
    const { settings, awsRoles } = options;
    if (!settings && Object.keys(awsRoles).length > 0) {
        throw new Error('aws_roles in the configuration needs the aws-role-arn and aws-region inputs (the tokens, region and session settings come from them)');
    }
    const problems = awsRolesProblems(awsRoles, { customSts: settings?.stsEndpoint !== undefined });
    if (problems.length > 0)
        throw new Error(problems.join('\n'));
    const byRole = new Map();
    const providerFor = (s, roleArn) => {
        let provider = byRole.get(roleArn);
        if (!provider) {
            provider = oidcCredentials({ ...s, roleArn, getIdToken: options.getIdToken, onSecret: options.onSecret, log: options.log, refreshMarginMs: options.refreshMarginMs });
            byRole.set(roleArn, provider);
        }
        return provider;
    };
    return {
        action: settings ? providerFor(settings, settings.roleArn) : undefined,
        async envFor(account, minValidityMs) {
            const role = settings ? roleForDeployment(account, awsRoles, settings.roleArn) : undefined;
            if (!settings || !role)
                return {};
            return credentialsEnv(await providerFor(settings, role.roleArn).validFor(minValidityMs), settings.region);
        }
    };
}

;// CONCATENATED MODULE: ./src/aws/io/github-id-token.ts

/**
 * An OIDC token from GitHub for `audience`: core.getIDToken reads
 * ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN and masks the token. Those variables
 * exist only when the job has `permissions: id-token: write`, which the error says.
 */
async function githubIdToken(audience) {
    try {
        return await core/* getIDToken */.V9(audience);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const hint = /ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN) env/.test(message) ? ' (aws-role-arn needs the job permission `id-token: write`)' : '';
        throw new Error(`could not get a GitHub OIDC token for audience ${audience}: ${message}${hint}`);
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 34 modules
var cache = __webpack_require__(33503);
;// CONCATENATED MODULE: ./src/cache/plugin-cache-key.ts
/** Cache keys may not contain commas and are at most 512 characters. */
const clean = (part) => part.replace(/[^\w.-]/g, '_') || 'none';
/**
 * The key `tf-orchestrator-plugins-<os>-<arch>-<binary>-<version>-<lockDigest>`.
 * When a lock file changes, the restore falls back to the newest cache of the
 * same platform and binary version (most providers are still in it), and the
 * post step saves the result under the new key.
 */
function pluginCacheKey(parts) {
    const prefix = ['tf-orchestrator-plugins', parts.os, parts.arch, parts.binary, parts.version].map(clean).join('-');
    return { key: `${prefix}-${clean(parts.lockDigest)}`, restoreKeys: [`${prefix}-`] };
}

;// CONCATENATED MODULE: ./src/cache/io/lock-digest.ts



/** Folders that never hold a lock file of ours: tool data, VCS, dependencies. */
const SKIPPED = new Set(['.git', '.terraform', '.tf-orchestrator', 'node_modules']);
const LOCK_FILE = '.terraform.lock.hcl';
/** Every `.terraform.lock.hcl` below `root`, as sorted paths relative to it. */
async function lockFiles(root) {
    const found = [];
    const walk = async (dir) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
            if (entry.isDirectory() && !SKIPPED.has(entry.name))
                await walk((0,external_node_path_.join)(dir, entry.name));
            else if (entry.isFile() && entry.name === LOCK_FILE)
                found.push((0,external_node_path_.relative)(root, (0,external_node_path_.join)(dir, entry.name)).split('\\').join('/'));
        }
    };
    await walk(root);
    return found.sort();
}
/**
 * A SHA-256 over the relative path and contents of every lock file below
 * `root` (first 32 hex digits); '' when there is none. Moving or editing any
 * lock file changes it.
 */
async function lockDigest(root) {
    const files = await lockFiles(root);
    if (files.length === 0)
        return '';
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const file of files) {
        hash.update(`${file}\0`);
        hash.update(await (0,promises_.readFile)((0,external_node_path_.join)(root, file)));
        hash.update('\0');
    }
    return hash.digest('hex').slice(0, 32);
}

;// CONCATENATED MODULE: ./src/action/state-names.ts
/**
 * The names the main step hands values to the post step under (core.saveState
 * -> core.getState). One enum so the two steps cannot disagree on a spelling.
 */
var StateName;
(function (StateName) {
    /** The exact key of the plugin cache, computed before the first init. */
    StateName["PluginCacheKey"] = "plugin-cache-key";
    /** The key a restore matched ('' when nothing was restored). */
    StateName["PluginCacheMatchedKey"] = "plugin-cache-matched-key";
    /** The plugin cache folder (TF_PLUGIN_CACHE_DIR of the run). */
    StateName["PluginCacheDir"] = "plugin-cache-dir";
})(StateName || (StateName = {}));

;// CONCATENATED MODULE: ./src/action/plugin-cache.ts






/** The key for this runner, binary and set of lock files. */
async function pluginCacheKeyFor(options) {
    return pluginCacheKey({ os: (0,external_node_os_.platform)(), arch: (0,external_node_os_.arch)(), binary: options.binary.name, version: options.binary.version, lockDigest: await lockDigest(options.lockRoot) });
}
/**
 * Restores the provider plugin cache before the first init and hands the post
 * step what it needs to save it (key, matched key, folder) through core.saveState.
 * Without a cache service (not on a runner) it only says so; a failed restore
 * is a warning, the run goes on with a cold cache.
 */
async function restorePluginCache(options) {
    if (!cache/* isFeatureAvailable */.w3()) {
        options.log('plugin cache: no cache service on this runner; not restored');
        return undefined;
    }
    const { key, restoreKeys } = await pluginCacheKeyFor(options);
    core/* saveState */.LZ(StateName.PluginCacheKey, key);
    core/* saveState */.LZ(StateName.PluginCacheDir, options.dir);
    let matched;
    try {
        matched = await cache/* restoreCache */.P3([options.dir], key, restoreKeys);
    }
    catch (error) {
        core/* warning */.$e(`plugin cache: restore failed, continuing with a cold cache: ${error instanceof Error ? error.message : String(error)}`);
    }
    core/* saveState */.LZ(StateName.PluginCacheMatchedKey, matched ?? '');
    if (matched === undefined)
        options.log(`plugin cache: no cache for ${key}; the post step saves it`);
    else
        options.log(`plugin cache restored from ${matched}${matched === key ? '' : ` (fallback for ${key})`} into ${options.dir}`);
    return matched;
}

;// CONCATENATED MODULE: ./src/action/credentials.ts







/** An input as typed; empty means not given. */
const input = (name) => core/* getInput */.V4(name).trim() || undefined;
/** The credential inputs (aws-role-arn, aws-region, role-session-name, role-duration-seconds), validated. */
function readAwsSettings(env) {
    return parseAwsSettings({
        roleArn: input('aws-role-arn'),
        region: input('aws-region'),
        sessionName: input('role-session-name'),
        durationSeconds: input('role-duration-seconds'),
        envRegion: env.awsRegion,
        stsEndpoint: env.awsStsEndpoint,
        runId: env.workflow[ENV.githubRunId]
    });
}
/** Input plugin-cache (default true); any other value than true or false is an error naming it. */
function readPluginCacheInput() {
    const value = input('plugin-cache') ?? 'true';
    if (!/^(true|True|TRUE|false|False|FALSE)$/.test(value))
        throw new Error(`input plugin-cache: must be true or false, got ${JSON.stringify(value)}`);
    return value.toLowerCase() === 'true';
}
/**
 * Everything the action does before the first init: assumes the action's role
 * (so a misconfigured OIDC trust or aws_roles fails before anything runs), then
 * restores the provider plugin cache (input plugin-cache, default true).
 */
async function prepareRun(ws, settings, env) {
    const aws = readAwsSettings(env);
    const fleet = deploymentCredentials({ settings: aws, awsRoles: ws.config.aws_roles, getIdToken: githubIdToken, onSecret: core/* setSecret */.Pq, log: core/* info */.pq });
    await fleet.action?.();
    if (readPluginCacheInput()) {
        const binary = await resolveBinary(settings.binary, settings.env);
        await restorePluginCache({ dir: settings.pluginCacheDir, binary, lockRoot: ws.workingDir, log: core/* info */.pq });
    }
    return {
        deploymentEnv: aws ? (d) => fleet.envFor(d.account, settings.timeoutMs) : undefined,
        credentials: fleet.action
    };
}

;// CONCATENATED MODULE: ./src/action/drift.ts
/**
 * What a drift run found: the drift observer's findings when it ran, else the
 * deployments that planned successfully with changes (the same rule).
 */
function driftedDeployments(summary, findings) {
    return findings?.drifted ?? summary.deployments.filter((r) => r.status === 'succeeded' && r.hasChanges).map((r) => r.id);
}
/** Why a drift run fails the job (`fail-on-drift: true` and something drifted), or undefined. */
function driftFailure(drifted, failOnDrift) {
    if (!failOnDrift || drifted.length === 0)
        return undefined;
    const shown = drifted.slice(0, 10).join(', ');
    return `drift in ${drifted.length} deployment(s): ${shown}${drifted.length > 10 ? ', ...' : ''} (fail-on-drift is true)`;
}

;// CONCATENATED MODULE: ./src/action/inputs.ts


/** An input as typed; an empty or unset input is not given. */
function inputs_input(name) {
    const value = core/* getInput */.V4(name).trim();
    return value === '' ? undefined : value;
}
const isTrue = (value) => value !== undefined && /^(true|True|TRUE)$/.test(value);
/** Reads `github-token`, `drift-issues` and `fail-on-drift`; a wrong value is an error naming the input. */
function readGitHubInputs() {
    const mode = inputs_input('drift-issues') ?? 'per-deployment';
    if (mode !== 'per-deployment' && mode !== 'per-run')
        throw new Error(`input drift-issues: must be per-deployment or per-run, got ${JSON.stringify(mode)}`);
    const fail = inputs_input('fail-on-drift') ?? 'false';
    if (!/^(true|True|TRUE|false|False|FALSE)$/.test(fail))
        throw new Error(`input fail-on-drift: must be true or false, got ${JSON.stringify(fail)}`);
    const token = inputs_input('github-token');
    return { ...(token ? { token } : {}), driftIssues: mode, failOnDrift: isTrue(fail) };
}
/**
 * Reads every input of action.yml into the raw run request and validates it
 * with the CLI's schema; an invalid value is an error naming the input.
 */
function readInputs(env) {
    const raw = {
        command: inputs_input('command'),
        workingDir: inputs_input('working-directory'),
        config: inputs_input('config'),
        baseRef: inputs_input('base-ref'),
        changedFiles: inputs_input('changed-files'),
        all: inputs_input('all'),
        maxWorkers: inputs_input('max-workers'),
        parallel: inputs_input('parallel'),
        timeoutMinutes: inputs_input('timeout-minutes'),
        binary: inputs_input('binary'),
        // Also on when the workflow is re-run with debug logging.
        debug: env.runnerDebug ? 'true' : inputs_input('debug'),
        dryRun: inputs_input('dry-run'),
        destroy: inputs_input('destroy'),
        policyMode: inputs_input('policy-mode'),
        review: inputs_input('review'),
        planRetentionDays: inputs_input('plan-retention-days'),
        // Default: on a re-run attempt of the same workflow run, only what the previous attempt did not finish.
        rerunFailed: inputs_input('rerun-failed') ?? (Number(env.workflow?.GITHUB_RUN_ATTEMPT ?? '1') > 1 ? 'previous-attempt' : undefined)
    };
    const chosen = isTrue(raw.all) || raw.changedFiles !== undefined || raw.baseRef !== undefined || raw.rerunFailed !== undefined;
    // On pull requests the base branch is the natural base ref; otherwise (push, schedule) everything.
    if (!chosen && env.githubBaseRef)
        raw.baseRef = `origin/${env.githubBaseRef}`;
    else if (!chosen && (raw.all === undefined || /^(false|False|FALSE)$/.test(raw.all)))
        raw.all = 'true';
    return parseRunRequest(raw, 'action');
}

;// CONCATENATED MODULE: ./src/matrix/components.ts
/**
 * Weakly connected components of a dependency graph: deployments linked by any
 * edge, in either direction and whatever accounts or regions it joins, share a
 * component. Each component is sorted; components are ordered by their first id,
 * so the same graph always gives the same list.
 */
function connectedComponents(graph) {
    const parent = new Map();
    const find = (node) => {
        let root = node;
        while (parent.get(root) !== root)
            root = parent.get(root);
        // Path compression keeps 500-node fleets linear in practice.
        let current = node;
        while (current !== root) {
            const next = parent.get(current);
            parent.set(current, root);
            current = next;
        }
        return root;
    };
    const add = (node) => void (parent.has(node) || parent.set(node, node));
    for (const [node, deps] of graph) {
        add(node);
        for (const dep of deps) {
            add(dep);
            const a = find(node);
            const b = find(dep);
            // The smaller id becomes the root: the union order cannot change the result.
            if (a !== b)
                parent.set(a < b ? b : a, a < b ? a : b);
        }
    }
    const groups = new Map();
    for (const node of parent.keys()) {
        const root = find(node);
        groups.set(root, [...(groups.get(root) ?? []), node]);
    }
    const components = [...groups.values()].map((ids) => ids.sort());
    return components.sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

;// CONCATENATED MODULE: ./src/matrix/pack-shards.ts

/** Most matrix jobs by default: enough to spread a fleet, few enough to leave runners for others. */
const MAX_DEFAULT_SHARDS = 20;
/** The cost of running `ids` (one component) in one job: the makespan bound the engine's critical-path scheduler approaches. */
function componentCost(graph, ids, durationMs, workers) {
    const sub = new Map(ids.map((id) => [id, new Set(graph.get(id) ?? [])]));
    let criticalPathMs = 0;
    for (const length of criticalPathLengths(sub, durationMs).values())
        criticalPathMs = Math.max(criticalPathMs, length);
    const workMs = ids.reduce((sum, id) => sum + durationMs(id), 0);
    return { ids: [...ids], workMs, criticalPathMs, estimateMs: Math.max(criticalPathMs, workMs / workers) };
}
/** Shards to use: the requested count (default min(components, 20)), never more than there are components. */
function shardCount(components, requested) {
    if (requested !== undefined && (!Number.isInteger(requested) || requested < 1))
        throw new Error(`shards must be a whole number of at least 1, got ${requested}`);
    return Math.min(components, requested ?? MAX_DEFAULT_SHARDS);
}
/**
 * LPT packing: components by estimate, longest first (ties by first id), each
 * onto the shard with the smallest expected makespan so far (ties: lowest
 * number). Deterministic, so every matrix job recomputes the same split.
 */
function packShards(components, shards, workers) {
    const bins = Array.from({ length: shards }, (_, i) => ({ shard: i + 1, components: [], workMs: 0, criticalPathMs: 0, load: 0 }));
    const order = [...components].sort((a, b) => b.estimateMs - a.estimateMs || ((a.ids[0] ?? '') < (b.ids[0] ?? '') ? -1 : 1));
    for (const component of order) {
        let target = bins[0];
        for (const bin of bins)
            if (target === undefined || bin.load < target.load)
                target = bin;
        if (target === undefined)
            throw new Error('packShards: no shard to place a component on (shards must be at least 1)');
        target.components.push(component);
        target.workMs += component.workMs;
        target.criticalPathMs = Math.max(target.criticalPathMs, component.criticalPathMs);
        // Components in one job share its workers: their work adds up, their critical paths do not.
        target.load = Math.max(target.criticalPathMs, target.workMs / workers);
    }
    const totalWork = components.reduce((sum, c) => sum + c.workMs, 0);
    const largest = components.reduce((max, c) => Math.max(max, c.estimateMs), 0);
    return {
        shards: bins.map((b) => ({ shard: b.shard, components: b.components, expectedMakespanMs: b.load })),
        workers,
        lowerBoundMs: shards === 0 ? 0 : Math.max(largest, totalWork / (workers * shards))
    };
}

;// CONCATENATED MODULE: ./src/matrix/plan-matrix.ts



/**
 * Workers a matrix job is assumed to have when neither flag nor configuration
 * says: a fixed figure (not the CPU count) so every job recomputes the same split.
 */
const MATRIX_DEFAULT_WORKERS = 5;
/** Splits the selected deployments into shards of whole components, packed by expected duration. */
function planMatrix(input) {
    if (!Number.isInteger(input.workers) || input.workers < 1)
        throw new Error(`workers must be a whole number of at least 1, got ${input.workers}`);
    const durationMs = (id) => {
        const recorded = input.history[id];
        // A corrupt history entry must not make a deployment look free.
        return typeof recorded === 'number' && Number.isFinite(recorded) && recorded >= 0 ? recorded : DEFAULT_ESTIMATE_MS;
    };
    const components = connectedComponents(input.graph).map((ids) => componentCost(input.graph, ids, durationMs, input.workers));
    return packShards(components, shardCount(components.length, input.shards), input.workers);
}
/** The deployment ids of one shard, sorted. */
function shardIds(packing, shard) {
    const found = packing.shards.find((s) => s.shard === shard);
    if (!found)
        throw new Error(`shard ${shard} does not exist: there are ${packing.shards.length} shard(s)`);
    return found.components.flatMap((c) => c.ids).sort();
}

;// CONCATENATED MODULE: ./src/matrix/select-shard.ts


/** Parses `n/total` (1 <= n <= total). */
function parseShardSpec(text) {
    const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    const shard = Number(match?.[1]);
    const total = Number(match?.[2]);
    if (!match || shard < 1 || total < 1 || shard > total)
        throw new Error(`--shard must look like n/total with 1 <= n <= total, got ${JSON.stringify(text)}`);
    return { shard, total };
}
/**
 * Recomputes the split from the same inputs the matrix job had and keeps shard
 * `spec.shard`. A different shard count means the inputs differ (selection,
 * history or workers), which would run deployments twice or never: an error.
 */
function selectShard(selected, graph, history, spec, workers) {
    const packing = planMatrix({ graph: graph.dependencies, history, workers, shards: spec.total });
    if (packing.shards.length !== spec.total) {
        throw new Error(`--shard ${spec.shard}/${spec.total}: this selection splits into ${packing.shards.length} shard(s), not ${spec.total}; run with the selection, history and workers the matrix was made from`);
    }
    return restrictToIds(selected, graph, shardIds(packing, spec.shard));
}
/** Keeps exactly `ids` (a shard handed over by the matrix job); they must be selected and share no edge with the rest. */
function restrictToIds(selected, graph, ids) {
    const keep = new Set(ids);
    const known = new Set(selected.map((d) => d.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0)
        throw new Error(`not in the selection: ${unknown.join(', ')}`);
    const dependencies = new Map();
    for (const [id, deps] of graph.dependencies) {
        for (const dep of deps) {
            // An edge across the boundary means one job would wait for another: refuse rather than misorder.
            if (keep.has(id) !== keep.has(dep))
                throw new Error(`${id} depends on ${dep}, which ${keep.has(id) ? 'another shard' : 'this shard'} runs`);
        }
        if (keep.has(id))
            dependencies.set(id, new Set(deps));
    }
    return { selected: selected.filter((d) => keep.has(d.id)), graph: { dependencies, levels: executionLevels(dependencies) } };
}

;// CONCATENATED MODULE: ./src/app/shard-selection.ts






/** Workers each matrix job is planned with: flag, configuration, else a fixed default (never the CPU count: every job must agree). */
function matrixWorkers(config, flag) {
    if (flag !== undefined)
        return flag;
    return config.parallel ? (config.max_workers ?? MATRIX_DEFAULT_WORKERS) : 1;
}
/** The history file a workspace's runs record durations in (the matrix weighs shards by it). */
const historyFileOf = (workingDir) => (0,external_node_path_.join)(workingDir, '.tf-orchestrator', 'history.json');
/** The workers a request plans shards with: `parallel: false` means one. */
const requestWorkers = (config, r) => matrixWorkers(config, r.parallel === false ? 1 : r.maxWorkers);
/** `n/total`, or `n` plus the shard count. */
function shardSpecOf(shard, shards) {
    if (shard.includes('/'))
        return parseShardSpec(shard);
    if (shards === undefined)
        throw new Error(`shard ${shard}: say how many shards there are (shard n/total, or shards)`);
    return parseShardSpec(`${shard}/${shards}`);
}
/** The ids of a deployments list: comma, space or newline separated. */
const idsOf = (text) => text.split(/[\s,]+/).filter(Boolean);
/**
 * Narrows a loaded workspace to one matrix job's share; unchanged without
 * `shard` or `deployments`. `shard` recomputes the discover job's split (same
 * selection, history and workers) and keeps one shard. `deployments` keeps
 * exactly those ids: within a change selection they must share no edge with
 * the rest of it; within `all` (an apply job that did not diff again) their
 * order is rebuilt among themselves, as the discover job's selection had it.
 */
async function narrowToShard(ws, request) {
    if (request.shard === undefined && request.deployments === undefined)
        return ws;
    if (request.deployments !== undefined) {
        const ids = [...new Set(idsOf(request.deployments))];
        if (ids.length === 0)
            throw new Error('deployments: no deployment id given');
        if (ws.changes !== 'all')
            return narrowed(ws, restrictToIds(ws.selection.selected, ws.graph, ids));
        const known = new Set(ws.selection.selected.map((d) => d.id));
        const unknown = ids.filter((id) => !known.has(id));
        if (unknown.length > 0)
            throw new Error(`not in the selection: ${unknown.join(', ')}`);
        const graph = buildExecutionGraph({
            all: ws.discovery.deployments,
            selected: new Set(ids),
            serviceDependencies: ws.config.serviceDependencies,
            explicit: ws.config.deployment_dependencies,
            locate: (path) => locate(ws.config.file, ws.config.lines, path)
        });
        const keep = new Set(ids);
        return narrowed(ws, { selected: ws.selection.selected.filter((d) => keep.has(d.id)), graph });
    }
    const spec = shardSpecOf(request.shard, request.shards);
    const history = await loadHistory(historyFileOf(ws.workingDir));
    return narrowed(ws, selectShard(ws.selection.selected, ws.graph, history, spec, requestWorkers(ws.config, request)));
}
const narrowed = (ws, part) => ({
    ...ws,
    selection: { ...ws.selection, selected: part.selected },
    graph: part.graph
});

;// CONCATENATED MODULE: ./src/matrix/matrix-output.ts

const seconds = (ms) => Math.round(ms / 100) / 10;
/** The JSON document for a packing. */
function matrixDocument(packing) {
    const include = packing.shards.map((s) => {
        const deployments = shardIds(packing, s.shard);
        return { shard: s.shard, total: packing.shards.length, deployments, count: deployments.length, expected_makespan_seconds: seconds(s.expectedMakespanMs) };
    });
    return {
        matrix: { include },
        shards: include.length,
        components: packing.shards.reduce((n, s) => n + s.components.length, 0),
        deployments: include.reduce((n, e) => n + e.count, 0),
        workers: packing.workers,
        expected_makespan_seconds: seconds(Math.max(0, ...packing.shards.map((s) => s.expectedMakespanMs))),
        lower_bound_seconds: seconds(packing.lowerBoundMs)
    };
}

;// CONCATENATED MODULE: ./src/action/discover.ts






const discover_input = (name) => core/* getInput */.V4(name).trim() || undefined;
/**
 * Adds the matrix inputs (shards, shard, deployments, summaries-path) to a
 * request, validated by the same schema. A matrix job given `deployments` runs
 * exactly those ids: the base branch readInputs defaults to on pull requests
 * is dropped (no diff, so a shallow checkout does), unless base-ref was given.
 */
function withFanOutInputs(request) {
    const raw = { shard: discover_input('shard'), shards: discover_input('shards'), deployments: discover_input('deployments'), summariesPath: discover_input('summaries-path') };
    if (Object.values(raw).every((v) => v === undefined))
        return request;
    const { run } = parseRunRequest({ command: 'list', ...raw }, 'action');
    const fanOut = { shard: run.shard, shards: run.shards, deployments: run.deployments, summariesPath: run.summariesPath };
    const own = run.deployments !== undefined && discover_input('base-ref') === undefined && discover_input('changed-files') === undefined;
    const selection = own ? { workingDir: request.selection.workingDir, configPath: request.selection.configPath, all: false } : request.selection;
    return { ...request, selection, run: { ...request.run, ...fanOut } };
}
/**
 * `command: discover`: the selected deployments split into shards of whole
 * components (as `matrix` prints), set as the outputs `matrix` (for
 * `strategy.matrix: fromJSON(...)`) and `count`, and shown in the job summary.
 */
async function discoverMatrix(ws, request, log, redact) {
    const doc = matrixDocument(planMatrix({
        graph: ws.graph.dependencies,
        history: await loadHistory(historyFileOf(ws.workingDir)),
        workers: requestWorkers(ws.config, request.run),
        shards: request.run.shards
    }));
    core/* setOutput */.uH('matrix', JSON.stringify(doc.matrix));
    core/* setOutput */.uH('count', doc.deployments);
    const line = `${doc.deployments} deployment(s) in ${doc.components} independent component(s), split into ${doc.shards} shard(s) of ${doc.workers} worker(s); expected ${doc.expected_makespan_seconds}s (no split is faster than ${doc.lower_bound_seconds}s)`;
    log.info(line);
    const rows = doc.matrix.include.map((e) => [String(e.shard), String(e.count), `${e.expected_makespan_seconds}s`, redact(e.deployments.join('<br>'))]);
    await core/* summary */.z
        .addHeading('tf-orchestrator: matrix', 3)
        .addRaw(redact(line), true)
        .addTable([[{ data: 'shard', header: true }, { data: 'deployments', header: true }, { data: 'expected', header: true }, { data: 'ids', header: true }], ...rows])
        .write();
    return doc;
}

// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 1 modules
var dist_src = __webpack_require__(11303);
// EXTERNAL MODULE: ./node_modules/bottleneck/lib/index.js
var lib = __webpack_require__(62203);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
;// CONCATENATED MODULE: ./src/github/io/github-client.ts




const ThrottledOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
/** A GitHub REST client with retry (5xx) and throttling (rate limits, paced writes). */
function createGitHubClient(options) {
    const { log, timing = {} } = options;
    const rateLimitRetries = options.rateLimitRetries ?? 2;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const retrying = retryCount < rateLimitRetries;
        log(`GitHub ${kind} on ${request.method} ${request.url}: ${retrying ? `retry ${retryCount + 1}/${rateLimitRetries} in ${retryAfter}s` : 'giving up'}`);
        return retrying;
    };
    // Own limiter groups per client: the plugin's shared ones would pace every client of the process together.
    const groups = {
        global: new (lib_default()).Group({ id: 'tforch-global', maxConcurrent: 10 }),
        auth: new (lib_default()).Group({ id: 'tforch-auth', maxConcurrent: 1 }),
        search: new (lib_default()).Group({ id: 'tforch-search', maxConcurrent: 1, minTime: 2000 }),
        write: new (lib_default()).Group({ id: 'tforch-write', maxConcurrent: 1, minTime: timing.writeIntervalMs ?? 1000 }),
        notifications: new (lib_default()).Group({ id: 'tforch-notifications', maxConcurrent: 1, minTime: timing.notificationIntervalMs ?? 3000 })
    };
    return new ThrottledOctokit({
        auth: options.token,
        baseUrl: (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
        userAgent: 'tf-orchestrator',
        log: { debug: () => { }, info: () => { }, warn: (message) => log(message), error: (message) => log(message) },
        retry: { retries: options.retries ?? 3, retryAfterBaseValue: timing.retryBaseMs ?? 1000 },
        throttle: {
            ...groups,
            retryAfterBaseValue: timing.rateLimitSecondMs ?? 1000,
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit')
        }
    });
}
/** A one-line description of a failed GitHub call (status and message, never headers or token). */
function describeGitHubError(error) {
    if (error !== null && typeof error === 'object' && 'status' in error) {
        const { status, message } = error;
        return `HTTP ${String(status)}: ${String(message ?? '').split('\n')[0] ?? ''}`;
    }
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/redact/redact-deep.ts
/** A copy of a JSON-like value with every string redacted (for summaries that leave the runner). */
function redactDeep(value, redact) {
    if (typeof value === 'string')
        return redact(value);
    if (Array.isArray(value))
        return value.map((v) => redactDeep(v, redact));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)]));
    }
    return value;
}

;// CONCATENATED MODULE: ./src/render/markdown.ts
// Markdown building blocks for GitHub comments, issues and job summaries.
// Callers pass text that is already redacted: nothing here redacts.
/** A table cell: pipes escaped, newlines as <br>, so one value never breaks the row. */
function cell(text) {
    return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
/** An inline code span that stays one span whatever backticks the text holds. */
function codeSpan(text) {
    const clean = text.replace(/\r?\n/g, ' ');
    const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${clean}${pad}${fence}`;
}
/** A fenced code block whose fence is longer than any backtick run inside. */
function fencedBlock(text, lang = '') {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${lang}\n${text.replace(/\n+$/, '')}\n${fence}`;
}
/** HTML text escaping for <summary> lines (GitHub renders them as HTML). */
function htmlText(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}
/** A collapsible block; a blank line after <summary> lets Markdown render inside. */
function details(summary, body, open = false) {
    return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/** A Markdown table from header and already escaped cells. */
function markdownTable(headers, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
/** Seconds with one decimal, or minutes and seconds past a minute. */
function markdown_duration(ms) {
    if (ms === undefined)
        return '-';
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)}s`;
    const total = Math.round(ms / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return h > 0 ? `${h}h ${m}m ${s}s` : `${m}m ${s}s`;
}
/** UTF-8 size, which is what GitHub's 1 MiB step summary limit counts. */
function utf8Bytes(text) {
    return new TextEncoder().encode(text).length;
}

;// CONCATENATED MODULE: ./src/render/result-kind.ts
/** Timed out counts as failed and cancelled as skipped: same colour, same urgency. */
function resultKind(r) {
    switch (r.status) {
        case 'failed':
        case 'timed-out':
            return 'failed';
        case 'blocked':
            return 'blocked';
        case 'skipped':
        case 'cancelled':
            return 'skipped';
        case 'succeeded':
            if (r.applied)
                return 'applied';
            return r.hasChanges ? 'changes' : 'no-changes';
    }
}
/** Worst first: a group of deployments takes the colour of its worst member. */
const KIND_ORDER = ['failed', 'blocked', 'skipped', 'changes', 'applied', 'no-changes'];
/** The worst kind among several (no-changes for none). */
function worstKind(kinds) {
    let worst = KIND_ORDER.length - 1;
    for (const k of kinds)
        worst = Math.min(worst, KIND_ORDER.indexOf(k));
    return KIND_ORDER[worst];
}
/** Icon and words for the status column. */
function statusText(r) {
    if (r.status === 'timed-out')
        return '⏱️ timed out';
    if (r.status === 'cancelled')
        return '🛑 cancelled';
    const text = {
        applied: '✅ applied',
        changes: '📝 changes',
        'no-changes': '⚪ no changes',
        failed: '❌ failed',
        blocked: '⛔ blocked',
        skipped: '⏭️ skipped'
    };
    return text[resultKind(r)];
}
const ruleIds = (ids) => [...new Set(ids.map((id) => id ?? 'unnamed rule'))].join(', ');
/** The policy column: verdict with the rule ids behind it, `-` when no policy ran. */
function policyText(v) {
    if (!v)
        return '-';
    const parts = [];
    if (v.errors.length)
        parts.push('⛔ evaluation error');
    if (v.denies.length)
        parts.push(`${v.mode === 'enforce' ? '⛔ deny' : '⚠️ would deny'}: ${ruleIds(v.denies.map((d) => d.id))}`);
    if (v.warnings.length)
        parts.push(`⚠️ warn: ${ruleIds(v.warnings.map((w) => w.id))}`);
    if (v.waived.length)
        parts.push(`🟡 waived: ${ruleIds(v.waived.map((w) => w.finding.id))}`);
    if (v.expiredWaivers.length)
        parts.push(`expired waiver: ${ruleIds(v.expiredWaivers.map((w) => w.rule))}`);
    return parts.length ? parts.join('; ') : v.mode === 'off' ? 'off' : '✅ pass';
}

;// CONCATENATED MODULE: ./src/render/deployment-table.ts


const HEADERS = ['Deployment', 'Status', '+', '~', '-', 'Policy', 'Duration', 'Why'];
/** Why it ran, or why it did not (the dependency it was skipped for, or its error). */
function why(r) {
    const reasons = r.reasons.map((x) => x.text).join('; ');
    // A multi-line error (a plan-changed diff) shows its first line here; the diff goes in the details.
    const note = r.status === 'skipped' && r.skippedBecause ? `skipped: ${r.skippedBecause} did not succeed` : r.error?.split('\n')[0];
    const changed = r.applyChanges ? 'counts: what the failed apply really changed' : undefined;
    const recovery = r.recovery?.message?.split('\n')[0];
    return [reasons, note, changed, recovery].filter(Boolean).join(' — ');
}
/** One table row per deployment, cells escaped for Markdown. */
function deploymentRow(r) {
    const c = r.counts;
    const count = (n) => (n === undefined ? '-' : String(n));
    // A failed apply counts what it really changed (from the state before and after), not the plan.
    const real = r.applyChanges;
    return [
        codeSpan(r.id),
        cell(statusText(r)),
        count(real ? real.added.length : c && c.create + c.replace),
        count(real ? real.changed.length : c?.update),
        count(real ? real.removed.length : c && c.delete + c.replace),
        cell(policyText(r.policy)),
        r.startedAt || r.durationMs > 0 ? markdown_duration(r.durationMs) : '-',
        cell(why(r))
    ];
}
/**
 * The per-deployment table the PR comment and the job summary share. Rows past
 * `maxRows` are left out and a line says how many; replacements count as + and -.
 */
function deploymentTable(results, maxRows = Infinity) {
    const shown = results.slice(0, maxRows);
    const table = markdownTable(HEADERS, shown.map(deploymentRow));
    const hidden = results.length - shown.length;
    return hidden > 0 ? `${table}\n\n_${hidden} more deployment${hidden === 1 ? '' : 's'} not shown._` : table;
}
/** Rows in the order reviewers should see them: problems first, then changes, then the rest. */
function rowOrder(results) {
    const rank = (r) => {
        if (r.status === 'failed' || r.status === 'timed-out' || r.status === 'blocked')
            return 0;
        if (r.status === 'skipped' || r.status === 'cancelled')
            return 1;
        if (r.applied || r.hasChanges)
            return 2;
        return 3;
    };
    return [...results].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

;// CONCATENATED MODULE: ./src/render/mermaid-text.ts
// Safe text for mermaid diagrams. Ids never reach mermaid as node ids (those are
// generated), only as labels, escaped with mermaid's `#code;` entities.
/** Mermaid refuses diagrams longer than this by default (`maxTextSize`), GitHub included. */
const MERMAID_MAX_TEXT = 50_000;
/** Mermaid's default `maxEdges` for flowcharts. */
const MERMAID_MAX_EDGES = 500;
const entity = (ch) => `#${ch.codePointAt(0)};`;
/** Text for a quoted flowchart label (`n1["..."]`): quotes, #, <, >, & and backticks escaped. */
function flowchartLabel(text) {
    return text
        .replace(/\s+/g, ' ')
        .replace(/[#"<>&`%]/g, (ch) => (ch === '"' ? '#quot;' : entity(ch)))
        .trim();
}
const GANTT_KEYWORDS = /^(section|title|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|click|weekday|weekend|inclusiveenddates|topaxis|acctitle|accdescr|displaymode|gantt)/i;
/**
 * Text for a gantt task or section name: `:` ends a name, `#` starts an entity,
 * `;` and `%%` end statements, so they are escaped; a name starting like a
 * keyword gets its first letter escaped so it stays a task.
 */
function ganttText(text) {
    const escaped = text
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[#:;%]/g, entity);
    const safe = GANTT_KEYWORDS.test(escaped) ? entity(escaped.charAt(0)) + escaped.slice(1) : escaped;
    return safe === '' ? '-' : safe;
}
/**
 * The scope of a deployment id, which is its state key without the file name:
 * `{service}/{account}/{region}/{project}`. Other shapes fall into `other`.
 */
function scopeFromId(id) {
    const parts = id.split('/');
    if (parts.length < 4)
        return { account: 'other', region: 'other', service: parts[0] || 'other' };
    return { service: parts[0], account: parts[1], region: parts[2] };
}

;// CONCATENATED MODULE: ./src/render/mermaid-dag.ts



const CLASS = { applied: 'applied', changes: 'changes', 'no-changes': 'nochange', failed: 'failed', blocked: 'blocked', skipped: 'skipped' };
const STYLE = {
    applied: 'fill:#2da44e,stroke:#1a7f37,color:#ffffff',
    changes: 'fill:#0969da,stroke:#0550ae,color:#ffffff',
    'no-changes': 'fill:#eaeef2,stroke:#8c959f,color:#24292f',
    failed: 'fill:#cf222e,stroke:#a40e26,color:#ffffff',
    blocked: 'fill:#bc4c00,stroke:#953800,color:#ffffff',
    skipped: 'fill:#ffffff,stroke:#8c959f,color:#57606a,stroke-dasharray:4 3'
};
/** What each colour means, for the line under the picture. */
const DAG_LEGEND = 'green applied · blue planned changes · grey no changes · red failed · orange blocked by policy · dashed skipped';
/** Renders the DAG in the given mode, or the most detailed one that fits. */
function renderMermaidDag(input, options = {}) {
    const n = input.summary.deployments.length;
    const modes = options.mode ? [options.mode] : ['flat', 'grouped', 'services', 'scopes', 'accounts', 'results'];
    const allowed = modes.filter((m) => options.mode || (m !== 'flat' || n <= (options.flatMax ?? 15)) && (m !== 'grouped' || n <= (options.groupedMax ?? 200)));
    let last;
    for (const mode of allowed) {
        const { text, edges } = draw(input, mode);
        last = { text, mode, note: mode === 'flat' || mode === 'grouped' ? undefined : `${n} deployments grouped by ${GROUPED_BY[mode]}` };
        if (text.length <= (options.maxChars ?? MERMAID_MAX_TEXT) && edges <= MERMAID_MAX_EDGES)
            return last;
    }
    return last;
}
const GROUPED_BY = { flat: '', grouped: '', services: 'account, region and service', scopes: 'account and region', accounts: 'account', results: 'result' };
function draw(input, mode) {
    const scopeOf = input.scopeOf ?? scopeFromId;
    const key = (r) => {
        const s = scopeOf(r.id);
        if (mode === 'services')
            return `${s.account}/${s.region}/${s.service}`;
        if (mode === 'scopes')
            return `${s.account}/${s.region}`;
        if (mode === 'accounts')
            return s.account;
        if (mode === 'results')
            return resultKind(r);
        return r.id;
    };
    // Without dependencies the levels still show the order: one subgraph per level.
    const levelOf = new Map();
    if (!input.dependencies)
        input.summary.executionLevels.forEach((level, i) => level.forEach((id) => levelOf.set(id, `Level ${i + 1}`)));
    const members = new Map();
    for (const r of input.summary.deployments)
        members.set(key(r), [...(members.get(key(r)) ?? []), r]);
    const nodes = [...members].map(([k, rs]) => {
        const kind = worstKind(rs.map(resultKind));
        if (mode === 'flat' || mode === 'grouped')
            return deploymentNode(rs[0], mode, scopeOf, levelOf);
        return { key: k, kind, label: `${flowchartLabel(k)}<br>${countsLine(rs)}`, group: mode === 'services' ? groupOf(scopeOf(rs[0]?.id ?? '')) : undefined };
    });
    const ids = new Map(nodes.map((node, i) => [node.key, `n${i}`]));
    const lines = ['flowchart LR'];
    for (const [kind, style] of Object.entries(STYLE))
        lines.push(`  classDef ${CLASS[kind]} ${style}`);
    const groups = new Map();
    for (const node of nodes)
        groups.set(node.group, [...(groups.get(node.group) ?? []), node]);
    let g = 0;
    for (const [group, inGroup] of groups) {
        if (group !== undefined)
            lines.push(`  subgraph g${g++}["${flowchartLabel(group)}"]`);
        for (const node of inGroup)
            lines.push(`${group !== undefined ? '    ' : '  '}${ids.get(node.key)}["${node.label}"]:::${CLASS[node.kind]}`);
        if (group !== undefined)
            lines.push('  end');
    }
    const edges = new Set();
    const keyOf = new Map(input.summary.deployments.map((r) => [r.id, key(r)]));
    for (const [id, deps] of input.dependencies ?? []) {
        for (const dep of deps) {
            const from = ids.get(keyOf.get(dep) ?? '');
            const to = ids.get(keyOf.get(id) ?? '');
            if (from && to && from !== to)
                edges.add(`  ${from} --> ${to}`);
        }
    }
    lines.push(...[...edges].sort());
    return { text: lines.join('\n'), edges: edges.size };
}
const groupOf = (s) => `${s.account} / ${s.region}`;
function deploymentNode(r, mode, scopeOf, levelOf) {
    const s = scopeOf(r.id);
    // Inside an account/region group the id's account and region would only repeat the title.
    const name = mode === 'grouped' ? r.id.split('/').filter((p, i) => !(i > 0 && (p === s.account || p === s.region))).join('/') : r.id;
    const counts = r.counts ? `<br>${flowchartLabel(formatCounts(r.counts))}` : '';
    return { key: r.id, kind: resultKind(r), label: `${flowchartLabel(name)}${counts}`, group: mode === 'grouped' ? groupOf(s) : levelOf.get(r.id) };
}
/** `12 deployments: 1 failed, 3 changes, 8 no changes` */
function countsLine(rs) {
    const byKind = new Map();
    for (const r of rs)
        byKind.set(resultKind(r), (byKind.get(resultKind(r)) ?? 0) + 1);
    const parts = KIND_ORDER.filter((k) => byKind.has(k)).map((k) => `${byKind.get(k)} ${k.replace('-', ' ')}`);
    return `${rs.length} deployment${rs.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

;// CONCATENATED MODULE: ./src/render/mermaid-gantt.ts


const PHASES = ['init', 'plan', 'show', 'policy', 'apply'];
// crit is red, active is the highlighted blue, done is grey: problems stand out.
const TAG = { failed: 'crit, ', blocked: 'crit, ', skipped: 'done, ', changes: 'active, ', applied: '', 'no-changes': 'done, ' };
/** Renders the gantt in the given mode, or the most detailed one that fits. */
function renderMermaidGantt(input, options = {}) {
    const started = input.summary.deployments.filter((r) => startOf(r) !== undefined);
    const n = started.length;
    const modes = options.mode
        ? [options.mode]
        : ['phases', 'deployments', 'scopes'].filter((m) => (m !== 'phases' || n <= (options.phasesMax ?? 10)) && (m !== 'deployments' || n <= (options.deploymentsMax ?? 150)));
    let last;
    for (const mode of modes) {
        const bars = mode === 'phases' ? phaseBars(started) : mode === 'deployments' ? deploymentBars(started) : scopeBars(started, input.scopeOf ?? scopeFromId);
        const text = ganttLines(input.summary, bars).join('\n');
        last = { text, mode, note: mode === 'scopes' ? `${n} deployments drawn as one bar per account and region (first start to last finish)` : undefined };
        if (text.length <= (options.maxChars ?? MERMAID_MAX_TEXT))
            return last;
    }
    return last;
}
function ganttLines(summary, bars) {
    const lines = ['gantt', `  title ${ganttText(`Run ${summary.runId}, ${summary.workers} workers`)}`, '  dateFormat x', '  axisFormat %H:%M:%S', '  todayMarker off'];
    const sections = [...new Set(bars.map((b) => b.section))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    let t = 0;
    for (const section of sections) {
        lines.push(`  section ${ganttText(section)}`);
        for (const b of bars.filter((x) => x.section === section).sort((x, y) => x.start - y.start)) {
            // At least 1 ms so zero-length phases still parse as a bar.
            lines.push(`    ${ganttText(b.name)} :${b.tag}t${t++}, ${b.start}, ${Math.max(b.end, b.start + 1)}`);
        }
    }
    return lines;
}
const worker = (r) => (r.workerId === undefined ? 'Worker ?' : `Worker ${r.workerId}`);
function startOf(r) {
    const t = r.startedAt ? Date.parse(r.startedAt) : NaN;
    return Number.isNaN(t) ? undefined : t;
}
function deploymentBars(results) {
    return results.map((r) => {
        const start = startOf(r);
        return { section: worker(r), name: r.id, tag: TAG[resultKind(r)], start, end: start + r.durationMs };
    });
}
/** A phase without its own start time follows the one before it. */
function phaseBars(results) {
    const bars = [];
    for (const r of results) {
        let cursor = startOf(r);
        for (const phase of PHASES) {
            const p = r.phases[phase];
            if (!p)
                continue;
            const own = p.startedAt ? Date.parse(p.startedAt) : NaN;
            const start = Number.isNaN(own) ? cursor : own;
            const failedHere = r.status !== 'succeeded' && !PHASES.slice(PHASES.indexOf(phase) + 1).some((later) => r.phases[later]);
            const tag = failedHere ? TAG[resultKind(r)] : phase === 'apply' ? '' : 'done, ';
            bars.push({ section: worker(r), name: `${r.id} ${phase}${p.attempts > 1 ? ` (${p.attempts} attempts)` : ''}`, tag, start, end: start + p.durationMs });
            cursor = start + p.durationMs;
        }
    }
    return bars;
}
function scopeBars(results, scopeOf) {
    const groups = new Map();
    for (const r of results) {
        const s = scopeOf(r.id);
        const key = `${s.account}\u0000${s.region}`;
        groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return [...groups].map(([key, rs]) => {
        const [account, region] = key.split('\u0000');
        const start = Math.min(...rs.map((r) => startOf(r)));
        const end = Math.max(...rs.map((r) => startOf(r) + r.durationMs));
        const workers = new Set(rs.map((r) => r.workerId)).size;
        return { section: account, name: `${region}, ${rs.length} deployments on ${workers} workers`, tag: TAG[worstKind(rs.map(resultKind))], start, end };
    });
}

;// CONCATENATED MODULE: ./src/render/run-kpis.ts

/** The run's KPIs from its summary (0 where the run took no time). */
function runKpis(summary) {
    const totalWorkMs = summary.deployments.reduce((n, r) => n + r.durationMs, 0);
    const makespanMs = summary.durationMs;
    return {
        makespanMs,
        totalWorkMs,
        workers: summary.workers,
        parallelism: summary.parallelDeployments,
        speedup: makespanMs > 0 ? totalWorkMs / makespanMs : 0,
        utilization: makespanMs > 0 && summary.workers > 0 ? totalWorkMs / (makespanMs * summary.workers) : 0,
        deployments: summary.deployments.length
    };
}
/** The KPIs as a two-column Markdown table. */
function kpiTable(k) {
    return markdownTable(['KPI', 'Value'], [
        ['Duration (makespan)', markdown_duration(k.makespanMs)],
        ['Total work (sum of deployment durations)', markdown_duration(k.totalWorkMs)],
        ['Speedup (total work / makespan)', `${k.speedup.toFixed(2)}x`],
        ['Parallelism reached / workers', `${k.parallelism} / ${k.workers}`],
        ['Worker utilization', `${Math.round(k.utilization * 100)}%`],
        ['Deployments', String(k.deployments)]
    ]);
}

;// CONCATENATED MODULE: ./src/render/run-sections.ts


/** `**Planned: +3 ~1 -0** · 19 deployments · 2 failed · 1 blocked · 42.0s` */
function headline(summary) {
    const t = summary.totals;
    const verb = summary.command === 'apply' ? 'Applied' : 'Planned';
    const counts = formatCounts({ create: t.created, update: t.changed, delete: t.destroyed, replace: t.replaced });
    const parts = [`**${verb}${summary.destroy ? ' (destroy)' : ''}: ${counts}**`, `${t.deployments} deployment${t.deployments === 1 ? '' : 's'}`];
    // failed and blocked always show, so a 0 there is a visible all-clear.
    parts.push(`${t.failed} failed`, `${t.blocked} blocked`);
    const others = [
        [t.timedOut, 'timed out'],
        [t.skipped, 'skipped'],
        [t.cancelled, 'cancelled']
    ];
    for (const [n, what] of others)
        if (n > 0)
            parts.push(`${n} ${what}`);
    parts.push(markdown_duration(summary.durationMs));
    return parts.join(' · ');
}
/** The execution levels as a numbered list of ids, or as counts only. */
function levelsList(summary, idsToo) {
    const levels = summary.executionLevels;
    if (levels.length === 0)
        return '_No deployments selected._';
    if (!idsToo)
        return levels.map((level, i) => `Level ${i + 1}: ${level.length}`).join(' · ');
    return levels.map((level, i) => `${i + 1}. ${level.map(codeSpan).join(', ')}`).join('\n');
}
/** Policy findings worth a line of their own: warnings, waivers used, expired waivers. */
function policyNotes(summary) {
    const notes = [];
    for (const r of summary.deployments) {
        const v = r.policy;
        if (!v)
            continue;
        const where = codeSpan(r.id);
        for (const e of v.errors)
            notes.push(`⛔ ${where}: policy evaluation failed: ${cell(e)}`);
        for (const d of v.denies)
            notes.push(`⛔ ${where}: ${codeSpan(d.id ?? 'deny')} ${cell(d.msg)}${d.resource ? ` (${codeSpan(d.resource)})` : ''}`);
        for (const w of v.warnings)
            notes.push(`⚠️ ${where}: ${codeSpan(w.id ?? 'warn')} ${cell(w.msg)}${w.resource ? ` (${codeSpan(w.resource)})` : ''}`);
        for (const { finding, waiver } of v.waived) {
            notes.push(`🟡 ${where}: ${codeSpan(finding.id ?? waiver.rule)} waived until ${waiver.expires}: ${cell(waiver.reason)}`);
        }
        for (const w of v.expiredWaivers)
            notes.push(`⌛ ${where}: waiver for ${codeSpan(w.rule)} expired ${w.expires} and no longer applies`);
    }
    return notes;
}
/** A bullet list capped at `max` lines, saying how many more there are and where. */
function cappedList(lines, max, elsewhere) {
    const shown = lines.slice(0, max).map((l) => `- ${l}`);
    const more = lines.length - max;
    if (more > 0)
        shown.push(`- _${more} more ${elsewhere}_`);
    return shown.join('\n');
}

;// CONCATENATED MODULE: ./src/render/job-summary.ts






/** GitHub refuses a step summary larger than 1 MiB (counted in bytes). */
const STEP_SUMMARY_LIMIT = 1024 * 1024;
/**
 * Renders the job summary. Over `limit` bytes it first draws the pictures in
 * their most grouped forms, then leaves out table rows and policy lines
 * (deployments without changes first), saying so.
 */
function renderJobSummary(input, limit = STEP_SUMMARY_LIMIT) {
    const rows = rowOrder(input.summary.deployments);
    const notes = [...(input.warnings ?? []).map((w) => `⚠️ ${w}`), ...policyNotes(input.summary)];
    const shape = { maxRows: rows.length, maxNotes: notes.length };
    const cut = [];
    const render = () => {
        const dag = renderMermaidDag({ summary: input.summary, dependencies: input.dependencies, scopeOf: input.scopeOf }, { mode: shape.dagMode });
        const gantt = renderMermaidGantt({ summary: input.summary, scopeOf: input.scopeOf }, { mode: shape.ganttMode });
        return { markdown: job_summary_body(input, rows, notes, shape, dag, gantt, cut), cut, dag, gantt };
    };
    let out = render();
    if (utf8Bytes(out.markdown) <= limit)
        return out;
    shape.dagMode = 'scopes';
    shape.ganttMode = 'scopes';
    cut.push('pictures grouped by account and region');
    out = render();
    // Halve rows and notes until it fits; a summary this large is read from the artifact anyway.
    while (utf8Bytes(out.markdown) > limit && (shape.maxRows > 0 || shape.maxNotes > 0)) {
        shape.maxRows = Math.floor(shape.maxRows / 2);
        shape.maxNotes = Math.floor(shape.maxNotes / 2);
        cut.splice(1, cut.length - 1, `${rows.length - shape.maxRows} table rows and ${notes.length - shape.maxNotes} policy lines left out`);
        out = render();
    }
    return out;
}
function job_summary_body(input, rows, notes, shape, dag, gantt, cut) {
    const s = input.summary;
    const where = input.workingDir ? ` in ${codeSpan(input.workingDir)}` : '';
    const parts = [`## tf-orchestrator ${s.command}${where}`, '', headline(s), '', `${s.binary.name} ${s.binary.version} · run ${codeSpan(s.runId)}`];
    if (input.artifactUrl)
        parts.push('', `Full redacted output: [artifact](${input.artifactUrl})`);
    parts.push('', '### KPIs', '', kpiTable(runKpis(s)));
    parts.push('', '### Deployment graph', '', picture(dag), '', `_${DAG_LEGEND}${dag.note ? ` — ${dag.note}` : ''}_`);
    parts.push('', '### Timeline', '', picture(gantt), '', `_One section per worker; red failed or blocked, highlighted planned changes, grey no changes${gantt.note ? ` — ${gantt.note}` : ''}._`);
    parts.push('', details(`Execution levels (${s.executionLevels.length})`, levelsList(s, true)));
    parts.push('', '### Deployments', '', deploymentTable(rows, shape.maxRows));
    parts.push('', '### Policy results', '', notes.length ? cappedList(notes, shape.maxNotes, 'left out to fit the summary limit') : '_No policy findings, waivers or warnings._');
    if (cut.length)
        parts.push('', `> ✂️ Shortened to fit GitHub's 1 MiB step summary limit: ${cut.join('; ')}.`);
    return parts.join('\n') + '\n';
}
const picture = (d) => `\`\`\`mermaid\n${d.text}\n\`\`\``;

;// CONCATENATED MODULE: ./src/github/io/job-summary-observer.ts


/** Writes the job summary (table, KPIs, policy results, DAG and gantt pictures), redacted, when the run finishes. */
function jobSummaryObserver(o) {
    return {
        name: 'job-summary',
        async runFinished(summary) {
            for (const r of summary.deployments)
                await o.book.learnFromPlanFile(r.planJsonFile);
            const { markdown } = renderJobSummary({
                summary: redactDeep(summary, o.book.redact),
                dependencies: o.dependencies,
                workingDir: o.workingDir,
                artifactUrl: o.links.artifact,
                warnings: o.warnings?.map(o.book.redact)
            });
            await o.write(markdown);
        }
    };
}

;// CONCATENATED MODULE: ./src/render/comment-marker.ts
// The hidden marker that lets a run find its own PR comment again and decide
// whether it may overwrite it (an older run never replaces a newer one's).
const KIND = 'tf-orchestrator:comment';
const comment_marker_MARKER = /<!--\s*tf-orchestrator:comment\s+([^>]*?)\s*-->/;
/** `./infra/` and `infra` are the same working directory; empty means `.`. */
function normalizeWorkingDir(dir) {
    const trimmed = dir.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    return trimmed === '' ? '.' : trimmed;
}
/** `<!-- tf-orchestrator:comment working-dir=infra run=2026...-abc123 gh-run=42 attempt=1 -->` */
function buildCommentMarker(m) {
    // Values are URI-encoded so spaces, `=` or `-->` in a path cannot end the marker early.
    const parts = [`working-dir=${encodeURIComponent(normalizeWorkingDir(m.workingDir))}`, `run=${encodeURIComponent(m.runId)}`];
    if (m.githubRunId !== undefined)
        parts.push(`gh-run=${m.githubRunId}`);
    if (m.githubRunAttempt !== undefined)
        parts.push(`attempt=${m.githubRunAttempt}`);
    return `<!-- ${KIND} ${parts.join(' ')} -->`;
}
/** The first tf-orchestrator comment marker in a body, or undefined (any other text is ignored). */
function parseCommentMarker(body) {
    const match = comment_marker_MARKER.exec(body);
    if (!match)
        return undefined;
    const fields = new Map();
    for (const token of (match[1] ?? '').split(/\s+/)) {
        const eq = token.indexOf('=');
        if (eq <= 0)
            continue;
        try {
            fields.set(token.slice(0, eq), decodeURIComponent(token.slice(eq + 1)));
        }
        catch {
            return undefined; // a malformed escape: not a marker we wrote
        }
    }
    const workingDir = fields.get('working-dir');
    const runId = fields.get('run');
    if (workingDir === undefined || !runId)
        return undefined;
    const marker = { workingDir, runId };
    const ghRun = positiveInt(fields.get('gh-run'));
    const attempt = positiveInt(fields.get('attempt'));
    if (ghRun !== undefined)
        marker.githubRunId = ghRun;
    if (attempt !== undefined)
        marker.githubRunAttempt = attempt;
    return marker;
}
function positiveInt(text) {
    return text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}
/**
 * Epoch ms of a run id's timestamp (`YYYYMMDDTHHMMSS[mmm]Z-...`), or undefined
 * when the id does not start with one.
 */
function runIdTime(runId) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?Z/.exec(runId);
    if (!m)
        return undefined;
    const [y, mo, d, h, mi, s, ms] = m.slice(1).map((v) => Number(v ?? 0));
    const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
    return Number.isNaN(t) ? undefined : t;
}
/**
 * Whether run `a` is strictly newer than run `b`. GitHub run ids (then attempts)
 * decide when both markers have them; otherwise the run ids' timestamps do. An id
 * without a timestamp counts as oldest, so a marker we cannot read gets replaced.
 */
function isNewerRun(a, b) {
    if (a.githubRunId !== undefined && b.githubRunId !== undefined) {
        if (a.githubRunId !== b.githubRunId)
            return a.githubRunId > b.githubRunId;
        const byAttempt = (a.githubRunAttempt ?? 1) - (b.githubRunAttempt ?? 1);
        if (byAttempt !== 0)
            return byAttempt > 0;
    }
    const ta = runIdTime(a.runId) ?? -Infinity;
    const tb = runIdTime(b.runId) ?? -Infinity;
    return ta > tb;
}
/**
 * The comment this working directory's runs own, if any: the one whose marker
 * names it (the newest run's when several do, for example after a race).
 */
function findOwnComment(comments, workingDir) {
    const dir = normalizeWorkingDir(workingDir);
    let found;
    for (const comment of comments) {
        const marker = parseCommentMarker(comment.body ?? '');
        if (!marker || normalizeWorkingDir(marker.workingDir) !== dir)
            continue;
        if (!found || isNewerRun(marker, found.marker))
            found = { comment, marker };
    }
    return found;
}
/** Whether the current run may write over a comment carrying `existing`. */
function mayOverwrite(existing, current) {
    return !isNewerRun(existing, current);
}
/**
 * The marker test github/io/pr-comment-sync takes: a body is ours when its marker
 * names our working directory, and newer when that marker's run is newer than ours.
 */
function commentMarkerMatcher(current) {
    const dir = normalizeWorkingDir(current.workingDir);
    const ours = (body) => {
        const m = parseCommentMarker(body);
        return m && normalizeWorkingDir(m.workingDir) === dir ? m : undefined;
    };
    return {
        matches: (body) => ours(body) !== undefined,
        isNewer: (existingBody) => {
            const existing = ours(existingBody);
            return existing !== undefined && isNewerRun(existing, current);
        }
    };
}

;// CONCATENATED MODULE: ./src/render/plan-noise.ts
// Shrinking plan text without hiding a change: only lines that say nothing about
// what will change go (hidden-attribute counts, refresh progress, context blocks).
const plan_noise_MARKER = /^(\s*)(-\/\+|\+\/-|<=|[+~-])\s/;
const HIDDEN = /^\s*# \(\d+ unchanged [a-z ]+ hidden\)$/;
const REFRESH = /^\S.*: (Refreshing state\.\.\.|Reading\.\.\.|Read complete after |Still reading\.\.\.)/;
const OPENS = /[{[(]$/;
const CLOSES = /^[}\])]/;
/** Whether a diff line carries a change marker (+ ~ - -/+ +/- <=). */
function hasChangeMarker(line) {
    return plan_noise_MARKER.test(line);
}
/** The column where a diff line's content starts (after any change marker). */
function contentColumn(line) {
    const m = plan_noise_MARKER.exec(line);
    if (m)
        return m[1].length + m[2].length + 1;
    return line.length - line.trimStart().length;
}
/**
 * Drops `# (N unchanged attributes hidden)` lines, refresh progress lines and
 * unchanged context blocks: a block opened on a line without a change marker
 * whose lines up to its closing bracket carry none either. A block whose end
 * cannot be found is kept. Single unchanged attributes (like `id`) stay as context.
 */
function trimUnchangedNoise(text) {
    const lines = text.split('\n').filter((l) => !HIDDEN.test(l) && !REFRESH.test(l));
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const end = hasChangeMarker(line) || !OPENS.test(line.trimEnd()) ? -1 : closingLine(lines, i);
        if (end > i && !lines.slice(i + 1, end).some(hasChangeMarker)) {
            i = end;
            continue;
        }
        out.push(line);
    }
    return out
        .filter((l, i) => l.trim() !== '' || (i > 0 && out[i - 1].trim() !== ''))
        .join('\n');
}
/** The index of the line closing the block opened at `open`, or -1. */
function closingLine(lines, open) {
    const column = contentColumn(lines[open]);
    for (let i = open + 1; i < lines.length; i++) {
        const line = lines[i];
        if (line.trim() === '')
            continue;
        const col = contentColumn(line);
        if (col === column && CLOSES.test(line.trimStart().replace(plan_noise_MARKER, '')))
            return i;
        if (col <= column)
            return -1; // dedented without closing: not a block we understand
    }
    return -1;
}

;// CONCATENATED MODULE: ./src/render/plan-text.ts
// Plan output as reviewers read it: no colour codes, and the resource change
// lines first so a shortened body still says what will happen. The caller passes
// text that is already redacted; nothing here redacts.

// Escapes stripAnsi leaves (two-byte ESC sequences, 8-bit CSI) and other control characters.
const LEFTOVER = /\u001b[@-Z\\-_]?|\u009b[0-?]*[ -/]*[@-~]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Colour-free text: no escape sequences or control characters, \n line ends, no trailing spaces. */
function colourFree(text) {
    return stripAnsi(text)
        .replace(/\r\n?/g, '\n')
        .replace(LEFTOVER, '')
        .replace(/[ \t]+$/gm, '');
}
/** `Plan: 1 to add, 0 to change, 0 to destroy.` or `No changes. ...` */
function isPlanLine(line) {
    return /^(Plan: \d|No changes\.)/.test(line.trim());
}
/** `  # aws_s3_bucket.x will be created`, `... must be replaced`, `... has moved to ...` */
function isChangeHeader(line) {
    return /^\s*# \S.* (will be \w|must be replaced|has moved to )/.test(line);
}
const ACTIONS_START = /will perform the following actions:$/;
const OUTPUTS_START = /^Changes to Outputs:$/;
/** The headline (plan line) and the change header lines, in order. */
function resourceChangeLines(text) {
    const lines = text.split('\n');
    const plan = lines.find(isPlanLine);
    return [...(plan ? [plan.trim()] : []), ...lines.filter(isChangeHeader)];
}
/**
 * Reorders a plan: the plan line and the change header lines first, then the
 * resource blocks, then output changes, then everything else (refresh lines,
 * legend, warnings, notes) in its original order. Nothing is dropped.
 */
function reorderPlanText(text) {
    const lines = text.split('\n');
    const planIndex = lines.findIndex(isPlanLine);
    const actionsStart = lines.findIndex((l) => ACTIONS_START.test(l.trim()));
    const outputsStart = lines.findIndex((l) => OUTPUTS_START.test(l.trim()));
    if (planIndex < 0 && actionsStart < 0 && outputsStart < 0)
        return text;
    const taken = new Set();
    const take = (from, to) => {
        const out = [];
        for (let i = from; i < to; i++) {
            taken.add(i);
            out.push(lines[i]);
        }
        return out;
    };
    const head = resourceChangeLines(text);
    if (planIndex >= 0)
        taken.add(planIndex);
    // The actions section runs until the plan line (or output changes, or the end).
    const actionsEnd = [planIndex, outputsStart, lines.length].filter((i) => i > actionsStart).reduce((a, b) => Math.min(a, b));
    const actions = actionsStart >= 0 ? take(actionsStart, actionsEnd) : [];
    const outputs = outputsStart >= 0 ? take(outputsStart, endOfIndented(lines, outputsStart)) : [];
    const rest = lines.filter((_, i) => !taken.has(i));
    return squeezeBlankLines([...head, '', ...actions, '', ...outputs, '', ...rest]).join('\n').trim();
}
/** Colour-free and reordered: what a comment's <details> shows. */
function cleanPlanText(text) {
    return reorderPlanText(colourFree(text));
}
/** The index after an indented block that starts with a heading line. */
function endOfIndented(lines, start) {
    let i = start + 1;
    while (i < lines.length) {
        const line = lines[i];
        if (line.trim() !== '' && !/^\s/.test(line))
            break;
        i++;
    }
    return i;
}
/** Runs of blank lines become one. */
function squeezeBlankLines(lines) {
    return lines.filter((line, i) => line.trim() !== '' || (i > 0 && lines[i - 1].trim() !== ''));
}

;// CONCATENATED MODULE: ./src/render/pr-comment.ts








/** GitHub rejects issue and PR comment bodies longer than this. */
const GITHUB_COMMENT_LIMIT = 65_536;
const MAX_NOTES = 50;
/**
 * Renders the comment, shrinking in a fixed order until it fits `limit`: trim
 * unchanged-attribute noise, drop plan bodies of deployments without changes,
 * shorten the others to their resource change lines, drop all bodies, show the
 * levels as counts, and only then leave out table rows. Each cut is named.
 */
function renderPrComment(input, limit = GITHUB_COMMENT_LIMIT) {
    const rows = rowOrder(input.summary.deployments);
    const withPlan = rows.filter((r) => input.planTexts.has(r.id));
    const clean = new Map(withPlan.map((r) => [r.id, cleanPlanText(input.planTexts.get(r.id))]));
    const shape = { form: new Map(withPlan.map((r) => [r.id, 'full'])), levelIds: true, maxRows: rows.length };
    const cut = [];
    const trimmed = new Map(); // trimming MBs of text once, not once per attempt
    const text = (id, form) => {
        const full = clean.get(id) ?? '';
        if (form === 'full')
            return full;
        if (form === 'lines')
            return resourceChangeLines(full).join('\n');
        if (!trimmed.has(id))
            trimmed.set(id, trimUnchangedNoise(full));
        return trimmed.get(id);
    };
    const render = () => renderBody(input, rows, text, shape, cut);
    const setForm = (pick, form) => {
        for (const r of withPlan)
            if (pick(r))
                shape.form.set(r.id, form);
    };
    const unchanged = (r) => resultKind(r) === 'no-changes';
    const steps = [
        ['unchanged attributes, context blocks and refresh lines trimmed from plan output', () => (setForm(() => true, 'trimmed'), withPlan.length > 0)],
        ['plan output of deployments without changes left out', () => (setForm(unchanged, 'none'), withPlan.some(unchanged))],
        ['plan output shortened to the resource change lines', () => (setForm((r) => !unchanged(r), 'lines'), withPlan.some((r) => !unchanged(r)))],
        ['all plan output left out', () => (setForm(() => true, 'none'), withPlan.length > 0)],
        ['execution levels shown as counts', () => ((shape.levelIds = false), input.summary.executionLevels.length > 0)]
    ];
    let body = render();
    for (const [note, apply] of steps) {
        if (body.length <= limit)
            return { body, cut };
        if (apply())
            cut.push(note);
        body = render();
    }
    if (body.length <= limit)
        return { body, cut };
    // Last resort: fewest rows left out (problems and changes come first, so they stay).
    let lo = 0;
    let hi = rows.length;
    cut.push('');
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        shape.maxRows = mid;
        cut[cut.length - 1] = `${rows.length - mid} table rows left out (deployments without changes first)`;
        if (render().length <= limit)
            lo = mid;
        else
            hi = mid - 1;
    }
    shape.maxRows = lo;
    cut[cut.length - 1] = `${rows.length - lo} table rows left out (deployments without changes first)`;
    return { body: render(), cut };
}
function renderBody(input, rows, text, shape, cut) {
    const { summary, links } = input;
    const marker = buildCommentMarker({
        workingDir: input.workingDir,
        runId: summary.runId,
        githubRunId: input.githubRun?.id,
        githubRunAttempt: input.githubRun?.attempt
    });
    const parts = [marker, `### tf-orchestrator ${summary.command} in ${codeSpan(input.workingDir)}`, '', headline(summary)];
    const linkLine = [links?.jobSummary && `[job summary](${links.jobSummary})`, links?.artifact && `[full redacted output](${links.artifact})`].filter(Boolean);
    if (linkLine.length)
        parts.push('', `More: ${linkLine.join(' · ')}`);
    const levelCount = summary.executionLevels.length;
    parts.push('', details(`Execution levels (${levelCount})`, levelsList(summary, shape.levelIds)));
    parts.push('', deploymentTable(rows, shape.maxRows));
    const notes = [...(input.warnings ?? []).map((w) => `⚠️ ${w}`), ...policyNotes(summary)];
    if (notes.length)
        parts.push('', '#### Policy findings, warnings and waivers', '', cappedList(notes, MAX_NOTES, 'in the job summary'));
    const bodies = rows.filter((r) => (shape.form.get(r.id) ?? 'none') !== 'none');
    if (bodies.length) {
        parts.push('', '#### Plans');
        for (const r of bodies) {
            const form = shape.form.get(r.id);
            parts.push('', planDetails(r, text(r.id, form), form));
        }
    }
    if (cut.length) {
        const where = [links?.artifact && `the [full redacted output](${links.artifact})`, links?.jobSummary && `the [job summary](${links.jobSummary})`].filter(Boolean);
        parts.push('', `> ✂️ Shortened to fit GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')}-character comment limit: ${cut.join('; ')}.`);
        if (where.length)
            parts.push(`> Everything is in ${where.join(' and ')}.`);
    }
    return parts.join('\n') + '\n';
}
function planDetails(r, shown, form) {
    const counts = r.counts ? ` ${formatCounts(r.counts)}` : '';
    const summary = `${htmlText(statusText(r))} <code>${htmlText(r.id)}</code>${counts}${form === 'lines' ? ' (change lines only)' : ''}`;
    return details(summary, fencedBlock(shown || '(no plan output)', 'text'));
}

;// CONCATENATED MODULE: ./src/github/io/plan-texts.ts


/** The output of a deployment's last `plan` attempt, from its log file; undefined without one. */
async function planOutputOf(result) {
    if (!result.logFile)
        return undefined;
    let text;
    try {
        text = await (0,promises_.readFile)(result.logFile, 'utf8');
    }
    catch {
        return undefined;
    }
    const plans = parseLogSections(text).filter((s) => s.phase === 'plan');
    return plans[plans.length - 1]?.output;
}
/** Deployment id -> its redacted plan output, for every deployment that planned. */
async function redactedPlanTexts(results, redact) {
    const texts = new Map();
    for (const r of results) {
        const plan = await planOutputOf(r);
        if (plan !== undefined)
            texts.set(r.id, redact(plan));
    }
    return texts;
}
/** The whole log of a deployment, redacted (empty when there is none). */
async function redactedLog(result, redact) {
    if (!result.logFile)
        return '';
    try {
        return redact(await (0,promises_.readFile)(result.logFile, 'utf8'));
    }
    catch {
        return '';
    }
}

;// CONCATENATED MODULE: ./src/github/io/pr-comment-sync.ts

/**
 * Keeps exactly one comment of ours on a pull request: finds it by its marker across
 * every page of comments, updates it in place, or creates it. A comment from a newer
 * run is left alone. GitHub failures come back as a warning: the run's result matters
 * more than its comment.
 */
async function upsertPrComment(input) {
    const { client, owner, repo, prNumber, body, marker } = input;
    const where = `${owner}/${repo}#${prNumber}`;
    try {
        const comments = await client.paginate(client.rest.issues.listComments, { owner, repo, issue_number: prNumber, per_page: 100 });
        // The oldest match is the one to keep; later duplicates (a past race) are left as they are.
        const ours = comments.find((c) => marker.matches(c.body ?? ''));
        if (ours && marker.isNewer(ours.body ?? ''))
            return { action: 'skipped-older-run', id: ours.id, url: ours.html_url };
        if (ours && ours.body === body)
            return { action: 'unchanged', id: ours.id, url: ours.html_url };
        if (ours) {
            const updated = await updateComment(client, owner, repo, ours.id, body);
            if (updated)
                return { action: 'updated', id: updated.id, url: updated.html_url };
        }
        // None yet, or it was deleted between listing and updating.
        const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: prNumber, body });
        return { action: 'created', id: data.id, url: data.html_url };
    }
    catch (error) {
        return { action: 'failed', warning: `could not update the pull request comment on ${where}: ${describeGitHubError(error)}` };
    }
}
/** Updates comment `id`; undefined when it no longer exists. */
async function updateComment(client, owner, repo, id, body) {
    try {
        return (await client.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data;
    }
    catch (error) {
        if (error.status === 404)
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/github/io/pr-comment-observer.ts





/** Posts or updates the one redacted PR comment of this working directory when the run finishes. */
function prCommentObserver(o) {
    return {
        name: 'pr-comment',
        async runFinished(summary) {
            const { owner, repo, prNumber } = o.context;
            if (!owner || !repo || !prNumber)
                return;
            for (const r of summary.deployments)
                await o.book.learnFromPlanFile(r.planJsonFile);
            const planTexts = await redactedPlanTexts(summary.deployments, o.book.redact);
            const githubRunId = o.context.runId ? Number(o.context.runId) : undefined;
            const { body } = renderPrComment({
                summary: redactDeep(summary, o.book.redact),
                planTexts,
                workingDir: o.workingDir,
                githubRun: githubRunId ? { id: githubRunId, attempt: o.context.runAttempt } : undefined,
                links: o.links,
                warnings: o.warnings?.map(o.book.redact)
            });
            const marker = commentMarkerMatcher({ workingDir: o.workingDir, runId: summary.runId, githubRunId, githubRunAttempt: o.context.runAttempt });
            const result = await upsertPrComment({ client: o.client, owner, repo, prNumber, body, marker });
            if (result.action === 'failed')
                o.warn(`PR comment not posted: ${result.warning}`);
            o.onPosted?.(result);
        }
    };
}

;// CONCATENATED MODULE: ./src/render/run-table.ts


const secs = (ms) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)}s`);
function outcome(r) {
    if (r.status !== 'succeeded')
        return r.status;
    if (r.applied)
        return 'applied';
    return r.hasChanges ? 'changes' : 'no changes';
}
/** The final table of a run, then one line of totals. */
function renderRunTable(summary) {
    const rows = summary.deployments.map((r) => [
        r.id,
        outcome(r),
        r.counts ? formatCounts(r.counts) : '-',
        secs(r.phases.init?.durationMs),
        secs(r.phases.plan?.durationMs),
        secs(r.phases.apply?.durationMs),
        String(Object.values(r.phases).reduce((n, p) => n + (p?.attempts ?? 1) - 1, 0)),
        r.workerId === undefined || r.status === 'skipped' ? '-' : String(r.workerId),
        r.status === 'skipped' ? (r.skippedBecause ? `dependency ${r.skippedBecause} did not succeed` : (r.error ?? '')) : (r.error ?? '')
    ]);
    const t = summary.totals;
    const totals = `${t.deployments} deployments: ${t.succeeded} succeeded, ${t.failed} failed, ${t.blocked} blocked, ${t.timedOut} timed out, ` +
        `${t.skipped} skipped${t.cancelled ? `, ${t.cancelled} cancelled` : ''}; ` +
        `${summary.command === 'apply' ? '' : 'planned '}+${t.created} ~${t.changed} -${t.destroyed}${t.replaced ? ` ±${t.replaced}` : ''} ` +
        `in ${secs(summary.durationMs)} with ${summary.workers} worker${summary.workers === 1 ? '' : 's'}`;
    return [renderTable(['DEPLOYMENT', 'RESULT', 'CHANGES', 'INIT', 'PLAN', 'APPLY', 'RETRIES', 'WORKER', 'NOTE'], rows), totals].join('\n');
}

;// CONCATENATED MODULE: ./src/summary/merge-summaries.ts

/** The shards cannot be one run: a deployment twice, plan mixed with apply, nothing to merge. */
class MergeSummariesError extends Error {
    name = 'MergeSummariesError';
}
const time = (iso) => {
    const ms = Date.parse(iso);
    return Number.isFinite(ms) ? ms : Number.NaN;
};
/**
 * Merges the summaries of one logical run's shards into one: the union of
 * their deployments (a deployment in two shards ran twice: an error), totals
 * recomputed from that union, execution levels merged level by level, the
 * earliest start and latest finish, and workers / parallel deployments added up
 * (the shards ran side by side on their own runners). `runId` names the merge.
 */
function mergeSummaries(parts, runId) {
    const first = parts[0];
    if (first === undefined)
        throw new MergeSummariesError('no shard summaries to merge');
    const mixed = parts.find((p) => p.command !== first.command || p.destroy !== first.destroy);
    if (mixed)
        throw new MergeSummariesError(`shard run ${mixed.runId} is ${merge_summaries_describe(mixed)}, shard run ${first.runId} is ${merge_summaries_describe(first)}: not one run`);
    const owner = new Map();
    for (const part of parts) {
        for (const d of part.deployments) {
            const seen = owner.get(d.id);
            if (seen !== undefined)
                throw new MergeSummariesError(`${d.id} is in shard runs ${seen} and ${part.runId}: shards must not overlap`);
            owner.set(d.id, part.runId);
        }
    }
    const deployments = parts.flatMap((p) => p.deployments);
    const starts = parts.map((p) => time(p.startedAt)).filter(Number.isFinite);
    const ends = parts.map((p) => time(p.finishedAt)).filter(Number.isFinite);
    const startedMs = starts.length > 0 ? Math.min(...starts) : 0;
    const finishedMs = ends.length > 0 ? Math.max(...ends) : startedMs;
    return {
        runId,
        command: first.command,
        destroy: first.destroy,
        binary: first.binary,
        startedAt: new Date(startedMs).toISOString(),
        finishedAt: new Date(finishedMs).toISOString(),
        durationMs: Math.max(0, finishedMs - startedMs),
        workers: parts.reduce((n, p) => n + p.workers, 0),
        executionLevels: mergeLevels(parts.map((p) => p.executionLevels)),
        parallelDeployments: parts.reduce((n, p) => n + p.parallelDeployments, 0),
        cancelled: parts.some((p) => p.cancelled),
        totals: totalsOf(deployments, first.command),
        deployments,
        shards: parts.length
    };
}
const merge_summaries_describe = (s) => `${s.command}${s.destroy ? ' (destroy)' : ''}`;
/** Level i of the merge holds level i of every shard: shards share no edge, so their levels run side by side. */
function mergeLevels(levels) {
    const depth = Math.max(0, ...levels.map((l) => l.length));
    return Array.from({ length: depth }, (_, i) => levels.flatMap((l) => [...(l[i] ?? [])]));
}

;// CONCATENATED MODULE: ./src/summary/summary-shape.ts
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/**
 * Checks that parsed JSON looks like a summary.json of a plan or apply run
 * (the fields a merge reads), so a stray JSON file in the downloaded artifacts
 * is named instead of producing a wrong comment.
 */
function asRunSummary(value, where) {
    const problem = (what) => new Error(`${where}: not a tf-orchestrator summary.json (${what})`);
    if (!isObject(value))
        throw problem('not a JSON object');
    if (value.command !== 'plan' && value.command !== 'apply')
        throw problem('command is not plan or apply');
    if (typeof value.runId !== 'string' || value.runId === '')
        throw problem('no runId');
    if (!Array.isArray(value.deployments) || !value.deployments.every((d) => isObject(d) && typeof d.id === 'string'))
        throw problem('no deployments list');
    if (!Array.isArray(value.executionLevels))
        throw problem('no executionLevels');
    for (const key of ['startedAt', 'finishedAt'])
        if (typeof value[key] !== 'string')
            throw problem(`no ${key}`);
    for (const key of ['workers', 'parallelDeployments'])
        if (typeof value[key] !== 'number')
            throw problem(`no ${key}`);
    return value;
}

// EXTERNAL MODULE: ./node_modules/@actions/artifact/lib/artifact.js + 29 modules
var artifact = __webpack_require__(21334);
;// CONCATENATED MODULE: ./src/render/progress-line.ts

const progress_line_seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
/** `[3/12] s3/acct-a/us-east-1/proj plan ok +2 ~0 -0 (14.2s)` */
function progressLine(e) {
    const parts = [`[${e.index}/${e.total}]`, e.id, e.what];
    if (e.ok !== undefined)
        parts.push(e.ok ? 'ok' : 'FAILED');
    if (e.counts)
        parts.push(formatCounts(e.counts));
    if (e.durationMs !== undefined)
        parts.push(`(${progress_line_seconds(e.durationMs)})`);
    if (e.note)
        parts.push(e.ok === false ? `: ${e.note}` : e.note);
    return parts.join(' ').replace(' : ', ': ');
}

;// CONCATENATED MODULE: ./src/engine/observers/progress-observer.ts


const policyNote = (v) => {
    const text = verdictSummary(v);
    return text === 'policy passed' ? undefined : text.replace(/^policy passed: /, '');
};
/** Progress lines to a writer, one per state change: `[3/12] s3/acct/us-east-1/proj plan ok +2 ~0 -0 (14.2s)`. */
function progressObserver(write) {
    let total = 0;
    let next = 0;
    const index = new Map();
    const ordinal = (id) => {
        if (!index.has(id))
            index.set(id, ++next);
        return index.get(id);
    };
    const line = (id, what, extra = {}) => write(progressLine({ index: ordinal(id), total, id, what, ...extra }));
    return {
        name: 'progress',
        runStarted: (run) => void (total = run.deployments.length),
        deploymentStarted: (d, workerId) => line(d.id, 'started', { note: `(worker ${workerId})` }),
        phaseFinished: (phase, r) => {
            // The plan line waits for show -json, which knows the counts.
            if (phase === 'plan')
                return;
            if (phase === 'show')
                return line(r.id, 'plan', { ok: true, counts: r.counts, durationMs: r.phases.plan?.durationMs });
            const p = r.phases[phase];
            const note = phase === 'policy' && r.policy ? policyNote(r.policy) : undefined;
            line(r.id, phase, { ok: true, durationMs: p?.durationMs, note });
        },
        deploymentFinished: (r) => {
            if (r.status === 'succeeded')
                return line(r.id, 'done', { durationMs: r.durationMs, note: r.applied ? 'applied' : r.hasChanges ? 'has changes' : 'no changes' });
            if (r.status === 'skipped' || r.status === 'cancelled')
                return line(r.id, r.status, { note: r.error });
            line(r.id, r.status, { durationMs: r.durationMs, note: r.error });
        },
        outputLine: (id, text) => write(`${id} | ${text}`)
    };
}

;// CONCATENATED MODULE: ./src/github/io/artifact-observer.ts





/**
 * Uploads the run's logs and summary.json, redacted, as one artifact named
 * after the run, so nobody needs the runner's disk. Runs before the comment and
 * the job summary, which link to it through `links.artifact`.
 */
function artifactObserver(o) {
    return {
        name: 'artifact',
        async runFinished(summary) {
            const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tforch-artifact-'));
            try {
                for (const r of summary.deployments)
                    await o.book.learnFromPlanFile(r.planJsonFile);
                const files = [(0,external_node_path_.join)(dir, 'summary.json')];
                await (0,promises_.writeFile)(files[0], `${JSON.stringify(redactDeep(summary, o.book.redact), null, 2)}\n`);
                for (const r of summary.deployments) {
                    const log = await redactedLog(r, o.book.redact);
                    if (!log)
                        continue;
                    const file = (0,external_node_path_.join)(dir, `${r.id.replace(/\//g, '__')}.log`);
                    await (0,promises_.writeFile)(file, log);
                    files.push(file);
                }
                const { id } = await o.upload(`tf-orchestrator-${summary.command}-${summary.runId}`, files, dir);
                if (id !== undefined && o.runUrl)
                    o.links.artifact = `${o.runUrl}/artifacts/${id}`;
            }
            catch (error) {
                o.warn(`artifact not uploaded: ${error instanceof Error ? error.message : String(error)}`);
            }
            finally {
                await (0,promises_.rm)(dir, { recursive: true, force: true });
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/render/drift-issue.ts





/** `<!-- tf-orchestrator:drift deployment=<id> -->` (id URI-encoded). */
function driftMarker(deploymentId) {
    return `<!-- tf-orchestrator:drift deployment=${encodeURIComponent(deploymentId)} -->`;
}
/** The deployment id in a drift issue's marker, or undefined. */
function parseDriftMarker(body) {
    const m = /<!--\s*tf-orchestrator:drift\s+deployment=(\S+)\s*-->/.exec(body);
    return m ? safeDecode(m[1]) : undefined;
}
/** The run id in a per-run drift issue's marker, or undefined. */
function parseDriftRunMarker(body) {
    const m = /<!--\s*tf-orchestrator:drift-run\s+run=(\S+)\s*-->/.exec(body);
    return m ? safeDecode(m[1]) : undefined;
}
/** github/io/drift-issues' MarkerMatch: `key` is a deployment id, or a run id for a per-run issue. */
function driftMarkerMatches(body, key) {
    return parseDriftMarker(body) === key || parseDriftRunMarker(body) === key;
}
const safeDecode = (s) => {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return undefined;
    }
};
/** `<!-- tf-orchestrator:drift-run run=<runId> -->` for the per-run issue. */
function driftRunMarker(runId) {
    return `<!-- tf-orchestrator:drift-run run=${encodeURIComponent(runId)} -->`;
}
const countsText = (c) => (c ? ` (${formatCounts(c)})` : '');
const runLink = (ctx) => (ctx.runUrl ? `[run ${codeSpan(ctx.runId)}](${ctx.runUrl})` : `run ${codeSpan(ctx.runId)}`);
/**
 * The plan that fits `budget` characters: as is, then without unchanged noise,
 * then its change lines only, then cut with a note.
 */
function fitPlan(text, budget) {
    const clean = cleanPlanText(text);
    const candidates = [clean, trimUnchangedNoise(clean), resourceChangeLines(clean).join('\n')];
    const fitting = candidates.find((c) => c.length <= budget);
    if (fitting !== undefined)
        return fitting;
    const note = '\n… (cut to fit the issue; the full redacted output is in the run artifact)';
    return candidates[2].slice(0, Math.max(0, budget - note.length)) + note;
}
/** Title and body of the issue for one drifted deployment. */
function renderDriftIssue(d, ctx, limit = GITHUB_COMMENT_LIMIT) {
    const head = [
        driftMarker(d.id),
        `### Drift detected in ${codeSpan(d.id)}${countsText(d.counts)}`,
        '',
        `Detected ${ctx.detectedAt} by ${runLink(ctx)}: the real infrastructure no longer matches the configuration.`,
        ...(ctx.artifactUrl ? ['', `Full redacted output: [artifact](${ctx.artifactUrl})`] : []),
        '',
        '#### Plan'
    ].join('\n');
    const budget = limit - head.length - 200; // room for the fence and newlines
    return { title: `Drift: ${d.id}`, body: `${head}\n\n${fencedBlock(fitPlan(d.planText, budget), 'text')}\n` };
}
/** Title and body of the per-run issue listing every drifted deployment. */
function renderRunDriftIssue(drifted, ctx, limit = GITHUB_COMMENT_LIMIT) {
    const sorted = [...drifted].sort((a, b) => a.id.localeCompare(b.id));
    const head = [
        driftRunMarker(ctx.markerKey ?? ctx.runId),
        `### Drift detected in ${sorted.length} deployment${sorted.length === 1 ? '' : 's'}`,
        '',
        `Detected ${ctx.detectedAt} by ${runLink(ctx)}.`,
        ...(ctx.artifactUrl ? ['', `Full redacted output: [artifact](${ctx.artifactUrl})`] : []),
        '',
        ...sorted.map((d) => `- ${codeSpan(d.id)}${countsText(d.counts)}`)
    ].join('\n');
    // The list always fits first; plans share what is left, each in its own <details>.
    const perPlan = Math.floor((limit - head.length - 100) / Math.max(1, sorted.length)) - 200;
    const plans = perPlan > 300 ? sorted.map((d) => details(`<code>${htmlText(d.id)}</code>${countsText(d.counts)}`, fencedBlock(fitPlan(d.planText, perPlan), 'text'))) : [];
    const tail = plans.length ? ['', '#### Plans', '', plans.join('\n\n')] : ['', '_Plans left out to fit the issue; see the run artifact._'];
    return { title: `Drift detected in ${sorted.length} deployment${sorted.length === 1 ? '' : 's'} (run ${ctx.runId})`, body: `${head}\n${tail.join('\n')}\n` };
}

;// CONCATENATED MODULE: ./src/github/io/labels.ts

// The first label (the drift label) red, the others yellow.
const colorOf = (index) => (index === 0 ? 'd93f0b' : 'fbca04');
/** Creates the labels that owner/repo lacks; returns warnings instead of throwing. */
async function ensureLabels(client, owner, repo, names) {
    const warnings = [];
    for (const [index, name] of names.entries()) {
        try {
            await client.rest.issues.getLabel({ owner, repo, name });
        }
        catch (error) {
            if (error.status !== 404) {
                warnings.push(`could not check label ${name} of ${owner}/${repo}: ${describeGitHubError(error)}`);
                continue;
            }
            try {
                await client.rest.issues.createLabel({ owner, repo, name, color: colorOf(index), description: 'Created by tf-orchestrator drift detection' });
            }
            catch (createError) {
                // 422: someone created it in between, which is what we wanted.
                if (createError.status !== 422)
                    warnings.push(`could not create label ${name} in ${owner}/${repo}: ${describeGitHubError(createError)}`);
            }
        }
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/github/io/drift-issues.ts


const DEFAULT_LABELS = ['drift-detection', 'needs-review'];
/**
 * Keeps one GitHub issue per drifted key: creates it, updates it while drift lasts,
 * comments and closes it when the drift is gone, reopens it when drift comes back.
 * Never throws: GitHub failures become warnings on the outcomes.
 */
async function syncDriftIssues(input) {
    const { client, owner, repo, labels = DEFAULT_LABELS } = input;
    const [drifted, clean] = input.mode === 'per-run'
        ? input.drifted.length > 0 ? [[input.runIssue], []] : [[], [{ key: input.runIssue.key }]]
        : [input.drifted, input.clean];
    const warnings = await ensureLabels(client, owner, repo, labels);
    let existing;
    try {
        const all = await client.paginate(client.rest.issues.listForRepo, { owner, repo, state: 'all', per_page: 100, ...(labels[0] ? { labels: labels[0] } : {}) });
        existing = all.filter((i) => !i.pull_request);
    }
    catch (error) {
        const warning = `could not list drift issues of ${owner}/${repo}: ${describeGitHubError(error)}`;
        const keys = [...drifted, ...clean].map((d) => d.key);
        return { outcomes: keys.map((key) => ({ key, action: 'failed', warning })), warnings: [...warnings, warning] };
    }
    const find = (key) => {
        const matching = existing.filter((i) => input.matchesKey(i.body ?? '', key));
        // An open one first, then the newest: older closed duplicates stay closed.
        return matching.sort((a, b) => Number(b.state === 'open') - Number(a.state === 'open') || b.number - a.number)[0];
    };
    const runText = input.run.url ? `[${input.run.id}](${input.run.url})` : input.run.id;
    const outcomes = [];
    for (const item of drifted)
        outcomes.push(await attempt(item.key, () => openDrift(client, owner, repo, item, find(item.key), labels, runText)));
    for (const { key } of clean)
        outcomes.push(await attempt(key, () => closeDrift(client, owner, repo, key, find(key), runText)));
    for (const o of outcomes)
        if (o.warning)
            warnings.push(o.warning);
    return { outcomes, warnings };
}
async function attempt(key, action) {
    try {
        return await action();
    }
    catch (error) {
        return { key, action: 'failed', warning: `could not update the drift issue of ${key}: ${describeGitHubError(error)}` };
    }
}
async function openDrift(client, owner, repo, item, issue, labels, runText) {
    const { key, title, body } = item;
    if (!issue) {
        const { data } = await client.rest.issues.create({ owner, repo, title, body, labels });
        return { key, action: 'created', number: data.number, url: data.html_url };
    }
    const done = (action) => ({ key, action, number: issue.number, url: issue.html_url });
    if (issue.state === 'closed') {
        // Keep labels people added; put ours back.
        const names = issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter((n) => n !== '');
        const merged = [...new Set([...names, ...labels])];
        await client.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'open', title, body, labels: merged });
        await client.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: `Drift detected again in run ${runText}.` });
        return done('reopened');
    }
    if (issue.title === title && issue.body === body)
        return done('unchanged');
    await client.rest.issues.update({ owner, repo, issue_number: issue.number, title, body });
    return done('updated');
}
async function closeDrift(client, owner, repo, key, issue, runText) {
    if (!issue || issue.state !== 'open')
        return { key, action: 'none', ...(issue ? { number: issue.number, url: issue.html_url } : {}) };
    await client.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: `Drift resolved in run ${runText}.` });
    await client.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' });
    return { key, action: 'closed', number: issue.number, url: issue.html_url };
}

;// CONCATENATED MODULE: ./src/github/io/drift-observer.ts



/**
 * After a drift run (a plan of every selected deployment): opens or updates one
 * issue per drifted deployment (or one per run), closes the issues of
 * deployments whose drift is gone, and reopens them when it comes back. Only
 * deployments that planned successfully count as drifted or clean.
 */
function driftObserver(o) {
    return {
        name: 'drift',
        async runFinished(summary) {
            const planned = summary.deployments.filter((r) => r.status === 'succeeded');
            const findings = { drifted: planned.filter((r) => r.hasChanges).map((r) => r.id), clean: planned.filter((r) => !r.hasChanges).map((r) => r.id) };
            const { owner, repo } = o.context;
            if (!o.client || !owner || !repo)
                return o.onFindings(findings, []);
            for (const r of planned)
                await o.book.learnFromPlanFile(r.planJsonFile);
            const texts = await redactedPlanTexts(planned.filter((r) => r.hasChanges), o.book.redact);
            const ctx = { runId: summary.runId, detectedAt: summary.finishedAt, runUrl: o.links.jobSummary, artifactUrl: o.links.artifact };
            const runKey = `per-run:${o.workingDir ?? '.'}`;
            const drifted = planned.filter((r) => r.hasChanges).map((r) => ({ id: r.id, counts: r.counts, planText: texts.get(r.id) ?? '' }));
            const base = { client: o.client, owner, repo, matchesKey: driftMarkerMatches, run: { id: summary.runId, url: o.links.jobSummary } };
            const result = o.mode === 'per-run'
                ? await syncDriftIssues({
                    ...base,
                    mode: 'per-run',
                    drifted: drifted.map((d) => ({ key: d.id, title: d.id, body: '' })),
                    clean: [],
                    // A stable key: the next drift run of this working directory finds, updates or closes the same issue.
                    runIssue: { key: runKey, ...renderRunDriftIssue(drifted, { ...ctx, markerKey: runKey }) }
                })
                : await syncDriftIssues({
                    ...base,
                    drifted: drifted.map((d) => ({ key: d.id, ...renderDriftIssue(d, ctx) })),
                    clean: findings.clean.map((key) => ({ key }))
                });
            for (const w of result.warnings)
                o.warn(`drift issue: ${w}`);
            o.onFindings(findings, result.outcomes);
        }
    };
}

;// CONCATENATED MODULE: ./src/github/annotation.ts

// OpenTofu names the place of a configuration error as `on main.tf line 3, in resource ...`.
const LOCATION = /\bon ([^\s,:]+\.(?:tf|tf\.json|tfvars|tfvars\.json)) line (\d+)/;
/**
 * The annotation of a deployment that failed, was blocked or timed out (none
 * for others). `workingDirFromRepo` is the working directory relative to the
 * repository root; `log` the deployment's (redacted) output, where the first
 * error's file and line are looked up; otherwise the deployment's own file.
 */
function annotation_annotationFor(result, d, workingDirFromRepo, log = '') {
    if (result.status !== 'failed' && result.status !== 'blocked' && result.status !== 'timed-out')
        return undefined;
    const firstError = (result.error ?? result.status).split('\n')[0];
    const title = `${result.id} ${result.status}`;
    const located = log.match(LOCATION);
    if (located?.[1] && located[2]) {
        return { title, message: firstError, file: joinPosix(workingDirFromRepo, d.rootDir, located[1]), startLine: Number(located[2]) };
    }
    return { title, message: firstError, file: joinPosix(workingDirFromRepo, d.source) };
}

;// CONCATENATED MODULE: ./src/github/io/log-observers.ts



/**
 * Each deployment's whole output as one block when it finishes (a collapsible
 * group on GitHub), never interleaved with others; redacted. A failed, blocked
 * or timed-out deployment also gets an error annotation on its file and line.
 */
function groupedLogObserver(options) {
    const deployments = new Map();
    return {
        name: 'grouped-logs',
        runStarted: (run) => void run.deployments.forEach((d) => deployments.set(d.id, d)),
        async deploymentFinished(r) {
            await options.book.learnFromPlanFile(r.planJsonFile);
            const log = await redactedLog(r, options.book.redact);
            const counts = r.counts ? ` ${formatCounts(r.counts)}` : '';
            if (log)
                await options.group(`${r.id}: ${r.status}${counts} (${(r.durationMs / 1000).toFixed(1)}s)`, log.trim());
            const d = deployments.get(r.id);
            const annotation = d && annotation_annotationFor({ ...r, error: r.error && options.book.redact(r.error) }, d, options.workingDirFromRepo, log);
            if (annotation)
                options.annotate?.(annotation);
        }
    };
}

;// CONCATENATED MODULE: ./src/github/pull-request-context.ts
const obj = (value) => (value !== null && typeof value === 'object' ? value : undefined);
const str = (value) => (typeof value === 'string' && value !== '' ? value : undefined);
const positive = (value) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);
/** The pull request and head commit an event is about. */
function pullRequestOf(eventName, payload) {
    const pr = obj(payload.pull_request);
    // pull_request, pull_request_target, pull_request_review, pull_request_review_comment.
    if (eventName.startsWith('pull_request') && pr) {
        const prNumber = positive(pr.number) ?? positive(payload.number);
        const headSha = str(obj(pr.head)?.sha);
        return { ...(prNumber ? { prNumber } : {}), ...(headSha ? { headSha } : {}) };
    }
    const issue = obj(payload.issue);
    // A comment on a pull request is an issue_comment whose issue has a pull_request key.
    if (eventName === 'issue_comment' && issue && obj(issue.pull_request)) {
        const prNumber = positive(issue.number);
        return prNumber ? { prNumber } : {};
    }
    return {};
}
/** Owner, repo, pull request, head commit and run links from an event payload and the workflow variables. */
function pullRequestContext(eventName, payload, env) {
    const event = obj(payload) ?? {};
    const repository = obj(event.repository);
    const [envOwner, envRepo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const owner = str(obj(repository?.owner)?.login) ?? str(envOwner);
    const repo = str(repository?.name) ?? str(envRepo);
    const { prNumber, headSha: prSha } = pullRequestOf(eventName, event);
    const headSha = prSha ?? (eventName === 'issue_comment' ? undefined : str(env.GITHUB_SHA));
    const serverUrl = (str(env.GITHUB_SERVER_URL) ?? 'https://github.com').replace(/\/+$/, '');
    const apiUrl = (str(env.GITHUB_API_URL) ?? 'https://api.github.com').replace(/\/+$/, '');
    const runId = str(env.GITHUB_RUN_ID);
    const runAttempt = Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10) > 0 ? Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10) : 1;
    const runUrl = owner && repo && runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined;
    return {
        eventName,
        runAttempt,
        serverUrl,
        apiUrl,
        ...(owner ? { owner } : {}),
        ...(repo ? { repo } : {}),
        ...(prNumber ? { prNumber } : {}),
        ...(headSha ? { headSha } : {}),
        ...(runId ? { runId } : {}),
        ...(runUrl ? { runUrl, summaryUrl: `${runUrl}/attempts/${runAttempt}` } : {})
    };
}

;// CONCATENATED MODULE: ./src/action/github-outputs.ts












/** The event that started the workflow (GITHUB_EVENT_PATH); an unreadable one is an empty event. */
function workflowContext(env) {
    const path = env.workflow.GITHUB_EVENT_PATH;
    let payload = {};
    try {
        if (path)
            payload = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        payload = {};
    }
    return pullRequestContext(env.workflow.GITHUB_EVENT_NAME ?? '', payload, env.workflow);
}
/**
 * The observers of a run on GitHub, in the order their links need: progress
 * lines, grouped logs and annotations, then the artifact (fills links.artifact),
 * the job summary, the PR comment and (drift runs) the drift issues. Every one
 * redacts through the run's one RedactionBook; a GitHub failure is a warning.
 */
function githubObservers(o) {
    const { ws, book, log } = o;
    const context = workflowContext(o.env);
    const links = { ...(context.summaryUrl ? { jobSummary: context.summaryUrl } : {}) };
    const repoRoot = o.env.githubWorkspace ?? process.cwd();
    const fromRepo = (0,external_node_path_.relative)(repoRoot, ws.workingDir).split(external_node_path_.sep).join('/');
    const workingDir = fromRepo === '' || fromRepo.startsWith('..') ? '.' : fromRepo;
    const warn = (message) => log.warning(message);
    const client = o.inputs.token && context.owner && context.repo
        ? createGitHubClient({ token: o.inputs.token, apiUrl: context.apiUrl, log: (line) => log.warning(`GitHub API: ${line}`) })
        : undefined;
    const warnings = ws.warnings.map((w) => w.message);
    const progress = progressObserver(log.info);
    // The engine streams command output only in debug; without it, no live output at all.
    if (!o.debug)
        delete progress.outputLine;
    const observers = [
        progress,
        groupedLogObserver({ book, group: log.group, annotate: log.annotate, workingDirFromRepo: workingDir }),
        artifactObserver({ upload: (name, files, root) => new artifact/* DefaultArtifactClient */.t9().uploadArtifact(name, files, root), book, links, runUrl: context.runUrl, warn }),
        jobSummaryObserver({ write: async (markdown) => void (await core/* summary */.z.addRaw(markdown, true).write()), dependencies: ws.graph.dependencies, workingDir, book, links, warnings })
    ];
    if (client && context.prNumber && !o.shardJob)
        observers.push(prCommentObserver({ client, context, workingDir, book, links, warnings, warn }));
    if (o.command === 'drift') {
        if (!client)
            warn('drift issues need github-token and the repository (GITHUB_REPOSITORY): drift is only reported in the outputs');
        observers.push(driftObserver({ client, context, mode: o.inputs.driftIssues, workingDir, book, links, warn, onFindings: (findings) => o.onDrift(findings) }));
    }
    return observers;
}

;// CONCATENATED MODULE: ./src/action/step-outputs.ts

/** What a step that did nothing (yet) reports. */
const EMPTY_OUTPUTS = { count: 0, deployments: [], removed: [], graph: { levels: [], dependencies: {} }, hasChanges: false, summaryFile: '', drifted: [] };
/** Writes every output at once (a later call overwrites an earlier one). */
function setOutputs(values) {
    core/* setOutput */.uH('count', values.count);
    core/* setOutput */.uH('deployments', JSON.stringify(values.deployments));
    core/* setOutput */.uH('removed', JSON.stringify(values.removed));
    core/* setOutput */.uH('graph', JSON.stringify(values.graph));
    core/* setOutput */.uH('has-changes', values.hasChanges);
    core/* setOutput */.uH('summary-file', values.summaryFile);
    core/* setOutput */.uH('drift-detected', values.drifted.length > 0);
    core/* setOutput */.uH('drifted', JSON.stringify(values.drifted));
}

;// CONCATENATED MODULE: ./src/action/merge-summaries.ts













/** Every summary.json below `dir` (one per downloaded shard artifact), in path order. */
async function summaryFiles(dir) {
    const entries = await (0,promises_.readdir)(dir, { recursive: true, withFileTypes: true }).catch((error) => {
        const { code, message } = error;
        throw new Error(code === 'ENOENT' ? `summaries-path ${dir} does not exist (download the shard jobs' artifacts there first)` : `summaries-path ${dir}: ${message ?? String(error)}`);
    });
    return entries.filter((e) => e.isFile() && e.name === 'summary.json').map((e) => (0,external_node_path_.join)(e.parentPath, e.name)).sort();
}
/**
 * A shard's deployments with their logs where the merge job has them: the
 * artifact observer's `<id with / as __>.log` next to summary.json, a copied
 * run folder's `logs/`, else the path the shard recorded (same machine).
 */
function withLocalLogs(summary, file) {
    const dir = (0,external_node_path_.dirname)(file);
    const deployments = summary.deployments.map((d) => {
        const name = `${d.id.replace(/\//g, '__')}.log`;
        const logFile = [(0,external_node_path_.join)(dir, name), (0,external_node_path_.join)(dir, 'logs', name), d.logFile].find((f) => f !== undefined && (0,external_node_fs_.existsSync)(f));
        const planJsonFile = d.planJsonFile !== undefined && (0,external_node_fs_.existsSync)(d.planJsonFile) ? d.planJsonFile : undefined;
        return { ...d, logFile, planJsonFile };
    });
    return { ...summary, deployments };
}
/** Reads and merges every shard summary under `dir`; `runId` names the merged run. */
async function readMergedSummary(dir, runId) {
    const files = await summaryFiles(dir);
    if (files.length === 0)
        throw new Error(`summaries-path ${dir}: no summary.json found (download the shard jobs' artifacts there first)`);
    const parts = await Promise.all(files.map(async (f) => withLocalLogs(asRunSummary(JSON.parse(await (0,promises_.readFile)(f, 'utf8')), f), f)));
    return mergeSummaries(parts, runId);
}
const newRunId = () => `${new Date().toISOString().replace(/[-:.]/g, '')}-merge`;
/**
 * `command: merge-summaries`: merges the shard jobs' summaries under
 * `summaries-path` into one run and posts what one unsharded run would: the one
 * PR comment and the job summary (through the same observers), writes the
 * merged summary.json, and fails the step when the merged run failed.
 */
async function mergeShardSummaries(request, o) {
    const { env, github, book, log } = o;
    if (request.run.summariesPath === undefined)
        throw new Error('merge-summaries: say where the shard summaries are: input summaries-path');
    const repoRoot = env.githubWorkspace ?? process.cwd();
    const workingDirAbs = (0,external_node_path_.resolve)(request.selection.workingDir);
    const merged = await readMergedSummary((0,external_node_path_.resolve)(request.run.summariesPath), newRunId());
    const file = (0,external_node_path_.join)(workingDirAbs, '.tf-orchestrator', 'runs', merged.runId, 'summary.json');
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(file), { recursive: true });
    await (0,promises_.writeFile)(file, `${JSON.stringify(merged, null, 2)}\n`);
    log.info(`merged ${merged.shards} shard summaries: ${merged.totals.deployments} deployment(s)`);
    log.info(renderRunTable(merged));
    const context = workflowContext(env);
    const links = { ...(context.summaryUrl ? { jobSummary: context.summaryUrl } : {}) };
    const fromRepo = (0,external_node_path_.relative)(repoRoot, workingDirAbs).split(external_node_path_.sep).join('/');
    const workingDir = fromRepo === '' || fromRepo.startsWith('..') ? '.' : fromRepo;
    const warn = (message) => log.warning(message);
    await jobSummaryObserver({ write: async (m) => void (await core/* summary */.z.addRaw(m, true).write()), dependencies: new Map(), workingDir, book, links }).runFinished?.(merged);
    if (github.token && context.owner && context.repo && context.prNumber) {
        const client = createGitHubClient({ token: github.token, apiUrl: context.apiUrl, log: (line) => log.warning(`GitHub API: ${line}`) });
        await prCommentObserver({ client, context, workingDir, book, links, warn, onPosted: (r) => log.info(`PR comment ${r.action}`) }).runFinished?.(merged);
    }
    setOutputs({ ...EMPTY_OUTPUTS, count: merged.totals.deployments, hasChanges: merged.deployments.some((d) => d.hasChanges), summaryFile: file });
    if (runFailed(merged)) {
        const t = merged.totals;
        log.error(`${t.failed} failed, ${t.blocked} blocked, ${t.timedOut} timed out, ${t.skipped} skipped${merged.cancelled ? ', run cancelled' : ''} (over ${merged.shards} shards)`);
        process.exitCode = core/* ExitCode */.yU.Failure;
    }
}

;// CONCATENATED MODULE: ./src/action/run-deployments.ts



/** Runs the selected deployments with every GitHub output attached; SIGINT/SIGTERM cancel the run. */
async function runDeployments(ws, settings, o) {
    const { log } = o;
    const cancel = new AbortController();
    const release = cancelOnSignals(cancel, (signal) => log.warning(`${signal}: stopping; running deployments get SIGINT, nothing new starts`));
    let drift;
    try {
        const summary = await startRun(ws, settings, {
            observers: githubObservers({ ...o, ws, debug: settings.debug, onDrift: (findings) => void (drift = findings) }),
            cancel: cancel.signal,
            onPolicySetupError: (message) => log.error(`policy gate: ${message}; every deployment is blocked (fail closed)`),
            onObserverError: (observer, error) => log.error(`${observer} failed: ${error instanceof Error ? error.message : String(error)}`),
            warn: (message) => log.warning(message),
            ...(o.deploymentEnv ? { deploymentEnv: o.deploymentEnv } : {}),
            ...(o.credentials ? { credentials: o.credentials } : {})
        });
        log.info(renderRunTable(summary));
        return { summary, ...(drift ? { drift } : {}) };
    }
    finally {
        release();
    }
}

;// CONCATENATED MODULE: ./src/app/release-pr-locks.ts






/**
 * A pull request was closed or merged: every deployment lock it holds is let
 * go (the action on `pull_request` `closed`, and `locks release --pull-request`).
 * `credentials`: the action's own (OIDC role) for S3; `objects` replaces the
 * configured store (tests, or a caller that has it open).
 */
async function releasePullRequestLocks(o) {
    const objects = o.objects ?? storesFor((0,external_node_path_.resolve)(o.workingDir), await loadConfig((0,external_node_path_.resolve)(o.workingDir), o.config), o.credentials).objects;
    return { location: objects.location, released: await releasePrLocks(objects, o.pullRequest.repository, o.pullRequest.pullRequest) };
}
/** One line per released lock, for the log or the CLI. */
function describeReleased(r, pr) {
    const name = `${pr.repository}#${pr.pullRequest}`;
    if (r.released.length === 0)
        return `${name} held no deployment locks in ${r.location}`;
    return [`released ${r.released.length} deployment lock(s) of ${name} in ${r.location}:`, ...r.released.map((l) => `  ${l.deployment}: ${describePrHolder(l)}`)].join('\n');
}

;// CONCATENATED MODULE: ./src/action/release-locks.ts








/** `command: release-locks` on a `pull_request` `closed` event: the pull request lets go of every deployment it locked. */
async function releaseLocksOfClosedPullRequest(request, env, log) {
    const pr = workflowContext(env);
    if (!pr.owner || !pr.repo || pr.prNumber === undefined) {
        throw new Error(`release-locks: the event (${pr.eventName || 'none'}) names no pull request; run it on pull_request closed`);
    }
    const workingDir = (0,external_node_path_.resolve)(request.selection.workingDir);
    const config = await loadConfig(workingDir, request.selection.configPath);
    const fleet = deploymentCredentials({ settings: readAwsSettings(env), awsRoles: config.aws_roles, getIdToken: githubIdToken, onSecret: core/* setSecret */.Pq, log: core/* info */.pq });
    await fleet.action?.();
    const ref = { repository: `${pr.owner}/${pr.repo}`, pullRequest: pr.prNumber };
    const released = await releasePullRequestLocks({
        workingDir,
        ...(request.selection.configPath ? { config: request.selection.configPath } : {}),
        pullRequest: ref,
        ...(fleet.action ? { credentials: fleet.action } : {})
    });
    log.info(describeReleased(released, ref));
}

;// CONCATENATED MODULE: ./src/app/rerun-failed.ts





/** The outcomes a re-run picks up again. */
const RERUN_STATUSES = ['failed', 'timed-out', 'blocked', 'skipped'];
/** No run record matched, or a record could not be read. */
class RerunError extends Error {
    name = 'RerunError';
}
const rerun_failed_decode = (bytes) => new TextDecoder().decode(bytes);
// `{action}-{YYYYMMDDTHHMMSSZ}-{run id}.json`: the time, so the newest records are read first.
const timeOf = (key) => key.slice(RUNS_PREFIX.length + 1).match(/-(\d{8}T\d{6}Z)-/)?.[1] ?? '';
async function readRecord(objects, key) {
    const body = await objects.get(key);
    if (!body)
        throw new RerunError(`run record ${key} disappeared while it was read`);
    try {
        const record = JSON.parse(rerun_failed_decode(body));
        if (record.kind === 'run' && Array.isArray(record.summary?.deployments))
            return record;
    }
    catch { }
    throw new RerunError(`${key} in ${objects.location} is not a run record`);
}
/**
 * The summaries of the earlier run from the audit trail's run records
 * (`audit-logs/_runs/`): the run with that id, or every run of the previous
 * attempt of the workflow run (a matrix has one per job). Throws RerunError
 * when there is none.
 */
async function earlierSummaries(objects, source, maxRecords = 500) {
    const keys = (await objects.list(`${RUNS_PREFIX}/`)).map((o) => o.key).filter((k) => k.endsWith('.json'));
    if ('runId' in source) {
        const found = keys.filter((k) => k.endsWith(`-${source.runId}.json`));
        if (found.length === 0)
            throw new RerunError(`no run record of run ${source.runId} in ${objects.location}/${RUNS_PREFIX}/ (it wrote none, or it ran against another state store)`);
        return Promise.all(found.map(async (k) => (await readRecord(objects, k)).summary));
    }
    const previous = source.attempt - 1;
    if (previous < 1)
        throw new RerunError(`workflow run ${source.githubRunId} is on its first attempt: there is no earlier attempt to re-run`);
    const newest = keys.sort((a, b) => timeOf(b).localeCompare(timeOf(a))).slice(0, maxRecords);
    const records = await Promise.all(newest.map((k) => readRecord(objects, k).catch(() => undefined)));
    const matching = records.filter((r) => r?.ci?.runId === source.githubRunId && r.ci.runAttempt === previous);
    if (matching.length === 0)
        throw new RerunError(`no run record of attempt ${previous} of workflow run ${source.githubRunId} in ${objects.location}/${RUNS_PREFIX}/`);
    return matching.map((r) => r.summary);
}
/** The deployment ids that failed, timed out, were blocked or were skipped in the earlier run(s). */
function idsToRerun(summaries) {
    const ids = summaries.flatMap((s) => s.deployments.filter((d) => RERUN_STATUSES.includes(d.status)).map((d) => d.id));
    return [...new Set(ids)].sort();
}
/** `ids` and everything that depends on them, transitively, in `graph`. */
function withDependents(graph, ids) {
    const dependents = dependentsOf(graph);
    const seen = new Set();
    const stack = ids.filter((id) => graph.has(id));
    while (stack.length > 0) {
        const id = stack.pop();
        if (seen.has(id))
            continue;
        seen.add(id);
        stack.push(...(dependents.get(id) ?? []));
    }
    return seen;
}
/**
 * Narrows the workspace to the deployments the earlier run did not finish
 * (failed, timed out, blocked, skipped) plus their dependents in the current
 * graph, and nothing else; the order is rebuilt among them.
 */
function narrowToRerun(ws, summaries) {
    const from = idsToRerun(summaries);
    const keep = withDependents(ws.graph.dependencies, from);
    const graph = buildExecutionGraph({
        all: ws.discovery.deployments,
        selected: keep,
        serviceDependencies: ws.config.serviceDependencies,
        explicit: ws.config.deployment_dependencies,
        locate: (path) => locate(ws.config.file, ws.config.lines, path)
    });
    const selected = ws.selection.selected.filter((d) => keep.has(d.id));
    return { ws: { ...ws, selection: { ...ws.selection, selected }, graph }, from, missing: from.filter((id) => !ws.graph.dependencies.has(id)) };
}
/** Reads the earlier run from the store and narrows the workspace to what it did not finish. */
async function rerunFailed(ws, objects, source) {
    return narrowToRerun(ws, await earlierSummaries(objects, source));
}
/** The value that means the previous attempt of this workflow run. */
const PREVIOUS_ATTEMPT = 'previous-attempt';
/**
 * What `--rerun-failed` / input rerun-failed names: a run id, or
 * `previous-attempt` (also `true`): the previous attempt of the workflow run
 * in `ci`. Undefined when not given; throws RerunError outside a workflow run.
 */
function rerunSourceOf(value, ci) {
    if (value === undefined)
        return undefined;
    if (value !== PREVIOUS_ATTEMPT && value !== 'true')
        return { runId: value };
    if (!ci?.runId || ci.runAttempt === undefined)
        throw new RerunError(`rerun-failed ${value}: not in a GitHub Actions workflow run (GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT)`);
    return { githubRunId: ci.runId, attempt: ci.runAttempt };
}
/**
 * `--rerun-failed <run id | previous-attempt>`: the workspace narrowed to what
 * that run did not finish (unchanged without one); earlier deployments no
 * longer selected are reported through `warn`.
 */
async function rerunOf(ws, value, warn, ci) {
    const source = rerunSourceOf(value, ci);
    if (source === undefined)
        return ws;
    const rerun = await rerunFailed(ws, storesFor(ws.workingDir, ws.config).objects, source);
    if (rerun.missing.length > 0)
        warn(`not in the current selection, not re-run: ${rerun.missing.join(', ')}`);
    return rerun.ws;
}

;// CONCATENATED MODULE: ./src/plans/review-settings.ts


/**
 * The review settings of a run from `--review owner/repo#<pr>@<sha>`: a plan
 * run stores its plans, an apply run applies the stored ones. Undefined
 * without a review. The graph gives each deployment's upstream.
 */
function reviewSettingsOf(command, review, graph, retentionDays) {
    if (review === undefined)
        return undefined;
    return {
        ...parseReviewRef(review),
        mode: command === 'apply' ? 'apply-reviewed' : 'store',
        upstream: upstreamOf(graph),
        ...(retentionDays !== undefined ? { planRetentionDays: retentionDays } : {})
    };
}

;// CONCATENATED MODULE: ./src/action/main.ts



























/** The action's entry point; everything below throws, only this reports failure. */
async function main_run(env = readEnvironment()) {
    const repoRoot = env.githubWorkspace ?? process.cwd();
    // The run's one redaction function: every line, annotation and upload below goes through it.
    const book = new RedactionBook((value) => core/* setSecret */.Pq(value));
    const log = actionLog(book.redact);
    let workingDir = process.cwd();
    setOutputs(EMPTY_OUTPUTS);
    try {
        const request = withFanOutInputs(readInputs(env));
        const github = readGitHubInputs();
        if (github.token)
            core/* setSecret */.Pq(github.token);
        workingDir = (0,external_node_path_.resolve)(request.selection.workingDir);
        const { command } = request;
        if (command === 'merge-summaries')
            return await mergeShardSummaries(request, { env, github, book, log });
        if (command === 'release-locks')
            return await releaseLocksOfClosedPullRequest(request, env, log);
        const shard = await narrowToShard(await loadWorkspace({ ...request.selection, requireDeployments: runsDeployments(command) }), request.run);
        const loaded = await rerunOf(shard, request.run.rerunFailed, (message) => log.warning(`rerun-failed: ${message}`), ciContextFromEnv(env.workflow));
        const ws = { ...loaded, config: withPolicyMode(loaded.config, request.run.policyMode) };
        for (const w of ws.warnings)
            log.warning(w.message, annotationFor(repoRoot, ws.workingDir, w.file, 'line' in w && typeof w.line === 'number' ? w.line : undefined));
        for (const r of ws.selection.removed)
            log.warning(r.text, annotationFor(repoRoot, ws.workingDir, r.file));
        const labels = new Map(ws.discovery.deployments.map((d) => [d.id, d]));
        log.info(renderDeploymentList(ws.selection.selected, ws.selection.removed));
        log.info(renderGraphText(ws.graph, labels));
        const selection = { ...EMPTY_OUTPUTS, count: ws.selection.selected.length, deployments: ws.selection.selected, removed: ws.selection.removed, graph: graphJson(ws.graph, labels) };
        setOutputs(selection);
        if (command === 'discover')
            return void (await discoverMatrix(ws, request, log, book.redact));
        if (!runsDeployments(command)) {
            const text = `${ws.selection.selected.length} deployment(s) selected in ${ws.graph.levels.length} level(s).`;
            await core/* summary */.z.addHeading('tf-orchestrator', 3).addRaw(book.redact(text), true).addCodeBlock(book.redact(renderGraphMermaid(ws.graph, labels)), 'mermaid').write();
            return;
        }
        const review = command === 'drift' ? undefined : reviewSettingsOf(engineCommand(command), request.run.review, ws.graph.dependencies, request.run.planRetentionDays);
        const settings = { ...runSettings(ws.workingDir, ws.config, engineCommand(command), request.run, env), ...(review ? { review } : {}) };
        if (request.run.dryRun) {
            const plan = executionPlan(ws, settings, await resolveBinary(settings.binary, settings.env), stateStoreFor(ws.workingDir, ws.config));
            return log.info(renderExecutionPlan(plan, ws));
        }
        if (ws.selection.selected.length === 0)
            return log.info('No deployments selected: nothing to do.');
        // Credentials first (a misconfigured OIDC fails before anything runs), then the plugin cache.
        const prepared = await prepareRun(ws, settings, env);
        // A matrix shard does not comment: the merge job posts the one comment for all shards.
        const shardJob = request.run.shard !== undefined || request.run.deployments !== undefined;
        const { summary, drift } = await runDeployments(ws, settings, { command, env, inputs: github, book, log, shardJob, ...prepared });
        const drifted = command === 'drift' ? driftedDeployments(summary, drift) : [];
        setOutputs({ ...selection, hasChanges: summary.deployments.some((d) => d.hasChanges), summaryFile: `${settings.runDir}/summary.json`, drifted });
        const failures = [];
        if (runFailed(summary)) {
            const t = summary.totals;
            failures.push(`${t.failed} failed, ${t.blocked} blocked, ${t.timedOut} timed out, ${t.skipped} skipped${summary.cancelled ? ', run cancelled' : ''}`);
        }
        const driftText = command === 'drift' ? driftFailure(drifted, github.failOnDrift) : undefined;
        if (driftText)
            failures.push(driftText);
        else if (drifted.length > 0)
            log.warning(`drift in ${drifted.length} deployment(s): ${drifted.join(', ')}`);
        if (failures.length > 0) {
            log.error(failures.join('; '));
            process.exitCode = core/* ExitCode */.yU.Failure;
        }
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const where = locationOf(message);
        log.error(message, where ? annotationFor(repoRoot, workingDir, where.file, where.line) : {});
        process.exitCode = core/* ExitCode */.yU.Failure;
    }
}


/***/ })

};

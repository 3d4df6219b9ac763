export const id = 514;
export const ids = [514];
export const modules = {

/***/ 5854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ readEnvironment)
/* harmony export */ });
/* unused harmony export ENV */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



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
        home: nonEmpty(env[ENV.home]) ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(),
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
    if (cli && (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(cli) && !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(cli))
        delete out[ENV.cliConfigFile];
    delete out[ENV.dataDir];
    return out;
}


/***/ }),

/***/ 8551:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ ExitCode)
/* harmony export */ });
/** Exit codes of the CLI (documented in the README). */
const ExitCode = {
    /** Everything selected succeeded (or there was nothing to do). */
    Ok: 0,
    /** At least one deployment failed, was blocked by policy, timed out or was skipped. */
    RunFailed: 1,
    /** Bad usage, configuration, discovery or graph: nothing was run. */
    Usage: 2,
    /** Interrupted by SIGINT / SIGTERM. */
    Cancelled: 130
};


/***/ }),

/***/ 4514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/app/environment.ts
var environment = __webpack_require__(5854);
// EXTERNAL MODULE: ./src/config/io/load-config.ts
var load_config = __webpack_require__(4218);
// EXTERNAL MODULE: ./src/render/strip-ansi.ts
var strip_ansi = __webpack_require__(7376);
// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
;// CONCATENATED MODULE: ./src/cli/output.ts

/** Whether a write failed because the reader went away (`| head`). */
const isPipeClosed = (error) => error?.code === 'EPIPE';
/**
 * A stream writer that stops quietly once its reader has gone, instead of dying
 * with a stack trace. Lines written in one turn of the event loop go out in one
 * write (a run of 10,000 deployments prints ten progress lines for each; a
 * write per line costs a system call each on a pipe), and whatever is pending
 * is written when the process exits.
 */
function writer(stream) {
    let closed = false;
    let pending = [];
    stream.on('error', (error) => {
        if (!isPipeClosed(error))
            throw error;
        closed = true;
    });
    const flush = () => {
        const text = pending.join('');
        pending = [];
        if (closed || text === '')
            return;
        try {
            stream.write(text);
        }
        catch (error) {
            if (!isPipeClosed(error))
                throw error;
            closed = true;
        }
    };
    process.once('exit', flush);
    return (text) => {
        if (closed)
            return;
        if (pending.length === 0)
            setImmediate(flush);
        pending.push(text.endsWith('\n') ? text : `${text}\n`);
    };
}
/** stdout and stderr; without colours (ANSI codes stripped) when `noColor`. */
function processOutput(noColor) {
    const out = writer(process.stdout);
    const err = writer(process.stderr);
    const clean = (text) => (noColor ? (0,strip_ansi/* stripAnsi */.a)(text) : text);
    return { out: (text) => out(clean(text)), err: (text) => err(clean(text)) };
}
/** `output` with every line stripped of ANSI codes when `noColor` (for outputs passed in, such as tests'). */
function plainOutput(output, noColor) {
    return noColor ? { out: (text) => output.out((0,strip_ansi/* stripAnsi */.a)(text)), err: (text) => output.err((0,strip_ansi/* stripAnsi */.a)(text)) } : output;
}

;// CONCATENATED MODULE: ./src/cli/main.ts






/**
 * The commands in help order, each loaded only when it is the one run (or for
 * help): the others' modules (run engine, state stores, policy) need not be read.
 */
const COMMANDS = [
    ['list', async (ctx) => (await Promise.all(/* import() */[__webpack_require__.e(382), __webpack_require__.e(769)]).then(__webpack_require__.bind(__webpack_require__, 1769))).listCommand(ctx)],
    ['graph', async (ctx) => (await Promise.all(/* import() */[__webpack_require__.e(382), __webpack_require__.e(506)]).then(__webpack_require__.bind(__webpack_require__, 6506))).graphCommand(ctx)],
    ['plan', async (ctx) => (await Promise.all(/* import() */[__webpack_require__.e(955), __webpack_require__.e(382), __webpack_require__.e(871), __webpack_require__.e(228), __webpack_require__.e(759)]).then(__webpack_require__.bind(__webpack_require__, 759))).runCommand('plan', ctx)],
    ['apply', async (ctx) => (await Promise.all(/* import() */[__webpack_require__.e(955), __webpack_require__.e(382), __webpack_require__.e(871), __webpack_require__.e(228), __webpack_require__.e(759)]).then(__webpack_require__.bind(__webpack_require__, 759))).runCommand('apply', ctx)],
    ['policy', async (ctx) => (await Promise.all(/* import() */[__webpack_require__.e(955), __webpack_require__.e(731)]).then(__webpack_require__.bind(__webpack_require__, 4731))).policyCommand(ctx)],
    ['matrix', async (ctx) => (await Promise.all(/* import() */[__webpack_require__.e(382), __webpack_require__.e(228), __webpack_require__.e(961)]).then(__webpack_require__.bind(__webpack_require__, 3961))).matrixCommand(ctx.output)],
    ['redact', async (ctx) => (await __webpack_require__.e(/* import() */ 818).then(__webpack_require__.bind(__webpack_require__, 818))).redactCommand(ctx.output)],
    ['report', async (ctx) => (await __webpack_require__.e(/* import() */ 327).then(__webpack_require__.bind(__webpack_require__, 327))).reportCommand(ctx.output, (await Promise.all(/* import() */[__webpack_require__.e(871), __webpack_require__.e(913)]).then(__webpack_require__.bind(__webpack_require__, 8294))).objectStoreOf)],
    ['state', async (ctx) => (await Promise.all(/* import() */[__webpack_require__.e(382), __webpack_require__.e(871), __webpack_require__.e(20)]).then(__webpack_require__.bind(__webpack_require__, 20))).stateCommand(ctx)],
    ['locks', async (ctx) => (await Promise.all(/* import() */[__webpack_require__.e(871), __webpack_require__.e(683)]).then(__webpack_require__.bind(__webpack_require__, 1683))).locksCommand(ctx)]
];
/**
 * Runs the CLI with `argv` (user arguments only) and returns the exit code.
 * `env` is read once here; tests pass their own output and environment.
 */
async function runCli(argv, given, env = (0,environment/* readEnvironment */.Q)()) {
    const output = given ? plainOutput(given, env.noColor) : processOutput(env.noColor);
    let exitCode = exit_codes/* ExitCode */.y.Ok;
    const ctx = { output, env, setExitCode: (code) => (exitCode = code) };
    const program = new esm/* Command */.uB('tf-orchestrator')
        .description('Orchestrates Terraform / OpenTofu deployments across accounts, regions and services.')
        .option('-V, --version', 'print the version and the binary a run would use')
        .addHelpText('after', '\nExit codes: 0 success, 1 a deployment failed, was blocked or skipped, 2 usage/configuration/discovery error, 130 cancelled.')
        .action(async (flags) => {
        if (!flags.version)
            return program.help({ error: true });
        // Loaded here: finding the binary needs modules no other command reads at startup.
        const { versionText } = await __webpack_require__.e(/* import() */ 985).then(__webpack_require__.bind(__webpack_require__, 3985));
        output.out(await versionText(await binaryOfCurrentDirectory(), env));
    });
    // The program has no operands, so a first argument naming a command always runs that command.
    const named = COMMANDS.find(([name]) => name === argv[0]);
    for (const [, make] of named ? [named] : COMMANDS)
        program.addCommand(await make(ctx));
    for (const command of [program, ...program.commands]) {
        command
            .exitOverride()
            .showHelpAfterError('(run with --help for usage)')
            .configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) });
    }
    try {
        await program.parseAsync([...argv], { from: 'user' });
    }
    catch (error) {
        if (error instanceof esm/* CommanderError */.b7) {
            return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? exit_codes/* ExitCode */.y.Ok : exit_codes/* ExitCode */.y.Usage;
        }
        // The binary's own messages may carry colours; ours never do off a terminal.
        const message = error instanceof Error ? error.message : String(error);
        output.err(`error: ${env.noColor ? (0,strip_ansi/* stripAnsi */.a)(message) : message}`);
        exitCode = exit_codes/* ExitCode */.y.Usage;
    }
    return exitCode;
}
/** The binary the configuration of the current directory names, else tofu. */
async function binaryOfCurrentDirectory() {
    try {
        return (await (0,load_config/* loadConfig */.Z)(process.cwd())).binary;
    }
    catch {
        return 'tofu';
    }
}


/***/ }),

/***/ 1954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $q: () => (/* binding */ DEFAULT_RETRY_PATTERNS),
/* harmony export */   BR: () => (/* binding */ DEFAULT_SERVICE_MAPPING),
/* harmony export */   Cu: () => (/* binding */ DEFAULT_CONFIG_FILE),
/* harmony export */   EV: () => (/* binding */ DEFAULT_TIMEOUT_MINUTES),
/* harmony export */   IR: () => (/* binding */ DEFAULT_COMBINED_SERVICE),
/* harmony export */   WB: () => (/* binding */ DEFAULT_SERVICE_DEPENDENCIES),
/* harmony export */   eG: () => (/* binding */ DEFAULT_BACKEND_KEY_TEMPLATE)
/* harmony export */ });
/* unused harmony export WORKER_CAP */
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


/***/ }),

/***/ 4218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ loadConfig)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _defaults_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1954);
/* harmony import */ var _model_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1601);
/* harmony import */ var _parse_config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(732);





/**
 * Loads the configuration: `explicitPath` when given (it must exist), else
 * `.tf-orchestrator.yml` in the working directory when present, else defaults.
 */
async function loadConfig(workingDir, explicitPath) {
    const path = explicitPath ? ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(explicitPath) ? explicitPath : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(process.cwd(), explicitPath)) : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workingDir, _defaults_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_CONFIG_FILE */ .Cu);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT' && !explicitPath)
            return (0,_parse_config_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultConfig */ .sb)();
        throw new _parse_config_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(`${(0,_model_names_js__WEBPACK_IMPORTED_MODULE_4__/* .printablePath */ .Vj)(path)}: cannot read the configuration file: ${(0,_model_names_js__WEBPACK_IMPORTED_MODULE_4__/* .printablePath */ .Vj)(error.message)}`);
    }
    return (0,_parse_config_js__WEBPACK_IMPORTED_MODULE_3__/* .parseConfig */ .o4)(text, displayPath(path));
}
function displayPath(path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(process.cwd(), path);
    return (0,_model_names_js__WEBPACK_IMPORTED_MODULE_4__/* .printablePath */ .Vj)(rel.startsWith('..') ? path : rel);
}


/***/ }),

/***/ 732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xL: () => (/* binding */ ConfigError),
  sb: () => (/* binding */ defaultConfig),
  o4: () => (/* binding */ parseConfig)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/graph/dag.ts
var dag = __webpack_require__(3148);
// EXTERNAL MODULE: ./src/model/names.ts
var names = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/config/defaults.ts
var defaults = __webpack_require__(1954);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(4377);
// EXTERNAL MODULE: ./src/state/state-key.ts
var state_key = __webpack_require__(7286);
;// CONCATENATED MODULE: ./src/config/schema.ts




// The one definition of .tf-orchestrator.yml. Keys are snake_case like the
// tfvars files it sits beside; unknown keys are errors so typos surface.
const schema_name = schemas/* string */.YjP()
    .regex(names/* NAME_PATTERN */.Vh, 'must be letters, digits, ".", "_" or "-", starting with a letter or digit (max 128)');
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
    patterns: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).default([...defaults/* DEFAULT_RETRY_PATTERNS */.$q])
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
        .default(defaults/* DEFAULT_BACKEND_KEY_TEMPLATE */.eG)
        .superRefine((template, ctx) => {
        const problem = (0,state_key/* stateKeyTemplateProblem */.cM)(template);
        if (problem)
            ctx.addIssue({ code: 'custom', message: problem });
    }),
    combined_service_name: schema_name.default(defaults/* DEFAULT_COMBINED_SERVICE */.IR),
    parallel: schemas/* boolean */.zMY().default(true),
    max_workers: schemas/* int */.Whr().min(1).max(64).optional(),
    timeout_minutes: schemas/* number */.aig().positive().max(24 * 60).default(defaults/* DEFAULT_TIMEOUT_MINUTES */.EV),
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

// EXTERNAL MODULE: ./src/config/yaml-locations.ts
var yaml_locations = __webpack_require__(6974);
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
    const config = withDefaults(result.data, file, (0,yaml_locations/* nodeLines */.Ih)(doc, lineCounter));
    assertNoServiceCycle(config);
    return config;
}
/** The configuration used when there is no file. */
function defaultConfig() {
    return withDefaults(configSchema.parse({}), undefined, undefined);
}
function withDefaults(data, file, lines) {
    const serviceDependencies = {};
    for (const [service, needs] of Object.entries(defaults/* DEFAULT_SERVICE_DEPENDENCIES */.WB))
        serviceDependencies[service] = [...needs];
    Object.assign(serviceDependencies, data.service_dependencies);
    return {
        ...data,
        file,
        ...(lines ? { lines } : {}),
        serviceMapping: { ...defaults/* DEFAULT_SERVICE_MAPPING */.BR, ...data.service_mapping },
        serviceDependencies
    };
}
/** A cycle through the merged service_dependencies, named at the file's entry that closes it. */
function assertNoServiceCycle(config) {
    const graph = new Map(Object.entries(config.serviceDependencies).map(([s, needs]) => [s, new Set(needs)]));
    const cycle = (0,dag/* findCycle */.u8)(graph);
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
    const message = new dag/* CycleError */.d6(cycle, 'services in service_dependencies').message;
    throw new ConfigError(`${(0,yaml_locations/* locate */.x5)(config.file, config.lines, path)}: ${path.join('.')}: ${message}`);
}
function describeIssue(issue, raw, doc, lines, file) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    let keyPath = path.length ? path.join('.') : '(top level)';
    let offset = (0,yaml_locations/* offsetOf */.b4)(doc, path);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
        const key = issue.keys[0];
        keyPath = [...path, key].join('.');
        offset = (0,yaml_locations/* keyOffset */.Rh)(doc, path, key) ?? offset;
        message = `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    }
    else {
        const value = valueAt(raw, path);
        if (value !== undefined)
            message += ` (got ${preview(value)})`;
    }
    const line = offset === undefined ? undefined : lines.linePos(offset).line;
    return `${file}${line ? `:${line}` : ''}: ${(0,names/* printablePath */.Vj)(keyPath)}: ${message}`;
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
    const json = (0,names/* printablePath */.Vj)(JSON.stringify(value) ?? String(value));
    return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}


/***/ }),

/***/ 6974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ih: () => (/* binding */ nodeLines),
/* harmony export */   Rh: () => (/* binding */ keyOffset),
/* harmony export */   b4: () => (/* binding */ offsetOf),
/* harmony export */   x5: () => (/* binding */ locate)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);

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
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(parent))
        return undefined;
    for (const pair of parent.items) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && pair.key.value === key)
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
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            for (const pair of node.items) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key))
                    continue;
                const child = path ? `${path}.${String(pair.key.value)}` : String(pair.key.value);
                at(child, pair.key.range?.[0]);
                walk(pair.value, child);
            }
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
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


/***/ }),

/***/ 3148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gq: () => (/* binding */ reachable),
/* harmony export */   d6: () => (/* binding */ CycleError),
/* harmony export */   o4: () => (/* binding */ executionLevels),
/* harmony export */   u8: () => (/* binding */ findCycle),
/* harmony export */   yk: () => (/* binding */ dependentsOf)
/* harmony export */ });
/* harmony import */ var _shared_sets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3885);

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
    const { sets, containing } = (0,_shared_sets_js__WEBPACK_IMPORTED_MODULE_0__/* .sharedSets */ .Z)(graph);
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
    const { sets, containing } = (0,_shared_sets_js__WEBPACK_IMPORTED_MODULE_0__/* .sharedSets */ .Z)(graph);
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


/***/ }),

/***/ 3885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ sharedSets)
/* harmony export */ });
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


/***/ }),

/***/ 7376:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ stripAnsi)
/* harmony export */ });
// CSI sequences (colours, cursor moves) and OSC sequences (titles, links).
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
/** Text without ANSI escape codes (for logs, notes and files that are not a terminal). */
function stripAnsi(text) {
    // Most text has no escape at all: one scan for ESC instead of the pattern's (a fleet's list is a megabyte).
    return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}


/***/ }),

/***/ 7286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FW: () => (/* binding */ renderStateKey),
/* harmony export */   UU: () => (/* binding */ deploymentIdFromKey),
/* harmony export */   XH: () => (/* binding */ STATE_KEY_PLACEHOLDERS),
/* harmony export */   cM: () => (/* binding */ stateKeyTemplateProblem)
/* harmony export */ });
/* harmony import */ var _model_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1601);

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
        const problem = (0,_model_names_js__WEBPACK_IMPORTED_MODULE_0__/* .nameProblem */ .rH)(literal);
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


/***/ })

};

export const id = 731;
export const ids = [731];
export const modules = {

/***/ 4731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  policyCommand: () => (/* binding */ policyCommand)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/policy/verdict.ts
var policy_verdict = __webpack_require__(5187);
// EXTERNAL MODULE: ./src/config/io/load-config.ts
var load_config = __webpack_require__(4218);
// EXTERNAL MODULE: ./src/policy/io/policy-gate.ts + 3 modules
var policy_gate = __webpack_require__(6780);
// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
;// CONCATENATED MODULE: ./src/cli/read-plan-json.ts

const EXPECTED = 'expected a plan JSON document (`tofu show -json <planfile>`: an object with "format_version" and "resource_changes")';
/** Reads a plan JSON file; anything else is an error naming the file and what was expected. */
async function readPlanJson(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new Error(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code})`}; ${EXPECTED}`);
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        throw new Error(`${file}: not JSON; ${EXPECTED}`);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new Error(`${file}: the JSON is ${doc === null ? 'null' : Array.isArray(doc) ? 'an array' : `a ${typeof doc}`}; ${EXPECTED}`);
    }
    const plan = doc;
    if (typeof plan.format_version !== 'string' || (plan.resource_changes !== undefined && !Array.isArray(plan.resource_changes))) {
        throw new Error(`${file}: not a plan; ${EXPECTED}`);
    }
    return plan;
}

;// CONCATENATED MODULE: ./src/cli/policy-command.ts









/** `policy`: evaluates a saved plan's JSON with the configured policies, as the gate would. */
function policyCommand(ctx) {
    const { output, setExitCode } = ctx;
    return new esm/* Command */.uB('policy')
        .description('evaluate a plan JSON file (tofu show -json) against the configured policies, as the gate does before apply')
        .requiredOption('--plan <file>', 'plan JSON written by `tofu show -json <planfile>`')
        .option('-w, --working-dir <dir>', 'directory holding .tf-orchestrator.yml', '.')
        .option('-c, --config <file>', 'configuration file')
        .option('--deployment <id>', 'deployment id the waivers are matched against', 'adhoc/plan')
        .option('--repeat <n>', 'evaluate n times after compiling once, and report the timings', '1')
        .option('--json', 'print the verdict as JSON')
        .action(async (flags) => {
        const workingDir = (0,external_node_path_.resolve)(flags.workingDir);
        const config = await (0,load_config/* loadConfig */.Z)(workingDir, flags.config);
        const plan = await readPlanJson(flags.plan);
        const workDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tforch-policy-'));
        const compileStarted = Date.now();
        const opened = await (0,policy_gate/* openPolicyGate */.Q)({
            ...(0,policy_gate/* gateOptions */.O)(workingDir, config.policies),
            // Asked explicitly, so evaluate even when runs have the gate off.
            mode: config.policies.mode === 'off' ? 'enforce' : config.policies.mode,
            opa: ctx.env.opaBinary,
            workDir
        });
        const compileMs = Date.now() - compileStarted;
        try {
            const deployment = { id: flags.deployment };
            const timings = [];
            let verdict;
            for (let i = 0; i < Math.max(1, Number(flags.repeat) || 1); i++) {
                const started = Date.now();
                verdict = await opened.gate(deployment, plan);
                timings.push(Date.now() - started);
            }
            const v = verdict.details;
            const resources = (plan.resource_changes ?? []).length;
            if (flags.json) {
                output.out(JSON.stringify({ verdict: v, resources, compileMs, evaluateMs: timings }, null, 2));
            }
            else {
                for (const d of v.denies)
                    output.out(`DENY  ${d.id ?? '-'} ${d.msg}`);
                for (const w of v.warnings)
                    output.out(`WARN  ${w.id ?? '-'} ${w.msg}`);
                for (const w of v.waived)
                    output.out(`WAIVED ${w.finding.id} ${w.finding.msg} (${w.waiver.reason}, until ${w.waiver.expires})`);
                for (const e of v.errors)
                    output.out(`ERROR ${e}`);
                output.out((0,policy_verdict/* verdictSummary */.k6)(v));
                output.out(`${resources} resources; policies compiled in ${compileMs} ms; evaluation ${timings.map((t) => `${t} ms`).join(', ')}`);
            }
            if (!verdict.allowed)
                setExitCode(exit_codes/* ExitCode */.y.RunFailed);
        }
        finally {
            await opened.close();
            await (0,promises_.rm)(workDir, { recursive: true, force: true });
        }
    });
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

/***/ 6780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O: () => (/* binding */ gateOptions),
  Q: () => (/* binding */ openPolicyGate)
});

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 1 modules
var exec = __webpack_require__(1955);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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

// EXTERNAL MODULE: ./src/policy/verdict.ts
var policy_verdict = __webpack_require__(5187);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
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
const IGNORED = ['--ignore', '*_test.rego', '--ignore', 'testdata'];
/**
 * Compiles the policies once for the run (one OPA server) and returns the gate
 * that evaluates each plan. Any problem setting it up does not throw: the gate
 * then blocks every deployment with that message (fail closed).
 */
async function openPolicyGate(options) {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const verdictFor = (deploymentId, deny, warn, errors) => (0,policy_verdict/* decideVerdict */.AU)({ deploymentId, mode: options.mode, deny, warn, waivers: options.waivers, errors, today });
    const failClosed = (message) => ({
        setupError: message,
        gate: async (d) => {
            const verdict = verdictFor(d.id, [], [], [message]);
            return { allowed: verdict.allowed, details: verdict, summary: (0,policy_verdict/* verdictSummary */.k6)(verdict) };
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
        server = await startOpaServer(options.opa, [...IGNORED, ...sources], (0,external_node_path_.join)(socketDir, 'opa.sock'));
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
            return { allowed: verdict.allowed, details: verdict, summary: (0,policy_verdict/* verdictSummary */.k6)(verdict) };
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
        result = await (0,exec.getExecOutput)(opa, ['check', '--v1-compatible', ...IGNORED, ...sources], { silent: true, ignoreReturnCode: true });
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


/***/ }),

/***/ 5187:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AU: () => (/* binding */ decideVerdict),
/* harmony export */   k6: () => (/* binding */ verdictSummary)
/* harmony export */ });
/* unused harmony exports toFinding, matchesDeployment */
/* harmony import */ var _model_id_pattern_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1331);

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
    return (0,_model_id_pattern_js__WEBPACK_IMPORTED_MODULE_0__/* .idPattern */ .a)(pattern).test(id);
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


/***/ })

};

export const id = 506;
export const ids = [506];
export const modules = {

/***/ 6262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OR: () => (/* binding */ parseRunRequest)
/* harmony export */ });
/* unused harmony exports COMMANDS, runsDeployments, engineCommand, RunRequestError, optionName */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8532);

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
const bool = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(BOOLEANS, { error: 'must be true or false' }).transform((v) => v.toLowerCase() === 'true');
const wholeNumber = (min, max) => zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().transform((raw, ctx) => {
    const text = raw.trim();
    if (/^\d+$/.test(text) && Number(text) >= min && Number(text) <= max)
        return Number(text);
    ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
});
const positiveNumber = (max) => zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().transform((raw, ctx) => {
    const n = Number(raw.trim());
    if (raw.trim() !== '' && Number.isFinite(n) && n > 0 && n <= max)
        return n;
    ctx.addIssue({ code: 'custom', message: `must be a number above 0 and at most ${max}` });
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
});
/** A binary name (`tofu`, `terraform`) or a path to one (checked when it is run). */
const binary = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .refine((b) => b === 'tofu' || b === 'terraform' || /[\\/]/.test(b), { message: 'must be tofu or terraform', params: { hint: '(or a path to one of them)' } });
const rawShape = {
    command: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(COMMANDS, { error: `must be one of ${COMMANDS.join(', ')}` }).default('plan'),
    workingDir: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('.'),
    config: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    baseRef: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1, 'must not be empty').optional(),
    changedFiles: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    all: bool.default(false),
    json: bool.default(false),
    format: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['text', 'mermaid', 'json'], { error: 'must be text, mermaid or json' }).optional(),
    maxWorkers: wholeNumber(1, 64).optional(),
    parallel: bool.optional(),
    timeoutMinutes: positiveNumber(24 * 60).optional(),
    graceSeconds: positiveNumber(3600).optional(),
    binary: binary.optional(),
    debug: bool.default(false),
    dryRun: bool.default(false),
    destroy: bool.default(false),
    policyMode: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['enforce', 'warn', 'off'], { error: 'must be enforce, warn or off' }).optional(),
    strategy: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['dag', 'levels'], { error: 'must be dag or levels' }).default('dag'),
    // Matrix fan-out: `n/total` (or `n` with shards), or the ids the discover job handed over.
    shard: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().regex(/^\d+(\s*\/\s*\d+)?$/, 'must be n/total or n').optional(),
    deployments: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1, 'must not be empty').optional(),
    shards: wholeNumber(1, 256).optional(),
    summariesPath: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1, 'must not be empty').optional(),
    // Review mode: the pull request a plan run stores its plans for, an apply run applies the stored plans of.
    review: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().regex(/^[^#@\s/]+\/[^#@\s/]+#\d+@[0-9A-Fa-f]{7,64}$/, 'must be owner/repo#<pull request>@<head sha>').optional(),
    planRetentionDays: wholeNumber(1, 3650).optional(),
    // An earlier run's id: run only what it did not finish (a selection of its own).
    rerunFailed: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1, 'must not be empty').optional()
};
const requestSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej(rawShape).superRefine((r, ctx) => {
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


/***/ }),

/***/ 5217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ contextOf)
/* harmony export */ });
/* harmony import */ var _app_environment_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5854);

/** A context from a full one or from a bare Output (commands built alone, as in tests). */
function contextOf(given) {
    if ('output' in given)
        return given;
    return { output: given, env: (0,_app_environment_js__WEBPACK_IMPORTED_MODULE_0__/* .readEnvironment */ .Q)(), setExitCode: () => undefined };
}


/***/ }),

/***/ 6506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   graphCommand: () => (/* binding */ graphCommand)
/* harmony export */ });
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _render_graph_render_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6733);
/* harmony import */ var _app_load_workspace_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5382);
/* harmony import */ var _app_run_request_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6262);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5217);
/* harmony import */ var _print_warnings_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7347);
/* harmony import */ var _selection_options_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5395);







/** `graph`: the execution levels as text, Mermaid or JSON. */
function graphCommand(given) {
    const ctx = (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .contextOf */ .V)(given);
    return (0,_selection_options_js__WEBPACK_IMPORTED_MODULE_4__/* .withSelectionOptions */ .rp)(new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB('graph'))
        .description('show the execution levels of the selected deployments')
        // No commander default: --json with an explicit non-JSON format is a usage error, not silently JSON.
        .option('-f, --format <format>', 'output format: text, mermaid or json (default: text, json with --json)')
        .action(async (flags) => {
        const request = (0,_app_run_request_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRunRequest */ .OR)({ command: 'graph', ...(0,_selection_options_js__WEBPACK_IMPORTED_MODULE_4__/* .rawSelection */ .hE)(flags), format: flags.format }, 'cli');
        const ws = await (0,_app_load_workspace_js__WEBPACK_IMPORTED_MODULE_1__/* .loadWorkspace */ .C)(request.selection);
        (0,_print_warnings_js__WEBPACK_IMPORTED_MODULE_5__/* .printWarnings */ .V)(ctx.output, ws.warnings);
        const labels = new Map(ws.discovery.deployments.map((d) => [d.id, d]));
        if (request.format === 'json')
            ctx.output.out(JSON.stringify((0,_render_graph_render_js__WEBPACK_IMPORTED_MODULE_6__/* .graphJson */ .Ne)(ws.graph, labels), null, 2));
        else if (request.format === 'mermaid')
            ctx.output.out((0,_render_graph_render_js__WEBPACK_IMPORTED_MODULE_6__/* .renderGraphMermaid */ .SF)(ws.graph, labels));
        else
            ctx.output.out((0,_render_graph_render_js__WEBPACK_IMPORTED_MODULE_6__/* .renderGraphText */ .ii)(ws.graph, labels));
    });
}


/***/ }),

/***/ 7347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ printWarnings)
/* harmony export */ });
function printWarnings(output, warnings) {
    for (const w of warnings)
        output.err(`warning: ${w.file}: ${w.message}`);
}


/***/ }),

/***/ 5395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hE: () => (/* binding */ rawSelection),
/* harmony export */   rp: () => (/* binding */ withSelectionOptions),
/* harmony export */   us: () => (/* binding */ flagText)
/* harmony export */ });
/* unused harmony export selectionFrom */
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);

/** Adds the options every command shares: where to look and what to select. */
function withSelectionOptions(command) {
    return command
        .option('-w, --working-dir <dir>', 'directory holding the deployments', '.')
        .option('-c, --config <file>', 'configuration file (default: <working-dir>/.tf-orchestrator.yml when present)')
        .option('--base-ref <ref>', 'select deployments changed since this git ref (git diff <ref>...HEAD)')
        .option('--changed-files <list>', 'select deployments affected by these files (comma or newline separated, relative to the current directory)')
        .addOption(new commander__WEBPACK_IMPORTED_MODULE_0__/* .Option */ .c$('--all', 'select every deployment').conflicts(['baseRef', 'changedFiles']))
        .option('--json', 'print exactly one JSON document on stdout (everything else goes to stderr)');
}
/** A boolean flag as the raw string the run request schema reads (undefined when not given). */
const flagText = (value) => (value === undefined ? undefined : String(value));
/** The shared flags as raw run request values. */
function rawSelection(flags) {
    return {
        workingDir: flags.workingDir,
        config: flags.config,
        baseRef: flags.baseRef,
        changedFiles: flags.changedFiles,
        all: flagText(flags.all),
        json: flagText(flags.json)
    };
}
/** The shared flags as loadWorkspace's selection (for commands that take no run options). */
function selectionFrom(flags) {
    return { workingDir: flags.workingDir, configPath: flags.config, baseRef: flags.baseRef, changedFiles: flags.changedFiles, all: flags.all };
}


/***/ }),

/***/ 6733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ne: () => (/* binding */ graphJson),
/* harmony export */   SF: () => (/* binding */ renderGraphMermaid),
/* harmony export */   ii: () => (/* binding */ renderGraphText)
/* harmony export */ });
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


/***/ })

};

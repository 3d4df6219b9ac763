export const id = 228;
export const ids = [228];
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

/***/ 6251:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GY: () => (/* binding */ historyFileOf),
  V$: () => (/* binding */ matrixWorkers),
  X$: () => (/* binding */ narrowToShard)
});

// UNUSED EXPORTS: idsOf, requestWorkers, shardSpecOf

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/yaml-locations.ts
var yaml_locations = __webpack_require__(6974);
// EXTERNAL MODULE: ./src/engine/duration-history.ts
var duration_history = __webpack_require__(3161);
// EXTERNAL MODULE: ./src/graph/deployment-graph.ts + 5 modules
var deployment_graph = __webpack_require__(6061);
// EXTERNAL MODULE: ./src/matrix/plan-matrix.ts + 2 modules
var plan_matrix = __webpack_require__(1404);
// EXTERNAL MODULE: ./src/graph/dag.ts
var dag = __webpack_require__(3148);
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
    const packing = (0,plan_matrix/* planMatrix */.T4)({ graph: graph.dependencies, history, workers, shards: spec.total });
    if (packing.shards.length !== spec.total) {
        throw new Error(`--shard ${spec.shard}/${spec.total}: this selection splits into ${packing.shards.length} shard(s), not ${spec.total}; run with the selection, history and workers the matrix was made from`);
    }
    return restrictToIds(selected, graph, (0,plan_matrix/* shardIds */.dp)(packing, spec.shard));
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
    return { selected: selected.filter((d) => keep.has(d.id)), graph: { dependencies, levels: (0,dag/* executionLevels */.o4)(dependencies) } };
}

;// CONCATENATED MODULE: ./src/app/shard-selection.ts






/** Workers each matrix job is planned with: flag, configuration, else a fixed default (never the CPU count: every job must agree). */
function matrixWorkers(config, flag) {
    if (flag !== undefined)
        return flag;
    return config.parallel ? (config.max_workers ?? plan_matrix/* MATRIX_DEFAULT_WORKERS */.sk) : 1;
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
        const graph = (0,deployment_graph/* buildExecutionGraph */.x)({
            all: ws.discovery.deployments,
            selected: new Set(ids),
            serviceDependencies: ws.config.serviceDependencies,
            explicit: ws.config.deployment_dependencies,
            locate: (path) => (0,yaml_locations/* locate */.x5)(ws.config.file, ws.config.lines, path)
        });
        const keep = new Set(ids);
        return narrowed(ws, { selected: ws.selection.selected.filter((d) => keep.has(d.id)), graph });
    }
    const spec = shardSpecOf(request.shard, request.shards);
    const history = await (0,duration_history/* loadHistory */.F)(historyFileOf(ws.workingDir));
    return narrowed(ws, selectShard(ws.selection.selected, ws.graph, history, spec, requestWorkers(ws.config, request)));
}
const narrowed = (ws, part) => ({
    ...ws,
    selection: { ...ws.selection, selected: part.selected },
    graph: part.graph
});


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

/***/ 3161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ loadHistory),
/* harmony export */   Q: () => (/* binding */ saveHistory)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


async function loadHistory(file) {
    try {
        const parsed = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
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
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file), { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(`${file}.tmp`, JSON.stringify(next, null, 2));
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(`${file}.tmp`, file);
}


/***/ }),

/***/ 2185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ DEFAULT_ESTIMATE_MS)
/* harmony export */ });
/** Estimate for a deployment never seen before. */
const DEFAULT_ESTIMATE_MS = 60_000;


/***/ }),

/***/ 1404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sk: () => (/* binding */ MATRIX_DEFAULT_WORKERS),
  T4: () => (/* binding */ planMatrix),
  dp: () => (/* binding */ shardIds)
});

// EXTERNAL MODULE: ./src/engine/run-settings.ts
var run_settings = __webpack_require__(2185);
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

// EXTERNAL MODULE: ./src/schedule/critical-path.ts
var critical_path = __webpack_require__(8946);
;// CONCATENATED MODULE: ./src/matrix/pack-shards.ts

/** Most matrix jobs by default: enough to spread a fleet, few enough to leave runners for others. */
const MAX_DEFAULT_SHARDS = 20;
/** The cost of running `ids` (one component) in one job: the makespan bound the engine's critical-path scheduler approaches. */
function componentCost(graph, ids, durationMs, workers) {
    const sub = new Map(ids.map((id) => [id, new Set(graph.get(id) ?? [])]));
    let criticalPathMs = 0;
    for (const length of (0,critical_path/* criticalPathLengths */.w)(sub, durationMs).values())
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
        return typeof recorded === 'number' && Number.isFinite(recorded) && recorded >= 0 ? recorded : run_settings/* DEFAULT_ESTIMATE_MS */.g;
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


/***/ }),

/***/ 8946:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ criticalPathLengths)
/* harmony export */ });
/* unused harmony export makespanLowerBound */
/* harmony import */ var _graph_dag_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3148);
/* harmony import */ var _graph_shared_sets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3885);


/**
 * The longest remaining path from each node to the end of the run, weighting
 * each node by its estimated duration: its own estimate plus the longest path
 * through anything waiting for it. Running the largest first keeps the
 * critical path moving. Linear: the nodes sharing a dependency set are
 * weighed once for each member of that set.
 */
function criticalPathLengths(graph, estimateMs) {
    const { sets, containing } = (0,_graph_shared_sets_js__WEBPACK_IMPORTED_MODULE_1__/* .sharedSets */ .Z)(graph);
    const setOf = new Map();
    sets.forEach((s, i) => s.nodes.forEach((node) => setOf.set(node, i)));
    // Per dependency set: the longest path starting at any node that waits for it.
    const longestAfter = sets.map(() => 0);
    const order = (0,_graph_dag_js__WEBPACK_IMPORTED_MODULE_0__/* .executionLevels */ .o4)(graph).flat().reverse();
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


/***/ })

};

export const id = 769;
export const ids = [769];
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

/***/ 1769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  listCommand: () => (/* binding */ listCommand)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/render/table.ts
var table = __webpack_require__(900);
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
        parts.push((0,table/* renderTable */.b)(['DEPLOYMENT', 'SERVICES', 'STATE KEY', 'REASONS'], rows));
        parts.push(`${selected.length} deployment${selected.length === 1 ? '' : 's'} selected.`);
    }
    for (const r of removed)
        parts.push(`removed: ${r.text}`);
    return parts.join('\n');
}

// EXTERNAL MODULE: ./src/app/load-workspace.ts + 26 modules
var load_workspace = __webpack_require__(5382);
// EXTERNAL MODULE: ./src/app/run-request.ts
var run_request = __webpack_require__(6262);
// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/selection-options.ts
var selection_options = __webpack_require__(5395);
// EXTERNAL MODULE: ./src/cli/print-warnings.ts
var print_warnings = __webpack_require__(7347);
;// CONCATENATED MODULE: ./src/cli/list-command.ts







/** `list`: the selected deployments with their services, state key and reasons. */
function listCommand(given) {
    const ctx = (0,context/* contextOf */.V)(given);
    return (0,selection_options/* withSelectionOptions */.rp)(new esm/* Command */.uB('list'))
        .description('list the selected deployments with their services, state key and why they were selected')
        .action(async (flags) => {
        const request = (0,run_request/* parseRunRequest */.OR)({ command: 'list', ...(0,selection_options/* rawSelection */.hE)(flags) }, 'cli');
        const ws = await (0,load_workspace/* loadWorkspace */.C)(request.selection);
        (0,print_warnings/* printWarnings */.V)(ctx.output, ws.warnings);
        if (request.json) {
            ctx.output.out(JSON.stringify({ deployments: ws.selection.selected, removed: ws.selection.removed, warnings: ws.warnings }, null, 2));
        }
        else {
            ctx.output.out(renderDeploymentList(ws.selection.selected, ws.selection.removed));
        }
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

/***/ 900:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ renderTable)
/* harmony export */ });
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


/***/ })

};

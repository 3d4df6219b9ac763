export const id = 961;
export const ids = [961];
export const modules = {

/***/ 3961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  historyFileOf: () => (/* reexport */ shard_selection/* historyFileOf */.GY),
  matrixCommand: () => (/* binding */ matrixCommand),
  matrixWorkers: () => (/* reexport */ shard_selection/* matrixWorkers */.V$)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/app/load-workspace.ts + 26 modules
var load_workspace = __webpack_require__(5382);
// EXTERNAL MODULE: ./src/app/run-request.ts
var run_request = __webpack_require__(6262);
// EXTERNAL MODULE: ./src/app/shard-selection.ts + 1 modules
var shard_selection = __webpack_require__(6251);
// EXTERNAL MODULE: ./src/engine/duration-history.ts
var duration_history = __webpack_require__(3161);
// EXTERNAL MODULE: ./src/matrix/plan-matrix.ts + 2 modules
var plan_matrix = __webpack_require__(1404);
;// CONCATENATED MODULE: ./src/matrix/matrix-output.ts

const seconds = (ms) => Math.round(ms / 100) / 10;
/** The JSON document for a packing. */
function matrixDocument(packing) {
    const include = packing.shards.map((s) => {
        const deployments = (0,plan_matrix/* shardIds */.dp)(packing, s.shard);
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

// EXTERNAL MODULE: ./src/cli/print-warnings.ts
var print_warnings = __webpack_require__(7347);
// EXTERNAL MODULE: ./src/cli/selection-options.ts
var selection_options = __webpack_require__(5395);
;// CONCATENATED MODULE: ./src/cli/matrix-command.ts









const wholeNumber = (name, value) => {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
        throw new Error(`${name} must be a whole number of at least 1, got ${JSON.stringify(value)}`);
    return n;
};

/** `matrix`: the selected deployments split into shards of whole components, as JSON for `strategy.matrix`. */
function matrixCommand(output) {
    return (0,selection_options/* withSelectionOptions */.rp)(new esm/* Command */.uB('matrix'))
        .description('split the selected deployments into shards with no dependency between them, as JSON for a GitHub Actions matrix')
        .option('--shards <n>', 'number of shards (default: the number of independent components, at most 20)')
        .option('--workers <n>', 'workers each shard job runs with, for the estimates (default: configuration max_workers, else 5)')
        .action(async (flags) => {
        const shards = wholeNumber('--shards', flags.shards);
        const workersFlag = wholeNumber('--workers', flags.workers);
        // Selected like `list` (default: everything), with the same checks and messages.
        const request = (0,run_request/* parseRunRequest */.OR)({ command: 'list', ...(0,selection_options/* rawSelection */.hE)(flags) }, 'cli');
        const ws = await (0,load_workspace/* loadWorkspace */.C)(request.selection);
        (0,print_warnings/* printWarnings */.V)(output, ws.warnings);
        const packing = (0,plan_matrix/* planMatrix */.T4)({
            graph: ws.graph.dependencies,
            history: await (0,duration_history/* loadHistory */.F)((0,shard_selection/* historyFileOf */.GY)(ws.workingDir)),
            workers: (0,shard_selection/* matrixWorkers */.V$)(ws.config, workersFlag),
            shards
        });
        // Exactly one JSON document on stdout, so `jq` or `fromJSON` can take it whole.
        output.out(JSON.stringify(matrixDocument(packing)));
    });
}


/***/ })

};

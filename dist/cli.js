#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _discovery_io_hcl_parser_subprocess_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3650);

// The CLI is loaded only when it runs: the parser child needs none of it, and starts sooner without it.
if (process.env[_discovery_io_hcl_parser_subprocess_js__WEBPACK_IMPORTED_MODULE_0__/* .PARSER_ROLE_VARIABLE */ .Sq])
    await (0,_discovery_io_hcl_parser_subprocess_js__WEBPACK_IMPORTED_MODULE_0__/* .serveParseRequests */ .HP)();
else
    process.exitCode = await (await Promise.all(/* import() */[__nccwpck_require__.e(669), __nccwpck_require__.e(514)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4514))).runCli(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6077:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  j: () => (/* binding */ HclSyntaxError),
  qd: () => (/* binding */ loadParser),
  GK: () => (/* binding */ parseInProcess)
});

// EXTERNAL MODULE: ./src/discovery/io/hcl/wasm-location.ts
var wasm_location = __nccwpck_require__(8051);
// EXTERNAL MODULE: ./src/model/names.ts
var names = __nccwpck_require__(1601);
// EXTERNAL MODULE: ./src/discovery/short-message.ts
var short_message = __nccwpck_require__(2866);
;// CONCATENATED MODULE: ./src/discovery/parser-message.ts


// hcl2json reports "parse config: [<file>:<line>,<col>-<line>,<col>: <summary>; <detail> <file>:<line>,...]",
// every diagnostic in one string: a binary or huge broken file yields thousands of them.
const WRAPPER = /^(?:parse config: \[)?([\s\S]*?)\]?$/;
/**
 * The first diagnostic of an HCL parser message as `file:line: detail`, bounded
 * and printable, with a count of the diagnostics left out.
 */
function firstDiagnostic(file, raw) {
    const name = (0,names/* printablePath */.Vj)(file);
    const body = WRAPPER.exec(raw)?.[1] ?? raw;
    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const starts = [...body.matchAll(new RegExp(`${escaped}:(\\d+),\\d+(?:-(?:\\d+,)?\\d+)?: `, 'g'))];
    const first = starts[0];
    if (!first || first.index === undefined)
        return { line: undefined, message: `${name}: ${(0,short_message/* shortMessage */.S)(body.trim())}` };
    const end = starts[1]?.index ?? body.length;
    const detail = (0,short_message/* shortMessage */.S)(body.slice(first.index + first[0].length, end).trim());
    const more = starts.length > 1 ? ` (and ${starts.length - 1} more error${starts.length > 2 ? 's' : ''})` : '';
    const line = Number(first[1]);
    return { line, message: `${name}:${line}: ${detail}${more}` };
}

;// CONCATENATED MODULE: ./src/discovery/io/hcl/parse-in-process.ts


// Loaded on first use: loading starts the WebAssembly parser, which only the
// process that parses should pay for.
let parser;
/** Raised for a file that is not valid HCL; `message` names file and line. */
class HclSyntaxError extends Error {
    file;
    line;
    name = 'HclSyntaxError';
    constructor(file, line, detail) {
        super(detail);
        this.file = file;
        this.line = line;
    }
}
/** Starts loading the parser (once); parseInProcess waits for it. */
function loadParser() {
    parser ??= Promise.all(/* import() */[__nccwpck_require__.e(609), __nccwpck_require__.e(31)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4609, 23));
    return parser;
}
/** Parses in this process (tests, and the parser child process itself). */
async function parseInProcess(file, text) {
    try {
        return (await (await loadParser()).parse(file, text));
    }
    catch (error) {
        const raw = error instanceof Error ? error.message : String(error);
        const { line, message } = firstDiagnostic(file, raw);
        throw new HclSyntaxError(file, line, message);
    }
}


/***/ }),

/***/ 3650:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Sq: () => (/* binding */ PARSER_ROLE_VARIABLE),
  sh: () => (/* binding */ parseInSubprocess),
  HP: () => (/* binding */ serveParseRequests),
  $K: () => (/* binding */ startSubprocessParser),
  tw: () => (/* binding */ stopSubprocessParser)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
;// CONCATENATED MODULE: external "node:readline"
const external_node_readline_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
// EXTERNAL MODULE: ./src/discovery/io/hcl/parse-in-process.ts + 1 modules
var parse_in_process = __nccwpck_require__(6077);
;// CONCATENATED MODULE: ./src/discovery/io/hcl/parser-subprocess.ts




/** Set in the parser child's environment: the bundle then serves parse requests instead of running. */
const PARSER_ROLE_VARIABLE = 'TF_ORCHESTRATOR_HCL_PARSER';
let child;
let nextId = 0;
function start() {
    const proc = (0,external_node_child_process_.spawn)(process.execPath, [(0,external_node_url_.fileURLToPath)(import.meta.url)], {
        env: { ...process.env, [PARSER_ROLE_VARIABLE]: '1' },
        stdio: ['pipe', 'pipe', 'inherit']
    });
    // Each child answers its own requests: a stopped child exiting late never touches a later one's.
    const parser = { proc, pending: new Map() };
    const { pending } = parser;
    (0,external_node_readline_namespaceObject.createInterface)({ input: proc.stdout }).on('line', (line) => {
        const response = JSON.parse(line);
        const waiter = pending.get(response.id);
        if (!waiter)
            return;
        pending.delete(response.id);
        if (response.error) {
            const { message, line: at, syntax } = response.error;
            waiter.reject(syntax ? new parse_in_process/* HclSyntaxError */.j(waiter.file, at, message) : new Error(message));
        }
        else
            waiter.resolve(response.value);
    });
    proc.on('exit', (code) => {
        for (const [, waiter] of pending)
            waiter.reject(new Error(`the HCL parser process exited (code ${code}) while parsing ${waiter.file}`));
        pending.clear();
        if (child === parser)
            child = undefined;
    });
    return parser;
}
/**
 * Starts the child before the first parse is asked for, so that it loads the
 * parser while this process does other work (a cold discovery walks the fleet meanwhile).
 */
function startSubprocessParser() {
    child ??= start();
}
/** Parses in the child process (started on first use). */
function parseInSubprocess(file, text) {
    const { proc, pending } = (child ??= start());
    const id = nextId++;
    const request = { id, file, text };
    return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, file });
        proc.stdin?.write(`${JSON.stringify(request)}\n`);
    });
}
function stopSubprocessParser() {
    // An idle child (started early, perhaps never asked) ends now rather than after loading the parser; a busy one finishes.
    if (child && child.pending.size === 0)
        child.proc.kill();
    else
        child?.proc.stdin?.end();
    child = undefined;
}
/** The child's side: answers one JSON line per request line until stdin closes. */
async function serveParseRequests() {
    // Loading takes longer than most parses: begun before the first request arrives. A failure surfaces with the first parse.
    (0,parse_in_process/* loadParser */.qd)().catch(() => undefined);
    const lines = (0,external_node_readline_namespaceObject.createInterface)({ input: process.stdin });
    for await (const line of lines) {
        const request = JSON.parse(line);
        let response;
        try {
            response = { id: request.id, value: await (0,parse_in_process/* parseInProcess */.GK)(request.file, request.text) };
        }
        catch (error) {
            const syntax = error instanceof parse_in_process/* HclSyntaxError */.j;
            response = { id: request.id, error: { message: error.message, line: syntax ? error.line : undefined, syntax } };
        }
        process.stdout.write(`${JSON.stringify(response)}\n`);
    }
}


/***/ }),

/***/ 8051:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ bundledWasmPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
// @cdktn/hcl2json is CommonJS and finds its WebAssembly parser through
// `join(__dirname, '..', 'main.wasm.gz')` as soon as it is loaded. Inside the ESM
// bundle in dist/ there is no `__dirname`, so this module (imported before the
// parser) provides one that points next to the bundle, where the build copies
// main.wasm.gz. Under jest / plain node the CommonJS module has its own
// __dirname and this global is never consulted.



const bundleDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
const g = globalThis;
/** Where the bundled parser expects main.wasm.gz (dist/main.wasm.gz). */
const bundledWasmPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(bundleDir, 'main.wasm.gz');
if (g.__dirname === undefined && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(bundledWasmPath)) {
    g.__dirname = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(bundleDir, 'hcl2json');
}


/***/ }),

/***/ 2866:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ shortMessage)
/* harmony export */ });
/* unused harmony export MESSAGE_LIMIT */
/* harmony import */ var _model_names_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1601);

/** Longest message a parser error may print: one line a person can read. */
const MESSAGE_LIMIT = 300;
/**
 * One short printable line from a possibly huge parser message: the first
 * line, control characters escaped, cut at `limit` characters with an ellipsis.
 */
function shortMessage(text, limit = MESSAGE_LIMIT) {
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const printable = (0,_model_names_js__WEBPACK_IMPORTED_MODULE_0__/* .printablePath */ .Vj)(firstLine);
    return printable.length <= limit ? printable : `${printable.slice(0, limit - 1)}…`;
}


/***/ }),

/***/ 1601:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   QB: () => (/* binding */ assertValidName),
/* harmony export */   Vh: () => (/* binding */ NAME_PATTERN),
/* harmony export */   Vj: () => (/* binding */ printablePath),
/* harmony export */   rH: () => (/* binding */ nameProblem)
/* harmony export */ });
/* unused harmony export InvalidNameError */
/**
 * Names that become a path segment or a state key: letters, digits, `.`, `_`
 * and `-`, starting with a letter or digit, at most 128 characters. This keeps
 * out `..`, `/`, control characters and anything a shell or S3 key would treat
 * specially.
 */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Returns why `value` is not a valid name, or undefined when it is. */
function nameProblem(value) {
    // The common valid name passes one test; the checks below only word the problem.
    if (NAME_PATTERN.test(value) && !value.includes('..'))
        return undefined;
    if (value.length === 0)
        return 'it is empty';
    if (value.length > 128)
        return 'it is longer than 128 characters';
    if (value.includes('/') || value.includes('\\'))
        return 'it contains a path separator';
    if (value.includes('..'))
        return "it contains '..'";
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value))
        return 'it contains a control character';
    if (!NAME_PATTERN.test(value)) {
        return 'only letters, digits, ".", "_" and "-" are allowed, starting with a letter or digit';
    }
    return undefined;
}
/** Throws an error naming `where` (file and line) and the value when the name is invalid. */
function assertValidName(role, value, where) {
    const problem = nameProblem(value);
    if (problem) {
        throw new InvalidNameError(`${where}: ${role} ${JSON.stringify(value)} is not a valid name: ${problem}`);
    }
}
class InvalidNameError extends Error {
    name = 'InvalidNameError';
}
// C0/C1 controls, DEL, line/paragraph separators and bidirectional overrides:
// printed raw they could rewrite a terminal or hide text in a log.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/**
 * A path (or any text from the file system) as it may appear in a message:
 * control characters escaped JSON-style (`\u001b`), everything else unchanged.
 */
function printablePath(path) {
    return path.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 9140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".cli.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

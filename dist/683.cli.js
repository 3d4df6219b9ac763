export const id = 683;
export const ids = [683];
export const modules = {

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

/***/ 1683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  locksCommand: () => (/* binding */ locksCommand)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/io/load-config.ts
var load_config = __webpack_require__(4218);
// EXTERNAL MODULE: ./src/locks/io/processes.ts
var processes = __webpack_require__(2784);
// EXTERNAL MODULE: ./src/locks/io/pr-lock-store.ts
var pr_lock_store = __webpack_require__(2291);
// EXTERNAL MODULE: ./src/locks/pr-lock.ts
var pr_lock = __webpack_require__(7838);
// EXTERNAL MODULE: ./src/state/io/state-store-for.ts + 6 modules
var state_store_for = __webpack_require__(871);
;// CONCATENATED MODULE: ./src/app/release-pr-locks.ts






/**
 * A pull request was closed or merged: every deployment lock it holds is let
 * go (the action on `pull_request` `closed`, and `locks release --pull-request`).
 * `credentials`: the action's own (OIDC role) for S3; `objects` replaces the
 * configured store (tests, or a caller that has it open).
 */
async function releasePullRequestLocks(o) {
    const objects = o.objects ?? (0,state_store_for/* storesFor */.i)((0,external_node_path_.resolve)(o.workingDir), await (0,load_config/* loadConfig */.Z)((0,external_node_path_.resolve)(o.workingDir), o.config), o.credentials).objects;
    return { location: objects.location, released: await (0,pr_lock_store/* releasePrLocks */.I3)(objects, o.pullRequest.repository, o.pullRequest.pullRequest) };
}
/** One line per released lock, for the log or the CLI. */
function describeReleased(r, pr) {
    const name = `${pr.repository}#${pr.pullRequest}`;
    if (r.released.length === 0)
        return `${name} held no deployment locks in ${r.location}`;
    return [`released ${r.released.length} deployment lock(s) of ${name} in ${r.location}:`, ...r.released.map((l) => `  ${l.deployment}: ${(0,pr_lock/* describePrHolder */.Ku)(l)}`)].join('\n');
}

// EXTERNAL MODULE: ./src/locks/io/run-lock-store.ts
var run_lock_store = __webpack_require__(3110);
// EXTERNAL MODULE: ./src/locks/run-lock.ts
var run_lock = __webpack_require__(3513);
// EXTERNAL MODULE: ./src/render/table.ts
var table = __webpack_require__(900);
// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
;// CONCATENATED MODULE: ./src/cli/locks-command.ts













const objectsOf = async (flags) => (0,state_store_for/* storesFor */.i)((0,external_node_path_.resolve)(flags.workingDir), await (0,load_config/* loadConfig */.Z)((0,external_node_path_.resolve)(flags.workingDir), flags.config)).objects;
/** A subcommand that reports its errors through the CLI's output and never exits the process itself. */
const subcommand = (name, output) => new esm/* Command */.uB(name)
    .option('-w, --working-dir <dir>', 'directory holding .tf-orchestrator.yml', '.')
    .option('-c, --config <file>', 'configuration file')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) });
/** `locks list`, `locks release <deployment> --yes` and `locks release --pull-request <owner/repo#n> --yes`: the locks in the configured store. */
function locksCommand(given) {
    const { output, setExitCode } = (0,context/* contextOf */.V)(given);
    const list = subcommand('list', output)
        .description('list the run locks: deployment, holder, since, expiry, and whether the holder is gone')
        .option('--json', 'print the locks as JSON')
        .action(async (flags) => {
        const here = { host: (0,processes/* hostName */.Sm)(), now: new Date(), alive: processes/* pidAlive */.pl };
        const objects = await objectsOf(flags);
        // Run locks, then the pull requests' locks (held from a PR's plan to its apply).
        const all = [...(await (0,run_lock_store/* listRunLocks */.WV)(objects)), ...(await (0,pr_lock_store/* listPrLocks */.RA)(objects)).map((l) => ({ ...l, kind: 'pull-request' }))];
        const locks = all.map((l) => ({ ...l, stale: l.lock ? (0,run_lock/* staleReason */.Wf)(l.lock, here) : 'unreadable' }));
        if (flags.json)
            return output.out(JSON.stringify({ locks }, null, 2));
        if (locks.length === 0)
            return output.out('no run locks');
        const rows = locks.map((l) => [
            l.deployment,
            l.lock ? (0,run_lock/* describeOwner */.$S)(l.lock.owner) : '(unreadable)',
            l.lock?.acquiredAt ?? '',
            l.lock?.expiresAt ?? '',
            l.stale === undefined ? 'held' : `stale: ${l.stale}`,
            'kind' in l ? 'pull request' : 'run'
        ]);
        output.out((0,table/* renderTable */.b)(['deployment', 'holder', 'since', 'expires', 'state', 'lock'], rows));
    });
    const release = subcommand('release', output)
        .description('release a deployment\'s locks (its run lock and a pull request\'s lock), or every lock of a pull request, whoever holds them (only with --yes)')
        .argument('[deployment]', 'deployment id, as `locks list` shows it')
        .option('--pull-request <owner/repo#n>', 'release every deployment lock this pull request holds')
        .option('--yes', 'really release it')
        .action(async (deployment, flags) => {
        if ((deployment === undefined) === (flags.pullRequest === undefined)) {
            output.err('name a deployment or --pull-request <owner/repo#n> (one of them)');
            return setExitCode(exit_codes/* ExitCode */.y.Usage);
        }
        if (flags.pullRequest !== undefined)
            return releasePullRequest(flags.pullRequest, flags);
        const objects = await objectsOf(flags);
        const id = deployment;
        if (!flags.yes) {
            const held = (await (0,run_lock_store/* listRunLocks */.WV)(objects)).find((l) => l.deployment === id);
            const pr = await (0,pr_lock_store/* readPrLock */.YL)(objects, id);
            output.err(`not released: add --yes to release ${(0,run_lock/* runLockKey */.kF)(id)}${held?.lock ? ` (held by ${(0,run_lock/* describeLock */.FD)(held.lock)})` : ''}${pr ? ` and ${(0,pr_lock/* prLockKey */.z_)(id)} (held by ${(0,pr_lock/* describePrHolder */.Ku)(pr)})` : ''}`);
            return setExitCode(exit_codes/* ExitCode */.y.Usage);
        }
        const removed = await (0,run_lock_store/* forceReleaseRunLock */.L1)(objects, id);
        const pr = await (0,pr_lock_store/* readPrLock */.YL)(objects, id);
        const prReleased = pr !== undefined && (await (0,pr_lock_store/* releasePrLock */.RB)(objects, pr));
        if (removed === undefined && !prReleased) {
            output.err(`no run lock for ${id} in ${objects.location}`);
            return setExitCode(exit_codes/* ExitCode */.y.RunFailed);
        }
        if (removed !== undefined)
            output.out(`released ${(0,run_lock/* runLockKey */.kF)(id)}${removed === 'unreadable' ? ' (unreadable)' : `, held by ${(0,run_lock/* describeLock */.FD)(removed)}`}`);
        if (pr && prReleased)
            output.out(`released ${(0,pr_lock/* prLockKey */.z_)(id)}, held by ${(0,pr_lock/* describePrHolder */.Ku)(pr)}`);
    });
    async function releasePullRequest(text, flags) {
        let pr;
        try {
            pr = (0,pr_lock/* parsePullRequestRef */.LL)(text);
        }
        catch (error) {
            output.err(error.message);
            return setExitCode(exit_codes/* ExitCode */.y.Usage);
        }
        const objects = await objectsOf(flags);
        if (!flags.yes) {
            const held = (await (0,pr_lock_store/* listPrLocks */.RA)(objects)).filter((l) => l.lock && (0,pr_lock/* isPullRequest */.r0)(l.lock.owner, pr));
            output.err(`not released: add --yes to release the ${held.length} deployment lock(s) of ${text}${held.map((l) => `\n  ${l.deployment}`).join('')}`);
            return setExitCode(exit_codes/* ExitCode */.y.Usage);
        }
        output.out(describeReleased(await releasePullRequestLocks({ workingDir: flags.workingDir, objects, pullRequest: pr }), pr));
    }
    return new esm/* Command */.uB('locks').description('list or release the run locks of the deployments').addCommand(list).addCommand(release);
}


/***/ }),

/***/ 2291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H6: () => (/* binding */ PrLockHeld),
/* harmony export */   I3: () => (/* binding */ releasePrLocks),
/* harmony export */   Ly: () => (/* binding */ takePrLock),
/* harmony export */   RA: () => (/* binding */ listPrLocks),
/* harmony export */   RB: () => (/* binding */ releasePrLock),
/* harmony export */   YL: () => (/* binding */ readPrLock)
/* harmony export */ });
/* harmony import */ var _pr_lock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7838);
/* harmony import */ var _run_lock_store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);


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
    const key = (0,_pr_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .prLockKey */ .z_)(o.deployment);
    const now = o.now ?? (() => new Date());
    const current = await (0,_run_lock_store_js__WEBPACK_IMPORTED_MODULE_0__/* .readLock */ .mF)(store, key);
    if (current !== undefined && current !== 'unreadable' && (0,_pr_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .isPullRequest */ .r0)(current.owner, o.owner) && now().getTime() < Date.parse(current.expiresAt)) {
        // Renewed in place: `since` stays when the pull request first took it.
        const lock = { ...current, owner: o.owner, ...(o.stateKey ? { stateKey: o.stateKey } : {}), expiresAt: new Date(now().getTime() + o.ttlMs).toISOString() };
        await store.put(key, `${JSON.stringify(lock, null, 2)}\n`, { contentType: 'application/json' });
        return { lock, renewed: true };
    }
    try {
        const got = await (0,_run_lock_store_js__WEBPACK_IMPORTED_MODULE_0__/* .acquireRunLock */ .Vd)(store, { key, deployment: o.deployment, stateKey: o.stateKey, owner: o.owner, kind: 'pull-request', ttlMs: o.ttlMs, timeoutMs: 0, now });
        return { lock: got.lock, ...(got.takenOver ? { takenOver: got.takenOver } : {}) };
    }
    catch (error) {
        if (error instanceof _run_lock_store_js__WEBPACK_IMPORTED_MODULE_0__/* .RunLockTimeout */ .kT)
            throw new PrLockHeld(error.holder);
        throw error;
    }
}
/** The deployment's pull-request lock, when there is a readable one. */
async function readPrLock(store, deployment) {
    const lock = await (0,_run_lock_store_js__WEBPACK_IMPORTED_MODULE_0__/* .readLock */ .mF)(store, (0,_pr_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .prLockKey */ .z_)(deployment));
    return lock === 'unreadable' ? undefined : lock;
}
/** Deletes the lock if it is still `lock`; whether it did. */
const releasePrLock = (store, lock) => (0,_run_lock_store_js__WEBPACK_IMPORTED_MODULE_0__/* .releaseRunLock */ .ai)(store, lock, (0,_pr_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .prLockKey */ .z_)(lock.deployment));
/** Every pull-request lock of a store; `lock` is absent for an object that is not a readable lock. */
async function listPrLocks(store) {
    const found = [];
    for (const info of await store.list(_pr_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .PR_LOCK_PREFIX */ .iQ)) {
        const deployment = (0,_pr_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .deploymentOfPrLockKey */ .f9)(info.key);
        if (deployment === undefined)
            continue;
        const lock = await (0,_run_lock_store_js__WEBPACK_IMPORTED_MODULE_0__/* .readLock */ .mF)(store, info.key);
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
        if (lock && (0,_pr_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .isPullRequest */ .r0)(lock.owner, { repository, pullRequest }) && (await releasePrLock(store, lock)))
            released.push(lock);
    }
    return released;
}


/***/ }),

/***/ 2784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sm: () => (/* binding */ hostName),
/* harmony export */   So: () => (/* binding */ backendLockWho),
/* harmony export */   X0: () => (/* binding */ processStartTime),
/* harmony export */   a7: () => (/* binding */ signalProcess),
/* harmony export */   ay: () => (/* binding */ commandLine),
/* harmony export */   gO: () => (/* binding */ descendantsOf),
/* harmony export */   pl: () => (/* binding */ pidAlive)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);


/** This machine's name, as lock owners record it. */
function hostName() {
    return (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)();
}
/** `user@host`: how OpenTofu names the holder of a backend lock (LockInfo.Who). */
function backendLockWho() {
    return `${(0,node_os__WEBPACK_IMPORTED_MODULE_1__.userInfo)().username}@${(0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)()}`;
}
/** The fields of /proc/<pid>/stat after the command name, or undefined when the process is gone. */
function statFields(pid) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
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
        entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)('/proc');
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
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
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


/***/ }),

/***/ 3110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L1: () => (/* binding */ forceReleaseRunLock),
/* harmony export */   Vd: () => (/* binding */ acquireRunLock),
/* harmony export */   WV: () => (/* binding */ listRunLocks),
/* harmony export */   ai: () => (/* binding */ releaseRunLock),
/* harmony export */   kT: () => (/* binding */ RunLockTimeout),
/* harmony export */   mF: () => (/* binding */ readLock)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _state_object_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9662);
/* harmony import */ var _run_lock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3513);
/* harmony import */ var _processes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2784);




/** The lock stayed held by a live holder for the whole wait. */
class RunLockTimeout extends Error {
    holder;
    constructor(holder, waitedMs) {
        super(`deployment ${holder.deployment} is locked by ${(0,_run_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .describeLock */ .FD)(holder)}; waited ${Math.round(waitedMs / 1000)}s`);
        this.holder = holder;
        this.name = 'RunLockTimeout';
    }
}
const decode = (bytes) => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));
/** The lock object's content: absent, a lock, or 'unreadable'. */
async function readLock(store, key) {
    const text = decode(await store.get(key));
    return text === undefined ? undefined : ((0,_run_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRunLock */ ._1)(text) ?? 'unreadable');
}
/**
 * Takes the run lock of a deployment: a create-only put of `locks/{id}.json`.
 * A live holder is waited for (polling) up to timeoutMs, then RunLockTimeout
 * names it. A stale holder (expired, its process gone from this host, or an
 * unreadable object) is replaced: re-read, then a conditional put naming its tag (If-Match), and the
 * new lock read back, so of two waiters replacing the same stale lock one wins.
 */
async function acquireRunLock(store, o) {
    const key = o.key ?? (0,_run_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .runLockKey */ .kF)(o.deployment);
    const now = o.now ?? (() => new Date());
    const alive = o.alive ?? _processes_js__WEBPACK_IMPORTED_MODULE_3__/* .pidAlive */ .pl;
    const host = (0,_processes_js__WEBPACK_IMPORTED_MODULE_3__/* .hostName */ .Sm)();
    const started = now().getTime();
    let warned = false;
    for (;;) {
        o.signal?.throwIfAborted();
        const lock = (0,_run_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .newRunLock */ .Ng)(o.deployment, o.owner, now(), o.ttlMs, { stateKey: o.stateKey, ...(o.kind ? { kind: o.kind } : {}) });
        const body = `${JSON.stringify(lock, null, 2)}\n`;
        try {
            await store.put(key, body, { ifNoneMatch: true, contentType: 'application/json' });
            return { lock, waitedMs: now().getTime() - started };
        }
        catch (error) {
            if (!(error instanceof _state_object_store_js__WEBPACK_IMPORTED_MODULE_1__/* .ObjectExistsError */ .qs))
                throw error;
        }
        const holder = await readLock(store, key);
        if (holder === undefined)
            continue; // released meanwhile
        const reason = holder === 'unreadable' ? 'unreadable' : (0,_run_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .staleReason */ .Wf)(holder, { host, now: now(), alive });
        if (reason) {
            // Replaced only if still the stale lock read here (If-Match on its tag): a delete and a
            // create would leave a moment without a lock, where another waiter's create-only put wins too.
            const tag = (await store.head(key))?.etag;
            const again = await readLock(store, key);
            const unchanged = holder === 'unreadable' ? again === 'unreadable' : again !== undefined && again !== 'unreadable' && (0,_run_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .sameLock */ .IV)(again, holder);
            if (!unchanged)
                continue;
            if (tag === undefined)
                throw new Error(`cannot replace the stale run lock ${key} in ${store.location}: the store reports no version tag`);
            try {
                await store.put(key, body, { ifMatch: tag, contentType: 'application/json' });
            }
            catch (error) {
                if (error instanceof _state_object_store_js__WEBPACK_IMPORTED_MODULE_1__/* .ObjectChangedError */ .__)
                    continue; // another waiter replaced it first, or it was released
                throw error;
            }
            // A waiter that read the same stale lock a moment earlier may delete ours: look once more.
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(100);
            const mine = await readLock(store, key);
            if (mine === undefined || mine === 'unreadable' || !(0,_run_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .sameLock */ .IV)(mine, lock))
                continue;
            return { lock, waitedMs: now().getTime() - started, takenOver: { from: holder === 'unreadable' ? undefined : holder, reason } };
        }
        const waited = now().getTime() - started;
        if (waited >= o.timeoutMs)
            throw new RunLockTimeout(holder, waited);
        if (!warned)
            o.onWait?.(holder);
        warned = true;
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.min(o.pollMs ?? 2000, Math.max(1, o.timeoutMs - waited)), undefined, { signal: o.signal }).catch(() => o.signal?.throwIfAborted());
    }
}
/** Deletes the lock if it is still `lock` (not taken over meanwhile); whether it did. */
async function releaseRunLock(store, lock, key = (0,_run_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .runLockKey */ .kF)(lock.deployment)) {
    const current = await readLock(store, key);
    if (current === undefined || current === 'unreadable' || !(0,_run_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .sameLock */ .IV)(current, lock))
        return false;
    await store.delete(key);
    return true;
}
/** Every run lock of a store; `lock` is absent for an object that is not a readable lock. */
async function listRunLocks(store) {
    const found = [];
    for (const info of await store.list(_run_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .LOCK_PREFIX */ .fY)) {
        const deployment = (0,_run_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .deploymentOfLockKey */ .BN)(info.key);
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
    const key = (0,_run_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .runLockKey */ .kF)(deployment);
    const current = await readLock(store, key);
    if (current !== undefined)
        await store.delete(key);
    return current;
}


/***/ }),

/***/ 7838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ku: () => (/* binding */ describePrHolder),
/* harmony export */   LL: () => (/* binding */ parsePullRequestRef),
/* harmony export */   Oj: () => (/* binding */ heldByOf),
/* harmony export */   f9: () => (/* binding */ deploymentOfPrLockKey),
/* harmony export */   iQ: () => (/* binding */ PR_LOCK_PREFIX),
/* harmony export */   nQ: () => (/* binding */ DEFAULT_PR_LOCK_TTL_MS),
/* harmony export */   r0: () => (/* binding */ isPullRequest),
/* harmony export */   x5: () => (/* binding */ refusal),
/* harmony export */   z_: () => (/* binding */ prLockKey)
/* harmony export */ });
/* unused harmony export pullRequestName */
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


/***/ }),

/***/ 3513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $S: () => (/* binding */ describeOwner),
/* harmony export */   BN: () => (/* binding */ deploymentOfLockKey),
/* harmony export */   FD: () => (/* binding */ describeLock),
/* harmony export */   IV: () => (/* binding */ sameLock),
/* harmony export */   Ng: () => (/* binding */ newRunLock),
/* harmony export */   Wf: () => (/* binding */ staleReason),
/* harmony export */   _1: () => (/* binding */ parseRunLock),
/* harmony export */   fY: () => (/* binding */ LOCK_PREFIX),
/* harmony export */   kF: () => (/* binding */ runLockKey),
/* harmony export */   pc: () => (/* binding */ durationMs)
/* harmony export */ });
/** The folder (key prefix) of every run lock in a store. */
const LOCK_PREFIX = 'locks/';
/** `locks/{deployment id}.json` */
function runLockKey(deploymentId) {
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

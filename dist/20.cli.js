export const id = 20;
export const ids = [20];
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

/***/ 20:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  stateCommand: () => (/* binding */ stateCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/app/load-workspace.ts + 26 modules
var load_workspace = __webpack_require__(5382);
// EXTERNAL MODULE: ./src/config/io/load-config.ts
var load_config = __webpack_require__(4218);
// EXTERNAL MODULE: ./src/state/object-store.ts
var object_store = __webpack_require__(9662);
// EXTERNAL MODULE: ./src/state/state-key.ts
var state_key = __webpack_require__(7286);
;// CONCATENATED MODULE: ./src/state/key-migration.ts


const PLACEHOLDER = /\{([a-z_]+)\}/g;
/**
 * Why an old key template is unusable, or undefined. Its placeholders are the
 * current template's ({service} {account} {region} {project}); a template
 * without any names a single key (for one deployment).
 */
function oldTemplateProblem(template) {
    for (const match of template.matchAll(PLACEHOLDER)) {
        const name = match[1];
        if (!state_key/* STATE_KEY_PLACEHOLDERS */.XH.includes(name)) {
            return `unknown placeholder {${name}} in --from (use ${state_key/* STATE_KEY_PLACEHOLDERS */.XH.map((p) => `{${p}}`).join(', ')}; {account} is the account name)`;
        }
    }
    return (0,object_store/* objectKeyProblem */.c9)(template.replace(PLACEHOLDER, 'x'));
}
/**
 * Maps every deployment from the key `fromTemplate` gives it to its current
 * state key. Two deployments that would both take their state from one old
 * key are a conflict (the state would be split in two): the plan is refused.
 */
function planKeyMigration(deployments, fromTemplate, combinedName) {
    const problem = oldTemplateProblem(fromTemplate);
    if (problem)
        throw new Error(`--from ${JSON.stringify(fromTemplate)}: ${problem}`);
    const moves = [];
    const unchanged = [];
    const byOldKey = new Map();
    for (const d of deployments) {
        const from = (0,state_key/* renderStateKey */.FW)(fromTemplate, d, combinedName);
        byOldKey.set(from, [...(byOldKey.get(from) ?? []), d.id]);
        if (from === d.stateKey)
            unchanged.push(d.id);
        else
            moves.push({ id: d.id, source: d.source, from, to: d.stateKey });
    }
    const conflicts = [...byOldKey]
        .filter(([, ids]) => ids.length > 1)
        .map(([key, ids]) => `${ids.length} deployments would take their state from one old key ${key}: ${ids.join(', ')}`);
    // A copy into a key another move still reads from would hand that deployment the wrong state.
    const sources = new Set(moves.map((m) => m.from));
    for (const m of moves)
        if (sources.has(m.to))
            conflicts.push(`${m.id}'s new key ${m.to} is the old key of another deployment`);
    return { moves: moves.sort((a, b) => a.id.localeCompare(b.id)), unchanged: unchanged.sort(), conflicts };
}

;// CONCATENATED MODULE: ./src/state/state-diff.ts
/** The address of one instance, as OpenTofu prints it. */
function address(r, indexKey) {
    const base = `${r.module ? `${r.module}.` : ''}${r.type ?? '?'}.${r.name ?? '?'}`;
    return indexKey === undefined ? base : `${base}[${JSON.stringify(indexKey)}]`;
}
/** Reads a state file's text (JSON, format version 4); throws naming `what` when it is not one. */
function summarizeState(text, what) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${what} is not a state file: ${error.message}`);
    }
    if (typeof json !== 'object' || json === null)
        throw new Error(`${what} is not a state file`);
    const resources = Array.isArray(json.resources) ? json.resources : [];
    const addresses = resources
        .filter((r) => (r.mode ?? 'managed') === 'managed')
        .flatMap((r) => (r.instances && r.instances.length > 0 ? r.instances : [{}]).map((i) => address(r, i.index_key)));
    return {
        ...(typeof json.serial === 'number' ? { serial: json.serial } : {}),
        ...(typeof json.lineage === 'string' ? { lineage: json.lineage } : {}),
        addresses: [...new Set(addresses)].sort()
    };
}
/** Compares two states by resource address (the orphan check of restore and failure recovery). */
function stateChange(current, restored) {
    const now = new Set(current?.addresses ?? []);
    const then = new Set(restored.addresses);
    return {
        orphans: [...now].filter((a) => !then.has(a)).sort(),
        added: [...then].filter((a) => !now.has(a)).sort(),
        serial: { ...(current?.serial !== undefined ? { from: current.serial } : {}), ...(restored.serial !== undefined ? { to: restored.serial } : {}) }
    };
}
/** One line per fact, for people: serial, what comes back, or that the resources are the same. */
function describeStateChange(change) {
    const lines = [`serial ${change.serial.from ?? '(none)'} -> ${change.serial.to ?? '(none)'}`];
    if (change.added.length > 0)
        lines.push(`managed again (${change.added.length}): ${change.added.join(', ')}`);
    if (change.orphans.length > 0)
        lines.push(`no longer in the state (${change.orphans.length}): ${change.orphans.join(', ')}`);
    if (change.added.length === 0 && change.orphans.length === 0)
        lines.push('same resources; only their recorded attributes go back');
    return lines;
}

;// CONCATENATED MODULE: ./src/state/state-report.ts
const pad = (rows) => {
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
    return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '));
};
/** `state backups`: one line per backup, oldest first: time (UTC), size, serial, key. */
function renderBackups(id, stateKey, backups) {
    if (backups.length === 0)
        return `${id}: no backups of ${stateKey}`;
    const rows = backups.map((b) => [b.at.toISOString().replace('.000Z', 'Z'), `${b.size} B`, b.serial === undefined ? '-' : `serial ${b.serial}`, b.key]);
    return [`${id}: ${backups.length} backup(s) of ${stateKey}`, ...pad([['time (UTC)', 'size', 'serial', 'key'], ...rows])].join('\n');
}
const OUTCOME = {
    copy: 'will copy',
    moved: 'copied and verified',
    'already-there': 'already at the new key (nothing to do)',
    'no-old-state': 'no state at the old key (nothing to do)'
};
/** `state migrate`: old -> new per deployment, what happens to it, and what to do next. */
function renderMigration(steps, unchanged, dryRun) {
    const lines = steps.map((s) => `${s.id}: ${s.from} -> ${s.to}: ${OUTCOME[s.outcome] ?? s.outcome}`);
    if (unchanged > 0)
        lines.push(`${unchanged} deployment(s) already use this key layout`);
    const copies = steps.filter((s) => s.outcome === (dryRun ? 'copy' : 'moved')).length;
    lines.push(dryRun
        ? `dry run: ${copies} state(s) would be copied; run again with --yes to copy (old objects are kept)`
        : `${copies} state(s) copied and verified; the old objects are kept`);
    return lines.join('\n');
}
/** `state prune`: the backups that go (or would go). */
function renderPrune(keys, dryRun, days) {
    const head = dryRun
        ? `dry run: ${keys.length} backup(s) older than ${days} days would be deleted (the newest backup of each state is kept); run again with --yes`
        : `deleted ${keys.length} backup(s) older than ${days} days (the newest backup of each state is kept)`;
    return [head, ...keys.map((k) => `  ${k}`)].join('\n');
}
/** `90d` -> 90 (days); throws on anything else. */
function parseRetention(text) {
    const m = /^(\d+)d$/.exec(text.trim());
    if (!m)
        throw new Error(`--older-than must be a number of days such as 90d, not ${JSON.stringify(text)}`);
    return Number(m[1]);
}

// EXTERNAL MODULE: ./src/state/io/backup-state.ts
var backup_state = __webpack_require__(9350);
;// CONCATENATED MODULE: ./src/state/io/prune-backups.ts

const BACKUP_KEY = /^backups\/(.+)\.(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.backup$/;
/** The state key and time of a backup key, or undefined for any other key. */
function parseBackupKey(key) {
    const m = BACKUP_KEY.exec(key);
    if (!m)
        return undefined;
    const [, stateKey = '', y, mo, d, h, mi, s] = m;
    return { stateKey, at: new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`) };
}
/**
 * Which backups are older than `cutoff`, keeping the newest backup of every
 * state key whatever its age (it may be the only way back). Keys that are not
 * backups are never chosen.
 */
function backupsToPrune(keys, cutoff) {
    const byState = new Map();
    for (const key of keys) {
        const parsed = parseBackupKey(key);
        if (!parsed)
            continue;
        byState.set(parsed.stateKey, [...(byState.get(parsed.stateKey) ?? []), { key, at: parsed.at }]);
    }
    const prune = [];
    for (const backups of byState.values()) {
        backups.sort((a, b) => b.at.getTime() - a.at.getTime());
        prune.push(...backups.slice(1).filter((b) => b.at < cutoff).map((b) => b.key));
    }
    return prune.sort();
}
/** Deletes (or, by default, only lists) the backups older than the retention, never a state's newest. */
async function pruneBackups(store, options) {
    if (!(options.retentionDays >= 0))
        throw new Error(`retention must be zero or more days, not ${options.retentionDays}`);
    const cutoff = new Date((options.now ?? new Date()).getTime() - options.retentionDays * 86_400_000);
    const listed = await store.list(options.stateKey ? `${backup_state/* BACKUP_PREFIX */.aM}${options.stateKey}.` : backup_state/* BACKUP_PREFIX */.aM);
    const keys = backupsToPrune(listed.map((o) => o.key), cutoff).filter((key) => !options.stateKey || parseBackupKey(key)?.stateKey === options.stateKey);
    if (options.apply)
        for (const key of keys)
            await store.delete(key);
    return { dryRun: !options.apply, keys };
}

;// CONCATENATED MODULE: ./src/state/io/list-backups.ts



/** The backups of one state key, oldest first, each with the serial it holds. */
async function listBackups(objects, stateKey) {
    const found = [];
    for (const object of await objects.list(`${backup_state/* BACKUP_PREFIX */.aM}${stateKey}.`)) {
        const parsed = parseBackupKey(object.key);
        if (parsed?.stateKey !== stateKey)
            continue; // another state whose key starts with this one
        const bytes = await objects.get(object.key);
        let serial;
        try {
            serial = bytes && summarizeState(Buffer.from(bytes).toString('utf8'), object.key).serial;
        }
        catch {
            serial = undefined;
        }
        found.push({ key: object.key, at: parsed.at, size: object.size, ...(serial !== undefined ? { serial } : {}) });
    }
    return found.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
}

// EXTERNAL MODULE: ./src/state/io/key-records.ts
var key_records = __webpack_require__(5830);
// EXTERNAL MODULE: ./src/state/io/move-state.ts
var move_state = __webpack_require__(9961);
;// CONCATENATED MODULE: ./src/state/io/migrate-keys.ts


/** A migration refused as a whole before anything was copied. */
class MigrationRefusedError extends Error {
    name = 'MigrationRefusedError';
}
/**
 * Carries out a migration plan. Every move is checked first: a conflict in the
 * plan or a target holding other content refuses the whole migration before
 * anything is copied. Dry run unless `apply`; with it each state is copied
 * (never deleted) and verified, and the deployment's key record is set to its
 * new key. Running it again changes nothing.
 */
async function migrateKeys(store, plan, apply) {
    if (plan.conflicts.length > 0)
        throw new MigrationRefusedError(`refusing to migrate: ${plan.conflicts.join('; ')}`);
    const steps = [];
    for (const move of plan.moves) {
        const check = await (0,move_state/* checkMove */.C)(store, move.from, move.to);
        steps.push({ ...move, outcome: check.outcome, ...(check.outcome === 'conflict' ? { reason: check.reason } : {}) });
    }
    const conflicts = steps.filter((s) => s.outcome === 'conflict');
    if (conflicts.length > 0)
        throw new MigrationRefusedError(`refusing to migrate: ${conflicts.map((s) => `${s.id}: ${s.reason}`).join('; ')}`);
    if (!apply)
        return steps;
    const objects = store.objects;
    if (!objects)
        throw new Error('this state store has no object access');
    for (const step of steps) {
        if (step.outcome === 'no-old-state')
            continue;
        if (step.outcome === 'copy')
            step.outcome = await (0,move_state/* moveState */.L)(store, step.from, step.to, 'state migrate');
        // The deployment's state now lives at its current key: the key check must not refuse it.
        if ((await (0,key_records/* readKeyRecord */.TL)(objects, step.source))?.stateKey !== step.to)
            await (0,key_records/* writeKeyRecord */.Ic)(objects, { source: step.source, stateKey: step.to, id: step.id });
    }
    return steps;
}

// EXTERNAL MODULE: ./src/state/io/state-lock.ts
var state_lock = __webpack_require__(2259);
;// CONCATENATED MODULE: ./src/state/io/restore-state.ts




/** The current state holds resources the backup lacks: restoring would orphan them. */
class OrphansError extends Error {
    orphans;
    name = 'OrphansError';
    constructor(message, orphans) {
        super(message);
        this.orphans = orphans;
    }
}
const restore_state_text = (bytes) => Buffer.from(bytes).toString('utf8');
/**
 * Puts a backup back as the current state of `stateKey`, under the state's
 * lock (refused while another process holds it). Refused, touching nothing,
 * when the current state holds resources the backup lacks (they are listed).
 * The state it replaces is backed up first. `apply: false` only reports what
 * would change (no lock, nothing written).
 */
async function restoreState(store, stateKey, backupKey, apply = true) {
    const objects = store.objects;
    if (!objects)
        throw new Error('this state store has no object access');
    if (parseBackupKey(backupKey)?.stateKey !== stateKey)
        throw new Error(`${backupKey} is not a backup of ${stateKey}`);
    const restore = async () => {
        const backup = await objects.get(backupKey);
        if (!backup)
            throw new Error(`backup ${backupKey} does not exist`);
        const restored = summarizeState(restore_state_text(backup), backupKey);
        const current = await objects.get(stateKey);
        const change = stateChange(current && summarizeState(restore_state_text(current), store.describe(stateKey)), restored);
        if (change.orphans.length > 0) {
            throw new OrphansError(`refusing to restore ${backupKey}: the current state holds ${change.orphans.length} resource(s) the backup lacks, ` +
                `which would be left unmanaged: ${change.orphans.join(', ')}`, change.orphans);
        }
        if (!apply)
            return { change };
        const previous = await (0,backup_state/* backupState */.Cg)(objects, stateKey);
        await objects.put(stateKey, backup, { contentType: 'application/json' });
        return { change, previous };
    };
    return apply ? (0,state_lock/* withStateLock */.N)(store, stateKey, 'state restore', restore) : restore();
}

// EXTERNAL MODULE: ./src/state/io/state-store-for.ts + 6 modules
var state_store_for = __webpack_require__(871);
// EXTERNAL MODULE: ./src/cli/context.ts
var context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
;// CONCATENATED MODULE: ./src/cli/state-command.ts















const where = (command) => command
    .option('-w, --working-dir <dir>', 'directory holding the deployments', '.')
    .option('-c, --config <file>', 'configuration file (default: <working-dir>/.tf-orchestrator.yml when present)');
const workspace = (flags) => (0,load_workspace/* loadWorkspace */.C)({ workingDir: flags.workingDir, configPath: flags.config, all: true });
/** A discovered deployment by id (or state key). */
function deploymentOf(ws, wanted) {
    const found = ws.discovery.deployments.find((d) => d.id === wanted || d.stateKey === wanted);
    if (!found)
        throw new Error(`no deployment ${wanted} in ${ws.workingDir} (see the list command for ids)`);
    return found;
}
const retention = (text) => {
    try {
        return parseRetention(text);
    }
    catch (error) {
        throw new esm/* InvalidArgumentError */.Di(error.message);
    }
};
/**
 * `state backups | restore | prune | migrate`: the state store's backups and
 * key moves. Changes need `--yes` (dry run otherwise); a refusal (lock held,
 * orphans, conflicting keys) exits 1 having changed nothing.
 */
function stateCommand(given) {
    const ctx = (0,context/* contextOf */.V)(given);
    const refusing = async (fn) => {
        try {
            await fn();
        }
        catch (error) {
            if (!(error instanceof state_lock/* StateLockedError */.o || error instanceof OrphansError || error instanceof MigrationRefusedError))
                throw error;
            ctx.output.err(`error: ${error.message}`);
            ctx.setExitCode(exit_codes/* ExitCode */.y.RunFailed);
        }
    };
    const state = new esm/* Command */.uB('state').description("the state store: list, restore and prune backups; move state to the deployments' current keys");
    state.addCommand(where(new esm/* Command */.uB('backups'))
        .description("list a deployment's state backups (time, size, serial)")
        .argument('<deployment>', 'deployment id (or state key)')
        .option('--json', 'print the list as JSON')
        .action(async (id, flags) => {
        const ws = await workspace(flags);
        const d = deploymentOf(ws, id);
        const backups = await listBackups((0,state_store_for/* storesFor */.i)(ws.workingDir, ws.config).objects, d.stateKey);
        ctx.output.out(flags.json ? JSON.stringify({ deployment: d.id, stateKey: d.stateKey, backups }, null, 2) : renderBackups(d.id, d.stateKey, backups));
    }));
    state.addCommand(where(new esm/* Command */.uB('restore'))
        .description('put a backup back as the current state, under the state lock; refused when resources would be orphaned')
        .argument('<deployment>', 'deployment id (or state key)')
        .requiredOption('--backup <key>', 'the backup key (see state backups)')
        .option('--yes', 'restore (without it: only say what would change)')
        .action((id, flags) => refusing(async () => {
        const ws = await workspace(flags);
        const d = deploymentOf(ws, id);
        const { state: store } = (0,state_store_for/* storesFor */.i)(ws.workingDir, ws.config);
        const done = await restoreState(store, d.stateKey, flags.backup, flags.yes === true);
        const changes = describeStateChange(done.change).map((l) => `  ${l}`);
        if (!flags.yes)
            return ctx.output.out([`dry run: restoring ${flags.backup} to ${store.describe(d.stateKey)} would change:`, ...changes, 'run again with --yes to restore'].join('\n'));
        const previous = done.previous?.status === 'backed-up' ? `the replaced state was backed up to ${done.previous.key}` : 'there was no state before';
        ctx.output.out([`restored ${flags.backup} to ${store.describe(d.stateKey)}:`, ...changes, `  ${previous}`].join('\n'));
    })));
    state.addCommand(where(new esm/* Command */.uB('prune'))
        .description('delete backups older than the retention, never the newest backup of a state (dry run unless --yes)')
        .requiredOption('--older-than <days>', 'retention, in days (90d)', retention)
        .option('--yes', 'delete (without it: only list)')
        .action(async (flags) => {
        const workingDir = (0,external_node_path_.resolve)(flags.workingDir);
        const { objects } = (0,state_store_for/* storesFor */.i)(workingDir, await (0,load_config/* loadConfig */.Z)(workingDir, flags.config));
        const pruned = await pruneBackups(objects, { retentionDays: flags.olderThan, apply: flags.yes === true });
        ctx.output.out(renderPrune(pruned.keys, pruned.dryRun, flags.olderThan));
    }));
    state.addCommand(where(new esm/* Command */.uB('migrate'))
        .description("copy state from an older key layout to each deployment's current key (dry run unless --yes; never deletes)")
        .argument('[deployments...]', 'only these deployment ids (default: every deployment)')
        .requiredOption('--from <template>', "the old key template, e.g. '{account}/{region}/{project}.tfstate' ({service} {account} {region} {project})")
        .option('--yes', 'copy and verify (without it: only list old -> new)')
        .action((ids, flags) => refusing(async () => {
        const ws = await workspace(flags);
        const chosen = ids.length > 0 ? ids.map((id) => deploymentOf(ws, id)) : ws.discovery.deployments;
        const plan = planKeyMigration(chosen, flags.from, ws.config.combined_service_name);
        const steps = await migrateKeys((0,state_store_for/* storesFor */.i)(ws.workingDir, ws.config).state, plan, flags.yes === true);
        ctx.output.out(renderMigration(steps, plan.unchanged.length, flags.yes !== true));
    })));
    // main.ts sets these on top-level commands only; nested ones would otherwise exit the process on a usage error.
    for (const sub of state.commands) {
        sub.exitOverride().showHelpAfterError('(run with --help for usage)').configureOutput({ writeOut: (t) => ctx.output.out(t), writeErr: (t) => ctx.output.err(t) });
    }
    return state;
}


/***/ }),

/***/ 9350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ backupState),
/* harmony export */   FJ: () => (/* binding */ backupMismatch),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   aM: () => (/* binding */ BACKUP_PREFIX)
/* harmony export */ });
/* unused harmony exports backupTimestamp, backupKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

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
    return bytes && { size: bytes.byteLength, sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') };
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


/***/ }),

/***/ 5830:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ic: () => (/* binding */ writeKeyRecord),
/* harmony export */   TL: () => (/* binding */ readKeyRecord)
/* harmony export */ });
/* unused harmony exports KEY_RECORD_PREFIX, keyRecordKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** The folder (key prefix) of the records of which state key each deployment file last applied to. */
const KEY_RECORD_PREFIX = 'deployment-keys/';
/** `deployment-keys/{sha256 of the source path}.json`: fixed length whatever the path. */
function keyRecordKey(source) {
    return `${KEY_RECORD_PREFIX}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(source).digest('hex')}.json`;
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


/***/ }),

/***/ 9961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ checkMove),
/* harmony export */   L: () => (/* binding */ moveState)
/* harmony export */ });
/* harmony import */ var _backup_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9350);
/* harmony import */ var _state_lock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2259);


const objectsOf = (store) => {
    if (!store.objects)
        throw new Error('this state store has no object access');
    return store.objects;
};
/** Reads both keys and says what a move would do; writes nothing. */
async function checkMove(store, from, to) {
    const objects = objectsOf(store);
    const source = await (0,_backup_state_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprint */ .Rj)(objects, await objects.head(from));
    const target = await (0,_backup_state_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprint */ .Rj)(objects, await objects.head(to));
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
    return (0,_state_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .withStateLock */ .N)(store, from, operation, () => (0,_state_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .withStateLock */ .N)(store, to, operation, async () => {
        const check = await checkMove(store, from, to);
        if (check.outcome === 'conflict')
            throw new Error(`cannot move ${store.describe(from)} to ${to}: ${check.reason}`);
        if (check.outcome !== 'copy')
            return check.outcome;
        await objects.copy(from, to);
        const problem = (0,_backup_state_js__WEBPACK_IMPORTED_MODULE_0__/* .backupMismatch */ .FJ)(check, await (0,_backup_state_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprint */ .Rj)(objects, await objects.head(to)));
        if (problem) {
            await objects.delete(to); // the target was empty before this copy (checked under its lock)
            throw new Error(`copy of ${store.describe(from)} to ${to} failed verification: ${problem.replace(/the backup/g, 'the copy')}`);
        }
        return 'moved';
    }));
}


/***/ }),

/***/ 2259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ withStateLock),
/* harmony export */   o: () => (/* binding */ StateLockedError)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _object_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9662);



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
        ID: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(),
        Operation: `tf-orchestrator ${operation}`,
        Info: '',
        Who: `${(0,node_os__WEBPACK_IMPORTED_MODULE_1__.userInfo)().username}@${(0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)()}`,
        Version: '',
        Created: new Date().toISOString(),
        Path: store.describe(stateKey)
    };
    try {
        await objects.put(lockKey, JSON.stringify(info), { ifNoneMatch: true, contentType: 'application/json' });
    }
    catch (error) {
        if (!(error instanceof _object_store_js__WEBPACK_IMPORTED_MODULE_2__/* .ObjectExistsError */ .qs))
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


/***/ })

};

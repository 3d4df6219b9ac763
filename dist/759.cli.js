export const id = 759;
export const ids = [759];
export const modules = {

/***/ 1569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iq: () => (/* binding */ runRecordKey),
/* harmony export */   OD: () => (/* binding */ auditAction),
/* harmony export */   Xy: () => (/* binding */ indexDayPrefix),
/* harmony export */   bg: () => (/* binding */ parseIndexKey),
/* harmony export */   cP: () => (/* binding */ RUNS_PREFIX),
/* harmony export */   fF: () => (/* binding */ runIndexKey),
/* harmony export */   oX: () => (/* binding */ indexEntryKey),
/* harmony export */   q6: () => (/* binding */ auditRecordKey),
/* harmony export */   tU: () => (/* binding */ encodeDeploymentId)
/* harmony export */ });
/* unused harmony exports AUDIT_PREFIX, INDEX_PREFIX, AuditKeyError, decodeDeploymentId, keyTimestamp */
/* harmony import */ var _model_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1601);

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
    const problem = (0,_model_names_js__WEBPACK_IMPORTED_MODULE_0__/* .nameProblem */ .rH)(value);
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


/***/ }),

/***/ 998:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mc: () => (/* binding */ entriesOf),
/* harmony export */   Rw: () => (/* binding */ indexEntryFrom),
/* harmony export */   YJ: () => (/* binding */ indexDays)
/* harmony export */ });
/* unused harmony export isIndexEntry */
/* harmony import */ var _json_copy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5343);

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
    return (0,_json_copy_js__WEBPACK_IMPORTED_MODULE_0__/* .jsonCopy */ .U)(entry);
}
const STATUSES = ['succeeded', 'failed', 'blocked', 'timed-out', 'cancelled', 'skipped'];
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


/***/ }),

/***/ 5343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ jsonCopy)
/* harmony export */ });
/**
 * What JSON.parse(JSON.stringify(value)) returns, built directly: members that
 * JSON drops (undefined, functions) are dropped, array holes become null,
 * toJSON is honoured (dates become strings). A record built with it equals
 * what is read back, without printing and parsing its whole text (the full
 * command outputs) once more.
 */
function jsonCopy(value, key = '') {
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
                return Array.from(v, (item, i) => jsonCopy(item, String(i)) ?? null);
            return copyObject(v);
        default:
            return undefined; // undefined, functions, symbols
    }
}
function copyObject(v) {
    const out = {};
    for (const k of Object.keys(v)) {
        const copied = jsonCopy(v[k], k);
        if (copied !== undefined)
            out[k] = copied;
    }
    return out;
}


/***/ }),

/***/ 759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
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

// EXTERNAL MODULE: ./src/render/table.ts
var table = __webpack_require__(900);
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
    return [(0,table/* renderTable */.b)(['DEPLOYMENT', 'RESULT', 'CHANGES', 'INIT', 'PLAN', 'APPLY', 'RETRIES', 'WORKER', 'NOTE'], rows), totals].join('\n');
}

// EXTERNAL MODULE: ./src/policy/verdict.ts
var verdict = __webpack_require__(5187);
;// CONCATENATED MODULE: ./src/render/progress-line.ts

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
/** `[3/12] s3/acct-a/us-east-1/proj plan ok +2 ~0 -0 (14.2s)` */
function progressLine(e) {
    const parts = [`[${e.index}/${e.total}]`, e.id, e.what];
    if (e.ok !== undefined)
        parts.push(e.ok ? 'ok' : 'FAILED');
    if (e.counts)
        parts.push(formatCounts(e.counts));
    if (e.durationMs !== undefined)
        parts.push(`(${seconds(e.durationMs)})`);
    if (e.note)
        parts.push(e.ok === false ? `: ${e.note}` : e.note);
    return parts.join(' ').replace(' : ', ': ');
}

;// CONCATENATED MODULE: ./src/engine/observers/progress-observer.ts


const policyNote = (v) => {
    const text = (0,verdict/* verdictSummary */.k6)(v);
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

// EXTERNAL MODULE: ./src/state/io/state-store-for.ts + 6 modules
var state_store_for = __webpack_require__(871);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/locks/io/processes.ts
var processes = __webpack_require__(2784);
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
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
                    (0,processes/* signalProcess */.a7)(p.pid, signal);
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
                    (0,processes/* signalProcess */.a7)(p.pid, signal);
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

// EXTERNAL MODULE: ./src/app/load-workspace.ts + 26 modules
var load_workspace = __webpack_require__(5382);
// EXTERNAL MODULE: ./src/app/shard-selection.ts + 1 modules
var shard_selection = __webpack_require__(6251);
// EXTERNAL MODULE: ./src/audit/audit-keys.ts
var audit_keys = __webpack_require__(1569);
// EXTERNAL MODULE: ./src/config/yaml-locations.ts
var yaml_locations = __webpack_require__(6974);
// EXTERNAL MODULE: ./src/graph/dag.ts
var dag = __webpack_require__(3148);
// EXTERNAL MODULE: ./src/graph/deployment-graph.ts + 5 modules
var deployment_graph = __webpack_require__(6061);
;// CONCATENATED MODULE: ./src/app/rerun-failed.ts





/** The outcomes a re-run picks up again. */
const RERUN_STATUSES = ['failed', 'timed-out', 'blocked', 'skipped'];
/** No run record matched, or a record could not be read. */
class RerunError extends Error {
    name = 'RerunError';
}
const decode = (bytes) => new TextDecoder().decode(bytes);
// `{action}-{YYYYMMDDTHHMMSSZ}-{run id}.json`: the time, so the newest records are read first.
const timeOf = (key) => key.slice(audit_keys/* RUNS_PREFIX */.cP.length + 1).match(/-(\d{8}T\d{6}Z)-/)?.[1] ?? '';
async function readRecord(objects, key) {
    const body = await objects.get(key);
    if (!body)
        throw new RerunError(`run record ${key} disappeared while it was read`);
    try {
        const record = JSON.parse(decode(body));
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
    const keys = (await objects.list(`${audit_keys/* RUNS_PREFIX */.cP}/`)).map((o) => o.key).filter((k) => k.endsWith('.json'));
    if ('runId' in source) {
        const found = keys.filter((k) => k.endsWith(`-${source.runId}.json`));
        if (found.length === 0)
            throw new RerunError(`no run record of run ${source.runId} in ${objects.location}/${audit_keys/* RUNS_PREFIX */.cP}/ (it wrote none, or it ran against another state store)`);
        return Promise.all(found.map(async (k) => (await readRecord(objects, k)).summary));
    }
    const previous = source.attempt - 1;
    if (previous < 1)
        throw new RerunError(`workflow run ${source.githubRunId} is on its first attempt: there is no earlier attempt to re-run`);
    const newest = keys.sort((a, b) => timeOf(b).localeCompare(timeOf(a))).slice(0, maxRecords);
    const records = await Promise.all(newest.map((k) => readRecord(objects, k).catch(() => undefined)));
    const matching = records.filter((r) => r?.ci?.runId === source.githubRunId && r.ci.runAttempt === previous);
    if (matching.length === 0)
        throw new RerunError(`no run record of attempt ${previous} of workflow run ${source.githubRunId} in ${objects.location}/${audit_keys/* RUNS_PREFIX */.cP}/`);
    return matching.map((r) => r.summary);
}
/** The deployment ids that failed, timed out, were blocked or were skipped in the earlier run(s). */
function idsToRerun(summaries) {
    const ids = summaries.flatMap((s) => s.deployments.filter((d) => RERUN_STATUSES.includes(d.status)).map((d) => d.id));
    return [...new Set(ids)].sort();
}
/** `ids` and everything that depends on them, transitively, in `graph`. */
function withDependents(graph, ids) {
    const dependents = (0,dag/* dependentsOf */.yk)(graph);
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
    const graph = (0,deployment_graph/* buildExecutionGraph */.x)({
        all: ws.discovery.deployments,
        selected: keep,
        serviceDependencies: ws.config.serviceDependencies,
        explicit: ws.config.deployment_dependencies,
        locate: (path) => (0,yaml_locations/* locate */.x5)(ws.config.file, ws.config.lines, path)
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
    const rerun = await rerunFailed(ws, (0,state_store_for/* storesFor */.i)(ws.workingDir, ws.config).objects, source);
    if (rerun.missing.length > 0)
        warn(`not in the current selection, not re-run: ${rerun.missing.join(', ')}`);
    return rerun.ws;
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
    return Object.fromEntries([...graph.keys()].map((id) => [id, [...(0,dag/* reachable */.Gq)(graph, id)].sort()]));
}

// EXTERNAL MODULE: ./src/model/names.ts
var names = __webpack_require__(1601);
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
    const bad = parts.map((p) => (0,names/* nameProblem */.rH)(p)).find(Boolean);
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
    const folder = `${reviewPrefix(r)}${(0,audit_keys/* encodeDeploymentId */.tU)(deploymentId)}/`;
    return { folder, plan: `${folder}plan.tfplan`, json: `${folder}plan.json`, meta: `${folder}meta.json` };
}
/** Whether a key is the metadata of a stored plan (what expiry reads). */
const isMetaKey = (key) => key.startsWith(PLANS_PREFIX) && key.endsWith('/meta.json');
/** `owner/repo#12@abc1234` for messages. */
const describeReview = (r) => `${r.repository}#${r.pullRequest}@${r.headSha.slice(0, 12)}`;

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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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

// EXTERNAL MODULE: ./src/locks/run-lock.ts
var run_lock = __webpack_require__(3513);
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
        lockTimeoutMs: (0,run_lock/* durationMs */.pc)(config.lock_timeout),
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

// EXTERNAL MODULE: ./src/terraform/io/check-binary.ts
var check_binary = __webpack_require__(6003);
;// CONCATENATED MODULE: ./src/app/early-binary.ts


/**
 * The run's binary check (`version -json`, tens of milliseconds), started as
 * soon as the configuration is read so it runs while the fleet is discovered:
 * `onConfig` goes to loadWorkspace; `binary(settings.binary)` is that check
 * (or a new one, for a binary the run settings name otherwise), awaited in its turn.
 */
function earlyBinary(flags, env) {
    let started;
    let name;
    return {
        onConfig: (config) => {
            name = binaryOf(config, flags);
            started = (0,check_binary/* resolveBinary */.u)(name, env);
            started.catch(() => undefined); // awaited in its turn: a discovery error may come first
        },
        binary: (wanted) => (started && wanted === name ? started : (0,check_binary/* resolveBinary */.u)(wanted, env))
    };
}

// EXTERNAL MODULE: ./src/app/run-request.ts
var run_request = __webpack_require__(6262);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/engine/duration-history.ts
var duration_history = __webpack_require__(3161);
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

// EXTERNAL MODULE: ./src/schedule/critical-path.ts
var critical_path = __webpack_require__(8946);
// EXTERNAL MODULE: ./src/graph/shared-sets.ts
var shared_sets = __webpack_require__(3885);
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
        this.shared = (0,shared_sets/* sharedSets */.Z)(graph);
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

;// CONCATENATED MODULE: ./node_modules/async-mutex/index.mjs
const E_TIMEOUT = new Error('timeout while waiting for mutex to become available');
const E_ALREADY_LOCKED = new Error('mutex already locked');
const E_CANCELED = new Error('request for lock canceled');

var __awaiter$2 = ( false) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class Semaphore {
    constructor(_value, _cancelError = E_CANCELED) {
        this._value = _value;
        this._cancelError = _cancelError;
        this._queue = [];
        this._weightedWaiters = [];
    }
    acquire(weight = 1, priority = 0) {
        if (weight <= 0)
            throw new Error(`invalid weight ${weight}: must be positive`);
        return new Promise((resolve, reject) => {
            const task = { resolve, reject, weight, priority };
            const i = findIndexFromEnd(this._queue, (other) => priority <= other.priority);
            if (i === -1 && weight <= this._value) {
                // Needs immediate dispatch, skip the queue
                this._dispatchItem(task);
            }
            else {
                this._queue.splice(i + 1, 0, task);
            }
        });
    }
    runExclusive(callback_1) {
        return __awaiter$2(this, arguments, void 0, function* (callback, weight = 1, priority = 0) {
            const [value, release] = yield this.acquire(weight, priority);
            try {
                return yield callback(value);
            }
            finally {
                release();
            }
        });
    }
    waitForUnlock(weight = 1, priority = 0) {
        if (weight <= 0)
            throw new Error(`invalid weight ${weight}: must be positive`);
        if (this._couldLockImmediately(weight, priority)) {
            return Promise.resolve();
        }
        else {
            return new Promise((resolve) => {
                if (!this._weightedWaiters[weight - 1])
                    this._weightedWaiters[weight - 1] = [];
                insertSorted(this._weightedWaiters[weight - 1], { resolve, priority });
            });
        }
    }
    isLocked() {
        return this._value <= 0;
    }
    getValue() {
        return this._value;
    }
    setValue(value) {
        this._value = value;
        this._dispatchQueue();
    }
    release(weight = 1) {
        if (weight <= 0)
            throw new Error(`invalid weight ${weight}: must be positive`);
        this._value += weight;
        this._dispatchQueue();
    }
    cancel() {
        this._queue.forEach((entry) => entry.reject(this._cancelError));
        this._queue = [];
    }
    _dispatchQueue() {
        this._drainUnlockWaiters();
        while (this._queue.length > 0 && this._queue[0].weight <= this._value) {
            this._dispatchItem(this._queue.shift());
            this._drainUnlockWaiters();
        }
    }
    _dispatchItem(item) {
        const previousValue = this._value;
        this._value -= item.weight;
        item.resolve([previousValue, this._newReleaser(item.weight)]);
    }
    _newReleaser(weight) {
        let called = false;
        return () => {
            if (called)
                return;
            called = true;
            this.release(weight);
        };
    }
    _drainUnlockWaiters() {
        if (this._queue.length === 0) {
            for (let weight = this._value; weight > 0; weight--) {
                const waiters = this._weightedWaiters[weight - 1];
                if (!waiters)
                    continue;
                waiters.forEach((waiter) => waiter.resolve());
                this._weightedWaiters[weight - 1] = [];
            }
        }
        else {
            const queuedPriority = this._queue[0].priority;
            for (let weight = this._value; weight > 0; weight--) {
                const waiters = this._weightedWaiters[weight - 1];
                if (!waiters)
                    continue;
                const i = waiters.findIndex((waiter) => waiter.priority <= queuedPriority);
                (i === -1 ? waiters : waiters.splice(0, i))
                    .forEach((waiter => waiter.resolve()));
            }
        }
    }
    _couldLockImmediately(weight, priority) {
        return (this._queue.length === 0 || this._queue[0].priority < priority) &&
            weight <= this._value;
    }
}
function insertSorted(a, v) {
    const i = findIndexFromEnd(a, (other) => v.priority <= other.priority);
    a.splice(i + 1, 0, v);
}
function findIndexFromEnd(a, predicate) {
    for (let i = a.length - 1; i >= 0; i--) {
        if (predicate(a[i])) {
            return i;
        }
    }
    return -1;
}

var __awaiter$1 = ( false) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class Mutex {
    constructor(cancelError) {
        this._semaphore = new Semaphore(1, cancelError);
    }
    acquire() {
        return __awaiter$1(this, arguments, void 0, function* (priority = 0) {
            const [, releaser] = yield this._semaphore.acquire(1, priority);
            return releaser;
        });
    }
    runExclusive(callback, priority = 0) {
        return this._semaphore.runExclusive(() => callback(), 1, priority);
    }
    isLocked() {
        return this._semaphore.isLocked();
    }
    waitForUnlock(priority = 0) {
        return this._semaphore.waitForUnlock(1, priority);
    }
    release() {
        if (this._semaphore.isLocked())
            this._semaphore.release();
    }
    cancel() {
        return this._semaphore.cancel();
    }
}

var __awaiter = ( false) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
function withTimeout(sync, timeout, timeoutError = E_TIMEOUT) {
    return {
        acquire: (weightOrPriority, priority) => {
            let weight;
            if (isSemaphore(sync)) {
                weight = weightOrPriority;
            }
            else {
                weight = undefined;
                priority = weightOrPriority;
            }
            if (weight !== undefined && weight <= 0) {
                throw new Error(`invalid weight ${weight}: must be positive`);
            }
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                let isTimeout = false;
                const handle = setTimeout(() => {
                    isTimeout = true;
                    reject(timeoutError);
                }, timeout);
                try {
                    const ticket = yield (isSemaphore(sync)
                        ? sync.acquire(weight, priority)
                        : sync.acquire(priority));
                    if (isTimeout) {
                        const release = Array.isArray(ticket) ? ticket[1] : ticket;
                        release();
                    }
                    else {
                        clearTimeout(handle);
                        resolve(ticket);
                    }
                }
                catch (e) {
                    if (!isTimeout) {
                        clearTimeout(handle);
                        reject(e);
                    }
                }
            }));
        },
        runExclusive(callback, weight, priority) {
            return __awaiter(this, void 0, void 0, function* () {
                let release = () => undefined;
                try {
                    const ticket = yield this.acquire(weight, priority);
                    if (Array.isArray(ticket)) {
                        release = ticket[1];
                        return yield callback(ticket[0]);
                    }
                    else {
                        release = ticket;
                        return yield callback();
                    }
                }
                finally {
                    release();
                }
            });
        },
        release(weight) {
            sync.release(weight);
        },
        cancel() {
            return sync.cancel();
        },
        waitForUnlock: (weightOrPriority, priority) => {
            let weight;
            if (isSemaphore(sync)) {
                weight = weightOrPriority;
            }
            else {
                weight = undefined;
                priority = weightOrPriority;
            }
            if (weight !== undefined && weight <= 0) {
                throw new Error(`invalid weight ${weight}: must be positive`);
            }
            return new Promise((resolve, reject) => {
                const handle = setTimeout(() => reject(timeoutError), timeout);
                (isSemaphore(sync)
                    ? sync.waitForUnlock(weight, priority)
                    : sync.waitForUnlock(priority)).then(() => {
                    clearTimeout(handle);
                    resolve();
                });
            });
        },
        isLocked: () => sync.isLocked(),
        getValue: () => sync.getValue(),
        setValue: (value) => sync.setValue(value),
    };
}
function isSemaphore(sync) {
    return sync.getValue !== undefined;
}

// eslint-disable-next-lisne @typescript-eslint/explicit-module-boundary-types
function tryAcquire(sync, alreadyAcquiredError = E_ALREADY_LOCKED) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return withTimeout(sync, 0, alreadyAcquiredError);
}



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
const readText = (file) => (0,promises_.readFile)(file, 'utf8').catch(() => '');
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
        const text = (await Promise.all(files.map((f) => readText((0,external_node_path_.join)(dir, f))))).join('\n');
        const calls = scanModule(text, needs, localNames);
        if (calls === undefined)
            return undefined;
        pending.push(...calls.map((c) => (0,external_node_path_.resolve)(dir, c)));
    }
    const locked = lockedVersions(await readText((0,external_node_path_.join)(rootAbs, '.terraform.lock.hcl')));
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
    known = new Semaphore(ALL);
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
                const lock = this.providerLocks.get(type) ?? this.providerLocks.set(type, new Mutex()).get(type);
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

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/recovery/io/revision-worktree.ts



const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** git in `dir` (argument array, no shell); stdout trimmed. Throws with git's message. */
async function git(dir, args) {
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
    return (0,promises_.realpath)(await git(dir, ['rev-parse', '--show-toplevel']));
}
/**
 * Checks out `ref` into `path` as a detached worktree of the repository at
 * `top` (any old one there is removed first). Worktrees of one repository are
 * added one at a time by git's own lock; a busy lock is tried again.
 */
async function addWorktree(top, ref, path) {
    await removeWorktree(top, path);
    const commit = await git(top, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`]);
    for (let attempt = 1;; attempt++) {
        try {
            await git(top, ['worktree', 'add', '--detach', path, commit]);
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
    await git(top, ['worktree', 'remove', '--force', path]).catch(() => undefined);
    await (0,promises_.rm)(path, { recursive: true, force: true });
    await git(top, ['worktree', 'prune']).catch(() => undefined);
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

// EXTERNAL MODULE: ./src/model/posix-path.ts
var posix_path = __webpack_require__(6640);
;// CONCATENATED MODULE: ./src/recovery/farm-anchor.ts

/**
 * The folder a deployment's link farm mirrors: the deepest common ancestor of
 * its root module, the working directory and every local module it calls
 * (module `Dir`s from modules.json are relative to the root module). Mirroring
 * from there keeps `../../modules/x` and `./modules/x` resolving. Absolute posix paths.
 */
function farmAnchor(rootModule, workingDir, moduleDirs) {
    const folders = [rootModule, workingDir, ...moduleDirs.map((dir) => (dir.startsWith('/') ? dir : (0,posix_path/* joinPosix */.m)(rootModule, dir)))];
    let common = (0,posix_path/* joinPosix */.m)(folders[0]).split('/');
    for (const folder of folders.slice(1)) {
        const parts = (0,posix_path/* joinPosix */.m)(folder).split('/');
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

// EXTERNAL MODULE: ./src/state/io/backup-state.ts
var backup_state = __webpack_require__(9350);
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
            const done = await (0,backup_state/* backupState */.Cg)(ctx.store.objects, ctx.deployment.stateKey);
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

// EXTERNAL MODULE: ./src/state/io/key-records.ts
var key_records = __webpack_require__(5830);
// EXTERNAL MODULE: ./src/state/io/move-state.ts
var move_state = __webpack_require__(9961);
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
    await (0,move_state/* moveState */.L)(ctx.store, from, d.stateKey, 'follow_key_changes');
    await (0,key_records/* writeKeyRecord */.Ic)(objects, { source: d.source, stateKey: d.stateKey, id: d.id });
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
        const record = await (0,key_records/* readKeyRecord */.TL)(ctx.store.objects, d.source);
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
            await (0,key_records/* writeKeyRecord */.Ic)(ctx.store.objects, { source: d.source, stateKey: d.stateKey, id: d.id });
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

// EXTERNAL MODULE: ./src/locks/io/pr-lock-store.ts
var pr_lock_store = __webpack_require__(2291);
// EXTERNAL MODULE: ./src/locks/pr-lock.ts
var pr_lock = __webpack_require__(7838);
// EXTERNAL MODULE: ./src/locks/io/run-lock-store.ts
var run_lock_store = __webpack_require__(3110);
;// CONCATENATED MODULE: ./src/engine/steps/run-lock-step.ts




/** lock_timeout's default. */
const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000;
// Longer than any deployment can hold it: its timeout, the grace after it, and a minute of slack.
const ttlMs = (s) => s.timeoutMs + s.graceMs + 60_000;
/** This run as a lock owner (the GitHub run and repository when in Actions). */
function runOwner(settings) {
    const { GITHUB_RUN_ID: githubRunId, GITHUB_REPOSITORY: repository } = settings.env;
    return { runId: settings.runId, host: (0,processes/* hostName */.Sm)(), pid: process.pid, ...(githubRunId ? { githubRunId } : {}), ...(repository ? { repository } : {}) };
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
            const got = await (0,run_lock_store/* acquireRunLock */.Vd)(objects, {
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
                key: (0,run_lock/* runLockKey */.kF)(d.id),
                acquiredAt: got.lock.acquiredAt,
                expiresAt: got.lock.expiresAt,
                waitedMs: got.waitedMs,
                ...(got.takenOver
                    ? { takenOverFrom: { reason: got.takenOver.reason, ...(from ? { owner: from.owner, acquiredAt: from.acquiredAt, expiresAt: from.expiresAt } : {}) } }
                    : {})
            };
        }
        catch (error) {
            if (error instanceof run_lock_store/* RunLockTimeout */.kT)
                return { stop: 'failed', reason: error.message };
            if (ctx.signal.aborted)
                throw error;
            throw new StepFailure(`cannot take the run lock ${(0,run_lock/* runLockKey */.kF)(d.id)} in ${objects.location}: ${error.message}`);
        }
    },
    async cleanup(ctx) {
        const lock = held.get(ctx);
        if (!lock || !ctx.store.objects)
            return;
        held.delete(ctx);
        const released = await (0,run_lock_store/* releaseRunLock */.ai)(ctx.store.objects, lock).catch(() => false);
        if (ctx.result.lock)
            ctx.result.lock.released = released;
    }
};

;// CONCATENATED MODULE: ./src/engine/steps/pr-lock-step.ts




// `prLockTtlMs` (RunSettings, optional): how long a pull request's lock lasts without a new plan.
const pr_lock_step_ttlMs = (s) => s.prLockTtlMs ?? pr_lock/* DEFAULT_PR_LOCK_TTL_MS */.nQ;
// The holder's own lock, seen by its apply: released in cleanup once the apply succeeded.
const applying = new WeakMap();
const log = (ctx, text) => (0,promises_.appendFile)(ctx.paths.logFile, `\n=== pr-lock ===\n${text}\n`).catch(() => undefined);
/** Adds to the deployment's lock record (the run lock step made it; without one, the pull request's lock is the record). */
function record(ctx, lock, patch) {
    ctx.result.lock ??= { key: (0,pr_lock/* prLockKey */.z_)(lock.deployment), acquiredAt: lock.acquiredAt, expiresAt: lock.expiresAt, waitedMs: 0 };
    Object.assign(ctx.result.lock, patch);
}
const lockRecord = (lock, extra = {}) => ({
    key: (0,pr_lock/* prLockKey */.z_)(lock.deployment),
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
        const mine = await (0,pr_lock_store/* readPrLock */.YL)(objects, id);
        if (mine && (0,pr_lock/* isPullRequest */.r0)(mine.owner, review) && (await (0,pr_lock_store/* releasePrLock */.RB)(objects, mine))) {
            record(ctx, mine, { pullRequestLock: lockRecord(mine, { released: true }) });
            await log(ctx, `no changes: released the lock of ${(0,pr_lock/* describePrHolder */.Ku)(mine)}`);
        }
        return;
    }
    const owner = { ...runOwner(ctx.settings), repository: review.repository, pullRequest: review.pullRequest, headSha: review.headSha };
    try {
        const got = await (0,pr_lock_store/* takePrLock */.Ly)(objects, { deployment: id, stateKey, owner, ttlMs: pr_lock_step_ttlMs(ctx.settings) });
        record(ctx, got.lock, { pullRequestLock: lockRecord(got.lock, got.renewed ? { renewed: true } : {}) });
        const from = got.takenOver?.from;
        if (got.takenOver) {
            const why = got.takenOver.reason;
            record(ctx, got.lock, { takenOverFrom: { key: (0,pr_lock/* prLockKey */.z_)(id), reason: why, ...(from ? { owner: from.owner, acquiredAt: from.acquiredAt, expiresAt: from.expiresAt } : {}) } });
        }
        await log(ctx, `${got.renewed ? 'renewed' : 'took'} ${(0,pr_lock/* prLockKey */.z_)(id)} until ${got.lock.expiresAt}${from ? `, taken over from ${(0,pr_lock/* describePrHolder */.Ku)(from)} (${got.takenOver?.reason})` : ''}`);
    }
    catch (error) {
        if (!(error instanceof pr_lock_store/* PrLockHeld */.H6))
            throw error;
        record(ctx, error.holder, { heldBy: (0,pr_lock/* heldByOf */.Oj)(error.holder) });
        return { stop: 'blocked', reason: (0,pr_lock/* refusal */.x5)(error.holder, 'plan', true) };
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
            holder = await (0,pr_lock_store/* readPrLock */.YL)(ctx.store.objects, ctx.deployment.id);
        }
        catch (error) {
            // Not knowing whether a pull request holds the deployment is a refusal, never an apply over it.
            return { stop: 'blocked', reason: `cannot read the pull-request lock of ${ctx.deployment.id} in ${ctx.store.objects.location}, apply not run: ${error instanceof Error ? error.message : String(error)}` };
        }
        if (!holder || Date.now() >= Date.parse(holder.expiresAt))
            return;
        if (review && (0,pr_lock/* isPullRequest */.r0)(holder.owner, review)) {
            applying.set(ctx, holder);
            record(ctx, holder, { pullRequestLock: lockRecord(holder) });
            return;
        }
        record(ctx, holder, { heldBy: (0,pr_lock/* heldByOf */.Oj)(holder) });
        return { stop: 'blocked', reason: (0,pr_lock/* refusal */.x5)(holder, 'apply', review !== undefined) };
    },
    async cleanup(ctx) {
        const lock = applying.get(ctx);
        applying.delete(ctx);
        if (!lock || ctx.result.status !== 'succeeded' || !ctx.store.objects)
            return;
        const released = await (0,pr_lock_store/* releasePrLock */.RB)(ctx.store.objects, lock).catch(() => false);
        record(ctx, lock, { pullRequestLock: lockRecord(lock, { released }) });
        await log(ctx, released ? `applied: released the lock of ${(0,pr_lock/* describePrHolder */.Ku)(lock)}` : `${(0,pr_lock/* prLockKey */.z_)(lock.deployment)} was not released (changed meanwhile)`);
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

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
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
function staleReason(meta, now) {
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
    const stale = typeof state === 'string' ? state : staleReason(meta, { ...state, stateKey, configHash: await deploymentConfigHash(ctx) });
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

// EXTERNAL MODULE: ./src/render/strip-ansi.ts
var strip_ansi = __webpack_require__(7376);
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
    for (const line of (0,strip_ansi/* stripAnsi */.a)(text).split('\n')) {
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
        if (lockKey && lockBytes && lockLeftByKill(parseTofuLock(new TextDecoder().decode(lockBytes)), o.who ?? (0,processes/* backendLockWho */.So)(), o.since)) {
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

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
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
            throw new StepFailure(`${phase} failed (exit ${r.exitCode}): ${(0,strip_ansi/* stripAnsi */.a)(errorLine(r.output))}`);
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

// EXTERNAL MODULE: ./src/engine/run-settings.ts
var run_settings = __webpack_require__(2185);
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
    const graph = settings.destroy ? (0,dag/* dependentsOf */.yk)(input.graph) : input.graph;
    const levels = settings.destroy ? [...input.levels].reverse() : input.levels;
    const estimates = input.estimates ?? {};
    const priority = (0,critical_path/* criticalPathLengths */.w)(graph, (id) => estimates[id] ?? run_settings/* DEFAULT_ESTIMATE_MS */.g);
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

// EXTERNAL MODULE: ./src/policy/io/policy-gate.ts + 3 modules
var policy_gate = __webpack_require__(6780);
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
        if ((0,processes/* signalProcess */.a7)(p.pid, signal))
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
        host: (0,processes/* hostName */.Sm)(),
        pid: process.pid,
        pidStartTime: (0,processes/* processStartTime */.X0)(process.pid),
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
        const others = Date.now() - scanned >= SCAN_MS ? ((scanned = Date.now()), (0,processes/* descendantsOf */.gO)(process.pid)) : [];
        for (const pid of new Set([...pids, ...others])) {
            const startTime = startTimes?.get(pid) ?? (0,processes/* processStartTime */.X0)(pid);
            if (startTime === undefined || known.has(`${pid}@${startTime}`))
                continue;
            known.add(`${pid}@${startTime}`);
            const named = pids.includes(pid) ? deployment : undefined;
            const child = { pid, startTime, command: ((pid === pids[0] && started) || (0,processes/* commandLine */.ay)(pid)).slice(0, 300), ...(named ? { deployment: named } : {}) };
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
const stillThere = (c) => (0,processes/* pidAlive */.pl)(c.pid) && (0,processes/* processStartTime */.X0)(c.pid) === c.startTime;
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
        if (!marker || marker.finishedAt || marker.host !== (0,processes/* hostName */.Sm)())
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
        (0,processes/* signalProcess */.a7)(c.pid, 'SIGINT');
    const deadline = Date.now() + graceMs;
    while (alive.some(stillThere) && Date.now() < deadline)
        await (0,external_node_timers_promises_.setTimeout)(100);
    return alive.map((c) => {
        const killed = stillThere(c) && (0,processes/* signalProcess */.a7)(c.pid, 'SIGKILL');
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
        const held = objects ? (await (0,run_lock_store/* listRunLocks */.WV)(objects)).filter((l) => l.lock?.owner.runId === marker.runId && l.lock.owner.host === marker.host) : [];
        for (const { key, deployment, lock } of held) {
            if (!lock || !objects)
                continue;
            if (lock.stateKey) {
                // The log proper first: only text after its first apply section counts, and the live log is all after it.
                const logs = await Promise.all([(0,external_node_path_.join)(runDir, 'logs', `${deployment.replace(/\//g, '__')}.log`), liveLogFile(runDir, deployment)].map((f) => (0,promises_.readFile)(f, 'utf8').catch(() => '')));
                const check = await checkStateAfterKill(o.store, lock.stateKey, { log: logs.join('\n'), since: new Date(lock.acquiredAt) });
                run.states.push({ deployment, stateKey: lock.stateKey, check });
            }
            if (await (0,run_lock_store/* releaseRunLock */.ai)(objects, lock).catch(() => false))
                run.released.push(key);
        }
        await (0,promises_.writeFile)((0,external_node_path_.join)(runDir, RECOVERED_FILE), `${JSON.stringify({ recoveredAt: new Date().toISOString(), by: o.currentRunId, ...run }, null, 2)}\n`);
        report.push(run);
    }
    return report;
}

// EXTERNAL MODULE: ./src/state/object-store.ts
var object_store = __webpack_require__(9662);
// EXTERNAL MODULE: ./src/audit/json-copy.ts
var json_copy = __webpack_require__(5343);
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
        action: (0,audit_keys/* auditAction */.OD)(run.command, run.destroy),
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
        action: (0,audit_keys/* auditAction */.OD)(summary.command, summary.destroy),
        ci,
        executionLevels: summary.executionLevels,
        records,
        summary
    };
    return (0,json_copy/* jsonCopy */.U)(record);
}

// EXTERNAL MODULE: ./src/audit/history-index.ts
var history_index = __webpack_require__(998);
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





const message = (error) => error instanceof object_store/* ObjectExistsError */.qs ? `${error.key} already exists (create-only: an audit record is never overwritten)` : error instanceof Error ? error.message : String(error);
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
            const key = (0,audit_keys/* auditRecordKey */.q6)({ account: d.account, project: d.project, action: rec.action, at: finishedAt, runId: run.runId, deploymentId: d.id });
            if (!(await put(`the audit record of ${result.id}`, key, rec)))
                return;
            recordKeys[result.id] = key;
            const entry = (0,history_index/* indexEntryFrom */.Rw)(rec, key);
            entries.set(result.id, entry);
            await put(`the index entry of ${result.id}`, (0,audit_keys/* indexEntryKey */.oX)(new Date(run.runStartedAt), run.runId, d.id), entry);
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
                const action = (0,audit_keys/* auditAction */.OD)(summary.command, summary.destroy);
                await put(`the run record of ${summary.runId}`, (0,audit_keys/* runRecordKey */.Iq)({ action, at: started, runId: summary.runId }), buildRunRecord(summary, recordKeys, options.ci));
                const rollup = { schemaVersion: 1, runId: run.runId, runStartedAt: run.runStartedAt, entries: summary.deployments.flatMap((r) => entries.get(r.id) ?? []) };
                await put(`the index of run ${summary.runId}`, (0,audit_keys/* runIndexKey */.fF)(started, run.runId), rollup);
            }
            catch (error) {
                warn(`AUDIT WRITE FAILED: the run record of ${summary.runId}: ${message(error)}`);
            }
        }
    };
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
            action = (0,audit_keys/* auditAction */.OD)(run.settings.command, run.settings.destroy);
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
        runFinished: (summary) => (0,duration_history/* saveHistory */.Q)(file, history, summary.deployments)
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

// EXTERNAL MODULE: ./src/config/parse-config.ts + 1 modules
var parse_config = __webpack_require__(732);
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
        throw new parse_config/* ConfigError */.xL(`the root modules' backend does not match the state store${where}:\n  ${problems.join('\n  ')}`);
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
    const resolving = options.binary ?? (0,check_binary/* resolveBinary */.u)(settings.binary, settings.env);
    resolving.catch(() => undefined); // (an earlier check may throw first)
    await checkBackends(ws.workingDir, ws.config, ws.selection.selected);
    const { state: store, objects } = (0,state_store_for/* storesFor */.i)(ws.workingDir, ws.config, options.credentials);
    await assertWritableFolders(ws.workingDir, settings, ws.config);
    const binary = await resolving;
    // A run that died here before (kill -9, a lost runner): stop its orphans, release its locks, check its states.
    for (const u of await recoverUnfinishedRuns({ runsDir: (0,external_node_path_.dirname)(settings.runDir), currentRunId: settings.runId, store, graceMs: settings.graceMs })) {
        for (const line of describeUnfinishedRun(u))
            (options.warn ?? warnOnStderr)(line);
    }
    const registry = openChildRegistry(settings);
    const history = await (0,duration_history/* loadHistory */.F)(settings.historyFile);
    const policies = ws.config.policies;
    // The gate's generated module lives in a temporary folder, not in the run folder.
    const policyDir = policies.mode === 'off' ? undefined : await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'tforch-gate-'));
    const opened = policyDir
        ? await (0,policy_gate/* openPolicyGate */.Q)({ ...(0,policy_gate/* gateOptions */.O)(ws.workingDir, policies), mode: policies.mode, opa: settings.opaBinary, workDir: policyDir })
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

// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
// EXTERNAL MODULE: ./src/render/graph-render.ts
var graph_render = __webpack_require__(6733);
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
        (0,graph_render/* renderGraphText */.ii)(ws.graph, labels),
        ...plan.deployments.map((d) => `  ${d.id}: state ${d.state}${d.varFile ? `, var file ${d.varFile}` : ''}`)
    ].join('\n');
}

// EXTERNAL MODULE: ./src/cli/print-warnings.ts
var print_warnings = __webpack_require__(7347);
// EXTERNAL MODULE: ./src/cli/selection-options.ts
var selection_options = __webpack_require__(5395);
;// CONCATENATED MODULE: ./src/cli/run-command.ts


















/** The flags as raw run request values: validated by the same schema as the action's inputs. */
function rawRequest(name, flags) {
    return {
        command: name,
        ...(0,selection_options/* rawSelection */.hE)(flags),
        maxWorkers: flags.maxWorkers,
        // --no-parallel sets false; without it commander reports true, which is "not given".
        parallel: flags.parallel === false ? 'false' : undefined,
        timeoutMinutes: flags.timeoutMinutes,
        graceSeconds: flags.graceSeconds,
        binary: flags.binary,
        debug: (0,selection_options/* flagText */.us)(flags.debug),
        dryRun: (0,selection_options/* flagText */.us)(flags.dryRun),
        destroy: (0,selection_options/* flagText */.us)(flags.destroy),
        policyMode: flags.policyMode,
        strategy: flags.strategy,
        shard: flags.shard,
        deployments: flags.deployments,
        review: flags.review,
        planRetentionDays: flags.planRetentionDays,
        rerunFailed: flags.rerunFailed
    };
}
/** `plan` and `apply`: run the selected deployments with the real binary. */
function runCommand(name, ctx) {
    return (0,selection_options/* withSelectionOptions */.rp)(new esm/* Command */.uB(name))
        .description(name === 'plan' ? 'plan the selected deployments (saved plans, no changes made)' : 'plan and apply the selected deployments in dependency order')
        .option('--max-workers <n>', 'most deployments at once, 1 to 64 (default: configuration, else min(2 x CPUs, 5))')
        .option('--no-parallel', 'run one deployment at a time')
        .option('--timeout-minutes <n>', 'per-deployment timeout (default: configuration, else 30)')
        .option('--grace-seconds <n>', 'after SIGINT, how long a child may take to stop before it is killed (default 20)')
        .option('--binary <name>', 'tofu or terraform (name on PATH or a path)')
        .option('--debug', 'stream the full output of every command, prefixed by deployment')
        .option('--dry-run', 'print the execution plan (levels, workers, state keys) and run nothing')
        .option('--destroy', 'plan (and apply) the destruction of the selected deployments, dependents first')
        .option('--policy-mode <mode>', 'enforce, warn or off (overrides policies.mode of the configuration)')
        .option('--shard <n/total>', 'run one shard of the `matrix` split (same selection, history and workers as the matrix)')
        .option('--deployments <ids>', 'run exactly these deployment ids (comma separated), e.g. one entry of the `matrix` output')
        .option('--review <owner/repo#pr@sha>', 'plan: store the plans for this pull request; apply: apply exactly the stored plans, refusing any that changed')
        .option('--plan-retention-days <n>', 'with --review on plan: days a stored plan is kept (default 30)')
        .option('--rerun-failed <run id>', 'run only what that run (or previous-attempt: of this workflow run) did not finish: failed, timed out, blocked, skipped, and their dependents')
        .addOption(new esm/* Option */.c$('--strategy <strategy>', 'scheduling (levels: the older level-by-level design, for comparison)').hideHelp())
        .action(async (flags) => {
        const request = (0,run_request/* parseRunRequest */.OR)(rawRequest(name, flags), 'cli');
        // Started before the workspace loads: a spawner takes tens of milliseconds to start (Python), about as long as discovery.
        const spawning = request.run.dryRun ? undefined : openSpawner(ctx.env.childEnv);
        try {
            await selectAndRun(name, request, ctx, spawning);
        }
        finally {
            if (spawning)
                await closeSpawner(spawning);
        }
    });
}
async function selectAndRun(name, request, ctx, spawning) {
    const { onConfig, binary } = earlyBinary(request.run, ctx.env.childEnv);
    const shard = await (0,shard_selection/* narrowToShard */.X$)(await (0,load_workspace/* loadWorkspace */.C)({ ...request.selection, requireDeployments: true, onConfig }), request.run);
    const loaded = await rerunOf(shard, request.run.rerunFailed, (message) => ctx.output.err(`warning: --rerun-failed: ${message}`), ciContextFromEnv(ctx.env.workflow));
    const ws = { ...loaded, config: withPolicyMode(loaded.config, request.run.policyMode) };
    const { output } = ctx;
    (0,print_warnings/* printWarnings */.V)(output, ws.warnings);
    for (const r of ws.selection.removed)
        output.err(`removed: ${r.text}`);
    const review = reviewSettingsOf(name, request.run.review, ws.graph.dependencies, request.run.planRetentionDays);
    const settings = { ...runSettings(ws.workingDir, ws.config, name, request.run, ctx.env), ...(review ? { review } : {}) };
    if (request.run.dryRun)
        return dryRun(ws, settings, request, ctx, await binary(settings.binary));
    if (ws.selection.selected.length === 0) {
        if (request.json)
            output.out(JSON.stringify({ command: name, deployments: [], removed: ws.selection.removed }, null, 2));
        else
            output.out('No deployments selected: nothing to do.');
        return;
    }
    await run_command_run(ws, settings, request, ctx, { spawner: spawning, binary: binary(settings.binary) });
}
async function dryRun(ws, settings, request, ctx, binary) {
    const plan = executionPlan(ws, settings, binary, (0,state_store_for/* stateStoreFor */._)(ws.workingDir, ws.config));
    ctx.output.out(request.json ? JSON.stringify(plan, null, 2) : renderExecutionPlan(plan, ws));
}
async function run_command_run(ws, settings, request, ctx, { spawner, binary }) {
    const { output } = ctx;
    const cancel = new AbortController();
    const release = cancelOnSignals(cancel, (signal) => output.err(`${signal}: stopping: running deployments get SIGINT, nothing new starts`));
    try {
        const summary = await startRun(ws, settings, {
            // Progress is not the result: it goes to stderr, so stdout stays one document with --json.
            observers: [progressObserver((line) => output.err(line))],
            cancel: cancel.signal,
            spawner,
            binary,
            onPolicySetupError: (message) => output.err(`error: policy gate: ${message}\nevery deployment is blocked (fail closed)`),
            onObserverError: (observer, error) => output.err(`error: ${observer} failed: ${error instanceof Error ? error.message : String(error)}`),
            warn: (message) => output.err(`warning: ${message}`),
            // EMF lines on stdout (metrics: emf) except with --json, whose stdout is one document.
            metrics: { line: request.json ? undefined : (line) => output.out(line) }
        });
        const report = (text) => (request.json ? output.err(text) : output.out(text));
        report('');
        report(renderRunTable(summary));
        report(`summary: ${settings.runDir}/summary.json`);
        if (request.json)
            output.out(JSON.stringify(summary, null, 2));
        if (summary.cancelled)
            ctx.setExitCode(exit_codes/* ExitCode */.y.Cancelled);
        else if (runFailed(summary))
            ctx.setExitCode(exit_codes/* ExitCode */.y.RunFailed);
    }
    finally {
        release();
    }
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


/***/ }),

/***/ 6003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ resolveBinary)
/* harmony export */ });
/* unused harmony export BinaryError */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8701);




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
    const path = isPath ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(nameOrPath) : await (0,_actions_io__WEBPACK_IMPORTED_MODULE_3__/* .which */ .K7)(nameOrPath, false);
    if (!path)
        throw new BinaryError(`${nameOrPath}: not found on PATH. ${INSTALL}`);
    if (isPath) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(path, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
        }
        catch (error) {
            const code = error.code;
            throw new BinaryError(`${path}: ${code === 'ENOENT' ? 'no such file' : 'not executable'}; ${EXPECTED}`);
        }
    }
    const json = await run(path, ['version', '-json'], env);
    const fromJson = json.ok ? jsonVersion(json.stdout) : undefined;
    // Terraform before 0.13 has no -json; and the name is only in the text form.
    const text = fromJson && /tofu/i.test((0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)) ? undefined : await run(path, ['version'], env);
    const fromText = text?.ok ? /^(OpenTofu|Terraform) v(\d+\.\d+\.\d+\S*)/m.exec(text.stdout) : null;
    const version = fromJson ?? fromText?.[2];
    if (!version) {
        const said = (text?.stdout || text?.stderr || json.stdout || json.stderr || '').trim().split('\n')[0]?.slice(0, 120) ?? '';
        throw new BinaryError(`${path}: ${EXPECTED}, but it ${said ? `printed ${JSON.stringify(said)}` : 'printed nothing'}`);
    }
    const name = fromText ? (fromText[1] === 'OpenTofu' ? 'opentofu' : 'terraform') : /tofu/i.test((0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)) ? 'opentofu' : 'terraform';
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
function run(path, args, env) {
    return new Promise((done, fail) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(path, args, { env: { ...env, CHECKPOINT_DISABLE: '1' }, timeout: 30_000, maxBuffer: 1 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
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


/***/ })

};

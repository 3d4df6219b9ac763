export const id = 327;
export const ids = [327];
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

/***/ 327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportCommand: () => (/* binding */ reportCommand)
});

// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
;// CONCATENATED MODULE: ./src/audit/report-window.ts
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The longest --since the report accepts (about ten years). */
const MAX_SINCE_MS = 3650 * DAY;
/**
 * Parses a report window strictly: a positive whole number of hours or days
 * (`24h`, `7d`, `30d`, `90d`), nothing else (no spaces, signs, fractions or other
 * units). Returns milliseconds or throws with the reason.
 */
function parseSince(text) {
    const m = text.match(/^([1-9][0-9]{0,5})([hd])$/);
    if (!m?.[1] || !m[2])
        throw new Error(`invalid duration ${JSON.stringify(text)}: expected a whole number of hours or days such as 24h, 7d or 30d`);
    const ms = Number(m[1]) * (m[2] === 'h' ? HOUR : DAY);
    if (ms > MAX_SINCE_MS)
        throw new Error(`invalid duration ${JSON.stringify(text)}: at most 3650d`);
    return ms;
}
/** `24h` and `36h` below two days, `30d` for whole days, else hours, else minutes (`90m`). */
function formatWindow(ms) {
    if (ms % DAY === 0 && ms >= 2 * DAY)
        return `${ms / DAY}d`;
    if (ms % HOUR === 0)
        return `${ms / HOUR}h`;
    return `${Math.round(ms / 60_000)}m`;
}
/** The standard report windows. */
const STANDARD_WINDOWS = [DAY, 7 * DAY, 30 * DAY];
/** The windows to report for --since: the standard ones that fit, then --since itself when it is not one of them. */
function reportWindows(sinceMs) {
    const windows = STANDARD_WINDOWS.filter((w) => w <= sinceMs);
    return windows.includes(sinceMs) ? windows : [...windows, sinceMs];
}

;// CONCATENATED MODULE: ./src/audit/report-stats.ts
/** Statuses that count as the deployment's own failure (skipped and cancelled are not). */
const FAILURE_STATUSES = new Set(['failed', 'blocked', 'timed-out']);
/** Whether an entry is a failure of its deployment. */
const isFailure = (e) => FAILURE_STATUSES.has(e.status);
/**
 * Nearest-rank percentile of ascending `sorted` values: the value at rank
 * ceil(p/100 * n) (1-based), so p50 of [1,2,3,4] is 2 and p95 of 20 values is the 19th.
 * Undefined for no values.
 */
function nearestRank(sorted, p) {
    if (sorted.length === 0)
        return undefined;
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    return sorted[rank - 1];
}
/**
 * Recoveries per deployment (pure). Walking each deployment's entries in time
 * order, a failure opens an incident (later failures join it) and the next
 * `succeeded` closes it: recovery time = success.finishedAt - first failure's
 * finishedAt. Skipped and cancelled runs neither open nor close one. Incidents
 * still open at the end are returned as unrecovered. MTTR is the mean over recoveries.
 */
function recoveries(entries) {
    const byDeployment = new Map();
    for (const e of entries) {
        const list = byDeployment.get(e.deploymentId);
        if (list)
            list.push(e);
        else
            byDeployment.set(e.deploymentId, [e]);
    }
    const done = [];
    const open = [];
    for (const [id, list] of [...byDeployment].sort(([a], [b]) => a.localeCompare(b))) {
        list.sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt) || a.runId.localeCompare(b.runId));
        let incident;
        for (const e of list) {
            if (isFailure(e)) {
                if (incident)
                    incident.failures++;
                else
                    incident = { deploymentId: id, failedAt: e.finishedAt, failures: 1 };
                incident.lastError = e.error;
            }
            else if (e.status === 'succeeded' && incident) {
                const durationMs = Date.parse(e.finishedAt) - Date.parse(incident.failedAt);
                done.push({ deploymentId: id, failedAt: incident.failedAt, recoveredAt: e.finishedAt, durationMs, failures: incident.failures });
                incident = undefined;
            }
        }
        if (incident)
            open.push(JSON.parse(JSON.stringify(incident)));
    }
    return { recoveries: done, unrecovered: open };
}
/** Mean of values, undefined when there are none. */
const mean = (values) => values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;

;// CONCATENATED MODULE: ./src/audit/fleet-report.ts


const PHASES = ['init', 'plan', 'show', 'policy', 'apply'];
/** How many rows the ranked lists keep. */
const TOP = 10;
const within = (entries, now, ms) => entries.filter((e) => {
    const t = Date.parse(e.finishedAt);
    return t > now.getTime() - ms && t <= now.getTime();
});
/** Totals of a set of entries, counted like summary.json (see RunTotals). */
function totalsOf(entries) {
    const count = (s) => entries.filter((e) => e.status === s).length;
    const t = { deployments: entries.length, succeeded: count('succeeded'), failed: count('failed'), blocked: count('blocked'), timedOut: count('timed-out'), cancelled: count('cancelled'), skipped: count('skipped'), successRate: null, created: 0, changed: 0, destroyed: 0, replaced: 0 };
    t.successRate = t.deployments === 0 ? null : t.succeeded / t.deployments;
    for (const e of entries) {
        if (!e.counts || (e.command === 'apply' && !e.applied))
            continue;
        t.created += e.counts.create;
        t.changed += e.counts.update;
        t.destroyed += e.counts.delete;
        t.replaced += e.counts.replace;
    }
    return t;
}
/** Whether the deployment ran at all (skipped ones and ones cancelled before starting did not). */
const ran = (e) => e.status !== 'skipped' && Object.keys(e.phases).length > 0;
/**
 * The fleet report over the entries that finished in (now - sinceMs, now] (pure).
 * Windows: see reportWindows. MTTR: see recoveries. Most failing: failed, blocked
 * or timed-out runs per deployment, most first. Percentiles: nearest rank over
 * every run of a phase ('total' = whole deployment). Slowest: by mean duration of
 * the runs that ran, ties by max, then id.
 */
function computeFleetReport(all, now, sinceMs) {
    const entries = within(all, now, sinceMs);
    const windows = reportWindows(sinceMs).map((ms) => ({ window: formatWindow(ms), ms, ...totalsOf(within(entries, now, ms)) }));
    const { recoveries: recovered, unrecovered } = recoveries(entries);
    const perDeployment = new Map();
    for (const e of entries) {
        const list = perDeployment.get(e.deploymentId);
        if (list)
            list.push(e);
        else
            perDeployment.set(e.deploymentId, [e]);
    }
    const mostFailing = [];
    const slowest = [];
    for (const [id, list] of perDeployment) {
        const failures = list.filter(isFailure).sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt));
        const last = failures.at(-1);
        if (last)
            mostFailing.push(JSON.parse(JSON.stringify({ deploymentId: id, failures: failures.length, runs: list.length, lastFailedAt: last.finishedAt, lastError: last.error })));
        const durations = list.filter(ran).map((e) => e.durationMs);
        if (durations.length > 0)
            slowest.push({ deploymentId: id, runs: durations.length, meanMs: mean(durations) ?? 0, maxMs: durations.reduce((a, b) => Math.max(a, b), 0) });
    }
    mostFailing.sort((a, b) => b.failures - a.failures || b.lastFailedAt.localeCompare(a.lastFailedAt) || a.deploymentId.localeCompare(b.deploymentId));
    slowest.sort((a, b) => b.meanMs - a.meanMs || b.maxMs - a.maxMs || a.deploymentId.localeCompare(b.deploymentId));
    const phases = [];
    const stat = (phase, values) => {
        const sorted = values.sort((a, b) => a - b);
        const p50 = nearestRank(sorted, 50);
        const p95 = nearestRank(sorted, 95);
        if (p50 !== undefined && p95 !== undefined)
            phases.push({ phase, samples: sorted.length, p50Ms: p50, p95Ms: p95 });
    };
    for (const phase of PHASES)
        stat(phase, entries.flatMap((e) => (e.phases[phase] === undefined ? [] : [e.phases[phase]])));
    stat('total', entries.filter(ran).map((e) => e.durationMs));
    return {
        generatedAt: now.toISOString(),
        since: formatWindow(sinceMs),
        from: new Date(now.getTime() - sinceMs).toISOString(),
        windows,
        mttr: { meanMs: mean(recovered.map((r) => r.durationMs)) ?? null, recoveries: recovered, unrecovered },
        mostFailing: mostFailing.slice(0, TOP),
        phases,
        slowest: slowest.slice(0, TOP)
    };
}

// EXTERNAL MODULE: ./src/audit/audit-keys.ts
var audit_keys = __webpack_require__(1569);
// EXTERNAL MODULE: ./src/audit/history-index.ts
var history_index = __webpack_require__(998);
;// CONCATENATED MODULE: ./src/audit/map-limit.ts
/** Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/audit/io/read-history.ts



/**
 * Reads the index entries that can fall in (now - sinceMs, now] (layout:
 * history-index.ts): lists only those days' folders, then per run reads its
 * rollup, or its single entries when the run never wrote one.
 */
async function readHistory(store, now, sinceMs, options = {}) {
    const warn = options.warn ?? (() => undefined);
    const listings = await mapLimit((0,history_index/* indexDays */.YJ)(now, sinceMs), options.listConcurrency ?? 8, (day) => listDay(store, (0,audit_keys/* indexDayPrefix */.Xy)(day)));
    const runs = new Map();
    for (const info of listings.flat()) {
        const parsed = (0,audit_keys/* parseIndexKey */.bg)(info.key);
        if (!parsed)
            continue;
        const run = runs.get(parsed.runId) ?? { single: [] };
        if (parsed.deploymentId === undefined)
            run.rollup = info.key;
        else
            run.single.push(info.key);
        runs.set(parsed.runId, run);
    }
    const keys = [...runs.values()].flatMap((r) => (r.rollup ? [r.rollup] : r.single));
    let invalid = 0;
    const read = await mapLimit(keys, options.readConcurrency ?? 16, async (key) => {
        const body = await store.get(key);
        if (!body)
            return [];
        try {
            const found = (0,history_index/* entriesOf */.Mc)(JSON.parse(new TextDecoder().decode(body)));
            if (found.invalid > 0)
                warn(`${key}: ${found.invalid} invalid index entries skipped`);
            invalid += found.invalid;
            return found.entries;
        }
        catch (error) {
            warn(`${key}: not valid JSON, skipped (${error instanceof Error ? error.message : String(error)})`);
            invalid++;
            return [];
        }
    });
    // One entry per deployment per run, whichever object it came from.
    const unique = new Map();
    for (const e of read.flat())
        unique.set(`${e.runId}\u0000${e.deploymentId}`, e);
    return { entries: [...unique.values()], objectsRead: keys.length, invalid };
}
/**
 * The index objects of one day: with a one-level listing, the runs' rollups
 * plus the single entries of runs that have none (a run that crashed); else
 * everything below the day.
 */
async function listDay(store, dayPrefix) {
    if (!store.listLevel)
        return store.list(dayPrefix);
    const prefix = dayPrefix.endsWith('/') ? dayPrefix : `${dayPrefix}/`;
    const level = await store.listLevel(prefix);
    const rolledUp = new Set(level.objects.map((o) => o.key.replace(/\.json$/, '/')));
    const unfinished = level.folders.filter((f) => !rolledUp.has(f));
    return [...level.objects, ...(await Promise.all(unfinished.map((f) => store.list(f)))).flat()];
}

;// CONCATENATED MODULE: ./src/audit/render-report.ts
/** `95.6%`, or `-` when there is nothing to divide. */
const percent = (rate) => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`);
/** `850ms`, `14.2s`, `12.5 min`, `3.2 h`: short durations for tables. */
function formatDuration(ms) {
    if (ms === null || ms === undefined)
        return '-';
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)}s`;
    if (ms < 3_600_000)
        return `${(ms / 60_000).toFixed(1)} min`;
    return `${(ms / 3_600_000).toFixed(1)} h`;
}
const table = (head, rows) => [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`)
];
/** The report as Markdown: success rates, MTTR, most failing, phase percentiles, slowest. */
function renderReportMarkdown(r) {
    const lines = [`## Fleet report (last ${r.since}, ${r.from} to ${r.generatedAt})`, ''];
    lines.push(...table(['Period', 'Total', 'Succeeded', 'Failed', 'Blocked', 'Timed out', 'Cancelled', 'Skipped', 'Success rate', 'Created', 'Changed', 'Destroyed'], r.windows.map((w) => [`Last ${w.window}`, ...[w.deployments, w.succeeded, w.failed, w.blocked, w.timedOut, w.cancelled, w.skipped].map(String), percent(w.successRate), ...[w.created, w.changed, w.destroyed].map(String)])), '');
    lines.push(`### Mean time to recovery: ${formatDuration(r.mttr.meanMs)} (${r.mttr.recoveries.length} recoveries, ${r.mttr.unrecovered.length} not recovered)`, '');
    if (r.mttr.unrecovered.length > 0) {
        lines.push(...table(['Not recovered', 'Failing since', 'Failed runs', 'Last error'], r.mttr.unrecovered.map((u) => [u.deploymentId, u.failedAt, String(u.failures), u.lastError ?? ''])), '');
    }
    lines.push('### Most failing deployments', '');
    lines.push(...(r.mostFailing.length === 0 ? ['No failures.'] : table(['Deployment', 'Failures', 'Runs', 'Last failure', 'Last error'], r.mostFailing.map((f) => [f.deploymentId, String(f.failures), String(f.runs), f.lastFailedAt, f.lastError ?? '']))), '');
    lines.push('### Phase durations (nearest rank)', '');
    lines.push(...(r.phases.length === 0 ? ['No runs.'] : table(['Phase', 'Runs', 'p50', 'p95'], r.phases.map((p) => [p.phase, String(p.samples), formatDuration(p.p50Ms), formatDuration(p.p95Ms)]))), '');
    lines.push('### Slowest deployments (mean duration)', '');
    lines.push(...(r.slowest.length === 0 ? ['No runs.'] : table(['Deployment', 'Runs', 'Mean', 'Max'], r.slowest.map((s) => [s.deploymentId, String(s.runs), formatDuration(s.meanMs), formatDuration(s.maxMs)]))));
    return `${lines.join('\n')}\n`;
}
/** The report as JSON (every figure in milliseconds and fractions, unrounded). */
function renderReportJson(r) {
    return `${JSON.stringify(r, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/cli/report-command.ts





const since = (text) => {
    try {
        return parseSince(text);
    }
    catch (error) {
        throw new esm/* InvalidArgumentError */.Di(error instanceof Error ? error.message : String(error));
    }
};
/** `report --since 30d [--json]`: success rates, MTTR, most failing, phase percentiles and slowest deployments from the audit index. */
function reportCommand(output, storeFor, now = () => new Date()) {
    return new esm/* Command */.uB('report')
        .description('fleet report from the audit records: success rates (24h/7d/30d), mean time to recovery, most failing and slowest deployments, phase p50/p95')
        .option('--since <duration>', 'how far back: a whole number of hours or days (24h, 7d, 30d, 90d)', since, parseSince('30d'))
        .option('--json', 'print the report as one JSON document')
        .option('-w, --working-dir <dir>', 'directory holding .tf-orchestrator.yml (where the store is configured)', '.')
        .option('-c, --config <file>', 'configuration file')
        .action(async (flags) => {
        const store = await storeFor({ workingDir: flags.workingDir, config: flags.config });
        const at = now();
        const history = await readHistory(store, at, flags.since, { warn: (message) => output.err(`warning: ${message}`) });
        const report = computeFleetReport(history.entries, at, flags.since);
        output.out(flags.json ? renderReportJson(report) : renderReportMarkdown(report));
    });
}


/***/ })

};

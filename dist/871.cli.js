export const id = 871;
export const ids = [871];
export const modules = {

/***/ 871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ stateStoreFor),
  i: () => (/* binding */ storesFor)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/state/state-store.ts
/** The lock object OpenTofu's local backend writes beside a state file: `dir/.name.lock.info`. */
function localLockKey(stateKey) {
    const slash = stateKey.lastIndexOf('/');
    return `${stateKey.slice(0, slash + 1)}.${stateKey.slice(slash + 1)}.lock.info`;
}
/** The lock object of OpenTofu's S3 backend with `use_lockfile`: `key.tflock`. */
function s3LockKey(stateKey) {
    return `${stateKey}.tflock`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/state/object-store.ts
var object_store = __webpack_require__(9662);
;// CONCATENATED MODULE: ./src/state/io/local-object-store.ts
// long file: one ObjectStore on a folder; its operations share the atomic-write and path helpers.





// Temporary files sit beside their target (so rename stays on one file system)
// under a name no key can have, and list() never shows them.
const TEMP_MARK = '.tfo-tmp-';
// Created exclusively; where the platform has O_DSYNC, each write returns once its data (and the size) is on disk: fdatasync without a call of its own.
const DSYNC = external_node_fs_.constants.O_DSYNC;
const TEMP_FLAGS = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | (DSYNC ?? 0);
// Locks, key records and most states are a few KiB: read directly, without a trip through the thread pool per step.
const SMALL = 256 * 1024;
/** A file's content when it is small (undefined: larger, read it asynchronously); throws like readFile (ENOENT, EISDIR). */
function readSmall(path) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        if (size > SMALL)
            return undefined;
        // A file that grew since the stat is read the slow way, in full.
        const buffer = Buffer.allocUnsafe(size + 1);
        let length = 0;
        for (let n; length < buffer.length && (n = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, null)) > 0;)
            length += n;
        return length > size ? undefined : buffer.subarray(0, length);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
const codeOf = (error) => error.code;
/** The path names nothing: it is missing, or a file stands where a folder on the way should be. */
const absent = (error) => codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR';
const sha256 = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
/** Removes a file that may be gone already (a temporary name, a stale mutex). */
function removeQuietly(path) {
    try {
        (0,external_node_fs_.unlinkSync)(path);
    }
    catch {
        // gone already, or left for the next write's O_EXCL to refuse
    }
}
/** Every file below `dir`, as paths relative to it; none when it does not exist. */
async function filesBelow(dir) {
    let entries;
    try {
        entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    }
    catch (error) {
        if (absent(error))
            return [];
        throw error;
    }
    const found = [];
    for (const entry of entries) {
        if (entry.isDirectory())
            found.push(...(await filesBelow((0,external_node_path_.join)(dir, entry.name))).map((p) => (0,external_node_path_.join)(entry.name, p)));
        else if (entry.isFile() && !entry.name.includes(TEMP_MARK))
            found.push(entry.name);
    }
    return found;
}
// A conditional write holds its key's mutex for milliseconds: one older than this was left by a process that died holding it.
const STALE_MUTEX_MS = 30_000;
// Created exclusively, as 'wx' would (nothing is written to it).
const MUTEX_FLAGS = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL;
/** Runs `work` holding `<path><TEMP_MARK>cas`, a file created exclusively (list() never shows it). */
async function withKeyMutex(key, path, work) {
    const mutex = `${(0,external_node_path_.dirname)(path)}${external_node_path_.sep}${TEMP_MARK}cas.${(0,external_node_path_.basename)(path)}`;
    for (;;) {
        try {
            (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(mutex, MUTEX_FLAGS, 0o666));
            break;
        }
        catch (error) {
            if (codeOf(error) === 'ENOENT')
                throw new object_store/* ObjectChangedError */.__(key); // no folder: no object to replace
            if (codeOf(error) !== 'EEXIST')
                throw error;
        }
        const held = await (0,promises_.stat)(mutex).catch(() => undefined);
        if (held && Date.now() - held.mtimeMs > STALE_MUTEX_MS)
            removeQuietly(mutex);
        else
            await new Promise((resolve) => setTimeout(resolve, 5));
    }
    try {
        return await work();
    }
    finally {
        removeQuietly(mutex);
    }
}
/**
 * An ObjectStore on a folder: a key is a path below it. Writes go to a temporary
 * file first and then replace (rename) or, create-only, hard-link the target,
 * which fails atomically when it exists. Local files are not encrypted.
 */
function localObjectStore(root) {
    const pathOf = (key) => {
        const problem = (0,object_store/* objectKeyProblem */.c9)(key) ?? (key.includes(TEMP_MARK) ? `object key ${key} contains ${TEMP_MARK}` : undefined);
        if (problem)
            throw new Error(problem);
        return (0,external_node_path_.join)(root, ...key.split('/'));
    };
    /** Creates the folder a write goes into; a clear error when a file is in the way. */
    const makeFolderFor = (key, path) => {
        const folder = (0,external_node_path_.dirname)(path);
        try {
            (0,external_node_fs_.mkdirSync)(folder, { recursive: true });
            return;
        }
        catch (error) {
            if (!['ENOTDIR', 'EEXIST'].includes(codeOf(error) ?? ''))
                throw error;
        }
        let current = root;
        for (const part of (0,external_node_path_.relative)(root, folder).split(external_node_path_.sep)) {
            current = (0,external_node_path_.join)(current, part);
            const found = (0,external_node_fs_.statSync)(current, { throwIfNoEntry: false });
            if (found && !found.isDirectory())
                throw new Error(`cannot write ${key}: ${current} is a file, not a folder`);
        }
        throw new Error(`cannot write ${key}: cannot create the folder ${folder}`);
    };
    const head = async (key) => {
        const path = pathOf(key);
        try {
            const info = await (0,promises_.stat)(path);
            if (!info.isFile())
                return undefined;
            const hash = sha256(await (0,promises_.readFile)(path));
            return { key, size: info.size, lastModified: info.mtime, sha256: hash, etag: hash };
        }
        catch (error) {
            if (absent(error))
                return undefined;
            throw error;
        }
    };
    const get = async (key) => {
        try {
            return new Uint8Array(readSmall(pathOf(key)) ?? (await (0,promises_.readFile)(pathOf(key))));
        }
        catch (error) {
            if (absent(error) || codeOf(error) === 'EISDIR')
                return undefined;
            throw error;
        }
    };
    // Temporary names: random per store, then counted (no random bytes per write); O_EXCL refuses a name in use anyway.
    const tempPrefix = (0,external_node_crypto_.randomBytes)(6).toString('hex');
    let tempCount = 0;
    /** Creates a new temporary file beside `path`; the folder is made only when the open finds it missing (most writes go into existing folders). */
    const openTemp = (key, path) => {
        const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `${TEMP_MARK}${(0,external_node_path_.basename)(path)}.${tempPrefix}${(tempCount++).toString(36)}`);
        try {
            return { temp, fd: (0,external_node_fs_.openSync)(temp, TEMP_FLAGS, 0o666) };
        }
        catch (error) {
            if (!absent(error))
                throw error;
        }
        makeFolderFor(key, path);
        return { temp, fd: (0,external_node_fs_.openSync)(temp, TEMP_FLAGS, 0o666) };
    };
    // A write is done here, in one go: a few system calls on a local disk (about 30 µs on tmpfs, 180 µs with O_DSYNC
    // on the bench machine's ext4) cost the run less than five trips through the thread pool, or than a thread of its
    // own with a message each way, which cost more than the pool (measured: bench/README.md). Where a journaling file
    // system makes a link wait for a commit, the run's main thread waits with it: milliseconds, beside commands of seconds.
    const put = async (key, body, options = {}) => {
        const path = pathOf(key);
        if (options.ifMatch !== undefined) {
            const expected = options.ifMatch;
            // Conditional writers of one key take turns; the rename replaces the object without a moment where the key is absent.
            return withKeyMutex(key, path, async () => {
                if ((await head(key))?.etag !== expected)
                    throw new object_store/* ObjectChangedError */.__(key);
                return put(key, body, { ...options, ifMatch: undefined, ifNoneMatch: false });
            });
        }
        const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
        const { temp, fd } = openTemp(key, path);
        let mtime;
        try {
            try {
                // The content is on disk before it becomes visible under the key: O_DSYNC writes return once it is, else an fsync.
                for (let at = 0; at < bytes.byteLength;)
                    at += (0,external_node_fs_.writeSync)(fd, bytes, at, bytes.byteLength - at, null);
                if (!DSYNC)
                    (0,external_node_fs_.fdatasyncSync)(fd);
                // Linked or renamed, the key names this same inode: its mtime is the object's.
                mtime = (0,external_node_fs_.fstatSync)(fd).mtime;
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            if (options.ifNoneMatch)
                (0,external_node_fs_.linkSync)(temp, path);
            else
                (0,external_node_fs_.renameSync)(temp, path);
        }
        catch (error) {
            removeQuietly(temp);
            if (codeOf(error) === 'EEXIST')
                throw new object_store/* ObjectExistsError */.qs(key);
            if (codeOf(error) === 'EISDIR')
                throw new Error(`cannot write ${key}: ${path} is a folder`);
            throw error;
        }
        // A hard link leaves the temporary name behind; a rename consumed it.
        if (options.ifNoneMatch)
            removeQuietly(temp);
        const hash = sha256(bytes);
        return { key, size: bytes.byteLength, lastModified: mtime, sha256: hash, etag: hash };
    };
    return {
        location: root,
        get,
        head,
        put,
        async copy(fromKey, toKey) {
            const bytes = await get(fromKey);
            if (!bytes)
                throw new Error(`cannot copy ${pathOf(fromKey)}: it does not exist`);
            return put(toKey, bytes);
        },
        async delete(key) {
            // One unlink (rm would lstat first); a key that is already gone is deleted.
            try {
                (0,external_node_fs_.unlinkSync)(pathOf(key));
            }
            catch (error) {
                if (!absent(error))
                    throw error;
            }
        },
        async list(prefix) {
            // Walk only the deepest folder the prefix names, then filter by the rest.
            const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
            const keys = (await filesBelow((0,external_node_path_.join)(root, ...folder.split('/').filter(Boolean))))
                .map((p) => folder + p.split(external_node_path_.sep).join('/'))
                .filter((key) => key.startsWith(prefix));
            const found = [];
            for (const key of keys.sort()) {
                const info = await (0,promises_.stat)(pathOf(key)).catch(() => undefined); // deleted meanwhile
                if (info)
                    found.push({ key, size: info.size, lastModified: info.mtime });
            }
            return found;
        },
        async listLevel(prefix) {
            const dir = (0,external_node_path_.join)(root, ...prefix.split('/').filter(Boolean));
            const entries = await (0,promises_.readdir)(dir, { withFileTypes: true }).catch((error) => {
                if (absent(error))
                    return [];
                throw error;
            });
            const objects = [];
            const folders = [];
            for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
                if (e.name.includes(TEMP_MARK))
                    continue;
                if (e.isDirectory())
                    folders.push(`${prefix}${e.name}/`);
                else if (e.isFile()) {
                    const info = await (0,promises_.stat)((0,external_node_path_.join)(dir, e.name)).catch(() => undefined);
                    if (info)
                        objects.push({ key: `${prefix}${e.name}`, size: info.size, lastModified: info.mtime });
                }
            }
            return { objects, folders };
        }
    };
}

;// CONCATENATED MODULE: ./src/state/io/local-state-store.ts




/**
 * The local backend: state files under one directory, at the deployment's
 * state key (for example .tf-orchestrator/state/s3/acct/us-east-1/proj/terraform.tfstate).
 * The root modules declare `backend "local" {}`. Its objects (backups, key
 * records) live in the same directory.
 */
function localStateStore(dir) {
    const pathOf = (key) => (0,external_node_path_.join)(dir, ...key.split('/'));
    return {
        objects: localObjectStore(dir),
        lockKey: localLockKey,
        backendConfig: (key) => [`path=${pathOf(key)}`],
        // Once per deployment: a direct stat, no trip through the thread pool.
        stateBytes: async (key) => {
            try {
                return (0,external_node_fs_.statSync)(pathOf(key)).size;
            }
            catch {
                return undefined;
            }
        },
        describe: (key) => pathOf(key)
    };
}

;// CONCATENATED MODULE: ./src/state/io/s3-client.ts
// Loaded on first use: the SDK is most of the bundle, and a local-state run or
// `list` should not pay for reading it (nor every later fork for the memory).
let sdk;
/** The AWS SDK's S3 module, loaded once. */
const s3Sdk = () => (sdk ??= __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)));
/**
 * An S3 client for the state bucket, made when first asked for. Credentials
 * come from the SDK's default chain (env, shared files, SSO, web identity,
 * instance metadata) unless a test passes its own.
 */
function s3ClientFor(location, credentials) {
    let client;
    return () => (client ??= s3Sdk().then(({ S3Client }) => new S3Client({
        region: location.region,
        ...(location.endpoint ? { endpoint: location.endpoint } : {}),
        forcePathStyle: location.use_path_style,
        ...(credentials ? { credentials } : {})
    })));
}

;// CONCATENATED MODULE: ./src/state/io/s3-object-store.ts


/** The ServerSideEncryption request fields of an encryption. */
function sseFields(encryption) {
    if (encryption.kind === 'AES256')
        return { ServerSideEncryption: 'AES256' };
    return { ServerSideEncryption: 'aws:kms', ...(encryption.keyId ? { SSEKMSKeyId: encryption.keyId } : {}) };
}
const statusOf = (error) => error.$metadata?.httpStatusCode;
const nameOf = (error) => error.name;
// S3 answers a lost If-None-Match race with 412, or 409 while a concurrent write is in flight.
const isExists = (error) => ['PreconditionFailed', 'ConditionalRequestConflict'].includes(nameOf(error) ?? '') || [409, 412].includes(statusOf(error) ?? 0);
const isMissing = (error) => ['NotFound', 'NoSuchKey'].includes(nameOf(error) ?? '') || statusOf(error) === 404;
/** Hex form of S3's base64 SHA-256; a multipart (composite, `...-N`) checksum is not the content's hash. */
function hexSha256(base64) {
    if (!base64 || base64.includes('-'))
        return undefined;
    return Buffer.from(base64, 'base64').toString('hex');
}
/** The ObjectInfo fields S3 reports in a HeadObject or PutObject answer. */
function reported(out) {
    const sha256 = hexSha256(out.ChecksumSHA256);
    return {
        ...(sha256 ? { sha256 } : {}),
        ...(out.ServerSideEncryption ? { encryption: out.ServerSideEncryption } : {}),
        ...(out.SSEKMSKeyId ? { kmsKeyId: out.SSEKMSKeyId } : {})
    };
}
/** An ObjectStore over one bucket (and key prefix) with SSE and SHA-256 checksums on every write. */
function s3ObjectStore(source, options) {
    const { bucket, encryption } = options;
    // The SDK and the client are loaded by the first request (see s3-client.ts).
    const client = typeof source === 'function' ? source : () => Promise.resolve(source);
    const s3 = async () => ({ c: await client(), sdk: await s3Sdk() });
    const prefix = options.prefix ?? '';
    const fullKey = (key) => {
        const problem = (0,object_store/* objectKeyProblem */.c9)(key);
        if (problem)
            throw new Error(problem);
        return prefix + key;
    };
    const where = (key) => `s3://${bucket}/${prefix}${key}`;
    const head = async (key) => {
        const { c, sdk } = await s3();
        try {
            const out = await c.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: fullKey(key), ChecksumMode: 'ENABLED' }));
            return { key, size: out.ContentLength ?? 0, lastModified: out.LastModified ?? new Date(0), ...reported(out), ...(out.ETag ? { etag: out.ETag } : {}) };
        }
        catch (error) {
            if (isMissing(error))
                return undefined;
            throw error;
        }
    };
    return {
        location: `s3://${bucket}/${prefix}`,
        head,
        async get(key) {
            const { c, sdk } = await s3();
            try {
                const out = await c.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: fullKey(key) }));
                return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
            }
            catch (error) {
                if (isMissing(error))
                    return undefined;
                throw error;
            }
        },
        async put(key, body, putOptions = {}) {
            const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
            const { c, sdk } = await s3();
            try {
                const out = await c.send(new sdk.PutObjectCommand({
                    Bucket: bucket,
                    Key: fullKey(key),
                    Body: bytes,
                    ChecksumAlgorithm: 'SHA256',
                    ...(putOptions.contentType ? { ContentType: putOptions.contentType } : {}),
                    ...(putOptions.ifNoneMatch ? { IfNoneMatch: '*' } : {}),
                    ...(putOptions.ifMatch ? { IfMatch: putOptions.ifMatch } : {}),
                    ...sseFields(encryption)
                }));
                // PutObject does not answer LastModified: the local clock stands in.
                return { key, size: bytes.byteLength, lastModified: new Date(), ...reported(out), ...(out.ETag ? { etag: out.ETag } : {}) };
            }
            catch (error) {
                if (putOptions.ifNoneMatch && isExists(error))
                    throw new object_store/* ObjectExistsError */.qs(key);
                if (putOptions.ifMatch && (isExists(error) || isMissing(error)))
                    throw new object_store/* ObjectChangedError */.__(key);
                throw error;
            }
        },
        async copy(fromKey, toKey) {
            // CopySource is "bucket/key", URL-encoded per segment.
            const source = `${bucket}/${fullKey(fromKey).split('/').map(encodeURIComponent).join('/')}`;
            const { c, sdk } = await s3();
            try {
                await c.send(new sdk.CopyObjectCommand({ Bucket: bucket, Key: fullKey(toKey), CopySource: source, ChecksumAlgorithm: 'SHA256', ...sseFields(encryption) }));
            }
            catch (error) {
                if (isMissing(error))
                    throw new Error(`cannot copy ${where(fromKey)}: it does not exist`);
                throw error;
            }
            const copied = await head(toKey);
            if (!copied)
                throw new Error(`copied ${where(fromKey)} to ${where(toKey)} but the copy is not there`);
            return copied;
        },
        async delete(key) {
            const { c, sdk } = await s3();
            await c.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: fullKey(key) }));
        },
        async list(listPrefix) {
            const { c, sdk } = await s3();
            const found = [];
            let token;
            do {
                const page = await c.send(new sdk.ListObjectsV2Command({
                    Bucket: bucket,
                    Prefix: prefix + listPrefix,
                    ...(token ? { ContinuationToken: token } : {}),
                    ...(options.pageSize ? { MaxKeys: options.pageSize } : {})
                }));
                for (const item of page.Contents ?? []) {
                    if (!item.Key?.startsWith(prefix))
                        continue;
                    found.push({ key: item.Key.slice(prefix.length), size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) });
                }
                token = page.IsTruncated ? page.NextContinuationToken : undefined;
            } while (token);
            return found;
        },
        async listLevel(levelPrefix) {
            const { c, sdk } = await s3();
            const objects = [];
            const folders = [];
            let token;
            do {
                const page = await c.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix + levelPrefix, Delimiter: '/', ...(token ? { ContinuationToken: token } : {}) }));
                for (const item of page.Contents ?? [])
                    if (item.Key?.startsWith(prefix))
                        objects.push({ key: item.Key.slice(prefix.length), size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) });
                for (const p of page.CommonPrefixes ?? [])
                    if (p.Prefix?.startsWith(prefix))
                        folders.push(p.Prefix.slice(prefix.length));
                token = page.IsTruncated ? page.NextContinuationToken : undefined;
            } while (token);
            return { objects, folders };
        }
    };
}

;// CONCATENATED MODULE: ./src/state/io/s3-state-store.ts



/** How the orchestrator's own objects are encrypted: with the state's KMS key, else SSE-S3 (always, whatever `encrypt` says). */
function encryptionFor(settings) {
    return settings.kms_key_id ? { kind: 'aws:kms', keyId: settings.kms_key_id } : { kind: 'AES256' };
}
/** An HCL string literal (a -backend-config value of object type is parsed as HCL). */
const hclString = (text) => JSON.stringify(text)
    .replaceAll('${', () => '$${') // a function: in a replacement string "$$" means one "$"
    .replaceAll('%{', () => '%%{');
/**
 * The `-backend-config` key=value list for OpenTofu's s3 backend. A custom
 * endpoint (MinIO, another S3-compatible store) goes in `endpoints = { s3 = ... }`
 * and turns off the calls such a store cannot answer: STS/IAM for the account id
 * and credential check, and the AWS region list.
 */
function s3BackendConfig(settings, stateKey) {
    const config = [
        `bucket=${settings.bucket}`,
        `key=${settings.key_prefix}${stateKey}`,
        `region=${settings.region}`,
        `encrypt=${settings.encrypt}`,
        `use_lockfile=${settings.use_lockfile}`,
        `use_path_style=${settings.use_path_style}`
    ];
    if (settings.kms_key_id)
        config.push(`kms_key_id=${settings.kms_key_id}`);
    if (settings.endpoint) {
        config.push(`endpoints={ s3 = ${hclString(settings.endpoint)} }`, 'skip_credentials_validation=true', 'skip_region_validation=true', 'skip_requesting_account_id=true');
    }
    return config;
}
/** The state of `type: s3` with the objects store (key_prefix as its prefix) it is read through. */
function s3StateStore(settings, client = s3ClientFor(settings)) {
    const objects = s3ObjectStore(client, { bucket: settings.bucket, prefix: settings.key_prefix, encryption: encryptionFor(settings) });
    return {
        objects,
        lockKey: s3LockKey,
        backendConfig: (stateKey) => s3BackendConfig(settings, stateKey),
        stateBytes: async (stateKey) => (await objects.head(stateKey))?.size,
        describe: (stateKey) => `s3://${settings.bucket}/${settings.key_prefix}${stateKey}`
    };
}

;// CONCATENATED MODULE: ./src/state/io/state-store-for.ts




/**
 * The configured stores. local: state files and objects under `state.dir`.
 * s3: the bucket (below key_prefix) through @aws-sdk/client-s3 with the SDK's
 * default credentials chain (or the action's OIDC credentials), the same
 * bucket and endpoint OpenTofu uses.
 */
function storesFor(workingDir, config, credentials) {
    const settings = { backupMode: config.backup, followKeyChanges: config.state.follow_key_changes === true };
    const base = config.state.type === 's3' ? s3StateStore(config.state, s3ClientFor(config.state, credentials)) : localStateStore((0,external_node_path_.join)(workingDir, config.state.dir));
    const state = { ...base, ...settings };
    return { state, objects: state.objects };
}
/** The configured state store (with its objects, backup mode and key-change mode). */
function stateStoreFor(workingDir, config) {
    return storesFor(workingDir, config).state;
}


/***/ }),

/***/ 9662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   __: () => (/* binding */ ObjectChangedError),
/* harmony export */   c9: () => (/* binding */ objectKeyProblem),
/* harmony export */   qs: () => (/* binding */ ObjectExistsError)
/* harmony export */ });
/** A conditional replace refused: the object changed (or went) since it was read. */
class ObjectChangedError extends Error {
    key;
    constructor(key) {
        super(`${key} changed since it was read (conditional write refused)`);
        this.key = key;
        this.name = 'ObjectChangedError';
    }
}
/** A put refused because the key already exists (create-only write). */
class ObjectExistsError extends Error {
    key;
    constructor(key) {
        super(`${key} already exists (create-only write refused)`);
        this.key = key;
        this.name = 'ObjectExistsError';
    }
}
/** Why `key` is not a valid object key (empty, absolute, `.`/`..` or empty segments), or undefined. */
function objectKeyProblem(key) {
    if (key === '')
        return 'an object key cannot be empty';
    if (key.startsWith('/'))
        return `object key ${key} must not start with "/"`;
    if (key.includes('\\'))
        return `object key ${key} must use "/" as separator`;
    const bad = key.split('/').find((part) => part === '' || part === '.' || part === '..');
    return bad === undefined ? undefined : `object key ${key} has an empty, "." or ".." segment`;
}


/***/ })

};

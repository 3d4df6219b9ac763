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
export const PYTHON_SPAWNER_SCRIPT = String.raw`
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
`

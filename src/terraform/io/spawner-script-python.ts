/**
 * The spawner in Python (3.10 or later), preferred to the Perl one
 * (spawner-script.ts) where it runs: CPython starts commands with vfork, so a
 * start copies no page tables and the spawner's memory is never copied on
 * write while the command is on its way to exec. 3,000 starts of /bin/true with
 * 4 in flight on the bench machine: 0.65 ms of CPU each, all processes
 * counted, against 1.8 ms for the Perl spawner (whose fork is copied) and
 * 0.9 ms for `xargs -P 4`.
 *
 * Same protocol as the Perl spawner (see there). Differences that keep the
 * same contract:
 * - the output files are opened before the start, so "cannot write" is told
 *   before anything runs;
 * - SIGINT and SIGTERM are caught, not ignored, by the spawner: a caught
 *   signal is reset to its default by exec, an ignored one would be inherited;
 * - subprocess waits for the exec (vfork), so S follows right after it, with
 *   the command's /proc start time (the run records it: read here, it costs
 *   the Node process's main thread nothing).
 * Older Pythons (fork instead of vfork) exit at once: the Perl one is used.
 */
export const PYTHON_SPAWNER_SCRIPT = String.raw`
import os, select, signal, subprocess, sys
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
devnull = os.open(os.devnull, os.O_RDONLY | os.O_CLOEXEC)

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
        entry = running.pop(pid, None)
        if entry is None:
            continue
        entry[1].returncode = status  # reaped here: subprocess must not wait for it again
        reply("E %s sig %d" % (entry[0], os.WTERMSIG(status)) if os.WIFSIGNALED(status) else "E %s %d" % (entry[0], os.WEXITSTATUS(status)))

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
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC | flags, mode)
    except OSError as e:
        raise RuntimeError("cannot write %s: %s" % (path, e.strerror))

def start(rid, cwd, out, err, mode, env, argv):
    fds = []
    try:
        if mode == "a":
            fds.append(open_output(out, os.O_APPEND, 0o666))
            fds.append(fds[0])
        else:
            fds.append(open_output(out, os.O_TRUNC, 0o600))
            fds.append(open_output(err, os.O_TRUNC, 0o600))
        child = subprocess.Popen(argv, cwd=cwd, env=env, stdin=devnull, stdout=fds[0], stderr=fds[1], close_fds=True)
    except RuntimeError as e:
        return reply("F %s %s" % (rid, e))
    except OSError as e:
        # subprocess names the folder when chdir failed, else the tool.
        what = "cannot enter %s" % cwd if e.filename == cwd else "cannot run %s" % argv[0]
        return reply("F %s %s: %s" % (rid, what, e.strerror or e))
    finally:
        for fd in set(fds):
            os.close(fd)
    running[child.pid] = (rid, child)
    started = start_time(child.pid)
    reply("S %s %d %s" % (rid, child.pid, started) if started else "S %s %d" % (rid, child.pid))

def take_request(fields):
    if len(fields) < 6:
        return None
    n = int(fields[5])
    if len(fields) < 7 + n:
        return None
    m = int(fields[6 + n])
    if len(fields) < 7 + n + m:
        return None
    head, env = fields[:5], fields[6:6 + n]
    argv = fields[7 + n:7 + n + m]
    del fields[:7 + n + m]
    return head + [dict(e.split("=", 1) for e in env), argv]

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

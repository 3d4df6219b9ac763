import { close, fdatasync, fstat, link, open, rename, unlink, write, type Stats } from 'node:fs'

// The thread pool's file calls through node's callback API: a write of the
// object store takes five of them, and each FileHandle of fs/promises costs
// the main thread about twice a callback's bookkeeping (measured: 47 against
// 22 µs per five-step write). The calls themselves run off the main thread
// all the same, where a journaling file system may make them wait for a sync.

type Callback<T> = (error: NodeJS.ErrnoException | null, value: T) => void
const call = <T>(start: (done: Callback<T>) => void): Promise<T> =>
  new Promise((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value))))
/** A call whose callback gets only an error. */
const callDone = (start: (done: (error: NodeJS.ErrnoException | null) => void) => void): Promise<void> => call<void>((done) => start((error) => done(error, undefined)))

export const openFd = (path: string, flags: number): Promise<number> => call((done) => open(path, flags, 0o666, done))
export const fstatFd = (fd: number): Promise<Stats> => call((done) => fstat(fd, done))
export const closeFd = (fd: number): Promise<void> => callDone((done) => close(fd, done))
export const syncFd = (fd: number): Promise<void> => callDone((done) => fdatasync(fd, done))
export const renamePath = (from: string, to: string): Promise<void> => callDone((done) => rename(from, to, done))
export const linkPath = (from: string, to: string): Promise<void> => callDone((done) => link(from, to, done))
export const unlinkPath = (path: string): Promise<void> => callDone((done) => unlink(path, done))

/** Writes all of `bytes` at the file's position (a write may take less than it is given). */
export async function writeAll(fd: number, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.byteLength; ) {
    at += await call<number>((done) => write(fd, bytes, at, bytes.byteLength - at, null, done))
  }
}

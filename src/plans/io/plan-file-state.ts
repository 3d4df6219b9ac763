import { inflateRawSync } from 'node:zlib'
import type { ObjectStore } from '../../state/object-store.js'
import type { StateIdentity } from '../stored-plan-meta.js'

/** One member of a zip archive (a saved plan file is a zip), or undefined when it is not there. */
export function zipMember(zip: Uint8Array, name: string): Uint8Array | undefined {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)
  // The end-of-central-directory record is in the last 64 KiB (its comment is at most that long).
  let end = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end < 0) throw new Error('not a zip archive (no end of central directory)')
  let at = buf.readUInt32LE(end + 16)
  for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt zip central directory')
    const method = buf.readUInt16LE(at + 10)
    const size = buf.readUInt32LE(at + 20)
    const nameLength = buf.readUInt16LE(at + 28)
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32)
    const local = buf.readUInt32LE(at + 42)
    if (buf.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
      const data = buf.subarray(start, start + size)
      if (method === 0) return new Uint8Array(data)
      if (method === 8) return new Uint8Array(inflateRawSync(data))
      throw new Error(`zip member ${name} uses compression method ${method}`)
    }
    at += 46 + skip
  }
  return undefined
}

/** serial and lineage of state JSON; an empty state file counts as no state. */
function identityOf(text: string): StateIdentity {
  if (text.trim() === '') return { serial: 0, lineage: '' }
  const s = JSON.parse(text) as { serial?: unknown; lineage?: unknown }
  if (typeof s.serial !== 'number' || typeof s.lineage !== 'string') throw new Error('the state has no serial and lineage (encrypted?)')
  return { serial: s.serial, lineage: s.lineage }
}

/** The state a saved plan was made from (its `tfstate` member): exactly what OpenTofu checks for a stale plan. */
export function planFileState(plan: Uint8Array): StateIdentity {
  const state = zipMember(plan, 'tfstate')
  if (!state) throw new Error('the saved plan holds no tfstate')
  return identityOf(new TextDecoder().decode(state))
}

/** The current state's serial and lineage in the store (serial 0, lineage "" when there is none); throws when unreadable. */
export async function currentStateIdentity(objects: ObjectStore, stateKey: string): Promise<StateIdentity> {
  const bytes = await objects.get(stateKey)
  return bytes === undefined ? { serial: 0, lineage: '' } : identityOf(new TextDecoder().decode(bytes))
}

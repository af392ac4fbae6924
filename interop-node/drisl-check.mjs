// DRISL / DAG-CBOR cross-check against @ipld/dag-cbor.
// Reads one JSON request on stdin, writes one JSON answer on stdout.
//   {"mode":"reencode","items":["<hex>",...]}  -> [{"ok":true,"hex":"<re-encoded>","cid":"bafy..."} | {"ok":false,"error":"..."}]
//   {"mode":"generate","count":N,"seed":S}      -> [{"hex":"...","cid":"..."}]  (random values encoded by @ipld/dag-cbor)
import * as dagCbor from '@ipld/dag-cbor'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'

const hexOf = (u8) => Buffer.from(u8).toString('hex')
const bytesOf = (hex) => new Uint8Array(Buffer.from(hex, 'hex'))

async function cidOf(bytes) {
  return CID.createV1(dagCbor.code, await sha256.digest(bytes)).toString()
}

// Small deterministic PRNG (mulberry32) so a failing seed can be replayed.
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ALPHABET = ['a', 'b', 'z', '$', 'é', '中', '😀', 'A', '0', '_', '.', ' ']

async function randomValue(r, depth) {
  const pick = Math.floor(r() * (depth > 3 ? 6 : 9))
  switch (pick) {
    case 0: return null
    case 1: return r() < 0.5
    case 2: {
      const ranges = [24, 256, 65536, 2 ** 32, Number.MAX_SAFE_INTEGER]
      const max = ranges[Math.floor(r() * ranges.length)]
      const n = Math.floor(r() * max)
      return r() < 0.3 ? -n - 1 : n
    }
    case 3: return randomString(r, Math.floor(r() * 40))
    case 4: {
      const b = new Uint8Array(Math.floor(r() * 70))
      for (let i = 0; i < b.length; i++) b[i] = Math.floor(r() * 256)
      return b
    }
    case 5: {
      const content = new Uint8Array(8)
      for (let i = 0; i < 8; i++) content[i] = Math.floor(r() * 256)
      const codec = r() < 0.5 ? dagCbor.code : 0x55
      return CID.createV1(codec, await sha256.digest(content))
    }
    case 6:
    case 7: {
      const o = {}
      const n = Math.floor(r() * 8)
      for (let i = 0; i < n; i++) o[randomString(r, 1 + Math.floor(r() * 10))] = await randomValue(r, depth + 1)
      return o
    }
    default: {
      const n = Math.floor(r() * 6)
      const a = []
      for (let i = 0; i < n; i++) a.push(await randomValue(r, depth + 1))
      return a
    }
  }
}

function randomString(r, len) {
  let s = ''
  for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)]
  return s
}

const input = JSON.parse(await new Promise((resolve) => {
  let data = ''
  process.stdin.on('data', (c) => (data += c))
  process.stdin.on('end', () => resolve(data))
}))

const out = []
if (input.mode === 'reencode') {
  for (const hex of input.items) {
    try {
      const value = dagCbor.decode(bytesOf(hex))
      const again = dagCbor.encode(value)
      out.push({ ok: true, hex: hexOf(again), cid: await cidOf(again) })
    } catch (e) {
      out.push({ ok: false, error: String(e.message || e) })
    }
  }
} else if (input.mode === 'generate') {
  const r = rng(input.seed)
  for (let i = 0; i < input.count; i++) {
    const o = {}
    const n = 1 + Math.floor(r() * 6)
    for (let k = 0; k < n; k++) o[randomString(r, 1 + Math.floor(r() * 8))] = await randomValue(r, 1)
    const bytes = dagCbor.encode(o)
    out.push({ hex: hexOf(bytes), cid: await cidOf(bytes) })
  }
} else {
  throw new Error('unknown mode ' + input.mode)
}
process.stdout.write(JSON.stringify(out))

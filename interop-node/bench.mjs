// The atproto-core JMH benchmarks' operations, timed with the npm reference packages on the same machine.
// Usage: node bench.mjs [--quick]   (prints a JSON object: operation -> ops/s, or ms for whole-job rows)
import { readFileSync } from 'node:fs'
import * as dagCbor from '@ipld/dag-cbor'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { Secp256k1Keypair, P256Keypair, verifySignature } from '@atproto/crypto'
import { MST, MemoryBlockstore, Repo, WriteOpAction, blocksToCarFile, readCarWithRoot } from '@atproto/repo'
import { benchKey } from './bench-keys.mjs'

const quick = process.argv.includes('--quick')
const record = JSON.parse(readFileSync(new URL('../benchmarks/src/main/resources/record-500.json', import.meta.url)))

// Runs fn repeatedly for `seconds` after a warm-up, returns operations per second.
async function opsPerSecond(fn, seconds = quick ? 0.5 : 3) {
  const warmEnd = performance.now() + (quick ? 200 : 1500)
  while (performance.now() < warmEnd) await fn()
  let n = 0
  const start = performance.now()
  const end = start + seconds * 1000
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) await fn()
    n += 50
  }
  return n / ((performance.now() - start) / 1000)
}

// Runs a whole job a few times, returns the best time in milliseconds.
async function bestMillis(fn, runs = quick ? 1 : 3) {
  let best = Infinity
  for (let r = 0; r < runs; r++) {
    const t = performance.now()
    await fn()
    best = Math.min(best, performance.now() - t)
  }
  return best
}

const out = {}
const bytes = dagCbor.encode(record)
out.drislEncode = await opsPerSecond(() => dagCbor.encode(record))
out.drislDecode = await opsPerSecond(() => dagCbor.decode(bytes))
out.cidOfBytes = await opsPerSecond(async () => CID.createV1(dagCbor.code, await sha256.digest(bytes)))

for (const [name, Kp] of [['k256', Secp256k1Keypair], ['p256', P256Keypair]]) {
  const kp = await Kp.create({ exportable: true })
  const did = kp.did()
  const sig = await kp.sign(bytes)
  out[name + 'Sign'] = await opsPerSecond(() => kp.sign(bytes))
  out[name + 'Verify'] = await opsPerSecond(() => verifySignature(did, bytes, sig))
}

const leaf = CID.parse('bafyreie5cvv4h45feadgeuwhbcutmh6t2ceseocckahdoe6uat64zmz454')
for (const n of [10_000, 100_000]) {
  out['mstInsert' + n / 1000 + 'kMillis'] = await bestMillis(async () => {
    let mst = await MST.create(new MemoryBlockstore())
    for (let i = 0; i < n; i++) mst = await mst.add(benchKey(i), leaf)
    await mst.getPointer()
  }, n > 10_000 ? 1 : undefined)
}

// A 10k-record repo: CAR export (write) and import (read with CID checks).
const keypair = await Secp256k1Keypair.create()
const storage = new MemoryBlockstore()
const writes = []
for (let i = 0; i < 10_000; i++) {
  writes.push({ action: WriteOpAction.Create, collection: 'agent.memory.note', rkey: benchKey(i).split('/')[1], record: { ...record, confidence: i } })
}
const repo = await Repo.create(storage, 'did:plc:benchbenchbenchbenchbenc', keypair, writes)
const blocks = await storage.getBlocks([...(await repo.data.allCids()).toList(), repo.cid])
let car
out.carWrite10kMillis = await bestMillis(async () => {
  car = await blocksToCarFile(repo.cid, blocks.blocks)
})
out.carRead10kMillis = await bestMillis(async () => {
  await readCarWithRoot(car)
})
out.carBytes = car.length
out.node = process.version
console.log(JSON.stringify(out, null, 2))

// Repository cross-check against @atproto/repo.
// stdin: a JSON array of requests; stdout: a JSON array of answers, one each. A request that throws
// answers {"error":"…"}.
// Keys are did:key strings written by our code, which @atproto/crypto parses.
//   {"mode":"repo","car":"<hex>","did":"did:…","didKey":"did:key:…"}
//     -> verifyRepoCar (signature, did, the whole MST and every record) and readCarWithRoot:
//        {"root":"<car root>","commit":"<verified commit cid>","rev":"…","data":"<mst root>",
//         "creates":[{"path":"…","cid":"…"}]}
//   {"mode":"slice","blocks":"<hex>","did":"…","didKey":"…","prevData":"<cid>|null",
//    "ops":[{"action":"create|update|delete","path":"…","cid":"…|null","prev":"…|null"}]}
//     -> the commit signature (verifyCommitSig), the per-op inclusion/absence proofs (verifyProofs, as
//        @atproto/sync checks a #commit), and MST inversion on @atproto/repo's MST (undo each op, compare
//        the root with prevData):
//        {"sigValid":bool,"proofsVerified":n,"proofsUnverified":n,"inverted":"<cid>"|null,"error":"…"|null}
//   {"mode":"commit","curve":"K256|P256","privateKey":"<hex>","did":"…","rev":"…",
//    "entries":[{"path":"…","cid":"…"}]}
//     -> the reference's own commit for the same content: MST built by @atproto/repo, commit signed with
//        signCommit (RFC 6979 signatures are deterministic), so every byte can be compared:
//        {"data":"<mst root>","commit":"<commit cid>","sig":"<hex>","block":"<hex>"}
import {
  MST, MemoryBlockstore, readCarWithRoot, verifyRepoCar, verifyCommitSig, verifyProofs, parseDataKey,
  signCommit,
} from '@atproto/repo'
import * as cbor from '@atproto/lex-cbor'
import { CID } from 'multiformats/cid'
import { Secp256k1Keypair, P256Keypair } from '@atproto/crypto'

const requests = JSON.parse(await new Promise((resolve) => {
  let s = ''
  process.stdin.on('data', (d) => (s += d))
  process.stdin.on('end', () => resolve(s))
}))
const bytesOf = (hex) => new Uint8Array(Buffer.from(hex, 'hex'))

async function checkRepo(req) {
  const car = bytesOf(req.car)
  const verified = await verifyRepoCar(car, req.did, req.didKey)
  const { root, blocks } = await readCarWithRoot(car)
  return {
    root: root.toString(),
    commit: verified.commit.cid.toString(),
    rev: verified.commit.rev,
    data: cbor.decode(blocks.get(root)).data.toString(),
    creates: verified.creates.map((c) => ({ path: c.collection + '/' + c.rkey, cid: c.cid.toString() })),
  }
}

async function checkSlice(req) {
  const carBytes = bytesOf(req.blocks)
  const { root, blocks } = await readCarWithRoot(carBytes)
  const commit = cbor.decode(blocks.get(root))
  const didKey = req.didKey
  const out = { sigValid: await verifyCommitSig(commit, didKey) }
  const claims = req.ops.map((op) => ({ ...parseDataKey(op.path), cid: op.cid ? CID.parse(op.cid) : null }))
  const proofs = await verifyProofs(carBytes, claims, req.did, didKey)
  out.proofsVerified = proofs.verified.length
  out.proofsUnverified = proofs.unverified.length
  try {
    let tree = MST.load(new MemoryBlockstore(blocks), commit.data)
    for (const op of [...req.ops].reverse()) {
      if (op.action === 'create') tree = await tree.delete(op.path)
      else if (op.action === 'update') tree = await tree.update(op.path, CID.parse(op.prev))
      else tree = await tree.add(op.path, CID.parse(op.prev))
    }
    out.inverted = (await tree.getPointer()).toString()
    out.error = null
  } catch (e) {
    out.inverted = null
    out.error = String(e.message ?? e)
  }
  return out
}

async function referenceCommit(req) {
  const Keypair = req.curve === 'P256' ? P256Keypair : Secp256k1Keypair
  const keypair = await Keypair.import(bytesOf(req.privateKey))
  let tree = await MST.create(new MemoryBlockstore())
  for (const e of req.entries) tree = await tree.add(e.path, CID.parse(e.cid))
  const data = await tree.getPointer()
  const commit = await signCommit({ did: req.did, version: 3, data, rev: req.rev, prev: null }, keypair)
  return {
    data: data.toString(),
    commit: (await cbor.cidForLex(commit)).toString(),
    sig: Buffer.from(commit.sig).toString('hex'),
    block: Buffer.from(cbor.encode(commit)).toString('hex'),
  }
}

const modes = { repo: checkRepo, slice: checkSlice, commit: referenceCommit }
const answers = []
for (const req of requests) {
  try {
    answers.push(await modes[req.mode](req))
  } catch (e) {
    answers.push({ error: String(e.message ?? e) })
  }
}
console.log(JSON.stringify(answers))

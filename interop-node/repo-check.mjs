// Repository cross-check against @atproto/repo.
// stdin: a JSON array of requests; stdout: a JSON array of answers, one each. A request that throws
// answers {"error":"…"}.
// The signing key is given as a did:key ("didKey") or as a P-256 public key in hex ("p256PublicKey"),
// turned into a did:key here by @atproto/crypto.
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
import {
  MST, MemoryBlockstore, readCarWithRoot, verifyRepoCar, verifyCommitSig, verifyProofs, parseDataKey,
} from '@atproto/repo'
import * as cbor from '@atproto/lex-cbor'
import { CID } from 'multiformats/cid'
import { formatDidKey, P256_JWT_ALG } from '@atproto/crypto'

const requests = JSON.parse(await new Promise((resolve) => {
  let s = ''
  process.stdin.on('data', (d) => (s += d))
  process.stdin.on('end', () => resolve(s))
}))
const bytesOf = (hex) => new Uint8Array(Buffer.from(hex, 'hex'))
const didKeyOf = (req) => req.didKey ?? formatDidKey(P256_JWT_ALG, bytesOf(req.p256PublicKey))

async function checkRepo(req) {
  const car = bytesOf(req.car)
  const verified = await verifyRepoCar(car, req.did, didKeyOf(req))
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
  const didKey = didKeyOf(req)
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

const answers = []
for (const req of requests) {
  try {
    answers.push(req.mode === 'repo' ? await checkRepo(req) : await checkSlice(req))
  } catch (e) {
    answers.push({ error: String(e.message ?? e) })
  }
}
console.log(JSON.stringify(answers))

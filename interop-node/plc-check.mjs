// did:plc and DID document checks with the official packages, for comparison with dev.skein.core.identity.
// stdin: {"ops": [{"op": {...signed op JSON...}, "keys": ["did:key:...", ...]}],
//         "docs": [{...DID document JSON...}], "make": n,
//         "sign": [{"curve": "k256"|"p256", "privateKey": "<hex>", "op": {...unsigned op JSON...}}]}
// stdout: {"ops": [{"cid": "...", "did": "did:plc:..."|null, "signer": index|-1}],
//          "docs": [{"valid": bool, "did", "signingKey", "handle", "pds"} | {"error": "..."}],
//          "made": [{"did": "did:plc:...", "entries": [{"op": {...signed op JSON...}, "cid": "..."}, ...]}],
//          "signed": [{"sig": "...", "cid": "...", "did": "did:plc:..."|null}]}
// "made" holds, per requested history, a genesis (k256 recovery key, p256 PDS key, signed by the latter),
// an update signed by the recovery key and a tombstone signed by the PDS key, built here with
// @ipld/dag-cbor and @atproto/crypto only.
import * as dagCbor from '@ipld/dag-cbor'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { base32 } from 'multiformats/bases/base32'
import * as crypto from '@atproto/crypto'
import { ensureAtpDocument } from '@atproto/identity'
import { didDocumentValidator } from '@atproto/did'

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))

const cidOf = async (obj) => CID.create(1, 0x71, await sha256.digest(dagCbor.encode(obj))).toString()
const didOf = async (op) => 'did:plc:' + base32.baseEncode((await sha256.digest(dagCbor.encode(op))).digest).slice(0, 24)
const b64url = (bytes) => Buffer.from(bytes).toString('base64url')

const ops = []
for (const { op, keys } of input.ops ?? []) {
  const { sig, ...unsigned } = op
  const data = dagCbor.encode(unsigned)
  const sigBytes = new Uint8Array(Buffer.from(sig, 'base64url'))
  let signer = -1
  for (let i = 0; i < keys.length && signer < 0; i++) {
    if (await crypto.verifySignature(keys[i], data, sigBytes)) signer = i
  }
  ops.push({ cid: await cidOf(op), did: op.prev === null ? await didOf(op) : null, signer })
}

const docs = (input.docs ?? []).map((doc) => {
  try {
    const valid = didDocumentValidator.safeParse(doc).success
    return { valid, ...ensureAtpDocument(doc) }
  } catch (err) {
    return { error: String(err.message ?? err) }
  }
})

const sign = async (obj, keypair) => ({ ...obj, sig: b64url(await keypair.sign(dagCbor.encode(obj))) })
const made = []
for (let i = 0; i < (input.make ?? 0); i++) {
  const recovery = await crypto.Secp256k1Keypair.create()
  const pdsKey = await crypto.P256Keypair.create()
  const signing = await crypto.Secp256k1Keypair.create()
  const genesis = await sign({
    type: 'plc_operation',
    rotationKeys: [recovery.did(), pdsKey.did()],
    verificationMethods: { atproto: signing.did() },
    alsoKnownAs: [`at://node${i}.test`],
    services: { atproto_pds: { type: 'AtprotoPersonalDataServer', endpoint: 'https://pds.node.test' } },
    prev: null,
  }, pdsKey)
  const { sig: _s, ...state } = genesis
  const update = await sign({ ...state, alsoKnownAs: [`at://renamed${i}.test`], prev: await cidOf(genesis) }, recovery)
  const tombstone = await sign({ type: 'plc_tombstone', prev: await cidOf(update) }, pdsKey)
  const entries = []
  for (const op of [genesis, update, tombstone]) entries.push({ op, cid: await cidOf(op) })
  made.push({ did: await didOf(genesis), entries })
}

// Signatures are deterministic (RFC 6979), so the same key over the same op must give the same sig.
const signed = []
for (const { curve, privateKey, op } of input.sign ?? []) {
  const Keypair = curve === 'p256' ? crypto.P256Keypair : crypto.Secp256k1Keypair
  const result = await sign(op, await Keypair.import(privateKey))
  signed.push({ sig: result.sig, cid: await cidOf(result), did: op.prev === null ? await didOf(result) : null })
}

process.stdout.write(JSON.stringify({ ops, docs, made, signed }))

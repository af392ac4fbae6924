// Drives Skein's PLC directory (platform-plc) over HTTP with the official packages.
// stdin: {"plcUrl": "http://127.0.0.1:<port>", "did": "<a DID Skein created>", "missing": "<a DID nobody created>"}
// stdout: {"java": {"doc": {...}, "data": {did, signingKey, handle, pds}},
//          "missing": null | {...},
//          "node": {"did", "ops": [{"op", "cid"}], "created": {...atproto data}, "renamed": {...atproto data},
//                   "audit": [...], "last": {...}, "auditCidsMatch": bool, "tombstoneStatus": n,
//                   "badStatus": n, "badMessage": "...", "exportCids": [...]}}
// @atproto/identity's IdResolver resolves through the directory (plcUrl); the Node side also makes a DID of its
// own: genesis, update and tombstone built and signed with @ipld/dag-cbor and @atproto/crypto (@did-plc/lib is
// not among the installed packages), posted to the directory and read back.
import * as dagCbor from '@ipld/dag-cbor'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { base32 } from 'multiformats/bases/base32'
import * as crypto from '@atproto/crypto'
import { IdResolver } from '@atproto/identity'

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))
const { plcUrl } = input

const cidOf = async (obj) => CID.create(1, 0x71, await sha256.digest(dagCbor.encode(obj))).toString()
const didOf = async (op) => 'did:plc:' + base32.baseEncode((await sha256.digest(dagCbor.encode(op))).digest).slice(0, 24)
const sign = async (obj, keypair) => ({
  ...obj,
  sig: Buffer.from(await keypair.sign(dagCbor.encode(obj))).toString('base64url'),
})
const post = async (did, op) => {
  const res = await fetch(`${plcUrl}/${did}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(op),
  })
  const text = await res.text()
  return { status: res.status, text }
}
const getJson = async (path) => {
  const res = await fetch(`${plcUrl}${path}`)
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
  return res.json()
}
const mustPost = async (did, op) => {
  const res = await post(did, op)
  if (res.status !== 200) throw new Error(`POST ${did}: ${res.status} ${res.text}`)
}

// The package's default fetch refuses plain http, IP-literal hosts and custom ports (SSRF protection meant for
// the public network); a private cluster's directory is all three here, so pass the platform fetch, as the
// package's own documentation says tests and dev setups do.
const resolver = new IdResolver({ plcUrl, fetch: globalThis.fetch, timeout: 30000 })

// The DID Skein made, through the official resolver.
const java = {
  doc: await resolver.did.resolve(input.did),
  data: await resolver.did.resolveAtprotoData(input.did),
}
const missing = await resolver.did.resolve(input.missing)

// A DID made here: a k256 recovery key (rotation key 0), a p256 key for the PDS (rotation key 1).
const recovery = await crypto.Secp256k1Keypair.create()
const pdsKey = await crypto.P256Keypair.create()
const signing = await crypto.Secp256k1Keypair.create()
const genesis = await sign({
  type: 'plc_operation',
  rotationKeys: [recovery.did(), pdsKey.did()],
  verificationMethods: { atproto: signing.did() },
  alsoKnownAs: ['at://node-made.test'],
  services: { atproto_pds: { type: 'AtprotoPersonalDataServer', endpoint: 'https://pds.node.test' } },
  prev: null,
}, pdsKey)
const did = await didOf(genesis)
await mustPost(did, genesis)
const created = await resolver.did.resolveAtprotoData(did)

const { sig: _sig, ...state } = genesis
const update = await sign({ ...state, alsoKnownAs: ['at://node-renamed.test'], prev: await cidOf(genesis) }, recovery)
await mustPost(did, update)
const renamed = await resolver.did.resolveAtprotoData(did, true)

const audit = await getJson(`/${did}/log/audit`)
const ops = [genesis, update]
let auditCidsMatch = audit.length === ops.length
for (let i = 0; i < audit.length && auditCidsMatch; i++) {
  auditCidsMatch = audit[i].cid === (await cidOf(audit[i].operation)) && audit[i].cid === (await cidOf(ops[i]))
    && audit[i].did === did && audit[i].nullified === false
}
const last = await getJson(`/${did}/log/last`)

const tombstone = await sign({ type: 'plc_tombstone', prev: await cidOf(update) }, pdsKey)
await mustPost(did, tombstone)
let tombstoneStatus = 200
try {
  await resolver.did.resolve(did, true)
} catch (err) {
  tombstoneStatus = err.status ?? -1
}

// An operation signed by a key the DID does not list.
const stranger = await crypto.Secp256k1Keypair.create()
const javaLast = await getJson(`/${input.did}/log/last`)
const bad = await post(input.did, await sign({ type: 'plc_tombstone', prev: await cidOf(javaLast) }, stranger))

const exported = (await (await fetch(`${plcUrl}/export?count=1000`)).text()).split('\n').filter((l) => l.length > 0)
const exportCids = exported.map((l) => JSON.parse(l)).filter((e) => e.did === did).map((e) => e.cid)

const entries = []
for (const op of [genesis, update, tombstone]) entries.push({ op, cid: await cidOf(op) })
process.stdout.write(JSON.stringify({
  java,
  missing,
  node: {
    did, ops: entries, created, renamed, audit, last, auditCidsMatch, tombstoneStatus,
    badStatus: bad.status, badMessage: JSON.parse(bad.text).message, exportCids,
  },
}))

// The Skein PDS's sync endpoints against the official verifiers. The DID's signing key always comes from
// the PLC directory (through @atproto/identity), never from the test.
// stdin: one JSON request; stdout: one JSON answer.
//   {"mode":"repo","service":"http://…","plcUrl":"http://…","did":"did:plc:…"}
//     -> com.atproto.sync.getRepo, checked with @atproto/repo verifyRepoCar (commit signature, DID, every
//        MST node and record): {"commit":"<cid>","rev":"…","creates":[{"path":"…","cid":"…"}]}
//   {"mode":"proofs","service":…,"plcUrl":…,"did":…,"claims":[{"collection":"…","rkey":"…","cid":"…"|null}]}
//     -> com.atproto.sync.getRecord for each claim, checked with verifyProofs (a null cid claims absence):
//        {"results":[{"verified":n,"unverified":n}]}
//   {"mode":"firehose","service":"ws://…","plcUrl":…,"cursor":n|null,"expectedCreates":n,"timeoutMs":n}
//     -> @atproto/sync Firehose on com.atproto.sync.subscribeRepos, which validates every message against the
//        lexicon and authenticates every commit (signature and inclusion proofs) with the key from the PLC
//        directory; stops after expectedCreates record creations or the timeout:
//        {"events":[{"event","did","seq","commit"?,"rev"?,"path"?,"cid"?}],"errors":["…"]}
import { verifyRepoCar, verifyProofs } from '@atproto/repo'
import { Firehose } from '@atproto/sync'
import { IdResolver } from '@atproto/identity'
import { CID } from 'multiformats/cid'

const request = JSON.parse(await new Promise((resolve) => {
  let s = ''
  process.stdin.on('data', (d) => (s += d))
  process.stdin.on('end', () => resolve(s))
}))
// The test PLC directory is plain http on 127.0.0.1, which the default SSRF-protected fetch refuses.
const idResolver = new IdResolver({ plcUrl: request.plcUrl, fetch: globalThis.fetch })

async function fetchCar(url) {
  const res = await fetch(url)
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`)
  if (!(res.headers.get('content-type') ?? '').startsWith('application/vnd.ipld.car')) {
    throw new Error(`${url}: content type ${res.headers.get('content-type')}`)
  }
  return new Uint8Array(await res.arrayBuffer())
}

async function repo() {
  const { signingKey } = await idResolver.did.resolveAtprotoData(request.did, true)
  const car = await fetchCar(`${request.service}/xrpc/com.atproto.sync.getRepo?did=${encodeURIComponent(request.did)}`)
  const verified = await verifyRepoCar(car, request.did, signingKey)
  return {
    commit: verified.commit.cid.toString(),
    rev: verified.commit.rev,
    creates: verified.creates.map((c) => ({ path: `${c.collection}/${c.rkey}`, cid: c.cid.toString() })),
  }
}

async function proofs() {
  const { signingKey } = await idResolver.did.resolveAtprotoData(request.did, true)
  const results = []
  for (const claim of request.claims) {
    const q = new URLSearchParams({ did: request.did, collection: claim.collection, rkey: claim.rkey })
    const car = await fetchCar(`${request.service}/xrpc/com.atproto.sync.getRecord?${q}`)
    const res = await verifyProofs(car, [{ collection: claim.collection, rkey: claim.rkey,
      cid: claim.cid === null ? null : CID.parse(claim.cid) }], request.did, signingKey)
    results.push({ verified: res.verified.length, unverified: res.unverified.length })
  }
  return { results }
}

async function firehose() {
  const events = []
  const errors = []
  let creates = 0
  let finish
  const done = new Promise((resolve) => (finish = resolve))
  let first = true
  const fh = new Firehose({
    service: request.service,
    idResolver,
    unauthenticatedHandles: true,
    // Only the first connection uses the request's cursor; a reconnection would resume and hide a gap.
    getCursor: async () => {
      if (!first) throw new Error('the firehose reconnected')
      first = false
      return request.cursor === null ? undefined : request.cursor
    },
    handleEvent: async (evt) => {
      const e = { event: evt.event, did: evt.did, seq: evt.seq }
      if (evt.commit) e.commit = evt.commit.toString()
      if (evt.rev) e.rev = evt.rev
      if ('collection' in evt) e.path = `${evt.collection}/${evt.rkey}`
      if (evt.cid) e.cid = evt.cid.toString()
      events.push(e)
      if (evt.event === 'create' && ++creates >= request.expectedCreates) finish()
    },
    onError: (err) => errors.push(`${err.message}: ${err.cause?.message ?? ''}`),
  })
  fh.start()
  const timer = setTimeout(finish, request.timeoutMs)
  await done
  clearTimeout(timer)
  await fh.destroy()
  return { events, errors }
}

const modes = { repo, proofs, firehose }
const out = await modes[request.mode]()
process.stdout.write(JSON.stringify(out))
process.exit(0)

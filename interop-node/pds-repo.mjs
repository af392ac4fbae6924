// The PDS's repository endpoints driven by the official client, @atproto/api's AtpAgent, which validates
// every response against its own lexicons: record writes (createRecord, putRecord with its no-op,
// deleteRecord, applyWrites), reads (getRecord, listRecords, describeRepo), the convenience methods
// (post, upsertProfile with its swapRecord retry, deletePost), uploadBlob and a post embedding the image,
// and the project's agent.* records: every example that must validate is written with validate: true,
// every example that must not is refused.
// stdin: {"service": "http://127.0.0.1:<port>", "handle", "email", "password",
//   "examples": [{"collection", "literalKey": "self"|null, "valid": [record...], "invalid": [{"why", "record"}...]}]}
// stdout: {"did", ...one field per step, see PdsRepoNodeInteropTest}
import { AtpAgent, ComAtprotoRepoPutRecord } from '@atproto/api'

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))
const out = {}

const agent = new AtpAgent({ service: input.service })
await agent.createAccount({ handle: input.handle, email: input.email, password: input.password })
const did = agent.did
out.did = did
const repo = agent.com.atproto.repo
const POST = 'app.bsky.feed.post'
const now = () => new Date().toISOString()
const failure = async (promise) => {
  try {
    return { ok: true, data: (await promise).data }
  } catch (e) {
    return { ok: false, status: e.status, error: e.error, message: e.message, className: e.constructor.name }
  }
}

// createRecord, getRecord
const created = (await repo.createRecord({ repo: did, collection: POST, record: { text: 'first', createdAt: now() } })).data
out.created = created
out.got = (await repo.getRecord({ repo: did, collection: POST, rkey: created.uri.split('/').pop() })).data

// putRecord: create, identical again (no commit), stale swap
const profile = { $type: 'app.bsky.actor.profile', displayName: 'Interop' }
out.put = (await repo.putRecord({ repo: did, collection: 'app.bsky.actor.profile', rkey: 'self', record: profile })).data
out.putAgain = (await repo.putRecord({ repo: did, collection: 'app.bsky.actor.profile', rkey: 'self', record: profile })).data
const stale = await failure(repo.putRecord({
  repo: did, collection: 'app.bsky.actor.profile', rkey: 'self', record: { ...profile, displayName: 'x' }, swapRecord: null,
}))
out.staleSwap = { ...stale, isInvalidSwapError: stale.className === ComAtprotoRepoPutRecord.InvalidSwapError.name }

// convenience methods: post, upsertProfile (getRecord + putRecord with swapRecord, retried on InvalidSwap)
out.post = await agent.post({ text: 'via agent.post' })
await agent.upsertProfile((existing) => ({ ...existing, description: 'an agent' }))
await Promise.all([1, 2, 3].map((n) => agent.upsertProfile((existing) => ({ ...existing, [`displayName`]: `Agent ${n}` }))))
out.profile = (await repo.getRecord({ repo: did, collection: 'app.bsky.actor.profile', rkey: 'self' })).data.value

// uploadBlob and a post embedding it
const png = Buffer.alloc(2048)
Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png)
const uploaded = (await agent.uploadBlob(png, { encoding: 'image/jpeg' })).data.blob
out.blob = { ref: uploaded.ref.toString(), mimeType: uploaded.mimeType, size: uploaded.size }
const imagePost = await agent.post({
  text: 'with a picture',
  embed: { $type: 'app.bsky.embed.images', images: [{ alt: 'a square', image: uploaded, aspectRatio: { width: 1, height: 1 } }] },
})
const gotImage = (await repo.getRecord({ repo: did, collection: POST, rkey: imagePost.uri.split('/').pop() })).data.value
out.imagePost = { uri: imagePost.uri, imageRef: gotImage.embed.images[0].image.ref.toString(), mimeType: gotImage.embed.images[0].image.mimeType }
out.listBlobs = (await agent.com.atproto.sync.listBlobs({ did })).data.cids
const blobBytes = (await agent.com.atproto.sync.getBlob({ did, cid: out.blob.ref })).data
out.blobBytesMatch = Buffer.from(blobBytes).equals(png)

// applyWrites: create, update, delete in one commit
const applied = (await repo.applyWrites({
  repo: did,
  writes: [
    { $type: 'com.atproto.repo.applyWrites#create', collection: POST, rkey: '3kaaaaaaaaa22', value: { $type: POST, text: 'batch', createdAt: now() } },
    { $type: 'com.atproto.repo.applyWrites#update', collection: POST, rkey: created.uri.split('/').pop(), value: { $type: POST, text: 'edited', createdAt: now() } },
    { $type: 'com.atproto.repo.applyWrites#delete', collection: POST, rkey: out.post.uri.split('/').pop() },
  ],
})).data
out.applied = applied

// listRecords: paging (descending by default) and reverse
const page1 = (await repo.listRecords({ repo: did, collection: POST, limit: 2 })).data
const page2 = (await repo.listRecords({ repo: did, collection: POST, limit: 2, cursor: page1.cursor })).data
const reversed = (await repo.listRecords({ repo: did, collection: POST, reverse: true })).data
out.list = {
  page1: page1.records.map((r) => r.uri.split('/').pop()),
  cursor1: page1.cursor ?? null,
  page2: page2.records.map((r) => r.uri.split('/').pop()),
  cursor2: page2.cursor ?? null,
  reversed: reversed.records.map((r) => r.uri.split('/').pop()),
}
out.describe = (await repo.describeRepo({ repo: input.handle })).data

// deleteRecord, deletePost, and a delete of a missing record
out.deleted = (await repo.deleteRecord({ repo: did, collection: POST, rkey: '3kaaaaaaaaa22' })).data
out.deletedAgain = (await repo.deleteRecord({ repo: did, collection: POST, rkey: '3kaaaaaaaaa22' })).data
await agent.deletePost(imagePost.uri)
out.gone = await failure(repo.getRecord({ repo: did, collection: POST, rkey: imagePost.uri.split('/').pop() }))

// agent.* examples: blob references in valid examples point at uploads of the same type
const bytesFor = (mimeType) => {
  const b = Buffer.alloc(512, 0x61)
  const heads = {
    'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
    'image/gif': [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
    'video/mp4': [0, 0, 0, 0x1c, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d],
  }
  Buffer.from(heads[mimeType] ?? []).copy(b)
  return b
}
const withUploads = async (value) => {
  if (Array.isArray(value)) return Promise.all(value.map(withUploads))
  if (value && typeof value === 'object') {
    if (value.$type === 'blob') {
      return (await agent.uploadBlob(bytesFor(value.mimeType), { encoding: value.mimeType })).data.blob
    }
    const copy = {}
    for (const [k, v] of Object.entries(value)) copy[k] = await withUploads(v)
    return copy
  }
  return value
}
out.examples = []
for (const ex of input.examples) {
  const result = { collection: ex.collection, valid: [], invalid: [] }
  for (const record of ex.valid) {
    const value = await withUploads(record)
    const written = ex.literalKey
      ? await failure(repo.putRecord({ repo: did, collection: ex.collection, rkey: ex.literalKey, record: value, validate: true }))
      : await failure(repo.createRecord({ repo: did, collection: ex.collection, record: value, validate: true }))
    result.valid.push(written)
  }
  for (const bad of ex.invalid) {
    const refused = ex.literalKey
      ? await failure(repo.putRecord({ repo: did, collection: ex.collection, rkey: ex.literalKey, record: bad.record, validate: true }))
      : await failure(repo.createRecord({ repo: did, collection: ex.collection, record: bad.record, validate: true }))
    result.invalid.push({ why: bad.why, ...refused })
  }
  out.examples.push(result)
}
out.status = (await agent.com.atproto.server.checkAccountStatus()).data
process.stdout.write(JSON.stringify(out))

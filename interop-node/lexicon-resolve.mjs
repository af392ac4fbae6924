// Resolves a Lexicon the way another implementation would, knowing only its authority DID and PDS: fetches the
// com.atproto.lexicon.schema record with @atproto/api (com.atproto.repo.getRecord, rkey = the NSID), follows its
// references within the same NSID prefix, loads the fetched documents ONLY into @atproto/lexicon's Lexicons and
// validates one record that must pass and one that must not. Then resolves the same NSID with
// @atproto/lex-resolver's LexResolver, its authority injected by the onResolveAuthority hook instead of the
// _lexicon DNS lookup: it resolves the DID at the PLC directory, fetches com.atproto.sync.getRecord from the PDS
// in the DID document and checks the record's Merkle proof and commit signature.
// (@atproto/lex-resolver is in package-lock.json as a dependency of the declared packages.)
// stdin: {"service": "http://127.0.0.1:<port>", "plc": "http://127.0.0.1:<port>", "did", "nsid", "prefix": "agent.",
//   "valid": record, "invalid": record}
// stdout: {"fetched": [nsid...], "uri", "cid", "valid": {"ok", "message"?}, "invalid": {"ok", "message"?},
//   "resolver": {"uri", "cid", "id"}}
import { AtpAgent } from '@atproto/api'
import { Lexicons } from '@atproto/lexicon'
import { LexResolver } from '@atproto/lex-resolver'

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))
const agent = new AtpAgent({ service: input.service })

const refsOf = (node, out) => {
  if (Array.isArray(node)) {
    node.forEach((n) => refsOf(n, out))
  } else if (node && typeof node === 'object') {
    if (typeof node.ref === 'string') out.push(node.ref)
    if (Array.isArray(node.refs)) out.push(...node.refs)
    Object.values(node).forEach((n) => refsOf(n, out))
  }
  return out
}

const fetched = new Map()
const out = {}
const todo = [input.nsid]
while (todo.length > 0) {
  const nsid = todo.pop()
  if (fetched.has(nsid) || !nsid.startsWith(input.prefix)) continue
  const { data } = await agent.com.atproto.repo.getRecord({
    repo: input.did, collection: 'com.atproto.lexicon.schema', rkey: nsid,
  })
  if (nsid === input.nsid) {
    out.uri = data.uri
    out.cid = data.cid
  }
  // The record is the Lexicon document plus its $type.
  const { $type, ...doc } = data.value
  fetched.set(nsid, doc)
  for (const ref of refsOf(doc.defs, [])) {
    if (!ref.startsWith('#')) todo.push(ref.split('#')[0])
  }
}
out.fetched = [...fetched.keys()].sort()

const lexicons = new Lexicons()
for (const doc of fetched.values()) lexicons.add(doc)
const verdict = (record) => {
  try {
    lexicons.assertValidRecord(input.nsid, record)
    return { ok: true }
  } catch (e) {
    return { ok: false, message: e.message }
  }
}
out.valid = verdict(input.valid)
out.invalid = verdict(input.invalid)

const resolver = new LexResolver({ plcDirectoryUrl: input.plc, hooks: { onResolveAuthority: () => input.did } })
const resolved = await resolver.get(input.nsid)
out.resolver = { uri: resolved.uri.toString(), cid: resolved.cid.toString(), id: resolved.lexicon.id }
process.stdout.write(JSON.stringify(out))

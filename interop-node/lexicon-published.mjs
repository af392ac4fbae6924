// The published Lexicon documents, as bundled in @atproto/api (its generated schemaDict), for comparison with the
// com.atproto.* and app.bsky.* files of lexicons/. Printed as bundled: references keep the bundle's "lex:" form.
// stdin: {"ids": ["com.atproto.repo.createRecord", ...]}
// stdout: {"documents": {"<nsid>": <document> | null, ...}, "all": ["<every bundled nsid>", ...]}
import { schemas } from '@atproto/api'

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const { ids } = JSON.parse(Buffer.concat(chunks).toString('utf8'))

const byId = new Map(schemas.map((s) => [s.id, s]))
const documents = Object.fromEntries(ids.map((id) => [id, byId.get(id) ?? null]))
process.stdout.write(JSON.stringify({ documents, all: [...byId.keys()].sort() }))

// Every Lexicon schema bundled in @atproto/api (com.atproto.*, app.bsky.*, chat.bsky.*, tools.ozone.*), as a
// JSON array on stdout, for dev.skein.core.lexicon to parse. The generated bundle writes references as
// "lex:nsid#name" URIs; they are turned back into the schema-file form ("nsid#name").
import { schemas } from '@atproto/api'

const unLex = (ref) => (typeof ref === 'string' && ref.startsWith('lex:') ? ref.slice(4) : ref)

function restore(value) {
  if (Array.isArray(value)) return value.map(restore)
  if (value === null || typeof value !== 'object') return value
  const out = {}
  for (const [key, v] of Object.entries(value)) {
    if (key === 'ref' && value.type === 'ref') out[key] = unLex(v)
    else if (key === 'refs' && value.type === 'union' && Array.isArray(v)) out[key] = v.map(unLex)
    else out[key] = restore(v)
  }
  return out
}

process.stdout.write(JSON.stringify(schemas.map(restore)))

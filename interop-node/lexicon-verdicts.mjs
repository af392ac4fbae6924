// Verdicts of the official @atproto/lexicon record validation, with the schemas bundled in @atproto/api, for
// comparison with dev.skein.core.lexicon.
// stdin: {"cases": [{"collection": "<nsid>", "record": <record in the JSON data representation>}, ...]}
// stdout: {"verdicts": [{"ok": true} | {"ok": false, "message": "..."}, ...]}
import { Lexicons, jsonToLex } from '@atproto/lexicon'
import { schemas } from '@atproto/api'

const lexicons = new Lexicons(schemas)

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))

const verdicts = input.cases.map(({ collection, record }) => {
  try {
    lexicons.assertValidRecord(collection, jsonToLex(record))
    return { ok: true }
  } catch (e) {
    return { ok: false, message: String(e?.message ?? e) }
  }
})
process.stdout.write(JSON.stringify({ verdicts }))

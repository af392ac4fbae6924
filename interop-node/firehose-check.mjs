// Firehose frame cross-check against the reference decoder and lexicon.
// stdin: JSON array of hex frames. stdout: JSON array, one answer per frame:
//   {"op":1,"t":"#commit","valid":true|false,"error":"...","reencoded":"<hex>"}
// Each frame is split with @atproto/xrpc-server's Frame.fromBytes (which rejects trailing items), a
// message payload is validated as the subscribeRepos lexicon message (with $type added back from t, as
// the reference Subscription does), and the frame is re-encoded to compare bytes.
import { Frame } from '@atproto/xrpc-server'
import { Lexicons } from '@atproto/lexicon'
import { schemas } from '@atproto/api'

const NSID = 'com.atproto.sync.subscribeRepos'
const lexicons = new Lexicons(schemas)
const input = JSON.parse(await new Promise((resolve) => {
  let s = ''
  process.stdin.on('data', (d) => (s += d))
  process.stdin.on('end', () => resolve(s))
}))

const out = []
for (const hex of input) {
  const answer = {}
  try {
    const frame = Frame.fromBytes(new Uint8Array(Buffer.from(hex, 'hex')))
    answer.op = frame.op
    answer.reencoded = Buffer.from(frame.toBytes()).toString('hex')
    if (frame.isMessage()) {
      answer.t = frame.type
      try {
        lexicons.assertValidXrpcMessage(NSID, { $type: NSID + frame.type, ...frame.body })
        answer.valid = true
      } catch (e) {
        answer.valid = false
        answer.error = String(e.message ?? e)
      }
    } else {
      answer.error = frame.body.error
      answer.message = frame.body.message ?? null
      answer.valid = true
    }
  } catch (e) {
    answer.valid = false
    answer.error = 'frame: ' + String(e.message ?? e)
  }
  out.push(answer)
}
console.log(JSON.stringify(out))

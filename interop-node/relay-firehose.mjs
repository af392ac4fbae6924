// Consumes the Skein relay's subscribeRepos with @atproto/sync's Firehose, which validates every message against
// the lexicon and authenticates every commit (signature and per-op inclusion proofs) with keys resolved from the
// PLC directory it is given.
// args: <relay ws url> <plc url> <expected event count> <timeout ms>
// stdout: {"events":[{event,did,seq,collection?,rkey?,cid?}], "errors":["..."]}
import { Firehose } from '@atproto/sync'
import { IdResolver } from '@atproto/identity'

const [service, plcUrl, expected, timeoutMs] = process.argv.slice(2)
const events = []
const errors = []
// The test PLC directory is plain http on localhost, which the default SSRF-protected fetch refuses.
const idResolver = new IdResolver({ plcUrl, fetch: globalThis.fetch })
let finish
const done = new Promise((resolve) => (finish = resolve))
const firehose = new Firehose({
  service,
  idResolver,
  unauthenticatedHandles: true,
  getCursor: async () => (events.length === 0 ? 0 : undefined),
  handleEvent: async (evt) => {
    const e = { event: evt.event, did: evt.did, seq: evt.seq }
    if ('collection' in evt) {
      e.collection = evt.collection
      e.rkey = evt.rkey
      if (evt.cid) e.cid = evt.cid.toString()
    }
    events.push(e)
    if (events.length >= Number(expected)) finish()
  },
  onError: (err) => {
    errors.push(`${err.message}: ${err.cause?.message ?? ''}`)
  },
})
firehose.start()
const timer = setTimeout(finish, Number(timeoutMs))
await done
clearTimeout(timer)
await firehose.destroy()
process.stdout.write(JSON.stringify({ events, errors }))
process.exit(0)

// Consumes the Skein relay's Jetstream-compatible stream with a real Jetstream client.
// args: <skyware|atcute> <relay base ws url> <wantedCollections, comma-separated or -> <wantedDids, comma-separated or ->
//       <expected event count> <timeout ms>
// Both clients replay from cursor 1 (every event after that microsecond). @atcute/jetstream validates every event
// against its schema and always asks for requireHello.
// stdout: {"events":[<the events as the client hands them over>], "errors":["..."]}
import { Jetstream } from '@skyware/jetstream'
import { JetstreamSubscription } from '@atcute/jetstream'

const [client, base, collectionsArg, didsArg, expected, timeoutMs] = process.argv.slice(2)
const wantedCollections = collectionsArg === '-' ? [] : collectionsArg.split(',')
const wantedDids = didsArg === '-' ? [] : didsArg.split(',')
const events = []
const errors = []
let finish
const done = new Promise((resolve) => (finish = resolve))
const timer = setTimeout(finish, Number(timeoutMs))
const take = (e) => {
  events.push(e)
  if (events.length >= Number(expected)) finish()
}

if (client === 'skyware') {
  const js = new Jetstream({ endpoint: `${base}/subscribe`, wantedCollections, wantedDids, cursor: 1 })
  js.on('commit', take)
  js.on('identity', take)
  js.on('account', take)
  js.on('error', (e) => errors.push(String(e?.message ?? e)))
  js.start()
  await done
  js.close()
} else {
  const sub = new JetstreamSubscription({
    url: base,
    wantedCollections,
    wantedDids,
    cursor: 1,
    onError: (e) => errors.push(String(e?.message ?? e)),
  })
  const iterate = (async () => {
    for await (const e of sub) {
      take(e)
      if (events.length >= Number(expected)) break
    }
  })()
  await Promise.race([done, iterate])
}
clearTimeout(timer)
process.stdout.write(JSON.stringify({ events, errors }))
process.exit(0)

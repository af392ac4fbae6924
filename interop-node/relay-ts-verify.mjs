// The TypeScript side of the relay comparison: @atproto/sync's Firehose verifying the frames the relay's load
// generator dumped (RelayLoadGenerator --dump DIR), on this machine, as a consumer would: the frames are served over
// a WebSocket (from a worker thread of this process, so serving does not take the verifier's thread), the Firehose
// validates every message against the lexicon and authenticates every commit (signature and per-operation inclusion
// proofs) with keys from a PLC directory served over HTTP, cached as IdResolver caches them (warmed before the clock
// starts, as the relay's cache is warm in its sustained figures).
// Note: the Firehose skips commits without operations (a repository's first, empty commit) without verifying them, so
// only commits with operations are counted.
// args: <dump dir> [timeout ms]
// stdout: {"frames","commitsWithOps","ops","verifiedOps","verifiedCommits","errors":[...],"seconds","commitsPerSecond",
//          "cpuSeconds" (this thread's user+system time meanwhile), "commitsPerCpuSecond"}
import { readFileSync } from 'node:fs'
import http from 'node:http'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { WebSocketServer } from 'ws'

if (!isMainThread) {
  // The WebSocket server: every frame of the dump, in order, to each connection, minding the socket's buffer.
  const frames = readFrames(workerData.dir)
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  wss.on('listening', () => parentPort.postMessage({ port: wss.address().port }))
  wss.on('connection', async (ws) => {
    for (const f of frames) {
      if (ws.readyState !== ws.OPEN) return
      ws.send(f, { binary: true })
      if (ws.bufferedAmount > 8 * 1024 * 1024) {
        while (ws.bufferedAmount > 1024 * 1024) await new Promise((r) => setTimeout(r, 1))
      }
    }
  })
} else {
  await main()
}

function readFrames(dir) {
  const buf = readFileSync(`${dir}/frames.bin`)
  const frames = []
  for (let at = 0; at < buf.length; ) {
    const len = buf.readUInt32BE(at)
    frames.push(buf.subarray(at + 4, at + 4 + len))
    at += 4 + len
  }
  return frames
}

async function main() {
  const [dir, timeoutArg] = process.argv.slice(2)
  const timeoutMs = Number(timeoutArg ?? 600000)
  const { Firehose } = await import('@atproto/sync')
  const { IdResolver, MemoryCache } = await import('@atproto/identity')
  const meta = JSON.parse(readFileSync(`${dir}/meta.json`, 'utf8'))
  const docs = JSON.parse(readFileSync(`${dir}/dids.json`, 'utf8'))

  const plc = http.createServer((req, res) => {
    const doc = docs[decodeURIComponent(req.url.slice(1))]
    res.writeHead(doc ? 200 : 404, { 'content-type': 'application/json' })
    res.end(JSON.stringify(doc ?? { message: 'DID not registered' }))
  })
  await new Promise((r) => plc.listen(0, '127.0.0.1', r))
  const plcUrl = `http://127.0.0.1:${plc.address().port}`
  // The PLC directory is plain http on localhost, which the default SSRF-protected fetch refuses.
  const idResolver = new IdResolver({ plcUrl, didCache: new MemoryCache(), fetch: globalThis.fetch })
  for (const did of Object.keys(docs)) await idResolver.did.resolveAtprotoKey(did)

  const server = new Worker(new URL(import.meta.url), { workerData: { dir } })
  const port = await new Promise((r) => server.once('message', (m) => r(m.port)))

  const errors = []
  const commits = new Set()
  let verifiedOps = 0
  let start = 0
  let cpuStart = null
  let finish
  const done = new Promise((r) => (finish = r))
  const firehose = new Firehose({
    service: `ws://127.0.0.1:${port}`,
    idResolver,
    excludeIdentity: true,
    excludeAccount: true,
    excludeSync: true,
    handleEvent: async (evt) => {
      if (start === 0) {
        start = performance.now()
        cpuStart = process.threadCpuUsage ? process.threadCpuUsage() : process.cpuUsage()
      }
      verifiedOps++
      commits.add(`${evt.did} ${evt.rev}`)
      if (verifiedOps >= meta.ops) finish()
    },
    onError: (err) => {
      errors.push(`${err.message}: ${err.cause?.message ?? ''}`)
      if (errors.length > 100) finish()
    },
  })
  firehose.start()
  const timer = setTimeout(finish, timeoutMs)
  await done
  const seconds = (performance.now() - start) / 1000
  const cpu = process.threadCpuUsage ? process.threadCpuUsage(cpuStart) : process.cpuUsage(cpuStart)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  clearTimeout(timer)
  await firehose.destroy()
  await server.terminate()
  plc.close()
  process.stdout.write(JSON.stringify({
    frames: meta.frames,
    commitsWithOps: meta.commitsWithOps,
    ops: meta.ops,
    verifiedOps,
    verifiedCommits: commits.size,
    errors: errors.slice(0, 20),
    seconds,
    commitsPerSecond: commits.size / seconds,
    cpuSeconds,
    commitsPerCpuSecond: commits.size / cpuSeconds,
  }))
  process.exit(0)
}

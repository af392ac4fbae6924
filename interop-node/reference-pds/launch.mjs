// Starts the reference TypeScript PDS (@atproto/pds) and, unless --plc-url names one, the reference PLC
// directory (@did-plc/server with its in-memory database, as @atproto/dev-env runs it), each on a free port
// of 127.0.0.1. Prints one JSON line {"ready":true,"pds":...,"plc":...,"serviceDid":...} once both answer,
// and stops both cleanly when its standard input closes or it gets SIGTERM/SIGINT.
//
// Usage: node launch.mjs --data DIR [--plc-url URL] [--port N] [--crawlers URL,URL]
//
// The PDS's hostname is "localhost", so its public URL (the endpoint it writes into DID documents) is
// http://localhost:<port> and its service DID did:web:localhost. It logs to DIR/pds.log.
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values: opts } = parseArgs({
  options: {
    data: { type: 'string' },
    'plc-url': { type: 'string' },
    port: { type: 'string' },
    crawlers: { type: 'string' },
  },
})
if (!opts.data) {
  console.error('usage: node launch.mjs --data DIR [--plc-url URL] [--port N] [--crawlers URL,URL]')
  process.exit(2)
}
const data = path.resolve(opts.data)
fs.mkdirSync(data, { recursive: true })

// Logging is read from the environment when @atproto/pds is first imported.
process.env.LOG_ENABLED = 'true'
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'info'
process.env.LOG_DESTINATION = path.join(data, 'pds.log')

const { PDS, envToCfg, envToSecrets, readEnv } = await import('@atproto/pds')
const { Secp256k1Keypair } = await import('@atproto/crypto')
const { PlcServer, Database: PlcDatabase } = await import('@did-plc/server')

/** A port that was free a moment ago: the PDS needs its port before it listens (it is in its public URL). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

let plc = null
let pds = null
let stopping = false

async function stop(code) {
  if (stopping) return
  stopping = true
  try {
    if (pds) await pds.destroy()
    if (plc) await plc.destroy()
  } catch (err) {
    console.error('launch.mjs: error while stopping:', err)
    code = code || 1
  }
  process.exit(code)
}

process.on('SIGTERM', () => stop(0))
process.on('SIGINT', () => stop(0))
process.stdin.on('end', () => stop(0))
process.stdin.on('close', () => stop(0))
process.stdin.resume()

try {
  let plcUrl = opts['plc-url']
  if (!plcUrl) {
    plc = PlcServer.create({ db: PlcDatabase.mock(), port: await freePort() })
    const server = await plc.start()
    plcUrl = `http://localhost:${server.address().port}`
  }

  const port = opts.port ? Number(opts.port) : await freePort()
  const rotationKey = await Secp256k1Keypair.create({ exportable: true })
  const env = {
    ...readEnv(),
    port,
    hostname: 'localhost',
    devMode: true,
    dataDirectory: data,
    blobstoreDiskLocation: path.join(data, 'blobs'),
    didPlcUrl: plcUrl,
    inviteRequired: false,
    crawlers: opts.crawlers ? opts.crawlers.split(',') : [],
    rateLimitsEnabled: false,
    jwtSecret: crypto.randomBytes(32).toString('hex'),
    adminPassword: crypto.randomBytes(16).toString('hex'),
    plcRotationKeyK256PrivateKeyHex: Buffer.from(await rotationKey.export()).toString('hex'),
  }
  pds = await PDS.create(envToCfg(env), envToSecrets(env))
  await pds.start()

  const pdsUrl = `http://localhost:${port}`
  const health = await fetch(`${pdsUrl}/xrpc/_health`)
  if (!health.ok) throw new Error(`the PDS does not answer: ${health.status}`)
  console.log(JSON.stringify({ ready: true, pds: pdsUrl, plc: plcUrl, serviceDid: pds.ctx.cfg.service.did }))
} catch (err) {
  console.error('launch.mjs: could not start:', err)
  await stop(1)
}

// The PDS's account endpoints driven by the official client, @atproto/api's AtpAgent (which validates every
// response against its lexicons), and resolved by @atproto/identity's IdResolver.
// stdin, phase "create": {"phase": "create", "service": "http://127.0.0.1:<port>", "plcUrl": "...",
//   "handle": "...", "email": "...", "password": "..."}
// stdout: {"describe": {...}, "created": {did, handle}, "session": {...the login session...},
//   "getSession": {...}, "appPassword": {"did", "scope"}, "resolved": {"handleDid", "atproto": {...}}}
// stdin, phase "expired" (the server's clock has moved past the access token's life):
//   {"phase": "expired", "service": "...", "session": {...}}
// stdout: {"status": {...checkAccountStatus...}, "events": ["update", ...], "accessChanged": bool,
//   "resumed": {"did", "handle"}}
import http from 'node:http'
import { AtpAgent } from '@atproto/api'
import { IdResolver } from '@atproto/identity'

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))
const out = {}

const claims = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'))

// Handles resolve over HTTPS at https://<handle>/.well-known/atproto-did. Here that request goes to the PDS
// over plain HTTP, with the handle as the Host header, which is what the PDS routes on.
const pds = new URL(input.service)
const wellKnownToPds = async (url, init) => {
  const u = new URL(url instanceof Request ? url.url : url)
  if (u.protocol === 'https:' && u.pathname === '/.well-known/atproto-did') {
    return await new Promise((resolve, reject) => {
      const req = http.request({ host: pds.hostname, port: pds.port, path: u.pathname, method: 'GET',
        headers: { host: u.hostname } }, (res) => {
        const body = []
        res.on('data', (c) => body.push(c))
        res.on('end', () => resolve(new Response(Buffer.concat(body), { status: res.statusCode })))
      })
      req.on('error', reject)
      req.end()
    })
  }
  return fetch(url, init)
}

if (input.phase === 'create') {
  const agent = new AtpAgent({ service: input.service })
  out.describe = (await agent.com.atproto.server.describeServer()).data
  const created = await agent.createAccount({ handle: input.handle, email: input.email, password: input.password })
  out.created = { did: created.data.did, handle: created.data.handle }
  out.getSession = (await agent.com.atproto.server.getSession()).data
  const app = (await agent.com.atproto.server.createAppPassword({ name: 'interop' })).data

  const login = new AtpAgent({ service: input.service })
  await login.login({ identifier: input.handle, password: input.password })
  out.session = login.session

  const appAgent = new AtpAgent({ service: input.service })
  await appAgent.login({ identifier: input.email, password: app.password })
  const appSession = (await appAgent.com.atproto.server.getSession()).data
  out.appPassword = { did: appSession.did, scope: claims(appAgent.session.accessJwt).scope }

  const resolver = new IdResolver({ plcUrl: input.plcUrl, fetch: wellKnownToPds })
  const handleDid = await resolver.handle.resolve(input.handle)
  out.resolved = { handleDid, atproto: await resolver.did.resolveAtprotoData(handleDid) }
} else if (input.phase === 'expired') {
  const events = []
  const agent = new AtpAgent({ service: input.service, persistSession: (evt) => events.push(evt) })
  agent.sessionManager.session = { ...input.session }
  out.status = (await agent.com.atproto.server.checkAccountStatus()).data
  out.events = events
  out.accessChanged = agent.session.accessJwt !== input.session.accessJwt

  const resumed = new AtpAgent({ service: input.service })
  await resumed.resumeSession({ ...input.session })
  const me = (await resumed.com.atproto.server.getSession()).data
  out.resumed = { did: me.did, handle: me.handle }
} else {
  throw new Error('unknown phase ' + input.phase)
}
process.stdout.write(JSON.stringify(out))

// Creates accounts and writes records on PDS hosts with the official client, @atproto/api's AtpAgent: the same
// steps on Skein's PDS and on the reference TypeScript PDS, so a relay crawling both sees the same kinds of
// commits from each. Per account: createAccount, three posts, the profile, an edit of the first post
// (putRecord) and the deletion of the second; then, for an account given "newHandle", a handle change
// (#identity) and the deactivation of the account (#account).
// stdin: {"accounts": [{"service": "http://localhost:<port>", "handle", "email", "password", "newHandle"?}]}
// stdout: {"accounts": [{"service", "did", "ops": ["<did> <collection> <rkey> <create|update|delete>"],
//          "latest": {"cid", "rev"} (before any deactivation), "status": {<com.atproto.sync.getRepoStatus from the
//          PDS, at the end>}, "deactivated"}]}
import { AtpAgent } from '@atproto/api'

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))
const POST = 'app.bsky.feed.post'
const PROFILE = 'app.bsky.actor.profile'
const now = () => new Date().toISOString()
const rkeyOf = (uri) => uri.split('/').pop()

const out = { accounts: [] }
for (const account of input.accounts) {
  const agent = new AtpAgent({ service: account.service })
  await agent.createAccount({ handle: account.handle, email: account.email, password: account.password })
  const did = agent.did
  const repo = agent.com.atproto.repo
  const ops = []
  const op = (collection, rkey, action) => ops.push(`${did} ${collection} ${rkey} ${action}`)

  const posts = []
  for (let i = 0; i < 3; i++) {
    const created = await repo.createRecord({ repo: did, collection: POST, record: { text: `post ${i} on ${account.handle}`, createdAt: now() } })
    posts.push(rkeyOf(created.data.uri))
    op(POST, posts[i], 'create')
  }
  await repo.putRecord({ repo: did, collection: PROFILE, rkey: 'self', record: { $type: PROFILE, displayName: account.handle } })
  op(PROFILE, 'self', 'create')
  await repo.putRecord({ repo: did, collection: POST, rkey: posts[0], record: { text: 'edited', createdAt: now() } })
  op(POST, posts[0], 'update')
  await repo.deleteRecord({ repo: did, collection: POST, rkey: posts[1] })
  op(POST, posts[1], 'delete')

  const latest = (await agent.com.atproto.sync.getLatestCommit({ did })).data
  if (account.newHandle) {
    await agent.com.atproto.identity.updateHandle({ handle: account.newHandle })
    await agent.com.atproto.server.deactivateAccount({})
  }
  const status = (await agent.com.atproto.sync.getRepoStatus({ did })).data
  out.accounts.push({
    service: account.service,
    did,
    ops,
    latest: { cid: latest.cid, rev: latest.rev },
    status,
    deactivated: Boolean(account.newHandle),
  })
}
process.stdout.write(JSON.stringify(out))

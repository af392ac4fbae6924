// MST roots from @atproto/repo for the key sets Java sends.
// stdin: [{"puts":[["key","cid"],...],"deletes":["key",...]}, ...]  stdout: [{"root":"bafy...","size":N}, ...]
import { CID } from 'multiformats/cid'
import { MST, MemoryBlockstore } from '@atproto/repo'

const input = JSON.parse(await new Promise((resolve) => {
  let data = ''
  process.stdin.on('data', (c) => (data += c))
  process.stdin.on('end', () => resolve(data))
}))

const out = []
for (const c of input) {
  let mst = await MST.create(new MemoryBlockstore())
  for (const [key, cid] of c.puts) {
    const value = CID.parse(cid)
    mst = (await mst.get(key)) ? await mst.update(key, value) : await mst.add(key, value)
  }
  for (const key of c.deletes) mst = await mst.delete(key)
  out.push({ root: (await mst.getPointer()).toString(), size: await mst.leafCount() })
}
process.stdout.write(JSON.stringify(out))

import { didDocumentValidator } from '@atproto/did'
import { ensureAtpDocument } from '@atproto/identity'
import fs from 'node:fs'
const doc = JSON.parse(fs.readFileSync('/tmp/doc.json','utf8'))
const r = didDocumentValidator.safeParse(doc)
console.log(JSON.stringify(r.success ? 'ok' : r.error.issues))
try { console.log(JSON.stringify(ensureAtpDocument(doc))) } catch (e) { console.log('ensure', e.message) }

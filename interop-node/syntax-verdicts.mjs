// Verdicts of the official @atproto/syntax validators, for comparison with dev.skein.core.syntax.
// stdin: {"cases": [{"kind": "did", "value": "..."}, ...], "tids": [{"micros": "<decimal>", "clockId": n}],
//         "tidStrings": ["..."]}
// stdout: {"verdicts": [true|false, ...], "tids": ["<13 chars>", ...],
//          "decoded": [{"micros": "<decimal>", "clockId": n}, ...]}
import * as syntax from '@atproto/syntax'
import { TID } from '@atproto/common-web'

const checks = {
  did: (v) => syntax.isValidDid(v),
  handle: (v) => syntax.isValidHandle(v),
  nsid: (v) => syntax.isValidNsid(v),
  recordkey: (v) => syntax.isValidRecordKey(v),
  tid: (v) => syntax.isValidTid(v),
  aturi: (v) => syntax.isAtUriString(v),
  atidentifier: (v) => syntax.isAtIdentifierString(v),
  datetime: (v) => syntax.isDatetimeString(v),
  language: (v) => syntax.parseLanguageString(v) != null,
  uri: (v) => syntax.isValidUri(v),
}

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))

const verdicts = (input.cases ?? []).map(({ kind, value }) => {
  const check = checks[kind]
  if (!check) throw new Error(`unknown kind ${kind}`)
  try {
    return check(value) === true
  } catch {
    return false
  }
})
const tids = (input.tids ?? []).map(({ micros, clockId }) => TID.fromTime(Number(micros), clockId).toString())
const decoded = (input.tidStrings ?? []).map((s) => {
  const tid = TID.fromStr(s)
  return { micros: String(tid.timestamp()), clockId: tid.clockid() }
})
process.stdout.write(JSON.stringify({ verdicts, tids, decoded }))

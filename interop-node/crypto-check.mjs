// Cross-checks Skein's dev.skein.core.crypto with @atproto/crypto.
// stdin: {"java": [{alg, privateKeyHex?, did, messageHex, sigHex}], "nodeKeysPerCurve": n, "messagesHex": [..]}
// stdout: {"javaChecks": [{strict, lenient, parsedAlg, reformattedDid, didFromPrivate?, nodeSigHex?}],
//          "node": [{alg, privateKeyHex, did, messageHex, sigHex}]}
// strict and lenient are true, false, or "error: ..." (verifySignature throws on a signature that is not
// 64 bytes rather than returning false).
import {
  P256Keypair,
  Secp256k1Keypair,
  formatDidKey,
  parseDidKey,
  verifySignature,
} from '@atproto/crypto';

const hex = (bytes) => Buffer.from(bytes).toString('hex');
const bytes = (h) => new Uint8Array(Buffer.from(h, 'hex'));
const attempt = async (verify) => {
  try {
    return await verify();
  } catch (e) {
    return `error: ${e.message}`;
  }
};
const keypairClass = (alg) => {
  if (alg === 'ES256K') return Secp256k1Keypair;
  if (alg === 'ES256') return P256Keypair;
  throw new Error(`unknown alg ${alg}`);
};

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const javaChecks = [];
for (const c of input.java) {
  const msg = bytes(c.messageHex);
  const sig = bytes(c.sigHex);
  const parsed = parseDidKey(c.did);
  const check = {
    strict: await attempt(() => verifySignature(c.did, msg, sig)),
    lenient: await attempt(() => verifySignature(c.did, msg, sig, { allowMalleableSig: true })),
    parsedAlg: parsed.jwtAlg,
    reformattedDid: formatDidKey(parsed.jwtAlg, parsed.keyBytes),
  };
  if (c.privateKeyHex) {
    const keypair = await keypairClass(c.alg).import(c.privateKeyHex);
    check.didFromPrivate = keypair.did();
    check.nodeSigHex = hex(await keypair.sign(msg));
  }
  javaChecks.push(check);
}

const node = [];
for (const alg of ['ES256K', 'ES256']) {
  for (let i = 0; i < input.nodeKeysPerCurve; i++) {
    const keypair = await keypairClass(alg).create({ exportable: true });
    for (const messageHex of input.messagesHex) {
      node.push({
        alg,
        privateKeyHex: hex(await keypair.export()),
        did: keypair.did(),
        messageHex,
        sigHex: hex(await keypair.sign(bytes(messageHex))),
      });
    }
  }
}

process.stdout.write(JSON.stringify({ javaChecks, node }));

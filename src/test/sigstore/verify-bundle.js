// Verifies a sigstore bundle with sigstore-js (@sigstore/verify) against a TrustedRoot given as a file, then checks
// its in-toto subject against a tarball as npm does (libnpmpublish verifyProvenance, npm audit signatures).
// usage: node verify-bundle.js <modules dir> <bundle.json> <trusted_root.json> <tarball> <purl> [<expected SAN>]
// Prints one JSON line {ok, ...}; exits 1 when verification fails.
'use strict'
const path = require('node:path')
const fs = require('node:fs')
const crypto = require('node:crypto')
const { createRequire } = require('node:module')

const [dir, bundlePath, rootPath, tarballPath, purl, san] = process.argv.slice(2)
const req = createRequire(path.join(dir, 'package.json'))
const { bundleFromJSON } = req('@sigstore/bundle')
const { TrustedRoot } = req('@sigstore/protobuf-specs')
const { toTrustMaterial, toSignedEntity, Verifier } = req('@sigstore/verify')

try {
  const json = JSON.parse(fs.readFileSync(bundlePath, 'utf8'))
  const bundle = bundleFromJSON(json)
  const trust = toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(fs.readFileSync(rootPath, 'utf8'))))
  const policy = san ? { subjectAlternativeName: san } : undefined
  const signer = new Verifier(trust).verify(toSignedEntity(bundle), policy)
  const statement = JSON.parse(Buffer.from(json.dsseEnvelope.payload, 'base64').toString('utf8'))
  if (!statement.subject || statement.subject.length !== 1) {
    throw Object.assign(new Error('expected exactly one subject'), { code: 'SUBJECT_ERROR' })
  }
  const sha512 = crypto.createHash('sha512').update(fs.readFileSync(tarballPath)).digest('hex')
  if (statement.subject[0].name !== purl) {
    throw Object.assign(new Error(`subject ${statement.subject[0].name} is not ${purl}`), { code: 'SUBJECT_ERROR' })
  }
  if (statement.subject[0].digest.sha512 !== sha512) {
    throw Object.assign(new Error('subject digest does not match the tarball'), { code: 'SUBJECT_ERROR' })
  }
  console.log(JSON.stringify({
    ok: true,
    verifier: req('@sigstore/verify/package.json').version,
    san: signer.identity && signer.identity.subjectAlternativeName,
    issuer: signer.identity && signer.identity.extensions && signer.identity.extensions.issuer,
  }))
} catch (e) {
  console.log(JSON.stringify({ ok: false, code: e.code || e.name, message: e.message }))
  process.exit(1)
}

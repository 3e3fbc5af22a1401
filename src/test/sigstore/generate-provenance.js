// Runs npm's own libnpmpublish generateProvenance (the copy bundled in the installed npm) for one subject, with the
// CI variables of this process's environment, against the given Fulcio and Rekor; prints the bundle JSON.
// usage: node generate-provenance.js <modules dir> <purl> <sha512 hex> <fulcio URL> <rekor URL>
'use strict'
const path = require('node:path')
const { createRequire } = require('node:module')

const [dir, name, sha512, fulcioURL, rekorURL] = process.argv.slice(2)
const req = createRequire(path.join(dir, 'node_modules', 'npm', 'package.json'))
const { generateProvenance } = req('libnpmpublish/lib/provenance.js')

generateProvenance([{ name, digest: { sha512 } }], { fulcioURL, rekorURL })
  .then((bundle) => {
    process.stdout.write(JSON.stringify({
      libnpmpublish: req('libnpmpublish/package.json').version,
      npm: req('./package.json').version,
      bundle,
    }))
  })
  .catch((e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e))
    process.exit(1)
  })

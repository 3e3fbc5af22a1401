// The in-test sigstore (Fulcio, CT log, Rekor) and an npmjs-like front for the IT's Verdaccio (OIDC exchange,
// visibility), on the ports the build reserved; verify.groovy stops them.
import io.github.npmreg.testing.ItProvenance

ItProvenance.start(itProvenancePortSigstore, itProvenancePortFront, itRegistryDir)
return true

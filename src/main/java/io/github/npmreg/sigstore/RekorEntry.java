package io.github.npmreg.sigstore;

import java.util.List;

/**
 * One Rekor v1 log entry as the log returned it ({@code POST /api/v1/log/entries}): the canonicalized body, where it
 * sits in the log, the signed entry timestamp (the log's promise to include it) and, from Rekor 1.1 on, the inclusion
 * proof with the signed checkpoint.
 *
 * @param uuid                 the entry's id, the key of Rekor's answer
 * @param logIndex             its index in the whole log (what search.sigstore.dev shows)
 * @param logIdHex             sha256 of the log's public key, hex
 * @param integratedTime       seconds since the epoch
 * @param bodyBase64           the canonicalized entry, base64
 * @param signedEntryTimestamp the SET, base64, or {@code null}
 * @param inclusionProof       the proof, or {@code null} when the log sent none
 */
public record RekorEntry(String uuid, long logIndex, String logIdHex, long integratedTime, String bodyBase64,
        String signedEntryTimestamp, InclusionProof inclusionProof) {

    /**
     * @param logIndex   the entry's index in the log shard that holds it
     * @param rootHashHex the tree's root hash, hex
     * @param hashesHex  the audit path, hex, from the leaf up
     * @param checkpoint the signed note for that tree head
     */
    public record InclusionProof(long logIndex, String rootHashHex, long treeSize, List<String> hashesHex,
            String checkpoint) {
        public InclusionProof {
            hashesHex = List.copyOf(hashesHex);
        }
    }
}

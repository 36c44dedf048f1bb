import CXXHash

/// Debian's XXH3 streaming state (`XXH3_state_t`), owned: freed with the object. A
/// `StableHasher` copies it before changing a shared one, so copies of a hasher stay apart.
final class XXH3Stream: @unchecked Sendable {
    // Only its owner changes it, and only when no other hasher holds it (`isKnownUniquelyReferenced`).
    private let state: OpaquePointer

    init() {
        guard let state = XXH3_createState() else { preconditionFailure("XXH3_createState: out of memory") }
        self.state = state
        let status = XXH3_64bits_reset(state)
        precondition(status == XXH_OK, "XXH3_64bits_reset failed")
    }

    private init(copying other: XXH3Stream) {
        guard let state = XXH3_createState() else { preconditionFailure("XXH3_createState: out of memory") }
        self.state = state
        XXH3_copyState(state, other.state)
    }

    deinit { XXH3_freeState(state) }

    func copy() -> XXH3Stream { XXH3Stream(copying: self) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        let status = XXH3_64bits_update(state, bytes.baseAddress, bytes.count)
        precondition(status == XXH_OK, "XXH3_64bits_update failed")
    }

    /// The hash of everything given so far; the state is left as it was.
    func digest() -> UInt64 { XXH3_64bits_digest(state) }
}

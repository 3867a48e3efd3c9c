extension StringProtocol {
    /// `body` on the text's UTF-8 bytes: in place for a native string (every
    /// string a document gives), copied otherwise. Iterating `utf8` itself
    /// costs tens of instructions a byte; the checker reads every value so.
    @inlinable
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }
}

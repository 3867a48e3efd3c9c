import Foundation

/// SplitMix64: the same numbers for the same seed on every machine, for
/// every test that draws at random. `init(default:)` takes the seed from
/// CONNEXML_TEST_SEED when set (to replay a failure or try others), else
/// the test's own fixed one; a test names `seed` in its failures.
public struct SeededRandom: RandomNumberGenerator {
    public let seed: UInt64
    private var state: UInt64

    /// CONNEXML_TEST_SEED, else `fixed`.
    public init(default fixed: UInt64) {
        self.init(seed: ProcessInfo.processInfo.environment["CONNEXML_TEST_SEED"].flatMap { UInt64($0) } ?? fixed)
    }

    /// Exactly `seed`, whatever the environment.
    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (0 when bound ≤ 1).
    public mutating func next(below bound: Int) -> Int {
        let z = next()
        return bound <= 1 ? 0 : Int(z % UInt64(bound))
    }
}

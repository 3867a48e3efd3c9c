import Foundation

/// SplitMix64: the same numbers for the same seed on every machine. The
/// seed is CONNEXML_TEST_SEED when set (to replay a failure or try others),
/// else the test's own fixed one; a test names `seed` in its failures.
struct SeededRandom: RandomNumberGenerator {
    let seed: UInt64
    private var state: UInt64

    init(default fixed: UInt64) {
        seed = ProcessInfo.processInfo.environment["CONNEXML_TEST_SEED"].flatMap { UInt64($0) } ?? fixed
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

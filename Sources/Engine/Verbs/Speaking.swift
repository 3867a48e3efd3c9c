import Diagnostics
import Language

/// `<Say>`, `<Play>`, `<Pause>`, `<Echo>`: what the caller hears, and how long
/// it takes on the virtual clock.
extension CallRun {
    /// Speaking rate for text to speech: 2.5 words a second (150 a minute),
    /// at least one second per loop.
    static func speakingSeconds(_ text: String) -> Double {
        // Words are runs of bytes between white space (counted on bytes:
        // this runs for every Say of every call).
        func countWords<C: Collection<UInt8>>(_ bytes: C) -> Int {
            var words = 0
            var inWord = false
            for byte in bytes {
                let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                if !space && !inWord { words += 1 }
                inWord = !space
            }
            return words
        }
        // Native strings are contiguous UTF-8: a plain buffer loop.
        let words = text.utf8.withContiguousStorageIfAvailable(countWords) ?? countWords(text.utf8)
        return max(1, (Double(words) / 2.5 * 10).rounded() / 10)
    }

    /// How long `file` plays `loops` times: the scenario's `audio:` seconds,
    /// else the default.
    func playingSeconds(_ file: String, loops: Int) -> Double {
        (audioSource(file).seconds ?? Scenario.defaultPlaySeconds) * Double(loops)
    }

    /// Where a `Play` file comes from: a relative one in a fetched document
    /// is on that document's server (TwiML's rule); the scenario's `audio:`
    /// may name it either way.
    func audioSource(_ written: String) -> (url: String, seconds: Double?) {
        guard script.isFetched else { return (written, scenario.audioSeconds[written]) }
        let url = URLText.resolved(written, against: script.file)
        return (url, scenario.audioSeconds[url] ?? scenario.audioSeconds[written])
    }

    /// How long `<Echo>` loops the caller's audio back.
    static var echoSeconds: Double { 10 }

    mutating func visit(_ say: Say) -> Flow {
        guard let loop = resolve(say.loop, "loop", at: say.position) else { return .next }
        let text = expand(say.text, at: say.position)
        let seconds = Self.speakingSeconds(text) * Double(loop)
        emit(.say, at: say.position, [.init(.text, .string(text)), .init(.loop, .number(Double(loop))),
                                       .init(.duration, .number(seconds))])
        return timePasses(seconds, at: say.position)
    }

    mutating func visit(_ play: Play) -> Flow {
        guard let loop = resolve(play.loop, "loop", at: play.position),
              let file = resolve(play.file, "file", at: play.position) else { return .next }
        let seconds = playingSeconds(file, loops: loop)
        emit(.play, at: play.position, [.init(.file, .string(audioSource(file).url)), .init(.loop, .number(Double(loop))),
                                         .init(.duration, .number(seconds))])
        return timePasses(seconds, at: play.position)
    }

    mutating func visit(_ pause: Pause) -> Flow {
        guard let length = resolve(pause.length, "length", at: pause.position) else { return .next }
        emit(.pause, at: pause.position, [.init(.length, .number(Double(length)))])
        return timePasses(Double(length), at: pause.position)
    }

    mutating func visit(_ echo: Echo) -> Flow {
        emit(.echo, at: echo.position, [.init(.duration, .number(Self.echoSeconds))])
        return timePasses(Self.echoSeconds, at: echo.position)
    }

    /// `seconds` of audio or silence pass. Keys the scenario times within
    /// them fire the `Press` bindings of the current context: a bound key
    /// cuts the audio short, its verbs run, and the script goes on; other
    /// keys are noted and change nothing. (Inside a Gather's prompts keys
    /// belong to the Gather; a bound key during a binding's own verbs takes
    /// over from it, see `runBinding`.) The caller may hang up meanwhile.
    mutating func timePasses(_ seconds: Double, at position: SourcePosition) -> Flow {
        let end = clock.elapsed + seconds
        while !inPrompt, let outcome = nextKeyOutcome(before: end, inclusive: false) {
            if hangsUp(before: outcome.time) { return callerHangsUp() }
            let flow = perform(outcome, at: position)
            if case .fire = outcome { return flow }
        }
        if !inPrompt, hangsUp(before: end) { return callerHangsUp() }
        clock.elapsed = max(clock.elapsed, end)
        return .next
    }
}

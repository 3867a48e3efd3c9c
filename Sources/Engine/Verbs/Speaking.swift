import Diagnostics
import Language

/// `<Say>`, `<Play>`, `<Pause>`, `<Echo>`: what the caller hears, and how long
/// it takes on the virtual clock.
extension CallRun {
    /// Speaking rate for text to speech: 2.5 words a second (150 a minute),
    /// at least one second per loop.
    static func speakingSeconds(_ text: String) -> Double {
        let words = SpokenWords.count(text)
        return max(1, (Double(words) / 2.5 * 10).rounded() / 10)
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
        guard let say = resolved(say) else { return .next }
        return speak(say)
    }

    /// Its attributes for this call: the loop, then the text (whose unset
    /// variables are warned of only when the loop is valid).
    mutating func resolved(_ say: Say) -> Say.Resolved? {
        guard let loop = resolve(say.loop, "loop", at: say.position) else { return nil }
        let text = expand(say.text, at: say.position)
        return Say.Resolved(position: say.position, text: text, loop: loop, seconds: Self.speakingSeconds(text) * Double(loop))
    }

    mutating func speak(_ say: Say.Resolved) -> Flow {
        emit(
            .say, at: say.position,
            [
                .init(.text, .string(say.text)), .init(.loop, .number(Double(say.loop))),
                .init(.duration, .number(say.seconds)),
            ])
        return timePasses(say.seconds, at: say.position)
    }

    mutating func visit(_ play: Play) -> Flow {
        guard let play = resolved(play) else { return .next }
        return self.play(play)
    }

    mutating func resolved(_ play: Play) -> Play.Resolved? {
        guard let loop = resolve(play.loop, "loop", at: play.position),
            let file = resolve(play.file, "file", at: play.position)
        else { return nil }
        let source = audioSource(file)
        return Play.Resolved(
            position: play.position, url: source.url, loop: loop,
            seconds: (source.seconds ?? Scenario.defaultPlaySeconds) * Double(loop))
    }

    mutating func play(_ play: Play.Resolved) -> Flow {
        emit(
            .play, at: play.position,
            [
                .init(.file, .string(play.url)), .init(.loop, .number(Double(play.loop))),
                .init(.duration, .number(play.seconds)),
            ])
        return timePasses(play.seconds, at: play.position)
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

extension Say {
    /// A `<Say>` for one call: its text and loop resolved once, and how
    /// long it speaks.
    struct Resolved {
        let position: SourcePosition
        let text: String
        let loop: Int
        let seconds: Double
    }
}

extension Play {
    /// A `<Play>` for one call: where the file is, its loop, how long it
    /// plays (the scenario's `audio:` seconds, else the default).
    struct Resolved {
        let position: SourcePosition
        let url: String
        let loop: Int
        let seconds: Double
    }
}

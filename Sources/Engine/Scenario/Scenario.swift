import Foundation
import Policy

/// The world a call runs in: what the script cannot decide by itself
/// (calls.md, "The world"). Every field has a default, so a scenario may be
/// given piecemeal on the command line. How the call is run (to its end, or
/// stopping for the REPL) is the driver's `RunMode`, and where hand-overs
/// find documents is the driver's too (`ScenarioFile`): not the world's.
public struct Scenario: Sendable {
    /// The fields, in one object shared copy-on-write: every call copies
    /// its scenario (into its `CallSetup`), which is then one retain, not
    /// one for each of a score of fields.
    private final class Storage: @unchecked Sendable {
        // Changed only while uniquely referenced (`writable`): a shared
        // storage is never written, so sharing it between threads is safe.
        @exclusivity(unchecked) var from: String = "+15550100"
        @exclusivity(unchecked) var to: String = "100"
        @exclusivity(unchecked) var start: Date = Date(timeIntervalSince1970: 0)
        @exclusivity(unchecked) var startIsFixed: Bool = false
        @exclusivity(unchecked) var timeZone: TimeZone = TimeZone(identifier: "UTC")!
        @exclusivity(unchecked) var timeZoneName: String = "UTC"
        @exclusivity(unchecked) var profile: String? = nil
        @exclusivity(unchecked) var customer: String? = nil
        @exclusivity(unchecked) var sid: String? = nil
        @exclusivity(unchecked) var variables: [String: String] = [:]
        @exclusivity(unchecked) var keys: [KeyPress] = []
        @exclusivity(unchecked) var answers: [String: Answer] = [:]
        @exclusivity(unchecked) var defaultAnswer: Answer = Answer(status: .noAnswer)
        @exclusivity(unchecked) var callsInProgress: [CallInProgress] = []
        @exclusivity(unchecked) var bargeTarget: String? = nil
        @exclusivity(unchecked) var bargeTalk: Double = 60
        @exclusivity(unchecked) var loggedIn: [String] = []
        @exclusivity(unchecked) var audioSeconds: [String: Double] = [:]
        @exclusivity(unchecked) var hangupAt: Double? = nil

        init() {}

        func copy() -> Storage {
            let copy = Storage()
            copy.from = from
            copy.to = to
            copy.start = start
            copy.startIsFixed = startIsFixed
            copy.timeZone = timeZone
            copy.timeZoneName = timeZoneName
            copy.profile = profile
            copy.customer = customer
            copy.sid = sid
            copy.variables = variables
            copy.keys = keys
            copy.answers = answers
            copy.defaultAnswer = defaultAnswer
            copy.callsInProgress = callsInProgress
            copy.bargeTarget = bargeTarget
            copy.bargeTalk = bargeTalk
            copy.loggedIn = loggedIn
            copy.audioSeconds = audioSeconds
            copy.hangupAt = hangupAt
            return copy
        }
    }

    private var storage = Storage()

    /// The storage, copied first when another scenario shares it.
    private var writable: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// The caller: a SIP username of the directory, or an outside number.
    public var from: String {
        _read { yield storage.from }
        _modify { yield &writable.from }
    }
    /// The dialled number (`To`, also `Extension`).
    public var to: String {
        _read { yield storage.to }
        _modify { yield &writable.to }
    }
    public var start: Date {
        _read { yield storage.start }
        _modify { yield &writable.start }
    }
    /// Whether `start` was given (otherwise the command line uses now).
    public var startIsFixed: Bool {
        _read { yield storage.startIsFixed }
        _modify { yield &writable.startIsFixed }
    }
    public var timeZone: TimeZone {
        _read { yield storage.timeZone }
        _modify { yield &writable.timeZone }
    }
    /// The zone's name as given (Foundation may call UTC "GMT").
    public var timeZoneName: String {
        _read { yield storage.timeZoneName }
        _modify { yield &writable.timeZoneName }
    }
    /// The profile of an outside caller; else the directory's default.
    public var profile: String? {
        _read { yield storage.profile }
        _modify { yield &writable.profile }
    }
    /// The customer whose application answers an outside caller.
    public var customer: String? {
        _read { yield storage.customer }
        _modify { yield &writable.customer }
    }
    /// The call id; generated when absent.
    public var sid: String? {
        _read { yield storage.sid }
        _modify { yield &writable.sid }
    }
    public var variables: [String: String] {
        _read { yield storage.variables }
        _modify { yield &writable.variables }
    }
    /// Keypresses, in order.
    public var keys: [KeyPress] {
        _read { yield storage.keys }
        _modify { yield &writable.keys }
    }
    /// How destinations answer, by destination after templates.
    public var answers: [String: Answer] {
        _read { yield storage.answers }
        _modify { yield &writable.answers }
    }
    public var defaultAnswer: Answer {
        _read { yield storage.defaultAnswer }
        _modify { yield &writable.defaultAnswer }
    }
    public var callsInProgress: [CallInProgress] {
        _read { yield storage.callsInProgress }
        _modify { yield &writable.callsInProgress }
    }
    public var bargeTarget: String? {
        _read { yield storage.bargeTarget }
        _modify { yield &writable.bargeTarget }
    }
    /// How long a barge lasts when the barger does not leave with `*`.
    public var bargeTalk: Double {
        _read { yield storage.bargeTalk }
        _modify { yield &writable.bargeTalk }
    }
    /// Users already active (capacity).
    public var loggedIn: [String] {
        _read { yield storage.loggedIn }
        _modify { yield &writable.loggedIn }
    }
    /// Seconds each audio file plays (default `Scenario.defaultPlaySeconds`).
    public var audioSeconds: [String: Double] {
        _read { yield storage.audioSeconds }
        _modify { yield &writable.audioSeconds }
    }
    /// Seconds into the call when the caller hangs up; nil: never.
    public var hangupAt: Double? {
        _read { yield storage.hangupAt }
        _modify { yield &writable.hangupAt }
    }
    public static let defaultPlaySeconds = 5.0

    public init() {}
}

/// One burst of keys: what the caller types at one prompt.
public struct KeyPress: Sendable, Hashable {
    public enum Leg: String, Sendable, Hashable { case a, b }

    public var digits: String
    /// Seconds into the call; nil: right when the script next asks for keys.
    public var at: Double?
    /// Whose phone: `a` the caller, `b` the other party.
    public var leg: Leg

    public init(digits: String, at: Double? = nil, leg: Leg = .a) {
        self.digits = digits
        self.at = at
        self.leg = leg
    }

    /// Whether `digits` are keys of a phone: one or more of 0-9, * and #.
    /// (The one check of keys, for scenarios, `run --dtmf` and the REPL.)
    public static func isPhoneKeys(_ digits: String) -> Bool {
        !digits.isEmpty && digits.allSatisfy { "0123456789*#".contains($0) }
    }
}

/// How a dialled destination answers.
public struct Answer: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case answered
        case busy
        case noAnswer = "no-answer"
        case failed
    }

    public var status: Status
    /// Seconds of conversation once answered.
    public var talk: Double = 30
    /// Seconds of ringing before the answer.
    public var ring: Double = 5

    public init(status: Status, talk: Double = 30, ring: Double = 5) {
        self.status = status
        self.talk = talk
        self.ring = ring
    }
}

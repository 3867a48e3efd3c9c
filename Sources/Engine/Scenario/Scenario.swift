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
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields = Fields()) { self.fields = fields }

        /// A storage of its own: the fields are one value, so a field added
        /// to them is copied too.
        func copy() -> Storage { Storage(fields) }
    }

    /// Every field with its default.
    private struct Fields {
        var from: String = "+15550100"
        var to: String = "100"
        var start: Date = Date(timeIntervalSince1970: 0)
        var startIsFixed: Bool = false
        var timeZone: TimeZone = TimeZone(identifier: "UTC")!
        var timeZoneName: String = "UTC"
        var profile: String? = nil
        var customer: String? = nil
        var sid: String? = nil
        var variables: [String: String] = [:]
        var keys: [KeyPress] = []
        var answers: [String: Answer] = [:]
        var defaultAnswer: Answer = Answer(status: .noAnswer)
        var callsInProgress: [CallInProgress] = []
        var bargeTarget: String? = nil
        var bargeTalk: Double = 60
        var loggedIn: [String] = []
        var audioSeconds: [String: Double] = [:]
        var hangupAt: Double? = nil
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
        _read { yield storage.fields.from }
        _modify { yield &writable.fields.from }
    }
    /// The dialled number (`To`, also `Extension`).
    public var to: String {
        _read { yield storage.fields.to }
        _modify { yield &writable.fields.to }
    }
    public var start: Date {
        _read { yield storage.fields.start }
        _modify { yield &writable.fields.start }
    }
    /// Whether `start` was given (otherwise the command line uses now).
    public var startIsFixed: Bool {
        _read { yield storage.fields.startIsFixed }
        _modify { yield &writable.fields.startIsFixed }
    }
    public var timeZone: TimeZone {
        _read { yield storage.fields.timeZone }
        _modify { yield &writable.fields.timeZone }
    }
    /// The zone's name as given (Foundation may call UTC "GMT").
    public var timeZoneName: String {
        _read { yield storage.fields.timeZoneName }
        _modify { yield &writable.fields.timeZoneName }
    }
    /// The profile of an outside caller; else the directory's default.
    public var profile: String? {
        _read { yield storage.fields.profile }
        _modify { yield &writable.fields.profile }
    }
    /// The customer whose application answers an outside caller.
    public var customer: String? {
        _read { yield storage.fields.customer }
        _modify { yield &writable.fields.customer }
    }
    /// The call id; generated when absent.
    public var sid: String? {
        _read { yield storage.fields.sid }
        _modify { yield &writable.fields.sid }
    }
    public var variables: [String: String] {
        _read { yield storage.fields.variables }
        _modify { yield &writable.fields.variables }
    }
    /// Keypresses, in order.
    public var keys: [KeyPress] {
        _read { yield storage.fields.keys }
        _modify { yield &writable.fields.keys }
    }
    /// How destinations answer, by destination after templates.
    public var answers: [String: Answer] {
        _read { yield storage.fields.answers }
        _modify { yield &writable.fields.answers }
    }
    public var defaultAnswer: Answer {
        _read { yield storage.fields.defaultAnswer }
        _modify { yield &writable.fields.defaultAnswer }
    }
    public var callsInProgress: [CallInProgress] {
        _read { yield storage.fields.callsInProgress }
        _modify { yield &writable.fields.callsInProgress }
    }
    public var bargeTarget: String? {
        _read { yield storage.fields.bargeTarget }
        _modify { yield &writable.fields.bargeTarget }
    }
    /// How long a barge lasts when the barger does not leave with `*`.
    public var bargeTalk: Double {
        _read { yield storage.fields.bargeTalk }
        _modify { yield &writable.fields.bargeTalk }
    }
    /// Users already active (capacity).
    public var loggedIn: [String] {
        _read { yield storage.fields.loggedIn }
        _modify { yield &writable.fields.loggedIn }
    }
    /// Seconds each audio file plays (default `Scenario.defaultPlaySeconds`).
    public var audioSeconds: [String: Double] {
        _read { yield storage.fields.audioSeconds }
        _modify { yield &writable.fields.audioSeconds }
    }
    /// Seconds into the call when the caller hangs up; nil: never.
    public var hangupAt: Double? {
        _read { yield storage.fields.hangupAt }
        _modify { yield &writable.fields.hangupAt }
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

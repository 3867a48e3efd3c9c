import Foundation
import Policy

/// The world a call runs in: what the script cannot decide by itself
/// (calls.md, "The world"). Every field has a default, so a scenario may be
/// given piecemeal on the command line. How the call is run (to its end, or
/// stopping for the REPL) is the driver's `RunMode`, and where hand-overs
/// find documents is the driver's too (`ScenarioFile`): not the world's.
public struct Scenario: Sendable {
    /// The caller: a SIP username of the directory, or an outside number.
    public var from = "+15550100"
    /// The dialled number (`To`, also `Extension`).
    public var to = "100"
    public var start = Date(timeIntervalSince1970: 0)
    /// Whether `start` was given (otherwise the command line uses now).
    public var startIsFixed = false
    public var timeZone = TimeZone(identifier: "UTC")!
    /// The zone's name as given (Foundation may call UTC "GMT").
    public var timeZoneName = "UTC"
    /// The profile of an outside caller; else the directory's default.
    public var profile: String?
    /// The customer whose application answers an outside caller.
    public var customer: String?
    /// The call id; generated when absent.
    public var sid: String?
    public var variables: [String: String] = [:]
    /// Keypresses, in order.
    public var keys: [KeyPress] = []
    /// How destinations answer, by destination after templates.
    public var answers: [String: Answer] = [:]
    public var defaultAnswer = Answer(status: .noAnswer)
    public var callsInProgress: [CallInProgress] = []
    public var bargeTarget: String?
    /// How long a barge lasts when the barger does not leave with `*`.
    public var bargeTalk: Double = 60
    /// Users already active (capacity).
    public var loggedIn: [String] = []
    /// Seconds each audio file plays (default `Scenario.defaultPlaySeconds`).
    public var audioSeconds: [String: Double] = [:]
    /// Seconds into the call when the caller hangs up; nil: never.
    public var hangupAt: Double?
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

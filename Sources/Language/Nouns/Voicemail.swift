import Diagnostics
import XMLParsing

/// `<Voicemail inbox="true" user="1002"/>`: leave a message, or with
/// `inbox="true"` listen to the mailbox; `user` names whose mailbox.
public struct Voicemail: Sendable {
    /// Default false.
    public let inbox: Setting<Bool>
    /// The SIP user whose mailbox; the caller's own when absent.
    public let user: Template?
    public let position: SourcePosition
}

extension Voicemail: DialNounSyntax {
    static let elementName = "Voicemail"

    static func check(_ element: Element, _ checker: inout Checker) -> Dial.Destination? {
        var attributes = AttributeReader(element)
        let inbox = attributes.value(
            "inbox", .boolean, default: false, about: "true: listen to the mailbox's messages; false: leave a message", &checker)
        let user = attributes.template("user", about: "the SIP user whose mailbox; the caller's own when absent", &checker)
        attributes.finish(&checker)
        checker.expectEmpty(element)
        if let user, user.literal == "" {
            checker.error(
                .invalidValue, "user=\"\" on <Voicemail> names nobody", at: element.attribute("user")?.position,
                hint: "leave user out for the caller's own mailbox")
        }
        return .voicemail(Voicemail(inbox: inbox, user: user, position: element.position))
    }
}

extension Voicemail {
    static let reference = ElementReference(
        summary: "Voicemail: leave a message, or with `inbox=\"true\"` listen to a mailbox.",
        run:
            "Needs the caller's profile to allow voicemail (policy); `user`, when given, must be a SIP user of the caller's customer.",
        checks: ["`user=\"\"`: error `invalid-value` (it names nobody)."])
}

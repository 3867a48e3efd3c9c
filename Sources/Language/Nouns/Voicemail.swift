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
        let inbox = attributes.value("inbox", .boolean, default: false, &checker)
        let user = attributes.template("user", &checker)
        attributes.finish(&checker)
        checker.expectEmpty(element)
        if let user, user.literal == "" {
            checker.error(.invalidValue, "user=\"\" on <Voicemail> names nobody", at: element.attribute("user")?.position,
                          hint: "leave user out for the caller's own mailbox")
        }
        return .voicemail(Voicemail(inbox: inbox, user: user, position: element.position))
    }
}

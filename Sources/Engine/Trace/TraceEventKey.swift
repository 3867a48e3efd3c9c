/// The key of a trace event's field: the JSON member name and the `key=`
/// of the text line. The engine names its fields from this list; only
/// names the script itself chose (SIP headers, stream parameters) are made
/// from text, with `named`.
extension TraceEvent {
    public struct Key: Hashable, Sendable, CustomStringConvertible {
        public let name: String

        init(_ name: String) { self.name = name }

        /// A key the script named (a header, a stream parameter).
        static func named(_ name: String) -> Key { Key(name) }

        public var description: String { name }

        public static let action = Key("action")
        public static let after = Key("after")
        public static let answered = Key("answered")
        public static let appId = Key("appId")
        public static let attended = Key("attended")
        public static let call = Key("call")
        public static let caller = Key("caller")
        public static let callerId = Key("callerId")
        public static let capacity = Key("capacity")
        public static let code = Key("code")
        public static let commands = Key("commands")
        public static let context = Key("context")
        public static let customer = Key("customer")
        public static let denials = Key("denials")
        public static let digits = Key("digits")
        public static let duration = Key("duration")
        public static let effect = Key("effect")
        public static let event = Key("event")
        public static let failed = Key("failed")
        public static let file = Key("file")
        // swift-format-ignore: DontRepeatTypeInStaticProperties
        // (the field is the attribute `finishOnKey`, named as the trace writes it)
        public static let finishOnKey = Key("finishOnKey")
        public static let flag = Key("flag")
        public static let from = Key("from")
        public static let fromDisplayName = Key("fromDisplayName")
        public static let group = Key("group")
        public static let hangupOnStar = Key("hangupOnStar")
        public static let hangupOnStarContext = Key("hangupOnStarContext")
        public static let header = Key("header")
        public static let headers = Key("headers")
        public static let heardBy = Key("heard_by")
        public static let hears = Key("hears")
        public static let hop = Key("hop")
        public static let inbox = Key("inbox")
        public static let index = Key("index")
        public static let key = Key("key")
        public static let kind = Key("kind")
        public static let leg = Key("leg")
        public static let length = Key("length")
        public static let loop = Key("loop")
        public static let maxDigits = Key("maxDigits")
        public static let message = Key("message")
        public static let method = Key("method")
        public static let minDigits = Key("minDigits")
        public static let mixType = Key("mix_type")
        public static let music = Key("music")
        public static let name = Key("name")
        public static let note = Key("note")
        public static let notes = Key("notes")
        public static let numDigits = Key("numDigits")
        public static let otherCustomer = Key("other_customer")
        public static let outcome = Key("outcome")
        public static let parameters = Key("parameters")
        public static let pattern = Key("pattern")
        public static let problem = Key("problem")
        public static let profile = Key("profile")
        public static let queue = Key("queue")
        public static let reason = Key("reason")
        public static let result = Key("result")
        public static let ringTone = Key("ringTone")
        public static let rule = Key("rule")
        public static let sid = Key("sid")
        public static let start = Key("start")
        public static let status = Key("status")
        public static let talk = Key("talk")
        public static let target = Key("target")
        public static let text = Key("text")
        public static let timeout = Key("timeout")
        public static let timezone = Key("timezone")
        public static let to = Key("to")
        public static let url = Key("url")
        public static let value = Key("value")
        public static let verbs = Key("verbs")
        public static let waiting = Key("waiting")
    }
}

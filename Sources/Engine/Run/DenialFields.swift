import Policy

extension Decision {
    /// A `denied` event's fields: what was attempted (`action` and `target`
    /// when the decision was about a flag the verb needs), the reason code,
    /// the evidence; `profile` is the caller's when the evidence names none.
    func traceFields(as action: String? = nil, target: String? = nil, profile: String?) -> [TraceEvent.Field] {
        var fields: [TraceEvent.Field] = [.init(.action, .string(action ?? self.action.name))]
        if let target = target ?? self.action.target { fields.append(.init(.target, .string(target))) }
        fields.append(.init(.reason, .string(denial?.rawValue ?? "denied")))
        let e = evidence
        if let profile = e.profile ?? profile { fields.append(.init(.profile, .string(profile))) }
        if let flag = e.flag { fields.append(.init(.flag, .string(flag.rawValue))) }
        if let rule = e.rule {
            fields.append(
                .init(
                    .rule,
                    .object([
                        .init(.index, .number(Double(rule.index))),
                        .init(.pattern, .string(rule.pattern)),
                        .init(.effect, .string(rule.effect.rawValue)),
                    ])))
        }
        if let group = e.group { fields.append(.init(.group, .string(group))) }
        if let other = e.otherCustomer { fields.append(.init(.otherCustomer, .string(other))) }
        if let call = e.call { fields.append(.init(.call, .string(call))) }
        if let capacity = e.capacity { fields.append(.init(.capacity, .number(Double(capacity)))) }
        if !notes.isEmpty { fields.append(.init(.notes, .list(notes))) }
        return fields
    }
}

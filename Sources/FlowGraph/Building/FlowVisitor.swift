import Language

/// Draws one verb: its node, the edges it already knows the target of
/// (nested verbs, hand-overs, endings), and its exits — the edges to
/// whatever comes next, labelled with the outcome the verb declares
/// (`VerbDefinition.outcomes`). Which outcomes a verb has comes from the
/// verb; where each one leads is what this visitor knows.
struct FlowVisitor: VerbVisitor {
    struct Step {
        let node: String
        let exits: [Exit]
    }

    let assembly: GraphAssembly
    let document: Int
    let file: String

    // MARK: Verbs that go straight on

    mutating func visit(_ say: Say) -> Step {
        straight(say, ShortText.quoted(say.text.description) + loop(say.loop))
    }

    mutating func visit(_ play: Play) -> Step {
        straight(play, ShortText.of(play.file.written) + loop(play.loop))
    }

    mutating func visit(_ pause: Pause) -> Step { straight(pause, "\(pause.length.written) s") }

    mutating func visit(_ enqueue: Enqueue) -> Step {
        straight(enqueue, "queue " + ShortText.of(enqueue.queue.description), PolicyNeeds.of(enqueue))
    }

    mutating func visit(_ enter: Enter) -> Step {
        straight(enter, "context " + ShortText.of(enter.context.written))
    }

    mutating func visit(_ set: SetVariable) -> Step {
        let header = set.header.fixedValue == false ? "" : " (SIP header)"
        return straight(set, ShortText.of("\(set.name) = \(set.value)") + header, PolicyNeeds.of(set))
    }

    mutating func visit(_ start: Start) -> Step {
        let urls = start.streams.map { ShortText.of($0.url.written, limit: 48) }
        return straight(start, "stream " + urls.joined(separator: ", "), PolicyNeeds.of(start))
    }

    mutating func visit(_ echo: Echo) -> Step { straight(echo, nil) }

    // MARK: Endings

    mutating func visit(_ hangup: Hangup) -> Step { Step(node: node(hangup, nil), exits: []) }

    mutating func visit(_ reject: Reject) -> Step { Step(node: node(reject, "reason \(reject.reason.written)"), exits: []) }

    mutating func visit(_ redirect: Redirect) -> Step {
        let id = node(redirect, ShortText.of(redirect.url.written, limit: 48) + method(redirect.method))
        let target = assembly.handOver(to: redirect.url, from: file)
        assembly.connect(from: id, to: target, label: nil, outcome: nil, style: .handOver)
        return Step(node: id, exits: [])
    }

    // MARK: Verbs that branch

    mutating func visit(_ gather: Gather) -> Step {
        let id = node(gather, gatherSummary(gather))
        var exits: [Exit] = []
        for outcome in gather.outcomes {
            switch (outcome, gather.action) {
            case (Gather.Outcome.digits, let action?):
                handOver(from: id, to: action, label: outcome.name, outcome: outcome)
            case (Gather.Outcome.noInput, let action?):
                switch gather.actionOnEmptyResult.fixedValue {
                case true?:
                    handOver(from: id, to: action, label: outcome.name, outcome: outcome)
                case false?:
                    exits.append(Exit(from: id, label: outcome.name, outcome: outcome.name))
                case nil:
                    // Decided when the call runs: both ways, each saying when.
                    let condition = "actionOnEmptyResult " + ShortText.of(gather.actionOnEmptyResult.written, limit: 24)
                    handOver(from: id, to: action, label: "\(outcome.name), if \(condition)", outcome: outcome)
                    exits.append(Exit(from: id, label: "\(outcome.name), unless \(condition)", outcome: outcome.name))
                }
            default:
                exits.append(Exit(from: id, label: outcome.name, outcome: outcome.name))
            }
        }
        return Step(node: id, exits: exits)
    }

    mutating func visit(_ dial: Dial) -> Step {
        let id = node(dial, destination(dial.destination), PolicyNeeds.of(dial))
        // The caller hung up while it rang: the call is over.
        return leadsOn(from: id, dial.outcomes, except: Dial.Outcome.canceled, endingAt: .callerHungUp)
    }

    mutating func visit(_ transfer: Transfer) -> Step {
        let kind =
            transfer.attended.fixedValue == false ? "blind" : transfer.attended.fixedValue == true ? "attended" : "attended?"
        let id = node(transfer, ShortText.of(transfer.target.written) + " (\(kind))", PolicyNeeds.of(transfer))
        return leadsOn(from: id, transfer.outcomes, except: Transfer.Outcome.transferred, endingAt: .transferred)
    }

    mutating func visit(_ condition: Condition) -> Step {
        let id = node(condition, ConditionText.of(condition))
        let nested = assembly.build(condition.verbs, in: document, file: file)
        var exits: [Exit] = []
        for outcome in condition.outcomes {
            switch outcome {
            case Condition.Outcome.holds:
                if let entry = nested.entry {
                    assembly.connect(from: id, to: entry, label: outcome.name, outcome: outcome.name, style: .flow)
                    exits += nested.exits
                } else {
                    exits.append(Exit(from: id, label: outcome.name, outcome: outcome.name))
                }
            default:
                exits.append(Exit(from: id, label: outcome.name, outcome: outcome.name))
            }
        }
        return Step(node: id, exits: exits)
    }

    /// A binding, not a step: the script goes straight on; when the key is
    /// pressed (in its context) its verbs run, then the call goes back to
    /// the verb the key interrupted.
    mutating func visit(_ press: Press) -> Step {
        let context = press.context.map { " in context \(ShortText.of($0))" } ?? " in any context"
        let leg = press.leg.fixedValue == .b ? ", leg b" : ""
        let id = node(press, "key \(press.digits)" + context + leg)
        let nested = assembly.build(press.verbs, in: document, file: file)
        for outcome in press.outcomes {
            let target = nested.entry ?? assembly.terminal(.resume, in: document)
            assembly.connect(from: id, to: target, label: outcome.name, outcome: outcome.name, style: .binding)
        }
        if !nested.exits.isEmpty { assembly.connect(nested.exits, to: assembly.terminal(.resume, in: document)) }
        return Step(node: id, exits: [Exit(from: id, label: nil, outcome: nil)])
    }

    // MARK: Edges

    /// Every outcome leads on to whatever comes next, except `ending`,
    /// which ends the script at `terminal` (Dial and Transfer).
    private func leadsOn(
        from id: String, _ outcomes: [VerbOutcome], except ending: VerbOutcome, endingAt terminal: GraphAssembly.Terminal
    ) -> Step {
        var exits: [Exit] = []
        for outcome in outcomes {
            if outcome == ending {
                assembly.connect(
                    from: id, to: assembly.terminal(terminal, in: document), label: outcome.name, outcome: outcome.name,
                    style: .flow)
            } else {
                exits.append(Exit(from: id, label: outcome.name, outcome: outcome.name))
            }
        }
        return Step(node: id, exits: exits)
    }

    private func handOver(from id: String, to reference: Setting<String>, label: String, outcome: VerbOutcome) {
        let target = assembly.handOver(to: reference, from: file)
        assembly.connect(from: id, to: target, label: label, outcome: outcome.name, style: .handOver)
    }

    // MARK: Nodes

    private mutating func straight(_ verb: some VerbDefinition, _ summary: String?, _ needs: PolicyNeeds = PolicyNeeds()) -> Step
    {
        let id = node(verb, summary, needs)
        return Step(node: id, exits: [Exit(from: id, label: nil, outcome: nil)])
    }

    private func node(_ verb: some VerbDefinition, _ summary: String?, _ needs: PolicyNeeds = PolicyNeeds()) -> String {
        let id = assembly.newNodeID(in: document)
        let definition = type(of: verb)
        let name = definition.elementName
        assembly.graph.add(
            Node(
                id: id, kind: .verb(name), definition: definition, title: "L\(verb.position.line) \(name)", summary: summary,
                policy: needs.lines(directory: assembly.directory), document: document,
                line: verb.position.line))
        return id
    }

    // MARK: Summaries

    private func loop(_ loop: Setting<Int>) -> String {
        loop.fixedValue == 1 ? "" : " ×\(loop.written)"
    }

    private func method(_ method: Setting<HTTPMethod>) -> String {
        method.isExplicit ? " (\(method.written))" : ""
    }

    private func gatherSummary(_ gather: Gather) -> String {
        var parts: [String] = []
        if let n = gather.numDigits { parts.append("\(n.written) digit\(n.fixedValue == 1 ? "" : "s")") }
        parts.append("timeout \(gather.timeout.written) s")
        if let action = gather.action {
            parts.append("→ " + ShortText.of(action.written, limit: 32) + method(gather.method))
        }
        if let first = gather.prompts.first {
            switch first {
            case .say(let say): parts.append(ShortText.quoted(say.text.description))
            case .play(let play): parts.append(ShortText.of(play.file.written))
            }
        }
        return parts.joined(separator: ", ")
    }

    private func destination(_ destination: Dial.Destination) -> String {
        switch destination {
        case .number(let n): ShortText.of(n.number.written)
        case .client(let c): "Client " + ShortText.of(c.username.description)
        case .queue(let q): "Queue " + ShortText.of(q.queue.description) + (q.action?.fixedValue == .pickup ? " (pickup)" : "")
        case .conference(let c): "Conference " + ShortText.of(c.room.description)
        case .voicemail(let v):
            "Voicemail" + (v.user.map { " of " + ShortText.of($0.description) } ?? "")
                + (v.inbox.fixedValue == true ? " (inbox)" : "")
        case .barge(let b):
            "Barge " + (b.group.map { ShortText.of($0.description) } ?? "any call of the customer")
                + " (whisper \(b.whisper.written), bridge \(b.bridge.written))"
        case .llmAgent(let a): "LLM-Agent " + ShortText.of(a.agent.description)
        }
    }
}

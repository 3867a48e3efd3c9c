/// The bundled sample directory (samples/directory.yaml), built into the
/// binary so that `explain` and `run` work with no set-up, wherever the
/// binary is installed. A test keeps it identical to the sample file.
enum BundledDirectory {
    static let name = "the bundled sample directory"

    static let text = #"""
        # yaml-language-server: $schema=../docs/schemas/directory.schema.json
        # The bundled call centre (docs/policy.md).
        # Two customers; at acme, 100 agents who may neither dial abroad nor listen
        # in, an operator who may do both, and a supervisor of another barge group;
        # the IVR profile for outside callers.
        emergency: ["112", "911", "999"]
        default_profile: ivr

        customers:
          - name: acme
          - name: globex

        profiles:
          - name: agent
            capacity: 100
            flags: [queue, voicemail]
            barge_group: sales
            dial:
              - deny: "_00."        # international, dialled with 00
              - deny: "_+."         # international, in E.164
              - allow: "_X."        # everything else
          - name: operator
            capacity: 2
            flags: [barge, whisper, barge_commands, transfer, queue, queue_pickup,
                    voicemail, voicemail_any, caller_id, conference]
            barge_group: sales
            dial:
              - allow: "_X."
              - allow: "_+X."
          - name: supervisor
            capacity: 5
            flags: [barge, queue, queue_pickup, voicemail, conference]
            barge_group: support
            dial:
              - deny: "_00."
              - allow: "_X."
          - name: ivr
            capacity: 50
            flags: [queue, voicemail, stream]
            dial:
              - allow: "_1XXX"      # internal extensions
              - allow: "_+44X."     # UK numbers

        users:
          - {username: "1001", profile: agent, customer: acme, extension: "1001"}
          - {username: "1002", profile: agent, customer: acme}
          - {username: "1003", profile: operator, customer: acme, password: "s3cret"}
          - {username: "1004", profile: supervisor, customer: acme}
          - {username: "2001", profile: agent, customer: globex}
          - {username: "2002", profile: operator, customer: globex}

        """#
}

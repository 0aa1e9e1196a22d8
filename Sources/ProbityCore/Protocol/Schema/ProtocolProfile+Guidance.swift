extension ProtocolProfile {
    /// The in-force guidance rules with these keys, in the order given; keys the profile does
    /// not carry are skipped (only some protocols say anything on a point).
    public func guidanceReferences(_ keys: [String]) -> [RuleReference] {
        keys.compactMap { key in
            guidance.first { $0.parameters.key == key && $0.inForce }?.reference(in: document)
        }
    }
}

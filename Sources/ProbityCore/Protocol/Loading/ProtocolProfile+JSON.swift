import Foundation

/// A rule as JSON: its id, then the same keys as in the YAML (`statement`, `cite` or `silent`,
/// `inForce`, and its parameters alongside). `cite` is always the mapping form.
extension Rule: Encodable where Parameters: Encodable {
    private enum CommonKeys: String, CodingKey {
        case id, statement, cite, silent, inForce
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CommonKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(statement, forKey: .statement)
        switch source {
        case .cited(let citation): try container.encode(citation, forKey: .cite)
        case .silent(let reason): try container.encode(reason, forKey: .silent)
        }
        try container.encode(inForce, forKey: .inForce)
        try parameters.encode(to: encoder)
    }
}

extension ProtocolProfile {
    /// The encoder for profile JSON: sorted keys, so output is stable.
    public static func jsonEncoder(prettyPrinted: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The whole profile as JSON, with the YAML's field names (for `probity protocol show NAME
    /// --json` and `/api/v1/protocols/{id}`).
    public func jsonData(prettyPrinted: Bool = true) throws -> Data {
        try Self.jsonEncoder(prettyPrinted: prettyPrinted).encode(self)
    }

    public func jsonString(prettyPrinted: Bool = true) throws -> String {
        String(decoding: try jsonData(prettyPrinted: prettyPrinted), as: UTF8.self)
    }
}

import Foundation

/// Everything that differs between authorities' Member/Officer Relations Protocols, each rule
/// with its citation. Loaded from a declarative YAML file (schema: docs/protocol-profile-schema.md).
public struct ProtocolProfile: Sendable, Hashable {
    /// The schema version the file was written against.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Slug, e.g. `tower-hamlets`.
    public var id: String
    /// e.g. "London Borough of Tower Hamlets".
    public var authorityName: String
    public var document: SourceDocument
    /// The bank-holiday calendar the authority works to.
    public var region: Region
    /// Probity's own working-day defaults where a protocol is silent are declared per rule via `silent:`.
    public var enquiries: EnquiryRules
    public var complaints: ComplaintRules
    public var declarations: DeclarationRules
    public var information: InformationRules
    public var briefings: BriefingRules
    public var notifications: NotificationRules
    /// Rules that software shows as guidance at the moment they matter, rather than computes with.
    public var guidance: [Rule<GuidanceParameters>]

    public init(
        schemaVersion: Int = ProtocolProfile.currentSchemaVersion, id: String, authorityName: String,
        document: SourceDocument, region: Region, enquiries: EnquiryRules, complaints: ComplaintRules,
        declarations: DeclarationRules, information: InformationRules, briefings: BriefingRules,
        notifications: NotificationRules, guidance: [Rule<GuidanceParameters>]
    ) {
        self.schemaVersion = schemaVersion
        self.id = id
        self.authorityName = authorityName
        self.document = document
        self.region = region
        self.enquiries = enquiries
        self.complaints = complaints
        self.declarations = declarations
        self.information = information
        self.briefings = briefings
        self.notifications = notifications
        self.guidance = guidance
    }
}

/// The protocol document a profile was read from.
public struct SourceDocument: Sendable, Hashable, Codable {
    /// Full title, e.g. "Constitution Part 5.4: Member/Officer Relations Protocol".
    public var title: String
    /// How citations name it, e.g. "Tower Hamlets protocol" → "Tower Hamlets protocol 13.5".
    public var citationName: String
    /// Publication or adoption date as printed, e.g. "June 2019", "2017".
    public var date: String
    /// The seed file the profile was read from, for built-ins (e.g. `001_6d8b6c3691163dcc.txt`).
    public var seed: String?

    public init(title: String, citationName: String, date: String, seed: String? = nil) {
        self.title = title
        self.citationName = citationName
        self.date = date
        self.seed = seed
    }
}

/// Where a guidance rule is shown.
public enum GuidanceContext: String, Sendable, Hashable, Codable, CaseIterable {
    case general
    case enquiries
    case complaints
    case declarations
    case information
    case briefings
    case notifications
    case media
    case correspondence
}

public struct GuidanceParameters: Sendable, Hashable, Codable {
    /// Stable key used in the rule id: `guidance.<key>`.
    public var key: String
    public var context: GuidanceContext
    /// Who the guidance is addressed to.
    public var audience: GuidanceAudience
    public init(key: String, context: GuidanceContext, audience: GuidanceAudience) {
        self.key = key
        self.context = context
        self.audience = audience
    }
}

public enum GuidanceAudience: String, Sendable, Hashable, Codable, CaseIterable {
    case members, officers, everyone
}

/// JSON output with the YAML field names (see ProtocolProfile+JSON.swift).
extension ProtocolProfile: Encodable {}

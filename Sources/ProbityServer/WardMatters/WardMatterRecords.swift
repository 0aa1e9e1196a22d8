import Fluent
import Foundation
import ProbityCore

/// A matter an officer has told ward members about (LE 26–36, TH 11, Wigan 6.6).
final class WardMatter: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "ward_matters"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "details") var details: String
    /// Comma-separated ward ids.
    @Field(key: "ward_ids") var wardIDs: String
    @Field(key: "adjoining_ward_ids") var adjoiningWardIDs: String
    @Field(key: "leader") var leader: Bool
    @Field(key: "deputy_leader") var deputyLeader: Bool
    @OptionalField(key: "lead_member_id") var leadMemberID: UUID?
    /// When the event, meeting or consultation starts, if it has a date.
    @OptionalField(key: "starts_on") var startsOn: String?
    @Field(key: "recorded_by_user_id") var recordedByUserID: UUID
    @Field(key: "recorded_by_name") var recordedByName: String
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "rule_citation") var ruleCitation: String

    init() {}

    static func ids(_ text: String) -> [UUID] { text.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
    static func text(_ ids: Set<UUID>) -> String { ids.map(\.uuidString).sorted().joined(separator: ",") }
}

/// Who was told of a ward matter, why, and when the message reached them.
final class WardMatterRecipient: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "ward_matter_recipients"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "ward_matter_id") var wardMatterID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "member_name") var memberName: String
    @Field(key: "reason") var reason: String
    @Field(key: "recorded_at") var recordedAt: Date
    /// When the message reaches their inbox (held through private time unless urgent).
    @Field(key: "delivered_at") var deliveredAt: Date

    init() {}
}

/// A pre-election period the administrator sets (TH 11.5), inclusive.
final class PreElectionPeriod: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "pre_election_periods"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "note") var note: String

    init() {}

    var period: MemberMeetings.Period? {
        guard let s = CalendarDate(iso: startsOn), let e = CalendarDate(iso: endsOn) else { return nil }
        return MemberMeetings.Period(starts: s, ends: e)
    }
}

/// A public meeting a member arranges on council business, told to the relevant officer (LE 30, TH 11.4).
final class MemberMeeting: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "member_meetings"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "officer_id") var officerID: UUID
    @Field(key: "title") var title: String
    @Field(key: "meets_on") var meetsOn: String
    @Field(key: "venue") var venue: String
    @Field(key: "council_premises") var councilPremises: Bool
    @Field(key: "party_political") var partyPolitical: Bool
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

struct CreateWardMatters: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(WardMatter.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("details", .string, .required)
            .field("ward_ids", .string, .required)
            .field("adjoining_ward_ids", .string, .required)
            .field("leader", .bool, .required)
            .field("deputy_leader", .bool, .required)
            .field("lead_member_id", .uuid)
            .field("starts_on", .string)
            .field("recorded_by_user_id", .uuid, .required)
            .field("recorded_by_name", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("rule_citation", .string, .required)
            .create()
        try await db.schema(WardMatterRecipient.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("ward_matter_id", .uuid, .required, .references(WardMatter.schema, "id", onDelete: .cascade))
            .field("member_id", .uuid, .required)
            .field("member_name", .string, .required)
            .field("reason", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("delivered_at", .datetime, .required)
            .unique(on: "ward_matter_id", "member_id")
            .create()
        try await db.schema(PreElectionPeriod.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("note", .string, .required)
            .create()
        try await db.schema(MemberMeeting.schema)
            .id()
            .field("authority_id", .uuid, .required, .references(Authority.schema, "id", onDelete: .cascade))
            .field("member_id", .uuid, .required)
            .field("officer_id", .uuid, .required)
            .field("title", .string, .required)
            .field("meets_on", .string, .required)
            .field("venue", .string, .required)
            .field("council_premises", .bool, .required)
            .field("party_political", .bool, .required)
            .field("recorded_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for schema in [MemberMeeting.schema, PreElectionPeriod.schema, WardMatterRecipient.schema, WardMatter.schema] {
            try await db.schema(schema).delete()
        }
    }
}

import Fluent
import Foundation

/// A day the authority is closed on top of the bank holidays (e.g. a Christmas shutdown):
/// not a working day for any deadline.
final class ClosureDay: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "closure_days"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    /// The London calendar date, `YYYY-MM-DD`.
    @Field(key: "date") var date: String
    @Field(key: "title") var title: String

    init() {}

    init(authorityID: UUID, date: String, title: String) {
        self.authorityID = authorityID
        self.date = date
        self.title = title
    }
}

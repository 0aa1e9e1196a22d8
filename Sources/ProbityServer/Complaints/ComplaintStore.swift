import Fluent
import Foundation
import ProbityCore
import Vapor

/// Reading and writing cases. Every write happens inside the caller's transaction, with the
/// audit entry and messages of the same change.
enum ComplaintStore {
    /// The case with `id` in this authority; another authority's case, or no case, is 404.
    static func find(_ rawID: String?, authorityID: UUID, on db: any Database) async throws -> ComplaintRecord {
        guard let id = rawID.flatMap(UUID.init(uuidString:)),
              let record = try await ComplaintRecord.find(id, in: authorityID, on: db) else {
            throw AppError.notFound("The complaint")
        }
        return record
    }

    /// Saves the record and rewrites the index of the people named in the case.
    static func save(_ record: ComplaintRecord, _ complaint: ComplaintCase, on db: any Database, at now: Date) async throws {
        try record.store(complaint, at: now)
        try await record.save(on: db)
        let id = try record.requireID()
        try await ComplaintPerson.scoped(to: record.authorityID, on: db).filter(\.$complaintID == id).delete()
        for person in people(in: complaint) {
            try await ComplaintPerson(authorityID: record.authorityID, complaintID: id, person: person).create(on: db)
        }
    }

    /// Everyone the case names, without repeats.
    static func people(in complaint: ComplaintCase) -> [PersonRef] {
        var people: [PersonRef] = [complaint.complainant, complaint.subject]
        people += [complaint.handler].compactMap { $0 }
        people += complaint.investigators.sorted { $0.description < $1.description }
        people += complaint.referral?.assessors ?? []
        people += complaint.copiedTo.sorted { $0.description < $1.description }
        people += complaint.informed.sorted { $0.description < $1.description }
        people += complaint.witnessItems.keys.sorted { $0.description < $1.description }
        people += complaint.complainantIdentityDisclosedTo.sorted { $0.description < $1.description }
        var seen: Set<PersonRef> = []
        return people.filter { seen.insert($0).inserted }
    }

    /// The next number of the year for this authority. The unique constraint on
    /// (authority, year, number) refuses a duplicate taken by another server at the same moment.
    static func nextNumber(authorityID: UUID, year: Int, on db: any Database) async throws -> Int {
        let highest = try await ComplaintRecord.scoped(to: authorityID, on: db)
            .filter(\.$referenceYear == year).max(\.$referenceNumber)
        return (highest ?? 0) + 1
    }

    static func reference(year: Int, number: Int) -> String {
        "CMP-\(year)-" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
    }

    /// Every case of the authority as monitoring reads it (no narrative).
    static func monitoringRecords(authorityID: UUID, on db: any Database) async throws -> [ComplaintMonitoringRecord] {
        try await ComplaintRecord.scoped(to: authorityID, on: db).all().map { try $0.complaintCase().monitoringRecord }
    }
}

import Foundation

/// What a declaration or an agenda item touches. The conflict check compares the tags of a
/// participant's declarations with the tags of each item.
///
/// Names (land, bodies, posts, topics, recruitment processes) are compared in their normalised
/// form (`normalised`), so "The Acme Widgets Ltd." and "ACME widgets limited" are one body.
public enum InterestTag: Sendable, Hashable, Codable {
    /// A ward or electoral division, by its directory id.
    case ward(UUID)
    /// A parcel of land or an address: a UPRN or title number where known, else the address.
    case land(String)
    /// A body or company: an employer, a contractor, a charity, a school, a trade union.
    case body(String)
    /// A named officer or member the item affects personally.
    case person(PersonRef)
    /// A post by title, e.g. "Head of Highways".
    case post(String)
    /// A directorate or service, by its directory id.
    case department(UUID)
    /// Any other subject, e.g. "school closures".
    case topic(String)
    /// A selection or appointment process, by its id.
    case recruitment(String)
    /// A calculation or decision on council tax, precepts or its collection (LGFA 1992 s.106; TH 3.29).
    case councilTaxSetting
    /// Rents of the council's housing (TH 3.28).
    case housingRents
    /// General council housing matters (TH 3.28).
    case councilHousing
    /// Negotiations with staff and the trade unions (TH 14.9).
    case staffNegotiations

    /// The tag with its name in comparable form.
    public var normalised: InterestTag {
        switch self {
        case .land(let text): .land(NameKey.land(text))
        case .body(let text): .body(NameKey.body(text))
        case .post(let text): .post(NameKey.plain(text))
        case .topic(let text): .topic(NameKey.plain(text))
        case .recruitment(let text): .recruitment(NameKey.plain(text))
        case .ward, .person, .department, .councilTaxSetting, .housingRents, .councilHousing, .staffNegotiations: self
        }
    }

    /// How closely a shared tag ties an interest to an item.
    public var reach: TagReach {
        switch self {
        case .ward, .department: .area
        case .land, .body, .person, .post, .topic, .recruitment: .direct
        case .councilTaxSetting, .housingRents, .councilHousing, .staffNegotiations: .businessKind
        }
    }

    /// Orders tags for display: land, bodies, people, posts, subjects, recruitment, then areas.
    var sortKey: String {
        switch self {
        case .land(let text): "0 \(text)"
        case .body(let text): "1 \(text)"
        case .person(let person): "2 \(person)"
        case .post(let text): "3 \(text)"
        case .topic(let text): "4 \(text)"
        case .recruitment(let text): "5 \(text)"
        case .ward(let id): "6 \(id.uuidString)"
        case .department(let id): "7 \(id.uuidString)"
        case .councilTaxSetting: "8 council tax"
        case .housingRents: "8 housing rents"
        case .councilHousing: "8 council housing"
        case .staffNegotiations: "8 staff negotiations"
        }
    }

    /// "land at 1 high street", "the ward", "council tax setting", for reasons shown to people.
    public var phrase: String {
        switch self {
        case .ward: "a ward"
        case .land(let text): "land at \(text)"
        case .body(let text): "the body \(text)"
        case .person: "a named person"
        case .post(let text): "the post \(text)"
        case .department: "a department"
        case .topic(let text): "the subject \(text)"
        case .recruitment(let text): "recruitment process \(text)"
        case .councilTaxSetting: "council tax setting"
        case .housingRents: "council housing rents"
        case .councilHousing: "council housing"
        case .staffNegotiations: "negotiations with staff"
        }
    }
}

/// Whether a shared tag names the very thing an interest is in, or only the area it lies in.
public enum TagReach: Sendable, Hashable {
    /// The same land, body, person, post, subject or recruitment process.
    case direct
    /// The same ward or department: the item may or may not affect the interest.
    case area
    /// A kind of business that restrictions act on (council tax setting, rents, staff negotiations).
    case businessKind
}

/// How an enquiry reached the council. TH 13.3 lists phone, fax, tape, e-mail, writing and
/// personal visit; Probity adds its own web form.
public enum EnquiryChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case phone
    case fax
    case tape
    case email
    case letter
    case personalVisit = "personal-visit"
    case web

    /// "Phone", "Personal visit", "Web form".
    public var displayName: String {
        switch self {
        case .phone: "Phone"
        case .fax: "Fax"
        case .tape: "Tape"
        case .email: "Email"
        case .letter: "Letter"
        case .personalVisit: "Personal visit"
        case .web: "Web form"
        }
    }
}

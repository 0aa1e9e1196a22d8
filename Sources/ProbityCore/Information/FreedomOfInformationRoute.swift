/// The Freedom of Information Act 2000 route offered alongside (or instead of) need to know.
public enum FreedomOfInformationRoute: String, Sendable, Hashable, Codable {
    /// Officers judge that any person would be entitled to it, so they may supply it without a
    /// formal request (Wigan 6.7).
    case supplyWithoutFormalRequest = "supply-without-formal-request"
    /// The member may ask under the Act like anyone else; the Act's exemptions may apply
    /// (TH 12.6(iv), Wigan 6.7).
    case formalRequest = "formal-request"

    /// The route for this document under this profile, if any: only where
    /// `information.freedomOfInformationRoute` is in force, never for confidential information
    /// (disclosure barred by law: FOIA 2000 s.44), personal records (s.40) or a group's papers.
    public static func offered(for document: DocumentFacts, profile: ProtocolProfile) -> FreedomOfInformationRoute? {
        guard profile.information.freedomOfInformationRoute.inForce else { return nil }
        switch document.documentClass {
        case .exempt:
            return document.disclosableToAnyone ? .supplyWithoutFormalRequest : .formalRequest
        case .draftPolicy:
            return document.disclosableToAnyone ? .supplyWithoutFormalRequest : nil
        case .public, .confidential, .groupInternal, .personal:
            return nil
        }
    }

    public var guidance: String {
        switch self {
        case .supplyWithoutFormalRequest:
            "Any person would be entitled to this under the Freedom of Information Act 2000, so officers can supply it without a formal request."
        case .formalRequest:
            "You can also ask for it under the Freedom of Information Act 2000, as any person can; the Act's exemptions may apply."
        }
    }
}

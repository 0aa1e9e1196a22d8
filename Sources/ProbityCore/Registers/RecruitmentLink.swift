/// A relationship between someone on a selection or appointment process and a candidate
/// (TH 14.2: declared "as soon as it becomes known", recorded by the HR director, who decides
/// whether the declarant may take any further part).
public struct RecruitmentLink: Sendable, Hashable, Codable {
    /// The candidate's name as the declarant gives it. Never published.
    public var candidateName: String
    /// The selection or appointment process, as the recruitment system names it.
    public var processID: String
    /// The post being filled, e.g. "Head of Highways".
    public var post: String
    public var determination: RecruitmentDetermination?

    public init(candidateName: String, processID: String, post: String, determination: RecruitmentDetermination? = nil) {
        self.candidateName = candidateName
        self.processID = processID
        self.post = post
        self.determination = determination
    }
}

/// The HR director's decision on whether someone related to a candidate may take any further
/// part in the process (TH 14.2).
public struct RecruitmentDetermination: Sendable, Hashable, Codable {
    public var mayContinue: Bool
    public var decidedBy: PersonRef
    public var decidedOn: CalendarDate
    /// Any terms, e.g. "may shortlist but not interview".
    public var note: String

    public init(mayContinue: Bool, decidedBy: PersonRef, decidedOn: CalendarDate, note: String = "") {
        self.mayContinue = mayContinue
        self.decidedBy = decidedBy
        self.decidedOn = decidedOn
        self.note = note
    }
}

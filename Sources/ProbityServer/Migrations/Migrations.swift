import Fluent

/// Every migration, in order. The same list runs on SQLite and PostgreSQL.
enum ProbityMigrations {
    static let all: [any Migration] = [
        CreateAuthoritiesAndUsers(),
        CreateAuditLog(),
        CreateDirectory(),
        CreateProtocolAndCalendar(),
        CreateNotifications(),
        CreateEnquiries(),
        CreateComplaints(),
        CreateRegisters(),
        AddEmailDelivery(),
        CreateNotificationPreferences(),
        CreateWardMatters(),
        CreateConsultations(),
        CreateMediaContacts(),
        CreateMemberCorrespondence(),
        CreateCorrespondenceCopies(),
        CreateInformation(),
        AddEnquiryOpenDueIndex(),
        AddConfigurationVersion(),
        AddEnquiryHandlerOfficerIndex(),
    ]
}

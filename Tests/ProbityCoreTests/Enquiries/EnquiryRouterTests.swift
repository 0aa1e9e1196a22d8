import Foundation
import Testing
@testable import ProbityCore

@Suite("Enquiry routing: routine and non-routine, with fallbacks")
struct EnquiryRouterTests {
    typealias F = EnquiryFixture

    func route(_ profileID: String, routine: Bool, service: UUID) throws -> Result<EnquiryRoutingOutcome, EnquiryRoutingError> {
        EnquiryRouter.route(routine: routine, serviceID: service, memberID: F.cllrAhmed, profile: try F.profile(profileID), org: F.org)
    }

    @Test func towerHamletsSendsRoutineEnquiriesToTheServiceHeadWithACoveringSheet() throws {
        let outcome = try route("tower-hamlets", routine: true, service: F.highways).get()
        #expect(outcome.officerID == F.headOfHighways)
        #expect(outcome.recipient == Recipient(.headOfService, of: .service))
        #expect(outcome.skipped.isEmpty)
        #expect(outcome.rule.citation == "Tower Hamlets protocol 4.6, 13.1 and 13.4")
        #expect(outcome.coveringSheetRule?.citation == "Tower Hamlets protocol 13.4")
    }

    @Test func towerHamletsSendsNonRoutineEnquiriesToTheDirector() throws {
        let outcome = try route("tower-hamlets", routine: false, service: F.highways).get()
        #expect(outcome.officerID == F.directorPlace)
        #expect(outcome.recipient == Recipient(.director, of: .service))
        #expect(!outcome.routine)
    }

    @Test func towerHamletsHasNoFallbackWhenAServiceHasNoHead() throws {
        let result = try route("tower-hamlets", routine: true, service: F.housing)
        guard case .failure(let error) = result else {
            Issue.record("Housing has no Head of Service: Tower Hamlets names no one else for routine enquiries")
            return
        }
        #expect(error.message == "Housing has no Head of Service in the directory. Add one, or ask member services to pass the enquiry on by hand.")
        #expect(error.rule.ruleId == "enquiries.routing")
    }

    @Test func londonCouncilsFallsBackToTheLiaisonOfficer() throws {
        let outcome = try route("london-councils", routine: true, service: F.housing).get()
        #expect(outcome.officerID == F.liaisonHousing)
        #expect(outcome.recipient == Recipient(.liaisonOfficer, of: .service))
        #expect(outcome.skipped == [Recipient(.headOfService, of: .service)])
        #expect(outcome.coveringSheetRule == nil, "London Councils does not use covering sheets")
    }

    @Test func londonCouncilsSendsSeriousMattersToTheChiefExecutiveWhenThereIsNoDirector() throws {
        let outcome = try route("london-councils", routine: false, service: F.libraries).get()
        #expect(outcome.officerID == F.chiefExecutive)
        #expect(outcome.recipient == Recipient(.chiefExecutive))
        #expect(outcome.rule.citation == "London Councils protocol 7 (General)")
    }

    @Test func wiganPrefersTheNamedLiaisonOfficerThenTheChiefOfficer() throws {
        #expect(try route("wigan", routine: true, service: F.highways).get().officerID == F.liaisonHighways)
        let parks = try route("wigan", routine: true, service: F.parks).get()
        #expect(parks.officerID == F.directorPlace)
        #expect(parks.skipped == [Recipient(.liaisonOfficer, of: .service)])
    }

    @Test func aServiceWithNobodyGivesAClearError() throws {
        guard case .failure(let error) = try route("london-councils", routine: true, service: F.libraries) else {
            Issue.record("Libraries has no Head of Service or liaison officer")
            return
        }
        #expect(error.message == "Libraries has no Head of Service or liaison officer in the directory. Add one, or ask member services to pass the enquiry on by hand.")
        guard case .failure(let director) = try route("tower-hamlets", routine: false, service: F.libraries) else {
            Issue.record("Libraries has no director")
            return
        }
        #expect(director.message.hasPrefix("Libraries has no director in the directory."))
    }

    @Test func anAbsoluteFallbackMissingFromTheDirectoryIsNamed() throws {
        let org = OrgSnapshot(services: [.init(id: F.libraries, name: "Libraries")])
        let result = EnquiryRouter.route(routine: false, serviceID: F.libraries, memberID: F.cllrAhmed,
                                         profile: try F.profile("london-councils"), org: org)
        guard case .failure(let error) = result else {
            Issue.record("nobody is in this directory")
            return
        }
        #expect(error.message == "Libraries has no director in the directory, nor is there a Chief Executive. Add one, or ask member services to pass the enquiry on by hand.")
    }

    @Test func anUnknownServiceIsRefused() throws {
        guard case .failure(let error) = try route("wigan", routine: true, service: F.id(199)) else {
            Issue.record("unknown service")
            return
        }
        #expect(error.message == "That service is not in the directory.")
    }

    @Test func routingUsesTheDraftsRoutineFlag() throws {
        let profile = try F.profile("tower-hamlets")
        let policy = F.draft(purpose: .policy)
        let outcome = try EnquiryRouter.route(routine: policy.isRoutine, serviceID: F.highways, memberID: F.cllrAhmed,
                                              profile: profile, org: F.org).get()
        #expect(outcome.officerID == F.directorPlace)
    }

    @Test func assignmentStaysWithinTheService() {
        #expect(EnquiryRouter.assignmentProblem(officerID: F.highwaysColleague, serviceID: F.highways, routine: true, org: F.org) == nil)
        #expect(EnquiryRouter.assignmentProblem(officerID: F.directorPlace, serviceID: F.highways, routine: true, org: F.org) == nil)
        #expect(EnquiryRouter.assignmentProblem(officerID: F.parksOfficer, serviceID: F.highways, routine: true, org: F.org)
            == "Rowan Tree does not work in Highways. Assign the enquiry to an officer of the service.")
        #expect(EnquiryRouter.assignmentProblem(officerID: F.id(201), serviceID: F.highways, routine: true, org: F.org)
            == "That officer is not in the directory.")
    }

    /// TH 13.1: a non-routine matter goes to the director "or any officer nominated by them".
    @Test func aDirectorMayNominateAnOfficerOfTheDirectorateForNonRoutineEnquiries() {
        #expect(EnquiryRouter.assignmentProblem(officerID: F.placeOfficer, serviceID: F.highways, routine: false, org: F.org) == nil)
        #expect(EnquiryRouter.assignmentProblem(officerID: F.parksOfficer, serviceID: F.highways, routine: false, org: F.org) == nil)
        #expect(EnquiryRouter.assignmentProblem(officerID: F.placeOfficer, serviceID: F.highways, routine: true, org: F.org) != nil)
        #expect(EnquiryRouter.assignmentProblem(officerID: F.liaisonHousing, serviceID: F.highways, routine: false, org: F.org) != nil)
    }
}

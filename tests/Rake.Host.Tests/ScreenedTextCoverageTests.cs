using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Rake.BuildingBlocks.Privacy;

namespace Rake.Host.Tests;

/// <summary>
/// Every free text of every request of every module is screened for identity codes, or is on this list with the reason it
/// need not be (docs/adr/0090). A new request with an unmarked text fails here until someone decides.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class ScreenedTextCoverageTests(SharedHost shared)
{
    private const string Code = "a code or the name of an enum member, checked against a fixed list";
    private const string Reference = "an id, number or reference to a record, checked to exist";
    private const string UserName = "a user name of a member of staff, checked against the user directory";
    private const string Url = "a web address, checked to be an http(s) URL";
    private const string StaffName = "the name of a member of staff or of a public body's member, not a client";
    private const string Filter = "a query filter: read, never stored";
    private const string Made = "made by Rake from stored records (a text key, numbers, dates, a link), never typed by a person";
    private const string ListMember = "a distribution list member's own address: mail goes to it by design";

    /// <summary>Unscreened string properties, by module/Type.Path, with why.</summary>
    private static readonly Dictionary<string, string> AllowList = new()
    {
        ["Reporting/PeriodSchemeRequest.Scheme"] = Code,
        ["Reporting/ReassignRequest.Supervisor"] = UserName,
        ["Communications/SaveNotificationSettingsRequest.Language"] = Code,
        ["Communications/SaveNotificationSettingsRequest.Kinds[].Kind"] = Code,
        ["Communications/SaveNotificationSettingsRequest.Kinds[].Channel"] = Code,
        ["Communications/ListDeliveriesQuery.Status"] = Filter,
        ["Communications/PublicationPageQuery.Search"] = Filter,
        ["Communications/PublicationPageQuery.Status"] = Filter,
        ["Communications/PublicationPageQuery.Channel"] = Filter,
        ["Communications/PublicationPageQuery.Sort"] = Filter,
        ["Communications/PublicationRequest.Kind"] = Code,
        ["Communications/PublicationRequest.Channel"] = Code,
        ["Communications/PublicationRequest.Language"] = Code,
        ["Communications/PlannedRequest.Channel"] = Code,
        ["Communications/PlannedRequest.Responsible"] = StaffName,
        ["Communications/PlannedStatusRequest.Status"] = Code,
        ["Communications/PlanRequest.Rows[].Channels"] = Code,
        ["Communications/InfoSessionRequest.Kind"] = Code,
        ["Communications/DistributionListRequest.Members[].Email"] = ListMember,
        ["Communications/DistributionListRequest.Members[].Name"] = ListMember,
        ["Communications/DistributionListBody.Members[].Email"] = ListMember,
        ["Communications/DistributionListBody.Members[].Name"] = ListMember,
        ["Competence/CompleteOrientationItemBody.Unit"] = Code,
        ["Competence/CompleteOrientationItemRequest.Body.Unit"] = Code,
        ["Competence/AddSpecialistRequest.Name"] = StaffName,
        ["Competence/AddSpecialistRequest.Unit"] = Code,
        ["Competence/AddTrainingRequest.Kind"] = Code,
        ["Competence/AddTrainingRequest.Url"] = Url,
        ["Competence/AddNeedRequest.Unit"] = Code,
        ["Competence/LaunchSurveyRequest.Areas[].Code"] = Code,
        ["Competence/AnswerSurveyBody.Unit"] = Code,
        ["Competence/AnswerSurveyRequest.Body.Unit"] = Code,
        ["Planning/PublicationRequest.IntranetUrl"] = Url,
        ["Planning/PublicationRequest.WebsiteUrl"] = Url,
        ["Planning/ApprovalRequest.Kind"] = Code,
        ["Planning/ApprovalRequest.Body"] = StaffName,
        ["Planning/ApprovalRequest.Approver"] = StaffName,
        ["Planning/NewActionRequest.Responsible"] = StaffName,
        ["Planning/ActionStatusRequest.Status"] = Code,
        ["Planning/EvaluationRequest.Kind"] = Code,
        ["Reporting/TermRequest.Kind"] = Code,
        ["Reporting/TermRequest.Code"] = Code,
        ["Reporting/TermRequest.NameFi"] = "the name of a category, area, municipality or target group of the region",
        ["Reporting/TermRequest.NameSv"] = "the name of a category, area, municipality or target group of the region",
        ["Reporting/TermRequest.NameEn"] = "the name of a category, area, municipality or target group of the region",
        ["Reporting/UpdateTermRequest.Kind"] = Code,
        ["Reporting/UpdateTermRequest.Code"] = Code,
        ["Reporting/UpdateTermRequest.NameFi"] = "the name of a category, area, municipality or target group of the region",
        ["Reporting/UpdateTermRequest.NameSv"] = "the name of a category, area, municipality or target group of the region",
        ["Reporting/UpdateTermRequest.NameEn"] = "the name of a category, area, municipality or target group of the region",
        ["Reporting/SupervisorRequest.UserName"] = UserName,
        ["Reporting/SupervisorRequest.ServiceArea"] = Code,
        ["Reporting/AddCompilationNoteRequest.Kind"] = Code,
        ["Reporting/AddCompilationNoteRequest.ResponsiblePerson"] = StaffName,
        ["Reporting/AddCompilationNote.PeriodId"] = Reference,
        ["Reporting/AddCompilationNote.Kind"] = Code,
        ["Reporting/AddCompilationNote.ResponsiblePerson"] = StaffName,
        ["Reporting/AdvanceRequest.Stage"] = Code,
        ["Reporting/SubmitReportRequest.PhenomenonType"] = Code,
        ["Reporting/SubmitReportRequest.Categories"] = Code,
        ["Reporting/SubmitReportRequest.ServiceArea"] = Code,
        ["Reporting/SubmitReportRequest.Municipality"] = Code,
        ["Reporting/SubmitReportRequest.TargetGroup"] = Code,
        ["Reporting/SubmitReportRequest.Supervisor"] = UserName,
        ["Reporting/SubmitReportRequest.CoReporters"] = UserName,
        ["Reporting/SubmitReportRequest.Language"] = Code,
        ["Reporting/ReportListQuery.Scope"] = Filter,
        ["Reporting/PhenomenonListQuery.Search"] = Filter,
        ["Reporting/PhenomenonListQuery.Trend"] = Filter,
        ["Reporting/PhenomenonListQuery.Sort"] = Filter,
        ["Reporting/ExportRecordsQuery.ServiceArea"] = Filter,
        ["Reporting/ReportExportQuery.Scope"] = Filter,
        ["Reporting/SupervisorRecordRequest.Responsible"] = StaffName,
        ["Reporting/StatusChangeRequest.Status"] = Code,
        ["Workflows/StartInstanceRequest.DefinitionId"] = Reference,
        ["Workflows/HandStartRequest.DefinitionId"] = Reference,
        ["Workflows/TaskPageQuery.Search"] = Filter,
        ["Workflows/TaskPageQuery.Role"] = Filter,
        ["Workflows/TaskPageQuery.Sort"] = Filter,
        ["Workflows/HandStartRequest.Inputs[].Name"] = "the name of an input the definition declares, checked against it",
        ["Workflows/RaiseEventRequest.Name"] = "the name of a workflow event a definition waits for",
        ["Workflows/CompleteTaskRequest.Outcome"] = "an outcome name the task offers",
        ["WorkingGroup/UpdateAssignmentRequest.Status"] = Code,
        ["WorkingGroup/UpdateMeetingRequest.OnlineUrl"] = Url,
        ["WorkingGroup/ScheduleMeetingRequest.OnlineUrl"] = Url,
        ["WorkingGroup/ProposeBudgetRequest.ServiceArea"] = Code,
        ["WorkingGroup/RecordDecisionRequest.Outcome"] = Code,
        ["WorkingGroup/RecordDecisionRequest.ResponsiblePerson"] = StaffName,
        ["WorkingGroup/CompilationDecisionsRequest.PeriodId"] = Code,
        ["WorkingGroup/CompilationDecisionsRequest.Decisions[].Outcome"] = Code,
        ["WorkingGroup/CompilationDecisionsRequest.Decisions[].Responsible"] = UserName,
        ["WorkingGroup/PhenomenonDecisionRequest.Outcome"] = Code,
        ["WorkingGroup/PhenomenonDecisionRequest.Responsible"] = UserName,
        ["WorkingGroup/MemberRequest.Name"] = StaffName,
        ["WorkingGroup/MemberRequest.Title"] = "the member's job title",
        ["WorkingGroup/MemberRequest.UserName"] = UserName,
        ["WorkingGroup/MemberRequest.Role"] = Code,
        ["WorkingGroup/CreateBodyRequest.Kind"] = Code,
        ["WorkingGroup/AddAssignmentRequest.Assignee"] = UserName,
        ["WorkingGroup/AddProposalRequest.TargetKind"] = Code,
        ["WorkingGroup/AddAgendaItemRequest.Kind"] = Code,
        ["WorkingGroup/NominateRequest.Municipality"] = Code,
        ["WorkingGroup/NominateRequest.MemberName"] = StaffName,
        ["WorkingGroup/NominateRequest.DeputyName"] = StaffName,
        ["WorkingGroup/NominateRequest.DecidedBy"] = StaffName,
        ["WorkingGroup/NominateRequest.MemberUserName"] = UserName,
        ["WorkingGroup/NominateRequest.DeputyUserName"] = UserName,
        ["WorkingGroup/ChangeMeetingStatusRequest.Status"] = Code,
        ["WorkingGroup/ChangeProposalStatusRequest.Status"] = Code,
        ["WorkingGroup/MeetingListQuery.Search"] = Filter,
        ["WorkingGroup/MeetingListQuery.Sort"] = Filter,
        ["WorkingGroup/MeetingListQuery.Status"] = Filter,
        ["WorkingGroup/AssignmentPageQuery.Search"] = Filter,
        ["WorkingGroup/AssignmentPageQuery.Sort"] = Filter,
        ["WorkingGroup/AssignmentPageQuery.Status"] = Filter,
        ["WorkingGroup/RenewNominationRequest.MemberName"] = StaffName,
        ["WorkingGroup/RenewNominationRequest.DeputyName"] = StaffName,
        ["WorkingGroup/RenewNominationRequest.DecidedBy"] = StaffName,
        ["WorkingGroup/RenewNominationRequest.MemberUserName"] = UserName,
        ["WorkingGroup/RenewNominationRequest.DeputyUserName"] = UserName,
        ["Communications/NoticeRequest.Template"] = Made,
        ["Communications/NoticeRequest.Args"] = Made,
        ["Communications/NoticeRequest.Link"] = Made,
        ["Communications/NoticeRequest.MarkerKey"] = Made,
    };

    private RakeTestHost Host => shared.Host;

    internal static IReadOnlyList<Assembly> ModuleAssemblies() =>
    [
        typeof(Rake.Modules.Reporting.ReportingModule).Assembly,
        typeof(Rake.Modules.Communications.CommunicationsModule).Assembly,
        typeof(Rake.Modules.WorkingGroup.WorkingGroupModule).Assembly,
        typeof(Rake.Modules.Planning.PlanningModule).Assembly,
        typeof(Rake.Modules.Competence.CompetenceModule).Assembly,
        typeof(Rake.Modules.Workflows.WorkflowsModule).Assembly,
    ];

    private static string ModuleOf(Type type) => type.Assembly.GetName().Name!.Split('.')[^1];

    /// <summary>Request types: named as requests, validated, or bound from the body of an endpoint.</summary>
    private IReadOnlyList<Type> RequestTypes()
    {
        var types = new HashSet<Type>();
        foreach (var assembly in ModuleAssemblies())
        {
            foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
            {
                if (type.Namespace?.Contains(".Features", StringComparison.Ordinal) == true
                    && (type.Name.EndsWith("Request", StringComparison.Ordinal) || type.Name.EndsWith("Body", StringComparison.Ordinal)
                        || type.Name.EndsWith("Query", StringComparison.Ordinal)))
                {
                    types.Add(type);
                }
                foreach (var validated in type.GetInterfaces()
                    .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                    .Select(i => i.GetGenericArguments()[0]))
                {
                    types.Add(validated);
                }
            }
        }
        foreach (var endpoint in ((IEndpointRouteBuilder)Host.App).DataSources.SelectMany(d => d.Endpoints))
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } body && ModuleAssemblies().Contains(body.Assembly))
            {
                types.Add(body);
            }
        }
        return types.ToList();
    }

    [Fact]
    public void Every_free_text_of_every_request_is_screened_or_allowed_for_a_reason()
    {
        var requestTypes = RequestTypes();
        // The walk must see the requests we know of, or it proves nothing.
        Assert.Contains(requestTypes, t => t.Name == "SupervisorRecordRequest");
        Assert.Contains(requestTypes, t => t.Name == "RecordMinutesRequest");
        Assert.Contains(requestTypes, t => t.Name == "PlanRequest");
        Assert.True(requestTypes.Count > 50, $"only {requestTypes.Count} request types found");

        var unscreened = requestTypes
            .SelectMany(t => ScreenedText.Describe(t).Where(p => !p.Screened).Select(p => $"{ModuleOf(t)}/{t.Name}.{p.Path}"))
            .Distinct().Order().ToList();

        var undecided = unscreened.Where(p => !AllowList.ContainsKey(p)).ToList();
        Assert.True(undecided.Count == 0, "Neither screened nor allowed:\n" + string.Join('\n', undecided));
        // Entries for properties that are gone or are now screened go too, so the list stays the truth.
        var stale = AllowList.Keys.Where(k => !unscreened.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Allowed but not found unscreened:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void The_fields_the_issue_names_are_screened()
    {
        var screened = RequestTypes()
            .SelectMany(t => ScreenedText.Describe(t).Where(p => p.Screened).Select(p => $"{ModuleOf(t)}/{t.Name}.{p.Path}"))
            .ToHashSet();

        string[] named =
        [
            "Reporting/SupervisorRecordRequest.CoreOfReport", "Reporting/StatusChangeRequest.Comment",
            "Reporting/FeedbackRequest.Comment", "Reporting/AddCompilationNoteRequest.Text",
            "WorkingGroup/RecordMinutesRequest.Minutes", "WorkingGroup/RecordDecisionRequest.Text",
            "WorkingGroup/AddAssignmentRequest.Title", "WorkingGroup/AddProposalRequest.Description",
            "Communications/PublicationRequest.Body", "Communications/PublicationRequest.Title",
            "Communications/ListMessageRequest.Body", "Reporting/UpdateAnnualSectionsRequest.Conclusions",
            "Reporting/ChoosePhenomenonRequest.Needs", "Reporting/PhenomenonDraftRequest.Text",
            "Reporting/SubmitReportRequest.Description",
        ];
        var missing = named.Where(n => !screened.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "Not screened: " + string.Join(", ", missing));
    }
}

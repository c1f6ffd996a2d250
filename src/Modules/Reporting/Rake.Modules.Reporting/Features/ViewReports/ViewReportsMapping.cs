using Mapster;

namespace Rake.Modules.Reporting.Features.ViewReports;

/// <summary>
/// What in a report's view depends on who reads it, worked out by the handler (which knows the reader) and handed to the
/// mapping as a Mapster run-time parameter, so the configuration still sources every member.
/// </summary>
internal sealed record ReportReader(bool CanProcess, bool SeesRecord, IReadOnlyList<string> NextStatuses)
{
    public const string Parameter = "reader";

    public static ReportReader Current => (ReportReader)MapContext.Current!.Parameters[Parameter];
}

/// <summary>
/// A stored report as its reader sees it: people by user name and display name, categories sorted, the timeline in order,
/// and the supervisor's record, next statuses and processing right of the <see cref="ReportReader"/>.
/// </summary>
internal sealed class ViewReportsMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<SupervisorRecord, SupervisorRecordDto>();
        config.NewConfig<SocialReport, SocialReportDto>()
            .Map(d => d.Categories, s => s.Categories.Select(c => c.Code).Order().ToList())
            .Map(d => d.Reporter, s => new PersonDto(s.ReporterUserName, s.ReporterName))
            .Map(d => d.Supervisor, s => new PersonDto(s.SupervisorUserName, s.SupervisorName))
            .Map(d => d.CoReporters, s => s.CoReporters.Select(c => new PersonDto(c.UserName, c.DisplayName)).ToList())
            .Map(d => d.Timeline, s => s.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id)
                .Select(t => new TimelineEntryDto(t.At, t.Status.ToString(), t.Actor, t.Comment)
                {
                    Kind = t.Kind.ToString(),
                    Code = t.Code,
                    BeforeSupervisorRecord = t.BeforeSupervisorRecord,
                }).ToList())
            .Map(d => d.SupervisorRecord, s => ReportReader.Current.SeesRecord ? s.Record : null)
            .Map(d => d.AllowedNextStatuses, s => ReportReader.Current.NextStatuses)
            .Map(d => d.CanProcess, s => ReportReader.Current.CanProcess);
    }

    public static SocialReportDto Map(ModuleMapper<ReportingModule> mapper, SocialReport report, ReportReader reader) =>
        report.BuildAdapter(mapper.Config).AddParameters(ReportReader.Parameter, reader).AdaptToType<SocialReportDto>();
}
